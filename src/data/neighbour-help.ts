/**
 * The same help in neighbouring municipalities, for a kind of help with no place in the open area's
 * data. The area's own data already hold the margin around it (the OSM extract reaches beyond its
 * border, and those places are the kind's places like any other), so a kind with none has none
 * there either. What remains is the other built areas (`tiles/areas.json`) that cover other
 * municipalities and lie near: their search sources are read, and their places of the kind that
 * lie inside one of their own municipalities (not ours) are offered, nearest first, with the
 * municipality's name and the distance as the crow flies (their streets are not in our network).
 */
import { distanceM } from '../analysis/geo.ts';
import { placesOf } from './area-data.ts';
import type { AreaSummary } from './area-index.ts';
import { readSearchSource, type SearchSourceV2 } from '../contracts/search-source.ts';
import { loadAreaTiles } from './tiles.ts';
import type { Place } from '../places/place.ts';

/** An area counts as neighbouring when its bbox lies within this distance of the open area's. */
export const NEIGHBOUR_AREA_MAX_M = 10_000;
/** How many places to offer. */
export const NEIGHBOUR_PLACES = 3;

/** A place of the kind in a neighbouring municipality. */
export interface NeighbourPlace {
	place: Place;
	/** The name of the municipality it lies in (from the neighbouring area's data). */
	municipality: string;
	/** The built area whose data hold it. */
	areaId: string;
	/** As the crow flies from the resident's origin (else the open area's centre), in metres. */
	distanceM: number;
}

/** What was looked at and found. */
export interface NeighbourHelp {
	/**
	 * The neighbouring municipalities whose data were looked in, each named once (empty: no
	 * neighbouring area is built). Names of municipalities, not of built areas: an area that joins
	 * two municipalities must not read as a neighbour of one of them ("Kasterlee, Geel en Kasterlee").
	 */
	checked: string[];
	/** The nearest places of the kind there, nearest first (at most {@link NEIGHBOUR_PLACES}). */
	places: NeighbourPlace[];
	/** Areas whose data could not be read, with the reason. */
	failed: { area: string; reason: string }[];
}

/** The distance in metres between two [west, south, east, north] boxes (0 when they overlap). */
function bboxGapM(a: AreaSummary['bbox'], b: AreaSummary['bbox']): number {
	const lng = a[2] < b[0] ? [a[2], b[0]] : b[2] < a[0] ? [b[2], a[0]] : undefined;
	const lat = a[3] < b[1] ? [a[3], b[1]] : b[3] < a[1] ? [b[3], a[1]] : undefined;
	const midLat = (Math.max(a[1], b[1]) + Math.min(a[3], b[3])) / 2;
	const dx = lng ? distanceM(lng[0]!, midLat, lng[1]!, midLat) : 0;
	const dy = lat ? distanceM(a[0], lat[0]!, a[0], lat[1]!) : 0;
	return Math.hypot(dx, dy);
}

/**
 * The built areas that cover at least one municipality the open area does not, within
 * {@link NEIGHBOUR_AREA_MAX_M} of it, nearest first.
 */
export function neighbouringAreas(
	areas: readonly AreaSummary[],
	open: AreaSummary,
	maxM: number = NEIGHBOUR_AREA_MAX_M,
): AreaSummary[] {
	const own = new Set(open.municipalities.map((m) => m.nis));
	return areas
		.filter((a) => a.id !== open.id && a.municipalities.some((m) => !own.has(m.nis)))
		.map((a) => ({ a, gap: bboxGapM(open.bbox, a.bbox) }))
		.filter((x) => x.gap <= maxM)
		.sort((x, y) => x.gap - y.gap || x.a.id.localeCompare(y.a.id))
		.map((x) => x.a);
}

/**
 * The places of a kind in a neighbouring area's search source that lie inside one of its
 * municipalities other than `ownNis` (a place in its margin has no municipality there: left out,
 * since we could not name where it is), with their distance from `from`.
 */
export function placesInNeighbour(
	source: SearchSourceV2,
	categoryId: string,
	ownNis: readonly string[],
	from: [number, number],
): NeighbourPlace[] {
	const apps = placesOf(source.places, source.localities);
	return source.places.flatMap((p, i): NeighbourPlace[] => {
		if (!p.categoryIds.includes(categoryId)) return [];
		const municipality = p.localities
			.map((l) => source.localities[l])
			.find((l) => l?.kind === 'municipality');
		if (!municipality || ownNis.includes(municipality.nis)) return [];
		return [
			{
				place: apps[i]!,
				municipality: municipality.name,
				areaId: source.areaId,
				distanceM: distanceM(from[0], from[1], p.lngLat[0], p.lngLat[1]),
			},
		];
	});
}

/** The nearest `k` of several areas' places, one per place id (areas may overlap). */
export function nearestNeighbourPlaces(
	found: readonly NeighbourPlace[],
	k: number = NEIGHBOUR_PLACES,
): NeighbourPlace[] {
	const best = new Map<string, NeighbourPlace>();
	for (const f of found) if (!best.has(f.place.id)) best.set(f.place.id, f);
	return [...best.values()]
		.sort((a, b) => a.distanceM - b.distanceM || a.place.id.localeCompare(b.place.id))
		.slice(0, k);
}

/**
 * Reads the neighbouring areas' search sources (their manifests name them) and finds the nearest
 * places of a kind there. An area that cannot be read is reported in `failed`, not thrown.
 */
export async function loadNeighbourHelp(
	areas: readonly AreaSummary[],
	open: AreaSummary,
	categoryId: string,
	from: [number, number],
	origin: string = location.origin,
	fetchImpl: typeof fetch = fetch,
	signal?: AbortSignal,
): Promise<NeighbourHelp> {
	const neighbours = neighbouringAreas(areas, open);
	const ownNis = open.municipalities.map((m) => m.nis);
	const failed: NeighbourHelp['failed'] = [];
	const found = await Promise.all(
		neighbours.map(async (area) => {
			try {
				const tiles = await loadAreaTiles(area.id, origin, fetchImpl);
				const url = tiles.files.search?.url;
				if (!url) throw new Error(`the manifest of ${area.id} lists no search source`);
				const response = await fetchImpl(url, { signal });
				if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
				const source = await readSearchSource(new Uint8Array(await response.arrayBuffer()));
				return placesInNeighbour(source, categoryId, ownNis, from);
			} catch (error) {
				if ((error as Error).name === 'AbortError') throw error;
				failed.push({ area: area.name, reason: (error as Error).message });
				return [];
			}
		}),
	);
	const checked = new Map<string, string>();
	for (const area of neighbours)
		for (const m of area.municipalities) if (!ownNis.includes(m.nis)) checked.set(m.nis, m.name);
	return {
		checked: [...checked.values()],
		places: nearestNeighbourPlaces(found.flat()),
		failed,
	};
}
