/**
 * The gap-analysis engine: for every residential origin, the network distance and walking time to
 * the nearest place of a category for a mobility profile (one multi-source sweep per category and
 * profile), with what-if edits that update only what changes.
 *
 * Every path is: origin → straight access leg → nearest usable edge → network → edge of the place
 * → straight access leg → place. Access legs are walked at the profile's plain speed and count in
 * `distanceM`. A point farther than `maxAccessM` (default 300 m) from any usable edge is not
 * connected (distance Infinity).
 */
import FlatQueue from 'flatqueue';
import type { AnalysisBundle, RoutingGraph } from './bundle.ts';
import { profileNetwork, type ProfileNetwork } from './network.ts';
import {
	personalGraph,
	personalLimitedCostFactor,
	personalSpeedMps,
	type PersonalProfile,
} from './personal-profile.ts';
import { PROFILE_IDS, type ProfileId, type UnknownMode } from '../contracts/profiles.ts';
import { assertLngLat } from './geo.ts';
import { EdgeIndex, type Snap } from './snap.ts';
import {
	beats,
	emptySweepState,
	relax,
	seedSource,
	seedSources,
	sweepFrom,
	SweepWorkspace,
	type SweepSource,
	type SweepState,
} from './sweep.ts';

/** Options shared by the engine's runs. */
export interface EngineOptions {
	/** Longest access leg in metres (default 300). */
	maxAccessM?: number;
	/** Piece length of the snapping index in metres (default 50). */
	snapPieceM?: number;
	/**
	 * A personal profile: its base profile's statuses are re-classified for it
	 * ({@link personalGraph}) and its routing uses the person's speed and limited-cost factor.
	 * Every answer asked for `profile: personal.base` is then the person's.
	 */
	personal?: PersonalProfile;
}

/** Snaps of all origins for one profile and mode, with an edge → origins index. */
export interface OriginSnaps {
	/** Edge of each origin, -1 when not connected. */
	edge: Int32Array;
	t: Float64Array;
	accessM: Float64Array;
	/** Origins on edge `e` are `byEdge[byEdgeOffsets[e] .. byEdgeOffsets[e + 1] - 1]`. */
	byEdgeOffsets: Uint32Array;
	byEdge: Uint32Array;
	/** The edges that have origins, ascending. */
	edgesWithOrigins: Uint32Array;
}

/** What {@link AnalysisEngine.prepare} did: points snapped, filters, distinct filters, CPU ms. */
export interface PrepareInfo {
	points: number;
	filters: number;
	distinctFilters: number;
	ms: number;
	/**
	 * A personal engine ({@link AnalysisEngine.withPersonal}) reuses the built-in snaps: the
	 * origins and places of its base profile (both unknown modes together) it had to snap again,
	 * because their built-in snap's edge is not usable for the person. `points` then counts them.
	 */
	resnapped?: { origins: number; places: number };
}

/** The unknown modes, in the order of {@link SNAP_FILTERS}. */
const UNKNOWN_MODES: readonly UnknownMode[] = ['optimistic', 'cautious'];

/** Every profile × unknown mode: the filters that {@link AnalysisEngine.prepare} snaps for. */
export const SNAP_FILTERS: readonly (readonly [ProfileId, UnknownMode])[] = PROFILE_IDS.flatMap(
	(p) => UNKNOWN_MODES.map((m) => [p, m] as const),
);

/**
 * Origin snaps in columns, with the edge → origins index built from them.
 *
 * @param edge edge of each origin, -1 when not connected.
 */
export function originSnapsOf(
	edgeCount: number,
	edge: Int32Array,
	t: Float64Array,
	accessM: Float64Array,
): OriginSnaps {
	const counts = new Uint32Array(edgeCount + 1);
	for (let i = 0; i < edge.length; i++) {
		const e = edge[i] as number;
		if (e >= 0) counts[e + 1]! += 1;
	}
	const byEdgeOffsets = new Uint32Array(edgeCount + 1);
	let withOrigins = 0;
	for (let e = 0; e < edgeCount; e++) {
		byEdgeOffsets[e + 1] = (byEdgeOffsets[e] as number) + (counts[e + 1] as number);
		if (counts[e + 1] !== 0) withOrigins++;
	}
	const fill = byEdgeOffsets.slice(0, edgeCount);
	const byEdge = new Uint32Array(byEdgeOffsets[edgeCount] as number);
	for (let i = 0; i < edge.length; i++) {
		const e = edge[i] as number;
		if (e < 0) continue;
		byEdge[fill[e] as number] = i;
		fill[e]! += 1;
	}
	const edgesWithOrigins = new Uint32Array(withOrigins);
	for (let e = 0, k = 0; e < edgeCount; e++) if (counts[e + 1] !== 0) edgesWithOrigins[k++] = e;
	return { edge, t, accessM, byEdgeOffsets, byEdge, edgesWithOrigins };
}

/** A place added in a what-if (not in the bundle). */
export interface PlannedPlace {
	id: string;
	/** [lng, lat] in degrees. */
	lngLat: [number, number];
	name?: string;
}

/** What to compute. */
export interface CoverageOptions {
	categoryId: string;
	profile: ProfileId;
	/** How to treat ways whose needed attributes are untagged (default optimistic). */
	unknownMode?: UnknownMode;
	/** Planned places counted as if they existed. */
	extraPlaces?: PlannedPlace[];
	/** Ids of bundle places to leave out. */
	excludePlaceIds?: string[];
}

/** Per-origin results of a coverage run (columns, transferable). */
export interface CoverageResult {
	categoryId: string;
	profile: ProfileId;
	unknownMode: UnknownMode;
	/** Metres along the network path to the nearest place, access legs included; Infinity if none. */
	distanceM: Float64Array;
	/** Seconds of that path for the profile (limited stretches cost extra); Infinity if none. */
	timeS: Float64Array;
	/** Metres of that path on ways whose needed attributes are unknown. */
	unknownM: Float64Array;
	/** Label of the nearest place: index into bundle places, or places.count + k for planned place k; -1 if none. */
	placeLabel: Int32Array;
	/** Number of places of the category that reach the network for this profile. */
	placeCount: number;
	/** Ids of places of the category that are too far from any usable way. */
	unconnectedPlaceIds: string[];
	/**
	 * Why each origin has no figure, as an index into ORIGIN_REASONS (0: it has one): the edge of
	 * the data and the bundle's own reasons ({@link originReasonsOf}).
	 */
	originReason: Uint8Array;
}

/**
 * Each origin's reason for having no figure (ORIGIN_REASONS index): the edge of the data (1), else
 * the bundle's own reason (farther than the access limit from every way, on an isolated fragment).
 * Those are what the data cannot say. An origin the bundle gives a figure but with no way this
 * profile may use within the access limit (a wheelchair among steps, or cautious about untagged
 * ways) has one: nothing is reachable for it (its distance is Infinity), so it counts beyond the
 * norm. A stricter profile or the cautious count never shows fewer residents beyond the norm.
 */
export function originReasonsOf(bundle: AnalysisBundle): Uint8Array {
	const known = reasonsByBundle.get(bundle);
	if (known) return known;
	const o = bundle.origins;
	const out = new Uint8Array(o.count);
	for (let i = 0; i < o.count; i++) out[i] = o.edgeOfData[i] === 1 ? 1 : (o.reason[i] as number);
	reasonsByBundle.set(bundle, out);
	return out;
}

/**
 * The reasons depend only on the bundle: worked out once, not in every coverage job (shared,
 * read-only: whoever sends them elsewhere sends a copy, as the worker does).
 */
const reasonsByBundle = new WeakMap<AnalysisBundle, Uint8Array>();

/**
 * The origins on no edge for a set of snaps (not connected), ascending: a coverage run writes
 * their "no figure" values; every other origin is written by the run's evaluation. Worked out once
 * per snaps, as the reasons are.
 */
function unconnectedOf(snaps: OriginSnaps): Uint32Array {
	const known = unconnectedBySnaps.get(snaps);
	if (known) return known;
	const out: number[] = [];
	for (let i = 0; i < snaps.edge.length; i++) if ((snaps.edge[i] as number) < 0) out.push(i);
	const arr = Uint32Array.from(out);
	unconnectedBySnaps.set(snaps, arr);
	return arr;
}

const unconnectedBySnaps = new WeakMap<OriginSnaps, Uint32Array>();

/**
 * Each connected origin's t and access leg in the order of `byEdge` (k), so that a run's
 * evaluation reads them in one sequential pass instead of gathering them by origin. Worked out
 * once per snaps.
 */
function columnsByEdge(snaps: OriginSnaps): { t: Float64Array; accessM: Float64Array } {
	const known = byEdgeColumns.get(snaps);
	if (known) return known;
	const n = snaps.byEdge.length;
	const t = new Float64Array(n);
	const accessM = new Float64Array(n);
	for (let k = 0; k < n; k++) {
		const i = snaps.byEdge[k] as number;
		t[k] = snaps.t[i] as number;
		accessM[k] = snaps.accessM[i] as number;
	}
	const out = { t, accessM };
	byEdgeColumns.set(snaps, out);
	return out;
}

const byEdgeColumns = new WeakMap<OriginSnaps, { t: Float64Array; accessM: Float64Array }>();

/**
 * The arrays of a released coverage run ({@link CoverageRun.release}), kept by its engine for the
 * next run to fill instead of allocating its own: the per-node labels, the four result columns
 * and the per-edge source counts. All have the engine's sizes (nodes, origins, edges).
 */
interface RunArrays {
	state: SweepState;
	distanceM: Float64Array;
	timeS: Float64Array;
	unknownM: Float64Array;
	placeLabel: Int32Array;
	sourceEdges: Uint16Array;
	/** Whether every value of `unknownM` is 0 (then a run need not write its zeros again). */
	unknownZero: boolean;
}

/** Origins whose result changed in a what-if edit, with their values before. */
export interface WhatIfChange {
	/** Indices of origins whose distance or place changed. */
	origins: Uint32Array;
	/** Their distance in metres before the edit. */
	previousDistanceM: Float64Array;
	/** The label of the place added or removed. */
	label: number;
}

/** The effect of what-if edits against a norm. Counts are residents (persons, estimated). */
export interface WhatIfDelta {
	/** Residents newly within the norm (positive) or newly beyond it (negative), edge-of-data excluded. */
	residents: number;
	residents65: number;
	residents80: number;
	/** Number of origins whose distance or place changed. */
	changedOrigins: number;
}

/**
 * Sums what-if changes into "+212 residents 65+ within 500 m": for each origin changed by any of
 * `changes` (its first previous distance against its distance now).
 *
 * @param normM the norm in metres.
 * @example whatIfDelta(run, [run.addPlace(p)!], 500).residents65 // 212.4
 */
export function whatIfDelta(
	run: CoverageRun,
	changes: readonly WhatIfChange[],
	normM: number,
): WhatIfDelta {
	const o = run.engine.bundle.origins;
	const first = new Map<number, number>();
	for (const c of changes) {
		c.origins.forEach((i, k) => {
			if (!first.has(i)) first.set(i, c.previousDistanceM[k] as number);
		});
	}
	const d: WhatIfDelta = {
		residents: 0,
		residents65: 0,
		residents80: 0,
		changedOrigins: first.size,
	};
	for (const [i, before] of first) {
		if (run.result.originReason[i] !== 0) continue; // reported apart, never a gap
		const now = (run.result.distanceM[i] as number) <= normM;
		const was = before <= normM;
		if (now === was) continue;
		const s = now ? 1 : -1;
		d.residents += s * (o.residents[i] as number);
		d.residents65 += s * (o.residents65[i] as number);
		d.residents80 += s * (o.residents80[i] as number);
	}
	return d;
}

const key = (profile: ProfileId, mode: UnknownMode): string => `${profile}/${mode}`;

/** What a coverage job starts from ({@link AnalysisEngine.jobPlan}); shared, read-only. */
export interface JobPlan {
	readonly net: ProfileNetwork;
	readonly snaps: OriginSnaps;
	/** The category's places that reach the network, as sweep sources (label: place index). */
	readonly sources: readonly SweepSource[];
	/** The ids of the category's places too far from the network. */
	readonly unconnected: readonly string[];
	/** Why each origin has no figure (originReasonsOf). */
	readonly originReason: Uint8Array;
	/** The origins on no edge (unconnectedOf). */
	readonly noEdge: Uint32Array;
}

/** How many released runs' arrays an engine keeps for reuse. */
const MAX_SPARE_RUNS = 2;

/** Throws an error naming the place when its coordinates are not a WGS84 lng/lat pair. */
function checkPlanned(p: PlannedPlace): void {
	assertLngLat(p?.lngLat, `planned place "${String(p?.id)}"`);
}

/** The engine over one decoded bundle. Pure: no I/O, no DOM. */
export class AnalysisEngine {
	readonly bundle: AnalysisBundle;
	readonly graph: RoutingGraph;
	readonly maxAccessM: number;
	private readonly snapPieceM: number;
	private edgeIndexCache: EdgeIndex | undefined;
	private readonly nets = new Map<string, ProfileNetwork>();
	private readonly originSnapCache = new Map<string, OriginSnaps>();
	private readonly placeSnapCache = new Map<string, (Snap | undefined)[]>();
	private readonly placeLists = new Map<string, number[]>();
	/** Per category: its job plans by profile and unknown mode ({@link jobPlan}). */
	private readonly jobPlans = new Map<string, JobPlan[]>();
	private workspaceCache: SweepWorkspace | undefined;
	/** Arrays of released coverage runs, for the next runs (at most {@link MAX_SPARE_RUNS}). */
	private readonly spareRuns: RunArrays[] = [];
	private edgeStampCache: EdgeStamps | undefined;
	/** The personal profile this engine answers for (its base profile's slot), if any. */
	readonly personal: PersonalProfile | undefined;
	private readonly options: EngineOptions;
	/** The bundle as decoded (before any personal re-classification). */
	private readonly source: AnalysisBundle;
	/** The built-in engine a personal one derives from: its snaps are reused ({@link withPersonal}). */
	private root: AnalysisEngine | undefined;
	/** Per unknown mode: the root's filter whose usable edges include all of the person's. */
	private readonly referenceFilters = new Map<
		UnknownMode,
		readonly [ProfileId, UnknownMode] | null
	>();
	/** The run of {@link prepareSteps} under way, and what the finished one did. */
	private preparing: Generator<number, PrepareInfo> | undefined;
	private preparedInfo: PrepareInfo | undefined;
	private resnapped = { origins: 0, places: 0 };

	constructor(bundle: AnalysisBundle, options: EngineOptions = {}) {
		this.options = options;
		this.source = bundle;
		this.personal = options.personal;
		this.bundle = options.personal
			? { ...bundle, graph: personalGraph(bundle.graph, options.personal) }
			: bundle;
		this.graph = this.bundle.graph;
		this.maxAccessM = options.maxAccessM ?? 300;
		this.snapPieceM = options.snapPieceM ?? 50;
		if (!(this.maxAccessM > 0)) throw new Error(`maxAccessM must be > 0 m, got ${this.maxAccessM}`);
	}

	/**
	 * An engine over the same bundle for a personal profile (sharing this engine's edge index):
	 * re-classifies every edge once ({@link personalGraph}). It snaps nothing again that it need
	 * not: the other profiles' snaps are the built-in engine's; for its base profile a point keeps
	 * the built-in snap when the person can use that edge, and only where not is it snapped to the
	 * nearest edge the person can use (see {@link originSnaps}).
	 *
	 * @example engine.withPersonal({ ...builtInProfile('wheelchair'), kerbCm: 2 }).coverage({ categoryId: 'pharmacy', profile: 'wheelchair' })
	 */
	withPersonal(personal: PersonalProfile | undefined): AnalysisEngine {
		const options: EngineOptions = { ...this.options };
		if (personal) options.personal = personal;
		else delete options.personal;
		const e = new AnalysisEngine(this.source, options);
		e.edgeIndexCache = this.edgeIndexCache;
		e.root = this.root ?? this;
		return e;
	}

	/** The spatial index of edges (built on first use). */
	get edgeIndex(): EdgeIndex {
		this.edgeIndexCache ??= new EdgeIndex(this.graph, this.snapPieceM);
		return this.edgeIndexCache;
	}

	/**
	 * The bucket queue's arrays, shared by every sweep of this engine (built on first use); a
	 * personal engine uses its built-in engine's (same graph size, one sweep at a time).
	 */
	get workspace(): SweepWorkspace {
		if (this.root) return this.root.workspace;
		this.workspaceCache ??= new SweepWorkspace(this.graph.nodeCount);
		return this.workspaceCache;
	}

	/** A released run's arrays to fill (for {@link CoverageRun}), or undefined when none is kept. */
	takeRunArrays(): RunArrays | undefined {
		return this.spareRuns.pop();
	}

	/** Keeps a released run's arrays for the next run (for {@link CoverageRun.release}). */
	keepRunArrays(arrays: RunArrays): void {
		if (this.spareRuns.length < MAX_SPARE_RUNS) this.spareRuns.push(arrays);
	}

	/**
	 * Per-edge stamps for the what-if edits of every coverage run of this engine (and of the
	 * personal engines derived from it): each edit takes a new stamp, so no run needs an array of
	 * its own (built on first use).
	 */
	get edgeStamps(): EdgeStamps {
		if (this.root) return this.root.edgeStamps;
		this.edgeStampCache ??= new EdgeStamps(this.graph.edgeCount);
		return this.edgeStampCache;
	}

	/**
	 * Snaps every origin and every place for every profile and unknown mode, once: the worker calls
	 * it when a bundle loads, so that no coverage, what-if or where-next job snaps an origin or a
	 * bundle place again (only points a user gives are snapped, one query each). One search per
	 * point serves all six filters ({@link EdgeIndex.snapEach}); filters that allow exactly the same
	 * edges share their results. The snaps equal those of {@link snapPoint}.
	 *
	 * @returns what it did: points, distinct filters, milliseconds.
	 */
	prepare(): PrepareInfo {
		const steps = this.prepareSteps();
		for (;;) {
			const r = steps.next();
			if (r.done) return r.value;
		}
	}

	/**
	 * {@link prepare} in steps of `chunk` points: the worker runs one step at a time while it has
	 * no request waiting, so a request that needs no origin (a route) is not held up by it.
	 * Nothing is cached until the last step. Once done, a later run has no step and returns the
	 * same info (switching back to the built-in profiles snaps nothing again).
	 */
	prepareSteps(chunk = 1000): Generator<number, PrepareInfo> {
		// done: nothing more (also after a personal engine continued this one's run); one run at a
		// time: a second caller continues the run under way
		if (this.preparedInfo) return this.finishedSteps(this.preparedInfo);
		this.preparing ??= this.root ? this.deriveSteps(this.root, chunk) : this.snapAllSteps(chunk);
		return this.preparing;
	}

	// eslint-disable-next-line require-yield -- a run with no step left: it only says what it did
	private *finishedSteps(info: PrepareInfo): Generator<number, PrepareInfo> {
		return info;
	}

	/** {@link prepareSteps} of a built-in engine: every origin and place, one search each. */
	private *snapAllSteps(chunk: number): Generator<number, PrepareInfo> {
		let t0 = performance.now();
		let spent = 0;
		const E = this.graph.edgeCount;
		const bits = new Uint8Array(E);
		SNAP_FILTERS.forEach(([p, m], k) => {
			const cost = this.network(p, m).edgeCostS;
			for (let e = 0; e < E; e++) if ((cost[e] as number) < Infinity) bits[e]! |= 1 << k;
		});
		// filters allowing the same edges share one column: distinct[k] = its column
		const distinct: number[] = [];
		const columns: number[] = [];
		SNAP_FILTERS.forEach((_, k) => {
			for (let d = 0; d < columns.length; d++) {
				const j = columns[d] as number;
				let same = true;
				for (let e = 0; e < E && same; e++) same = ((bits[e]! >> k) & 1) === ((bits[e]! >> j) & 1);
				if (same) {
					distinct.push(d);
					return;
				}
			}
			distinct.push(columns.length);
			columns.push(k);
		});
		const dbits = new Uint8Array(E);
		for (let e = 0; e < E; e++) {
			let b = 0;
			columns.forEach((k, d) => {
				if ((bits[e]! >> k) & 1) b |= 1 << d;
			});
			dbits[e] = b;
		}
		const D = columns.length;
		const index = this.edgeIndex;
		const out: (Snap | undefined)[] = [];
		const o = this.bundle.origins;
		const cols = columns.map(() => ({
			edge: new Int32Array(o.count).fill(-1),
			t: new Float64Array(o.count),
			accessM: new Float64Array(o.count).fill(Infinity),
		}));
		for (let i = 0; i < o.count; i++) {
			if (i > 0 && i % chunk === 0) {
				spent += performance.now() - t0;
				yield i;
				t0 = performance.now();
			}
			index.snapEach(o.lngLat[i * 2]!, o.lngLat[i * 2 + 1]!, dbits, D, this.maxAccessM, out);
			for (let d = 0; d < D; d++) {
				const s = out[d];
				if (!s) continue;
				const c = cols[d]!;
				c.edge[i] = s.edge;
				c.t[i] = s.t;
				c.accessM[i] = s.accessM;
			}
		}
		const snaps = cols.map((c) => originSnapsOf(E, c.edge, c.t, c.accessM));
		const p = this.bundle.places;
		const placeCols = columns.map(() => new Array<Snap | undefined>(p.count));
		for (let i = 0; i < p.count; i++) {
			index.snapEach(p.lngLat[i * 2]!, p.lngLat[i * 2 + 1]!, dbits, D, this.maxAccessM, out);
			for (let d = 0; d < D; d++) placeCols[d]![i] = out[d];
		}
		SNAP_FILTERS.forEach(([pr, m], k) => {
			this.originSnapCache.set(key(pr, m), snaps[distinct[k]!]!);
			this.placeSnapCache.set(key(pr, m), placeCols[distinct[k]!]!.slice());
		});
		this.preparing = undefined;
		this.preparedInfo = {
			points: o.count + p.count,
			filters: SNAP_FILTERS.length,
			distinctFilters: D,
			ms: spent + performance.now() - t0,
		};
		return this.preparedInfo;
	}

	/**
	 * {@link prepareSteps} of a personal engine: the built-in engine's run first (continued where
	 * it is, nothing when done), then its snaps taken over ({@link originSnaps}, {@link placeSnap}),
	 * in steps of `chunk` origins.
	 */
	private *deriveSteps(root: AnalysisEngine, chunk: number): Generator<number, PrepareInfo> {
		yield* root.prepareSteps(chunk);
		let t0 = performance.now();
		let spent = 0;
		const before = { ...this.resnapped };
		for (const [pr, m] of SNAP_FILTERS) {
			if (this.personal && pr === this.personal.base) {
				const derive = this.deriveOriginSnaps(m, chunk);
				for (let r = derive.next(); !r.done; r = derive.next()) {
					spent += performance.now() - t0;
					yield r.value;
					t0 = performance.now();
				}
			} else this.originSnaps(pr, m);
			for (let i = 0; i < this.bundle.places.count; i++) this.placeSnap(i, pr, m);
		}
		this.preparing = undefined;
		const origins = this.resnapped.origins - before.origins;
		const places = this.resnapped.places - before.places;
		this.preparedInfo = {
			points: origins + places,
			filters: SNAP_FILTERS.length,
			distinctFilters: SNAP_FILTERS.length,
			ms: spent + performance.now() - t0,
			resnapped: { origins, places },
		};
		return this.preparedInfo;
	}

	/**
	 * The root's filter a personal engine's snaps for its base profile start from: the base
	 * profile's own in the same unknown mode when every edge the person can use is usable for it
	 * (a stricter person), else the first built-in filter for which that holds (walking: every
	 * walkable edge); null when none does. The nearest edge of a wider filter, when the person can
	 * use it, is also the nearest the person can use; only the other points are snapped again.
	 */
	private referenceFilter(mode: UnknownMode): readonly [ProfileId, UnknownMode] | null {
		const cached = this.referenceFilters.get(mode);
		if (cached !== undefined) return cached;
		const root = this.root!;
		const base = this.personal!.base;
		const mine = this.network(base, mode).edgeCostS;
		const E = this.graph.edgeCount;
		let found: readonly [ProfileId, UnknownMode] | null = null;
		for (const f of [[base, mode] as const, ...SNAP_FILTERS]) {
			const theirs = root.network(f[0], f[1]).edgeCostS;
			let wider = true;
			for (let e = 0; e < E && wider; e++) {
				if ((mine[e] as number) < Infinity && !((theirs[e] as number) < Infinity)) wider = false;
			}
			if (wider) {
				found = f;
				break;
			}
		}
		this.referenceFilters.set(mode, found);
		return found;
	}

	/** Whether this engine takes the snaps of `profile` from the built-in engine as they are. */
	private sharesSnaps(profile: ProfileId): boolean {
		return this.root !== undefined && (!this.personal || this.personal.base !== profile);
	}

	/**
	 * A personal engine's origin snaps for its base profile from the built-in ones (see
	 * {@link referenceFilter}), in steps of `chunk` origins; cached at the end.
	 */
	private *deriveOriginSnaps(mode: UnknownMode, chunk: number): Generator<number, OriginSnaps> {
		const k = key(this.personal!.base, mode);
		const cached = this.originSnapCache.get(k);
		if (cached) return cached;
		const ref = this.referenceFilter(mode);
		const o = this.bundle.origins;
		const edge = new Int32Array(o.count).fill(-1);
		const t = new Float64Array(o.count);
		const accessM = new Float64Array(o.count).fill(Infinity);
		const theirs = ref ? this.root!.originSnaps(ref[0], ref[1]) : undefined;
		const usable = this.network(this.personal!.base, mode).edgeCostS;
		for (let i = 0; i < o.count; i++) {
			if (i > 0 && i % chunk === 0) yield i;
			const r = theirs ? (theirs.edge[i] as number) : 0;
			// nothing of a wider filter within reach: nothing of the person's either
			if (r < 0) continue;
			if (theirs && (usable[r] as number) < Infinity) {
				edge[i] = r;
				t[i] = theirs.t[i] as number;
				accessM[i] = theirs.accessM[i] as number;
				continue;
			}
			this.resnapped.origins++;
			const s = this.snapPoint(o.lngLat[i * 2]!, o.lngLat[i * 2 + 1]!, this.personal!.base, mode);
			if (!s) continue;
			edge[i] = s.edge;
			t[i] = s.t;
			accessM[i] = s.accessM;
		}
		const snaps = originSnapsOf(this.graph.edgeCount, edge, t, accessM);
		this.originSnapCache.set(k, snaps);
		return snaps;
	}

	/**
	 * The profile's view of the graph (cached). A personal engine shares its built-in engine's for
	 * the other two profiles (their statuses are the same arrays' values): only its base profile's
	 * view is its own.
	 */
	network(profile: ProfileId, mode: UnknownMode = 'optimistic'): ProfileNetwork {
		if (this.root && (!this.personal || this.personal.base !== profile)) {
			return this.root.network(profile, mode);
		}
		const k = key(profile, mode);
		let n = this.nets.get(k);
		if (!n) {
			const p = this.personal;
			n = profileNetwork(
				this.graph,
				profile,
				mode,
				p && p.base === profile
					? { speedMps: personalSpeedMps(p), limitedCostFactor: personalLimitedCostFactor(p) }
					: undefined,
			);
			this.nets.set(k, n);
		}
		return n;
	}

	/** Snaps a point onto the nearest edge usable by the profile, within maxAccessM. */
	snapPoint(
		lng: number,
		lat: number,
		profile: ProfileId,
		mode: UnknownMode = 'optimistic',
	): Snap | undefined {
		const net = this.network(profile, mode);
		return this.edgeIndex.snap(
			lng,
			lat,
			(e) => (net.edgeCostS[e] as number) < Infinity,
			this.maxAccessM,
		);
	}

	/**
	 * All origins snapped for the profile (cached). A personal engine takes them from the
	 * built-in engine ({@link withPersonal}): as they are for the other profiles; for its base
	 * profile each keeps its built-in snap where the person can use that edge, else it is snapped
	 * to the nearest edge the person can use. Both equal a fresh snap of every origin (tested).
	 */
	originSnaps(profile: ProfileId, mode: UnknownMode = 'optimistic'): OriginSnaps {
		const k = key(profile, mode);
		const cached = this.originSnapCache.get(k);
		if (cached) return cached;
		if (this.sharesSnaps(profile)) {
			const shared = this.root!.originSnaps(profile, mode);
			this.originSnapCache.set(k, shared);
			return shared;
		}
		if (this.root) {
			const derive = this.deriveOriginSnaps(mode, Infinity);
			for (;;) {
				const r = derive.next();
				if (r.done) return r.value;
			}
		}
		const o = this.bundle.origins;
		const edge = new Int32Array(o.count).fill(-1);
		const t = new Float64Array(o.count);
		const accessM = new Float64Array(o.count).fill(Infinity);
		for (let i = 0; i < o.count; i++) {
			const s = this.snapPoint(
				o.lngLat[i * 2] as number,
				o.lngLat[i * 2 + 1] as number,
				profile,
				mode,
			);
			if (!s) continue;
			edge[i] = s.edge;
			t[i] = s.t;
			accessM[i] = s.accessM;
		}
		const snaps = originSnapsOf(this.graph.edgeCount, edge, t, accessM);
		this.originSnapCache.set(k, snaps);
		return snaps;
	}

	/** Snap of bundle place `i` for the profile (cached), undefined when too far from the network. */
	placeSnap(i: number, profile: ProfileId, mode: UnknownMode = 'optimistic'): Snap | undefined {
		const k = key(profile, mode);
		let arr = this.placeSnapCache.get(k);
		if (!arr) {
			arr = [];
			this.placeSnapCache.set(k, arr);
		}
		if (!(i in arr)) {
			const p = this.bundle.places.lngLat;
			const ref = this.root && !this.sharesSnaps(profile) ? this.referenceFilter(mode) : undefined;
			if (this.sharesSnaps(profile)) arr[i] = this.root!.placeSnap(i, profile, mode);
			else if (ref === undefined) {
				arr[i] = this.snapPoint(p[i * 2] as number, p[i * 2 + 1] as number, profile, mode);
			} else {
				// as the origins (originSnaps): the built-in snap where the person can use its edge
				const theirs = ref ? this.root!.placeSnap(i, ref[0], ref[1]) : undefined;
				if (ref && !theirs) arr[i] = undefined;
				else if (
					theirs &&
					(this.network(profile, mode).edgeCostS[theirs.edge] as number) < Infinity
				)
					arr[i] = theirs;
				else {
					this.resnapped.places++;
					arr[i] = this.snapPoint(p[i * 2] as number, p[i * 2 + 1] as number, profile, mode);
				}
			}
		}
		return arr[i];
	}

	/**
	 * What a coverage job of a category for a profile and unknown mode starts from, worked out
	 * once and kept (cached per engine): the profile's network and origin snaps, the category's
	 * places as sweep sources (snapped) and the ids of those too far from the network, why each
	 * origin has no figure, and the origins on no edge. A job then takes them as they are instead
	 * of looking each up again (CoverageRun).
	 */
	jobPlan(categoryId: string, profile: ProfileId, mode: UnknownMode): JobPlan {
		let plans = this.jobPlans.get(categoryId);
		if (!plans) this.jobPlans.set(categoryId, (plans = []));
		const slot = 2 * PROFILE_IDS.indexOf(profile) + (mode === 'cautious' ? 1 : 0);
		const known = plans[slot];
		if (known) return known;
		const net = this.network(profile, mode);
		const snaps = this.originSnaps(profile, mode);
		const ids = this.bundle.places.ids;
		const sources: SweepSource[] = [];
		const unconnected: string[] = [];
		for (const i of this.placesOf(categoryId)) {
			const snap = this.placeSnap(i, profile, mode);
			if (snap) sources.push({ snap, label: i });
			else unconnected.push(ids[i] as string);
		}
		const plan: JobPlan = {
			net,
			snaps,
			sources,
			unconnected,
			originReason: originReasonsOf(this.bundle),
			noEdge: unconnectedOf(snaps),
		};
		if (slot >= 0) plans[slot] = plan;
		return plan;
	}

	/** Indices of the bundle places of a category (cached). */
	placesOf(categoryId: string): number[] {
		const cached = this.placeLists.get(categoryId);
		if (cached) return cached;
		const out: number[] = [];
		this.bundle.places.categoryIds.forEach((c, i) => {
			if (c.includes(categoryId)) out.push(i);
		});
		this.placeLists.set(categoryId, out);
		return out;
	}

	/** Category ids that have at least one place in the bundle, sorted. */
	categoriesWithPlaces(): string[] {
		return [...new Set(this.bundle.places.categoryIds.flat())].sort();
	}

	/**
	 * Runs the coverage of one category for one profile: one multi-source sweep, then every origin.
	 *
	 * @example
	 * const run = engine.coverage({ categoryId: 'pharmacy', profile: 'walking' });
	 * run.result.distanceM[0] // metres from origin 0 to its nearest pharmacy
	 */
	coverage(options: CoverageOptions): CoverageRun {
		return new CoverageRun(this, options);
	}
}

/**
 * Per-edge stamps: an edge is marked as done in one operation by writing that operation's stamp,
 * so nothing needs clearing between operations. One per engine, shared by its runs.
 */
export class EdgeStamps {
	readonly stamps: Uint32Array;
	private value = 0;
	constructor(edgeCount: number) {
		this.stamps = new Uint32Array(edgeCount);
	}
	/** A stamp no edge carries yet. */
	next(): number {
		if (this.value === 0xffffffff) {
			this.stamps.fill(0);
			this.value = 0;
		}
		return ++this.value;
	}
}

/** A finished coverage run that can be edited (what-if) incrementally. */
export class CoverageRun {
	readonly engine: AnalysisEngine;
	readonly net: ProfileNetwork;
	readonly snaps: OriginSnaps;
	readonly result: CoverageResult;
	/** Per-node sweep labels. */
	readonly state: SweepState;
	/** Active sources by label. */
	readonly sources = new Map<number, SweepSource>();
	/** Planned places by label. */
	readonly planned = new Map<number, PlannedPlace>();
	private readonly byEdge = new Map<number, SweepSource[]>();
	/** The heap of the what-if edits (made on the first edit: a run that is never edited needs none). */
	private queueCache: FlatQueue<number> | undefined;
	private get queue(): FlatQueue<number> {
		this.queueCache ??= new FlatQueue<number>();
		return this.queueCache;
	}
	private nextLabel: number;
	/** Number of sources on each edge (fast test before the byEdge lookup). */
	private readonly sourceEdges: Uint16Array;
	/** The engine's stamps, shared by its runs ({@link AnalysisEngine.edgeStamps}). */
	private readonly edgeStamp: EdgeStamps;
	/** Scratch lists reused by every what-if edit (no allocation proportional to the graph). */
	private readonly touched: number[] = [];
	private readonly lost: number[] = [];
	private readonly changed: number[] = [];
	private readonly before: number[] = [];

	/** Set by {@link release}: the arrays now belong to the engine's next run. */
	private released = false;
	/** Whether every value of `result.unknownM` is 0 (new arrays, or only plain paths written). */
	private unknownZero: boolean;

	constructor(engine: AnalysisEngine, options: CoverageOptions) {
		this.engine = engine;
		// a released run's arrays when the engine keeps one (release), else new ones
		const spare = engine.takeRunArrays();
		this.unknownZero = spare ? spare.unknownZero : true;
		this.sourceEdges = spare ? spare.sourceEdges.fill(0) : new Uint16Array(engine.graph.edgeCount);
		this.edgeStamp = engine.edgeStamps;
		const mode = options.unknownMode ?? 'optimistic';
		if (typeof options.categoryId !== 'string' || options.categoryId === '') {
			throw new Error('categoryId is missing');
		}
		const plan = engine.jobPlan(options.categoryId, options.profile, mode);
		this.net = plan.net;
		this.snaps = plan.snaps;
		const places = engine.bundle.places;
		this.nextLabel = places.count;
		let unconnected: string[];
		if (options.excludePlaceIds && options.excludePlaceIds.length > 0) {
			const exclude = new Set(options.excludePlaceIds);
			for (const src of plan.sources) {
				if (!exclude.has(places.ids[src.label] as string)) this.addSource(src);
			}
			unconnected = plan.unconnected.filter((id) => !exclude.has(id));
		} else {
			for (const src of plan.sources) this.addSource(src);
			unconnected = plan.unconnected.slice();
		}
		for (const p of options.extraPlaces ?? []) {
			checkPlanned(p);
			const label = this.nextLabel++;
			this.planned.set(label, p);
			const snap = engine.snapPoint(p.lngLat[0], p.lngLat[1], options.profile, mode);
			if (snap) this.addSource({ snap, label });
			else unconnected.push(p.id);
		}
		const n = engine.bundle.origins.count;
		this.result = {
			categoryId: options.categoryId,
			profile: options.profile,
			unknownMode: mode,
			distanceM: spare?.distanceM ?? new Float64Array(n),
			timeS: spare?.timeS ?? new Float64Array(n),
			unknownM: spare?.unknownM ?? new Float64Array(n),
			placeLabel: spare?.placeLabel ?? new Int32Array(n),
			placeCount: this.sources.size,
			unconnectedPlaceIds: unconnected,
			originReason: plan.originReason,
		};
		// the origins on no edge have no figure; evaluateAll writes every other origin
		const none = plan.noEdge;
		const r = this.result;
		for (let k = 0; k < none.length; k++) {
			const i = none[k] as number;
			r.distanceM[i] = Infinity;
			r.timeS[i] = Infinity;
			if (!this.unknownZero) r.unknownM[i] = 0;
			r.placeLabel[i] = -1;
		}
		this.state = spare ? spare.state.clearFor(this.net.speedMps) : emptySweepState(this.net);
		if (this.sources.size === 0) {
			// no place to reach (a category with none mapped in the area, or every one switched off):
			// every origin is unreachable, as the sweep and evaluateAll would find, without them
			r.distanceM.fill(Infinity);
			r.timeS.fill(Infinity);
			r.placeLabel.fill(-1);
			if (!this.unknownZero) r.unknownM.fill(0);
			this.unknownZero = true;
			return;
		}
		const seeds = seedSources(this.net, this.state, this.sources.values());
		sweepFrom(this.net, this.state, seeds, engine.workspace);
		this.evaluateAll();
	}

	/**
	 * Evaluates every origin after the sweep, edge by edge in one pass over the columns. An edge
	 * with no extra or unknown metres, whose ends' paths have none either (flag 0) and with no
	 * place on it, is done here: there every candidate's unknown and extra metres are 0, so the
	 * rule reduces to cost, then label (the same arithmetic as {@link evaluateEdge}, which does
	 * the other edges; for walking that is every edge). The origins' t and access legs are read in
	 * edge order (columnsByEdge); an unknownM already all 0 is not written again.
	 */
	private evaluateAll(): void {
		const { byEdgeOffsets, byEdge, edgesWithOrigins: edges } = this.snaps;
		const { t: ts, accessM } = columnsByEdge(this.snaps);
		const zero = this.unknownZero;
		let others = 0;
		const r = this.result;
		const distanceM = r.distanceM;
		const timeS = r.timeS;
		const unknownM = r.unknownM;
		const placeLabel = r.placeLabel;
		const net = this.net;
		const { edgeFrom, edgeTo, lengthsM } = net.graph;
		const { edgeCostS, edgeHasExtra } = net;
		const { cost, tag } = this.state;
		const sourceEdges = this.sourceEdges;
		const speed = net.speedMps;
		for (let j = 0; j < edges.length; j++) {
			const e = edges[j] as number;
			const f = edgeFrom[e] as number;
			const to = edgeTo[e] as number;
			const tf = tag[f] as number;
			const tt = tag[to] as number;
			if (edgeHasExtra[e] !== 0 || ((tf | tt) & 1) !== 0 || sourceEdges[e] !== 0) {
				this.evaluateEdge(e, false);
				others++;
				continue;
			}
			const w = edgeCostS[e] as number;
			const len = lengthsM[e] as number;
			const cf = cost[f] as number;
			const ct = cost[to] as number;
			// the ends' lengths (SweepState.distM with flag 0)
			const df0 = cf === Infinity ? Infinity : cf * speed;
			const dt0 = ct === Infinity ? Infinity : ct * speed;
			const lf = tf >> 1;
			const lt = tt >> 1;
			const k1 = byEdgeOffsets[e + 1] as number;
			for (let k = byEdgeOffsets[e] as number; k < k1; k++) {
				const t = ts[k] as number;
				let c = cf + t * w;
				let d = df0 + t * len;
				let l = lf;
				const c2 = ct + (1 - t) * w;
				if (c2 < c || (c2 === c && c2 !== Infinity && lt < l)) {
					c = c2;
					d = dt0 + (1 - t) * len;
					l = lt;
				}
				const a = accessM[k] as number;
				const i = byEdge[k] as number;
				if (!zero) unknownM[i] = 0;
				if (c === Infinity) {
					distanceM[i] = Infinity;
					timeS[i] = Infinity;
					placeLabel[i] = -1;
				} else {
					distanceM[i] = d + a;
					timeS[i] = c + a / speed;
					placeLabel[i] = l;
				}
			}
		}
		// evaluateEdge may have written unknown metres; this loop wrote (or left) only zeros
		this.unknownZero = others === 0;
	}

	/**
	 * Ends this run: its arrays (per-node labels, result columns) go back to its engine, and the
	 * engine's next coverage run fills them instead of allocating its own. Afterwards neither this
	 * run nor its `result` may be read or edited (a what-if throws): copy what is needed first.
	 * Releasing twice does nothing.
	 *
	 * @example const run = engine.coverage(job); const d = run.result.distanceM.slice(); run.release();
	 */
	release(): void {
		if (this.released) return;
		this.released = true;
		const r = this.result;
		this.engine.keepRunArrays({
			state: this.state,
			distanceM: r.distanceM,
			timeS: r.timeS,
			unknownM: r.unknownM,
			placeLabel: r.placeLabel,
			sourceEdges: this.sourceEdges,
			unknownZero: this.unknownZero,
		});
	}

	private checkLive(): void {
		if (this.released) throw new Error('this coverage run was released: start a new one');
	}

	/** The id of the place behind a label (bundle place or planned place). */
	placeId(label: number): string | undefined {
		if (label < 0) return undefined;
		const planned = this.planned.get(label);
		if (planned) return planned.id;
		return this.engine.bundle.places.ids[label];
	}

	/** The places (sources) snapped onto edge `e`, if any. */
	sourcesOn(e: number): readonly SweepSource[] | undefined {
		return this.sourceEdges[e] !== 0 ? this.byEdge.get(e) : undefined;
	}

	private addSource(s: SweepSource): void {
		this.sources.set(s.label, s);
		this.sourceEdges[s.snap.edge] = (this.sourceEdges[s.snap.edge] as number) + 1;
		const list = this.byEdge.get(s.snap.edge);
		if (list) list.push(s);
		else this.byEdge.set(s.snap.edge, [s]);
	}

	/** Re-evaluates the origins on edge `e` unless already done in this edit (stamp). */
	private visitEdge(e: number, stamp: number): void {
		const stamps = this.edgeStamp.stamps;
		if (stamps[e] === stamp) return;
		stamps[e] = stamp;
		this.evaluateEdge(e, true);
	}

	/**
	 * Completes the paths of the origins on edge `e` from the node labels (evaluateSnap of
	 * sweep.ts, with the edge's values read once for all its origins and no object per origin):
	 * through either end of the edge or along it to a place on the same edge, ties to the smaller
	 * label. With `track`, records the origins whose distance or place changed.
	 */
	private evaluateEdge(e: number, track: boolean): void {
		const { byEdgeOffsets, byEdge, t: ts, accessM } = this.snaps;
		const k0 = byEdgeOffsets[e] as number;
		const k1 = byEdgeOffsets[e + 1] as number;
		if (k0 === k1) return;
		this.unknownZero = false;
		const r = this.result;
		const net = this.net;
		const g = net.graph;
		const st = this.state;
		const w = net.edgeCostS[e] as number;
		const len = g.lengthsM[e] as number;
		const unk = net.edgeUnknown[e] === 1;
		const f = g.edgeFrom[e] as number;
		const to = g.edgeTo[e] as number;
		const ex = net.edgeExtraM[2 * e] as number;
		const cf = st.costS(f);
		const df0 = st.distM(f);
		const uf = st.unknownM(f);
		const xf = st.extraM(f);
		const lf = st.label(f);
		const ct = st.costS(to);
		const dt0 = st.distM(to);
		const ut = st.unknownM(to);
		const xt = st.extraM(to);
		const lt = st.label(to);
		const same = this.sourceEdges[e] !== 0 ? this.byEdge.get(e) : undefined;
		const speed = net.speedMps;
		if (!same && !track) {
			// the common case, no place on the edge and no change to record: the loop below with the
			// unknown and extra metres worked out only for the end that wins (and both on a tie)
			const { distanceM, timeS, unknownM, placeLabel } = r;
			for (let k = k0; k < k1; k++) {
				const i = byEdge[k] as number;
				const t = ts[i] as number;
				const c = cf + t * w;
				const c2 = ct + (1 - t) * w;
				const viaTo =
					c2 < c ||
					(c2 === c &&
						c !== Infinity &&
						beats(
							c2,
							lt,
							ut + (unk ? (1 - t) * len : 0),
							xt + (1 - t) * ex,
							c,
							lf,
							uf + (unk ? t * len : 0),
							xf + t * ex,
						));
				const a = accessM[i] as number;
				if (viaTo) {
					distanceM[i] = dt0 + (1 - t) * len + a;
					timeS[i] = c2 + a / speed;
					unknownM[i] = ut + (unk ? (1 - t) * len : 0);
					placeLabel[i] = lt;
				} else if (c === Infinity) {
					distanceM[i] = Infinity;
					timeS[i] = Infinity;
					unknownM[i] = 0;
					placeLabel[i] = -1;
				} else {
					distanceM[i] = df0 + t * len + a;
					timeS[i] = c + a / speed;
					unknownM[i] = uf + (unk ? t * len : 0);
					placeLabel[i] = lf;
				}
			}
			return;
		}
		for (let k = k0; k < k1; k++) {
			const i = byEdge[k] as number;
			const t = ts[i] as number;
			let c = cf + t * w;
			let d = df0 + t * len;
			let u = uf + (unk ? t * len : 0);
			let x = xf + t * ex;
			let l = lf;
			const c2 = ct + (1 - t) * w;
			if (c2 <= c) {
				const u2 = ut + (unk ? (1 - t) * len : 0);
				const x2 = xt + (1 - t) * ex;
				if (beats(c2, lt, u2, x2, c, l, u, x)) {
					c = c2;
					d = dt0 + (1 - t) * len;
					u = u2;
					x = x2;
					l = lt;
				}
			}
			if (same) {
				for (const s of same) {
					const df = Math.abs(s.snap.t - t);
					const cs = s.snap.accessM / speed + df * w;
					const us = unk ? df * len : 0;
					if (beats(cs, s.label, us, df * ex, c, l, u, x)) {
						c = cs;
						d = s.snap.accessM + df * len;
						u = us;
						x = df * ex;
						l = s.label;
					}
				}
			}
			const a = accessM[i] as number;
			let dist = Infinity;
			let time = Infinity;
			if (c === Infinity) {
				u = 0;
				l = -1;
			} else {
				dist = d + a;
				time = c + a / speed;
			}
			if (track) {
				const d0 = r.distanceM[i] as number;
				if (dist !== d0 || l !== r.placeLabel[i]) {
					this.changed.push(i);
					this.before.push(d0);
				}
			}
			r.distanceM[i] = dist;
			r.timeS[i] = time;
			r.unknownM[i] = u;
			r.placeLabel[i] = l;
		}
	}

	/**
	 * Re-evaluates only the origins on edges touching `nodes` (the nodes whose labels changed) and
	 * on `edge` (the edge of the place added or removed); returns the change. Work is proportional
	 * to the nodes changed and the origins on their edges, never to the whole graph.
	 */
	private reevaluate(nodes: readonly number[], edge: number, label: number): WhatIfChange {
		const { offsets, arcEdges } = this.engine.graph;
		const stamp = this.edgeStamp.next();
		this.changed.length = 0;
		this.before.length = 0;
		this.visitEdge(edge, stamp);
		for (let k = 0; k < nodes.length; k++) {
			const u = nodes[k] as number;
			const end = offsets[u + 1] as number;
			for (let a = offsets[u] as number; a < end; a++) this.visitEdge(arcEdges[a] as number, stamp);
		}
		this.result.placeCount = this.sources.size;
		return {
			origins: new Uint32Array(this.changed),
			previousDistanceM: new Float64Array(this.before),
			label,
		};
	}

	/**
	 * What-if: adds a planned place and updates only the nodes it brings closer (a Dijkstra from the
	 * new place that stops wherever it does not improve), then only the origins on their edges.
	 *
	 * @returns the change, or undefined when the place is too far from any usable way.
	 */
	addPlace(place: PlannedPlace): WhatIfChange | undefined {
		this.checkLive();
		checkPlanned(place);
		const snap = this.engine.snapPoint(
			place.lngLat[0],
			place.lngLat[1],
			this.net.profile,
			this.net.unknownMode,
		);
		const label = this.nextLabel++;
		this.planned.set(label, place);
		if (!snap) {
			this.result.unconnectedPlaceIds.push(place.id);
			return undefined;
		}
		const src = { snap, label };
		this.addSource(src);
		const touched = this.touched;
		touched.length = 0;
		this.queue.clear();
		// bounded Dijkstra: only nodes the new place brings strictly closer are pushed, so the
		// search stops at the boundary where the current labels are at least as good
		seedSource(this.net, this.state, this.queue, src);
		relax(this.net, this.state, this.queue, Infinity, touched);
		return this.reevaluate(touched, snap.edge, label);
	}

	/**
	 * What-if: removes a place (bundle or planned) by label. Only the nodes whose nearest place it
	 * was are touched: that region is found by a search from the ends of the place's edge over
	 * nodes carrying its label (every labelled node's shortest-path parent carries the same label,
	 * so the region is connected to those ends), reset, and refilled by a Dijkstra seeded from its
	 * still-labelled neighbours (the neighbouring places' regions) and from any place on an edge
	 * touching it.
	 */
	removePlace(label: number): WhatIfChange {
		this.checkLive();
		const src = this.sources.get(label);
		if (!src) throw new Error(`place label ${label} is not part of this run`);
		this.sources.delete(label);
		const se = src.snap.edge;
		const list = this.byEdge.get(se) ?? [];
		const rest = list.filter((s) => s.label !== label);
		this.sourceEdges[se] = (this.sourceEdges[se] as number) - 1;
		if (rest.length > 0) this.byEdge.set(se, rest);
		else this.byEdge.delete(se);

		const g = this.engine.graph;
		const { offsets, targets, arcEdges } = g;
		const { edgeCostS, edgeExtraM } = this.net;
		const st = this.state;
		// the region: nodes labelled `label`, reached from the ends of its edge; each is reset as it
		// is found, so it is listed once
		const lost = this.lost;
		lost.length = 0;
		const take = (u: number): void => {
			if (st.label(u) !== label) return;
			st.reset(u);
			lost.push(u);
		};
		take(g.edgeFrom[se] as number);
		take(g.edgeTo[se] as number);
		for (let k = 0; k < lost.length; k++) {
			const u = lost[k] as number;
			const end = offsets[u + 1] as number;
			for (let a = offsets[u] as number; a < end; a++) take(targets[a] as number);
		}
		// seed each lost node from its best neighbour outside the region, and the places on edges
		// touching the region
		const q = this.queue;
		q.clear();
		const stamp = this.edgeStamp.next();
		const stamps = this.edgeStamp.stamps;
		for (let k = 0; k < lost.length; k++) {
			const u = lost[k] as number;
			const end = offsets[u + 1] as number;
			for (let a = offsets[u] as number; a < end; a++) {
				const e = arcEdges[a] as number;
				if (this.sourceEdges[e] !== 0 && stamps[e] !== stamp) {
					stamps[e] = stamp;
					for (const s of this.byEdge.get(e) ?? []) seedSource(this.net, st, q, s);
				}
				const v = targets[a] as number;
				const cv = st.costS(v);
				if (cv === Infinity) continue;
				const nc = cv + (edgeCostS[e] as number);
				const xn = st.extraM(v) + (edgeExtraM[2 * e] as number);
				const un = st.unknownM(v) + (edgeExtraM[2 * e + 1] as number);
				if (
					beats(nc, st.label(v), un, xn, st.costS(u), st.label(u), st.unknownM(u), st.extraM(u))
				) {
					st.set(u, nc, st.label(v), xn, un);
				}
			}
			if (st.costS(u) < Infinity) q.push(u, st.costS(u));
		}
		relax(this.net, st, q);
		return this.reevaluate(lost, se, label);
	}
}
