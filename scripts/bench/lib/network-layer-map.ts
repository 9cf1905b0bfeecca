/**
 * The map side of the network-layer bench, bundled for a plain Chromium page: a MapLibre map with
 * the area's network tiles (its PMTiles archive, read from memory) and the accessible-routes layers
 * drawn one of two ways: `opacity`, the app's (src/map/layers/network-style.ts: the known and the
 * unknown layer each hold EVERY edge, the other's hidden (transparent colour or opacity 0), so feature-state can move an
 * edge between them), or `filtered`, one layer per purpose (each holds only its edges, by the
 * tile's status; feature-state cannot move an edge then). Each call resolves once the map is idle.
 */
import type {
	ExpressionSpecification,
	LineLayerSpecification,
	Map as MapLibreMap,
} from 'maplibre-gl';
import { networkLayers } from '../../../src/map/layers/network-style.ts';
import { benchMap, drawnAfter, startArchiveMap } from './archive-map.ts';
import type { ProfileId } from '../../../src/contracts/profiles.ts';

export type Way = 'opacity' | 'filtered';
let sourceLayer = '';
const theMap = (): MapLibreMap => benchMap();

/** The layers of `way` for `profile`. */
export function layersOf(way: Way, profile: ProfileId): LineLayerSpecification[] {
	const layers = networkLayers(sourceLayer, profile);
	if (way === 'opacity') return layers;
	const baked: ExpressionSpecification = ['coalesce', ['get', `${profile}_status`], 'unknown'];
	return layers.map((l) => ({
		...l,
		filter:
			l.id === 'network-known' ? ['!=', baked, 'unknown'] : (['==', baked, 'unknown'] as never),
		paint: { ...l.paint, 'line-opacity': 1 },
	}));
}

export function start(
	container: HTMLElement,
	centre: [number, number],
	workerCode: string,
	network: { b64: string; layer: string },
): Promise<void> {
	sourceLayer = network.layer;
	return startArchiveMap(container, centre, workerCode, { b64: network.b64 }, {}, []);
}

/** Puts `way`'s layers for `profile` on the map (untimed), shown. */
export function use(way: Way, profile: ProfileId): Promise<number> {
	const map = theMap();
	return drawnAfter(() => {
		for (const id of ['network-known', 'network-unknown'])
			if (map.getLayer(id)) map.removeLayer(id);
		for (const l of layersOf(way, profile).reverse()) map.addLayer(l);
	});
}

/** Switches the shown profile as the app does (MapView: paint; filtered: also the filter). */
export function switchProfile(way: Way, profile: ProfileId): Promise<number> {
	const map = theMap();
	return drawnAfter(() => {
		for (const l of layersOf(way, profile)) {
			if (l.id === 'network-known')
				map.setPaintProperty(l.id, 'line-color', l.paint?.['line-color']);
			map.setPaintProperty(l.id, 'line-opacity', l.paint?.['line-opacity']);
			if (way === 'filtered') map.setFilter(l.id, l.filter ?? null);
		}
	});
}

/** Moves the view (a pan of 40 % of the width: new tiles come in) and waits for idle. */
export function pan(dx: number): Promise<number> {
	return drawnAfter(() => theMap().panBy([dx, 0], { animate: false }));
}

/** Features rendered in the view per layer (hidden ones included), to see what each way lays out. */
export function rendered(): Record<string, number> {
	const out: Record<string, number> = {};
	for (const f of theMap().queryRenderedFeatures({ layers: ['network-known', 'network-unknown'] }))
		out[f.layer.id] = (out[f.layer.id] ?? 0) + 1;
	return out;
}
