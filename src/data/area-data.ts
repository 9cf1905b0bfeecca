/**
 * The data of an area that the app needs without the map: places (for search, the list view and
 * details) and the search index, from `tiles/<area>/search.json`. Loaded independently of the map
 * tiles, so search, list and details keep working when tiles fail.
 */
import type { Localized } from '../analysis/taxonomy.ts';
import type { Place, WheelchairAccess } from '../places/place.ts';
import type { SearchIndex } from './search-index.ts';
import { areaSearchRecords, parseSearchSource, type SearchSourceV1 } from './search-records.ts';
import type { AreaTiles } from './tiles.ts';

export interface AreaData {
	areaId: string;
	areaName: string;
	places: Place[];
	placesById: Map<string, Place>;
	/** Places per category id (a place with two categories counts in both). */
	categoryCounts: Map<string, number>;
	/** The search index in a language (built on first use, then kept). */
	searchIndex: (lang: keyof Localized) => SearchIndex;
}

const WHEELCHAIR = new Set(['yes', 'limited', 'no', 'designated']);

/** Places of a search source as the app shows them (empty strings become absent fields). */
export function placesOf(source: SearchSourceV1): Place[] {
	return source.places.map((p) => {
		const place: Place = {
			id: p.id,
			categoryIds: p.categoryIds,
			lngLat: p.lngLat,
			source: p.source || 'OpenStreetMap',
		};
		if (p.name) place.name = p.name;
		if (p.address) place.address = p.address;
		if (p.phone) place.phone = p.phone;
		if (p.website) place.website = p.website;
		if (p.openingHours) place.openingHours = p.openingHours;
		if (p.operator) place.operator = p.operator;
		if (p.date) place.date = p.date;
		if (WHEELCHAIR.has(p.wheelchair)) place.wheelchair = p.wheelchair as WheelchairAccess;
		return place;
	});
}

/**
 * Builds the area data from a parsed search source.
 * @param Index the search index class (passed in so that Fuse.js loads with the data, not first)
 */
export function areaDataFrom(
	source: SearchSourceV1,
	areaName: string,
	Index: typeof SearchIndex,
): AreaData {
	const places = placesOf(source);
	const categoryCounts = new Map<string, number>();
	for (const p of places)
		for (const id of p.categoryIds) categoryCounts.set(id, (categoryCounts.get(id) ?? 0) + 1);
	const indexes = new Map<string, SearchIndex>();
	return {
		areaId: source.areaId,
		areaName,
		places,
		placesById: new Map(places.map((p) => [p.id, p])),
		categoryCounts,
		searchIndex(lang) {
			let index = indexes.get(lang);
			if (!index) indexes.set(lang, (index = new Index(areaSearchRecords(source, lang))));
			return index;
		},
	};
}

/** Fetches an area's search source (its URL and the area's name come from the manifest). */
export async function loadAreaData(
	tiles: Pick<AreaTiles, 'areaId' | 'name' | 'files'>,
	fetchImpl: typeof fetch = fetch,
): Promise<AreaData> {
	const url = tiles.files.search?.url;
	if (!url) throw new Error(`the manifest of ${tiles.areaId} lists no search source`);
	// Fuse.js and the index code load beside the data, after the first paint.
	const [response, { SearchIndex: Index }] = await Promise.all([
		fetchImpl(url),
		import('./search-index.ts'),
	]);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return areaDataFrom(parseSearchSource(await response.json()), tiles.name, Index);
}
