/**
 * Which of the eight care functions of buurtzorgregie each neighbourhood has: a place serves the
 * functions its categories have in the taxonomy (`Category.careFunctions`), a curated initiative
 * also those its coordinator ticked. A place counts in the neighbourhood whose polygon holds it
 * (the pipeline's `neighbourhoods.geojson`, through `locate`); only a place outside every polygon
 * but within {@link NEAREST_ADDRESS_MAX_M} of an address, or every place when the area has no
 * polygons, counts in the neighbourhood of its nearest address point (the analysis's origins carry
 * their neighbourhood), and the row lists those places.
 */
import { metresPerDegree } from './geo.ts';
import {
	CARE_FUNCTIONS,
	categoryById,
	isCategoryId,
	type CareFunctionId,
} from '../contracts/taxonomy.ts';

/**
 * With polygons, a place outside every one counts in the neighbourhood of its nearest address only
 * when that address lies within this many metres (a place on the border, an initiative just across
 * it: the database accepts one up to 100 m outside its municipality); a place farther out lies
 * beyond the area (the OSM extract's margin, a province-wide list) and counts nowhere.
 */
export const NEAREST_ADDRESS_MAX_M = 100;

export interface CareFunctionPlace {
	lngLat: readonly [number, number];
	categoryIds: readonly string[];
	/** Functions beyond those of its categories (a curated initiative's own). */
	careFunctions?: readonly string[];
}

export interface CareFunctionRow {
	neighbourhoodId: string;
	/** The functions present, in the taxonomy's order. */
	present: CareFunctionId[];
	/** The functions missing, in the taxonomy's order. */
	missing: CareFunctionId[];
	/** Places counted in the neighbourhood. */
	places: number;
	/** Their indexes in the `places` given, ascending. */
	placeIndexes: number[];
	/** Of those, the ones counted by their nearest address (outside every polygon, or no polygons). */
	byNearest: number[];
	/** Places counted in the neighbourhood per category id (a place of two kinds counts in both). */
	perCategory: Record<string, number>;
}

const ORDER: readonly CareFunctionId[] = CARE_FUNCTIONS.map((f) => f.id);
const IDS: ReadonlySet<string> = new Set(ORDER);

/**
 * The missing functions split in two: those a kind of place could serve, and those only a local
 * initiative can (`onlyInitiatives` in the taxonomy), which the tables name apart so that they do
 * not read as a gap the map could fill. Both in the taxonomy's order.
 */
export function splitMissing(missing: readonly CareFunctionId[]): {
	missing: CareFunctionId[];
	onlyInitiatives: CareFunctionId[];
} {
	const only = new Set(CARE_FUNCTIONS.filter((f) => f.onlyInitiatives).map((f) => f.id));
	return {
		missing: missing.filter((f) => !only.has(f)),
		onlyInitiatives: missing.filter((f) => only.has(f)),
	};
}

/** The care functions a place serves: its categories' and its own. */
export function careFunctionsOf(place: Omit<CareFunctionPlace, 'lngLat'>): Set<CareFunctionId> {
	const out = new Set<CareFunctionId>();
	for (const id of place.categoryIds)
		if (isCategoryId(id)) for (const f of categoryById(id).careFunctions) out.add(f);
	for (const f of place.careFunctions ?? []) if (IDS.has(f)) out.add(f as CareFunctionId);
	return out;
}

/** The address points with their neighbourhood ([lng, lat] interleaved; null: in none). */
export interface OriginsByNeighbourhood {
	lngLat: ArrayLike<number>;
	neighbourhoodId: readonly (string | null)[];
}

/** The neighbourhood of the origin nearest to (lng, lat) that has one, within `maxM`, or null. */
function nearestNeighbourhood(
	origins: OriginsByNeighbourhood,
	lng: number,
	lat: number,
	maxM: number,
): string | null {
	const { kx, ky } = metresPerDegree(lat);
	let best = maxM * maxM;
	let nb: string | null = null;
	for (let i = 0; i < origins.neighbourhoodId.length; i++) {
		const id = origins.neighbourhoodId[i];
		if (!id) continue;
		const dx = ((origins.lngLat[2 * i] as number) - lng) * kx;
		const dy = ((origins.lngLat[2 * i + 1] as number) - lat) * ky;
		const d = dx * dx + dy * dy;
		if (d < best) {
			best = d;
			nb = id;
		}
	}
	return nb;
}

/**
 * One row per neighbourhood in `neighbourhoodIds` (in that order): the care functions present
 * and missing, and the places counted there per category (the report's services per category).
 * A place joins the neighbourhood `locate` gives (its polygon: src/analysis/neighbourhood-locator.ts),
 * else that of its nearest origin that has one (listed in the row's `byNearest`): with `locate`
 * only within {@link NEAREST_ADDRESS_MAX_M}, without it at any distance. A place in no row counts
 * nowhere (the rows' `places` then add up to fewer than `places.length`).
 * @example careFunctionsByNeighbourhood(['A'], origins, places, locate)[0].missing
 */
export function careFunctionsByNeighbourhood(
	neighbourhoodIds: readonly string[],
	origins: OriginsByNeighbourhood,
	places: readonly CareFunctionPlace[],
	locate?: (lng: number, lat: number) => string | null,
): CareFunctionRow[] {
	const found = new Map<
		string,
		{ functions: Set<CareFunctionId>; places: number[]; byNearest: number[] }
	>(neighbourhoodIds.map((id) => [id, { functions: new Set(), places: [], byNearest: [] }]));
	places.forEach((place, index) => {
		const [lng, lat] = place.lngLat;
		const inPolygon = locate?.(lng, lat) ?? null;
		const nb =
			inPolygon ??
			nearestNeighbourhood(origins, lng, lat, locate ? NEAREST_ADDRESS_MAX_M : Infinity);
		const row = nb === null ? undefined : found.get(nb);
		if (!row) return;
		row.places.push(index);
		if (inPolygon === null) row.byNearest.push(index);
		for (const f of careFunctionsOf(place)) row.functions.add(f);
	});
	return neighbourhoodIds.map((neighbourhoodId) => {
		const row = found.get(neighbourhoodId)!;
		const perCategory: Record<string, number> = {};
		for (const k of row.places)
			for (const id of new Set(places[k]!.categoryIds))
				perCategory[id] = (perCategory[id] ?? 0) + 1;
		return {
			neighbourhoodId,
			present: ORDER.filter((f) => row.functions.has(f)),
			missing: ORDER.filter((f) => !row.functions.has(f)),
			places: row.places.length,
			placeIndexes: row.places,
			byNearest: row.byNearest,
			perCategory,
		};
	});
}
