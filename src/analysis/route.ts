/**
 * Route A→B for a profile, with the reason each avoided segment was avoided: the profile's route
 * is compared with the walking route (the shortest path anyone on foot would take); every stretch
 * of the walking route that the profile's route does not use and that is impassable, limited or
 * (in cautious mode) unknown for the profile is reported with its reasons.
 */
import type { AnalysisEngine } from './engine.ts';
import type { ProfileNetwork } from './network.ts';
import { reasonsFromMask, unknownFromMask } from './profiles.ts';
import {
	PROFILE_IDS,
	WAY_STATUS_CODES,
	type ProfileId,
	type ReasonCode,
	type UnknownAttribute,
	type UnknownMode,
	type WayStatus,
} from '../contracts/profiles.ts';
import { assertLngLat } from './geo.ts';
import { SearchSpace } from './search.ts';
import { edgeCoordinates, type Snap } from './snap.ts';
import { edgeSlice } from './walkshed.ts';
import { wayOfEdge } from './way-names.ts';

/** One stretch of a route or of an avoided path. */
export interface RouteSegment {
	edge: number;
	wayId: string;
	/** The way's street name ('' when it has none: say the way id). */
	wayName: string;
	/** Where the way has no name: the nearest named way it leads to ('' when none; way-names.ts). */
	nearName: string;
	/** Fractions of the edge used (shape direction), 0..1. */
	from: number;
	to: number;
	lengthM: number;
	/** Status of the edge for the route's profile. */
	status: WayStatus;
	reasons: ReasonCode[];
	unknown: UnknownAttribute[];
	coordinates: [number, number][];
}

/** A route for one profile. */
export interface Route {
	profile: ProfileId;
	unknownMode: UnknownMode;
	/** Metres, access legs included; Infinity when there is no route. */
	distanceM: number;
	/** Seconds for the profile; Infinity when there is no route. */
	timeS: number;
	/** Metres on ways whose needed attributes are unknown. */
	unknownM: number;
	segments: RouteSegment[];
	/** The whole line, access legs included ([lng, lat] degrees). */
	coordinates: [number, number][];
}

/** Result of {@link routeWithReasons}. */
export interface RouteComparison {
	route: Route;
	/** The walking route it is compared with. */
	walking: Route;
	/** Stretches of the walking route the profile avoided, with the profile's reasons. */
	avoided: RouteSegment[];
}

const STATUS_NAMES: WayStatus[] = ['passable', 'limited', 'impassable', 'unknown'];

function segment(
	engine: AnalysisEngine,
	net: ProfileNetwork,
	e: number,
	from: number,
	to: number,
	statusProfile = net.profileIndex,
): RouteSegment {
	const g = engine.graph;
	const k = statusProfile * g.edgeCount + e;
	const lo = Math.min(from, to);
	const hi = Math.max(from, to);
	// a whole edge is its own shape (no slicing: most stretches of a route are whole edges)
	const coords = lo === 0 && hi === 1 ? edgeCoordinates(g, e) : edgeSlice(g, e, lo, hi);
	if (from > to) coords.reverse();
	return {
		edge: e,
		...wayOfEdge(g, e),
		from,
		to,
		lengthM: (hi - lo) * (g.lengthsM[e] as number),
		status: STATUS_NAMES[g.statuses[k] as number] ?? 'impassable',
		reasons: g.reasons[k] === 0 ? [] : reasonsFromMask(g.reasons[k] as number),
		unknown: g.unknowns[k] === 0 ? [] : unknownFromMask(g.unknowns[k] as number),
		coordinates: coords,
	};
}

/**
 * The cheapest route between two points for a profile.
 *
 * @returns a route with distanceM Infinity and no segments when B cannot be reached (or a point
 *   is too far from a usable way).
 */
export function route(
	engine: AnalysisEngine,
	a: [number, number],
	b: [number, number],
	profile: ProfileId,
	unknownMode: UnknownMode = 'optimistic',
): Route {
	assertLngLat(a, 'route start');
	assertLngLat(b, 'route end');
	const net = engine.network(profile, unknownMode);
	const none: Route = {
		profile,
		unknownMode,
		distanceM: Infinity,
		timeS: Infinity,
		unknownM: 0,
		segments: [],
		coordinates: [],
	};
	const sa = engine.snapPoint(a[0], a[1], profile, unknownMode);
	const sb = engine.snapPoint(b[0], b[1], profile, unknownMode);
	if (!sa || !sb) return none;
	const g = engine.graph;
	const space = new SearchSpace(g.nodeCount);
	const eb = sb.edge;
	const wb = net.edgeCostS[eb] as number;
	const fb = g.edgeFrom[eb] as number;
	const tb = g.edgeTo[eb] as number;
	let bound = Infinity;
	if (sa.edge === eb)
		bound = sa.accessM / net.speedMps + Math.abs(sa.t - sb.t) * (net.edgeCostS[eb] as number);
	space.run(net, sa, Infinity, Infinity, (n, c) => {
		if (n === fb) bound = Math.min(bound, c + sb.t * wb);
		if (n === tb) bound = Math.min(bound, c + (1 - sb.t) * wb);
		return c >= bound;
	});
	// best way into B's edge
	let via: 'same' | number = 'same';
	let best = sa.edge === eb ? sa.accessM / net.speedMps + Math.abs(sa.t - sb.t) * wb : Infinity;
	if (space.cost(fb) + sb.t * wb < best) {
		best = space.cost(fb) + sb.t * wb;
		via = fb;
	}
	if (space.cost(tb) + (1 - sb.t) * wb < best) {
		best = space.cost(tb) + (1 - sb.t) * wb;
		via = tb;
	}
	if (best === Infinity) return none;
	return routeFromSearch(engine, net, space, a, b, sa, sb, via, best);
}

/**
 * Builds the route to `b` from a search run from `a` (its predecessor arcs): through `via`, the end
 * of B's edge it enters by, or along the shared edge ('same'). Shared by {@link route} and the
 * nearest-places search, so both report paths, lengths and access legs the same way.
 *
 * @param networkCostS the path's cost in seconds from `a` to B's snap point (access leg at A included)
 */
export function routeFromSearch(
	engine: AnalysisEngine,
	net: ProfileNetwork,
	space: SearchSpace,
	a: [number, number],
	b: [number, number],
	sa: Snap,
	sb: Snap,
	via: 'same' | number,
	networkCostS: number,
): Route {
	const g = engine.graph;
	const eb = sb.edge;
	const fb = g.edgeFrom[eb] as number;
	const segments: RouteSegment[] = [];
	if (via === 'same') {
		segments.push(segment(engine, net, eb, sa.t, sb.t));
	} else {
		// walk predecessors back from `via` to a seed on A's edge
		const rev: RouteSegment[] = [];
		let n = via;
		for (;;) {
			const arc = space.predArc[n] as number;
			if (arc < 0) break;
			const e = g.arcEdges[arc] as number;
			const forward = g.edgeTo[e] === n; // arrived at edgeTo: travelled from → to
			rev.push(segment(engine, net, e, forward ? 0 : 1, forward ? 1 : 0));
			n = forward ? (g.edgeFrom[e] as number) : (g.edgeTo[e] as number);
		}
		// first stretch: from A's position to the seed node n
		const ea = sa.edge;
		segments.push(segment(engine, net, ea, sa.t, g.edgeFrom[ea] === n ? 0 : 1));
		segments.push(...rev.reverse());
		segments.push(segment(engine, net, eb, via === fb ? 0 : 1, sb.t));
	}
	const kept = segments.filter((s) => s.lengthM > 0);
	let distanceM = sa.accessM + sb.accessM;
	let unknownM = 0;
	for (const s of kept) {
		distanceM += s.lengthM;
		if (net.edgeUnknown[s.edge] === 1) unknownM += s.lengthM;
	}
	const coordinates: [number, number][] = [a, [sa.lng, sa.lat]];
	for (const s of kept) for (const p of s.coordinates) coordinates.push(p);
	coordinates.push([sb.lng, sb.lat], b);
	return {
		profile: net.profile,
		unknownMode: net.unknownMode,
		distanceM,
		timeS: networkCostS + sb.accessM / net.speedMps,
		unknownM,
		segments: kept,
		coordinates,
	};
}

/**
 * The profile's route and the reasons it leaves the walking route.
 *
 * @example routeWithReasons(engine, [4.80, 51.20], [4.81, 51.21], 'wheelchair').avoided[0].reasons // ['steps']
 */
export function routeWithReasons(
	engine: AnalysisEngine,
	a: [number, number],
	b: [number, number],
	profile: ProfileId,
	unknownMode: UnknownMode = 'optimistic',
): RouteComparison {
	const r = route(engine, a, b, profile, unknownMode);
	const walking = route(engine, a, b, 'walking', 'optimistic');
	const used = new Set(r.segments.map((s) => s.edge));
	const pi = PROFILE_IDS.indexOf(profile);
	const g = engine.graph;
	const avoided: RouteSegment[] = [];
	for (const s of walking.segments) {
		if (used.has(s.edge)) continue;
		const code = g.statuses[pi * g.edgeCount + s.edge];
		const avoidedStatus =
			code === WAY_STATUS_CODES.impassable ||
			code === WAY_STATUS_CODES.limited ||
			(code === WAY_STATUS_CODES.unknown && unknownMode === 'cautious');
		if (!avoidedStatus) continue;
		const net = engine.network(profile, unknownMode);
		avoided.push(segment(engine, net, s.edge, s.from, s.to));
	}
	return { route: r, walking, avoided };
}
