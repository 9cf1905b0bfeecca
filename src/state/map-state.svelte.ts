/**
 * The one map, as panels and other components use it, shared through context (after
 * svelte-maplibre's context.svelte.ts): its centre, fit to bounds, fly to, pick a point, draw a
 * line, and overlays (a source with its layers) placed by the z-order registry
 * (src/map/z-order.ts). MapView attaches the MapLibre map once it exists; until then calls are
 * remembered (overlays) or answered with "no map" (centre). No global handle: tests get the map
 * from the `buurtkaart:map` event the map container dispatches (tests/helpers/map.ts).
 */
import type {
	GeoJSONSource,
	LayerSpecification,
	Map as MapLibreMap,
	MapGeoJSONFeature,
	MapLayerMouseEvent,
	MapMouseEvent,
	SourceSpecification,
} from 'maplibre-gl';
import { createContext } from 'svelte';
import { applyFeatureState, type FeatureStateValues } from '../map/feature-state.ts';
import { beforeIdFor, layerIdsOf, zIndexOf } from '../map/z-order.ts';

/** A source and the layers drawn from it (every layer id listed in z-order.ts). */
export interface Overlay {
	/** Its own source, under the overlay's id; none when its layers draw only from the area's archives. */
	source?: SourceSpecification;
	/**
	 * Its layers. A layer may draw from another source already on the map (an area archive); set
	 * again, a layer on the map gets the new paint.
	 */
	layers: LayerSpecification[];
	/** Images its layers use (`fill-pattern`, `icon-image`), added once by id. */
	images?: Record<string, { width: number; height: number; data: Uint8Array }>;
	/**
	 * Feature-state its layers read on another source's features (an area archive): `key` set to
	 * `values.get(id)` on each feature id listed; set again, the ids no longer listed lose the key
	 * (other keys stay); removed with the overlay.
	 */
	featureState?: FeatureStateValues;
	/**
	 * Layers of the map's own style hidden while the overlay is on: a shading whose legend a fill
	 * under it would falsify (the neighbourhoods' population fill under a gap or completeness
	 * shading). Shown again when no overlay hides them any more.
	 */
	hides?: string[];
}

/** What MapState needs of a map: a subset of MapLibre's Map. */
export type MapLike = Pick<
	MapLibreMap,
	| 'getCenter'
	| 'flyTo'
	| 'fitBounds'
	| 'on'
	| 'off'
	| 'getLayer'
	| 'addLayer'
	| 'removeLayer'
	| 'getSource'
	| 'addSource'
	| 'removeSource'
	| 'getStyle'
	| 'isStyleLoaded'
	| 'doubleClickZoom'
	| 'setPaintProperty'
	| 'setLayoutProperty'
	| 'hasImage'
	| 'addImage'
	| 'setFeatureState'
	| 'removeFeatureState'
	| 'queryRenderedFeatures'
>;

/** What a layer click handler gets besides the feature's properties. */
export interface LayerClickEvent {
	/** The topmost feature clicked on the handler's layers. */
	feature: MapGeoJSONFeature;
	/** Where the click was, [lng, lat]. */
	lngLat: [number, number];
}

/** A click handler on overlay layers, with the listeners bound to the map. */
interface LayerClick {
	layers: string[];
	onClick: (e: MapLayerMouseEvent) => void;
	onEnter: () => void;
	onLeave: () => void;
}

function abortError(): Error {
	const e = new Error('cancelled');
	e.name = 'AbortError';
	return e;
}

/**
 * Markers drawn above the places' icons (map/z-order.ts) that open nothing themselves: a route's
 * A and B, a walkshed's start, the top fixes, a planned place, the report being written. A click on
 * one opens nothing under it: the user sees the marker, not the place it covers.
 */
const COVERING_MARKERS = [
	'planner-points',
	'planner-points-label',
	'fixes-point',
	'fixes-label',
	'coverage-marks-circle',
	'coverage-marks-label',
	'report-draft-point',
	'report-edit-point',
];

export class MapState {
	/** True once a map is attached and its style has loaded. */
	isReady = $state(false);
	/** True while a point is being picked or a line drawn (clicks are positions, not places). */
	isPicking = $state(false);
	#map: MapLike | undefined;
	/** The overlays to draw (a registry, not state: the map is what shows them). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #overlays = new Map<string, Overlay>();
	/** Click handlers on overlay layers (a registry, bound to each map attached). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #layerClicks = new Set<LayerClick>();
	/** The feature-state each overlay has set on the attached map (to clear it again). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#featureStates = new Map<string, FeatureStateValues>();
	/**
	 * The GeoJSON data object each overlay's source was last given on the attached map: set again
	 * with the same object, the data is not sent again (MapLibre would serialise it to its worker
	 * and lay the tiles out anew; feature-state changes need none of that).
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#sentData = new Map<string, unknown>();
	/** Picks asked for before a map was attached: each goes on once one is (see pickPoint). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #waitingForMap = new Set<() => void>();
	/** The mode whose first answer keeps the opening link's view ({@link keepViewFor}). */
	#viewKeptFor: string | undefined;

	/**
	 * The map as a PNG data URL, for the printed report; undefined without a map. Rendered once
	 * more and read inside MapLibre's `render` event, while the frame's drawing buffer still holds
	 * the picture: no `preserveDrawingBuffer`, which would cost every frame of the live map a copy.
	 * `whole`: for a map whose box has just changed size: the canvas takes the box's size first,
	 * and the picture is read at the next `idle` (fired in the frame that drew the last tile of
	 * what it now shows).
	 */
	image(whole = false): Promise<string | undefined> {
		const m = this.#map as Partial<MapLibreMap> | undefined;
		if (!m?.getCanvas || !m.once || !m.triggerRepaint) return Promise.resolve(undefined);
		const { getCanvas } = m;
		if (whole) m.resize?.();
		return new Promise((resolve) => {
			void m.once?.(whole ? 'idle' : 'render', () => {
				try {
					resolve(getCanvas.call(m).toDataURL('image/png'));
				} catch {
					resolve(undefined);
				}
			});
			m.triggerRepaint?.();
		});
	}

	/** Called by MapView when its map's style has loaded. Returns the detach function. */
	attach(map: MapLike): () => void {
		this.#map = map;
		this.isReady = true;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#featureStates = new Map();
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#sentData = new Map();
		for (const [id, overlay] of this.#overlays) this.#draw(id, overlay);
		for (const click of this.#layerClicks) this.#bind(map, click);
		const waiting = [...this.#waitingForMap];
		this.#waitingForMap.clear();
		for (const goOn of waiting) goOn();
		return () => {
			for (const click of this.#layerClicks) this.#unbind(map, click);
			if (this.#map === map) {
				this.#map = undefined;
				this.isReady = false;
			}
		};
	}

	/** The map's centre [lng, lat] in degrees, or undefined without a map. */
	centre(): [number, number] | undefined {
		const c = this.#map?.getCenter();
		return c ? [c.lng, c.lat] : undefined;
	}

	/**
	 * Moves the map to `lngLat` at `zoom` for the user (a search choice, their location, an entry of
	 * a list). The view is then the user's, no longer the opening link's: a kept view ends
	 * ({@link keepViewFor}), and the next answer is shown whole.
	 */
	flyTo(lngLat: [number, number], zoom: number): void {
		this.#viewKeptFor = undefined;
		// Not `essential`: with reduced motion asked for, the map jumps instead of flying (WCAG 2.3.3).
		this.#map?.flyTo({ center: lngLat, zoom });
	}

	/**
	 * Keeps the view the opening link carried (its `at`) for the first result of the mode with key
	 * `key` (modes.ts `modeKey`): a shared link then opens where its sender looked, not fitted to
	 * the whole answer. The keeping ends with any answer ({@link fitResult}) or when the map is
	 * moved for the user ({@link flyTo}), e.g. a place's link without a starting point, whose first
	 * route comes after an address is chosen.
	 */
	keepViewFor(key: string): void {
		this.#viewKeptFor = key;
	}

	/**
	 * Shows a mode's answer (a box [west, south, east, north]) whole, unless it is the first answer
	 * of the mode the opening link's view is kept for ({@link keepViewFor}). Any answer ends the
	 * keeping, also one with nothing to show (no box: no fix, or a failed ask): a new answer
	 * (another norm, another profile) is shown whole again.
	 */
	fitResult(key: string, bbox?: [number, number, number, number]): void {
		const kept = this.#viewKeptFor === key;
		this.#viewKeptFor = undefined;
		if (!kept && bbox) this.fitBounds(bbox);
	}

	/** Shows a box [west, south, east, north] whole, with `paddingPx` around it. */
	fitBounds(bbox: [number, number, number, number], paddingPx = 60, maxZoom = 17): void {
		this.#map?.fitBounds(
			[
				[bbox[0], bbox[1]],
				[bbox[2], bbox[3]],
			],
			{ padding: paddingPx, maxZoom },
		);
	}

	/**
	 * Adds or replaces an overlay. Each layer goes below the first layer above it in the z-order
	 * registry that is already on the map (its `beforeId`); a layer id not in the registry throws.
	 * A GeoJSON source that exists gets the new data, only when it is another object than it had
	 * (build the data once and change the look through `featureState`: a what-if then sends none).
	 */
	setOverlay(id: string, overlay: Overlay): void {
		for (const l of overlay.layers) zIndexOf(l.id); // unknown ids throw at once
		const before = this.#overlays.get(id);
		this.#overlays.set(id, overlay);
		this.#draw(id, overlay);
		// set again without hiding what it hid: shown again, unless another overlay hides it
		if (before?.hides && this.#map) this.#showUnhidden(this.#map, before.hides);
	}

	removeOverlay(id: string): void {
		const overlay = this.#overlays.get(id);
		this.#overlays.delete(id);
		const map = this.#map;
		if (!overlay || !map) return;
		this.#setFeatureState(map, id, undefined);
		this.#sentData.delete(id);
		for (const l of overlay.layers) if (map.getLayer(l.id)) map.removeLayer(l.id);
		if (overlay.source && map.getSource(id)) map.removeSource(id);
		this.#showUnhidden(map, overlay.hides);
	}

	/** Shows again those of `layers` that no overlay on the map hides any more. */
	#showUnhidden(map: MapLike, layers: readonly string[] | undefined): void {
		for (const h of layers ?? [])
			if (map.getLayer(h) && ![...this.#overlays.values()].some((o) => o.hides?.includes(h)))
				map.setLayoutProperty(h, 'visibility', 'visible');
	}

	/** Draws every overlay again: the layers whose source was not on the map yet go in now. */
	redrawOverlays(): void {
		for (const [id, overlay] of this.#overlays) this.#draw(id, overlay);
	}

	#draw(id: string, overlay: Overlay): void {
		const map = this.#map;
		if (!map) return;
		const existing = overlay.source && map.getSource(id);
		const data = overlay.source?.type === 'geojson' ? overlay.source.data : undefined;
		if (existing && overlay.source?.type === 'geojson' && 'setData' in existing) {
			if (this.#sentData.get(id) !== data) (existing as GeoJSONSource).setData(data as never);
		} else if (overlay.source && !existing) map.addSource(id, overlay.source);
		if (data !== undefined) this.#sentData.set(id, data);
		else this.#sentData.delete(id);
		for (const [name, image] of Object.entries(overlay.images ?? {}))
			if (!map.hasImage(name)) map.addImage(name, image);
		for (const h of overlay.hides ?? [])
			if (map.getLayer(h)) map.setLayoutProperty(h, 'visibility', 'none');
		for (const layer of overlay.layers) {
			if (map.getLayer(layer.id)) {
				if ('paint' in layer && layer.paint)
					for (const [k, v] of Object.entries(layer.paint) as [never, never][])
						map.setPaintProperty(layer.id, k, v);
				continue;
			}
			// a feature-state layer on an area source not opened yet waits for redrawOverlays
			if (
				overlay.featureState &&
				'source' in layer &&
				typeof layer.source === 'string' &&
				!map.getSource(layer.source)
			)
				continue;
			map.addLayer(layer, beforeIdFor(layer.id, layerIdsOf(map.getStyle())));
		}
		this.#setFeatureState(map, id, overlay.featureState);
	}

	/**
	 * Changes some features of overlay `id`'s feature-state: `changes` are entries its
	 * `featureState.values` map now holds (the caller changed that map in place for exactly
	 * these). Sets only those on the map, so the work follows the changes, not the overlay's
	 * size (a what-if moves a few hundred of ~11,000 origins). Before a map is attached, or when
	 * what is on the map is not that map's, the whole map is applied by difference instead.
	 */
	patchFeatureState(
		id: string,
		changes: ReadonlyMap<number | string, number | string | boolean>,
	): void {
		const next = this.#overlays.get(id)?.featureState;
		const map = this.#map;
		if (!next || !map) return;
		if (this.#featureStates.get(id)?.values !== next.values || !map.getSource(next.source)) {
			this.#setFeatureState(map, id, next);
			return;
		}
		const target: { source: string; sourceLayer?: string; id: number | string } = {
			source: next.source,
			sourceLayer: next.sourceLayer,
			id: 0,
		};
		for (const [f, value] of changes) {
			target.id = f;
			map.setFeatureState(target, { [next.key]: value });
		}
	}

	/** Sets overlay `id`'s feature-state on the map, by difference with what it set before. */
	#setFeatureState(map: MapLike, id: string, next: FeatureStateValues | undefined): void {
		const now = applyFeatureState(map, this.#featureStates.get(id), next);
		if (now) this.#featureStates.set(id, now);
		else this.#featureStates.delete(id);
	}

	/**
	 * Calls `handler` with the properties of the feature clicked on one of `layers` (overlay layers,
	 * which may come and go, or the area's), not while a point is picked or a line drawn. One click
	 * opens one thing: where features of several clickable layers lie under the pointer (a place
	 * icon over a report, a stretch under a barrier), only the handler of the topmost one is called.
	 * The cursor turns into a pointer over them. Returns the function that removes the handler.
	 *
	 * @example $effect(() => map.onLayerClick(['reports-point'], (p) => choose(String(p.id))))
	 */
	onLayerClick(
		layers: string[],
		handler: (properties: Record<string, unknown>, event: LayerClickEvent) => void,
	): () => void {
		const click: LayerClick = {
			layers,
			onClick: (e) => {
				if (this.isPicking) return;
				const feature = e.features?.[0];
				if (!feature?.properties || !this.#isOnTop(e, layers)) return;
				handler(feature.properties, { feature, lngLat: [e.lngLat.lng, e.lngLat.lat] });
			},
			onEnter: () => this.#cursor('pointer'),
			onLeave: () => this.#cursor(''),
		};
		this.#layerClicks.add(click);
		if (this.#map) this.#bind(this.#map, click);
		return () => {
			this.#layerClicks.delete(click);
			if (this.#map) this.#unbind(this.#map, click);
		};
	}

	/**
	 * Whether the topmost feature under a click, among every clickable layer and covering marker
	 * on the map, is on `layers`.
	 */
	#isOnTop(e: MapLayerMouseEvent, layers: string[]): boolean {
		const map = this.#map;
		if (!map) return false;
		const clickable = [
			...[...this.#layerClicks].flatMap((c) => c.layers),
			...COVERING_MARKERS,
		].filter((id) => map.getLayer(id));
		const top = map.queryRenderedFeatures(e.point, { layers: clickable })[0];
		return !top || layers.includes(top.layer.id);
	}

	#bind(map: MapLike, c: LayerClick): void {
		map.on('click', c.layers, c.onClick);
		map.on('mouseenter', c.layers, c.onEnter);
		map.on('mouseleave', c.layers, c.onLeave);
	}

	#unbind(map: MapLike, c: LayerClick): void {
		map.off('click', c.layers, c.onClick);
		map.off('mouseenter', c.layers, c.onEnter);
		map.off('mouseleave', c.layers, c.onLeave);
		this.#cursor('');
	}

	#cursor(value: string): void {
		const canvas = (this.#map as Partial<MapLibreMap> | undefined)?.getCanvas?.();
		if (canvas) canvas.style.cursor = value;
	}

	/**
	 * The next point the resident clicks or taps on the map. Rejects with AbortError on abort.
	 * Asked for before the map is ready (attached once its style and first tiles have loaded), the
	 * pick is kept and starts once it is: a pick button pressed early does not do nothing (its
	 * panel says the map is still loading while `isReady` is false).
	 */
	pickPoint(signal?: AbortSignal): Promise<[number, number]> {
		const map = this.#map;
		if (!map) return this.#whenAttached(signal).then(() => this.pickPoint(signal));
		return new Promise((resolve, reject) => {
			const onClick = (e: MapMouseEvent) => {
				map.off('click', onClick);
				signal?.removeEventListener('abort', onAbort);
				// after every listener of this click ran (a place under it stays unopened)
				queueMicrotask(() => (this.isPicking = false));
				resolve([e.lngLat.lng, e.lngLat.lat]);
			};
			const onAbort = () => {
				map.off('click', onClick);
				this.isPicking = false;
				reject(abortError());
			};
			if (signal?.aborted) return reject(abortError());
			this.isPicking = true;
			map.on('click', onClick);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}

	/** Resolves once a map is attached; rejects with AbortError on abort. */
	#whenAttached(signal?: AbortSignal): Promise<void> {
		return new Promise((resolve, reject) => {
			if (signal?.aborted) return reject(abortError());
			const goOn = () => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			};
			const onAbort = () => {
				this.#waitingForMap.delete(goOn);
				reject(abortError());
			};
			this.#waitingForMap.add(goOn);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}

	/**
	 * A line of the points the resident clicks, reported to `onpoint` as it grows; a double click
	 * ends it (at least two points). Rejects with AbortError on abort.
	 */
	drawLine(
		onpoint?: (points: [number, number][]) => void,
		signal?: AbortSignal,
	): Promise<[number, number][]> {
		const map = this.#map;
		// asked for before the map is ready: kept, as a pick is (pickPoint)
		if (!map) return this.#whenAttached(signal).then(() => this.drawLine(onpoint, signal));
		const points: [number, number][] = [];
		const wasZooming = map.doubleClickZoom.isEnabled();
		return new Promise((resolve, reject) => {
			const stop = () => {
				this.isPicking = false;
				map.off('click', onClick);
				map.off('dblclick', onDouble);
				signal?.removeEventListener('abort', onAbort);
				if (wasZooming) map.doubleClickZoom.enable();
			};
			const onClick = (e: MapMouseEvent) => {
				const last = points.at(-1);
				// a double click also clicks twice at its place: one point there
				if (last && last[0] === e.lngLat.lng && last[1] === e.lngLat.lat) return;
				points.push([e.lngLat.lng, e.lngLat.lat]);
				onpoint?.([...points]);
			};
			const onDouble = (e: MapMouseEvent) => {
				e.preventDefault();
				if (points.length < 2) return;
				stop();
				resolve(points);
			};
			const onAbort = () => {
				stop();
				reject(abortError());
			};
			if (signal?.aborted) return reject(abortError());
			this.isPicking = true;
			map.doubleClickZoom.disable();
			map.on('click', onClick);
			map.on('dblclick', onDouble);
			signal?.addEventListener('abort', onAbort, { once: true });
		});
	}
}

export const [getMapState, setMapState] = createContext<MapState>();
