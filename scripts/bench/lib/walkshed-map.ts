/**
 * The map side of the walkshed bench, bundled for a plain Chromium page: a MapLibre map with the
 * area's network tiles (its PMTiles archive, read from memory) and the walkshed panel's own layers
 * and builders (src/map/layers/planner-style.ts) over a plain background (no basemap tiles: only
 * the walksheds' drawing is timed). `drawCollection` sets the GeoJSON as the panel's overlay does
 * (`setData`), `drawSplit` also the edges reached whole as feature-state (the panel's path, by
 * src/map/feature-state.ts as MapState does); both resolve once the map is idle again: the frame
 * with the walksheds has been rendered.
 */
import { addProtocol, Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { FileSource, PMTiles, Protocol } from 'pmtiles';
import { applyFeatureState, type FeatureStateValues } from '../../../src/map/feature-state.ts';
import { NETWORK_SOURCE } from '../../../src/map/layers/network-style.ts';
import {
	WALKSHED_STATE,
	walkshedEdgeLayers,
	walkshedEdgeStates,
	walkshedLayers,
	walkshedsGeoJson,
} from '../../../src/map/layers/planner-style.ts';
import type { ProfileId } from '../../../src/contracts/profiles.ts';

const SOURCE = 'walkshed';
let networkLayer = '';
/** The edges' feature-state now set (the split path). */
let edgeStates: FeatureStateValues | undefined;

/**
 * Starts the map. `workerCode`: maplibre-gl's worker module (dist/maplibre-gl-worker.mjs, as the
 * app's src/map/setup.ts gives its URL), served here as a blob.
 */
export function start(
	container: HTMLElement,
	centre: [number, number],
	workerCode: string,
	network: { b64: string; layer: string },
): Promise<void> {
	setWorkerUrl(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
	const protocol = new Protocol();
	addProtocol('pmtiles', protocol.tile);
	const bytes = Uint8Array.from(atob(network.b64), (c) => c.charCodeAt(0));
	protocol.add(new PMTiles(new FileSource(new File([bytes], 'network.pmtiles'))));
	networkLayer = network.layer;
	const map = new MapLibreMap({
		container,
		center: centre,
		zoom: 14,
		attributionControl: false,
		style: {
			version: 8,
			sources: {
				[SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
				[NETWORK_SOURCE]: { type: 'vector', url: 'pmtiles://network.pmtiles' },
			},
			layers: [
				{ id: 'background', type: 'background', paint: { 'background-color': '#f6f4ef' } },
				// in the z-order of src/map/z-order.ts: each profile's edges under its pieces
				...walkshedEdgeLayers(network.layer).flatMap((edges, k) => [
					edges,
					walkshedLayers(SOURCE)[k]!,
				]),
				walkshedLayers(SOURCE).at(-1)!,
			],
		},
	});
	(window as unknown as { benchMap: MapLibreMap }).benchMap = map;
	return new Promise((resolve) => map.once('idle', () => resolve()));
}

/** Centres the map on the point clicked (untimed: the point is in view when clicked). */
export function centreOn(centre: [number, number]): Promise<void> {
	const map = (window as unknown as { benchMap: MapLibreMap }).benchMap;
	return new Promise((resolve) => {
		map.once('idle', () => resolve());
		map.jumpTo({ center: centre });
		map.triggerRepaint();
	});
}

/** Draws the collection and resolves after the map has rendered it and is idle. */
export function drawCollection(data: FeatureCollection): Promise<void> {
	const map = (window as unknown as { benchMap: MapLibreMap }).benchMap;
	return new Promise((resolve) => {
		map.once('idle', () => resolve());
		(map.getSource(SOURCE) as GeoJSONSource).setData(data);
	});
}

/**
 * Draws the split answer as the panel does: the partly reached pieces as GeoJSON and the edges
 * reached whole as feature-state on the network tiles; resolves after the map rendered it and is
 * idle. `clear`: takes the edges' states off first (untimed by the caller: a fresh walkshed).
 */
export function drawSplit(
	sheds: ({
		profile: ProfileId;
		lines: FeatureCollection['features'][number];
		edges: Uint32Array;
	} | null)[],
	at: [number, number],
): Promise<void> {
	const map = (window as unknown as { benchMap: MapLibreMap }).benchMap;
	return new Promise((resolve) => {
		map.once('idle', () => resolve());
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
export function clear(): Promise<void> {
	const map = (window as unknown as { benchMap: MapLibreMap }).benchMap;
	return new Promise((resolve) => {
		map.once('idle', () => resolve());
		(map.getSource(SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features: [] });
		edgeStates = applyFeatureState(map, edgeStates, undefined);
		map.triggerRepaint();
	});
}

/** The walkshed panel's collection for the `walksheds` answer. */
export const collection = walkshedsGeoJson;
