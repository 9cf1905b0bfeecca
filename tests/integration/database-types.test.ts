/**
 * src/data/database.types.ts, which types the app's supabase-js client, is what `npm run db:types`
 * (scripts/db-types.ts) reads from the local stack's catalog now: a migration that changes a
 * table, enum or function without the file following fails here. And the generator reads the
 * catalog as it should: a throw-away schema with one of each kind gives the expected types.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPES_FILE, generateTypes, readCatalog, typesFromStack } from '../../scripts/db-types.ts';
import { stackEnv } from '../helpers/db.ts';

describe('database.types.ts', () => {
	it('is what `npm run db:types` generates from the local stack (run it after a migration)', async () => {
		const fresh = await typesFromStack(stackEnv().DATABASE_URL);
		expect(readFileSync(TYPES_FILE, 'utf8')).toBe(fresh);
	});
});

describe('the generator on a schema of its own', () => {
	const schema = `db_types_${process.pid}`;
	let client: pg.Client;
	let text: string;

	beforeAll(async () => {
		client = new pg.Client({ connectionString: stackEnv().DATABASE_URL });
		await client.connect();
		await client.query(`
			create schema ${schema};
			create type ${schema}.mood as enum ('calm', 'busy');
			create type ${schema}.pair as (a int, b text);
			create table ${schema}.parent (id uuid primary key default gen_random_uuid());
			create table ${schema}.thing (
				id bigint generated always as identity primary key,
				parent_id uuid not null references ${schema}.parent (id),
				name text not null,
				note text,
				moods ${schema}.mood[] not null default '{}',
				doubled int generated always as (length(name) * 2) stored,
				filled text not null,
				data jsonb not null
			);
			create function ${schema}.fill() returns trigger language plpgsql as $$
			begin new.filled := upper(new.name); return new; end $$;
			create trigger thing_fill before insert on ${schema}.thing
				for each row execute function ${schema}.fill();
			create view ${schema}.names as select id, name from ${schema}.thing;
			create function ${schema}.things_of(p_parent uuid, p_limit int default 10)
				returns setof ${schema}.thing language sql as $$ select * from ${schema}.thing $$;
			create function ${schema}.counts() returns table (mood ${schema}.mood, n bigint)
				language sql as $$ select 'calm'::${schema}.mood, 1::bigint $$;
		`);
		text = generateTypes(await readCatalog(client, schema), schema);
	});

	afterAll(async () => {
		await client?.query(`drop schema if exists ${schema} cascade`);
		await client?.end();
	});

	const compact = (s: string) => s.replace(/\s+/g, ' ');

	it('writes rows with nullability, enums, arrays, json and unknown for other types', () => {
		expect(compact(text)).toContain(
			`Row: { data: Json doubled: number | null filled: string id: number moods: Database["${schema}"]["Enums"]["mood"][] name: string note: string | null parent_id: string }`,
		);
	});

	it('makes defaults, identities, nullable and trigger-set columns optional on insert, generated ones never', () => {
		expect(compact(text)).toContain(
			`Insert: { data: Json doubled?: never filled?: string id?: number moods?: Database["${schema}"]["Enums"]["mood"][] name: string note?: string | null parent_id: string }`,
		);
	});

	it('writes foreign keys, views, enums, composite types and functions', () => {
		const t = compact(text);
		expect(t).toContain(
			'Relationships: [{ foreignKeyName: "thing_parent_id_fkey" columns: ["parent_id"] isOneToOne: false referencedRelation: "parent" referencedColumns: ["id"] }]',
		);
		expect(t).toContain(
			'names: { Row: { id: number | null name: string | null } Relationships: [] }',
		);
		expect(t).toContain('mood: "calm" | "busy"');
		expect(t).toContain('pair: { a: number | null b: string | null }');
		expect(t).toContain(
			`things_of: { Args: { p_limit?: number p_parent: string } Returns: Database["${schema}"]["Tables"]["thing"]["Row"][] SetofOptions: { from: "*" to: "thing" isOneToOne: false isSetofReturn: true } }`,
		);
		expect(t).toContain(
			`counts: { Args: never Returns: { mood: Database["${schema}"]["Enums"]["mood"] n: number }[] }`,
		);
		// trigger functions are not callable through PostgREST
		expect(t).not.toContain('fill:');
	});
});
