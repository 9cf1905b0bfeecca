/**
 * `npm run bench -- gap-job [--category ID] [--runs N] [--warmup N]`: the whole gap job for one category on the
 * sample (every origin, walking) in the engine against pgRouting on the local stack doing the same
 * job on the same graph, its fastest way, interleaved run by run.
 *
 * - Engine: `engine.coverage({ categoryId, profile: 'walking' })` on an engine whose origins and
 *   places were snapped once (`prepare()`, as the worker does at load; timed apart): one sweep
 *   from every place of the category, then every origin's distance, time, unknown metres and
 *   nearest place. Inside the timed region: the release of the run before (`CoverageRun.release`:
 *   its engine keeps its per-node labels and four per-origin result columns), the new run filling
 *   those arrays, and the sources from the cached place snaps; no snapping, no summary, no copy.
 * - pgRouting: the graph (loaded by tests/helpers/pgrouting.ts, costs from PostGIS's own lengths)
 *   split at the same snap points (every origin's and every place's, prepared untimed), plus a
 *   virtual super-source joined to each place's point by its access leg; then ONE
 *   `pgr_dijkstraCost` from the super-source to every origin's point, as a named prepared
 *   statement, its rows read back (timed).
 * - Both sides warm up alike before the timed runs (`--warmup`, default 30 runs each, untimed).
 * - Check (untimed): every connected origin's distance from both sides within 1 m (pgRouting's
 *   cost × speed + the origin's access leg); the unreachable ones unreachable on both sides.
 *
 * The stack of `npm run db:start` is used when it runs (ports from BUURTKAART_*_PORT); otherwise
 * this starts it and stops it at the end. Category default: pharmacy (the first category with
 * places when the area has none).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { AnalysisEngine } from '../../src/analysis/engine.ts';
import { databaseUrl, loadGraph } from '../../tests/helpers/pgrouting.ts';
import { sampleBundle } from './lib/sample.ts';
import { median, ms, spread } from './lib/stats.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (s: string): void => void process.stderr.write(`[bench gap-job] ${s}\n`);
const TARGET_RATIO = 1 / 100;
const TARGET_DIFF_M = 1;

function stackRunning(): boolean {
	try {
		execFileSync('bash', ['-c', '. scripts/lib/stack/common.sh && stack_running'], {
			cwd: root,
			stdio: 'ignore',
		});
		return true;
	} catch {
		return false;
	}
}

/** The suite (see the file's doc comment). */
export async function run(args: string[]): Promise<Record<string, unknown>> {
	const arg = (name: string): string | undefined => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const runs = Number(arg('--runs') ?? 15);
	if (!(Number.isInteger(runs) && runs >= 3)) throw new Error(`--runs must be ≥ 3, got ${runs}`);
	const warmup = Number(arg('--warmup') ?? 30);
	if (!(Number.isInteger(warmup) && warmup >= 0)) {
		throw new Error(`--warmup must be a whole number ≥ 0, got ${warmup}`);
	}
	const { bundle, source } = await sampleBundle();
	const engine = new AnalysisEngine(bundle);
	const prep = engine.prepare();
	log(
		`sample ${source}: ${bundle.origins.count} origins, ${bundle.graph.edgeCount} edges; snapped once for ${prep.filters} filters (${prep.distinctFilters} distinct) in ${prep.ms.toFixed(0)} ms`,
	);
	const cats = engine.categoriesWithPlaces();
	const categoryId = arg('--category') ?? (cats.includes('pharmacy') ? 'pharmacy' : cats[0]);
	if (!categoryId || !cats.includes(categoryId)) {
		throw new Error(
			`category "${String(categoryId)}" has no place in the sample: pick one of ${cats.join(', ')}`,
		);
	}

	const started = !stackRunning();
	if (started) {
		log('starting the local stack (npm run db:start); it is stopped again at the end');
		execFileSync('bash', ['scripts/db-start.sh'], {
			cwd: root,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	}
	const schema = `bench_gap_job_${process.pid}_${Date.now()}`;
	const client = new pg.Client({ connectionString: databaseUrl() });
	try {
		await client.connect();
		let t = performance.now();
		await loadGraph(client, engine, schema);
		const g = engine.graph;
		const net = engine.network('walking');
		const snaps = engine.originSnaps('walking');
		const o = bundle.origins;

		// the graph split at every snap point: graph node n is vertex n + 1, points follow, then the
		// super-source; each edge's pieces carry their share of its PostGIS cost
		const pointsOnEdge = new Map<number, { t: number; vid: number }[]>();
		let nextVid = g.nodeCount + 1;
		const pointVid = (e: number, tt: number): number => {
			let list = pointsOnEdge.get(e);
			if (!list) pointsOnEdge.set(e, (list = []));
			const same = list.find((p) => p.t === tt);
			if (same) return same.vid;
			const vid = nextVid++;
			list.push({ t: tt, vid });
			return vid;
		};
		const originVid = new Int32Array(o.count).fill(-1);
		for (let i = 0; i < o.count; i++) {
			const e = snaps.edge[i]!;
			if (e >= 0) originVid[i] = pointVid(e, snaps.t[i]!);
		}
		const placeLegs: [number, number][] = []; // [vid, access seconds]
		for (const i of engine.placesOf(categoryId)) {
			const s = engine.placeSnap(i, 'walking');
			if (s) placeLegs.push([pointVid(s.edge, s.t), s.accessM / net.speedMps]);
		}
		const superSource = nextVid++;
		const piece = {
			edge: [] as number[],
			source: [] as number[],
			target: [] as number[],
			f0: [] as number[],
			f1: [] as number[],
		};
		for (let e = 0; e < g.edgeCount; e++) {
			const pts = (pointsOnEdge.get(e) ?? []).sort((a, b) => a.t - b.t);
			let prev = g.edgeFrom[e]! + 1;
			let f = 0;
			for (const p of [...pts, { t: 1, vid: g.edgeTo[e]! + 1 }]) {
				piece.edge.push(e);
				piece.source.push(prev);
				piece.target.push(p.vid);
				piece.f0.push(f);
				piece.f1.push(p.t);
				prev = p.vid;
				f = p.t;
			}
		}
		await client.query(
			`create table ${schema}.split as
			 select row_number() over () as id, p.source, p.target, (p.f1 - p.f0) * e.walking as cost
			 from unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[], $5::float8[])
			   as p(edge_id, source, target, f0, f1)
			 join ${schema}.edges e on e.id = p.edge_id where e.walking >= 0`,
			[piece.edge, piece.source, piece.target, piece.f0, piece.f1],
		);
		await client.query(
			`insert into ${schema}.split (id, source, target, cost)
			 select (select max(id) from ${schema}.split) + k, $1, vid, s
			 from unnest($2::bigint[], $3::float8[]) with ordinality as l(vid, s, k)`,
			[superSource, placeLegs.map((p) => p[0]), placeLegs.map((p) => p[1])],
		);
		const targets = [...new Set([...originVid].filter((v) => v >= 0))];
		await client.query(`create table ${schema}.targets as select unnest($1::bigint[]) as vid`, [
			targets,
		]);
		await client.query(`analyze ${schema}.split`);
		const splitRows = (
			await client.query<{ n: string }>(`select count(*) as n from ${schema}.split`)
		).rows[0]!.n;
		log(
			`pgRouting: graph loaded and split at ${targets.length} origin points and ${placeLegs.length} places (${splitRows} edges) in ${(performance.now() - t).toFixed(0)} ms`,
		);
		const sql = `select end_vid, agg_cost from pgr_dijkstraCost(
			'select id, source, target, cost, cost as reverse_cost from ${schema}.split',
			${superSource}::bigint, (select array_agg(vid) from ${schema}.targets), directed => false)`;

		// pgRouting's side as a named prepared statement: parsed and planned once, in the warm-up
		const query = { name: `gap_job_${process.pid}`, text: sql };

		// interleaved: engine, then pgRouting, `runs` times
		const ours: number[] = [];
		const theirs: number[] = [];
		const ratios: number[] = [];
		let rows: { end_vid: string; agg_cost: number }[] = [];
		// warm-up, untimed, both sides alike: the engine's job reaches optimised code (V8 compiles the
		// sweep and the origin loop only after some runs: with 3 warm-up runs the timed runs still
		// included that), the statement is prepared, both sides' data are in memory
		// each job releases the run before it (its arrays go back to the engine, as an app drops a
		// finished job's run) and fills them: timed together
		let run = engine.coverage({ categoryId, profile: 'walking' });
		for (let w = 0; w < warmup; w++) {
			run.release();
			run = engine.coverage({ categoryId, profile: 'walking' });
			await client.query(query);
		}
		for (let r = 0; r < runs; r++) {
			t = performance.now();
			run.release();
			run = engine.coverage({ categoryId, profile: 'walking' });
			const a = performance.now() - t;
			t = performance.now();
			rows = (await client.query<{ end_vid: string; agg_cost: number }>(query)).rows;
			const b = performance.now() - t;
			ours.push(a);
			theirs.push(b);
			ratios.push(a / b);
		}

		// beside it, not in the ratio: the engine's job run back to back (no pgRouting query between
		// two runs). After the ~30 ms the process waits on PostgreSQL, the same job takes about three
		// times as long on this machine (0.13–0.19 ms back to back, 0.32–0.40 ms after a wait): not the
		// clock speeding up (a 3 ms busy loop before it does not help) but its data and code no
		// longer in the core's caches. The app's worker also waits between jobs, so the ratio keeps
		// the interleaved runs.
		const backToBack: number[] = [];
		for (let r = 0; r < runs; r++) {
			t = performance.now();
			run.release();
			run = engine.coverage({ categoryId, profile: 'walking' });
			backToBack.push(performance.now() - t);
		}

		// the check, outside every timed region
		const result = run.result;
		const cost = new Map(rows.map((x) => [Number(x.end_vid), Number(x.agg_cost)]));
		let maxDiff = 0;
		let compared = 0;
		let disagree = 0;
		let unreachable = 0;
		for (let i = 0; i < o.count; i++) {
			if (originVid[i]! < 0) continue;
			const c = cost.get(originVid[i]!);
			const mine = result.distanceM[i]!;
			if (c === undefined) {
				if (mine !== Infinity) disagree++;
				else unreachable++;
				continue;
			}
			if (mine === Infinity) {
				disagree++;
				continue;
			}
			const other = c * net.speedMps + snaps.accessM[i]!;
			maxDiff = Math.max(maxDiff, Math.abs(mine - other));
			compared++;
		}
		const ratio = spread(ratios);
		log(
			`${categoryId} walking, ${compared} origins compared: engine ${median(ours).toFixed(3)} ms, pgRouting ${median(theirs).toFixed(1)} ms, ratio ${ratio.median} (${ratio.min}–${ratio.max}), largest difference ${maxDiff.toExponential(2)} m, ${disagree} reachable on one side only`,
		);
		return {
			sample_source: source,
			category: categoryId,
			profile: 'walking',
			origins: o.count,
			origins_connected: compared + disagree + unreachable,
			origins_compared: compared,
			origins_unreachable_on_both_sides: unreachable,
			places: placeLegs.length,
			prepare_snap_ms: ms(prep.ms),
			prepare_snap_filters: prep.filters,
			prepare_snap_distinct_filters: prep.distinctFilters,
			warmup_runs_each: warmup,
			engine_job_ms: spread(ours),
			engine_job_back_to_back_ms: spread(backToBack),
			pgrouting_job_ms: spread(theirs),
			pgrouting_split_edges: Number(splitRows),
			pgrouting_targets: targets.length,
			job_vs_pgrouting_ratio: ratio,
			max_abs_difference_m: maxDiff,
			reachable_on_one_side_only: disagree,
			targets: {
				job_vs_pgrouting: {
					value: ratio.median,
					target: `≤ 1/100 = ${TARGET_RATIO}, every origin within ${TARGET_DIFF_M} m`,
					meetsTargets: ratio.median <= TARGET_RATIO && maxDiff <= TARGET_DIFF_M && disagree === 0,
				},
			},
		};
	} finally {
		await client.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
		await client.end().catch(() => undefined);
		if (started) {
			log('stopping the stack this bench started');
			execFileSync('bash', ['scripts/db-stop.sh'], {
				cwd: root,
				stdio: ['ignore', 'ignore', 'inherit'],
			});
		}
	}
}
