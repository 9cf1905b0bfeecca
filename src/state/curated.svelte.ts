/**
 * The curated places of the open area (local and informal initiatives that coordinators add for
 * what OpenStreetMap lacks), shared through context. Read from where things are saved (Supabase:
 * the places of the area's municipalities this user may see; the device otherwise); once read or
 * saved they are at once in the area's places and search (`AreaState.setExtraPlaces`), on the map
 * (`drawOn`) and in the gap analysis (`extraPlacesFor`: counted as existing places of their
 * categories).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createContext } from 'svelte';
import type { PlannedPlace } from '../analysis/engine.ts';
import type { SourcePlace } from '../contracts/search-source.ts';
import type { CuratedPlace, CuratedPlaceInput, CuratedPlacePatch } from '../data/types.ts';
import { CURATED_SOURCE, curatedGeoJson, curatedLayers } from '../map/layers/curated-style.ts';
import type { Place } from '../places/place.ts';
import type { AreaState } from './area-state.svelte.ts';
import type { DataState } from './data-state.svelte.ts';
import type { MapState } from './map-state.svelte.ts';

/** The id the app gives a curated place (its places, search, analysis): `curated:<uuid>`. */
export const curatedId = (p: Pick<CuratedPlace, 'id'>): string => `curated:${p.id}`;

/** What the app's place and the search's place of a curated place have in common. */
function commonOfCurated(p: CuratedPlace) {
	return {
		id: curatedId(p),
		name: p.name,
		categoryIds: [...p.categories],
		lngLat: p.location.coordinates as [number, number],
		source: p.source,
		...(p.address ? { address: p.address } : {}),
	};
}

/** A curated place as the app shows it. */
export function placeOfCurated(p: CuratedPlace): Place {
	const place: Place = { ...commonOfCurated(p), date: p.verifiedAt.slice(0, 10) };
	if (p.phone) place.phone = p.phone;
	if (p.website) place.website = p.website;
	if (p.openingHours) place.openingHours = p.openingHours;
	if (p.wheelchair) place.wheelchair = p.wheelchair;
	return place;
}

/** A curated place as the search finds it (by name and by what it is). */
export function sourcePlaceOfCurated(p: CuratedPlace): SourcePlace {
	return { ...commonOfCurated(p), localities: [] };
}

/** The curated places of a category as the analysis engine counts them (as existing places). */
export function extraPlacesFor(list: readonly CuratedPlace[], categoryId: string): PlannedPlace[] {
	return list
		.filter((p) => (p.categories as readonly string[]).includes(categoryId))
		.map((p) => ({
			id: curatedId(p),
			lngLat: p.location.coordinates as [number, number],
			name: p.name,
		}));
}

export interface CuratedArea {
	id: string;
	name: string;
	nisCode: string;
	/** Coordinators of the municipality (everyone on the device) add and edit its places. */
	canSave: boolean;
}

export class CuratedState {
	/** The places of the open area this user may see, by name. */
	list = $state.raw<CuratedPlace[]>([]);
	/** The open area's municipalities, and whether this user may add places there. */
	areas = $state.raw<CuratedArea[]>([]);
	/** Why reading failed, when it did (technical detail). */
	error = $state<string | undefined>();
	/** Changes whenever a place is added, changed or removed (analyses run again on it). */
	key = $derived(this.list.map((p) => `${p.id}@${p.updatedAt}`).join());

	readonly #data: DataState;
	readonly #area: AreaState;
	#generation = 0;

	constructor(data: DataState, area: AreaState) {
		this.#data = data;
		this.#area = area;
	}

	/** Reads the open area's places again and puts them into its places and search. */
	async load(): Promise<void> {
		const tiles = this.#area.tiles;
		const generation = ++this.#generation;
		if (!tiles) {
			this.list = [];
			this.areas = [];
			return;
		}
		try {
			const areas = await this.#data.analysisAreas(tiles.municipalities.map((m) => m.nis));
			const list = await this.#data.curatedPlaces(areas.map((a) => a.id));
			if (generation !== this.#generation) return;
			this.areas = areas;
			this.list = list;
			this.error = undefined;
			await this.#area.setExtraPlaces(list.map(placeOfCurated), list.map(sourcePlaceOfCurated));
		} catch (e) {
			if (generation === this.#generation) this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/**
	 * Adds a place (no `id`) or changes one; bad input throws the data layer's error naming the
	 * field, and nothing is saved. The area's places, search, map and analyses follow at once.
	 */
	async save(id: string | undefined, input: CuratedPlaceInput): Promise<CuratedPlace> {
		let saved: CuratedPlace;
		if (id === undefined) saved = await this.#data.createCuratedPlace(input);
		else {
			const { areaId: _areaId, ...patch } = input;
			saved = await this.#data.updateCuratedPlace(id, patch satisfies CuratedPlacePatch);
		}
		await this.load();
		return saved;
	}

	/** Removes a place. */
	async remove(id: string): Promise<void> {
		await this.#data.removeCuratedPlace(id);
		await this.load();
	}

	#boundaries: { url: string; fc: Promise<FeatureCollection<Polygon | MultiPolygon>> } | undefined;

	/**
	 * The municipality (of {@link areas}) that holds `lngLat`, from the boundaries the pipeline
	 * published for the open area; undefined when none does or they cannot be read.
	 */
	async areaAt(lngLat: [number, number]): Promise<CuratedArea | undefined> {
		const url = this.#area.tiles?.files.boundaries?.url;
		if (!url) return undefined;
		if (this.#boundaries?.url !== url) {
			const fc = fetch(url).then((r) => {
				if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
				return r.json() as Promise<FeatureCollection<Polygon | MultiPolygon>>;
			});
			this.#boundaries = { url, fc };
		}
		try {
			const fc = await this.#boundaries.fc;
			// loaded when first needed (a place placed on the map), not with the first view (issue #12)
			const { booleanPointInPolygon } = await import('@turf/turf');
			const nis = fc.features.find((f) => booleanPointInPolygon(lngLat, f))?.properties?.nis;
			return this.areas.find((a) => a.nisCode === nis);
		} catch {
			this.#boundaries = undefined;
			return undefined;
		}
	}

	/** The curated places of a category for the analysis engine. */
	extraPlacesFor(categoryId: string): PlannedPlace[] {
		return extraPlacesFor(this.list, categoryId);
	}

	/** Draws the places on the map (an overlay through the z-order registry). */
	drawOn(map: MapState): void {
		map.setOverlay(CURATED_SOURCE, {
			source: { type: 'geojson', data: curatedGeoJson(this.list.map(placeOfCurated)) },
			layers: curatedLayers(),
		});
	}
}

export const [getCuratedState, setCuratedState] = createContext<CuratedState>();
