/**
 * One-time MapLibre setup: the worker URL (Vite does not emit maplibre-gl's worker on its own) and
 * the `pmtiles://` protocol, registered once for the whole app (svelte-maplibre registered it per
 * component, which broke; see STYLE.md "things not to copy").
 */
import { addProtocol, prewarm, setWorkerUrl } from 'maplibre-gl';
import cssUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { PMTiles, Protocol } from 'pmtiles';
import { HeaderFirstSource } from './pmtiles-source.ts';

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
	protocol.tiles = new Archives();
	addProtocol('pmtiles', protocol.tile);
}

/**
 * The protocol's archives by URL: each one made on first use, as the protocol itself would, but
 * reading its start through {@link HeaderFirstSource} (a short first read instead of 16 KB).
 */
class Archives extends Map<string, PMTiles> {
	override get(url: string): PMTiles {
		let archive = super.get(url);
		if (!archive) {
			archive = new PMTiles(new HeaderFirstSource(url));
			super.set(url, archive);
		}
		return archive;
	}
}

let isStyled = false;

/**
 * Links MapLibre's stylesheet (its controls and popups), once. Added by script, it does not hold
 * back the HTML shell's first paint; the first view's map has no controls and draws without it,
 * so MapView links it when the app shows the map (issue #12: nothing the first view does not need
 * before its map is idle).
 */
export function linkMapLibreStyles(): void {
	if (isStyled) return;
	isStyled = true;
	const css = document.createElement('link');
	css.rel = 'stylesheet';
	css.href = cssUrl;
	document.head.append(css);
}
