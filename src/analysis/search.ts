/**
 * A bounded single-source Dijkstra with reusable arrays (a stamp per node instead of clearing),
 * for the many small searches of where-next, walksheds and routes. Keeps the predecessor arc of
 * every node so paths can be rebuilt.
 */
import FlatQueue from 'flatqueue';
import type { ProfileNetwork } from './network.ts';
import type { Snap } from './snap.ts';

/** Reusable search space for one graph size. */
export class SearchSpace {
	readonly costS: Float64Array;
	readonly distM: Float64Array;
	readonly unknownM: Float64Array;
	/** Arc by which a node was reached, -1 for a seed. */
	readonly predArc: Int32Array;
	private readonly stamp: Uint32Array;
	private current = 0;
	/** Nodes settled in the last run, in order. */
	readonly settled: number[] = [];
	private readonly queue = new FlatQueue<number>();

	constructor(nodeCount: number) {
		this.costS = new Float64Array(nodeCount);
		this.distM = new Float64Array(nodeCount);
		this.unknownM = new Float64Array(nodeCount);
		this.predArc = new Int32Array(nodeCount);
		this.stamp = new Uint32Array(nodeCount);
	}

	/** Whether node `n` was labelled in the last run. */
	has(n: number): boolean {
		return this.stamp[n] === this.current;
	}

	/** Cost of node `n` in the last run (Infinity when not reached). */
	cost(n: number): number {
		return this.stamp[n] === this.current ? (this.costS[n] as number) : Infinity;
	}

	private label(n: number, c: number, d: number, u: number, arc: number): boolean {
		if (this.stamp[n] === this.current && (this.costS[n] as number) <= c) return false;
		this.stamp[n] = this.current;
		this.costS[n] = c;
		this.distM[n] = d;
		this.unknownM[n] = u;
		this.predArc[n] = arc;
		this.queue.push(n, c);
		return true;
	}

	/**
	 * Runs from a snapped point (its access leg and the two partial stretches of its edge) until
	 * the cost exceeds `maxCostS` or the distance exceeds `maxDistM` (nodes beyond are not settled),
	 * or until `stop(node)` returns true for a settled node.
	 */
	run(
		net: ProfileNetwork,
		from: Snap,
		maxCostS = Infinity,
		maxDistM = Infinity,
		stop?: (node: number, costS: number) => boolean,
	): void {
		this.current++;
		if (this.current === 0xffffffff) {
			this.stamp.fill(0);
			this.current = 1;
		}
		this.settled.length = 0;
		this.queue.clear();
		const g = net.graph;
		const e = from.edge;
		const w = net.edgeCostS[e] as number;
		if (w === Infinity) return;
		const len = g.lengthsM[e] as number;
		const unk = net.edgeUnknown[e] === 1;
		const a = from.accessM / net.speedMps;
		const f = from.t;
		if (from.accessM + f * len <= maxDistM) {
			this.label(g.edgeFrom[e] as number, a + f * w, from.accessM + f * len, unk ? f * len : 0, -1);
		}
		if (from.accessM + (1 - f) * len <= maxDistM) {
			this.label(
				g.edgeTo[e] as number,
				a + (1 - f) * w,
				from.accessM + (1 - f) * len,
				unk ? (1 - f) * len : 0,
				-1,
			);
		}
		const { offsets, targets, arcEdges, lengthsM } = g;
		const q = this.queue;
		while (q.length > 0) {
			const c = q.peekValue() as number;
			const u = q.pop() as number;
			if (c > (this.costS[u] as number)) continue;
			if (c > maxCostS) break;
			this.settled.push(u);
			if (stop && stop(u, c)) break;
			const du = this.distM[u] as number;
			const uu = this.unknownM[u] as number;
			for (let arc = offsets[u] as number; arc < (offsets[u + 1] as number); arc++) {
				const ed = arcEdges[arc] as number;
				const we = net.edgeCostS[ed] as number;
				if (we === Infinity) continue;
				const l = lengthsM[ed] as number;
				if (du + l > maxDistM) continue;
				this.label(
					targets[arc] as number,
					c + we,
					du + l,
					net.edgeUnknown[ed] === 1 ? uu + l : uu,
					arc,
				);
			}
		}
	}
}
