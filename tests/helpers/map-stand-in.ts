/**
 * A stand-in for MapLibre's map in the `dom` vitest project (happy-dom has no WebGL): it keeps
 * layers in order, sources by id, and emits clicks (on the map, or on features of layers) to the
 * listeners registered with `on`. The real map is covered end to end.
 */
import type { MapLike } from '../../src/state/map-state.svelte.ts';

type Handler = (e: unknown) => void;

export function standIn() {
	const layers: { id: string }[] = [{ id: 'neighbourhoods-fill' }, { id: 'places-icon' }];
	const sources = new Map<string, unknown>();
	const images = new Set<string>();
	/** Feature-state as MapLibre keeps it: `source/sourceLayer/id` → state. */
	const featureStates = new Map<string, Record<string, unknown>>();
	const stateKey = (f: { source: string; sourceLayer?: string; id?: number | string }) => {
		if (!sources.has(f.source)) throw new Error(`The source '${f.source}' does not exist`);
		return `${f.source}/${f.sourceLayer ?? ''}/${f.id}`;
	};
	const handlers = new Map<string, Handler[]>();
	/** The layers of the features under the pointer, topmost first (queryRenderedFeatures). */
	let underPointer: string[] = [];
	let isZooming = true;
	/** The boxes fitBounds was given, in order. */
	const fitted: unknown[] = [];
	const map = {
		getCenter: () => ({ lng: 4.8, lat: 51.2 }),
		flyTo: () => map,
		fitBounds: (bounds: unknown) => {
			fitted.push(bounds);
			return map;
		},
		// on(type, handler), or on(type, layerIds, handler) for clicks on those layers
		on: (type: string, a: Handler | string[], b?: Handler) => {
			const key = b ? `${type}@${(a as string[]).join(',')}` : type;
			handlers.set(key, [...(handlers.get(key) ?? []), b ?? (a as Handler)]);
			return map;
		},
		off: (type: string, a: Handler | string[], b?: Handler) => {
			const key = b ? `${type}@${(a as string[]).join(',')}` : type;
			const h = b ?? a;
			handlers.set(
				key,
				(handlers.get(key) ?? []).filter((x) => x !== h),
			);
			return map;
		},
		getLayer: (id: string) => layers.find((l) => l.id === id),
		addLayer: (layer: { id: string }, beforeId?: string) => {
			const at = beforeId ? layers.findIndex((l) => l.id === beforeId) : layers.length;
			layers.splice(at < 0 ? layers.length : at, 0, layer);
			return map;
		},
		removeLayer: (id: string) =>
			layers.splice(
				layers.findIndex((l) => l.id === id),
				1,
			),
		getSource: (id: string) => sources.get(id),
		// a GeoJSON source takes new data as MapLibre's does (setData)
		addSource: (id: string, s: { type: string; data?: unknown }) => {
			const source = { ...s };
			sources.set(
				id,
				s.type === 'geojson'
					? Object.assign(source, { setData: (d: unknown) => (source.data = d) })
					: source,
			);
		},
		removeSource: (id: string) => sources.delete(id),
		getStyle: () => ({ layers }),
		isStyleLoaded: () => true,
		setPaintProperty: (id: string, name: string, value: unknown) => {
			const layer = layers.find((l) => l.id === id) as
				{ paint?: Record<string, unknown> } | undefined;
			if (layer) layer.paint = { ...layer.paint, [name]: value };
		},
		setLayoutProperty: (id: string, name: string, value: unknown) => {
			const layer = layers.find((l) => l.id === id) as
				{ layout?: Record<string, unknown> } | undefined;
			if (layer) layer.layout = { ...layer.layout, [name]: value };
		},
		setFeatureState: (
			f: { source: string; sourceLayer?: string; id: number },
			state: Record<string, unknown>,
		) => {
			const k = stateKey(f);
			featureStates.set(k, { ...featureStates.get(k), ...state });
		},
		removeFeatureState: (f: { source: string; sourceLayer?: string; id: number }, key: string) => {
			const k = stateKey(f);
			const { [key]: _, ...rest } = featureStates.get(k) ?? {};
			if (Object.keys(rest).length > 0) featureStates.set(k, rest);
			else featureStates.delete(k);
		},
		queryRenderedFeatures: (_point: unknown, options?: { layers?: string[] }) =>
			underPointer
				.filter((id) => !options?.layers || options.layers.includes(id))
				.map((id) => ({ layer: { id } })),
		hasImage: (id: string) => images.has(id),
		addImage: (id: string) => {
			if (images.has(id)) throw new Error(`image ${id} exists`);
			images.add(id);
		},
		doubleClickZoom: {
			isEnabled: () => isZooming,
			enable: () => (isZooming = true),
			disable: () => (isZooming = false),
		},
	};
	const fire = (type: string, lng: number, lat: number) =>
		(handlers.get(type) ?? []).forEach((h) => h({ lngLat: { lng, lat }, preventDefault() {} }));
	/** A click on a feature of `layerIds` (as registered together) with these properties. */
	const fireOn = (layerIds: string[], properties: Record<string, unknown>) =>
		(handlers.get(`click@${layerIds.join(',')}`) ?? []).forEach((h) =>
			h({ lngLat: { lng: 4.8, lat: 51.2 }, point: { x: 0, y: 0 }, features: [{ properties }] }),
		);
	return {
		map: map as unknown as MapLike,
		sources,
		layers,
		featureStates,
		fitted,
		fire,
		fireOn,
		/** Says which layers' features lie under the pointer, topmost first. */
		pointerOver: (layerIds: string[]) => (underPointer = layerIds),
		zooming: () => isZooming,
		listeners: () => [...handlers.values()].flat().length,
	};
}
