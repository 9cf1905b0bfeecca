/**
 * The data of an area that the app needs without the map: places (for search, the list view and
 * details) and the search, from `tiles/<area>/search.json.gz`. The search worker fetches, decodes
 * and indexes it off the main thread, so typing never waits for it. Loaded independently of the
 * map tiles, so search, list and details keep working when tiles fail.
 */
import type { Place, WheelchairAccess } from '../places/place.ts';
import type { SearchClient } from '../workers/search-client.ts';
import type { SourcePlace } from './search-source.ts';
import { DEFAULT_AREA_ID } from './tiles.ts';

export interface AreaData {
	areaId: string;
	areaName: string;
	places: Place[];
	placesById: Map<string, Place>;
	/** Places per category id (a place with two categories counts in both). */
	categoryCounts: Map<string, number>;
	/** The area's centre [lng, lat]: where distances are measured from without an origin. */
	centre: [number, number];
	/** The search, answered by the search worker. */
	search: SearchClient;
}

const WHEELCHAIR = new Set(['yes', 'limited', 'no', 'designated']);

/** Places of a search source as the app shows them. */
export function placesOf(places: readonly SourcePlace[]): Place[] {
	return places.map((p) => {
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
		if (p.wheelchair && WHEELCHAIR.has(p.wheelchair))
			place.wheelchair = p.wheelchair as WheelchairAccess;
		return place;
	});
}

/** Starts the search worker, has it load the area's search source, and fetches the area's name. */
export async function loadAreaData(
	areaId: string = DEFAULT_AREA_ID,
	origin: string = location.origin,
	fetchImpl: typeof fetch = fetch,
): Promise<AreaData> {
	const base = `${origin}/tiles/${areaId}`;
	const { SearchClient } = await import('../workers/search-client.ts');
	const search = new SearchClient(
		new Worker(new URL('../workers/search.worker.ts', import.meta.url), { type: 'module' }),
	);
	const [source, manifestResponse] = await Promise.all([
		search.load(`${base}/search.json.gz`),
		fetchImpl(`${base}/manifest.json`),
	]);
	let areaName = areaId;
	if (manifestResponse.ok) {
		const manifest = (await manifestResponse.json()) as { area?: { name?: unknown } };
		if (typeof manifest.area?.name === 'string') areaName = manifest.area.name;
	}
	const places = placesOf(source.places);
	const categoryCounts = new Map<string, number>();
	for (const p of places)
		for (const id of p.categoryIds) categoryCounts.set(id, (categoryCounts.get(id) ?? 0) + 1);
	return {
		areaId: source.areaId,
		areaName,
		places,
		placesById: new Map(places.map((p) => [p.id, p])),
		categoryCounts,
		centre: source.centre,
		search,
	};
}
