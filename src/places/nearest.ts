/**
 * The nearest places of a kind from where a resident is, ordered by walking time along the network
 * for their profile (not as the crow flies).
 *
 * Exact without routing to every place: a route is never shorter than the straight line, and its
 * time for a profile is never less than its length at the profile's speed. Places are tried in
 * order of straight-line distance, and the search stops once the straight-line time of the next
 * place is already more than the k-th best network time found.
 */
import { distanceM } from '../analysis/geo.ts';
import type { Route } from '../analysis/route.ts';
import type { Place } from './place.ts';

export interface NearestPlace {
	place: Place;
	route: Route;
}

/**
 * Straight-line distance in metres between two [lng, lat] points, measured as the routes are
 * (src/analysis/geo.ts), so it stays a lower bound of a route's length.
 */
export function straightLineM(a: readonly [number, number], b: readonly [number, number]): number {
	return distanceM(a[0], a[1], b[0], b[1]);
}

/**
 * The `k` places reachable fastest from `origin`, with their routes, fastest first. Places without
 * a route (too far from a usable way, or cut off for the profile) are left out.
 * @param routeTo computes the route for the resident's profile (the analysis worker's `route`)
 * @param speedMps the profile's walking speed in m/s (a lower bound on time per metre)
 */
export async function nearestByWalkingTime(
	origin: readonly [number, number],
	places: readonly Place[],
	k: number,
	speedMps: number,
	routeTo: (to: [number, number]) => Promise<Route>,
	signal?: AbortSignal,
): Promise<NearestPlace[]> {
	if (!(k >= 1)) throw new Error(`k must be ≥ 1, got ${k}`);
	if (!(speedMps > 0)) throw new Error(`speedMps must be > 0, got ${speedMps}`);
	const byCrowFly = places
		.map((place) => ({ place, lowerBoundS: straightLineM(origin, place.lngLat) / speedMps }))
		.sort((a, b) => a.lowerBoundS - b.lowerBoundS || a.place.id.localeCompare(b.place.id));
	const found: NearestPlace[] = [];
	for (const { place, lowerBoundS } of byCrowFly) {
		if (found.length >= k && lowerBoundS > found[k - 1]!.route.timeS) break;
		signal?.throwIfAborted();
		const route = await routeTo([...place.lngLat]);
		if (!Number.isFinite(route.timeS)) continue;
		found.push({ place, route });
		found.sort((a, b) => a.route.timeS - b.route.timeS || a.place.id.localeCompare(b.place.id));
	}
	return found.slice(0, k);
}
