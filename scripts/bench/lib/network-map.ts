/**
 * The map side of the personal-profile redraw bench, bundled for a plain Chromium page: a MapLibre
 * map with the area's network tiles (`pmtiles://`) and the app's accessible-routes layers
 * (src/map/layers/network-style.ts). `drawStatuses` draws the worker's per-edge statuses as the app
 * does (`drawEdgeStatuses`: feature-state per edge) and resolves once the map is idle again: the
 * frame with the new statuses has been rendered.
 */
import {
	drawEdgeStatuses,
	networkLayers,
	NETWORK_SOURCE,
	type EdgeStatuses,
} from '../../../src/map/layers/network-style.ts';
import { benchMap, mapDrawnByGpu, startArchiveMap } from './archive-map.ts';

export { settled } from './frame-moments.ts';

const LAYER = 'footways';

/**
 * Starts the map on `networkUrl` (a PMTiles archive) and resolves when its first frame is drawn.
 * `workerCode`: maplibre-gl's worker module, served as a blob (as src/map/setup.ts gives its URL).
 */
export function start(
	container: HTMLElement,
	centre: [number, number],
	zoom: number,
	networkUrl: string,
	workerCode: string,
): Promise<void> {
	return startArchiveMap(
		container,
		centre,
		workerCode,
		{ url: networkUrl },
		{},
		networkLayers(LAYER, 'wheelchair'),
		zoom,
	);
}

/**
 * Draws the statuses as feature-state and resolves after the map has drawn them, with the time to
 * set the feature-state (only the edges whose status changed: `touched`), and the times from then
 * to the first frame, to the map idle (MapLibre has sent the frame) and to the frame drawn by the
 * GPU process (a read back waits for it).
 */
export function drawStatuses(statuses: EdgeStatuses | undefined): Promise<{
	setMs: number;
	firstFrameMs: number;
	idleMs: number;
	drawnMs: number;
	touched: number;
}> {
	const map = benchMap();
	return new Promise((resolve) => {
		const t0 = performance.now();
		let set = 0;
		let frame = 0;
		let touched = 0;
		map.once('render', () => void (frame = performance.now()));
		map.once('idle', () => {
			const idle = performance.now();
			resolve({
				setMs: set - t0,
				firstFrameMs: (frame || idle) - set,
				idleMs: idle - set,
				drawnMs: mapDrawnByGpu() - set,
				touched,
			});
		});
		touched = drawEdgeStatuses(map, LAYER, statuses);
		set = performance.now();
		map.triggerRepaint();
	});
}

/**
 * The reference: a bare repaint of the same map with nothing changed (what software WebGL costs
 * for one frame of this view regardless of the statuses), to the first frame, to idle and to the
 * frame drawn by the GPU process.
 */
export function repaint(): Promise<{ firstFrameMs: number; idleMs: number; drawnMs: number }> {
	const map = benchMap();
	return new Promise((resolve) => {
		const t0 = performance.now();
		let frame = 0;
		map.once('render', () => void (frame = performance.now()));
		map.once('idle', () => {
			const idle = performance.now();
			resolve({
				firstFrameMs: (frame || idle) - t0,
				idleMs: idle - t0,
				drawnMs: mapDrawnByGpu() - t0,
			});
		});
		map.triggerRepaint();
	});
}

/** Edges drawn with each status in the view (queryRenderedFeatures + feature-state), for checks. */
export function drawnStatus(edge: number): unknown {
	return benchMap().getFeatureState({ source: NETWORK_SOURCE, sourceLayer: LAYER, id: edge })
		.status;
}
