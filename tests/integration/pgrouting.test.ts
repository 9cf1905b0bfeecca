/**
 * Cross-check of the engine's network distances on the real sample area against an independent
 * implementation: pgRouting's Dijkstra on the local PostGIS (the stack of `npm run db:start`, found
 * through DATABASE_URL in process.env or .local/stack/env). Edge lengths on the database side are
 * computed independently by PostGIS (`ST_Length(geography, true)`: the exact geodesic on the WGS84
 * spheroid, the model of src/analysis/geo.ts)
 * from the edges' geometry; costs per profile come from the same profile rules.
 *
 * The test works in a scratch schema of its own (pgRouting installed into it when the database
 * lacks it) and drops it afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnalysisBundle, decodeAnalysisBundle } from '../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../src/analysis/engine.ts';
import { edgeCoordinates } from '../../src/analysis/snap.ts';
import { multiSourceSweep, type SweepSource } from '../../src/analysis/sweep.ts';
import { sampleBundleInput } from '../fixtures/analysis/sample-input.ts';

function databaseUrl(): string {
	if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
	const file = fileURLToPath(new URL('../../.local/stack/env', import.meta.url));
	if (existsSync(file)) {
		const line = readFileSync(file, 'utf8')
			.split('\n')
			.find((l) => l.startsWith('DATABASE_URL='));
		if (line) return line.slice('DATABASE_URL='.length);
	}
	throw new Error('local stack not running: npm run db:start (no DATABASE_URL)');
}

const maxRelDiff: Record<string, number> = {};
const schema = `analysis_check_${process.pid}_${Date.now()}`;
let client: pg.Client;

const engine = new AnalysisEngine(decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput())));
const g = engine.graph;

beforeAll(async () => {
	client = new pg.Client({ connectionString: databaseUrl() });
	await client.connect();
	await client.query(`create schema ${schema}`);
	const postgis = await client.query<{ nsp: string }>(
		`select extnamespace::regnamespace::text as nsp from pg_extension where extname = 'postgis'`,
	);
	if (postgis.rowCount === 0) await client.query(`create extension postgis schema ${schema}`);
	const postgisSchema = postgis.rows[0]?.nsp ?? schema;
	const routing = await client.query<{ nsp: string }>(
		`select extnamespace::regnamespace::text as nsp from pg_extension where extname = 'pgrouting'`,
	);
	if (routing.rowCount === 0) await client.query(`create extension pgrouting schema ${schema}`);
	const routingSchema = routing.rows[0]?.nsp ?? schema;
	await client.query(`set search_path = ${schema}, ${routingSchema}, ${postgisSchema}, public`);
	await client.query(
		`create table ${schema}.edges (id bigint primary key, source bigint not null, target bigint not null,
		  geom geometry(LineString, 4326) not null, walking float8, rollator float8, wheelchair float8)`,
	);
	// geometry from the bundle's shapes; costs are filled in below from PostGIS's own lengths
	const batch = 500;
	for (let start = 0; start < g.edgeCount; start += batch) {
		const values: string[] = [];
		const params: unknown[] = [];
		for (let e = start; e < Math.min(g.edgeCount, start + batch); e++) {
			const wkt = `LINESTRING(${edgeCoordinates(g, e)
				.map(([x, y]) => `${x} ${y}`)
				.join(',')})`;
			params.push(e, g.edgeFrom[e], g.edgeTo[e], wkt);
			const k = params.length;
			values.push(`($${k - 3}, $${k - 2}, $${k - 1}, ST_GeomFromText($${k}, 4326))`);
		}
		await client.query(
			`insert into ${schema}.edges (id, source, target, geom) values ${values.join(',')}`,
			params,
		);
	}
	// per profile: seconds = PostGIS length / speed × factor, -1 (no edge) when unusable
	for (const profile of ['walking', 'rollator', 'wheelchair'] as const) {
		const net = engine.network(profile, 'optimistic');
		const factor: number[] = [];
		for (let e = 0; e < g.edgeCount; e++) {
			const c = net.edgeCostS[e] as number;
			factor.push(c === Infinity ? -1 : (c * net.speedMps) / ((g.lengthsM[e] as number) || 1));
		}
		await client.query(
			`update ${schema}.edges set ${profile} = case when f.factor < 0 then -1
			   else ST_Length(geom::geography, true) / $2 * f.factor end
			 from unnest($1::float8[]) with ordinality as f(factor, i) where id = f.i - 1`,
			[factor, net.speedMps],
		);
	}
}, 120_000);

afterAll(async () => {
	process.stderr.write(
		`pgRouting cross-check, largest relative difference: ${JSON.stringify(maxRelDiff)}\n`,
	);
	if (!client) return;
	await client.query(`drop schema if exists ${schema} cascade`);
	await client.end();
});

describe('network distances agree with pgRouting on the sample area', () => {
	for (const profile of ['walking', 'rollator', 'wheelchair'] as const) {
		it(`${profile}: nearest pharmacy from 300 nodes`, async () => {
			const net = engine.network(profile, 'optimistic');
			// sources: the graph node nearest to each pharmacy's snap, as an exact node source
			const sources: SweepSource[] = [];
			const sourceNodes: number[] = [];
			for (const i of engine.placesOf('pharmacy')) {
				const s = engine.placeSnap(i, profile);
				if (!s) continue;
				const node = s.t < 0.5 ? g.edgeFrom[s.edge] : g.edgeTo[s.edge];
				sources.push({ snap: { ...s, t: s.t < 0.5 ? 0 : 1, accessM: 0 }, label: i });
				sourceNodes.push(node as number);
			}
			expect(sources.length).toBeGreaterThanOrEqual(3);
			const st = multiSourceSweep(net, sources);
			// 300 nodes spread over the node order (Hilbert: spread over space), reachable or not
			const picks = Array.from({ length: 300 }, (_, k) =>
				Math.floor(((k + 0.5) * g.nodeCount) / 300),
			);
			const res = await client.query<{ start_vid: string; cost: number }>(
				`select start_vid, min(agg_cost) as cost from pgr_dijkstraCost(
				   'select id, source, target, ${profile} as cost, ${profile} as reverse_cost from ${schema}.edges',
				   $1::bigint[], $2::bigint[], directed => false)
				 group by start_vid`,
				[picks, sourceNodes],
			);
			const theirs = new Map(res.rows.map((r) => [Number(r.start_vid), Number(r.cost)]));
			let reachable = 0;
			let worst = 0;
			for (const n of picks) {
				const ours = st.costS[n] as number;
				const other = theirs.get(n);
				if (sourceNodes.includes(n)) {
					// pgRouting leaves out a source's pair with itself
					expect(ours).toBe(0);
					continue;
				}
				if (other === undefined) {
					// pgRouting leaves out unreachable pairs
					expect(ours).toBe(Infinity);
					continue;
				}
				reachable++;
				// same paths, lengths from two implementations: within 0.05 % + 0.5 s
				expect(Math.abs(ours - other)).toBeLessThan(other * 0.0005 + 0.5);
				worst = Math.max(worst, Math.abs(ours - other) / Math.max(other, 1));
			}
			maxRelDiff[profile] = worst;
			expect(reachable).toBeGreaterThan(profile === 'wheelchair' ? 150 : 250);
		});
	}
	for (const profile of ['walking', 'wheelchair'] as const) {
		it(`${profile}: origins to their nearest grocery with access legs and points on edges`, async () => {
			const run = engine.coverage({ categoryId: 'grocery', profile });
			const snaps = engine.originSnaps(profile);
			const net = engine.network(profile, 'optimistic');
			const placeIdx = engine.placesOf('grocery').filter((i) => engine.placeSnap(i, profile));
			const o = engine.bundle.origins;
			const picks = Array.from({ length: 120 }, (_, k) =>
				Math.floor(((k + 0.5) * o.count) / 120),
			).filter((i) => snaps.edge[i]! >= 0);
			// points: origins get pid 1..n, places n+1..; fraction along the edge from source to
			// target, kept off 0 and 1 by 1e-7 (pgRouting merges such points into the vertex and
			// leaves them out of the answer; the cost changes by < 1 mm)
			const inside = (t: number): number => Math.min(Math.max(t, 1e-7), 1 - 1e-7);
			const pid: number[] = [];
			const edge: number[] = [];
			const fraction: number[] = [];
			picks.forEach((i, k) => {
				pid.push(k + 1);
				edge.push(snaps.edge[i]!);
				fraction.push(inside(snaps.t[i]!));
			});
			placeIdx.forEach((p, k) => {
				const s = engine.placeSnap(p, profile)!;
				pid.push(picks.length + k + 1);
				edge.push(s.edge);
				fraction.push(inside(s.t));
			});
			await client.query(`drop table if exists ${schema}.points`);
			await client.query(
				`create table ${schema}.points as
			   select * from unnest($1::bigint[], $2::bigint[], $3::float8[]) as t(pid, edge_id, fraction)`,
				[pid, edge, fraction],
			);
			const res = await client.query<{ start_pid: string; end_pid: string; agg_cost: number }>(
				`select start_pid, end_pid, agg_cost from pgr_withPointsCost(
				   'select id, source, target, ${profile} as cost, ${profile} as reverse_cost from ${schema}.edges',
				   'select pid, edge_id, fraction, ''b''::char as side from ${schema}.points',
				   $1::bigint[], $2::bigint[], directed => false)`,
				[picks.map((_, k) => -(k + 1)), placeIdx.map((_, k) => -(picks.length + k + 1))],
			);
			const best = new Map<number, number>();
			for (const r of res.rows) {
				const k = -Number(r.start_pid) - 1;
				const place = placeIdx[-Number(r.end_pid) - picks.length - 1]!;
				const total = Number(r.agg_cost) + engine.placeSnap(place, profile)!.accessM / net.speedMps;
				best.set(k, Math.min(best.get(k) ?? Infinity, total));
			}
			let compared = 0;
			let worst = 0;
			picks.forEach((i, k) => {
				const ours = run.result.timeS[i]!;
				const theirs = (best.get(k) ?? Infinity) + snaps.accessM[i]! / net.speedMps;
				if (ours === Infinity) expect(best.has(k)).toBe(false);
				else {
					expect(Math.abs(ours - theirs)).toBeLessThan(theirs * 0.0005 + 0.5);
					worst = Math.max(worst, Math.abs(ours - theirs) / theirs);
					compared++;
				}
			});
			maxRelDiff[`${profile}_origins_with_access_legs`] = worst;
			expect(compared).toBeGreaterThan(60);
		});
	}
});
