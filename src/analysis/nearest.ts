/**
 * The k nearest places of a category from one point, by the profile's walking time along the
 * network, with their routes: one bounded single-source search from the point that stops once k
 * places are settled (instead of one route search per candidate place).
 *
 * Paths are exactly those of {@link route}: point → access leg → its nearest usable edge → network →
 * the place's edge → access leg → place, the cheapest in time for the profile. A place's network
 * cost is the cheaper way into its edge (from either end, or along the shared edge when the point
 * and the place lie on the same edge); its total adds its own access leg. Nodes are settled in
 * order of cost c, so a place whose total is ≤ c can no longer be beaten by any place not yet
 * reached (every later offer costs ≥ c): places are taken from a queue of their best totals while
 * the head is ≤ the cost of the node just settled.
 */
import FlatQueue from 'flatqueue';
import type { AnalysisEngine } from './engine.ts';
import { assertLngLat } from './geo.ts';
import type { ProfileId, UnknownMode } from '../contracts/profiles.ts';
import { routeFromSearch, type Route } from './route.ts';
import { SearchSpace } from './search.ts';
import type { Snap } from './snap.ts';

/** The places of one category for one profile, snapped, by edge (cached per engine). */
interface PlaceIndex {
	/** Snap of each place that reaches the network (a "slot"). */
	snaps: Snap[];
	/** Bundle place index of each slot. */
	placeOf: number[];
	/** Slots by the edge they snap to. */
	slotsByEdge: Map<number, number[]>;
	/** 1 for the end nodes of those edges: only there can a settled node reach a place. */
	isPlaceNode: Uint8Array;
}

const indexes = new WeakMap<AnalysisEngine, Map<string, PlaceIndex>>();

function placeIndex(
	engine: AnalysisEngine,
	categoryId: string,
	profile: ProfileId,
	mode: UnknownMode,
): PlaceIndex {
	let byKey = indexes.get(engine);
	if (!byKey) indexes.set(engine, (byKey = new Map()));
	const key = `${categoryId}/${profile}/${mode}`;
	const cached = byKey.get(key);
	if (cached) return cached;
	const g = engine.graph;
	const index: PlaceIndex = {
		snaps: [],
		placeOf: [],
		slotsByEdge: new Map(),
		isPlaceNode: new Uint8Array(g.nodeCount),
	};
	for (const i of engine.placesOf(categoryId)) {
		const sb = engine.placeSnap(i, profile, mode);
		if (!sb) continue;
		const slot = index.snaps.length;
		index.snaps.push(sb);
		index.placeOf.push(i);
		const list = index.slotsByEdge.get(sb.edge);
		if (list) list.push(slot);
		else index.slotsByEdge.set(sb.edge, [slot]);
		index.isPlaceNode[g.edgeFrom[sb.edge] as number] = 1;
		index.isPlaceNode[g.edgeTo[sb.edge] as number] = 1;
	}
	byKey.set(key, index);
	return index;
}

/** One of the nearest places, with its route from the point. */
export interface NearestPlace {
	/** Index of the place in the bundle's place table. */
	placeIndex: number;
	placeId: string;
	/** The route for the profile: timeS, distanceM (access legs included), unknownM, geometry. */
	route: Route;
}

/** Options of {@link nearestPlaces}. */
export interface NearestOptions {
	/** How to treat ways with unknown attributes (default optimistic, as routes in the app). */
	unknownMode?: UnknownMode;
	/** A search space to reuse (for the engine's graph), so repeated queries allocate nothing big. */
	space?: SearchSpace;
}

/**
 * The `k` places of `categoryId` reachable fastest from `from` for `profile`, fastest first, each
 * with the route {@link route} would give to it. Places too far from a usable way, or cut off for
 * the profile, are left out; fewer than k come back when fewer are reachable.
 *
 * @param from [lng, lat] in degrees
 * @param k how many places (an integer ≥ 1)
 * @example nearestPlaces(engine, [4.7705, 51.2025], 'pharmacy', 'wheelchair', 5)[0].route.timeS // 412.7
 */
export function nearestPlaces(
	engine: AnalysisEngine,
	from: [number, number],
	categoryId: string,
	profile: ProfileId,
	k: number,
	options: NearestOptions = {},
): NearestPlace[] {
	assertLngLat(from, 'nearest from');
	if (!Number.isInteger(k) || k < 1) throw new Error(`k must be an integer ≥ 1, got ${k}`);
	if (typeof categoryId !== 'string' || categoryId === '') throw new Error('categoryId is missing');
	const mode = options.unknownMode ?? 'optimistic';
	const net = engine.network(profile, mode);
	const sa = engine.snapPoint(from[0], from[1], profile, mode);
	if (!sa) return [];
	const g = engine.graph;

	const { snaps, placeOf, slotsByEdge, isPlaceNode } = placeIndex(
		engine,
		categoryId,
		profile,
		mode,
	);
	const n = snaps.length;
	if (n === 0) return [];

	// stop as soon as every place that can be found is found
	const wanted = Math.min(k, n);
	const networkS = new Float64Array(n).fill(Infinity);
	const via: ('same' | number)[] = new Array<'same' | number>(n).fill('same');
	const isDone = new Uint8Array(n);
	const totals = new FlatQueue<number>();
	const found: number[] = [];
	const totalOf = (slot: number): number =>
		(networkS[slot] as number) + (snaps[slot] as Snap).accessM / net.speedMps;
	const offer = (slot: number, costS: number, through: 'same' | number): void => {
		if (isDone[slot] || !(costS < (networkS[slot] as number))) return;
		networkS[slot] = costS;
		via[slot] = through;
		totals.push(slot, totalOf(slot));
	};
	/** Takes every place whose total is ≤ `frontierS` (final), in order, up to k. */
	const settle = (frontierS: number): void => {
		while (totals.length > 0 && found.length < wanted) {
			const total = totals.peekValue() as number;
			if (total > frontierS) break;
			const slot = totals.pop() as number;
			if (isDone[slot] || total !== totalOf(slot)) continue; // an outdated entry
			isDone[slot] = 1;
			found.push(slot);
		}
	};

	// places on the point's own edge: along the edge, as route() compares
	for (const slot of slotsByEdge.get(sa.edge) ?? []) {
		const sb = snaps[slot] as Snap;
		offer(
			slot,
			sa.accessM / net.speedMps + Math.abs(sa.t - sb.t) * (net.edgeCostS[sa.edge] as number),
			'same',
		);
	}
	const space = options.space ?? new SearchSpace(g.nodeCount);
	const { offsets, arcEdges, edgeFrom, edgeTo } = g;
	space.run(net, sa, Infinity, Infinity, (node, costS) => {
		if (isPlaceNode[node] === 0) {
			settle(costS);
			return found.length >= wanted;
		}
		for (let arc = offsets[node] as number; arc < (offsets[node + 1] as number); arc++) {
			const e = arcEdges[arc] as number;
			const slots = slotsByEdge.get(e);
			if (!slots) continue;
			const w = net.edgeCostS[e] as number;
			for (const slot of slots) {
				const t = (snaps[slot] as Snap).t;
				if (edgeFrom[e] === node) offer(slot, costS + t * w, node);
				if (edgeTo[e] === node) offer(slot, costS + (1 - t) * w, node);
			}
		}
		settle(costS);
		return found.length >= wanted;
	});
	settle(Infinity);

	const lngLat = engine.bundle.places.lngLat;
	return found.map((slot) => {
		const i = placeOf[slot] as number;
		const to: [number, number] = [lngLat[i * 2] as number, lngLat[i * 2 + 1] as number];
		return {
			placeIndex: i,
			placeId: engine.bundle.places.ids[i] as string,
			route: routeFromSearch(
				engine,
				net,
				space,
				from,
				to,
				sa,
				snaps[slot] as Snap,
				via[slot] as 'same' | number,
				networkS[slot] as number,
			),
		};
	});
}
