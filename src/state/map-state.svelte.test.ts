/**
 * MapState's map-facing logic: overlays placed by the z-order registry, pick a point, draw a line.
 * MapLibre needs WebGL, which happy-dom lacks, so the map here is a small stand-in that keeps
 * layers in order and emits clicks (tests/helpers/map-stand-in.ts); the real map is covered end to end (tests/e2e/areas.spec.ts:
 * the rendered layer order with the route overlay).
 */
import { describe, expect, it } from 'vitest';
import { standIn } from '../../tests/helpers/map-stand-in.ts';
import { coverageLayers, SHARE_STATE_KEY } from '../map/layers/coverage-style.ts';
import { NEIGHBOURHOODS_SOURCE } from '../map/layers/neighbourhoods-style.ts';
import { MapState } from './map-state.svelte.ts';

describe('MapState', () => {
	it('places overlay layers by the registry, also when they come before the map', () => {
		const state = new MapState();
		state.setOverlay('route', {
			source: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
			layers: [
				{ id: 'route-casing', type: 'line', source: 'route' },
				{ id: 'route-line', type: 'line', source: 'route' },
			],
		});
		const s = standIn();
		state.attach(s.map);
		expect(s.layers.map((l) => l.id)).toEqual([
			'neighbourhoods-fill',
			'route-casing',
			'route-line',
			'places-icon',
		]);
		expect(state.centre()).toEqual([4.8, 51.2]);
		state.removeOverlay('route');
		expect(s.layers.map((l) => l.id)).toEqual(['neighbourhoods-fill', 'places-icon']);
		expect(() =>
			state.setOverlay('x', {
				source: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
				layers: [{ id: 'nope', type: 'line', source: 'x' }],
			}),
		).toThrow(/"nope" is not in map\/z-order\.ts/);
	});

	it("keeps the opening link's view for its mode's first answer only", () => {
		const state = new MapState();
		const s = standIn();
		state.attach(s.map);
		const box: [number, number, number, number] = [4.8, 51.2, 4.9, 51.3];
		state.keepViewFor('mode=walkshed&pt=4.8%2C51.2&min=10');
		state.fitResult('mode=walkshed&pt=4.8%2C51.2&min=10', box);
		expect(s.fitted).toEqual([]);
		// the next answer (another time, or the same again) is shown whole
		state.fitResult('mode=walkshed&pt=4.8%2C51.2&min=20', box);
		state.fitResult('mode=walkshed&pt=4.8%2C51.2&min=10', box);
		expect(s.fitted).toHaveLength(2);
		// an answer of another mode first ends the keeping
		state.keepViewFor('mode=fixes&cat=gp&norm=1000');
		state.fitResult('mode=route&a=4.8%2C51.2&b=4.9%2C51.3', box);
		state.fitResult('mode=fixes&cat=gp&norm=1000', box);
		expect(s.fitted).toHaveLength(4);
		// an answer with nothing to show (no fix, a failed ask) ends it too
		state.keepViewFor('mode=fixes&cat=gp&norm=1000');
		state.fitResult('mode=fixes&cat=gp&norm=1000');
		state.fitResult('mode=fixes&cat=gp&norm=1000', box);
		expect(s.fitted).toHaveLength(5);
		// the map moved for the user (an address chosen in a place's link without a starting point):
		// the view is the user's now, and the first route is shown whole
		state.keepViewFor('mode=place&place=n1');
		state.flyTo([4.8, 51.2], 17);
		state.fitResult('mode=place&place=n1', box);
		expect(s.fitted).toHaveLength(6);
	});

	it("gives a layer set again its new paint, and adds an overlay's images once", () => {
		const state = new MapState();
		const s = standIn();
		state.attach(s.map);
		const hatch = { width: 1, height: 1, data: new Uint8Array(4) };
		const overlay = (colour: string) => ({
			source: {
				type: 'geojson' as const,
				data: { type: 'FeatureCollection' as const, features: [] },
			},
			layers: [
				{
					id: 'coverage-neighbourhoods',
					type: 'fill' as const,
					source: 'neighbourhoods',
					paint: { 'fill-color': colour },
				},
			],
			images: { hatch },
		});
		state.setOverlay('coverage', overlay('#ff0000'));
		state.setOverlay('coverage', overlay('#00ff00'));
		expect(s.layers.map((l) => l.id)).toEqual([
			'neighbourhoods-fill',
			'coverage-neighbourhoods',
			'places-icon',
		]);
		expect(s.layers[1]).toMatchObject({ paint: { 'fill-color': '#00ff00' } });
	});

	it("draws an overlay without a source of its own from the area's sources, and leaves those", () => {
		const state = new MapState();
		const s = standIn();
		state.attach(s.map);
		s.map.addSource('neighbourhoods', { type: 'vector', url: 'pmtiles://n' });
		state.setOverlay('completeness', {
			layers: [{ id: 'completeness-fill', type: 'fill', source: 'neighbourhoods' }],
		});
		expect(s.layers.map((l) => l.id)).toEqual([
			'neighbourhoods-fill',
			'completeness-fill',
			'places-icon',
		]);
		expect(s.map.getSource('completeness')).toBeUndefined();
		state.removeOverlay('completeness');
		expect(s.layers.map((l) => l.id)).toEqual(['neighbourhoods-fill', 'places-icon']);
		expect(s.map.getSource('neighbourhoods')).toBeDefined();
	});

	it('hides the base layers an overlay names while any overlay hides them, and shows them again after', () => {
		const state = new MapState();
		const s = standIn();
		state.attach(s.map);
		s.map.addSource('neighbourhoods', { type: 'vector', url: 'pmtiles://n' });
		const visibility = () =>
			(s.layers.find((l) => l.id === 'neighbourhoods-fill') as { layout?: { visibility?: string } })
				.layout?.visibility;
		const fill = (id: string) => ({ id, type: 'fill' as const, source: 'neighbourhoods' });
		state.setOverlay('completeness', {
			layers: [fill('completeness-fill')],
			hides: ['neighbourhoods-fill'],
		});
		expect(visibility()).toBe('none');
		state.setOverlay('coverage-shading', {
			layers: [fill('coverage-neighbourhoods')],
			hides: ['neighbourhoods-fill'],
		});
		state.removeOverlay('completeness');
		// the other overlay still hides it
		expect(visibility()).toBe('none');
		state.removeOverlay('coverage-shading');
		expect(visibility()).toBe('visible');
		// an overlay set again without hiding it any more: shown again
		state.setOverlay('completeness', {
			layers: [fill('completeness-fill')],
			hides: ['neighbourhoods-fill'],
		});
		expect(visibility()).toBe('none');
		state.setOverlay('completeness', { layers: [fill('completeness-fill')] });
		expect(visibility()).toBe('visible');
	});

	it("sets an overlay's feature-state on an area source, changes only what changed, clears it on removal and keeps other keys", () => {
		// the coverage panel's neighbourhood shading: its layer and key on the area's neighbourhoods
		const state = new MapState();
		const s = standIn();
		state.attach(s.map);
		s.map.addSource(NEIGHBOURHOODS_SOURCE, { type: 'vector', url: 'pmtiles://n' });
		// a key another owner set on the same feature stays
		const target = { source: NEIGHBOURHOODS_SOURCE, sourceLayer: 'hoods', id: 2 };
		s.map.setFeatureState(target, { other: 'x' });
		const layer = coverageLayers('hoods').neighbourhoods;
		const shading = (values: [number, number][]) => ({
			layers: [layer],
			featureState: {
				source: NEIGHBOURHOODS_SOURCE,
				sourceLayer: 'hoods',
				key: SHARE_STATE_KEY,
				values: new Map(values),
			},
		});
		const k = SHARE_STATE_KEY;
		state.setOverlay(
			'coverage-shading',
			shading([
				[1, 7],
				[2, 1],
			]),
		);
		expect(s.layers.map((l) => l.id)).toContain(layer.id);
		expect(Object.fromEntries(s.featureStates)).toEqual({
			'neighbourhoods/hoods/1': { [k]: 7 },
			'neighbourhoods/hoods/2': { other: 'x', [k]: 1 },
		});
		state.setOverlay(
			'coverage-shading',
			shading([
				[2, 3],
				[5, 4],
			]),
		);
		expect(Object.fromEntries(s.featureStates)).toEqual({
			'neighbourhoods/hoods/2': { other: 'x', [k]: 3 },
			'neighbourhoods/hoods/5': { [k]: 4 },
		});
		state.removeOverlay('coverage-shading');
		expect(s.layers.map((l) => l.id)).not.toContain(layer.id);
		expect(Object.fromEntries(s.featureStates)).toEqual({
			'neighbourhoods/hoods/2': { other: 'x' },
		});
		expect(s.map.getSource(NEIGHBOURHOODS_SOURCE)).toBeDefined();
		// a map attached later gets the states of the overlays set before
		state.setOverlay('coverage-shading', shading([[3, 2]]));
		const t = standIn();
		t.map.addSource(NEIGHBOURHOODS_SOURCE, { type: 'vector', url: 'pmtiles://n' });
		state.attach(t.map);
		expect(Object.fromEntries(t.featureStates)).toEqual({ 'neighbourhoods/hoods/3': { [k]: 2 } });
	});

	it("sends a GeoJSON source's data only when it is another object, and sets feature-state on its own source", () => {
		const state = new MapState();
		const s = standIn();
		state.attach(s.map);
		const points = { type: 'FeatureCollection' as const, features: [] };
		const overlay = (data: typeof points, values: [number, number][]) => ({
			source: { type: 'geojson' as const, data },
			layers: [{ id: 'coverage-origins', type: 'circle' as const, source: 'coverage' }],
			featureState: { source: 'coverage', key: 'c', values: new Map(values) },
		});
		state.setOverlay('coverage', overlay(points, [[0, 1]]));
		const source = s.map.getSource('coverage') as unknown as {
			data: unknown;
			setData: (d: unknown) => void;
		};
		let sent = 0;
		const setData = source.setData;
		source.setData = (d) => {
			sent += 1;
			setData(d);
		};
		// a what-if: the same points, other classes
		state.setOverlay(
			'coverage',
			overlay(points, [
				[0, 2],
				[1, 3],
			]),
		);
		expect(sent).toBe(0);
		expect(Object.fromEntries(s.featureStates)).toEqual({
			'coverage//0': { c: 2 },
			'coverage//1': { c: 3 },
		});
		const others = { type: 'FeatureCollection' as const, features: [] };
		state.setOverlay('coverage', overlay(others, [[0, 2]]));
		expect(sent).toBe(1);
		expect(source.data).toBe(others);
		// removed and set again: the data goes to the new source
		state.removeOverlay('coverage');
		expect(s.featureStates.size).toBe(0);
		state.setOverlay('coverage', overlay(others, [[0, 2]]));
		expect((s.map.getSource('coverage') as unknown as { data: unknown }).data).toBe(others);
	});

	it("patches some features of an overlay's feature-state: only those set, the rest untouched, a later map gets all", () => {
		const state = new MapState();
		const s = standIn();
		state.attach(s.map);
		const values = new Map([
			[0, 1],
			[1, 1],
			[2, 3],
		]);
		state.setOverlay('coverage', {
			source: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
			layers: [{ id: 'coverage-origins', type: 'circle', source: 'coverage' }],
			featureState: { source: 'coverage', key: 'c', values },
		});
		const set: unknown[] = [];
		const setFeatureState = s.map.setFeatureState.bind(s.map);
		s.map.setFeatureState = ((target, st) => {
			set.push(target.id);
			return setFeatureState(target, st);
		}) as typeof s.map.setFeatureState;
		// the owner changed its map in place for feature 2, and says so
		values.set(2, 0);
		state.patchFeatureState('coverage', new Map([[2, 0]]));
		expect(set).toEqual([2]);
		expect(Object.fromEntries(s.featureStates)).toEqual({
			'coverage//0': { c: 1 },
			'coverage//1': { c: 1 },
			'coverage//2': { c: 0 },
		});
		// drawn again (another map): what the map now holds
		const t = standIn();
		state.attach(t.map);
		expect(Object.fromEntries(t.featureStates)).toEqual(Object.fromEntries(s.featureStates));
	});

	it('picks the next clicked point, and cancels', async () => {
		const state = new MapState();
		const s = standIn();
		state.attach(s.map);
		const picked = state.pickPoint();
		expect(state.isPicking).toBe(true); // a click on a place is a position now
		s.fire('click', 4.81, 51.21);
		await expect(picked).resolves.toEqual([4.81, 51.21]);
		expect(state.isPicking).toBe(false);
		const controller = new AbortController();
		const cancelled = state.pickPoint(controller.signal);
		controller.abort();
		await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
		expect(s.listeners()).toBe(0);
		expect(state.isPicking).toBe(false);
	});

	it('keeps a pick asked for before the map is ready, and picks once it is; stopped while it waits', async () => {
		const state = new MapState();
		const waiting = new AbortController();
		const stopped = state.pickPoint(waiting.signal);
		const kept = state.pickPoint();
		waiting.abort();
		await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
		const s = standIn();
		state.attach(s.map);
		await Promise.resolve();
		// only the kept pick listens: the stopped one never reaches the map
		expect(state.isPicking).toBe(true);
		s.fire('click', 4.82, 51.22);
		await expect(kept).resolves.toEqual([4.82, 51.22]);
		expect(s.listeners()).toBe(0);
	});

	it('draws a line of clicks, ended by a double click (one point there), zoom restored', async () => {
		const state = new MapState();
		const s = standIn();
		state.attach(s.map);
		const seen: number[] = [];
		const line = state.drawLine((points) => seen.push(points.length));
		expect(s.zooming()).toBe(false);
		s.fire('click', 4.8, 51.2);
		s.fire('click', 4.801, 51.2);
		s.fire('click', 4.801, 51.2); // the double click's clicks
		s.fire('dblclick', 4.801, 51.2);
		await expect(line).resolves.toEqual([
			[4.8, 51.2],
			[4.801, 51.2],
		]);
		expect(seen).toEqual([1, 2]);
		expect(s.zooming()).toBe(true);
		expect(s.listeners()).toBe(0);
	});

	it('keeps a line asked for before the map is ready, and draws it once it is; stopped while it waits', async () => {
		// it was refused at once ('the map is not shown'): the report form still said "click on the
		// map", and no click ever drew
		const state = new MapState();
		const waiting = new AbortController();
		const stopped = state.drawLine(undefined, waiting.signal);
		const seen: number[] = [];
		const kept = state.drawLine((points) => seen.push(points.length));
		waiting.abort();
		await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
		const s = standIn();
		state.attach(s.map);
		await Promise.resolve();
		expect(state.isPicking).toBe(true);
		s.fire('click', 4.8, 51.2);
		s.fire('click', 4.801, 51.2);
		s.fire('dblclick', 4.801, 51.2);
		await expect(kept).resolves.toEqual([
			[4.8, 51.2],
			[4.801, 51.2],
		]);
		expect(seen).toEqual([1, 2]);
		expect(s.listeners()).toBe(0);
	});
	it('calls a layer click handler with the feature, also when set before the map, never while picking, and not after removal', async () => {
		const state = new MapState();
		const clicked: unknown[] = [];
		const layers = ['reports-point', 'reports-line'];
		const remove = state.onLayerClick(layers, (p) => clicked.push(p.id));
		const { map, fireOn, listeners } = standIn();
		const before = listeners();
		state.attach(map);
		expect(listeners()).toBe(before + 3); // click, mouseenter, mouseleave
		fireOn(layers, { id: 'a' });
		expect(clicked).toEqual(['a']);
		const picking = new AbortController();
		const picked = state.pickPoint(picking.signal).catch(() => 'stopped');
		fireOn(layers, { id: 'b' });
		expect(clicked).toEqual(['a']);
		picking.abort();
		expect(await picked).toBe('stopped');
		remove();
		expect(listeners()).toBe(before);
		fireOn(layers, { id: 'c' });
		expect(clicked).toEqual(['a']);
	});
	it('opens one thing per click: only the handler of the topmost clickable layer under the pointer', () => {
		const state = new MapState();
		const reports: unknown[] = [];
		const places: unknown[] = [];
		state.onLayerClick(['reports-point', 'reports-line'], (p) => reports.push(p.id));
		state.onLayerClick(['places-icon'], (p, { lngLat }) => places.push([p.id, lngLat]));
		const { map, fireOn, pointerOver } = standIn();
		map.addLayer({ id: 'reports-point', type: 'circle', source: 'reports' });
		state.attach(map);
		// a report drawn over a place icon: MapLibre calls both handlers, only the report's acts
		pointerOver(['reports-point', 'places-icon']);
		fireOn(['places-icon'], { id: 'place-1' });
		fireOn(['reports-point', 'reports-line'], { id: 'report-1' });
		expect(reports).toEqual(['report-1']);
		expect(places).toEqual([]);
		// the place alone
		pointerOver(['places-icon']);
		fireOn(['places-icon'], { id: 'place-1' });
		expect(places).toEqual([['place-1', [4.8, 51.2]]]);
		// a clickable layer that is not on the map (its overlay gone) does not count
		map.removeLayer('reports-point');
		pointerOver(['reports-point', 'places-icon']);
		fireOn(['places-icon'], { id: 'place-2' });
		expect(places).toHaveLength(2);
		// a marker drawn over the icon that opens nothing (a route's end, a fix): nothing opens
		map.addLayer({ id: 'fixes-point', type: 'circle', source: 'fixes' });
		pointerOver(['fixes-point', 'places-icon']);
		fireOn(['places-icon'], { id: 'place-3' });
		expect(places).toHaveLength(2);
		pointerOver(['places-icon', 'fixes-point']);
		fireOn(['places-icon'], { id: 'place-3' });
		expect(places).toHaveLength(3);
	});
});
