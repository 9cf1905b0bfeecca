import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASEMAP_LAYER_IDS, BASEMAP_SOURCE, basemapLayers, basemapStyle } from './basemap.ts';
import { BASEMAP_SCHEMA } from '../../contracts/tile-schema.ts';
import { LIGHT } from './theme.ts';

const options = {
	url: 'pmtiles:///tiles/vorselaar-lille/basemap.pmtiles',
	attribution: '© OpenStreetMap contributors',
	minzoom: 8,
	maxzoom: 13,
	bounds: [4.7294, 51.1903, 4.9087, 51.2768] as [number, number, number, number],
	fontFaces: { 'Noto Sans Regular': 'https://example.invalid/noto-sans-400.woff2' },
};

describe('basemap style', () => {
	it('passes validateStyleMin', () => {
		expect(validateStyleMin(basemapStyle(options))).toEqual([]);
	});

	it('fails validation when a layer is broken (the validator is live)', () => {
		const style = basemapStyle(options);
		(style.layers[1] as { type: string }).type = 'filll';
		expect(validateStyleMin(style).length).toBeGreaterThan(0);
	});

	it('lists every layer id in draw order and uses only known source layers', () => {
		const layers = basemapLayers(BASEMAP_SOURCE, LIGHT);
		expect(layers.map((l) => l.id)).toEqual([...BASEMAP_LAYER_IDS]);
		for (const l of layers) {
			if (l.type === 'background') continue;
			expect((l as { source: string }).source).toBe(BASEMAP_SOURCE);
			expect(Object.keys(BASEMAP_SCHEMA)).toContain(
				(l as { 'source-layer': string })['source-layer'],
			);
		}
	});

	it('gives every land-use class a colour of the theme', () => {
		for (const c of BASEMAP_SCHEMA.landuse) expect(LIGHT[c]).toMatch(/^#[0-9a-f]{6}$/);
	});

	it('carries the OSM attribution on its source', () => {
		const src = basemapStyle(options).sources[BASEMAP_SOURCE] as { attribution?: string };
		expect(src.attribution).toContain('OpenStreetMap');
	});
});
