/**
 * What the map sides of the Chromium benches share (bundled into each for a plain page): a
 * MapLibre map over a plain background with the area's network tiles, its PMTiles archive read
 * from memory, MapLibre's worker served as a blob (as src/map/setup.ts gives its URL), the map
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
 * Starts the map at `centre` (`zoom`, 14 unless given) with the network archive (`b64`: its bytes) as
 * NETWORK_SOURCE, `sources` beside it and `layers` over the background; resolves when its first
 * frame is drawn.
 */
export function startArchiveMap(
	container: HTMLElement,
	centre: [number, number],
	workerCode: string,
	b64: string,
	sources: Record<string, SourceSpecification>,
	layers: LayerSpecification[],
	zoom = 14,
): Promise<void> {
	setWorkerUrl(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
	const protocol = new Protocol();
	addProtocol('pmtiles', protocol.tile);
	const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
	protocol.add(new PMTiles(new FileSource(new File([bytes], 'network.pmtiles'))));
	const map = new MapLibreMap({
		container,
		center: centre,
		zoom,
		attributionControl: false,
		style: {
			version: 8,
			sources: {
				...sources,
				[NETWORK_SOURCE]: { type: 'vector', url: 'pmtiles://network.pmtiles' },
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
