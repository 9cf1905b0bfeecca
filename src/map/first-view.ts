/**
 * The first view of a visit, drawn before the app's own code has arrived (issue #12: cold load).
 * The page's entry (src/start.ts) holds this: it reads the index of areas (preloaded from the
 * HTML), picks the area as the app would, reads its manifest, and src/map/first-map.ts (MapLibre
 * and the pmtiles protocol, preloaded from the HTML) draws the map of the first view (basemap,
 * neighbourhoods, places) under the HTML shell's header. This module imports no MapLibre: the app
 * can start (the resident searches) before MapLibre is in. The Svelte app loads after the map's
 * first idle, or at once when the resident needs it; it then takes over what was read here (the
 * index and the manifest: each is read once) and the map itself (MapView takes its container),
 * so nothing is read or drawn twice.
 *
 * Only a plain visit gets a first view: a link that says more than the area and the language (a
 * place, a search, the list, another mode, a viewport) opens in the app at once.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { loadAreaIndex, pickArea, readRemembered, type AreaSummary } from '../data/area-index.ts';
import { loadAreaTiles, type AreaTiles } from '../data/tiles.ts';

/** The map of the first view, until MapView takes it over. */
export interface FirstMap {
	map: MapLibreMap;
	/** Its container, a child of the page's body until MapView moves it into its own. */
	container: HTMLElement;
	/** The manifest it was drawn from (the object AreaState receives too). */
	tiles: AreaTiles;
	/** The style has loaded (`load`). */
	isLoaded: boolean;
	/** The first full frame is drawn (`idle`). */
	isIdle: boolean;
	/** The resident has moved the map. */
	isMoved: boolean;
	/** When the first view started (performance.now()). */
	startedAt: number;
	/** The first error (not an AbortError) while no one else listened. */
	error?: string;
	/** Calls `listener` once the map is idle (at once if it is). */
	onIdle(listener: () => void): void;
	/** Stops writing the map's view to the URL: the app does it from now on. */
	handOver(): void;
}

/** The parameters of a link that still opens with a first view. */
const PLAIN_PARAMS = new Set(['area', 'lang']);

interface FirstView {
	/** The index, until the app takes it. */
	index: Promise<AreaSummary[]> | undefined;
	/** The picked area's manifest, until the app takes it. */
	tiles: { id: string; promise: Promise<AreaTiles> } | undefined;
	/** The picked area. */
	areaId: string | undefined;
	map: FirstMap | undefined;
	/** The app shows something else: no map is drawn (or kept). */
	isDropped: boolean;
}

let current: FirstView | undefined;

/**
 * Starts the first view when the link is a plain visit: returns a promise that settles once the
 * first view is done (the map idle, or no map to draw: no area to pick, an error), or undefined
 * when there is no first view (the app starts at once). The map fills the page below `top()` CSS
 * pixels (the shell's header) until MapView takes it.
 */
export function startFirstView(search: string, top: () => number): Promise<void> | undefined {
	const startedAt = performance.now();
	const params = new URLSearchParams(search);
	if ([...params.keys()].some((k) => !PLAIN_PARAMS.has(k))) return undefined;
	// MapLibre (preloaded from the HTML) starts its workers as soon as it is in, while the index and
	// the manifest load
	const drawing = import('./first-map.ts').then((m) => {
		m.prepare();
		return m;
	});
	const view: FirstView = {
		index: loadAreaIndex(),
		tiles: undefined,
		areaId: undefined,
		map: undefined,
		isDropped: false,
	};
	current = view;
	return (async () => {
		const areas = await view.index!;
		const id = pickArea(areas, params.get('area') ?? undefined, readRemembered());
		if (!id) return;
		const promise = loadAreaTiles(id);
		view.tiles = { id, promise };
		view.areaId = id;
		const tiles = await promise;
		// the app took over before the manifest was in, and shows something else
		const { drawMap } = await drawing;
		if (view.isDropped) return;
		await new Promise<void>((resolve) => {
			view.map = drawMap(tiles, top(), startedAt, resolve);
		});
	})().catch(() => {
		// the app reads the same promises and says what went wrong
	});
}

/** The index of areas the first view read (once: a later call reads it again). */
export function takeFirstIndex(): Promise<AreaSummary[]> | undefined {
	const index = current?.index;
	if (current) current.index = undefined;
	return index;
}

/** The manifest of area `id` the first view read (once: a later call reads it again). */
export function takeFirstTiles(id: string): Promise<AreaTiles> | undefined {
	const tiles = current?.tiles;
	if (!current || tiles?.id !== id) return undefined;
	current.tiles = undefined;
	return tiles.promise;
}

/** The first view's map, for MapView, when it shows `tiles` (once). */
export function takeFirstMap(tiles: AreaTiles): FirstMap | undefined {
	const first = current?.map;
	if (!current || first?.tiles !== tiles) return undefined;
	current.map = undefined;
	// taken over: later calls of dropFirstMap leave it be
	current.isDropped = true;
	first.handOver();
	// (MapView moves the container into its own, in the same task: nothing is drawn between)
	first.container.parentElement?.remove();
	return first;
}

/** Whether a first view's map is drawn, or being drawn, and not taken over yet. */
export function hasFirstMap(): boolean {
	return current !== undefined && !current.isDropped && current.map !== undefined;
}

/** The area the first view picked (undefined: none, or no first view). */
export function firstAreaId(): string | undefined {
	return current?.areaId;
}

/**
 * Removes the first view's map (and draws none later) when the app shows something else: another
 * area, the list, the choice of an area.
 */
export function dropFirstMap(): void {
	if (!current || current.isDropped) return;
	current.isDropped = true;
	const first = current.map;
	current.map = undefined;
	first?.map.remove();
	first?.container.parentElement?.remove();
}
