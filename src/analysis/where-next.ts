/**
 * Where next: the k locations that would bring the most uncovered older residents within the
 * norm, chosen greedily one after another (each pick's gain counts only residents not already
 * brought within the norm by earlier picks). Candidates are the network's nodes, or points the
 * user gives (snapped like places).
 *
 * For each uncovered origin a search bounded by the norm finds the candidates within reach (the
 * network is undirected and costs symmetric, so origin → candidate equals candidate → origin);
 * the greedy step is then a max-cover over those lists. The search is bounded by path length
 * (metres); for the walking profile cost and length agree exactly, for the others the path kept is
 * the cheapest one within the norm.
 */
import type { CoverageRun } from './engine.ts';
import { SearchSpace } from './search.ts';
import type { Snap } from './snap.ts';

/** Options of {@link whereNext}. */
export interface WhereNextOptions {
	/** Number of locations (≥ 1). */
	k: number;
	/** Norm in metres: an origin is covered when its distance is ≤ normM. */
	normM: number;
	/** Candidate points [lng, lat]; when absent every network node is a candidate. */
	candidates?: [number, number][];
	/** Which residents count (default residents65: "older residents"). */
	weight?: 'residents' | 'residents65' | 'residents80';
}

/** One chosen location. */
export interface WhereNextPick {
	/** Where: the node's or the candidate's coordinates [lng, lat]. */
	lngLat: [number, number];
	/** Index into `options.candidates`, or the graph node when candidates were not given. */
	candidate: number;
	/** Residents (of the chosen weight) newly within the norm by this pick. */
	gain: number;
	gainResidents: number;
	gain65: number;
	gain80: number;
	/** Number of origins newly within the norm by this pick. */
	origins: number;
}

/**
 * Greedy where-next for a coverage run (its category, profile and unknown mode).
 *
 * @example whereNext(engine.coverage({ categoryId: 'meeting_place', profile: 'rollator' }), { k: 3, normM: 500 })
 */
export function whereNext(run: CoverageRun, options: WhereNextOptions): WhereNextPick[] {
	const { k, normM } = options;
	if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number ≥ 1, got ${k}`);
	if (!(normM > 0)) throw new Error(`norm must be a distance in metres > 0, got ${normM}`);
	const engine = run.engine;
	const g = engine.graph;
	const net = run.net;
	const o = engine.bundle.origins;
	const weightCol = o[options.weight ?? 'residents65'];

	// candidates
	const pointCands = options.candidates;
	const candSnaps: (Snap | undefined)[] = [];
	const candByEdge = new Map<number, number[]>();
	if (pointCands) {
		pointCands.forEach(([lng, lat], c) => {
			const s = engine.snapPoint(lng, lat, net.profile, net.unknownMode);
			candSnaps.push(s);
			if (s) {
				const l = candByEdge.get(s.edge);
				if (l) l.push(c);
				else candByEdge.set(s.edge, [c]);
			}
		});
	}
	const nCand = pointCands ? pointCands.length : g.nodeCount;

	// cover lists
	const space = new SearchSpace(g.nodeCount);
	const candOrigins = new Map<number, number[]>();
	const originCands: number[][] = [];
	const uncovered: number[] = [];
	for (let i = 0; i < o.count; i++) {
		const e = run.snaps.edge[i] as number;
		// no figure (edge of data, the bundle's reason): reported apart, never a gap
		if (run.result.originReason[i] !== 0) continue;
		if ((run.result.distanceM[i] as number) <= normM) continue;
		// no way the profile may use within the access limit (e < 0): beyond the norm, but no new
		// place can reach it either (it would need a usable way first: "which fix helps most")
		if (e < 0) continue;
		if ((weightCol[i] as number) <= 0) continue;
		const snap: Snap = {
			edge: e,
			t: run.snaps.t[i] as number,
			accessM: run.snaps.accessM[i] as number,
			lng: 0,
			lat: 0,
		};
		space.run(net, snap, Infinity, normM);
		const reach: number[] = [];
		if (!pointCands) {
			for (const n of space.settled) if ((space.distM[n] as number) <= normM) reach.push(n);
		} else {
			// candidates on edges touching reached nodes, or on the origin's own edge
			const edges = new Set<number>([e]);
			for (const n of space.settled) {
				for (let a = g.offsets[n] as number; a < (g.offsets[n + 1] as number); a++)
					edges.add(g.arcEdges[a] as number);
			}
			for (const ed of edges) {
				for (const c of candByEdge.get(ed) ?? []) {
					const cs = candSnaps[c] as Snap;
					const d = distanceVia(space, net, cs, snap);
					if (d <= normM) reach.push(c);
				}
			}
		}
		if (reach.length === 0) continue;
		uncovered.push(i);
		originCands[i] = reach;
		for (const c of reach) {
			const l = candOrigins.get(c);
			if (l) l.push(i);
			else candOrigins.set(c, [i]);
		}
	}

	// greedy max cover
	const gain = new Float64Array(nCand);
	for (const [c, list] of candOrigins) {
		let s = 0;
		for (const i of list) s += weightCol[i] as number;
		gain[c] = s;
	}
	const candList = [...candOrigins.keys()].sort((a, b) => a - b);
	const covered = new Uint8Array(o.count);
	const picks: WhereNextPick[] = [];
	for (let step = 0; step < k; step++) {
		let best = -1;
		let bestGain = 0;
		for (const c of candList) {
			const v = gain[c] as number;
			// strictly greater (beyond float noise): ties go to the lowest candidate index
			if (v > bestGain + 1e-9) {
				best = c;
				bestGain = v;
			}
		}
		if (best < 0) break;
		const pick: WhereNextPick = {
			lngLat: pointCands
				? (pointCands[best] as [number, number])
				: [g.nodeLngLat[best * 2] as number, g.nodeLngLat[best * 2 + 1] as number],
			candidate: best,
			gain: 0,
			gainResidents: 0,
			gain65: 0,
			gain80: 0,
			origins: 0,
		};
		for (const i of candOrigins.get(best) ?? []) {
			if (covered[i]) continue;
			covered[i] = 1;
			const w = weightCol[i] as number;
			pick.gain += w;
			pick.gainResidents += o.residents[i] as number;
			pick.gain65 += o.residents65[i] as number;
			pick.gain80 += o.residents80[i] as number;
			pick.origins++;
			for (const c of originCands[i] ?? []) gain[c] = (gain[c] as number) - w;
		}
		picks.push(pick);
	}
	return picks;
}

/** Distance (metres) from the search's source to a snapped point, via its edge's ends or along a shared edge. */
function distanceVia(
	space: SearchSpace,
	net: CoverageRun['net'],
	target: Snap,
	source: Snap,
): number {
	const g = net.graph;
	const e = target.edge;
	const len = g.lengthsM[e] as number;
	let best = Infinity;
	let bestCost = Infinity;
	const f = g.edgeFrom[e] as number;
	const t = g.edgeTo[e] as number;
	const w = net.edgeCostS[e] as number;
	if (space.has(f)) {
		const c = space.cost(f) + target.t * w;
		if (c < bestCost) {
			bestCost = c;
			best = (space.distM[f] as number) + target.t * len;
		}
	}
	if (space.has(t)) {
		const c = space.cost(t) + (1 - target.t) * w;
		if (c < bestCost) {
			bestCost = c;
			best = (space.distM[t] as number) + (1 - target.t) * len;
		}
	}
	if (source.edge === e) {
		const df = Math.abs(source.t - target.t);
		const c = source.accessM / net.speedMps + df * w;
		if (c < bestCost) best = source.accessM + df * len;
	}
	return best + target.accessM;
}
