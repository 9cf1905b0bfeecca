/**
 * `npm run bench -- analysis [--only full,nearest,sweep,whatif,big] [--no-big]
 * [--reference-origins N] [--runs N]`: the gap-analysis engine measured side by side with competent references in the same run, interleaved run by run;
 * every ratio with its median and min–max; every check outside the timed regions.
 *
 * Parts (each adds its figures and its `targets` entries; a new part is one line in PARTS):
 * 1. full analysis of the sample (every category with places × 3 profiles, on an engine whose
 *    origins and places were snapped once by prepare(), as the worker does at load) against the
 *    per-origin reference: ONE search per origin for all categories (a FlatQueue Dijkstra over the
 *    same typed arrays that stops once every category's nearest place is known), for the
 *    connected origins of each profile only, timed on a seeded sample and scaled to all connected
 *    origins. Summaries are timed apart. Every sampled result is checked against the sweep's.
 * 2. nearest-k (k = 5) against the previous per-place loop on the sample, 200 seeded origins ×
 *    3 categories (scripts/bench/nearest.ts, also a suite of its own; issue #9).
 * 3. one multi-source sweep on the seeded synthetic 1 M-edge graph against a binary-heap Dijkstra
 *    over the same CSR typed arrays with `flatqueue`, and against a C++ `std::priority_queue`
 *    Dijkstra compiled with g++ -O3 (scripts/bench/lib/dijkstra.cpp; skipped with a message when
 *    g++ is missing: `bash scripts/setup-system.sh --bench` installs it). Both references keep a
 *    cost per node; the sweep keeps 12 bytes per node (cost Float64, tag Int32: place label and
 *    flag), plus extra and unknown metres where a path crossed a limited or unknown stretch, and a
 *    bit per band queued, a tie bit and a seed bit (its queue: bands of 200 m as bitmaps over node
 *    numbers). All three read the same arc records. The order of the sides turns round from run to run.
 * 4. what-if edits (add a planned place at a seeded random address, then remove it) against a full
 *    recompute of the same coverage with that place, walking, for a category with few places and
 *    one with many: on the sample (200 timed edits each, a recompute per edit) and on the seeded
 *    synthetic 1 M-edge graph with 200,000 origins and 200 / 2,000 places (40 timed edits, 8
 *    recomputes). Every recompute also checks that the incremental result equals it for every
 *    origin. Each item carries its own `meetsTargets` (≤ 8 ms and ≤ 1/50 of the recompute).
 * 5. unless --no-big: the whole job on a synthetic 5 M-edge graph (Flanders scale) with 1 M origins
 *    in a child process (graph, snapping index, every origin snapped, one wheelchair sweep from
 *    ~2,000 places, every origin evaluated), reporting its peak resident memory (maxRSS).
 *
 * The sample bundle is tiles/vorselaar-lille/analysis.bin when the pipeline has built it, else it
 * is built here from data/vorselaar-lille (tests/fixtures/analysis/sample-input.ts).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalysisBundle, RoutingGraph } from '../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../src/analysis/engine.ts';
import { profileNetwork } from '../../src/analysis/network.ts';
import { PROFILE_IDS } from '../../src/contracts/profiles.ts';
import { EdgeIndex } from '../../src/analysis/snap.ts';
import { summarizeByNeighbourhood } from '../../src/analysis/summary.ts';
import {
	evaluateSnap,
	emptySweepState,
	multiSourceSweep,
	SweepWorkspace,
	type SweepSource,
} from '../../src/analysis/sweep.ts';
import {
	mulberry32,
	syntheticBundle,
	syntheticGrid,
	syntheticOrigins,
	syntheticPlaces,
} from '../../src/analysis/synthetic.ts';
import { prepareCppReference } from './lib/cpp-dijkstra.ts';
import { perOriginReference } from './lib/per-origin.ts';
import { FlatQueueDijkstra } from './lib/references.ts';
import { sampleBundle } from './lib/sample.ts';
import { median, ms, quantile, spread } from './lib/stats.ts';

const log = (s: string): void => void process.stderr.write(`[bench analysis] ${s}\n`);

/** What the parts share: arguments, the sample (loaded once), the 1 M-edge graph (built once). */
export interface BenchContext {
	args: string[];
	/** Value of `--name`, if given. */
	arg(name: string): string | undefined;
	sample(): Promise<{ bundle: AnalysisBundle; source: string; engine: AnalysisEngine }>;
	graph1M(): RoutingGraph;
}

/** A target check: the figure, the target in words, and whether it is met. */
export interface TargetCheck {
	value: unknown;
	target: string;
	meetsTargets: boolean | null;
}

/** A part of the suite: its figures, with its target checks under `targets`. */
export type BenchPart = (
	ctx: BenchContext,
) => Promise<Record<string, unknown> & { targets?: Record<string, TargetCheck> }>;

const FULL_MAX_RATIO = 1 / 200;

/**
 * Part 1: the full analysis of the sample against the per-origin reference, interleaved: in each
 * run the full analysis, then its summaries (timed apart), then the reference on the sampled
 * origins of every profile; four untimed warm-up runs first. Checks after all runs.
 */
async function fullAnalysisFigures(ctx: BenchContext): ReturnType<BenchPart> {
	const { bundle, source, engine } = await ctx.sample();
	const referenceOrigins = Number(ctx.arg('--reference-origins') ?? 200);
	const runs = Number(ctx.arg('--runs') ?? 7);
	const categories = engine.categoriesWithPlaces();
	const o = bundle.origins;
	// per profile: the connected origins, a seeded sample of them, the places as the engine sees them
	const ref = perOriginReference(engine, bundle, categories, referenceOrigins);
	const perProfile = ref.profiles;
	const full: number[] = [];
	const summaries: number[] = [];
	const reference: number[] = [];
	const ratios: number[] = [];
	const results = new Map<string, Float64Array>();
	// untimed warm-up runs first (the JIT reaches steady state only after a few full analyses on a
	// busy machine), then `runs` timed ones
	const warmups = 4;
	for (let r = 0; r < warmups + runs; r++) {
		let t = performance.now();
		const coverages = [];
		for (const c of categories) {
			for (const p of PROFILE_IDS) coverages.push(engine.coverage({ categoryId: c, profile: p }));
		}
		const fullMs = performance.now() - t;
		t = performance.now();
		for (const run of coverages) summarizeByNeighbourhood(bundle, run.result, 800);
		const summaryMs = performance.now() - t;
		const refScaled = ref.time();
		if (r < warmups) {
			// warm-up; keep the results for the check
			for (const run of coverages) {
				results.set(`${run.result.categoryId}/${run.result.profile}`, run.result.timeS);
			}
			continue;
		}
		full.push(fullMs);
		summaries.push(summaryMs);
		reference.push(refScaled);
		ratios.push(fullMs / refScaled);
	}
	// checks, outside every timed region: every sampled origin × category
	let mismatches = 0;
	let checked = 0;
	perProfile.forEach((pp, k) => {
		const out = ref.results[k] as Float64Array;
		categories.forEach((c, ci) => {
			const sweep = results.get(`${c}/${pp.profile}`) as Float64Array;
			pp.picked.forEach((i, j) => {
				const a = out[j * categories.length + ci] as number;
				const b = sweep[i] as number;
				checked++;
				if (!(a === b || Math.abs(a - b) <= 1e-6 * Math.max(1, b))) mismatches++;
			});
		});
	});
	const ratio = spread(ratios);
	const refRuns = ref.sampled;
	log(
		`sample ${source}: full analysis (${categories.length} categories × 3 profiles) ${median(full).toFixed(1)} ms, summaries ${median(summaries).toFixed(1)} ms apart; per-origin reference (one search per origin for all categories, ${refRuns} sampled of ${perProfile.map((p) => p.connected).join('/')} connected) scaled ${median(reference).toFixed(0)} ms; ratio ${ratio.median} (${ratio.min}–${ratio.max}); ${mismatches} mismatches in ${checked} checks`,
	);
	return {
		sample_source: source,
		sample_nodes: bundle.graph.nodeCount,
		sample_edges: bundle.graph.edgeCount,
		sample_origins: o.count,
		sample_categories: categories.length,
		sample_connected_origins: Object.fromEntries(perProfile.map((p) => [p.profile, p.connected])),
		full_analysis_ms: spread(full),
		summaries_ms: spread(summaries),
		per_origin_reference_sampled_origins: refRuns,
		per_origin_reference_ms_scaled_to_connected_origins: spread(reference),
		per_origin_reference_checks: checked,
		per_origin_reference_mismatches: mismatches,
		full_vs_reference_ratio: ratio,
		targets: {
			full_vs_reference: {
				value: ratio,
				target: `≤ 1/200 = ${FULL_MAX_RATIO} (median), every sampled result equal`,
				meetsTargets: ratio.median <= FULL_MAX_RATIO && mismatches === 0,
			},
		},
	};
}

const SWEEP_MAX_VS_FLATQUEUE = 0.5;
const SWEEP_MAX_VS_CPP = 1.0;

/**
 * Part 2: one multi-source sweep on the 1 M-edge graph against the flatqueue Dijkstra and the C++
 * one, and the sweep's one-entry loop, interleaved (in turn per run, each run starting with the
 * next side; the JS sides warmed up first). Each side reuses its per-node arrays between runs and refills them inside the
 * timed region; the C++ side times its own second run in a fresh process (its allocator then reuses
 * warm memory).
 */
async function sweepFigures(ctx: BenchContext): ReturnType<BenchPart> {
	const g = ctx.graph1M();
	const runs = Number(ctx.arg('--runs') ?? 7);
	const net = profileNetwork(g, 'walking', 'optimistic');
	const rand = mulberry32(11);
	const sourceNodes = Array.from({ length: 200 }, () => Math.floor(rand() * g.nodeCount));
	const sources: SweepSource[] = sourceNodes.map((n, label) => {
		// a source exactly on node n: the start (t = 0) of one of its edges
		const e = g.arcEdges[g.offsets[n]!]!;
		return { snap: { edge: e, t: g.edgeFrom[e] === n ? 0 : 1, accessM: 0, lng: 0, lat: 0 }, label };
	});
	const ws = new SweepWorkspace(g.nodeCount);
	const state = emptySweepState(net);
	const fq = new FlatQueueDijkstra(net);
	const cpp = prepareCppReference(net, sourceNodes);
	const ours: number[] = [];
	const flat: number[] = [];
	const native: number[] = [];
	const vsFlat: number[] = [];
	const vsCpp: number[] = [];
	try {
		multiSourceSweep(net, sources, ws, state);
		fq.run(sourceNodes);
		const timed = (f: () => void): number => {
			const t = performance.now();
			f();
			return performance.now() - t;
		};
		for (let r = 0; r < runs; r++) {
			// the sides in turn, starting with a different one each run (no side always first)
			let a = 0;
			let b = 0;
			let c = 0;
			const sides = [
				() => (a = timed(() => multiSourceSweep(net, sources, ws, state))),
				() => (b = timed(() => fq.run(sourceNodes))),
				() => (c = 'skipped' in cpp ? 0 : cpp.run().ms),
			];
			for (let k = 0; k < sides.length; k++) sides[(r + k) % sides.length]!();
			ours.push(a);
			flat.push(b);
			vsFlat.push(a / b);
			if (!('skipped' in cpp)) {
				native.push(c);
				vsCpp.push(a / c);
			}
		}
		// checks, outside every timed region
		let maxFlat = 0;
		let maxCpp = 0;
		const cppDist = 'skipped' in cpp ? undefined : cpp.lastDistances();
		for (let n = 0; n < g.nodeCount; n++) {
			const c = state.costS(n);
			maxFlat = Math.max(maxFlat, c === fq.dist[n] ? 0 : Math.abs(c - fq.dist[n]!));
			if (cppDist) maxCpp = Math.max(maxCpp, c === cppDist[n] ? 0 : Math.abs(c - cppDist[n]!));
		}
		const rf = spread(vsFlat);
		const rc = native.length > 0 ? spread(vsCpp) : undefined;
		log(
			`1M-edge sweep: ours ${median(ours).toFixed(1)} ms, flatqueue ${median(flat).toFixed(1)} ms (ratio ${rf.median}, ${rf.min}–${rf.max}), ${
				rc
					? `C++ ${median(native).toFixed(1)} ms (ratio ${rc.median}, ${rc.min}–${rc.max})`
					: (cpp as { skipped: string }).skipped
			}; largest differences ${maxFlat} s, ${maxCpp} s`,
		);
		const keeps = {
			sweep:
				"per node 12 bytes in two arrays: cost (Float64) and tag (Int32: place label × 2 + flag); 16 more (extra metres, unknown metres) only where the path crossed a limited or unknown stretch (none here: walking); queue: bands of 200 m walked, each a bitmap over node numbers (1 bit per node and band queued: a ring of 4 here), worked in node order; 1 bit per node for ties (their band's labels are made exact) and 1 for seeds",
			flatqueue:
				'per node 8 bytes: cost (Float64); queue: 12 bytes per push (Float64 value, Uint32 id)',
			cpp: 'per node 8 bytes: cost (double); queue: 16 bytes per push (double, uint32 pair)',
		};
		return {
			synthetic_1m_nodes: g.nodeCount,
			synthetic_1m_edges: g.edgeCount,
			synthetic_1m_sources: sources.length,
			sweep_1m_ms: spread(ours),
			flatqueue_1m_ms: spread(flat),
			cpp_1m_ms: native.length > 0 ? spread(native) : null,
			cpp_compiler: 'skipped' in cpp ? cpp.skipped : `${cpp.compiler}, -O3 -march=native`,
			sweep_vs_flatqueue_ratio: rf,
			sweep_vs_cpp_ratio: rc ?? null,
			sweep_vs_flatqueue_max_difference_s: maxFlat,
			sweep_vs_cpp_max_difference_s: cppDist ? maxCpp : null,
			per_node_kept: keeps,
			// the last sweep: nodes worked (a node improved inside its band after it was worked
			// counts again) and labels its tie repairs changed
			sweep_nodes_worked: ws.worked,
			sweep_labels_repaired: ws.repaired,
			targets: {
				sweep_vs_flatqueue: {
					value: rf,
					target: `≤ ${SWEEP_MAX_VS_FLATQUEUE} (median), equal costs`,
					meetsTargets: rf.median <= SWEEP_MAX_VS_FLATQUEUE && maxFlat === 0,
				},
				sweep_vs_cpp: {
					value: rc ?? null,
					target: `≤ ${SWEEP_MAX_VS_CPP} (median), equal costs`,
					meetsTargets: rc ? rc.median <= SWEEP_MAX_VS_CPP && maxCpp === 0 : null,
				},
			},
		};
	} finally {
		if (!('skipped' in cpp)) cpp.dispose();
	}
}
/** What-if edits measured per category on the sample, and on the 1 M-edge graph. */
const WHATIF_SAMPLE_EDITS = 200;
const WHATIF_BIG_EDITS = 40;
/** Edits before timing starts (JIT warm-up), excluded from every figure: sample, 1 M-edge graph. */
const WHATIF_SAMPLE_WARMUP = 50;
const WHATIF_BIG_WARMUP = 10;
const WHATIF_MAX_MS = 8;
const WHATIF_MAX_RATIO = 1 / 50;

/** One what-if figure: a category on a graph, with its own target check. */
interface WhatIfItem {
	graph: string;
	edges: number;
	origins: number;
	category: string;
	places: number;
	profile: 'walking';
	edits: number;
	add_ms_median: number;
	add_ms_p90: number;
	remove_ms_median: number;
	remove_ms_p90: number;
	full_recompute_ms_median: number;
	full_recomputes: number;
	/** Origins whose result an edit changes (median): the work no incremental method can skip. */
	changed_origins_median: number;
	/** max(add, remove median) / full recompute median. */
	ratio: number;
	/** Largest |what-if − full recompute| in metres over every origin, for every recompute. */
	max_abs_difference_m: number;
	meetsTargets: boolean;
}

/**
 * Adds a planned place at each site, then removes it, against a full recompute of the same
 * coverage with that place (every `recomputeEvery`-th edit); each recompute also checks that the
 * incremental result equals it for every origin, and that removing restores the run.
 */
function measureWhatIf(
	engine: AnalysisEngine,
	graphName: string,
	categoryId: string,
	sites: [number, number][],
	warmup: number,
	recomputeEvery: number,
): WhatIfItem {
	const run = engine.coverage({ categoryId, profile: 'walking' });
	const base = run.result.distanceM.slice();
	const add: number[] = [];
	const remove: number[] = [];
	const full: number[] = [];
	const changed: number[] = [];
	let maxDiff = 0;
	const diff = (a: Float64Array, b: Float64Array): number => {
		let m = 0;
		for (let i = 0; i < a.length; i++) {
			const x = a[i]!;
			const y = b[i]!;
			if (x !== y) m = Math.max(m, Math.abs(x - y)); // Infinity vs finite counts as Infinity
		}
		return m;
	};
	sites.forEach((lngLat, k) => {
		const timed = k >= warmup;
		// a full recompute (and equality check) at the first edit, untimed, then every
		// `recomputeEvery`-th timed edit
		const recompute = k === 0 || (timed && (k - warmup) % recomputeEvery === 0);
		let t = performance.now();
		const ch = run.addPlace({ id: `planned-${k}`, lngLat });
		const addT = performance.now() - t;
		if (!ch) return;
		if (recompute) {
			t = performance.now();
			const f = engine.coverage({
				categoryId,
				profile: 'walking',
				extraPlaces: [{ id: `planned-${k}`, lngLat }],
			});
			const fullT = performance.now() - t;
			if (timed) full.push(fullT);
			maxDiff = Math.max(maxDiff, diff(run.result.distanceM, f.result.distanceM));
		}
		t = performance.now();
		run.removePlace(ch.label);
		const removeT = performance.now() - t;
		if (recompute) maxDiff = Math.max(maxDiff, diff(run.result.distanceM, base));
		if (!timed) return;
		add.push(addT);
		remove.push(removeT);
		changed.push(ch.origins.length);
	});
	const addMs = median(add);
	const removeMs = median(remove);
	const fullMs = median(full);
	const ratio = Math.max(addMs, removeMs) / fullMs;
	const item: WhatIfItem = {
		graph: graphName,
		edges: engine.graph.edgeCount,
		origins: engine.bundle.origins.count,
		category: categoryId,
		places: engine.placesOf(categoryId).length,
		profile: 'walking',
		edits: add.length,
		add_ms_median: ms(addMs),
		add_ms_p90: ms(quantile(add, 0.9)),
		remove_ms_median: ms(removeMs),
		remove_ms_p90: ms(quantile(remove, 0.9)),
		full_recompute_ms_median: ms(fullMs),
		full_recomputes: full.length,
		changed_origins_median: median(changed),
		ratio: Number(ratio.toPrecision(3)),
		max_abs_difference_m: maxDiff,
		meetsTargets:
			Math.max(addMs, removeMs) <= WHATIF_MAX_MS && ratio <= WHATIF_MAX_RATIO && maxDiff < 1e-6,
	};
	log(
		`what-if ${graphName} ${categoryId} (${item.places} places, ${item.origins} origins, walking): add ${addMs.toFixed(3)} ms, remove ${removeMs.toFixed(3)} ms, full recompute ${fullMs.toFixed(3)} ms, ratio ${item.ratio}, ${item.changed_origins_median} origins changed per edit, max difference ${maxDiff} m → ${item.meetsTargets ? 'meets' : 'misses'} the target`,
	);
	return item;
}

/**
 * What-if on the seeded synthetic 1 M-edge graph: 200,000 origins (the big job's 1 M origins per
 * 5 M edges), 200 places of a sparse category (as in the sweep comparison) and 2,000 of a dense one.
 */
function bigWhatIfFigures(g: RoutingGraph): WhatIfItem[] {
	const t = performance.now();
	const sparse = syntheticBundle(g, 200_000, 200, 'pharmacy', 31);
	const dense = syntheticPlaces(g, 2000, 'public_transport', 37);
	const p = sparse.places;
	const bundle: AnalysisBundle = {
		...sparse,
		places: {
			count: p.count + dense.count,
			ids: [...p.ids, ...dense.ids.map((id) => `s${id}`)],
			names: [...p.names, ...dense.names],
			categoryIds: [...p.categoryIds, ...dense.categoryIds],
			lngLat: Float64Array.from([...p.lngLat, ...dense.lngLat]),
		},
	};
	const engine = new AnalysisEngine(bundle);
	const snaps = engine.originSnaps('walking');
	log(
		`what-if on the synthetic 1M graph: edge index and ${bundle.origins.count} origins snapped in ${(performance.now() - t).toFixed(0)} ms`,
	);
	const rand = mulberry32(43);
	const o = bundle.origins;
	const sites = (): [number, number][] => {
		const out: [number, number][] = [];
		while (out.length < WHATIF_BIG_EDITS + WHATIF_BIG_WARMUP) {
			const i = Math.floor(rand() * o.count);
			if (snaps.edge[i]! >= 0) out.push([o.lngLat[i * 2]!, o.lngLat[i * 2 + 1]!]);
		}
		return out;
	};
	// a full recompute every 5th timed edit: 8 timed per category (about 1 s each)
	return ['pharmacy', 'public_transport'].map((c) =>
		measureWhatIf(engine, 'synthetic 1M edges', c, sites(), WHATIF_BIG_WARMUP, 5),
	);
}

/** Part 3: what-if on the sample and on the 1 M-edge graph. */
async function whatIfFigures(ctx: BenchContext): ReturnType<BenchPart> {
	const { bundle, engine } = await ctx.sample();
	const categories = engine.categoriesWithPlaces();
	const snaps = engine.originSnaps('walking');
	const connected: number[] = [];
	for (let i = 0; i < bundle.origins.count; i++)
		if ((snaps.edge[i] as number) >= 0) connected.push(i);
	const rand = mulberry32(43);
	// a category with few places and the one with the most
	const byCount = [...categories].sort(
		(x, y) => engine.placesOf(x).length - engine.placesOf(y).length,
	);
	const few = categories.includes('pharmacy') ? 'pharmacy' : (byCount[0] as string);
	const many = byCount[byCount.length - 1] as string;
	const sites = (n: number): [number, number][] =>
		Array.from({ length: n }, () => {
			const i = connected[Math.floor(rand() * connected.length)]!;
			return [bundle.origins.lngLat[i * 2]!, bundle.origins.lngLat[i * 2 + 1]!];
		});
	const whatIf = [few, many].map((cat) =>
		measureWhatIf(
			engine,
			'sample',
			cat,
			sites(WHATIF_SAMPLE_EDITS + WHATIF_SAMPLE_WARMUP),
			WHATIF_SAMPLE_WARMUP,
			1,
		),
	);
	whatIf.push(...bigWhatIfFigures(ctx.graph1M()));
	const target = `≤ ${WHATIF_MAX_MS} ms and ≤ 1/50 = ${WHATIF_MAX_RATIO} of a full recompute, equal to it`;
	return {
		whatif_target: target,
		whatif: whatIf,
		targets: Object.fromEntries(
			whatIf.map((w) => [
				`whatif ${w.graph} ${w.category}`,
				{
					value: { ms: Math.max(w.add_ms_median, w.remove_ms_median), ratio: w.ratio },
					target,
					meetsTargets: w.meetsTargets,
				},
			]),
		),
	};
}

/** Part 4: the 5 M-edge job in a child process (its own peak memory), unless --no-big. */
async function bigJobFigures(ctx: BenchContext): ReturnType<BenchPart> {
	if (ctx.args.includes('--no-big')) {
		return {
			big: 'skipped (--no-big)',
			targets: { big_5m_memory: { value: null, target: '≤ 1024 MiB', meetsTargets: null } },
		};
	}
	log(
		'5M-edge job in a child process (graph, 1M origins snapped, wheelchair sweep from 2,000 places)',
	);
	const out = execFileSync(
		process.execPath,
		['--import', 'tsx', fileURLToPath(import.meta.url), '--child-big'],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
	);
	const figures = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
	const rss = figures.big_peak_rss_mib as number;
	return {
		...figures,
		targets: { big_5m_memory: { value: rss, target: '≤ 1024 MiB', meetsTargets: rss <= 1024 } },
	};
}

/** The parts of the suite, in order, by the name `--only` picks them with. */
const PARTS: [string, BenchPart][] = [
	['full', fullAnalysisFigures],
	['nearest', async (ctx) => (await import('./nearest.ts')).nearestFigures(await ctx.sample())], // issue #9
	['sweep', sweepFigures],
	['whatif', whatIfFigures],
	['big', bigJobFigures],
];

/** The suite (see the file's doc comment). */
export async function run(args: string[]): Promise<Record<string, unknown>> {
	let sample: Awaited<ReturnType<BenchContext['sample']>> | undefined;
	let graph: RoutingGraph | undefined;
	const ctx: BenchContext = {
		args,
		arg: (name) => {
			const i = args.indexOf(name);
			return i >= 0 ? args[i + 1] : undefined;
		},
		sample: async () => {
			if (!sample) {
				const { bundle, source } = await sampleBundle();
				const engine = new AnalysisEngine(bundle);
				const prep = engine.prepare();
				log(
					`sample ${source}: ${bundle.graph.nodeCount} nodes, ${bundle.graph.edgeCount} edges, ${bundle.origins.count} origins, ${bundle.places.count} places; every origin and place snapped once for ${prep.filters} filters (${prep.distinctFilters} distinct) in ${prep.ms.toFixed(0)} ms`,
				);
				sample = { bundle, source, engine };
				prepareMs = prep.ms;
			}
			return sample;
		},
		graph1M: () => {
			if (!graph) {
				const t = performance.now();
				graph = syntheticGrid(1_000_000, 7);
				log(
					`synthetic 1M: ${graph.nodeCount} nodes, ${graph.edgeCount} edges built in ${(performance.now() - t).toFixed(0)} ms`,
				);
			}
			return graph;
		},
	};
	let prepareMs: number | undefined;
	const figures: Record<string, unknown> = {};
	const targets: Record<string, TargetCheck> = {};
	const only = ctx.arg('--only')?.split(',');
	const unknown = only?.filter((o) => !PARTS.some(([name]) => name === o)) ?? [];
	if (unknown.length > 0) {
		throw new Error(
			`--only: no part ${unknown.join(', ')}; the parts: ${PARTS.map(([n]) => n).join(', ')}`,
		);
	}
	for (const [name, part] of PARTS) {
		if (only && !only.includes(name)) continue;
		const { targets: t, ...f } = await part(ctx);
		Object.assign(figures, f);
		Object.assign(targets, t ?? {});
	}
	if (prepareMs !== undefined) figures.sample_prepare_snap_ms = ms(prepareMs);
	figures.targets = targets;
	return figures;
}

/** The whole job on a 5 M-edge graph; run in a child process so its peak memory is its own. */
function bigJob(): Record<string, unknown> {
	const t0 = performance.now();
	let t = t0;
	const phases: Record<string, number> = {};
	const g = syntheticGrid(5_000_000, 5);
	phases.graph_ms = performance.now() - t;
	t = performance.now();
	const origins = syntheticOrigins(g, 1_000_000, 6);
	const index = new EdgeIndex(g, 200);
	phases.index_ms = performance.now() - t;
	t = performance.now();
	const net = profileNetwork(g, 'wheelchair', 'optimistic');
	const snaps = new Int32Array(origins.count);
	const tt = new Float64Array(origins.count);
	const acc = new Float64Array(origins.count);
	const usable = (e: number): boolean => net.edgeCostS[e]! < Infinity;
	for (let i = 0; i < origins.count; i++) {
		const s = index.snap(origins.lngLat[i * 2]!, origins.lngLat[i * 2 + 1]!, usable, 300);
		snaps[i] = s ? s.edge : -1;
		tt[i] = s ? s.t : 0;
		acc[i] = s ? s.accessM : Infinity;
	}
	phases.snap_ms = performance.now() - t;
	t = performance.now();
	const rand = mulberry32(9);
	const sources: SweepSource[] = [];
	for (let k = 0; k < 2000; k++) {
		const e = Math.floor(rand() * g.edgeCount);
		if (usable(e))
			sources.push({ snap: { edge: e, t: rand(), accessM: 10, lng: 0, lat: 0 }, label: k });
	}
	const st = multiSourceSweep(net, sources);
	phases.sweep_ms = performance.now() - t;
	t = performance.now();
	let beyond = 0;
	for (let i = 0; i < origins.count; i++) {
		const e = snaps[i]!;
		if (e < 0) continue;
		const r = evaluateSnap(
			net,
			st,
			{ edge: e, t: tt[i]!, accessM: acc[i]!, lng: 0, lat: 0 },
			undefined,
		);
		if (!(r.distanceM <= 500)) beyond += origins.residents65[i]!;
	}
	phases.evaluate_ms = performance.now() - t;
	let reached = 0;
	for (let n = 0; n < g.nodeCount; n++) if (st.costS(n) < Infinity) reached++;
	const maxRssMiB = process.resourceUsage().maxRSS / 1024;
	return {
		big_edges: g.edgeCount,
		big_nodes: g.nodeCount,
		big_origins: origins.count,
		big_sources: sources.length,
		big_reached_nodes: reached,
		big_residents65_beyond_500m: Number(beyond.toFixed(1)),
		...Object.fromEntries(Object.entries(phases).map(([k, v]) => [`big_${k}`, ms(v)])),
		big_total_ms: ms(performance.now() - t0),
		big_peak_rss_mib: Number(maxRssMiB.toFixed(1)),
		big_target: 'one worker within 1 GiB',
	};
}

if (
	process.argv.includes('--child-big') &&
	import.meta.url === pathToFileURL(process.argv[1] ?? '').href
) {
	console.log(JSON.stringify(bigJob()));
}
