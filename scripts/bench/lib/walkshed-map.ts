/**
 * The map side of the walkshed bench, bundled for a plain Chromium page: a MapLibre map with the
 * walkshed panel's own layers and builder (src/map/layers/planner-style.ts) over a plain background
 * (no basemap tiles: only the walksheds' drawing is timed), and the area's network tiles (its
 * PMTiles archive, read from memory) for the reference, the previous way of drawing
 * (./walkshed-split.ts: every network edge in three layers, shown by feature-state).
 *
 * `useSplit(on)` (untimed) puts the reference's layers on the map or takes them off, so each way
 * is timed with only its own layers. `drawGeojson` / `drawSplit` set the answer as the panel does
 * and resolve with two moments (performance.now()): the next animation frame after setting it
 * (what the main thread spent before the page can paint again) and the map idle again (the frame
 * with the walksheds rendered).
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, MultiLineString } from 'geojson';
import { applyFeatureState, type FeatureStateValues } from '../../../src/map/feature-state.ts';
import { NETWORK_SOURCE } from '../../../src/map/layers/network-style.ts';
import { walkshedLayers, walkshedsGeoJson } from '../../../src/map/layers/planner-style.ts';
import type { ProfileId } from '../../../src/contracts/profiles.ts';
import { benchMap, idleAfter, mapDrawnByGpu, startArchiveMap } from './archive-map.ts';
import { settled } from './frame-moments.ts';
import { WALKSHED_STATE, walkshedEdgeLayers, walkshedEdgeStates } from './walkshed-split.ts';

const SOURCE = 'walkshed';
let networkLayer = '';
/** The edges' feature-state now set (the reference). */
let edgeStates: FeatureStateValues | undefined;

const theMap = (): MapLibreMap => benchMap();

/**
 * Starts the map. `workerCode`: maplibre-gl's worker module (dist/maplibre-gl-worker.mjs, as the
 * app's src/map/setup.ts gives its URL), served here as a blob.
 */
export function start(
	container: HTMLElement,
	centre: [number, number],
	workerCode: string,
	network: { b64: string; layer: string },
	sourceOptions: Record<string, unknown> = {},
): Promise<void> {
	networkLayer = network.layer;
	return startArchiveMap(
		container,
		centre,
		workerCode,
		{ b64: network.b64 },
		{
			[SOURCE]: {
				type: 'geojson',
				data: { type: 'FeatureCollection', features: [] },
				...sourceOptions,
			},
		},
		walkshedLayers(SOURCE),
	);
}

/**
 * Puts the reference's edge layers on the map (each profile's under its GeoJSON layer, as the
 * z-order had them) or takes them off; resolves once the map is idle (tiles laid out).
 */
export function useSplit(on: boolean): Promise<number> {
	const map = theMap();
	const layers = walkshedEdgeLayers(networkLayer);
	return idleAfter(() => {
		for (const [k, layer] of layers.entries()) {
			const present = map.getLayer(layer.id) !== undefined;
			if (on && !present) map.addLayer(layer, walkshedLayers(SOURCE)[k]!.id);
			if (!on && present) map.removeLayer(layer.id);
		}
	});
}

/** Centres the map on the point clicked (untimed: the point is in view when clicked). */
export async function centreOn(centre: [number, number]): Promise<void> {
	await idleAfter(() => theMap().jumpTo({ center: centre }));
	await settled();
}

/**
 * After `change`, as performance.now() moments: the next animation frame, the map idle (MapLibre
 * has sent the frame's drawing) and the walksheds drawn (the GPU process has drawn it: a read
 * back waits for it).
 */
function moments(change: () => void): Promise<Moments> {
	const map = theMap();
	return new Promise((resolve) => {
		let frame = 0;
		let idle = 0;
		let drawn = 0;
		const done = () => {
			if (frame > 0 && drawn > 0) resolve({ frame, idle, drawn });
		};
		map.once('idle', () => {
			idle = performance.now();
			drawn = mapDrawnByGpu();
			done();
		});
		change();
		requestAnimationFrame(() => {
			frame = performance.now();
			done();
		});
	});
}

/**
 * The map as it stands drawn again with nothing changed, on a settled map (MapLibre's synchronous
 * redraw, then a one-pixel read back that waits for the GPU process): ms. After a walkshed is
 * drawn, what that frame alone costs this machine, a floor under its drawn time.
 */
export async function bareRepaint(): Promise<number> {
	await settled();
	mapDrawnByGpu(); // nothing left pending
	const t0 = performance.now();
	theMap().redraw();
	return mapDrawnByGpu() - t0;
}

/** What {@link moments} measures. */
export type Moments = { frame: number; idle: number; drawn: number };

type Shed = { profile: ProfileId; lines: Feature<MultiLineString> } | null;

/** Draws the `walksheds` answer as the panel does: one GeoJSON source of every reached stretch. */
export function drawGeojson(sheds: Shed[], at: [number, number]): Promise<Moments> {
	return moments(() =>
		(theMap().getSource(SOURCE) as GeoJSONSource).setData(walkshedsGeoJson(sheds, at)),
	);
}

/**
 * Draws the reference's answer as the panel did: the partly reached pieces as GeoJSON and the
 * edges reached whole as feature-state on the network tiles.
 */
export function drawSplit(
	sheds: ((Shed & { edges: Uint32Array }) | null)[],
	at: [number, number],
): Promise<Moments> {
	const map = theMap();
	return moments(() => {
		(map.getSource(SOURCE) as GeoJSONSource).setData(walkshedsGeoJson(sheds, at));
		edgeStates = applyFeatureState(map, edgeStates, {
			source: NETWORK_SOURCE,
			sourceLayer: networkLayer,
			key: WALKSHED_STATE,
			values: walkshedEdgeStates(sheds),
		});
	});
}

/** Takes the walksheds off the map (GeoJSON and edge states) and waits until it is idle. */
export function clear(): Promise<number> {
	const map = theMap();
	return idleAfter(() => {
		(map.getSource(SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features: [] });
		edgeStates = applyFeatureState(map, edgeStates, undefined);
	});
}
