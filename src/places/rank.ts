/**
 * Search hits of places ranked by walking time from where the resident is, for their profile:
 * what the search shows once an origin (an address or "my location") is known.
 *
 * Pure: the walking times come from a lookup (the analysis worker's routes in the app), so the
 * ranking is tested without a worker and the app can swap the lookup for a faster one.
 */
import type { SearchHit } from '../data/search-index.ts';
import { straightLineM } from './nearest.ts';

/** Walking time in seconds from `from` to each of `to` (Infinity or undefined: no route). */
export type WalkingTimes = (
	from: [number, number],
	to: readonly [number, number][],
	signal?: AbortSignal,
) => Promise<readonly (number | undefined)[]>;

export interface RankedHit extends SearchHit {
	/** Walking time along the streets for the profile, seconds; absent when no route exists. */
	walkS?: number;
	/** Straight-line distance from the origin, metres. */
	straightM: number;
}

/**
 * `hits` ordered by walking time from `origin` (fastest first); hits with no route (outside the
 * street network of the map, e.g. a hospital beyond the data) follow, by straight-line distance.
 * Hits without a location keep their order at the end.
 *
 * @example await rankByWalkingTime(hits, [4.77, 51.20], walkingTimes) // → fastest first, with walkS
 */
export async function rankByWalkingTime(
	hits: readonly SearchHit[],
	origin: [number, number],
	times: WalkingTimes,
	signal?: AbortSignal,
): Promise<RankedHit[]> {
	const located = hits.filter((h) => h.record.lngLat);
	const answer = await times(
		origin,
		located.map((h) => [h.record.lngLat![0], h.record.lngLat![1]]),
		signal,
	);
	if (answer.length !== located.length)
		throw new Error(`walking times: asked for ${located.length}, got ${answer.length}`);
	const ranked: RankedHit[] = located.map((h, i) => {
		const walkS = answer[i];
		const out: RankedHit = { ...h, straightM: straightLineM(origin, h.record.lngLat!) };
		if (walkS !== undefined && Number.isFinite(walkS)) out.walkS = walkS;
		return out;
	});
	ranked.sort(
		(a, b) =>
			(a.walkS ?? Infinity) - (b.walkS ?? Infinity) ||
			a.straightM - b.straightM ||
			a.record.id.localeCompare(b.record.id),
	);
	const rest = hits
		.filter((h) => !h.record.lngLat)
		.map((h): RankedHit => ({ ...h, straightM: Infinity }));
	return [...ranked, ...rest];
}
