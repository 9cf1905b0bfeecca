/**
 * Draws the first view's map (src/map/first-view.ts): MapLibre, the pmtiles protocol and the
 * style of the area's first view, nothing of the app.
 */
import { Map as MapLibreMap } from 'maplibre-gl';
import type { AreaTiles } from '../data/tiles.ts';
import { addIcon, areaMaxBounds, areaStyle, keepPlacesShown } from './area-style.ts';
import type { FirstMap } from './first-view.ts';
import { osmAttributionNodes } from './locale.ts';
import { DEFAULT_VISIBLE, placesFilter } from './layers/places-style.ts';
import { setUpMapLibre } from './setup.ts';
import { VIEWPORT_PARAM, viewportParam } from '../state/viewport-param.ts';

/** Starts MapLibre's workers and registers the pmtiles protocol (src/map/setup.ts). */
export function prepare(): void {
	setUpMapLibre({ early: true });
}

/**
 * Draws the map of `tiles` with the style of a plain visit, below `top` CSS pixels; `done` is
 * called at its first idle, or at its first error (no idle may come).
 */
export function drawMap(
	tiles: AreaTiles,
	top: number,
	startedAt: number,
	done: () => void,
): FirstMap {
	// the map's container, in a holder placed below the shell's header (src/shell.css)
	const holder = document.createElement('div');
	holder.className = 'shell-map';
	holder.style.top = `${top}px`;
	const container = document.createElement('div');
	container.className = 'first-map';
	container.dataset.mapReady = 'false';
	// the map's data is credited from its first view on (ODbL), as the app's map does, in Dutch
	// like the rest of the shell until the app is in (built as nodes: no HTML parsed)
	const credit = document.createElement('p');
	credit.className = 'shell-attribution';
	credit.append(...osmAttributionNodes('nl'));
	holder.append(container, credit);
	document.body.append(holder);
	const [west, south, east, north] = tiles.bbox;
	const map = new MapLibreMap({
		container,
		style: areaStyle(tiles, {
			placesFilter: placesFilter(new Set(DEFAULT_VISIBLE), undefined, false),
		}),
		bounds: [
			[west, south],
			[east, north],
		],
		fitBoundsOptions: { padding: 20 },
		attributionControl: false,
		maxBounds: areaMaxBounds(tiles),
	});
	keepPlacesShown(map, tiles);
	// The link follows the resident's moves from the first view on, as the app's does (the app reads
	// it when it starts, and MapView writes it from the map it takes over): a link copied before
	// the app is in keeps the view. The fitted view is not written, as with the app's new map.
	const writeView = () => {
		if (!first.isMoved) return;
		const params = new URLSearchParams(location.search);
		const c = map.getCenter();
		params.set(VIEWPORT_PARAM, viewportParam([c.lng, c.lat], map.getZoom()));
		history.replaceState(history.state, '', `${location.pathname}?${params}${location.hash}`);
	};
	const idleListeners: (() => void)[] = [done];
	const first: FirstMap = {
		map,
		container,
		tiles,
		startedAt,
		isMoved: false,
		isLoaded: false,
		isIdle: false,
		handOver: () => map.off('moveend', writeView),
		onIdle(listener) {
			if (first.isIdle) listener();
			else idleListeners.push(listener);
		},
	};
	map.setMissingStyleImageResolver((id) =>
		addIcon(map, id).catch((error: Error) => {
			first.error ??= error.message;
		}),
	);
	map.once('load', () => (first.isLoaded = true));
	map.on('movestart', (event: { originalEvent?: unknown }) => {
		if (event.originalEvent) first.isMoved = true;
	});
	map.on('moveend', writeView);
	map.once('idle', () => {
		first.isIdle = true;
		container.dataset.mapReady = 'true';
		for (const listener of idleListeners.splice(0)) listener();
	});
	map.on('error', (event) => {
		const error = event.error as Error | undefined;
		if (!error || error.name === 'AbortError' || first.error) return;
		first.error = error.message;
		// no idle may come: the app starts, and says what went wrong
		done();
	});
	// Tests receive the map from this event (tests/helpers/map.ts), as from MapView's later
	container.dispatchEvent(new CustomEvent('buurtkaart:map', { detail: map, bubbles: true }));
	return first;
}
