/**
 * The map side of the walkshed bench, bundled for a plain Chromium page: a MapLibre map with the
 * walkshed panel's own layers and GeoJSON builder (src/map/layers/planner-style.ts) over a plain
 * background (no basemap tiles: only the walksheds' drawing is timed). `draw` sets the data as the
 * panel's overlay does (`setData`) and resolves once the map is idle again: the frame with the
 * walksheds has been rendered.
 */
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { walkshedLayers, walkshedsGeoJson } from '../../../src/map/layers/planner-style.ts';

const SOURCE = 'walkshed';

/**
 * Starts the map. `workerCode`: maplibre-gl's worker module (dist/maplibre-gl-worker.mjs, as the
 * app's src/map/setup.ts gives its URL), served here as a blob.
 */
export function start(
	container: HTMLElement,
	centre: [number, number],
	workerCode: string,
): Promise<void> {
	setWorkerUrl(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
	const map = new MapLibreMap({
		container,
		center: centre,
		zoom: 14,
		attributionControl: false,
		style: {
			version: 8,
			sources: {
				[SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
			},
			layers: [
				{ id: 'background', type: 'background', paint: { 'background-color': '#f6f4ef' } },
				...walkshedLayers(SOURCE),
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

/** The walkshed panel's collection for the `walksheds` answer. */
export const collection = walkshedsGeoJson;
