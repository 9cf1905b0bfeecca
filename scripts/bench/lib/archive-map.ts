/**
 * What the map sides of the Chromium benches share (bundled into each for a plain page): a
 * MapLibre map over a plain background with the area's network tiles (its PMTiles archive read
 * from memory, or from a URL), MapLibre's worker served as a blob (as src/map/setup.ts gives its URL), the map
 * kept as `window.benchMap`, and a wait for the map idle after a change.
 */
import {
	addProtocol,
	Map as MapLibreMap,
	setWorkerUrl,
	type LayerSpecification,
	type SourceSpecification,
} from 'maplibre-gl';
import { FileSource, PMTiles, Protocol } from 'pmtiles';
import { NETWORK_SOURCE } from '../../../src/map/layers/network-style.ts';

/** The bench's map (set by {@link startArchiveMap}). */
export const benchMap = (): MapLibreMap =>
	(window as unknown as { benchMap: MapLibreMap }).benchMap;

/**
 * Resolves once the map is idle after `change` (run after the listener is set), with the time it
 * took in milliseconds.
 */
export function idleAfter(change: () => void): Promise<number> {
	const map = benchMap();
	return new Promise((resolve) => {
		const t0 = performance.now();
		map.once('idle', () => resolve(performance.now() - t0));
		change();
		map.triggerRepaint();
	});
}

/**
 * Resolves once what the map last drew is on the screen, as a user sees the map before they click
 * on it: animation frames come at the screen's pace again (two intervals in a row of at most 20
 * ms; at most 120 frames). MapLibre's `idle` comes when the page has sent a frame's drawing, while
 * the GPU process may still be drawing it (with software WebGL, tens of milliseconds), and a frame
 * asked for then waits for it.
 */
export function settled(): Promise<void> {
	return new Promise((resolve) => {
		let last = performance.now();
		let calm = 0;
		let frames = 0;
		const next = (now: number) => {
			calm = now - last <= 20 ? calm + 1 : 0;
			last = now;
			if (calm >= 2 || ++frames >= 120) resolve();
			else requestAnimationFrame(next);
		};
		requestAnimationFrame(next);
	});
}

/**
 * The moment the GPU process has drawn every command the map has given so far: a one-pixel read
 * back waits for them (MapLibre's `idle` comes when the page has sent a frame's drawing, not when
 * software WebGL has drawn it). performance.now() after it.
 */
export function drawnByGpu(): number {
	const canvas = benchMap().getCanvas();
	const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
	gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
	return performance.now();
}

/** The network archive of a bench map: its bytes (base64, read from memory) or its URL. */
export type BenchArchive = { b64: string } | { url: string };

/**
 * Starts the map at `centre` (`zoom`, 14 unless given) with the network archive as
 * NETWORK_SOURCE, `sources` beside it and `layers` over the background; resolves when its first
 * frame is drawn.
 */
export function startArchiveMap(
	container: HTMLElement,
	centre: [number, number],
	workerCode: string,
	archive: BenchArchive,
	sources: Record<string, SourceSpecification>,
	layers: LayerSpecification[],
	zoom = 14,
): Promise<void> {
	setWorkerUrl(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
	const protocol = new Protocol();
	addProtocol('pmtiles', protocol.tile);
	let url: string;
	if ('url' in archive) url = archive.url;
	else {
		url = 'network.pmtiles';
		const bytes = Uint8Array.from(atob(archive.b64), (c) => c.charCodeAt(0));
		protocol.add(new PMTiles(new FileSource(new File([bytes], url))));
	}
	const map = new MapLibreMap({
		container,
		center: centre,
		zoom,
		attributionControl: false,
		style: {
			version: 8,
			sources: {
				...sources,
				[NETWORK_SOURCE]: { type: 'vector', url: `pmtiles://${url}` },
			},
			layers: [
				{ id: 'background', type: 'background', paint: { 'background-color': '#f6f4ef' } },
				...layers,
			],
		},
	});
	(window as unknown as { benchMap: MapLibreMap }).benchMap = map;
	return new Promise((resolve) => map.once('idle', () => resolve()));
}
