import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { Z_ORDER } from '../z-order.ts';
import { CURATED_SOURCE, curatedGeoJson, curatedLayers } from './curated-style.ts';
import { placesLayers } from './places-style.ts';

describe('curated places layer', () => {
	it('makes a valid style, its dots above the OSM places and its names below their icons', () => {
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
		// the dots above the OSM icons; the names below them, so placed after them (top layer
		// first), beside the icons, which are in the collision index
		expect(ids.indexOf('curated-point')).toBeGreaterThan(ids.indexOf('places-icon'));
		expect(ids.indexOf('curated-label')).toBeLessThan(ids.indexOf('places-icon'));
		const icons = placesLayers('places', ['==', 1, 1])[1];
		expect(icons.id).toBe('places-icon');
		expect(icons.layout?.['icon-ignore-placement']).toBeUndefined();
		expect(curatedLayers()[1].layout?.['text-variable-anchor']).toEqual([
			'left',
			'right',
			'top',
			'bottom',
		]);
	});
});
