/**
 * Which fix helps most: every edge a profile cannot use (impassable for it, or unknown in cautious
 * mode: a barrier, steps, a kerb, a missing survey) ranked by the residents (and 65+) who would
 * come within the norm of a category's nearest place if that edge became passable for the profile
 * (plain cost, known data).
 *
 * Two kinds of fix, ranked apart ({@link FixKind}): a stretch a physical barrier holds back needs
 * building works; one held back only by what the data do not know needs measuring first. The kind
 * is the engine's own classification of the edge for the profile (its status, from its reasons),
 * never the text shown for it.
 *
 * Exact for the network it uses: each gain equals a full recomputation with that one edge made
 * passable ({@link gainByRecompute}, the reference the tests compare with). The search is
 * incremental:
 * - **Candidates only where they can change someone's path**: opening edge (u, v) changes the
 *   coverage only if one end's label improves through the other (cost(u) + w beats v's label, by
 *   the engine's rule), or an origin would snap onto it (it is nearer than the origin's current
 *   way), or a place of the category would. Every other edge has gain 0 and costs two label reads
 *   and one box query of origins.
 * - **What-if on the labels**: a heap Dijkstra from the improved end over the run's node labels,
 *   pushing only nodes it strictly improves (as `CoverageRun.addPlace`), then only the origins on
 *   edges touching those nodes (and those that snap onto the opened edge) are evaluated again. The
 *   nodes touched are restored from the run's labels afterwards, so the next candidate starts
 *   from the same run.
 * - A candidate onto which a place of the category would snap moves that place: it gets one full
 *   sweep with the edge open and every origin evaluated (rare: a place right beside a barrier);
 *   the origins' snaps are reused (only those onto the edge change).
 */
import FlatQueue from 'flatqueue';
import KDBush from 'kdbush';
import type { AnalysisBundle } from './bundle.ts';
import { AnalysisEngine, type CoverageRun } from './engine.ts';
import { bboxOfPositions, metresPerDegree } from './geo.ts';
import type { ProfileNetwork } from './network.ts';
import { reasonsFromMask, unknownFromMask } from './profiles.ts';
import {
	PROFILES,
	PROFILE_IDS,
	WAY_STATUS_CODES,
	type ProfileId,
	type ReasonCode,
	type UnknownAttribute,
	type UnknownMode,
	type WayStatus,
} from '../contracts/profiles.ts';
import { edgeCoordinates, type Snap } from './snap.ts';
import { wayOfEdge } from './way-names.ts';
import {
	SweepState,
	beats,
	evaluateSnap,
	relax,
	seedSources,
	sweepFrom,
	type SweepSource,
} from './sweep.ts';

/**
 * What a fix asks for, from the edge's classification for the profile (`classifyEdgeInto`, whose
 * precedence is impassable > unknown):
 * - `build`: a physical barrier blocks the profile (steps, a raised kerb, a steep incline, a rough
 *   surface, a narrow passage, a blocking barrier, `wheelchair=no`): something must be built or
 *   adapted. An edge with such a barrier and unknown data too is a `build` fix: measuring alone
 *   would not open it.
 * - `survey`: nothing the data know blocks it, only attributes they lack (kerb height, surface,
 *   width: cautious mode counts them unusable): measuring or mapping it may be enough.
 */
export type FixKind = 'build' | 'survey';

/** The kinds in the order the lists show them. */
export const FIX_KINDS: readonly FixKind[] = ['build', 'survey'];

/**
 * The kind of fix an edge a profile cannot use asks for, from its status code for the profile:
 * impassable → build, unknown → survey.
 *
 * @example fixKindOf(WAY_STATUS_CODES.unknown) // 'survey'
 */
export function fixKindOf(statusCode: number): FixKind {
	return statusCode === WAY_STATUS_CODES.unknown ? 'survey' : 'build';
}

/** What to rank fixes for. */
export interface FixOptions {
	categoryId: string;
	profile: ProfileId;
	/** Cautious (default): unknown edges are unusable, so surveying one is a fix. */
	unknownMode?: UnknownMode;
	/** The norm in metres (path length to the nearest place). */
	normM: number;
	/** How many fixes to return of each kind (default 10). */
	limit?: number;
}

/** Residents newly within the norm if an edge became passable. */
export interface FixGain {
	residents: number;
	residents65: number;
	residents80: number;
	/** Origins whose distance or place changed. */
	changedOrigins: number;
}

/** One ranked fix. */
export interface Fix extends FixGain {
	edge: number;
	/** Build or survey first ({@link FixKind}). */
	kind: FixKind;
	/** Its place in its kind's ranking, from 1. */
	rank: number;
	wayId: string;
	/** The way's street name ('' when it has none: say the way id). */
	wayName: string;
	/** Where the way has no name: the nearest named way it leads to ('' when none; way-names.ts). */
	nearName: string;
	lengthM: number;
	/** The edge's status for the profile now (impassable, or unknown). */
	status: WayStatus;
	reasons: ReasonCode[];
	unknown: UnknownAttribute[];
	/** The edge's line, [lng, lat] degrees. */
	coordinates: [number, number][];
	/** Midpoint of the line (for a label on the map). */
	at: [number, number];
}

/** The ranking and what the search did. */
export interface FixRanking {
	/** The `build` fixes ranked, then the `survey` fixes ranked (at most `limit` of each). */
	fixes: Fix[];
	/** Edges the profile cannot use (the candidates). */
	candidates: number;
	/** Per kind: its candidates and those with a gain. */
	byKind: Record<FixKind, { candidates: number; withGain: number }>;
	/** Candidates that could change something and were computed. */
	evaluated: number;
	/** Of those, computed by a full recomputation (a place would snap onto them). */
	recomputed: number;
	/** Candidates with a gain > 0. */
	withGain: number;
	elapsedMs: number;
}

const STATUS_NAMES: WayStatus[] = ['passable', 'limited', 'impassable', 'unknown'];

/**
 * Counts the origins a change moves across the norm, as the coverage table counts them: an origin
 * is within the norm when it has a figure (its run's reason is 0, `CoverageResult.originReason`)
 * and its distance is within the norm. Opening an edge can give an origin with no usable way
 * within the access limit for the profile (nothing reachable, Infinity) a way, and with it a
 * distance — a gain the table shows too. Each side's reasons are given apart (a recomputation has
 * its own).
 */
function gainOf(
	bundle: AnalysisBundle,
	origins: Iterable<number>,
	before: (i: number) => number,
	after: (i: number) => number,
	reasonBefore: (i: number) => number,
	reasonAfter: (i: number) => number,
	normM: number,
): FixGain {
	const o = bundle.origins;
	const g: FixGain = { residents: 0, residents65: 0, residents80: 0, changedOrigins: 0 };
	for (const i of origins) {
		const b = before(i);
		const a = after(i);
		if (a !== b) g.changedOrigins++;
		const was = reasonBefore(i) === 0 && b <= normM;
		const now = reasonAfter(i) === 0 && a <= normM;
		if (now === was) continue;
		const s = now ? 1 : -1;
		g.residents += s * (o.residents[i] as number);
		g.residents65 += s * (o.residents65[i] as number);
		g.residents80 += s * (o.residents80[i] as number);
	}
	return g;
}

/** A copy of the bundle in which edge `e` is passable (known, no reason) for the profile. */
export function bundleWithEdgeOpen(
	bundle: AnalysisBundle,
	profile: ProfileId,
	e: number,
): AnalysisBundle {
	const g = bundle.graph;
	const k = PROFILE_IDS.indexOf(profile) * g.edgeCount + e;
	const statuses = g.statuses.slice();
	const reasons = g.reasons.slice();
	const unknowns = g.unknowns.slice();
	statuses[k] = WAY_STATUS_CODES.passable;
	reasons[k] = 0;
	unknowns[k] = 0;
	return { ...bundle, graph: { ...g, statuses, reasons, unknowns } };
}

/**
 * The reference: the gain of opening edge `e`, by a full recomputation on a bundle where it is
 * passable (a new engine: every origin and place snapped again, one full sweep).
 */
export function gainByRecompute(
	engine: AnalysisEngine,
	options: FixOptions,
	e: number,
	base?: CoverageRun,
): FixGain {
	const mode = options.unknownMode ?? 'cautious';
	const run =
		base ??
		engine.coverage({
			categoryId: options.categoryId,
			profile: options.profile,
			unknownMode: mode,
		});
	const other = new AnalysisEngine(bundleWithEdgeOpen(engine.bundle, options.profile, e), {
		maxAccessM: engine.maxAccessM,
	});
	const after = other.coverage({
		categoryId: options.categoryId,
		profile: options.profile,
		unknownMode: mode,
	});
	const all = Array.from({ length: engine.bundle.origins.count }, (_, i) => i);
	const gain = gainOf(
		engine.bundle,
		all,
		(i) => run.result.distanceM[i] as number,
		(i) => after.result.distanceM[i] as number,
		(i) => run.result.originReason[i] as number,
		(i) => after.result.originReason[i] as number,
		options.normM,
	);
	return gain;
}

/** A private copy of a network's arrays that the search can open edges in and restore. */
function mutableNet(net: ProfileNetwork): ProfileNetwork {
	const buffer = (net.arcCostS.buffer as ArrayBuffer).slice(0);
	return {
		...net,
		edgeCostS: net.edgeCostS.slice(),
		edgeUnknown: net.edgeUnknown.slice(),
		edgeExtraM: net.edgeExtraM.slice(),
		edgeHasExtra: net.edgeHasExtra.slice(),
		arcCostS: new Float64Array(buffer),
		arcInfo: new Uint32Array(buffer),
	};
}

/** Sets edge e's values in `net` (cost, unknown, extra, its two arc records). */
function setEdge(
	net: ProfileNetwork,
	e: number,
	cost: number,
	unknown: number,
	extra: number,
	unknownM: number,
): void {
	const g = net.graph;
	net.edgeCostS[e] = cost;
	net.edgeUnknown[e] = unknown;
	net.edgeExtraM[2 * e] = extra;
	net.edgeExtraM[2 * e + 1] = unknownM;
	const has = extra !== 0 || unknownM !== 0 ? 1 : 0;
	net.edgeHasExtra[e] = has;
	for (const n of [g.edgeFrom[e] as number, g.edgeTo[e] as number]) {
		for (let a = g.offsets[n] as number; a < (g.offsets[n + 1] as number); a++) {
			if (g.arcEdges[a] !== e) continue;
			net.arcCostS[2 * a] = cost;
			net.arcInfo[4 * a + 3] = (e | (has ? 0x80000000 : 0)) >>> 0;
		}
	}
}

/** Whether snapping onto edge `e` at `s` beats the current snap `cur` (the snap's own rule). */
function snapsOnto(s: Snap, e: number, cur: Snap | undefined, maxAccessM: number): boolean {
	if (s.accessM > maxAccessM) return false;
	if (!cur) return true;
	return s.accessM < cur.accessM || (s.accessM === cur.accessM && e < cur.edge);
}

/**
 * Ranks the edges the profile cannot use by the residents who would come within the norm if that
 * one edge became passable, greatest gain first (then 65+, then the edge's index); only fixes with
 * a gain. Each kind ({@link FixKind}) is ranked on its own, 1..n, at most `limit` of each: the
 * `build` fixes first in `fixes`, then the `survey` fixes.
 *
 * @example rankFixes(engine, { categoryId: 'pharmacy', profile: 'wheelchair', normM: 1000 }).fixes[0].residents
 */
export function rankFixes(engine: AnalysisEngine, options: FixOptions): FixRanking {
	const t0 = performance.now();
	if (!(options.normM > 0)) throw new Error(`normM must be > 0 m, got ${options.normM}`);
	const limit = options.limit ?? 10;
	if (!(Number.isInteger(limit) && limit >= 1))
		throw new Error(`limit must be a whole number ≥ 1, got ${limit}`);
	const mode = options.unknownMode ?? 'cautious';
	const { profile, categoryId, normM } = options;
	const run = engine.coverage({ categoryId, profile, unknownMode: mode });
	const base = run.net;
	const g = engine.graph;
	const bundle = engine.bundle;
	const E = g.edgeCount;
	const walking = engine.network('walking', 'optimistic');
	const net = mutableNet(base);
	const speed = PROFILES[profile].speedMps;

	// working labels: a copy of the run's, restored node by node after each candidate
	const st = new SweepState(g.nodeCount, base.speedMps);
	st.copyFrom(run.state);
	const ref = run.state;
	const restore = (n: number): void => st.copyNode(ref, n);

	// origins by position, for the ones that would snap onto an opened edge
	const o = bundle.origins;
	const oIndex = new KDBush(Math.max(1, o.count), 64, Float64Array);
	for (let i = 0; i < o.count; i++)
		oIndex.add(o.lngLat[2 * i] as number, o.lngLat[2 * i + 1] as number);
	if (o.count === 0) oIndex.add(0, 0);
	oIndex.finish();
	const snaps = run.snaps;
	const snapOf = (i: number): Snap | undefined =>
		snaps.edge[i] === -1
			? undefined
			: {
					edge: snaps.edge[i] as number,
					t: snaps.t[i] as number,
					accessM: snaps.accessM[i] as number,
					lng: 0,
					lat: 0,
				};
	const places = engine.placesOf(categoryId);
	const index = engine.edgeIndex;
	const maxAccessM = engine.maxAccessM;

	/**
	 * A place would snap onto edge e (so it moves): one full sweep over the network with e open,
	 * every place snapped as it would be, every origin evaluated (origins in `moved` on e).
	 */
	const full = new SweepState(g.nodeCount, base.speedMps);
	const sweepWithEdgeOpen = (e: number, w: number, moved: Map<number, Snap>): FixGain => {
		setEdge(net, e, w, 0, 0, 0);
		const sources: SweepSource[] = [];
		const onEdge = new Map<number, SweepSource[]>();
		for (const p of places) {
			const cur = engine.placeSnap(p, profile, mode);
			const s = index.project(
				bundle.places.lngLat[2 * p] as number,
				bundle.places.lngLat[2 * p + 1] as number,
				e,
			);
			const snap = snapsOnto(s, e, cur, maxAccessM) ? s : cur;
			if (!snap) continue;
			const src = { snap, label: p };
			sources.push(src);
			const list = onEdge.get(snap.edge);
			if (list) list.push(src);
			else onEdge.set(snap.edge, [src]);
		}
		full.clear();
		sweepFrom(net, full, seedSources(net, full, sources), engine.workspace);
		const all: number[] = [];
		const after = new Float64Array(o.count);
		for (let i = 0; i < o.count; i++) {
			all.push(i);
			const s = moved.get(i) ?? snapOf(i);
			after[i] = s ? evaluateSnap(net, full, s, onEdge.get(s.edge)).distanceM : Infinity;
		}
		setEdge(
			net,
			e,
			base.edgeCostS[e] as number,
			base.edgeUnknown[e] as number,
			base.edgeExtraM[2 * e] as number,
			base.edgeExtraM[2 * e + 1] as number,
		);
		return gainOf(
			bundle,
			all,
			(i) => run.result.distanceM[i] as number,
			(i) => after[i] as number,
			(i) => run.result.originReason[i] as number,
			(i) => run.result.originReason[i] as number,
			normM,
		);
	};

	const q = new FlatQueue<number>();
	const touched: number[] = [];
	const affected = new Set<number>();
	const newSnaps = new Map<number, Snap>();
	const scored: { e: number; gain: FixGain }[] = [];
	const pi = PROFILE_IDS.indexOf(profile);
	const byKind: FixRanking['byKind'] = {
		build: { candidates: 0, withGain: 0 },
		survey: { candidates: 0, withGain: 0 },
	};
	let candidates = 0;
	let evaluated = 0;
	let recomputed = 0;

	for (let e = 0; e < E; e++) {
		if ((base.edgeCostS[e] as number) < Infinity) continue;
		// a way walkers cannot use either is not a fix of accessibility
		if ((walking.edgeCostS[e] as number) === Infinity) continue;
		candidates++;
		byKind[fixKindOf(g.statuses[pi * E + e] as number)].candidates++;
		const w = (g.lengthsM[e] as number) / speed;
		const u = g.edgeFrom[e] as number;
		const v = g.edgeTo[e] as number;
		const improvesV = beats(
			ref.costS(u) + w,
			ref.label(u),
			ref.unknownM(u),
			ref.extraM(u),
			ref.costS(v),
			ref.label(v),
			ref.unknownM(v),
			ref.extraM(v),
		);
		const improvesU = beats(
			ref.costS(v) + w,
			ref.label(v),
			ref.unknownM(v),
			ref.extraM(v),
			ref.costS(u),
			ref.label(u),
			ref.unknownM(u),
			ref.extraM(u),
		);
		// origins that would snap onto the opened edge
		newSnaps.clear();
		const [w0, s0, e0, n0] = bboxOfPositions(edgeCoordinates(g, e));
		const { kx, ky } = metresPerDegree((s0 + n0) / 2);
		const pad = maxAccessM + 1;
		for (const i of oIndex.range(w0 - pad / kx, s0 - pad / ky, e0 + pad / kx, n0 + pad / ky)) {
			if (i >= o.count) continue;
			const x = o.lngLat[2 * i] as number;
			const y = o.lngLat[2 * i + 1] as number;
			// the edge's box is farther than the origin's way (1 m slack for the plane): no snap
			const cur = snapOf(i);
			const bx = Math.max(w0 - x, 0, x - e0) * kx;
			const by = Math.max(s0 - y, 0, y - n0) * ky;
			if (cur && Math.hypot(bx, by) > cur.accessM + 1) continue;
			const s = index.project(x, y, e);
			if (snapsOnto(s, e, cur, maxAccessM)) newSnaps.set(i, s);
		}
		if (!improvesU && !improvesV && newSnaps.size === 0) continue;
		evaluated++;
		// a place that would snap onto it moves: recompute whole
		const placeMoves = places.some((p) => {
			const s = index.project(
				bundle.places.lngLat[2 * p] as number,
				bundle.places.lngLat[2 * p + 1] as number,
				e,
			);
			return snapsOnto(s, e, engine.placeSnap(p, profile, mode), maxAccessM);
		});
		if (placeMoves) {
			recomputed++;
			const gain = sweepWithEdgeOpen(e, w, newSnaps);
			if (gain.residents > 0 || gain.residents65 > 0) scored.push({ e, gain });
			continue;
		}
		// open it, relax from the improved ends, evaluate the origins around the nodes touched
		setEdge(net, e, w, 0, 0, 0);
		touched.length = 0;
		q.clear();
		if (improvesV) {
			st.set(v, ref.costS(u) + w, ref.label(u), ref.extraM(u), ref.unknownM(u));
			q.push(v, st.costS(v));
		}
		if (improvesU) {
			st.set(u, ref.costS(v) + w, ref.label(v), ref.extraM(v), ref.unknownM(v));
			q.push(u, st.costS(u));
		}
		relax(net, st, q, Infinity, touched);
		if (improvesU) touched.push(u);
		if (improvesV) touched.push(v);
		affected.clear();
		for (const i of newSnaps.keys()) affected.add(i);
		for (const n of touched) {
			for (let a = g.offsets[n] as number; a < (g.offsets[n + 1] as number); a++) {
				const ed = g.arcEdges[a] as number;
				for (
					let k = snaps.byEdgeOffsets[ed] as number;
					k < (snaps.byEdgeOffsets[ed + 1] as number);
					k++
				)
					affected.add(snaps.byEdge[k] as number);
			}
		}
		const after = new Map<number, number>();
		for (const i of affected) {
			const s = newSnaps.get(i) ?? snapOf(i);
			after.set(i, s ? evaluateSnap(net, st, s, run.sourcesOn(s.edge)).distanceM : Infinity);
		}
		const gain = gainOf(
			bundle,
			affected,
			(i) => run.result.distanceM[i] as number,
			(i) => after.get(i) as number,
			(i) => run.result.originReason[i] as number,
			(i) => run.result.originReason[i] as number,
			normM,
		);
		if (gain.residents > 0 || gain.residents65 > 0) scored.push({ e, gain });
		// restore
		for (const n of touched) restore(n);
		setEdge(
			net,
			e,
			base.edgeCostS[e] as number,
			base.edgeUnknown[e] as number,
			base.edgeExtraM[2 * e] as number,
			base.edgeExtraM[2 * e + 1] as number,
		);
	}

	scored.sort(
		(a, b) =>
			b.gain.residents - a.gain.residents || b.gain.residents65 - a.gain.residents65 || a.e - b.e,
	);
	// each kind ranked on its own: what to build, then what to measure first
	const kindOf = (e: number) => fixKindOf(g.statuses[pi * E + e] as number);
	for (const s of scored) byKind[kindOf(s.e)].withGain++;
	const ranked = FIX_KINDS.flatMap((kind) =>
		scored
			.filter((s) => kindOf(s.e) === kind)
			.slice(0, limit)
			.map((s, r) => ({ ...s, kind, rank: r + 1 })),
	);
	const fixes: Fix[] = ranked.map(({ e, gain, kind, rank }) => {
		const k = pi * E + e;
		const coordinates = edgeCoordinates(g, e);
		const mid = coordinates[Math.floor(coordinates.length / 2)] as [number, number];
		const first = coordinates[0] as [number, number];
		const at: [number, number] =
			coordinates.length === 2 ? [(first[0] + mid[0]) / 2, (first[1] + mid[1]) / 2] : mid;
		return {
			edge: e,
			kind,
			rank,
			...wayOfEdge(g, e),
			lengthM: g.lengthsM[e] as number,
			status: STATUS_NAMES[g.statuses[k] as number] ?? 'impassable',
			reasons: g.reasons[k] === 0 ? [] : reasonsFromMask(g.reasons[k] as number),
			unknown: g.unknowns[k] === 0 ? [] : unknownFromMask(g.unknowns[k] as number),
			coordinates,
			at,
			...gain,
		};
	});
	return {
		fixes,
		candidates,
		byKind,
		evaluated,
		recomputed,
		withGain: scored.length,
		elapsedMs: performance.now() - t0,
	};
}
