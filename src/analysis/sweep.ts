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
 * plain, known stretches (all of them for walking) touches only cost and tag. A sweep adds, in
 * its workspace, a bit per node and band queued (a ring of at most 64 band bitmaps, in practice
 * 4 to 16), a bit per node for ties and one for seeds.
 *
 * Two ways of ordering the work over the same labels and the same rule:
 * - the full sweep ({@link sweepFrom}, {@link multiSourceSweep}) works in bands of
 *   {@link BAND_M} metres walked at the profile's plain speed (a limited stretch counts its extra
 *   cost as extra metres): band b holds the nodes whose cost lies in [b, b + 1) bands, kept as a
 *   bitmap over node numbers and worked in node order (the bundle's Hilbert order), pass after
 *   pass until no node of the band improves. Bands only order the work: every label keeps its
 *   exact Float64 cost, and where a relaxation ties exactly with a node's cost the band's labels
 *   are made exact once its costs are final, so the labels are exactly those of a binary-heap
 *   Dijkstra (see {@link sweepFrom});
 * - the incremental what-if edits ({@link relax}) use a FlatQueue binary heap (few nodes, seeds
 *   of any cost).
 *
 * The rule (both queues, seeds and origins alike): labels compare by cost, then (on equal cost) by
 * place label, then by metres on unknown data, then by extra metres (the smaller wins each time;
 * a path of equal time with fewer limited stretches is the longer one). A label replaces another
 * only when it compares smaller. Every comparison after the cost happens only on exactly equal
 * costs. With that rule each node's label is the best over its tight paths (those whose every arc
 * ends exactly at the next node's final cost), whatever the order in which nodes with final
 * costs are worked, so an incremental edit gives exactly what a recompute gives, ties included.
 * (Work on costs that are not final yet can pass on a label over a path that is not tight; with
 * rounding, such a path can end at exactly the final cost one arc later and its label would stay.
 * The band sweep works nodes before their costs are final and repairs exactly those cases.)
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

/**
 * Whether node v's label is exactly the one it would get over arc `a` from a node whose tag is
 * `tv0 + fu` (flag `fu`) with extra metres `xu` and unknown metres `uu`.
 */
function sameVia(
	st: SweepState,
	v: number,
	tv0: number,
	fu: number,
	xu: number,
	uu: number,
	net: ProfileNetwork,
	a: number,
): boolean {
	const info = net.arcInfo[4 * a + 3] as number;
	const tv = st.tag[v] as number;
	if (fu === 0 && info <= EDGE_MASK) return tv === tv0;
	const e = info & EDGE_MASK;
	return (
		tv === tv0 + 1 &&
		st.extra[2 * v] === xu + (net.edgeExtraM[2 * e] as number) &&
		st.extra[2 * v + 1] === uu + (net.edgeExtraM[2 * e + 1] as number)
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

/** Width of a band in metres walked at the profile's plain speed (see {@link sweepFrom}). */
export const BAND_M = 200;
/** Most bands queued at once (a power of two); beyond it the bands widen. */
const MAX_SLOTS = 64;
/** An empty slot's first word (its last is -1). */
const NO_WORD = 0x7fffffff;

/**
 * Reusable arrays of the band sweep: a ring of band bitmaps (bit n of slot s set when node n waits
 * in the band of that slot), and per slot the first and last word that may hold bits. A finished
 * sweep leaves every bitmap empty, ready for the next.
 */
export class SweepWorkspace {
	/** Words of one bitmap: one bit per node. */
	words: number;
	/** Slot s is words [s × words, (s + 1) × words). */
	ring: Int32Array = new Int32Array(0);
	/** First word of each slot that may hold bits ({@link NO_WORD} when empty). */
	readonly lo = new Int32Array(MAX_SLOTS).fill(NO_WORD);
	/** Last word of each slot that may hold bits (-1 when empty). */
	readonly hi = new Int32Array(MAX_SLOTS).fill(-1);
	/** Nodes where a relaxation tied with their cost, whose band is still to be made exact. */
	tied: number[] = [];
	/** Bit n set when node n is in {@link tied} (or in the band being made exact). */
	tiedBits: Int32Array;
	/** Bit n set when node n is a seed of the sweep running (empty between sweeps). */
	seedBits: Int32Array;
	/** The seeds of the sweep running, in order: their nodes ({@link seedCount} of them). */
	seedNodes = new Int32Array(64);
	/** Seed k's label as seeded: [4k] cost, [4k + 1] tag, [4k + 2] extra, [4k + 3] unknown metres. */
	seedLabels = new Float64Array(256);
	seedCount = 0;
	/** Width of a band in metres at the profile's plain speed ({@link BAND_M}). */
	bandM = BAND_M;
	/**
	 * Nodes worked by the last sweep, a node counted once per time it was worked (a node improved
	 * inside its band after it was worked is worked again).
	 */
	worked = 0;
	/** Labels the last sweep's tie repairs changed ({@link repairBand}). */
	repaired = 0;
	/** The sum of what a small graph's preload read, written here so that the reads are kept. */
	readAhead = 0;

	constructor(nodeCount: number) {
		this.words = (nodeCount + 31) >> 5;
		this.tiedBits = new Int32Array(this.words);
		this.seedBits = new Int32Array(this.words);
	}
}

/**
 * Runs the sweep from `seeds` (nodes whose labels in `st` are already set, e.g. by
 * {@link seedSources}) until every reachable node is labelled, improving `st` in place. Exact: see
 * the module comment.
 *
 * The work is ordered in bands, not node by node: band b holds the nodes whose cost lies in
 * [b, b + 1) × {@link BAND_M} metres walked at the profile's plain speed. Each band is a bitmap
 * over node numbers, and the nodes of the band being worked are taken in node order (the bundle's
 * Hilbert order: nodes close in number lie close on the map and in memory), pass after pass until
 * no node of the band improves (a node improved by another node of its band after it was worked
 * is worked again: label correcting inside a band). A node improved into a later band sets its
 * bit there; a bit whose node has since improved into an earlier band is skipped (its cost says
 * which band it is in). The labels are the one least fixpoint of the graph whatever the order of
 * work (module comment), so they are exactly a binary-heap Dijkstra's.
 *
 * Why: a sweep waits on memory, not on arithmetic. A heap or a bucket of one decimetre settles
 * nodes in cost order, which jumps across the whole graph (every source's front at once): the
 * same relaxations replayed in node order run ~4× faster than in cost order. A band of 200 m
 * worked in node order reads the arcs and costs of neighbouring nodes together, and needs no
 * queue entries at all (a bit per node and band). On the 1 M-edge bench graph 10 % of the nodes
 * are worked twice (8 % with bands of 150 m, 46 % with 400 m, 0 with 50 m).
 *
 * @param seeds nodes to start from (repeats are fine); their labels must be set in `st`, and every
 *   other node of `st` unreachable (as {@link seedSources} leaves a cleared state): the tie
 *   repair restores seeds, and only seeds, to the labels they started with.
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
	// a queued node's band lies within [current band, current band + span × scale + 1]
	const span = Math.max(hi - lo, net.maxEdgeCostS);
	let scale = net.speedMps / ws.bandM; // bands per second
	let slots = 4;
	while (slots < span * scale + 3 && slots < MAX_SLOTS) slots *= 2;
	if (span * scale + 3 > slots) scale = (slots - 3) / span;
	const words = (st.nodeCount + 31) >> 5;
	if (ws.words !== words) {
		ws.words = words;
		ws.ring = new Int32Array(slots * words);
		ws.tiedBits = new Int32Array(words);
		ws.seedBits = new Int32Array(words);
	} else if (ws.ring.length < slots * words) ws.ring = new Int32Array(slots * words);
	const { ring, lo: first, hi: last, seedBits } = ws;
	ws.tied.length = 0;
	ws.repaired = 0;
	if (ws.seedNodes.length < seeds.length) {
		ws.seedNodes = new Int32Array(seeds.length);
		ws.seedLabels = new Float64Array(4 * seeds.length);
	}
	const { seedNodes, seedLabels } = ws;
	ws.seedCount = seeds.length;
	const smask = slots - 1;
	for (let k = 0; k < seeds.length; k++) {
		const s = seeds[k] as number;
		const slot = Math.floor((cost[s] as number) * scale) & smask;
		const w = s >> 5;
		ring[slot * words + w]! |= 1 << (s & 31);
		seedBits[w]! |= 1 << (s & 31);
		seedNodes[k] = s;
		seedLabels[4 * k] = cost[s] as number;
		seedLabels[4 * k + 1] = st.tag[s] as number;
		seedLabels[4 * k + 2] = st.extra[2 * s] as number;
		seedLabels[4 * k + 3] = st.extra[2 * s + 1] as number;
		if (w < (first[slot] as number)) first[slot] = w;
		if (w > (last[slot] as number)) last[slot] = w;
	}
	const pre = st.nodeCount <= PREFETCH_NODES ? preload(net, st, ws, slots * words) : 0;
	// stored here, not in the loop's function: a property write after its hot loop has no type
	// feedback when V8 compiles that loop on stack (OSR), and deoptimised it at the end of sweeps
	ws.worked = bandLoop(net, st, ws, scale, slots, Math.floor(lo * scale));
	ws.readAhead = pre;
	for (let k = 0; k < seeds.length; k++) seedBits[(seeds[k] as number) >> 5] = 0;
	if (ws.tied.length > 0) throw new Error('sweepFrom: a tied node was left unrepaired');
}

/** Graphs of at most this many nodes are read in whole, in order, before their sweep (preload). */
const PREFETCH_NODES = 1 << 15;

/**
 * Reads one value per cache line of what a sweep of a small graph touches (arc records, offsets,
 * costs, tags, the band bitmaps), in address order: the hardware prefetcher streams them into the cache at memory
 * bandwidth, where the sweep itself would wait on each line in turn. Matters when the job runs
 * cold (after the core slept, or others ran).
 */
function preload(
	net: ProfileNetwork,
	st: SweepState,
	ws: SweepWorkspace,
	ringWords: number,
): number {
	let sum = 0;
	const { arcCostS } = net;
	for (let i = 0; i < arcCostS.length; i += 8) sum += arcCostS[i] as number;
	const { offsets } = net.graph;
	for (let i = 0; i < offsets.length; i += 16) sum += offsets[i] as number;
	const { cost, tag } = st;
	for (let i = 0; i < cost.length; i += 8) sum += cost[i] as number;
	for (let i = 0; i < tag.length; i += 16) sum += tag[i] as number;
	const { ring, tiedBits } = ws;
	for (let i = 0; i < ringWords; i += 16) sum += ring[i] as number;
	for (let i = 0; i < tiedBits.length; i += 16) sum += tiedBits[i] as number;
	return sum;
}

/**
 * The sweep's loop over bands from band `band` (the lowest seed's) until `slots` bands in a row
 * are empty (then every slot is). Each band in two steps:
 * 1. the band's nodes in node order, pass after pass, each relaxing its arcs with the rule (cost,
 *    then label), until no node of the band improves. Then every cost of the band is final.
 * 2. where costs tied (a relaxation found exactly the cost a node had), the labels of the band are
 *    made exact ({@link repairBand}): a node worked before its cost was final can pass on a label
 *    that a heap never sees, and only where costs tie can such a label stay.
 * Returns the number of nodes worked in step 1.
 */
function bandLoop(
	net: ProfileNetwork,
	st: SweepState,
	ws: SweepWorkspace,
	scale: number,
	slots: number,
	band: number,
): number {
	const { offsets } = net.graph;
	const { arcCostS, arcInfo, edgeExtraM } = net;
	const { cost, tag, extra } = st;
	const { ring, lo: first, hi: last, words, tiedBits } = ws;
	const smask = slots - 1;
	let worked = 0;
	let empty = 0;
	while (empty < slots) {
		const s = band & smask;
		if ((first[s] as number) > (last[s] as number)) {
			empty++;
			band++;
			continue;
		}
		empty = 0;
		const base = s * words;
		// step 1: passes over the band's bitmap until no node of the band improves
		while ((first[s] as number) <= (last[s] as number)) {
			let end = last[s] as number;
			let w = first[s] as number;
			first[s] = NO_WORD;
			last[s] = -1;
			for (; w <= end; w++) {
				let bits = ring[base + w] as number;
				if (bits === 0) continue;
				ring[base + w] = 0;
				while (bits !== 0) {
					const low = bits & -bits;
					bits ^= low;
					const i = 31 - Math.clz32(low);
					const u = (w << 5) | i;
					const c = cost[u] as number;
					if (Math.floor(c * scale) !== band) continue; // stale: u improved into an earlier band
					worked++;
					const tu = tag[u] as number;
					const fu = tu & 1;
					const tv0 = tu - fu; // the tag of a node reached from u over a plain, known edge
					const xu = fu === 0 ? 0 : (extra[2 * u] as number);
					const uu = fu === 0 ? 0 : (extra[2 * u + 1] as number);
					const aEnd = offsets[u + 1] as number;
					for (let a = offsets[u] as number; a < aEnd; a++) {
						const nc = c + (arcCostS[2 * a] as number);
						const v = arcInfo[4 * a + 2] as number;
						const cv = cost[v] as number;
						if (nc >= cv && (nc > cv || nc === Infinity)) continue;
						const vw = v >> 5;
						const vbit = 1 << (v & 31);
						if (nc === cv) {
							// a tie bringing exactly v's label changes nothing (the far end of a seed's
							// edge, seeded through it, is the common case); any other tie: v's label is
							// made exact once its band's costs are final
							if (sameVia(st, v, tv0, fu, xu, uu, net, a)) continue;
							if (((tiedBits[vw] as number) & vbit) === 0) {
								tiedBits[vw]! |= vbit;
								ws.tied.push(v);
							}
							if (!tieBeatsVia(st, v, tu >> 1, uu, xu, net, a)) continue;
						}
						const info = arcInfo[4 * a + 3] as number;
						cost[v] = nc;
						if (fu === 0 && info <= EDGE_MASK) tag[v] = tv0;
						else {
							const e = info & EDGE_MASK;
							extra[2 * v] = xu + (edgeExtraM[2 * e] as number);
							extra[2 * v + 1] = uu + (edgeExtraM[2 * e + 1] as number);
							tag[v] = tv0 + 1;
						}
						const b = Math.floor(nc * scale);
						if (b !== band) {
							// a later band: its slot's bitmap
							const t = b & smask;
							ring[t * words + vw]! |= vbit;
							if (vw < (first[t] as number)) first[t] = vw;
							if (vw > (last[t] as number)) last[t] = vw;
						} else if (vw === w && (v & 31) > i) {
							bits |= vbit; // this band, further on in this word: this pass
						} else if (vw > w) {
							ring[base + vw]! |= vbit; // this band, further on: this pass
							if (vw > end) end = vw;
						} else {
							ring[base + vw]! |= vbit; // this band, behind: the next pass
							if (vw < (first[s] as number)) first[s] = vw;
							if (vw > (last[s] as number)) last[s] = vw;
						}
					}
				}
			}
		}
		if (ws.tied.length > 0) repairBand(net, st, ws, scale, band);
		band++;
	}
	return worked;
}

/**
 * Makes the labels of band `band` exact once its costs are final, where costs tied. A node's label
 * can be wrong only if a relaxation tied with its cost (it then sits in `ws.tied`), or if its
 * label came over a tight arc (neighbour's cost + arc cost = its cost, exactly) from a node whose
 * label was wrong. So: the tied nodes of this band and every node of the band reached from them
 * over tight arcs lose their labels (a seed at its seed cost keeps the seed's), then take, in cost
 * order and again until nothing changes, the best label (the rule after the cost) over their
 * tight arcs. Every other label the pull reads is exact (earlier bands, or untouched by a tie), so
 * each label is the best over the node's tight paths: what a binary-heap Dijkstra leaves. A node
 * whose label changed puts its tight neighbours of later bands in `ws.tied`. Tied nodes of later
 * bands stay in `ws.tied` for their band.
 */
function repairBand(
	net: ProfileNetwork,
	st: SweepState,
	ws: SweepWorkspace,
	scale: number,
	band: number,
): void {
	const { offsets } = net.graph;
	const { arcCostS, arcInfo, edgeExtraM } = net;
	const { cost, tag, extra } = st;
	const { tiedBits, seedBits, seedNodes, seedLabels, seedCount } = ws;
	const tied = ws.tied;
	let mine = 0;
	for (let k = 0; k < tied.length; k++) {
		if (Math.floor((cost[tied[k] as number] as number) * scale) <= band) mine++;
	}
	if (mine === 0) return;
	const later: number[] = [];
	const group: number[] = [];
	for (let k = 0; k < tied.length; k++) {
		const v = tied[k] as number;
		if (Math.floor((cost[v] as number) * scale) > band) later.push(v);
		else group.push(v); // in the group: its bit stays set until the end
	}
	// every node of the band reached over tight arcs from the tied ones
	for (let k = 0; k < group.length; k++) {
		const v = group[k] as number;
		const c = cost[v] as number;
		const aEnd = offsets[v + 1] as number;
		for (let a = offsets[v] as number; a < aEnd; a++) {
			const x = arcInfo[4 * a + 2] as number;
			const cx = cost[x] as number;
			if (c + (arcCostS[2 * a] as number) !== cx || Math.floor(cx * scale) !== band) continue;
			const xbit = 1 << (x & 31);
			if (((tiedBits[x >> 5] as number) & xbit) !== 0) continue;
			tiedBits[x >> 5]! |= xbit;
			group.push(x);
		}
	}
	// in cost order (then node), so that one pass mostly suffices: insertion sort, groups are small
	for (let k = 1; k < group.length; k++) {
		const v = group[k] as number;
		const c = cost[v] as number;
		let j = k - 1;
		for (; j >= 0; j--) {
			const p = group[j] as number;
			const cp = cost[p] as number;
			if (cp < c || (cp === c && p < v)) break;
			group[j + 1] = p;
		}
		group[j + 1] = v;
	}
	const old = new Float64Array(3 * group.length);
	for (let k = 0; k < group.length; k++) {
		const v = group[k] as number;
		old[3 * k] = tag[v] as number;
		old[3 * k + 1] = extra[2 * v] as number;
		old[3 * k + 2] = extra[2 * v + 1] as number;
		tag[v] = -2;
		if (((seedBits[v >> 5] as number) & (1 << (v & 31))) === 0) continue;
		// a seed at its seed cost keeps its seed label (repeats of a node were seeded alike)
		for (let j = 0; j < seedCount; j++) {
			if (seedNodes[j] !== v || seedLabels[4 * j] !== cost[v]) continue;
			tag[v] = seedLabels[4 * j + 1] as number;
			extra[2 * v] = seedLabels[4 * j + 2] as number;
			extra[2 * v + 1] = seedLabels[4 * j + 3] as number;
			break;
		}
	}
	let changed = true;
	while (changed) {
		changed = false;
		for (const v of group) {
			const c = cost[v] as number;
			const t0 = tag[v] as number;
			let bt = t0;
			let bu = (t0 & 1) === 0 ? 0 : (extra[2 * v + 1] as number);
			let bx = (t0 & 1) === 0 ? 0 : (extra[2 * v] as number);
			const aEnd = offsets[v + 1] as number;
			for (let a = offsets[v] as number; a < aEnd; a++) {
				const u = arcInfo[4 * a + 2] as number;
				const tu = tag[u] as number;
				if (tu === -2 || (cost[u] as number) + (arcCostS[2 * a] as number) !== c) continue;
				const info = arcInfo[4 * a + 3] as number;
				const lu = tu >> 1;
				let cu = 0;
				let cx = 0;
				let ct = tu & -2;
				if ((tu & 1) !== 0 || info > EDGE_MASK) {
					const e = info & EDGE_MASK;
					const fu = tu & 1;
					cx = (fu === 0 ? 0 : (extra[2 * u] as number)) + (edgeExtraM[2 * e] as number);
					cu = (fu === 0 ? 0 : (extra[2 * u + 1] as number)) + (edgeExtraM[2 * e + 1] as number);
					ct += 1;
				}
				const lb = bt >> 1;
				if (bt === -2 || lu < lb || (lu === lb && (cu < bu || (cu === bu && cx < bx)))) {
					bt = ct;
					bu = cu;
					bx = cx;
				}
			}
			if (bt === t0 && ((bt & 1) === 0 || (bu === extra[2 * v + 1] && bx === extra[2 * v])))
				continue;
			changed = true;
			tag[v] = bt;
			if ((bt & 1) !== 0) {
				extra[2 * v] = bx;
				extra[2 * v + 1] = bu;
			}
		}
	}
	// a changed label reaches the tight neighbours of later bands, which then need the same
	for (let k = 0; k < group.length; k++) {
		const v = group[k] as number;
		tiedBits[v >> 5]! &= ~(1 << (v & 31));
		const t0 = old[3 * k] as number;
		const x0 = old[3 * k + 1] as number;
		const u0 = old[3 * k + 2] as number;
		const t = tag[v] as number;
		if (t === t0 && ((t & 1) === 0 || (x0 === extra[2 * v] && u0 === extra[2 * v + 1]))) continue;
		ws.repaired++;
		const c = cost[v] as number;
		const aEnd = offsets[v + 1] as number;
		for (let a = offsets[v] as number; a < aEnd; a++) {
			const x = arcInfo[4 * a + 2] as number;
			const cx = cost[x] as number;
			if (c + (arcCostS[2 * a] as number) !== cx || Math.floor(cx * scale) === band) continue;
			const xbit = 1 << (x & 31);
			if (((tiedBits[x >> 5] as number) & xbit) !== 0) continue;
			tiedBits[x >> 5]! |= xbit;
			later.push(x);
		}
	}
	ws.tied = later;
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
