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
import { drawnByGpu, settled } from './frame-moments.ts';

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
 * On a settled map, the milliseconds from `change` to its frame drawn by the GPU process (the map
 * idle, then the read back: frame-moments.ts).
 */
export async function drawnAfter(change: () => void): Promise<number> {
	await settled();
	const t0 = performance.now();
	await idleAfter(change);
	return mapDrawnByGpu() - t0;
}

/** The moment the GPU process has drawn what the bench's map has given it (frame-moments.ts). */
export function mapDrawnByGpu(): number {
	return drawnByGpu(benchMap().getCanvas()).at;
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
