import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	createPropertyExpression,
	featureFilter,
	latest,
	type FilterSpecification,
	validateStyleMin,
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../contracts/taxonomy.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from '../../analysis/bundle.ts';
import { builtInProfile, personalGraph } from '../../analysis/personal-profile.ts';
import { WAY_STATUSES } from '../../analysis/network-layer.ts';
import { PROFILE_IDS } from '../../contracts/profiles.ts';
import { Z_ORDER } from '../z-order.ts';
import { neighbourhoodLayers, NEIGHBOURHOODS_SOURCE } from './neighbourhoods-style.ts';
import { placesFilter, placesLayers, PLACES_SOURCE } from './places-style.ts';
import { reasonMask, reasonsFromMask } from '../../analysis/profiles.ts';
import {
	drawEdgeStatuses,
	networkLayers,
	networkPointLayer,
	NETWORK_SOURCE,
	stretchState,
} from './network-style.ts';
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
		// evaluated by MapLibre's own filter code, on features as the places tiles carry them
		const place = (category: string, categories: string, wheelchair = 'no') => ({
			type: 'Point' as const,
			properties: { category, categories, wheelchair },
		});
		const pharmacy = place('pharmacy', 'pharmacy', 'yes');
		const gp = place('gp', 'gp');
		const busStopWithBench = place('public_transport', 'public_transport,bench');
		const bench = place('bench', 'bench');
		const shows = (filter: FilterSpecification, feature: ReturnType<typeof place>) =>
			featureFilter(filter, 'filter').filter({ zoom: 14 }, feature);
		// the legend: by first category
		const legend = placesFilter(new Set(['pharmacy', 'gp']), undefined, false);
		expect([pharmacy, gp, busStopWithBench, bench].map((f) => shows(legend, f))).toEqual([
			true,
			true,
			false,
			false,
		]);
		// a chosen kind of help: every place of it, first category or another
		const benches = placesFilter(new Set(['gp']), 'bench', false);
		expect([pharmacy, gp, busStopWithBench, bench].map((f) => shows(benches, f))).toEqual([
			false,
			false,
			true,
			true,
		]);
		// an id inside another id is not that category
		expect(shows(placesFilter(new Set(), 'bus', false), busStopWithBench)).toBe(false);
		// only wheelchair-accessible places
		const accessible = placesFilter(new Set(['gp', 'pharmacy']), undefined, true);
		expect([pharmacy, gp].map((f) => shows(accessible, f))).toEqual([true, false]);
		expect(shows(placesFilter(new Set(), 'pharmacy', true), pharmacy)).toBe(true);
	});

	it('sorts symbols in legend order', () => {
		const sortKey = placesLayers('places', ['all'])[1].layout?.['symbol-sort-key'] as unknown[];
		expect(sortKey.slice(2, 4)).toEqual([CATEGORIES[0]!.id, 0]);
	});
});

describe('the accessible-routes layers', () => {
	/** A paint property of `layer` evaluated for a tile feature with `props` and `state`, at `zoom`. */
	const paintOf = (
		layer: { id: string; paint?: object },
		name: string,
		zoom: number,
		props: Record<string, unknown>,
		state: Record<string, unknown>,
	): unknown => {
		const value = (layer.paint as Record<string, unknown> | undefined)?.[name];
		const spec = (latest.paint_line as Record<string, unknown>)[name];
		const parsed = createPropertyExpression(
			value ?? (spec as { default: unknown }).default,
			name,
			spec as never,
		);
		if (parsed.result !== 'success') throw new Error(`${name}: ${JSON.stringify(parsed)}`);
		const feature = { type: 'LineString' as const, properties: props, geometry: [] } as never;
		return parsed.value.evaluate({ zoom }, feature, state);
	};

	const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
		[{ wheelchair_status: 'passable' }, {}, 'passable'],
		[{ wheelchair_status: 'limited' }, {}, 'limited'],
		[{ wheelchair_status: 'impassable' }, {}, 'impassable'],
		[{ wheelchair_status: 'unknown' }, {}, 'unknown'],
		[{}, {}, 'unknown'],
		// a personal profile's status (feature-state) over the tile's
		[{ wheelchair_status: 'passable' }, { status: 'impassable' }, 'impassable'],
		[{ wheelchair_status: 'passable' }, { status: 'unknown' }, 'unknown'],
		[{ wheelchair_status: 'unknown' }, { status: 'limited' }, 'limited'],
	];

	it('show each edge in one layer only, in its status colour', () => {
		const [known, unknown] = networkLayers('footways', 'wheelchair');
		/** What a layer adds to a pixel: its colour's alpha times its opacity (premultiplied). */
		const alphaOf = (layer: typeof known, props: Record<string, unknown>, state: object) =>
			(paintOf(layer, 'line-color', 14, props, state as never) as { a: number }).a *
			(paintOf(layer, 'line-opacity', 14, props, state as never) as number);
		for (const [props, state, status] of cases) {
			expect(alphaOf(known, props, state)).toBe(status === 'unknown' ? 0 : 1);
			expect(alphaOf(unknown, props, state)).toBe(status === 'unknown' ? 1 : 0);
			if (status !== 'unknown')
				expect(String(paintOf(known, 'line-color', 14, props, state))).toBe(
					String(paintOf(known, 'line-color', 14, { wheelchair_status: status }, {})),
				);
		}
		expect(String(paintOf(known, 'line-color', 14, { wheelchair_status: 'limited' }, {}))).toBe(
			'rgba(211,84,0,1)',
		); // #d35400
	});

	it('give each edge one state-dependent paint value per layer (what a profile change re-uploads)', () => {
		const stateDependent = (layer: { paint?: object }) =>
			Object.entries(layer.paint ?? {})
				.filter(([, v]) => JSON.stringify(v).includes('"feature-state"'))
				.map(([k]) => k);
		const [known, unknown] = networkLayers('footways', 'wheelchair');
		expect(stateDependent(known)).toEqual(['line-color']);
		expect(stateDependent(unknown)).toEqual(['line-opacity']);
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

describe('the accessible-routes layer for a personal profile', () => {
	const personal = {
		base: 'wheelchair' as const,
		statuses: Uint8Array.from([0, 2, 3]),
		reasons: Uint32Array.from([0, reasonMask(['width_narrow', 'kerb_raised']), 0]),
	};

	it('reads a stretch from the worker for the personal profile, from the tile otherwise', () => {
		const props = {
			wheelchair_status: 'passable',
			walking_status: 'limited',
			walking_reasons: 'steps',
		};
		expect(stretchState(props, 1, 'wheelchair', personal)).toEqual({
			status: 'impassable',
			reasons: reasonsFromMask(reasonMask(['width_narrow', 'kerb_raised'])),
		});
		expect(stretchState(props, 1, 'walking', personal)).toEqual({
			status: 'limited',
			reasons: ['steps'],
		});
		expect(stretchState(props, 1, 'wheelchair', undefined)).toEqual({
			status: 'passable',
			reasons: [],
		});
	});

	it('sets every edge as feature-state and clears them again, leaving other keys', () => {
		const state = new Map<number, Record<string, unknown>>();
		const map = {
			setFeatureState: (f: { id: number }, s: Record<string, unknown>) =>
				state.set(f.id, { ...state.get(f.id), ...s }),
			removeFeatureState: (f: { id?: number }, key?: string) => {
				const s = state.get(f.id!);
				if (s && key) delete s[key];
			},
		};
		state.set(2, { shed: 4 });
		drawEdgeStatuses(map, 'footways', personal);
		expect([...state.entries()].sort()).toEqual([
			[0, { status: 'passable' }],
			[1, { status: 'impassable' }],
			[2, { shed: 4, status: 'unknown' }],
		]);
		drawEdgeStatuses(map, 'footways', undefined);
		expect([...state.entries()].sort()).toEqual([
			[0, {}],
			[1, {}],
			[2, { shed: 4 }],
		]);
	});

	it('after a profile change sets feature-state only on edges whose status changed (the real sample graph)', () => {
		const graph = decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
		).graph;
		const E = graph.edgeCount;
		const pi = PROFILE_IDS.indexOf('wheelchair');
		const slot = (a: Uint8Array) => a.slice(pi * E, (pi + 1) * E);
		const builtIn = slot(graph.statuses);
		// the worker's answer for a personal profile: its statuses beside the built-in ones
		const answer = (p: Parameters<typeof personalGraph>[1]) => ({
			base: 'wheelchair' as const,
			statuses: slot(personalGraph(graph, p).statuses),
			reasons: new Uint32Array(E),
			builtIn,
		});
		const wide = answer({ ...builtInProfile('wheelchair'), minWidthM: 1.5 });
		const steps = answer({ ...builtInProfile('wheelchair'), steps: true, avoid: [] });
		const state = new Map<number, string>();
		let calls = 0;
		const map = {
			setFeatureState: (f: { id: number }, s: Record<string, unknown>) => {
				calls++;
				state.set(f.id, s.status as string);
			},
			removeFeatureState: (f: { id?: number }) => {
				calls++;
				state.delete(f.id!);
			},
		};
		/** What the layer draws per edge: the feature-state, else the tile's built-in status. */
		const drawn = () => Array.from(builtIn, (code, e) => state.get(e) ?? WAY_STATUSES[code]);
		const shown = (a: { statuses: Uint8Array }) => Array.from(a.statuses, (c) => WAY_STATUSES[c]);
		const differ = (a: Uint8Array, b: Uint8Array) => a.filter((x, e) => x !== b[e]).length;

		let n = drawEdgeStatuses(map, 'footways', wide);
		// the width norm changes some edges, far from all: only those get feature-state
		expect(n).toBe(differ(wide.statuses, builtIn));
		expect(n).toBeGreaterThan(0);
		expect(n).toBeLessThan(E / 10);
		expect(calls).toBe(n);
		expect(drawn()).toEqual(shown(wide));
		// the other profile: set where its status differs from what is drawn, cleared where it is
		// the tile's again; edges that stay as they are are not touched
		calls = 0;
		const wanted = (a: typeof wide, e: number) =>
			a.statuses[e] === builtIn[e] ? 0 : (a.statuses[e] as number) + 1;
		let expected = 0;
		for (let e = 0; e < E; e++) if (wanted(wide, e) !== wanted(steps, e)) expected++;
		n = drawEdgeStatuses(map, 'footways', steps);
		expect(n).toBe(expected);
		expect(calls).toBe(n);
		expect(drawn()).toEqual(shown(steps));
		// the same answer again: nothing to do
		expect(drawEdgeStatuses(map, 'footways', steps)).toBe(0);
		// back to the built-in profile: only the edges that had feature-state are cleared
		n = drawEdgeStatuses(map, 'footways', undefined);
		expect(n).toBe(differ(steps.statuses, builtIn));
		expect(state.size).toBe(0);
	});
});
