/**
 * One-time MapLibre setup: the worker URL (Vite does not emit maplibre-gl's worker on its own) and
 * the `pmtiles://` protocol, registered once for the whole app (svelte-maplibre registered it per
 * component, which broke; see STYLE.md "things not to copy").
 */
import { addProtocol, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { Protocol } from 'pmtiles';

let isSetUp = false;

/**
 * Registers the worker URL and the pmtiles protocol; safe to call more than once. With `early`
 * (the app's start, before the area's manifest is in), MapLibre's workers start at once
 * (`prewarm`), so their script downloads and compiles while the manifest loads (issue #12).
 */
export function setUpMapLibre({ early = false } = {}): void {
	if (isSetUp) return;
	isSetUp = true;
	setWorkerUrl(workerUrl);
	if (early) prewarm();
	const protocol = new Protocol();
	addProtocol('pmtiles', protocol.tile);
}
