/**
 * Multi-source shortest paths over a {@link ProfileNetwork}: one Dijkstra sweep from all places of
 * a category at once labels every node with the cost (seconds) of the cheapest path to the nearest
 * place, that path's length (metres), the part of that length on unknown data, and which place it
 * is. Sources sit on edges (a snapped place), so each seeds both ends of its edge.
 *
 * Typed arrays throughout and a FlatQueue of node ids (lazy deletion: a popped entry whose
 * priority is above the node's cost is stale and skipped).
 */
import FlatQueue from 'flatqueue';
import type { ProfileNetwork } from './network.ts';
import type { Snap } from './snap.ts';

/** A source of a sweep: a snapped place with its label (place index). */
export interface SweepSource {
	snap: Snap;
	/** The value written into `label` for nodes it reaches first (e.g. the place index). */
	label: number;
}

/** Per-node labels of a sweep. */
export interface SweepState {
	/** Cost in seconds of the cheapest path from the nearest source (Infinity if unreachable). */
	costS: Float64Array;
	/** Length in metres of that path, access leg included. */
	distM: Float64Array;
	/** Metres of that path on edges whose status is unknown. */
	unknownM: Float64Array;
	/** Label of the source, -1 when unreachable. */
	label: Int32Array;
}

/** Allocates an empty state for a graph of `nodeCount` nodes. */
export function emptySweepState(nodeCount: number): SweepState {
	return {
		costS: new Float64Array(nodeCount).fill(Infinity),
		distM: new Float64Array(nodeCount).fill(Infinity),
		unknownM: new Float64Array(nodeCount),
		label: new Int32Array(nodeCount).fill(-1),
	};
}

/**
 * Seeds the ends of a source's edge into the state and queue (only where it improves).
 */
export function seedSource(
	net: ProfileNetwork,
	st: SweepState,
	q: FlatQueue<number>,
	src: SweepSource,
): void {
	const g = net.graph;
	const e = src.snap.edge;
	const w = net.edgeCostS[e] as number;
	if (w === Infinity) return;
	const len = g.lengthsM[e] as number;
	const unk = net.edgeUnknown[e] === 1;
	const accessS = src.snap.accessM / net.speedMps;
	const t = src.snap.t;
	const ends: [number, number][] = [
		[g.edgeFrom[e] as number, t],
		[g.edgeTo[e] as number, 1 - t],
	];
	for (const [node, f] of ends) {
		const c = accessS + f * w;
		if (c < (st.costS[node] as number)) {
			st.costS[node] = c;
			st.distM[node] = src.snap.accessM + f * len;
			st.unknownM[node] = unk ? f * len : 0;
			st.label[node] = src.label;
			q.push(node, c);
		}
	}
}

/**
 * Runs Dijkstra from whatever is queued, improving `st` in place.
 *
 * @param maxCostS stop expanding beyond this cost (seconds); Infinity for a full sweep.
 * @param touched when given, every node whose label changed is pushed onto it.
 */
export function relax(
	net: ProfileNetwork,
	st: SweepState,
	q: FlatQueue<number>,
	maxCostS = Infinity,
	touched?: number[],
): void {
	const g = net.graph;
	const { offsets, targets, arcEdges, lengthsM } = g;
	const { edgeCostS, edgeUnknown } = net;
	const { costS, distM, unknownM, label } = st;
	while (q.length > 0) {
		const c = q.peekValue() as number;
		const u = q.pop() as number;
		if (c > (costS[u] as number)) continue;
		if (c > maxCostS) break;
		if (touched) touched.push(u);
		const du = distM[u] as number;
		const uu = unknownM[u] as number;
		const lu = label[u] as number;
		const end = offsets[u + 1] as number;
		for (let a = offsets[u] as number; a < end; a++) {
			const e = arcEdges[a] as number;
			const nc = c + (edgeCostS[e] as number);
			const v = targets[a] as number;
			if (nc < (costS[v] as number)) {
				const len = lengthsM[e] as number;
				costS[v] = nc;
				distM[v] = du + len;
				unknownM[v] = edgeUnknown[e] === 1 ? uu + len : uu;
				label[v] = lu;
				q.push(v, nc);
			}
		}
	}
}

/**
 * One multi-source sweep from all `sources`.
 *
 * @example const st = multiSourceSweep(net, places.map((snap, i) => ({ snap, label: i })));
 */
export function multiSourceSweep(
	net: ProfileNetwork,
	sources: readonly SweepSource[],
	maxCostS = Infinity,
	q: FlatQueue<number> = new FlatQueue<number>(),
): SweepState {
	const st = emptySweepState(net.graph.nodeCount);
	q.clear();
	for (const s of sources) seedSource(net, st, q, s);
	relax(net, st, q, maxCostS);
	return st;
}

/** The best way from a snapped point to the nearest source, given a finished sweep. */
export interface PointResult {
	costS: number;
	distanceM: number;
	unknownM: number;
	label: number;
}

/**
 * Completes the path of a snapped point (an origin): through either end of its edge, or straight
 * along the edge to a source on the same edge (`sameEdge`). The point's own access leg counts.
 */
export function evaluateSnap(
	net: ProfileNetwork,
	st: SweepState,
	snap: Snap,
	sameEdge: readonly SweepSource[] | undefined,
): PointResult {
	const g = net.graph;
	const e = snap.edge;
	const w = net.edgeCostS[e] as number;
	const len = g.lengthsM[e] as number;
	const unk = net.edgeUnknown[e] === 1;
	const accessS = snap.accessM / net.speedMps;
	let best: PointResult = { costS: Infinity, distanceM: Infinity, unknownM: 0, label: -1 };
	if (w === Infinity) return best;
	const f = g.edgeFrom[e] as number;
	const t = g.edgeTo[e] as number;
	const cf = (st.costS[f] as number) + snap.t * w;
	if (cf < best.costS) {
		best = {
			costS: cf,
			distanceM: (st.distM[f] as number) + snap.t * len,
			unknownM: (st.unknownM[f] as number) + (unk ? snap.t * len : 0),
			label: st.label[f] as number,
		};
	}
	const ct = (st.costS[t] as number) + (1 - snap.t) * w;
	if (ct < best.costS) {
		best = {
			costS: ct,
			distanceM: (st.distM[t] as number) + (1 - snap.t) * len,
			unknownM: (st.unknownM[t] as number) + (unk ? (1 - snap.t) * len : 0),
			label: st.label[t] as number,
		};
	}
	if (sameEdge) {
		for (const s of sameEdge) {
			const df = Math.abs(s.snap.t - snap.t);
			const c = s.snap.accessM / net.speedMps + df * w;
			if (c < best.costS) {
				best = {
					costS: c,
					distanceM: s.snap.accessM + df * len,
					unknownM: unk ? df * len : 0,
					label: s.label,
				};
			}
		}
	}
	if (best.costS === Infinity) return best;
	return {
		costS: best.costS + accessS,
		distanceM: best.distanceM + snap.accessM,
		unknownM: best.unknownM,
		label: best.label,
	};
}
