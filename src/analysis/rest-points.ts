/**
 * Rest points: where the walking network runs longer than a set distance without a bench
 * (default 125 m: a bench every 100–125 m, RIVM and UK Inclusive Mobility, see DESIGN.md).
 *
 * Definition: a point of the network lies in a gap when its distance along the network to the
 * nearest bench is more than half the set distance: walking on from there, the walker passes more
 * than the set distance between two benches. Benches are the places of the bench category (the
 * taxonomy decides what counts: `amenity=bench`, and a bus stop only when it is tagged
 * `bench=yes`) that lie within {@link BENCH_NEAR_M} of a walkable way; their short access leg is
 * not counted. One multi-source sweep from every bench labels each node; along an edge the
 * distance is the smaller of its two ends' plus the way walked (or to a bench on the edge), so
 * the gap on an edge is one interval (or two around a bench on it). Gap pieces of one way (a
 * street, a path) that meet are merged into a stretch; stretches are listed longest first.
 */
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import { BENCH_CATEGORY_ID } from '../contracts/taxonomy.ts';
import { BENCH_NEAR_M } from './bundle.ts';
import type { AnalysisEngine } from './engine.ts';
import { multiSourceSweep, type SweepSource } from './sweep.ts';
import { edgeSlice } from './walkshed.ts';
import { wayOfEdge } from './way-names.ts';

/** Default: a bench at least every 125 m. */
export const REST_GAP_DEFAULT_M = 125;

/** One stretch without a bench. */
export interface RestGap {
	/** Rank, 1 = longest. */
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
	/** A point of the stretch ([lng, lat]) to fly to. */
	at: [number, number];
	lines: [number, number][][];
}

/** Result of {@link restGaps}. */
export interface RestGaps {
	maxGapM: number;
	benchCategoryId: string;
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
	options: { maxGapM?: number; benchCategoryId?: string } = {},
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
	const h = maxGapM / 2;
	// per edge: gap intervals [f0, f1]
	const pieces: { e: number; f0: number; f1: number }[] = [];
	let networkM = 0;
	let gapM = 0;
	for (let e = 0; e < g.edgeCount; e++) {
		if ((net.edgeCostS[e] as number) === Infinity) continue;
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
		let at: [number, number] = [0, 0];
		for (const i of members) {
			const p = pieces[i] as { e: number; f0: number; f1: number };
			const L = g.lengthsM[p.e] as number;
			const l = (p.f1 - p.f0) * L;
			lengthM += l;
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
		stretches.push({ lengthM, farthestM, ...wayOfEdge(g, longestEdge), at, lines });
	}
	stretches.sort((a, b) => b.lengthM - a.lengthM);
	return {
		maxGapM,
		benchCategoryId,
		benches: sources.length,
		networkM,
		gapM,
		gaps: stretches.map((s, k) => ({ rank: k + 1, ...s })),
	};
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
