/**
 * Rest points: where the walking network runs longer than a set distance without a bench
 * (default 125 m: a bench every 100–125 m on routes to important places, RIVM and UK Inclusive
 * Mobility, see DESIGN.md). Measured on the routes residents walk to the important places (the
 * taxonomy's `restRoutes` categories: {@link routeEdges}), or on the whole network.
 *
 * Definition: a point of the network lies in a gap when its distance along the network to the
 * nearest bench is more than half the set distance: walking on from there, the walker passes more
 * than the set distance between two benches. Benches are the places of the bench category (the
 * taxonomy decides what counts: `amenity=bench`, and a bus stop only when it is tagged
 * `bench=yes`) that lie within {@link BENCH_NEAR_M} of a walkable way; their short access leg is
 * not counted. One multi-source sweep from every bench labels each node; along an edge the
 * distance is the smaller of its two ends' plus the way walked (or to a bench on the edge), so
 * the gap on an edge is one interval (or two around a bench on it). Gap pieces of one way (a
 * street, a path) that meet are merged into a stretch. On the whole network stretches are listed
 * longest first; on the routes, those the most older residents walk first (then the longest).
 */
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import { BENCH_CATEGORY_ID } from '../contracts/taxonomy.ts';
import { BENCH_NEAR_M } from './bundle.ts';
import { originReasonsOf, type AnalysisEngine } from './engine.ts';
import { multiSourceSweep, type SweepSource } from './sweep.ts';
import { edgeSlice } from './walkshed.ts';
import { wayOfEdge } from './way-names.ts';

/** Default: a bench at least every 125 m. */
export const REST_GAP_DEFAULT_M = 125;

/** One stretch without a bench. */
export interface RestGap {
	/** Rank, 1 = first in the list's order (see the module comment). */
	rank: number;
	/** Metres of network in the stretch. */
	lengthM: number;
	/** Farthest point of the stretch from a bench, metres along the network (Infinity: no bench reachable). */
	farthestM: number;
	/** The OSM way of the stretch. */
	wayId: string;
	/** Its street name ('' when it has none: say the way id). */
	wayName: string;
	/** Where the way has no name: the nearest named way it leads to ('' when none; way-names.ts). */
	nearName: string;
	/**
	 * On the routes to the important places: at least this many residents of 65 and over walk it
	 * ({@link RouteEdges.residents65} of its busiest edge); undefined on the whole network.
	 */
	residents65?: number;
	/** A point of the stretch ([lng, lat]) to fly to. */
	at: [number, number];
	lines: [number, number][][];
}

/** Result of {@link restGaps}. */
export interface RestGaps {
	maxGapM: number;
	benchCategoryId: string;
	/** The categories whose routes were measured; undefined: the whole network. */
	onRoutesTo?: readonly string[];
	/** Benches within reach of the network. */
	benches: number;
	/** Metres of walkable network, and of it in gaps. */
	networkM: number;
	gapM: number;
	gaps: RestGap[];
}

/**
 * The stretches of the walking network longer than `maxGapM` without a bench.
 *
 * @example restGaps(engine, { maxGapM: 125 }).gaps[0].lengthM
 */
export function restGaps(
	engine: AnalysisEngine,
	options: { maxGapM?: number; benchCategoryId?: string; onRoutesTo?: readonly string[] } = {},
): RestGaps {
	const maxGapM = options.maxGapM ?? REST_GAP_DEFAULT_M;
	if (!(Number.isFinite(maxGapM) && maxGapM >= 10 && maxGapM <= 5000))
		throw new Error(`the distance between benches must be 10–5000 m, got ${maxGapM}`);
	const benchCategoryId = options.benchCategoryId ?? BENCH_CATEGORY_ID;
	const net = engine.network('walking', 'optimistic');
	const g = engine.graph;
	const sources: SweepSource[] = [];
	const onEdge = new Map<number, number[]>();
	for (const p of engine.placesOf(benchCategoryId)) {
		const s = engine.placeSnap(p, 'walking', 'optimistic');
		if (!s || s.accessM > BENCH_NEAR_M) continue;
		sources.push({ snap: { ...s, accessM: 0 }, label: p });
		const l = onEdge.get(s.edge);
		if (l) l.push(s.t);
		else onEdge.set(s.edge, [s.t]);
	}
	const st = multiSourceSweep(net, sources);
	const routes = options.onRoutesTo ? routeEdgesOf(engine, options.onRoutesTo) : undefined;
	const h = maxGapM / 2;
	// per edge: gap intervals [f0, f1]
	const pieces: { e: number; f0: number; f1: number }[] = [];
	let networkM = 0;
	let gapM = 0;
	for (let e = 0; e < g.edgeCount; e++) {
		if ((net.edgeCostS[e] as number) === Infinity) continue;
		if (routes && routes.on[e] === 0) continue;
		const L = g.lengthsM[e] as number;
		networkM += L;
		if (!(L > 0)) continue;
		const dF = st.distM(g.edgeFrom[e] as number);
		const dT = st.distM(g.edgeTo[e] as number);
		// dF + f·L > h  and  dT + (1 − f)·L > h
		const lo = dF === Infinity ? 0 : Math.max(0, (h - dF) / L);
		const hi = dT === Infinity ? 1 : Math.min(1, 1 - (h - dT) / L);
		let intervals: [number, number][] = lo < hi ? [[lo, hi]] : [];
		for (const t of onEdge.get(e) ?? []) {
			const r = h / L;
			const next: [number, number][] = [];
			for (const [a, b] of intervals) {
				if (a < t - r) next.push([a, Math.min(b, t - r)]);
				if (b > t + r) next.push([Math.max(a, t + r), b]);
			}
			intervals = next;
		}
		for (const [a, b] of intervals) {
			if (b - a <= 1e-9) continue;
			pieces.push({ e, f0: a, f1: b });
			gapM += (b - a) * L;
		}
	}
	// merge pieces that meet at a node into stretches (union-find over pieces)
	const parent = pieces.map((_, i) => i);
	const find = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
		return i;
	};
	// a stretch stays on one way (a street, a path): pieces of the same way meeting at a node
	const atNode = new Map<string, number>();
	const touch = (node: number, i: number): void => {
		const k = `${node}/${g.edgeWays[(pieces[i] as { e: number }).e]}`;
		const j = atNode.get(k);
		if (j === undefined) atNode.set(k, i);
		else parent[find(i)] = find(j);
	};
	pieces.forEach((p, i) => {
		if (p.f0 <= 1e-9) touch(g.edgeFrom[p.e] as number, i);
		if (p.f1 >= 1 - 1e-9) touch(g.edgeTo[p.e] as number, i);
	});
	const groups = new Map<number, number[]>();
	pieces.forEach((_, i) => {
		const r = find(i);
		const l = groups.get(r);
		if (l) l.push(i);
		else groups.set(r, [i]);
	});
	const stretches: Omit<RestGap, 'rank'>[] = [];
	for (const members of groups.values()) {
		let lengthM = 0;
		let farthestM = 0;
		const lines: [number, number][][] = [];
		let longest = -1;
		let longestEdge = -1;
		let residents65 = 0;
		let at: [number, number] = [0, 0];
		for (const i of members) {
			const p = pieces[i] as { e: number; f0: number; f1: number };
			const L = g.lengthsM[p.e] as number;
			const l = (p.f1 - p.f0) * L;
			lengthM += l;
			if (routes) residents65 = Math.max(residents65, routes.residents65[p.e] as number);
			const line = edgeSlice(g, p.e, p.f0, p.f1);
			lines.push(line);
			if (l > longest) {
				longest = l;
				longestEdge = p.e;
				at = line[Math.floor(line.length / 2)] as [number, number];
			}
			const dF = st.distM(g.edgeFrom[p.e] as number);
			const dT = st.distM(g.edgeTo[p.e] as number);
			// the largest distance on [f0, f1] of min(dF + fL, dT + (1 − f)L)
			let far: number;
			if (dF === Infinity && dT === Infinity) far = Infinity;
			else {
				const meet = (dT - dF + L) / (2 * L);
				const f = Math.min(p.f1, Math.max(p.f0, meet));
				far = Math.min(dF + f * L, dT + (1 - f) * L);
			}
			farthestM = Math.max(farthestM, far);
		}
		if (lengthM <= 0) continue;
		// every piece of a stretch is on one way
		stretches.push({
			lengthM,
			farthestM,
			...wayOfEdge(g, longestEdge),
			...(routes ? { residents65 } : {}),
			at,
			lines,
		});
	}
	// on the routes, where the most older residents walk first; the longest first among equals
	stretches.sort((a, b) => (b.residents65 ?? 0) - (a.residents65 ?? 0) || b.lengthM - a.lengthM);
	return {
		maxGapM,
		benchCategoryId,
		...(options.onRoutesTo ? { onRoutesTo: [...options.onRoutesTo] } : {}),
		benches: sources.length,
		networkM,
		gapM,
		gaps: stretches.map((s, k) => ({ rank: k + 1, ...s })),
	};
}

/**
 * {@link routeEdges} of an engine, kept per list of categories: the routes do not depend on the
 * distance between benches, so a planner trying 125, 150, 200 m waits for their sweeps once.
 */
function routeEdgesOf(engine: AnalysisEngine, categoryIds: readonly string[]): RouteEdges {
	let known = routesByEngine.get(engine);
	if (!known) routesByEngine.set(engine, (known = new Map()));
	const key = categoryIds.join(',');
	let routes = known.get(key);
	if (!routes) known.set(key, (routes = routeEdges(engine, categoryIds)));
	return routes;
}

const routesByEngine = new WeakMap<AnalysisEngine, Map<string, RouteEdges>>();

/** What {@link routeEdges} finds. */
export interface RouteEdges {
	/** 1 for an edge on some address's walking route to one of the places. */
	on: Uint8Array;
	/**
	 * Per edge: the residents of 65 and over whose route to the nearest place of one category
	 * passes it, for the category where they are most (a lower bound of all who pass it).
	 */
	residents65: Float64Array;
}

/**
 * The edges residents walk to the important places: for each category of `categoryIds`, the
 * walking path from every address to its nearest place of it (one sweep per category; each node
 * is reached from the neighbour its cost came from, so the paths form a forest rooted at the
 * places), and how many older residents walk each edge: an edge counts a walker who walks some
 * of it (an address's own edge, a place's own edge, whole or in part). The addresses are those the gap analysis counts
 * (not at the edge of the data, none without a way near).
 *
 * @example routeEdges(engine, ['gp', 'pharmacy']).on.reduce((n, x) => n + x, 0)
 */
export function routeEdges(engine: AnalysisEngine, categoryIds: readonly string[]): RouteEdges {
	const net = engine.network('walking', 'optimistic');
	const g = engine.graph;
	const { offsets, targets, arcEdges, edgeFrom, edgeTo } = g;
	const { edgeCostS } = net;
	const snaps = engine.originSnaps('walking', 'optimistic');
	const weight = engine.bundle.origins.residents65;
	// the addresses the gap analysis counts: not those at the edge of the data or without a way
	const reasons = originReasonsOf(engine.bundle);
	const on = new Uint8Array(g.edgeCount);
	const residents65 = new Float64Array(g.edgeCount);
	const via = new Int32Array(g.nodeCount);
	const walkers = new Float64Array(g.nodeCount);
	const flow = new Float64Array(g.nodeCount);
	const edgeWalkers = new Float64Array(g.edgeCount);
	const edgeFlow = new Float64Array(g.edgeCount);
	for (const categoryId of categoryIds) {
		const sources: SweepSource[] = [];
		// per end node of a place's edge: the cost the place seeds it with, and the part of the
		// edge walked between them (its own edge's fraction on that side)
		const seeded = new Map<number, { costS: number; edge: number; part: number }>();
		// per edge with places on it: their position and access cost (an address on the same edge
		// may walk straight to one)
		const onEdge = new Map<number, { t: number; accessS: number }[]>();
		for (const p of engine.placesOf(categoryId)) {
			const s = engine.placeSnap(p, 'walking', 'optimistic');
			if (!s) continue;
			sources.push({ snap: s, label: p });
			const w = edgeCostS[s.edge] as number;
			const access = s.accessM / net.speedMps;
			const here = onEdge.get(s.edge);
			if (here) here.push({ t: s.t, accessS: access });
			else onEdge.set(s.edge, [{ t: s.t, accessS: access }]);
			for (const [node, part] of [
				[edgeFrom[s.edge] as number, s.t],
				[edgeTo[s.edge] as number, 1 - s.t],
			] as const) {
				const c = access + part * w;
				const known = seeded.get(node);
				if (!known || c < known.costS) seeded.set(node, { costS: c, edge: s.edge, part });
			}
		}
		if (sources.length === 0) continue;
		const st = multiSourceSweep(net, sources);
		const { cost } = st;
		// each reached node's edge towards its place: the arc its cost came from, or none where
		// the place seeded it at that cost (then its walkers go along the place's own edge)
		const order: number[] = [];
		for (let v = 0; v < g.nodeCount; v++) {
			via[v] = -1;
			const cv = cost[v] as number;
			if (cv === Infinity) continue;
			order.push(v);
			const seed = seeded.get(v);
			if (seed && seed.costS <= cv + 1e-9 * Math.max(1, cv)) continue;
			let best = Infinity;
			for (let a = offsets[v] as number; a < (offsets[v + 1] as number); a++) {
				const u = targets[a] as number;
				const cu = cost[u] as number;
				const w = edgeCostS[arcEdges[a] as number] as number;
				// a cheaper neighbour; over an edge of no length, one of equal cost and lower number
				// (the order below works equal costs from the higher number down: no loop)
				if (!(cu < cv || (cu === cv && w === 0 && u < v))) continue;
				const c = cu + w;
				if (c < best) {
					best = c;
					via[v] = a;
				}
			}
			if (via[v]! >= 0 && best > cv + 1e-9 * Math.max(1, cv)) via[v] = -1;
		}
		// the addresses start their walk at the nearer end of their edge: how many, and their
		// older residents
		walkers.fill(0);
		flow.fill(0);
		edgeWalkers.fill(0);
		edgeFlow.fill(0);
		for (let i = 0; i < snaps.edge.length; i++) {
			const e = snaps.edge[i] as number;
			if (e < 0 || reasons[i] !== 0) continue;
			const w = edgeCostS[e] as number;
			const t = snaps.t[i] as number;
			const ca = (cost[edgeFrom[e] as number] as number) + t * w;
			const cb = (cost[edgeTo[e] as number] as number) + (1 - t) * w;
			if (ca === Infinity && cb === Infinity) continue;
			const r = weight[i] as number;
			// its own edge counts where it walks some of it
			const own = (part: number): void => {
				if (!(part > 0)) return;
				edgeWalkers[e]! += 1;
				edgeFlow[e]! += r;
			};
			// straight along its own edge to a place on it: it walks no other
			let direct = Infinity;
			let directPart = 0;
			for (const p of onEdge.get(e) ?? []) {
				const c = p.accessS + Math.abs(p.t - t) * w;
				if (c < direct) {
					direct = c;
					directPart = Math.abs(p.t - t);
				}
			}
			if (direct <= Math.min(ca, cb)) {
				own(directPart);
				continue;
			}
			let start = (ca <= cb ? edgeFrom[e] : edgeTo[e]) as number;
			let part = start === edgeFrom[e] ? t : 1 - t;
			// a start whose way on goes back along the address's own edge (a tie, e.g. an address at
			// an edge's end): it starts at the other end, so that the edge counts once
			const first = via[start] as number;
			if (first >= 0 && arcEdges[first] === e) {
				start = targets[first] as number;
				part = 1 - part;
			}
			own(part);
			walkers[start]! += 1;
			flow[start]! += r;
		}
		// then towards the places, the farthest nodes first: a node passes on all that reached it
		order.sort((a, b) => (cost[b] as number) - (cost[a] as number) || b - a);
		for (const v of order) {
			const n = walkers[v] as number;
			if (n === 0) continue;
			const f = flow[v] as number;
			const a = via[v] as number;
			if (a < 0) {
				// at its place: along the place's own edge, where there is some of it to walk
				const seed = seeded.get(v);
				if (seed && seed.part > 0) {
					edgeWalkers[seed.edge]! += n;
					edgeFlow[seed.edge]! += f;
				}
				continue;
			}
			const e = arcEdges[a] as number;
			edgeWalkers[e]! += n;
			edgeFlow[e]! += f;
			const u = targets[a] as number;
			walkers[u]! += n;
			flow[u]! += f;
		}
		for (let e = 0; e < g.edgeCount; e++) {
			if ((edgeWalkers[e] as number) > 0) on[e] = 1;
			if ((edgeFlow[e] as number) > (residents65[e] as number))
				residents65[e] = edgeFlow[e] as number;
		}
	}
	return { on, residents65 };
}

/** The stretches as GeoJSON (one MultiLineString each, with rank, length and farthest distance). */
export function restGapsToGeoJSON(
	r: RestGaps,
): FeatureCollection<
	MultiLineString,
	{ rank: number; length_m: number; farthest_m: number | null }
> {
	return {
		type: 'FeatureCollection',
		features: r.gaps.map(
			(
				s,
			): Feature<
				MultiLineString,
				{ rank: number; length_m: number; farthest_m: number | null }
			> => ({
				type: 'Feature',
				geometry: { type: 'MultiLineString', coordinates: s.lines },
				properties: {
					rank: s.rank,
					length_m: Math.round(s.lengthM),
					farthest_m: Number.isFinite(s.farthestM) ? Math.round(s.farthestM) : null,
				},
			}),
		),
	};
}
