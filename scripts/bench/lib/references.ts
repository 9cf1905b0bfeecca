/**
 * Competent references for the analysis bench, over the same CSR typed arrays as the engine's
 * sweep (the graph's `offsets` and the profile network's arc records `arcCostS` / `arcInfo`: cost
 * and target side by side), each with a FlatQueue binary heap (typed arrays of a fixed capacity,
 * reused between runs; lazy deletion).
 */
import FlatQueue from 'flatqueue';
import type { ProfileNetwork } from '../../../src/analysis/network.ts';
import type { Snap } from '../../../src/analysis/snap.ts';

/**
 * A binary-heap multi-source Dijkstra. Keeps per node only its cost (Float64, reused between
 * runs and refilled in each).
 */
export class FlatQueueDijkstra {
	private readonly net: ProfileNetwork;
	private readonly q: FlatQueue<number>;
	readonly dist: Float64Array;

	constructor(net: ProfileNetwork) {
		this.net = net;
		// lazy deletion pushes at most once per improvement: ≤ arcs + sources
		this.q = new FlatQueue<number>(net.graph.targets.length + net.graph.nodeCount);
		this.dist = new Float64Array(net.graph.nodeCount);
	}

	/** Seconds from the nearest of `sources` (nodes at cost 0) to every node, into `this.dist`. */
	run(sources: readonly number[]): Float64Array {
		const { offsets } = this.net.graph;
		const { arcCostS, arcInfo } = this.net;
		const dist = this.dist.fill(Infinity);
		const q = this.q;
		q.clear();
		for (const s of sources) {
			dist[s] = 0;
			q.push(s, 0);
		}
		while (q.length > 0) {
			const d = q.peekValue() as number;
			const u = q.pop() as number;
			if (d > (dist[u] as number)) continue;
			const end = offsets[u + 1] as number;
			for (let a = offsets[u] as number; a < end; a++) {
				const nd = d + (arcCostS[2 * a] as number);
				const v = arcInfo[4 * a + 2] as number;
				if (nd < (dist[v] as number)) {
					dist[v] = nd;
					q.push(v, nd);
				}
			}
		}
		return dist;
	}
}

/** A place for {@link PerOriginSearch}: where it meets the network and its categories. */
export interface ReferencePlace {
	snap: Snap;
	/** Indices of its categories (0 .. categoryCount − 1). */
	categories: number[];
}

/**
 * The competent per-origin reference of the full analysis: from one origin, ONE Dijkstra for all
 * categories, which stops as soon as the nearest place of every category is known (no unsettled
 * node can beat any of them). Per node: cost (Float64) and a stamp (no clearing between origins).
 */
export class PerOriginSearch {
	private readonly net: ProfileNetwork;
	private readonly categoryCount: number;
	private readonly places: ReferencePlace[];
	/** Place ends by node: entries [place, cost from that node to the place incl. its access leg]. */
	private readonly atNode = new Map<number, [number, number][]>();
	private readonly byEdge = new Map<number, number[]>();
	private readonly cost: Float64Array;
	private readonly stamp: Uint32Array;
	private current = 0;
	private readonly q: FlatQueue<number>;

	constructor(net: ProfileNetwork, places: ReferencePlace[], categoryCount: number) {
		this.net = net;
		this.places = places;
		this.categoryCount = categoryCount;
		const g = net.graph;
		places.forEach((p, k) => {
			const e = p.snap.edge;
			const w = net.edgeCostS[e] as number;
			const leg = p.snap.accessM / net.speedMps;
			const f = g.edgeFrom[e] as number;
			const t = g.edgeTo[e] as number;
			// a loop edge (both ends at one node) can be walked either way round
			const ends: [number, number][] =
				f === t
					? [[f, Math.min(p.snap.t, 1 - p.snap.t) * w + leg]]
					: [
							[f, p.snap.t * w + leg],
							[t, (1 - p.snap.t) * w + leg],
						];
			for (const [n, c] of ends) {
				const l = this.atNode.get(n);
				if (l) l.push([k, c]);
				else this.atNode.set(n, [[k, c]]);
			}
			const l = this.byEdge.get(e);
			if (l) l.push(k);
			else this.byEdge.set(e, [k]);
		});
		this.cost = new Float64Array(g.nodeCount);
		this.stamp = new Uint32Array(g.nodeCount);
		this.q = new FlatQueue<number>(g.targets.length + 2);
	}

	/** Seconds from the origin to the nearest place of each category, into `best`. */
	run(origin: Snap, best: Float64Array): void {
		best.fill(Infinity);
		const net = this.net;
		const g = net.graph;
		const { offsets } = g;
		const { arcCostS, arcInfo } = net;
		const edgeCost = net.edgeCostS;
		const cost = this.cost;
		const stamp = this.stamp;
		const cur = ++this.current;
		const q = this.q;
		q.clear();
		let open = this.categoryCount;
		// the bound: no category's best can improve once the queue's cost reaches the largest best
		let bound = Infinity;
		const found = (k: number, c: number): void => {
			for (const cat of (this.places[k] as ReferencePlace).categories) {
				if (c < (best[cat] as number)) {
					if (best[cat] === Infinity) open--;
					best[cat] = c;
					if (open === 0) {
						bound = 0;
						for (let x = 0; x < this.categoryCount; x++) bound = Math.max(bound, best[x] as number);
					}
				}
			}
		};
		const e = origin.edge;
		const w = edgeCost[e] as number;
		const leg = origin.accessM / net.speedMps;
		for (const k of this.byEdge.get(e) ?? []) {
			const p = (this.places[k] as ReferencePlace).snap;
			found(k, leg + Math.abs(p.t - origin.t) * w + p.accessM / net.speedMps);
		}
		const seed = (n: number, c: number): void => {
			if (stamp[n] === cur && (cost[n] as number) <= c) return;
			stamp[n] = cur;
			cost[n] = c;
			q.push(n, c);
		};
		seed(g.edgeFrom[e] as number, leg + origin.t * w);
		seed(g.edgeTo[e] as number, leg + (1 - origin.t) * w);
		while (q.length > 0) {
			const c = q.peekValue() as number;
			const u = q.pop() as number;
			if (c > (cost[u] as number)) continue;
			if (c >= bound) break;
			const here = this.atNode.get(u);
			if (here) for (const [k, pc] of here) found(k, c + pc);
			const end = offsets[u + 1] as number;
			for (let a = offsets[u] as number; a < end; a++) {
				const nc = c + (arcCostS[2 * a] as number);
				if (nc === Infinity) continue;
				const v = arcInfo[4 * a + 2] as number;
				if (stamp[v] !== cur || nc < (cost[v] as number)) {
					stamp[v] = cur;
					cost[v] = nc;
					q.push(v, nc);
				}
			}
		}
	}
}
