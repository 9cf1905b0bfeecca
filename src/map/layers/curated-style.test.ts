import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { Z_ORDER } from '../z-order.ts';
import { CURATED_SOURCE, curatedGeoJson, curatedLayers } from './curated-style.ts';
import { placesLayers } from './places-style.ts';

describe('curated places layer', () => {
	it('makes a valid style, every layer in the z-order registry above the OSM places', () => {
		const data = curatedGeoJson([
			{ id: 'curated:1', name: 'Burenhulp', categoryIds: ['neighbour_help'], lngLat: [4.77, 51.2] },
			{ id: 'curated:2', categoryIds: [], lngLat: [4.78, 51.21] },
		]);
		expect(data.features.map((f) => f.properties)).toEqual([
			{ id: 'curated:1', name: 'Burenhulp', category: 'neighbour_help' },
			{ id: 'curated:2', name: '', category: '' },
		]);
		const style = {
			version: 8 as const,
			glyphs: 'https://example.org/{fontstack}/{range}.pbf',
			sources: { [CURATED_SOURCE]: { type: 'geojson' as const, data } },
			layers: curatedLayers(),
		};
		expect(validateStyleMin(style)).toEqual([]);
		const ids: readonly string[] = Z_ORDER;
		for (const l of curatedLayers())
			expect(ids.indexOf(l.id)).toBeGreaterThan(ids.indexOf('places-icon'));
		// the OSM icons' collision boxes are placed before the curated label (top layer first)
		expect(ids.indexOf('places-collision')).toBeGreaterThan(ids.indexOf('curated-label'));
		const collision = placesLayers('places', ['==', 1, 1])[2];
		expect(collision.id).toBe('places-collision');
		expect(collision.layout?.['icon-ignore-placement']).toBeUndefined();
		expect(collision.paint?.['icon-opacity']).toBe(0);
		expect(curatedLayers()[1].layout?.['text-variable-anchor']).toEqual([
			'left',
			'right',
			'top',
			'bottom',
		]);
	});
});
