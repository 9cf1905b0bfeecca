import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../analysis/taxonomy.ts';
import { Z_ORDER } from '../z-order.ts';
import { neighbourhoodLayers, NEIGHBOURHOODS_SOURCE } from './neighbourhoods-style.ts';
import { placesFilter, placesLayers, PLACES_SOURCE } from './places-style.ts';
import { networkLayers, networkPointLayer, NETWORK_SOURCE } from './network-style.ts';
import { routeGeoJson, routeLayers, ROUTE_SOURCE } from './route-style.ts';

const layers = [
	...neighbourhoodLayers('neighbourhoods', 'neighbourhood_labels'),
	...placesLayers('places', placesFilter(new Set(['gp', 'pharmacy']), undefined, true)),
	...networkLayers('footways', 'wheelchair'),
	networkPointLayer('network_points', ['barrier', 'kerb']),
	...routeLayers(),
];

describe('overlay layers', () => {
	it('make a valid style', () => {
		const style = {
			version: 8 as const,
			'font-faces': { 'Noto Sans Regular': 'http://127.0.0.1/noto.woff2' },
			sources: {
				[NEIGHBOURHOODS_SOURCE]: {
					type: 'vector' as const,
					url: 'pmtiles://http://127.0.0.1/n.pmtiles',
				},
				[PLACES_SOURCE]: { type: 'vector' as const, url: 'pmtiles://http://127.0.0.1/p.pmtiles' },
				[NETWORK_SOURCE]: { type: 'vector' as const, url: 'pmtiles://http://127.0.0.1/w.pmtiles' },
				[ROUTE_SOURCE]: { type: 'geojson' as const, data: routeGeoJson(undefined, [4.77, 51.2]) },
			},
			layers: [{ id: 'background', type: 'background' as const }, ...layers],
		};
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('are all in the z-order registry', () => {
		for (const layer of layers) expect(Z_ORDER).toContain(layer.id);
	});

	it('filter places by the legend, a chosen kind of help and wheelchair access', () => {
		expect(placesFilter(new Set(['pharmacy', 'gp']), undefined, false)).toEqual([
			'in',
			['get', 'category'],
			['literal', ['gp', 'pharmacy']],
		]);
		expect(placesFilter(new Set(['gp']), 'bakery', false)).toEqual([
			'in',
			['get', 'category'],
			['literal', ['bakery']],
		]);
		expect(placesFilter(new Set(['gp']), undefined, true)).toEqual([
			'all',
			['in', ['get', 'category'], ['literal', ['gp']]],
			['in', ['get', 'wheelchair'], ['literal', ['yes', 'designated']]],
		]);
	});

	it('sorts symbols in legend order', () => {
		const sortKey = placesLayers('places', ['all'])[1].layout?.['symbol-sort-key'] as unknown[];
		expect(sortKey.slice(2, 4)).toEqual([CATEGORIES[0]!.id, 0]);
	});
});

describe('the network points layer', () => {
	it('shows only the kinds switched on, and hides itself when none is', () => {
		const on = networkPointLayer('network_points', ['crossing']);
		expect(on.filter).toEqual(['in', ['get', 'kind'], ['literal', ['crossing']]]);
		expect(on.layout?.visibility).toBe('visible');
		expect(networkPointLayer('network_points', []).layout?.visibility).toBe('none');
	});
});
