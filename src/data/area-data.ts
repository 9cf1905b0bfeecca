/**
 * The data of an area that the app needs without the map: places (for search, the list view and
 * details) and the search, from `tiles/<area>/search.json.gz`. The search worker fetches, decodes
 * and indexes it off the main thread, so typing never waits for it. Loaded independently of the
 * map tiles, so search, list and details keep working when tiles fail.
 */
import type { Place, WheelchairAccess } from '../places/place.ts';
import type { SearchClient, SearchEndpoint } from '../workers/search-client.ts';
import type { SourceLocality, SourcePlace } from '../contracts/search-source.ts';
import { addressWithLocality } from './search-records.ts';
import type { AreaTiles } from './tiles.ts';

export interface AreaData {
	areaId: string;
	areaName: string;
	places: Place[];
	placesById: Map<string, Place>;
	/** Places per category id (a place with two categories counts in both). */
	categoryCounts: Map<string, number>;
	/** Of those, the places outside the area, in its surroundings ({@link Place.outsideArea}). */
	categoryCountsAround: Map<string, number>;
	/** The area's centre [lng, lat]: where distances are measured from without an origin. */
	centre: [number, number];
	/** The search, answered by the search worker. */
	search: SearchClient;
	/** Places from elsewhere than the area's data (curated initiatives), also in `places`. */
	extraPlaces: Place[];
}

const WHEELCHAIR = new Set(['yes', 'limited', 'no', 'designated']);

/**
 * Places of a search source as the app shows them: an address with the town it lies in (from the
 * source's `localities`; see addressWithLocality).
 */
export function placesOf(
	places: readonly SourcePlace[],
	localities: readonly SourceLocality[],
): Place[] {
	return places.map((p) => {
		const own = p.localities.map((i) => localities[i]);
		const place: Place = {
			id: p.id,
			categoryIds: p.categoryIds,
			lngLat: p.lngLat,
			source: p.source || 'OpenStreetMap',
		};
		if (p.name) place.name = p.name;
		if (p.kind) place.kind = p.kind;
		if (p.address) place.address = addressWithLocality(p.address, own);
		else if (p.nearAddress) place.nearAddress = addressWithLocality(p.nearAddress, own);
		if (p.phone) place.phone = p.phone;
		if (p.website) place.website = p.website;
		if (p.openingHours) place.openingHours = p.openingHours;
		if (p.operator) place.operator = p.operator;
		if (p.lines) place.lines = p.lines.split(';');
		if (p.emergency === 'yes' || p.emergency === 'no') place.emergency = p.emergency === 'yes';
		const spaces = Number(p.accessibleSpaces);
		if (Number.isInteger(spaces) && spaces > 0) {
			place.accessibleSpaces = spaces;
			const total = Number(p.totalSpaces);
			if (Number.isInteger(total) && total >= spaces) place.totalSpaces = total;
		}
		if (p.date) place.date = p.date;
		if (p.localities.length === 0) place.outsideArea = true;
		if (p.wheelchair && WHEELCHAIR.has(p.wheelchair))
			place.wheelchair = p.wheelchair as WheelchairAccess;
		return place;
	});
}

/** Starts the search worker (the app's default; tests pass a host over a message channel). */
export function startSearchWorker(): SearchEndpoint {
	return new Worker(new URL('../workers/search.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts a search worker and has it load the area's search source (its URL and the area's name
 * come from the manifest). The caller owns the returned `search` and disposes it with the area.
 */
export async function loadAreaData(
	tiles: Pick<AreaTiles, 'areaId' | 'name' | 'files'>,
	startSearch: () => SearchEndpoint = startSearchWorker,
): Promise<AreaData> {
	const url = tiles.files.search?.url;
	if (!url) throw new Error(`the manifest of ${tiles.areaId} lists no search source`);
	const { SearchClient } = await import('../workers/search-client.ts');
	const search = new SearchClient(startSearch());
	let source;
	try {
		source = await search.load(url);
	} catch (error) {
		search.dispose();
		throw error;
	}
	const places = placesOf(source.places, source.localities);
	return {
		areaId: source.areaId,
		areaName: tiles.name,
		places,
		placesById: new Map(places.map((p) => [p.id, p])),
		...countsByCategory(places),
		centre: source.centre,
		search,
		extraPlaces: [],
	};
}

/** Places per category, and of them those outside the area. */
function countsByCategory(
	places: readonly Place[],
): Pick<AreaData, 'categoryCounts' | 'categoryCountsAround'> {
	const categoryCounts = new Map<string, number>();
	const categoryCountsAround = new Map<string, number>();
	for (const p of places) {
		for (const id of p.categoryIds) {
			categoryCounts.set(id, (categoryCounts.get(id) ?? 0) + 1);
			if (p.outsideArea) categoryCountsAround.set(id, (categoryCountsAround.get(id) ?? 0) + 1);
		}
	}
	return { categoryCounts, categoryCountsAround };
}

/**
 * The area's data with `extra` (curated initiatives) in place of the extra places it had: in the
 * places, their index and counts (the search worker is told apart: `SearchClient.setExtraPlaces`).
 */
export function withExtraPlaces(data: AreaData, extra: readonly Place[]): AreaData {
	const old = new Set(data.extraPlaces.map((p) => p.id));
	const places = [...data.places.filter((p) => !old.has(p.id)), ...extra];
	return {
		...data,
		places,
		placesById: new Map(places.map((p) => [p.id, p])),
		...countsByCategory(places),
		extraPlaces: [...extra],
	};
}
