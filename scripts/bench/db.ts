/**
 * `npm run bench -- db`: places_near (the spatial RPC of curated places) at 100,000 places, p95 per
 * call beside its reference in the same run: the query it ran before issue 10 (spheroid distance of
 * every place in the circle, found by a scan of the whole table since no index served its
 * predicate). Queries are interleaved (current, reference, …) from seeded random origins in the
 * sample areas, as
 * `anon` (Row Level Security applies), radius 1,000 m, the default limit of 50. Target (issue 10):
 * p95 < 50 ms.
 *
 * Uses the local stack (`npm run db:start`); starts it when it does not run and stops it again at
 * the end. The 100,000 places live only inside one transaction that is rolled back.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { mulberry32 } from '../../src/analysis/synthetic.ts';
import { stackEnv } from '../../tests/helpers/db.ts';
import { REPO_ROOT } from '../lib/version.ts';

const PLACES = 100_000;
const QUERIES = 60;
const RADIUS_M = 1000;

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

function stats(ms: number[]) {
	const s = [...ms].sort((a, b) => a - b);
	const r = (v: number) => Math.round(v * 100) / 100;
	return {
		p50Ms: r(percentile(s, 50)),
		p95Ms: r(percentile(s, 95)),
		maxMs: r(s[s.length - 1] as number),
	};
}

function stackRuns(): boolean {
	try {
		execFileSync('bash', [path.join(REPO_ROOT, 'scripts/lib/stack/running.sh')], {
			stdio: 'ignore',
		});
		return true;
	} catch {
		return false;
	}
}

export async function run(): Promise<Record<string, unknown>> {
	const started = !stackRuns();
	if (started) {
		console.error('bench db: starting the local stack');
		execFileSync('bash', [path.join(REPO_ROOT, 'scripts/db-start.sh')], {
			stdio: ['ignore', 'ignore', 'inherit'],
		});
	}
	const db = new pg.Client({ connectionString: stackEnv().DATABASE_URL });
	await db.connect();
	try {
		await db.query('begin');
		const { rows: areas } = await db.query<{
			id: string;
			w: number;
			s: number;
			e: number;
			n: number;
		}>(
			`select id, extensions.st_xmin(boundary) as w, extensions.st_ymin(boundary) as s,
				extensions.st_xmax(boundary) as e, extensions.st_ymax(boundary) as n from public.areas order by slug`,
		);
		if (areas.length === 0) throw new Error('bench db: no areas in the database (seed missing?)');
		console.error(`bench db: inserting ${PLACES} public places in ${areas.length} area(s)`);
		// seeded points inside each area's bounding box, inside the area (triggers off: bulk load)
		await db.query(`set local session_replication_role = replica`);
		await db.query(`select setseed(0.42)`);
		// (with the triggers off, both columns of the location: the GeoJSON and its geometry)
		await db.query(
			`insert into public.curated_places (area_id, name, categories, geom, location, source, visibility)
			 select area_id, name, categories, geom, extensions.st_asgeojson(geom)::jsonb, 'bench', 'public'
			 from (
				select a.id as area_id, 'Bench ' || g as name, array[(enum_range(null::public.place_category))[1 + (g % 20)]] as categories,
					extensions.st_setsrid(extensions.st_makepoint(
						extensions.st_xmin(a.boundary) + random() * (extensions.st_xmax(a.boundary) - extensions.st_xmin(a.boundary)),
						extensions.st_ymin(a.boundary) + random() * (extensions.st_ymax(a.boundary) - extensions.st_ymin(a.boundary))), 4326) as geom
				from generate_series(1, $1::integer) as g
				join lateral (select * from public.areas order by slug offset (g % $2::integer) limit 1) as a on true
			 ) as p`,
			[PLACES, areas.length],
		);
		await db.query(`set local session_replication_role = origin`);
		await db.query('analyze public.curated_places');
		await db.query(`set local role anon`);
		await db.query(`set local request.jwt.claims = '{"role": "anon"}'`);

		const random = mulberry32(7);
		const origins = Array.from({ length: QUERIES }, () => {
			const a = areas[Math.floor(random() * areas.length)]!;
			return [a.w + random() * (a.e - a.w), a.s + random() * (a.n - a.s)] as const;
		});
		const call = `select count(*) as n from public.places_near($1, $2, ${RADIUS_M})`;
		// the query places_near ran before (migration 20261123060300; its column is now geom), with no index it could use
		const before = `select count(*) as n from (
			select p, extensions.st_distance(p.geom::extensions.geography, o::extensions.geography)
			from public.curated_places as p,
				extensions.st_setsrid(extensions.st_makepoint($1, $2), 4326) as o
			where extensions.st_dwithin(p.geom::extensions.geography, o::extensions.geography, ${RADIUS_M})
			order by 2, p.id limit 50) as x`;
		const time = async (current: boolean, lon: number, lat: number) => {
			await db.query(`set local enable_indexscan = ${current ? 'on' : 'off'}`);
			await db.query(`set local enable_bitmapscan = ${current ? 'on' : 'off'}`);
			const t = performance.now();
			const { rows } = await db.query<{ n: string }>(current ? call : before, [lon, lat]);
			return { ms: performance.now() - t, n: Number(rows[0]?.n) };
		};
		// warm-up, and the same answer both ways
		for (const [lon, lat] of origins.slice(0, 3)) {
			const [a, b] = [await time(true, lon, lat), await time(false, lon, lat)];
			if (a.n !== b.n)
				throw new Error(`bench db: index and scan disagree at ${lon},${lat}: ${a.n} vs ${b.n}`);
		}
		const indexed: number[] = [];
		const scanned: number[] = [];
		let found = 0;
		for (const [i, [lon, lat]] of origins.entries()) {
			const first = i % 2 === 0;
			const a = await time(first, lon, lat);
			const b = await time(!first, lon, lat);
			(first ? indexed : scanned).push(a.ms);
			(first ? scanned : indexed).push(b.ms);
			found += a.n;
		}
		await db.query(`set local enable_indexscan = on`);
		await db.query(`set local enable_bitmapscan = on`);
		// the search inside private.places_near runs as its owner (security definer), not through RLS
		await db.query('reset role');
		const { rows: plan } = await db.query<{ 'QUERY PLAN': string }>(
			`explain select p.id from public.curated_places as p
			 where extensions.st_dwithin(p.geom::extensions.geography,
				extensions.st_setsrid(extensions.st_makepoint($1, $2), 4326)::extensions.geography, ${RADIUS_M}, false)
				and (p.visibility = 'public' or p.area_id in (select private.my_area_ids('{coordinator,planner,admin}')))`,
			[origins[0]![0], origins[0]![1]],
		);
		const usesIndex = plan.some((r) => r['QUERY PLAN'].includes('curated_places_geom_geog_idx'));
		await db.query('rollback');
		const withIndex = stats(indexed);
		const reference = stats(scanned);
		return {
			machineLoad1m: Math.round(os.loadavg()[0]! * 10) / 10,
			places: PLACES,
			queries: QUERIES,
			radiusM: RADIUS_M,
			meanPlacesPerAnswer: Math.round(found / QUERIES),
			placesNear: withIndex,
			referenceBefore: reference,
			speedupP95: Math.round((reference.p95Ms / withIndex.p95Ms) * 10) / 10,
			usesIndex,
			targets: { p95Ms: 50 },
			meetsTargets: usesIndex && withIndex.p95Ms < 50,
		};
	} finally {
		await db.end();
		if (started) {
			console.error('bench db: stopping the local stack it started');
			execFileSync('bash', [path.join(REPO_ROOT, 'scripts/db-stop.sh')], {
				stdio: ['ignore', 'ignore', 'inherit'],
			});
		}
	}
}
