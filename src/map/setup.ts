/**
 * One-time MapLibre setup: the worker URL (Vite does not emit maplibre-gl's worker on its own) and
 * the `pmtiles://` protocol, registered once for the whole app (svelte-maplibre registered it per
 * component, which broke; see STYLE.md "things not to copy").
 */
import { addProtocol, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { Protocol } from 'pmtiles';

let isSetUp = false;

/** Registers the worker URL and the pmtiles protocol; safe to call more than once. */
export function setUpMapLibre(): void {
	if (isSetUp) return;
	isSetUp = true;
	setWorkerUrl(workerUrl);
	const protocol = new Protocol();
	addProtocol('pmtiles', protocol.tile);
}
