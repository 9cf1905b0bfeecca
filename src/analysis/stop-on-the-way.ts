/**
 * A trip beyond what the resident's profile can reasonably make (a long one) names a bus stop to
 * shorten it: the first of the stops nearest to the origin (by walking time for the profile, along
 * the streets) that lies on the trip's route — within {@link STOP_ON_ROUTE_M} of its line —, else
 * the one reached fastest from the origin. Which places are such stops is data: the places of
 * {@link STOP_CATEGORY} whose kind (taxonomy `kinds`, from their OSM tags) is in {@link STOP_KINDS}.
 */
import CheapRuler from 'cheap-ruler';
import type { Route } from './route.ts';

/** A stop this close to the route's line (metres) counts as on the way. */
export const STOP_ON_ROUTE_M = 150;

/** The category whose places are searched for a stop on the way. */
export const STOP_CATEGORY = 'public_transport';
/** Its kinds that count (`highway=bus_stop`, or a platform with `bus=yes`): not stations or tram stops. */
export const STOP_KINDS: readonly string[] = ['bus_stop'];

/** A stop with the route to it from the trip's origin. */
export interface StopCandidate {
	placeId: string;
	/** Its kind within {@link STOP_CATEGORY} (taxonomy `kinds`); one not in `kinds` is skipped. */
	kind?: string | undefined;
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
 * @param kinds the kinds of stop that count ({@link STOP_KINDS})
 */
export function stopOnTheWay(
	trip: Route,
	stops: readonly StopCandidate[],
	maxM: number = STOP_ON_ROUTE_M,
	kinds: readonly string[] = STOP_KINDS,
): StopOnTheWay | undefined {
	const reachable = stops.filter(
		(s) => Number.isFinite(s.route.timeS) && kinds.includes(s.kind ?? ''),
	);
	const on = reachable.find(
		(s) => s.route.timeS < trip.timeS && distanceToLineM(trip.coordinates, s.lngLat) <= maxM,
	);
	if (on) return { ...on, onRoute: true };
	const first = reachable[0];
	return first ? { ...first, onRoute: false } : undefined;
}
