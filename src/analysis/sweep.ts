/**
 * Multi-source shortest paths over a {@link ProfileNetwork}: one sweep from all places of a
 * category at once labels every node with the cost (seconds) of the cheapest path to the nearest
 * place, that path's length (metres), the part of that length on unknown data, and which place it
 * is. Sources sit on edges (a snapped place), so each seeds both ends of its edge. Arcs are read
 * from the network's arc records (cost and target side by side, in CSR order).
 *
 * What a node keeps ({@link SweepState}): 12 bytes in two arrays, its cost (Float64; every
 * relaxation reads it, and a cache line holds the costs of 8 nodes) and its tag (Int32: place
 * label × 2 + a flag); and, only where the flag is set, 16 more bytes: the extra metres its path's
 * cost stands for beyond its length (limited stretches: (factor − 1) × length) and its metres on
 * unknown data. The length is not kept but follows: length = cost × speedMps − extra. A path over
 * plain, known stretches (all of them for walking) touches only cost and tag. A sweep adds a
 * settled bit per node (in its workspace).
 *
 * Two queues over the same labels and the same rule:
 * - the full sweep ({@link sweepFrom}, {@link multiSourceSweep}) uses a bucket queue (Dial's
 *   algorithm) over whole decimetres: a node with cost c seconds sits in bucket
 *   ⌊c × speedMps × 10⌋ (the decimetres walked at the profile's plain speed in that time; a limited
 *   stretch counts its extra cost as extra decimetres). Buckets only order the work: every label
 *   keeps its exact Float64 cost. A node improved by another node of the bucket being emptied (an
 *   edge shorter than a decimetre) goes back into that bucket and is expanded again, so the final
 *   labels are exactly those of a binary-heap Dijkstra. A node is expanded once per label: a
 *   bitmap of settled nodes skips stale queue entries without reading the node's cost;
 * - the incremental what-if edits ({@link relax}) use a FlatQueue binary heap (few nodes, seeds
 *   of any cost).
 *
 * The rule (both queues, seeds and origins alike): labels compare by cost, then (on equal cost) by
 * place label, then by metres on unknown data, then by extra metres (the smaller wins each time;
 * a path of equal time with fewer limited stretches is the longer one). A label replaces another
 * only when it compares smaller. Every comparison after the cost happens only on exactly equal
 * costs. With that rule the labels are the one least fixpoint of the graph whatever the order of
 * work, so an incremental edit gives exactly what a recompute gives, ties included.
 */
import type FlatQueue from 'flatqueue';
import type { ProfileNetwork } from './network.ts';
import type { Snap } from './snap.ts';

/** A source of a sweep: a snapped place with its label (place index). */
export interface SweepSource {
	snap: Snap;
	/** The value written into `label` for nodes it reaches first (e.g. the place index). */
	label: number;
}

/** Per-node labels of a sweep (see the module comment for the layout). */
export class SweepState {
	readonly nodeCount: number;
	/**
	 * Speed of the profile (m/s): a path's length is cost × speedMps − extra. Set anew only by
	 * {@link clearFor} (a state reused for another profile).
	 */
	speedMps: number;
	/** Node n's cost in seconds (Infinity when unreachable). */
	readonly cost: Float64Array;
	/**
	 * Node n's tag: its label times two plus its flag (1 when its path has extra or unknown
	 * metres); -2 when unreachable (label -1, flag 0). Label = tag >> 1, flag = tag & 1.
	 */
	readonly tag: Int32Array;
	/** Where node n's flag is 1: [2n] extra metres, [2n + 1] metres on unknown data (else both 0). */
	readonly extra: Float64Array;

	/** An empty state (every node unreachable). */
	constructor(nodeCount: number, speedMps: number) {
		this.nodeCount = nodeCount;
		this.speedMps = speedMps;
		this.cost = new Float64Array(nodeCount);
		this.tag = new Int32Array(nodeCount);
		this.extra = new Float64Array(2 * nodeCount);
		this.clear();
	}

	/** Makes every node unreachable again. */
	clear(): void {
		this.cost.fill(Infinity);
		this.tag.fill(-2);
	}

	/**
	 * Makes every node unreachable again for a profile of speed `speedMps` (a state reused by
	 * another run of the same graph). `extra` needs no clearing: it is read only where a node's
	 * flag is set, and written whenever it is set.
	 */
	clearFor(speedMps: number): this {
		this.speedMps = speedMps;
		this.clear();
		return this;
	}

	/** Makes this state a copy of `other` (same graph and profile). */
	copyFrom(other: SweepState): void {
		this.cost.set(other.cost);
		this.tag.set(other.tag);
		this.extra.set(other.extra);
	}

	/** Copies node n's labels from `other`. */
	copyNode(other: SweepState, n: number): void {
		this.cost[n] = other.cost[n] as number;
		this.tag[n] = other.tag[n] as number;
		this.extra[2 * n] = other.extra[2 * n] as number;
		this.extra[2 * n + 1] = other.extra[2 * n + 1] as number;
	}

	/** Cost in seconds of the cheapest path from the nearest source (Infinity if unreachable). */
	costS(n: number): number {
		return this.cost[n] as number;
	}

	/** Length in metres of that path, access leg included (Infinity if unreachable). */
	distM(n: number): number {
		const c = this.cost[n] as number;
		if (c === Infinity) return Infinity;
		return ((this.tag[n] as number) & 1) === 0
			? c * this.speedMps
			: c * this.speedMps - (this.extra[2 * n] as number);
	}

	/** Extra metres of that path: (factor − 1) × length on its limited stretches. */
	extraM(n: number): number {
		return ((this.tag[n] as number) & 1) === 0 ? 0 : (this.extra[2 * n] as number);
	}

	/** Metres of that path on edges whose status is unknown. */
	unknownM(n: number): number {
		return ((this.tag[n] as number) & 1) === 0 ? 0 : (this.extra[2 * n + 1] as number);
	}

	/** Label of the source, -1 when unreachable. */
	label(n: number): number {
		return (this.tag[n] as number) >> 1;
	}

	/** Sets node n's labels; extraM and unknownM as in the module comment. */
	set(n: number, costS: number, label: number, extraM: number, unknownM: number): void {
		this.cost[n] = costS;
		if (extraM === 0 && unknownM === 0) this.tag[n] = label * 2;
		else {
			this.extra[2 * n] = extraM;
			this.extra[2 * n + 1] = unknownM;
			this.tag[n] = label * 2 + 1;
		}
	}

	/** Makes node n unreachable. */
	reset(n: number): void {
		this.cost[n] = Infinity;
		this.tag[n] = -2;
	}
}

/** Allocates an empty state for a network. */
export function emptySweepState(net: ProfileNetwork): SweepState {
	return new SweepState(net.graph.nodeCount, net.speedMps);
}

/**
 * Whether the label (cost `c`, place `l`, unknown metres `u`, extra metres `x`) beats the label
 * (`c0`, `l0`, `u0`, `x0`): the one rule of the engine (module comment).
 */
export function beats(
	c: number,
	l: number,
	u: number,
	x: number,
	c0: number,
	l0: number,
	u0: number,
	x0: number,
): boolean {
	if (c !== c0) return c < c0;
	if (c === Infinity) return false;
	if (l !== l0) return l < l0;
	if (u !== u0) return u < u0;
	return x < x0;
}

/** The edge of an arc record's info word (its top bit flags an edge with extra metres). */
const EDGE_MASK = 0x7fffffff;

/** On equal costs, whether node `v` reached over arc `a` from a node labelled (l, u, x) wins. */
function tieBeatsVia(
	st: SweepState,
	v: number,
	l: number,
	u: number,
	x: number,
	net: ProfileNetwork,
	a: number,
): boolean {
	const e = (net.arcInfo[4 * a + 3] as number) & EDGE_MASK;
	return tieBeats(
		st,
		v,
		l,
		u + (net.edgeExtraM[2 * e + 1] as number),
		x + (net.edgeExtraM[2 * e] as number),
	);
}

/** On exactly equal costs: whether (l, u, x) beats node v's label (the rule after the cost). */
function tieBeats(st: SweepState, v: number, l: number, u: number, x: number): boolean {
	const lv = (st.tag[v] as number) >> 1;
	if (l !== lv) return l < lv;
	const uv = st.unknownM(v);
	if (u !== uv) return u < uv;
	return x < st.extraM(v);
}

/**
 * Seeds the ends of a source's edge into the state (only where the rule lets it win). Calls
 * `push(node, cost)` for each end it labels.
 */
function seedEnds(
	net: ProfileNetwork,
	st: SweepState,
	src: SweepSource,
	push: (node: number, costS: number) => void,
): void {
	const g = net.graph;
	const e = src.snap.edge;
	const w = net.edgeCostS[e] as number;
	if (w === Infinity) return;
	const ex = net.edgeExtraM[2 * e] as number;
	const un = net.edgeExtraM[2 * e + 1] as number;
	const accessS = src.snap.accessM / net.speedMps;
	const t = src.snap.t;
	for (let k = 0; k < 2; k++) {
		const node = (k === 0 ? g.edgeFrom[e] : g.edgeTo[e]) as number;
		const f = k === 0 ? t : 1 - t;
		const c = accessS + f * w;
		const cn = st.costS(node);
		if (c < cn || (c === cn && c < Infinity && tieBeats(st, node, src.label, f * un, f * ex))) {
			st.set(node, c, src.label, f * ex, f * un);
			push(node, c);
		}
	}
}

/**
 * Seeds the ends of a source's edge into the state and a heap (only where the rule lets it win).
 */
export function seedSource(
	net: ProfileNetwork,
	st: SweepState,
	q: FlatQueue<number>,
	src: SweepSource,
): void {
	seedEnds(net, st, src, (node, c) => q.push(node, c));
}

/**
 * Runs Dijkstra with a binary heap from whatever is queued, improving `st` in place (the what-if
 * edits: a few nodes, seeds of any cost).
 *
 * @param maxCostS stop expanding beyond this cost (seconds); Infinity for a full sweep.
 * @param touched when given, every node expanded is pushed onto it (a node relabelled is expanded).
 */
export function relax(
	net: ProfileNetwork,
	st: SweepState,
	q: FlatQueue<number>,
	maxCostS = Infinity,
	touched?: number[],
): void {
	const { offsets } = net.graph;
	const { arcCostS, arcInfo, edgeExtraM } = net;
	const { cost, tag, extra } = st;
	while (q.length > 0) {
		const c = q.peekValue() as number;
		const u = q.pop() as number;
		if (c > (cost[u] as number)) continue;
		if (c > maxCostS) break;
		if (touched) touched.push(u);
		const tu = tag[u] as number;
		const fu = tu & 1;
		const lu = tu >> 1;
		const tv0 = tu - fu; // the tag of a node reached from u over a plain, known edge
		const xu = fu === 0 ? 0 : (extra[2 * u] as number);
		const uu = fu === 0 ? 0 : (extra[2 * u + 1] as number);
		const end = offsets[u + 1] as number;
		for (let a = offsets[u] as number; a < end; a++) {
			const nc = c + (arcCostS[2 * a] as number);
			const v = arcInfo[4 * a + 2] as number;
			const cv = cost[v] as number;
			if (nc < cv || (nc === cv && nc < Infinity && tieBeatsVia(st, v, lu, uu, xu, net, a))) {
				const info = arcInfo[4 * a + 3] as number;
				cost[v] = nc;
				if (fu === 0 && info <= EDGE_MASK) tag[v] = tv0;
				else {
					const e = info & EDGE_MASK;
					extra[2 * v] = xu + (edgeExtraM[2 * e] as number);
					extra[2 * v + 1] = uu + (edgeExtraM[2 * e + 1] as number);
					tag[v] = tv0 + 1;
				}
				q.push(v, nc);
			}
		}
	}
}

/** Largest bucket array of a sweep (2^22 heads, 16 MiB); beyond it the buckets widen. */
const MAX_BUCKETS = 1 << 22;
/** Buckets per metre walked at the profile's plain speed: whole decimetres. */
const BUCKETS_PER_M = 10;
/** The ring never needs to shrink below this many buckets. */
const MIN_BUCKETS = 1024;

/** The smallest power of two ≥ n (n ≥ 1). */
function nextPowerOfTwo(n: number): number {
	let p = 1;
	while (p < n) p *= 2;
	return p;
}

/**
 * Reusable arrays of the bucket queue: the bucket heads (a ring of a power-of-two size), a bitmap
 * of the buckets that hold entries (so a run of empty buckets is skipped 32 at a time: on a small
 * graph with long edges most buckets are empty), a pool of queue entries (node, next entry in the
 * same bucket), appended in order and dropped whole after each sweep, and a bitmap of the nodes
 * settled (expanded with their current label). A node is queued again each time it improves; an
 * entry of a settled node is stale and skipped when popped without reading the node's cost (a
 * node improved after it was settled, inside the bucket being emptied, is unsettled again and
 * expanded once more). A finished sweep leaves heads and bucket bitmap empty, ready for the next.
 */
export class SweepWorkspace {
	/** First entry of each bucket, -1 when empty. */
	heads: Int32Array = new Int32Array(0);
	/** Bit b set when bucket b holds entries. */
	occupied: Int32Array = new Int32Array(0);
	/** Entry k: node at 2k, next entry of its bucket at 2k + 1 (-1 at the end). */
	entries: Int32Array;
	/** Bit n set when node n is settled (cleared at the start of each sweep). */
	settled: Int32Array;
	/**
	 * A sum of values read ahead of their use (the cost and arcs of the nodes to expand next), written here so
	 * that the reads are kept: they only bring memory into the cache while the current node works.
	 */
	readAhead = 0;

	constructor(nodeCount: number) {
		this.entries = new Int32Array(2 * Math.max(16, nodeCount + (nodeCount >> 1)));
		this.settled = new Int32Array((nodeCount + 31) >> 5);
	}
}

/** Grows the entry pool of a workspace to at least `length` (at least doubling; entries kept). */
function grow(ws: SweepWorkspace, length: number): Int32Array {
	const bigger = new Int32Array(Math.max(length, ws.entries.length * 2));
	bigger.set(ws.entries);
	ws.entries = bigger;
	return bigger;
}

/**
 * Runs the bucket-queue sweep from `seeds` (nodes whose labels in `st` are already set, e.g. by
 * {@link seedSources}) until every reachable node is labelled, improving `st` in place. Exact: see
 * the module comment.
 *
 * Where the time goes (node --cpu-prof on the 1 M-edge bench graph): nodes are settled in the
 * order of their cost, which jumps across the whole graph, so the sweep waits on memory, not on
 * arithmetic: the same relaxations in node order run ~4× faster. Hence 12 bytes per node in two
 * arrays (cost, tag: a cache line holds the costs of 8 nodes), stale entries skipped on a bitmap
 * that stays in the cache, and one entry popped at a time with the next entry's cost and arc
 * range read ahead. (Emptying each bucket in batches of 8 nodes read ahead together was tried on
 * the 1 M-edge graph: 100.5 against 100.3 ms, no gain for twice the code, so it was removed.)
 *
 * @param seeds nodes to start from (repeats are fine); their labels must be set in `st`.
 * @param ws reusable arrays (one per engine); fresh ones are made when absent.
 */
export function sweepFrom(
	net: ProfileNetwork,
	st: SweepState,
	seeds: ArrayLike<number>,
	ws: SweepWorkspace = new SweepWorkspace(net.graph.nodeCount),
): void {
	const cost = st.cost;
	let lo = Infinity;
	let hi = -Infinity;
	for (let k = 0; k < seeds.length; k++) {
		const c = cost[seeds[k] as number] as number;
		if (c < lo) lo = c;
		if (c > hi) hi = c;
	}
	if (!(lo < Infinity)) return;
	// queued nodes always lie within [current bucket, current bucket + max(seed span, longest edge)]
	const span = Math.max(hi - lo, net.maxEdgeCostS);
	let scale = net.speedMps * BUCKETS_PER_M;
	// at most MAX_BUCKETS, and at most about one bucket per node: a small graph with long edges
	// (the sample: 3,033 nodes, a 2 km edge) would otherwise spread its few entries over a ring of
	// 32,768 heads, one cache line each
	const most = Math.min(MAX_BUCKETS, Math.max(MIN_BUCKETS, nextPowerOfTwo(st.nodeCount)));
	if (span * scale + 2 > most) scale = (most - 2) / span;
	let size = 64;
	while (size < span * scale + 2) size *= 2;
	if (ws.heads.length < size) {
		ws.heads = new Int32Array(size).fill(-1);
		ws.occupied = new Int32Array(size >> 5);
	}
	if (ws.settled.length < (st.nodeCount + 31) >> 5)
		ws.settled = new Int32Array((st.nodeCount + 31) >> 5);
	ws.settled.fill(0);
	const heads = ws.heads;
	const occ = ws.occupied;
	const mask = size - 1;
	let ent = ws.entries;
	if (2 * seeds.length > ent.length) ent = grow(ws, 2 * seeds.length);
	let top = 0;
	for (let k = 0; k < seeds.length; k++) {
		const s = seeds[k] as number;
		const h = ((cost[s] as number) * scale) & mask;
		ent[2 * top] = s;
		ent[2 * top + 1] = heads[h] as number;
		heads[h] = top++;
		occ[h >> 5]! |= 1 << (h & 31);
	}
	const first = Math.floor(lo * scale);
	const pre = st.nodeCount <= PREFETCH_NODES ? preload(net, st, heads, size) : 0;
	// stored here, not in the loop's function: a property write after its hot loop has no type
	// feedback when V8 compiles that loop on stack (OSR), and deoptimised it at the end of sweeps
	ws.readAhead = pre + entryLoop(net, st, ws, scale, mask, first, top);
}

/** Graphs of at most this many nodes are read in whole, in order, before their sweep (preload). */
const PREFETCH_NODES = 1 << 15;

/**
 * Reads one value per cache line of what a sweep of a small graph touches (arc records, offsets,
 * costs, tags, the ring of bucket heads), in address order: the hardware prefetcher streams them
 * into the cache at memory bandwidth, where the sweep itself (nodes in cost order) would wait on
 * each line in turn. Matters when the job runs cold (after the core slept, or others ran).
 */
function preload(net: ProfileNetwork, st: SweepState, heads: Int32Array, size: number): number {
	let sum = 0;
	const { arcCostS } = net;
	for (let i = 0; i < arcCostS.length; i += 8) sum += arcCostS[i] as number;
	const { offsets } = net.graph;
	for (let i = 0; i < offsets.length; i += 16) sum += offsets[i] as number;
	const { cost, tag } = st;
	for (let i = 0; i < cost.length; i += 8) sum += cost[i] as number;
	for (let i = 0; i < tag.length; i += 16) sum += tag[i] as number;
	for (let i = 0; i < size; i += 16) sum += heads[i] as number;
	return sum;
}

/** The first bucket at or after `h` that holds entries (there is one), scanning the bitmap. */
function nextOccupied(occ: Int32Array, h: number, wordMask: number): number {
	let wi = h >> 5;
	let bits = (occ[wi] as number) & (-1 << (h & 31));
	while (bits === 0) {
		wi = (wi + 1) & wordMask;
		bits = occ[wi] as number;
	}
	return (wi << 5) | (31 - Math.clz32(bits & -bits));
}

/**
 * The sweep's loop: one entry at a time, the next entry's cost and arc range read ahead. `top` entries are queued (the seeds); `cur` is the lowest seed's bucket.
 * Returns the sum of the values read ahead (for {@link SweepWorkspace.readAhead}).
 */
function entryLoop(
	net: ProfileNetwork,
	st: SweepState,
	ws: SweepWorkspace,
	scale: number,
	mask: number,
	cur: number,
	top: number,
): number {
	const { offsets } = net.graph;
	const { arcCostS, arcInfo, edgeExtraM } = net;
	const { cost, tag, extra } = st;
	const { heads, occupied: occ, settled } = ws;
	const wordMask = ((mask + 1) >> 5) - 1;
	let ent = ws.entries;
	let queued = top;
	let ahead = 0;
	while (queued > 0) {
		let h = cur & mask;
		let k = heads[h] as number;
		if (k === -1) {
			const nh = nextOccupied(occ, h, wordMask);
			cur += (nh - h) & mask;
			h = nh;
			k = heads[h] as number;
		}
		const next = ent[2 * k + 1] as number;
		heads[h] = next;
		if (next === -1) occ[h >> 5]! &= ~(1 << (h & 31));
		else {
			// read the next node's cost and arc range ahead: its cache misses overlap this node's work
			const u2 = ent[2 * next] as number;
			ahead += (cost[u2] as number) + (offsets[u2] as number);
		}
		queued--;
		const u = ent[2 * k] as number;
		const bit = 1 << (u & 31);
		if (((settled[u >> 5] as number) & bit) !== 0) continue; // stale: u was expanded since
		settled[u >> 5]! |= bit;
		const c = cost[u] as number;
		const tu = tag[u] as number;
		const fu = tu & 1;
		const tv0 = tu - fu; // the tag of a node reached from u over a plain, known edge
		const xu = fu === 0 ? 0 : (extra[2 * u] as number);
		const uu = fu === 0 ? 0 : (extra[2 * u + 1] as number);
		const start = offsets[u] as number;
		const end = offsets[u + 1] as number;
		// room for one entry per arc of u
		if (2 * (top + end - start) > ent.length) ent = grow(ws, 2 * (top + end - start));
		for (let a = start; a < end; a++) {
			const nc = c + (arcCostS[2 * a] as number);
			const v = arcInfo[4 * a + 2] as number;
			const cv = cost[v] as number;
			if (nc < cv || (nc === cv && nc < Infinity && tieBeatsVia(st, v, tu >> 1, uu, xu, net, a))) {
				const info = arcInfo[4 * a + 3] as number;
				cost[v] = nc;
				if (fu === 0 && info <= EDGE_MASK) tag[v] = tv0;
				else {
					const e = info & EDGE_MASK;
					extra[2 * v] = xu + (edgeExtraM[2 * e] as number);
					extra[2 * v + 1] = uu + (edgeExtraM[2 * e + 1] as number);
					tag[v] = tv0 + 1;
				}
				// a settled v improves only inside this bucket (an edge under a bucket): expand it again
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
	return ahead;
}

/**
 * Seeds all `sources` into `st`; returns the nodes seeded (for {@link sweepFrom}).
 */
export function seedSources(
	net: ProfileNetwork,
	st: SweepState,
	sources: Iterable<SweepSource>,
): number[] {
	const seeds: number[] = [];
	for (const s of sources) seedEnds(net, st, s, (node) => seeds.push(node));
	return seeds;
}

/**
 * One multi-source sweep from all `sources`.
 *
 * @param ws reusable queue arrays; `into` a state to reuse (cleared first) instead of a new one.
 * @example const st = multiSourceSweep(net, places.map((snap, i) => ({ snap, label: i })));
 */
export function multiSourceSweep(
	net: ProfileNetwork,
	sources: readonly SweepSource[],
	ws?: SweepWorkspace,
	into?: SweepState,
): SweepState {
	let st = into;
	if (st && (st.nodeCount !== net.graph.nodeCount || st.speedMps !== net.speedMps)) {
		throw new Error('multiSourceSweep: the state to reuse is for another graph or profile');
	}
	if (st) st.clear();
	else st = emptySweepState(net);
	sweepFrom(net, st, seedSources(net, st, sources), ws);
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
 * Ties go to the smaller label, as in the sweep.
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
	const ex = net.edgeExtraM[2 * e] as number;
	let bestX = Infinity;
	for (let k = 0; k < 2; k++) {
		const node = (k === 0 ? g.edgeFrom[e] : g.edgeTo[e]) as number;
		const f = k === 0 ? snap.t : 1 - snap.t;
		const c = st.costS(node) + f * w;
		const u = st.unknownM(node) + (unk ? f * len : 0);
		const x = st.extraM(node) + f * ex;
		if (beats(c, st.label(node), u, x, best.costS, best.label, best.unknownM, bestX)) {
			best = { costS: c, distanceM: st.distM(node) + f * len, unknownM: u, label: st.label(node) };
			bestX = x;
		}
	}
	if (sameEdge) {
		for (const s of sameEdge) {
			const df = Math.abs(s.snap.t - snap.t);
			const c = s.snap.accessM / net.speedMps + df * w;
			const u = unk ? df * len : 0;
			if (beats(c, s.label, u, df * ex, best.costS, best.label, best.unknownM, bestX)) {
				best = { costS: c, distanceM: s.snap.accessM + df * len, unknownM: u, label: s.label };
				bestX = df * ex;
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
