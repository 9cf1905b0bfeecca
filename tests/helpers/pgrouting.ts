/**
 * The sample graph in PostGIS for pgRouting, shared by the cross-check test
 * (tests/integration/pgrouting.test.ts) and the gap-job bench (scripts/bench/gap-job.ts): a
 * scratch schema with one row per graph edge, its geometry from the bundle's shapes and its cost
 * per profile computed independently by PostGIS (`ST_Length(geography, true)`: the WGS84 spheroid, the model of src/analysis/geo.ts,
 * / speed × the profile's factor; -1 where the profile may not use it). The
 * local stack (`npm run db:start`) is found through DATABASE_URL or .local/stack/env.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { AnalysisEngine } from '../../src/analysis/engine.ts';
import { edgeCoordinates } from '../../src/analysis/snap.ts';

/** The local stack's DATABASE_URL (process.env, else .local/stack/env). */
export function databaseUrl(): string {
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

/**
 * Creates `schema` with table `edges (id, source, target, geom, walking, rollator, wheelchair)`
 * (costs in seconds, -1 when unusable) for the engine's graph, and sets the session's search_path
 * to find it, pgRouting and PostGIS (each installed into the schema when the database lacks it).
 */
export async function loadGraph(
	client: pg.Client,
	engine: AnalysisEngine,
	schema: string,
): Promise<void> {
	const g = engine.graph;
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
}
