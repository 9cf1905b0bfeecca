/**
 * Which of the eight care functions of buurtzorgregie each neighbourhood has: a place serves the
 * functions its categories have in the taxonomy (`Category.careFunctions`), a curated initiative
 * also those its coordinator ticked. A place counts in the neighbourhood of its nearest address
 * point (the analysis's origins carry their neighbourhood; the bundle holds no polygons), so a
 * place on a border counts where the nearest residents live.
 */
import {
	CARE_FUNCTIONS,
	categoryById,
	isCategoryId,
	type CareFunctionId,
} from '../contracts/taxonomy.ts';

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
	/** Places counted in the neighbourhood per category id (a place of two kinds counts in both). */
	perCategory: Record<string, number>;
}

const ORDER: readonly CareFunctionId[] = CARE_FUNCTIONS.map((f) => f.id);
const IDS: ReadonlySet<string> = new Set(ORDER);

/** The care functions a place serves: its categories' and its own. */
export function careFunctionsOf(place: Omit<CareFunctionPlace, 'lngLat'>): Set<CareFunctionId> {
	const out = new Set<CareFunctionId>();
	for (const id of place.categoryIds)
		if (isCategoryId(id)) for (const f of categoryById(id).careFunctions) out.add(f);
	for (const f of place.careFunctions ?? []) if (IDS.has(f)) out.add(f as CareFunctionId);
	return out;
}

/**
 * One row per neighbourhood in `neighbourhoodIds` (in that order): the care functions present
 * and missing, and the places counted there per category (the report's services per category). `origins` are the address points ([lng, lat] interleaved) with their neighbourhood
 * (null: none); a place joins the neighbourhood of its nearest origin that has one.
 * @example careFunctionsByNeighbourhood(['A'], { lngLat, neighbourhoodId }, places)[0].missing
 */
export function careFunctionsByNeighbourhood(
	neighbourhoodIds: readonly string[],
	origins: { lngLat: ArrayLike<number>; neighbourhoodId: readonly (string | null)[] },
	places: readonly CareFunctionPlace[],
): CareFunctionRow[] {
	const found = new Map<string, { functions: Set<CareFunctionId>; places: number[] }>(
		neighbourhoodIds.map((id) => [id, { functions: new Set(), places: [] }]),
	);
	const n = origins.neighbourhoodId.length;
	places.forEach((place, index) => {
		const [lng, lat] = place.lngLat;
		const kx = Math.cos((lat * Math.PI) / 180);
		let best = Infinity;
		let nb: string | null = null;
		for (let i = 0; i < n; i++) {
			const id = origins.neighbourhoodId[i];
			if (!id) continue;
			const dx = ((origins.lngLat[2 * i] as number) - lng) * kx;
			const dy = (origins.lngLat[2 * i + 1] as number) - lat;
			const d = dx * dx + dy * dy;
			if (d < best) {
				best = d;
				nb = id;
			}
		}
		const row = nb === null ? undefined : found.get(nb);
		if (!row) return;
		row.places.push(index);
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
			perCategory,
		};
	});
}
