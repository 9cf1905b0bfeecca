/**
 * A trip beyond what the resident's profile can reasonably make (a long one) names a public
 * transport stop to shorten it: the first of the stops nearest to the origin (by walking time for
 * the profile, along the streets) that lies on the trip's route — within {@link STOP_ON_ROUTE_M} of
 * its line —, else the one reached fastest from the origin.
 */
import CheapRuler from 'cheap-ruler';
import type { Route } from './route.ts';

/** A stop this close to the route's line (metres) counts as on the way. */
export const STOP_ON_ROUTE_M = 150;

/** A stop with the route to it from the trip's origin. */
export interface StopCandidate {
	placeId: string;
	/** [lng, lat] in degrees. */
	lngLat: [number, number];
	route: Route;
}

/** The stop to name, and whether it lies on the trip's route. */
export interface StopOnTheWay extends StopCandidate {
	onRoute: boolean;
}

/** The distance in metres from `point` to the line `coordinates` ([lng, lat] degrees). */
export function distanceToLineM(
	coordinates: readonly [number, number][],
	point: [number, number],
): number {
	if (coordinates.length === 0) return Infinity;
	const ruler = new CheapRuler(point[1], 'meters');
	if (coordinates.length === 1) return ruler.distance(coordinates[0]!, point);
	return ruler.distance(ruler.pointOnLine(coordinates as [number, number][], point).point, point);
}

/**
 * @param trip the route of the long trip (from the origin to the place)
 * @param stops the stops nearest to the origin, fastest first (as `nearestPlaces` gives them)
 */
export function stopOnTheWay(
	trip: Route,
	stops: readonly StopCandidate[],
	maxM: number = STOP_ON_ROUTE_M,
): StopOnTheWay | undefined {
	const reachable = stops.filter((s) => Number.isFinite(s.route.timeS));
	const on = reachable.find(
		(s) => s.route.timeS < trip.timeS && distanceToLineM(trip.coordinates, s.lngLat) <= maxM,
	);
	if (on) return { ...on, onRoute: true };
	const first = reachable[0];
	return first ? { ...first, onRoute: false } : undefined;
}
