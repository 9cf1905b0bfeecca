/**
 * Scratch prototypes for issue #12 point 2 (the sweep ≤ 0.5× the flatqueue Dijkstra), kept as the
 * evidence for src/analysis/README.md: `npx tsx scripts/tools/sweep-prototypes.ts [runs]`.
 *
 * On the `analysis` bench's graph (syntheticGrid(1_000_000, 7), walking, the same 200 source
 * nodes), in ONE process, interleaved run by run (the order of the sides turns round), each side
 * timed in CPU time of the process (process.cpuUsage: others' load does not count):
 * - `sweep`: the engine's multiSourceSweep as it is (bands of 200 m in node order);
 * - `fq64`: the bench's flatqueue Dijkstra over the engine's 16-byte arc records;
 * - `intDial(U)`: Dial's algorithm over integer costs (U units per metre walked at the plain
 *   speed): arc records of 8 bytes [cost Int32, target], per node cost Int32 and tag Int32 packed
 *   side by side (8 bytes, one cache line access per node), a bucket of one unit (exact: no settled
 *   bitmap; a popped entry whose node's cost is not the bucket's is stale);
 * - `fqInt(U)`: the flatqueue Dijkstra over the SAME 8-byte integer arc records (Float64 dist);
 * - `f32`: the engine's sweep loop over 8-byte arc records [Float32 length, target] (cost = length
 *   ÷ speed, computed per arc: the same Float64 cost as today), and `fqF32` over the same records.
 * - `before`: the sweep before the band sweep (decimetre buckets in cost order), when
 *   OLD_SWEEP names a copy of that sweep.ts (`git show f0275ee~1:src/analysis/sweep.ts`);
 * - `sweep75` … `sweep800`: the engine's sweep with bands of 75 … 800 m;
 * - `band50` … `band400`: the first prototype of the band sweep (labels carried, no tie repair);
 * - `replayNodeOrder`: the same relaxations in node order (memory alone, read in order);
 * - `replay`: the relaxations of one sweep replayed in its settle order without a queue (what
 *   memory alone costs in that order), over the engine's 16-byte records.
 * Every side's costs are checked against its reference after the timed runs.
 */
import { pathToFileURL } from 'node:url';
import FlatQueue from 'flatqueue';
import { profileNetwork, type ProfileNetwork } from '../../src/analysis/network.ts';
import {
	emptySweepState,
	multiSourceSweep,
	SweepWorkspace,
	type SweepSource,
} from '../../src/analysis/sweep.ts';
import type * as Sweep from '../../src/analysis/sweep.ts';
import { mulberry32, syntheticGrid } from '../../src/analysis/synthetic.ts';
import { FlatQueueDijkstra } from '../bench/lib/references.ts';
import { spread } from '../bench/lib/stats.ts';

const runs = Number(process.argv[2] ?? 15);
const only = process.argv[3]?.split(',');
const g = syntheticGrid(1_000_000, 7);
const net = profileNetwork(g, 'walking', 'optimistic');
const rand = mulberry32(11);
const sourceNodes = Array.from({ length: 200 }, () => Math.floor(rand() * g.nodeCount));
const sources: SweepSource[] = sourceNodes.map((n, label) => {
	const e = g.arcEdges[g.offsets[n]!]!;
	return { snap: { edge: e, t: g.edgeFrom[e] === n ? 0 : 1, accessM: 0, lng: 0, lat: 0 }, label };
});
const N = g.nodeCount;
const A = g.targets.length;

/** 8-byte integer arc records: [2a] cost in units, [2a + 1] target. */
function intArcs(n: ProfileNetwork, unitsPerM: number): { arcs: Int32Array; maxW: number } {
	const arcs = new Int32Array(2 * A);
	let maxW = 0;
	for (let a = 0; a < A; a++) {
		const w = Math.round((n.arcCostS[2 * a] as number) * n.speedMps * unitsPerM);
		arcs[2 * a] = w;
		arcs[2 * a + 1] = n.arcInfo[4 * a + 2] as number;
		if (w > maxW) maxW = w;
	}
	return { arcs, maxW };
}

/** Exact Dial over integer costs; node state [2n] cost, [2n + 1] tag (label × 2). */
class IntDial {
	readonly node: Int32Array;
	heads: Int32Array;
	occ: Int32Array;
	ent: Int32Array;
	readonly mask: number;
	constructor(
		readonly arcs: Int32Array,
		maxW: number,
	) {
		this.node = new Int32Array(2 * N);
		let size = 64;
		while (size < maxW + 2) size *= 2;
		this.mask = size - 1;
		this.heads = new Int32Array(size).fill(-1);
		this.occ = new Int32Array(size >> 5);
		this.ent = new Int32Array(4 * N);
	}
	run(srcs: readonly number[]): Int32Array {
		const node = this.node;
		for (let i = 0; i < N; i++) {
			node[2 * i] = 0x7fffffff;
			node[2 * i + 1] = -2;
		}
		const { heads, occ, mask, arcs } = this;
		const offsets = g.offsets;
		let ent = this.ent;
		let top = 0;
		for (let k = 0; k < srcs.length; k++) {
			const s = srcs[k] as number;
			if (node[2 * s]! === 0 && node[2 * s + 1]! <= 2 * k) continue;
			node[2 * s] = 0;
			node[2 * s + 1] = 2 * k;
			ent[2 * top] = s;
			ent[2 * top + 1] = heads[0] as number;
			heads[0] = top++;
			occ[0]! |= 1;
		}
		let queued = top;
		let cur = 0;
		const wordMask = ((mask + 1) >> 5) - 1;
		while (queued > 0) {
			let h = cur & mask;
			let k = heads[h] as number;
			if (k === -1) {
				let wi = h >> 5;
				let bits = (occ[wi] as number) & (-1 << (h & 31));
				while (bits === 0) {
					wi = (wi + 1) & wordMask;
					bits = occ[wi] as number;
				}
				const nh = (wi << 5) | (31 - Math.clz32(bits & -bits));
				cur += (nh - h) & mask;
				h = nh;
				k = heads[h] as number;
			}
			const next = ent[2 * k + 1] as number;
			heads[h] = next;
			if (next === -1) occ[h >> 5]! &= ~(1 << (h & 31));
			queued--;
			const u = ent[2 * k] as number;
			if (node[2 * u] !== cur) continue; // stale
			const tu = node[2 * u + 1] as number;
			const end = offsets[u + 1] as number;
			const start = offsets[u] as number;
			if (2 * (top + end - start) > ent.length) {
				const b = new Int32Array(ent.length * 2);
				b.set(ent);
				ent = this.ent = b;
			}
			for (let a = start; a < end; a++) {
				const nc = cur + (arcs[2 * a] as number);
				const v = arcs[2 * a + 1] as number;
				const cv = node[2 * v] as number;
				if (nc < cv || (nc === cv && tu < (node[2 * v + 1] as number))) {
					node[2 * v] = nc;
					node[2 * v + 1] = tu;
					const nh = nc & mask;
					ent[2 * top] = v;
					ent[2 * top + 1] = heads[nh] as number;
					heads[nh] = top++;
					occ[nh >> 5]! |= 1 << (nh & 31);
					queued++;
				}
			}
		}
		return node;
	}
}

/** flatqueue Dijkstra over 8-byte integer arc records (dist Float64, as the bench's reference). */
class FqInt {
	readonly dist = new Float64Array(N);
	readonly q = new FlatQueue<number>(A + N);
	constructor(readonly arcs: Int32Array) {}
	run(srcs: readonly number[]): Float64Array {
		const { offsets } = g;
		const arcs = this.arcs;
		const dist = this.dist.fill(Infinity);
		const q = this.q;
		q.clear();
		for (const s of srcs) {
			dist[s] = 0;
			q.push(s, 0);
		}
		while (q.length > 0) {
			const d = q.peekValue() as number;
			const u = q.pop() as number;
			if (d > (dist[u] as number)) continue;
			const end = offsets[u + 1] as number;
			for (let a = offsets[u] as number; a < end; a++) {
				const nd = d + (arcs[2 * a] as number);
				const v = arcs[2 * a + 1] as number;
				if (nd < (dist[v] as number)) {
					dist[v] = nd;
					q.push(v, nd);
				}
			}
		}
		return dist;
	}
}

/** 8-byte records [Float32 length, target] over one buffer. */
const f32buf = new ArrayBuffer(8 * A);
const f32len = new Float32Array(f32buf);
const f32tgt = new Uint32Array(f32buf);
for (let a = 0; a < A; a++) {
	f32len[2 * a] = g.lengthsM[g.arcEdges[a]!]!;
	f32tgt[2 * a + 1] = g.targets[a]!;
}

class FqF32 {
	readonly dist = new Float64Array(N);
	readonly q = new FlatQueue<number>(A + N);
	run(srcs: readonly number[]): Float64Array {
		const { offsets } = g;
		const sp = net.speedMps;
		const dist = this.dist.fill(Infinity);
		const q = this.q;
		q.clear();
		for (const s of srcs) {
			dist[s] = 0;
			q.push(s, 0);
		}
		while (q.length > 0) {
			const d = q.peekValue() as number;
			const u = q.pop() as number;
			if (d > (dist[u] as number)) continue;
			const end = offsets[u + 1] as number;
			for (let a = offsets[u] as number; a < end; a++) {
				const nd = d + (f32len[2 * a] as number) / sp;
				const v = f32tgt[2 * a + 1] as number;
				if (nd < (dist[v] as number)) {
					dist[v] = nd;
					q.push(v, nd);
				}
			}
		}
		return dist;
	}
}

/** The engine's sweep loop (walking: no flags) over the 8-byte Float32-length records. */
class F32Sweep {
	readonly cost = new Float64Array(N);
	readonly tag = new Int32Array(N);
	readonly settled = new Int32Array((N + 31) >> 5);
	heads: Int32Array;
	occ: Int32Array;
	ent = new Int32Array(4 * N);
	readonly mask: number;
	readonly scale: number;
	constructor() {
		this.scale = net.speedMps * 10;
		let size = 64;
		while (size < net.maxEdgeCostS * this.scale + 2) size *= 2;
		this.mask = size - 1;
		this.heads = new Int32Array(size).fill(-1);
		this.occ = new Int32Array(size >> 5);
	}
	run(srcs: readonly number[]): Float64Array {
		const { cost, tag, settled, heads, occ, mask, scale } = this;
		cost.fill(Infinity);
		tag.fill(-2);
		settled.fill(0);
		const sp = net.speedMps;
		const offsets = g.offsets;
		let ent = this.ent;
		let top = 0;
		for (let k = 0; k < srcs.length; k++) {
			const s = srcs[k] as number;
			if (cost[s] === 0) continue;
			cost[s] = 0;
			tag[s] = 2 * k;
			ent[2 * top] = s;
			ent[2 * top + 1] = heads[0] as number;
			heads[0] = top++;
			occ[0]! |= 1;
		}
		let queued = top;
		let cur = 0;
		const wordMask = ((mask + 1) >> 5) - 1;
		while (queued > 0) {
			let h = cur & mask;
			let k = heads[h] as number;
			if (k === -1) {
				let wi = h >> 5;
				let bits = (occ[wi] as number) & (-1 << (h & 31));
				while (bits === 0) {
					wi = (wi + 1) & wordMask;
					bits = occ[wi] as number;
				}
				const nh = (wi << 5) | (31 - Math.clz32(bits & -bits));
				cur += (nh - h) & mask;
				h = nh;
				k = heads[h] as number;
			}
			const next = ent[2 * k + 1] as number;
			heads[h] = next;
			if (next === -1) occ[h >> 5]! &= ~(1 << (h & 31));
			queued--;
			const u = ent[2 * k] as number;
			const bit = 1 << (u & 31);
			if (((settled[u >> 5] as number) & bit) !== 0) continue;
			settled[u >> 5]! |= bit;
			const c = cost[u] as number;
			const tu = tag[u] as number;
			const end = offsets[u + 1] as number;
			const start = offsets[u] as number;
			if (2 * (top + end - start) > ent.length) {
				const b = new Int32Array(ent.length * 2);
				b.set(ent);
				ent = this.ent = b;
			}
			for (let a = start; a < end; a++) {
				const nc = c + (f32len[2 * a] as number) / sp;
				const v = f32tgt[2 * a + 1] as number;
				const cv = cost[v] as number;
				if (nc < cv || (nc === cv && tu < (tag[v] as number))) {
					cost[v] = nc;
					tag[v] = tu;
					settled[v >> 5]! &= ~(1 << (v & 31));
					const nh = (nc * scale) & mask;
					ent[2 * top] = v;
					ent[2 * top + 1] = heads[nh] as number;
					heads[nh] = top++;
					occ[nh >> 5]! |= 1 << (nh & 31);
					queued++;
				}
			}
		}
		return cost;
	}
}

/** The relaxations of one sweep replayed in settle order (no queue): memory alone. */
function settleOrder(): Int32Array {
	const st = multiSourceSweep(net, sources);
	const idx = Array.from({ length: N }, (_, i) => i).filter((i) => st.costS(i) < Infinity);
	idx.sort((a, b) => st.costS(a) - st.costS(b));
	return Int32Array.from(idx);
}
const order = settleOrder();
const replayCost = new Float64Array(N);
function replay(): void {
	const { offsets } = g;
	const { arcCostS, arcInfo } = net;
	const cost = replayCost.fill(Infinity);
	for (const s of sourceNodes) cost[s] = 0;
	for (let i = 0; i < order.length; i++) {
		const u = order[i] as number;
		const c = cost[u] as number;
		const end = offsets[u + 1] as number;
		for (let a = offsets[u] as number; a < end; a++) {
			const nc = c + (arcCostS[2 * a] as number);
			const v = arcInfo[4 * a + 2] as number;
			if (nc < (cost[v] as number)) cost[v] = nc;
		}
	}
}

/**
 * Band sweep: buckets of width `bandM` metres walked (cost × speed); the nodes of the band being
 * worked kept in a bitmap over node numbers and worked in node order (the graph's Hilbert order,
 * so consecutive nodes lie close in memory), pass after pass until the band is stable (a node
 * improved inside the band is worked again). Future bands are bitmaps too (a ring). Label
 * correcting inside a band: the labels are the same least fixpoint (exact Float64 costs).
 */
class BandSweep {
	readonly cost = new Float64Array(N);
	readonly tag = new Int32Array(N);
	readonly words = (N + 31) >> 5;
	readonly ring: Int32Array;
	readonly K: number;
	readonly scale: number;
	works = 0;
	constructor(bandM: number) {
		this.scale = net.speedMps / bandM; // bands per second
		this.K = Math.ceil(net.maxEdgeCostS * this.scale) + 2;
		this.ring = new Int32Array(this.K * this.words);
	}
	run(srcs: readonly number[]): Float64Array {
		const { cost, tag, ring, K, words, scale } = this;
		cost.fill(Infinity);
		tag.fill(-2);
		const { offsets } = g;
		const { arcCostS, arcInfo } = net;
		for (let k = 0; k < srcs.length; k++) {
			const s = srcs[k] as number;
			if (cost[s] === 0) continue;
			cost[s] = 0;
			tag[s] = 2 * k;
			ring[s >> 5]! |= 1 << (s & 31);
		}
		let band = 0;
		let works = 0;
		let empty = 0;
		while (empty < K) {
			const base = (band % K) * words;
			let any = false;
			let again = true;
			while (again) {
				again = false;
				for (let w = 0; w < words; w++) {
					let bits = ring[base + w] as number;
					if (bits === 0) continue;
					any = true;
					ring[base + w] = 0;
					while (bits !== 0) {
						const low = bits & -bits;
						const u = (w << 5) | (31 - Math.clz32(low));
						bits ^= low;
						const c = cost[u] as number;
						if (Math.floor(c * scale) !== band) continue; // stale: worked in an earlier band
						works++;
						const tu = tag[u] as number;
						const end = offsets[u + 1] as number;
						for (let a = offsets[u] as number; a < end; a++) {
							const nc = c + (arcCostS[2 * a] as number);
							const v = arcInfo[4 * a + 2] as number;
							const cv = cost[v] as number;
							if (nc < cv || (nc === cv && tu < (tag[v] as number))) {
								cost[v] = nc;
								tag[v] = tu;
								const b = Math.floor(nc * scale);
								const vb = (b % K) * words + (v >> 5);
								const vbit = 1 << (v & 31);
								if (b === band) {
									if (v >> 5 < w || (v >> 5 === w && vbit <= low)) again = true;
									if (v >> 5 === w) bits |= vbit;
									else ring[vb]! |= vbit;
								} else ring[vb]! |= vbit;
							}
						}
					}
				}
			}
			empty = any ? 0 : empty + 1;
			band++;
		}
		this.works = works;
		return cost;
	}
}

/** The same relaxations in node order (no queue; the costs are not a shortest-path answer). */
function replayNodeOrder(): void {
	const { offsets } = g;
	const { arcCostS, arcInfo } = net;
	const cost = replayCost.fill(Infinity);
	for (const s of sourceNodes) cost[s] = 0;
	for (let u = 0; u < N; u++) {
		const c = cost[u] as number;
		const end = offsets[u + 1] as number;
		for (let a = offsets[u] as number; a < end; a++) {
			const nc = c + (arcCostS[2 * a] as number);
			const v = arcInfo[4 * a + 2] as number;
			if (nc < (cost[v] as number)) cost[v] = nc;
		}
	}
}

const ws = new SweepWorkspace(N);
const state = emptySweepState(net);
const wsBand = (m: number): SweepWorkspace => Object.assign(new SweepWorkspace(N), { bandM: m });
const ws75 = wsBand(75);
const ws200 = wsBand(200);
const ws250 = wsBand(250);
const ws300 = wsBand(300);
const ws500 = wsBand(500);
const ws800 = wsBand(800);
const st2 = emptySweepState(net);
const fq = new FlatQueueDijkstra(net);
const intMm = intArcs(net, 1000);
const intCm = intArcs(net, 100);
const dialMm = new IntDial(intMm.arcs, intMm.maxW);
const dialCm = new IntDial(intCm.arcs, intCm.maxW);
const fqMm = new FqInt(intMm.arcs);
const f32s = new F32Sweep();
const fqf32 = new FqF32();
const band50 = new BandSweep(50);
const band150 = new BandSweep(150);
const band400 = new BandSweep(400);

// the sweep before this change, when given (OLD_SWEEP=/tmp/sweep-old.ts, from git show)
const old = process.env.OLD_SWEEP
	? ((await import(pathToFileURL(process.env.OLD_SWEEP).href)) as typeof Sweep)
	: undefined;
const wsOld = old ? new old.SweepWorkspace(N) : undefined;
const stOld = old ? old.emptySweepState(net) : undefined;
const sides: Record<string, () => unknown> = {
	...(old ? { before: () => old.multiSourceSweep(net, sources, wsOld, stOld) } : {}),
	sweep: () => multiSourceSweep(net, sources, ws, state),
	sweep75: () => multiSourceSweep(net, sources, ws75, st2),
	sweep200: () => multiSourceSweep(net, sources, ws200, st2),
	sweep250: () => multiSourceSweep(net, sources, ws250, st2),
	sweep300: () => multiSourceSweep(net, sources, ws300, st2),
	sweep500: () => multiSourceSweep(net, sources, ws500, st2),
	sweep800: () => multiSourceSweep(net, sources, ws800, st2),
	fq64: () => fq.run(sourceNodes),
	intDialMm: () => dialMm.run(sourceNodes),
	intDialCm: () => dialCm.run(sourceNodes),
	fqIntMm: () => fqMm.run(sourceNodes),
	f32: () => f32s.run(sourceNodes),
	fqF32: () => fqf32.run(sourceNodes),
	replay,
	replayNodeOrder,
	band50: () => band50.run(sourceNodes),
	band150: () => band150.run(sourceNodes),
	band400: () => band400.run(sourceNodes),
};
const names = Object.keys(sides).filter((n) => !only || only.includes(n));
const cpuMs = (f: () => unknown): number => {
	const t = process.cpuUsage();
	f();
	const d = process.cpuUsage(t);
	return (d.user + d.system) / 1000;
};
// warm-up
for (let w = 0; w < 3; w++) for (const n of names) sides[n]!();
const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r < runs; r++) {
	for (let k = 0; k < names.length; k++) {
		const n = names[(r + k) % names.length]!;
		times[n]!.push(cpuMs(sides[n]!));
	}
}
// checks (outside the timed runs)
const ref = fq.run(sourceNodes);
const st = multiSourceSweep(net, sources, ws, state);
const f32c = f32s.run(sourceNodes);
const fqf = fqf32.run(sourceNodes);
const dm = dialMm.run(sourceNodes).slice();
const fqm = fqMm.run(sourceNodes);
const dc = dialCm.run(sourceNodes).slice();
let dSweep = 0;
const bands = [band50, band150, band400].map((b) => {
	const c = b.run(sourceNodes);
	let d = 0;
	for (let n = 0; n < N; n++) d = Math.max(d, Math.abs(c[n]! - ref[n]!) || 0);
	return { d, works: b.works };
});
let dF32 = 0;
let dFqF32 = 0;
let dIntMm = 0;
let errMmM = 0;
let errCmM = 0;
for (let n = 0; n < N; n++) {
	dSweep = Math.max(dSweep, Math.abs(st.costS(n) - ref[n]!) || 0);
	dF32 = Math.max(dF32, Math.abs(f32c[n]! - ref[n]!) || 0);
	dFqF32 = Math.max(dFqF32, Math.abs(fqf[n]! - ref[n]!) || 0);
	dIntMm = Math.max(dIntMm, Math.abs(dm[2 * n]! - fqm[n]!) || 0);
	if (stOld && stOld.costS(n) !== st.costS(n)) dSweep = Math.max(dSweep, 1e9);
	const m = ref[n]! * net.speedMps;
	errMmM = Math.max(errMmM, Math.abs(dm[2 * n]! / 1000 - m));
	errCmM = Math.max(errCmM, Math.abs(dc[2 * n]! / 100 - m));
}
const fqBy: Record<string, string> = {
	before: 'fq64',
	sweep: 'fq64',
	sweep75: 'fq64',
	sweep200: 'fq64',
	sweep250: 'fq64',
	sweep300: 'fq64',
	sweep500: 'fq64',
	sweep800: 'fq64',
	intDialMm: 'fqIntMm',
	intDialCm: 'fqIntMm',
	f32: 'fqF32',
	replay: 'fq64',
	replayNodeOrder: 'fq64',
	band50: 'fq64',
	band150: 'fq64',
	band400: 'fq64',
};
const out: Record<string, unknown> = { runs, nodes: N, arcs: A };
for (const n of names) out[n] = spread(times[n]!);
for (const [n, refName] of Object.entries(fqBy)) {
	if (!times[n] || !times[refName]) continue;
	out[`${n}/${refName}`] = spread(
		times[n]!.map((x, i) => x / times[refName]![i]!),
		3,
	);
	if (times.fq64 && refName !== 'fq64')
		out[`${n}/fq64`] = spread(
			times[n]!.map((x, i) => x / times.fq64![i]!),
			3,
		);
}
out.checks = {
	bands,
	sweep_vs_fq64_max_s: dSweep,
	f32_vs_fq64_max_s: dF32,
	fqF32_vs_fq64_max_s: dFqF32,
	intDialMm_vs_fqIntMm_max_units: dIntMm,
	intMm_vs_float_max_m: errMmM,
	intCm_vs_float_max_m: errCmM,
};
console.log(JSON.stringify(out, null, 1));
