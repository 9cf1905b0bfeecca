/**
 * Access to the local stack (`npm run db:start`) for integration tests: its settings, supabase-js
 * clients as anon, service role or a signed-in user (JWT signed with the stack's secret, exactly as
 * Supabase Auth signs it), and a direct PostgreSQL connection to create users in auth.users (the
 * local stack has no Auth server).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket from 'ws';
import { signUserSession } from '../../scripts/lib/stack/jwt.ts';
import { REPORT_STATUSES, type ReportStatus } from '../../src/contracts/enums.ts';

// supabase-js creates a realtime client, which needs a WebSocket; Node 20 has none.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

/** The settings db-start prints. */
export interface StackEnv {
	DATABASE_URL: string;
	SUPABASE_URL: string;
	SUPABASE_ANON_KEY: string;
	SUPABASE_SERVICE_ROLE_KEY: string;
	SUPABASE_JWT_SECRET: string;
}

const KEYS = [
	'DATABASE_URL',
	'SUPABASE_URL',
	'SUPABASE_ANON_KEY',
	'SUPABASE_SERVICE_ROLE_KEY',
	'SUPABASE_JWT_SECRET',
] as const;

const ENV_FILE = fileURLToPath(new URL('../../.local/stack/env', import.meta.url));

/**
 * The stack's settings from process.env, or failing that from .local/stack/env.
 * @throws Error 'local stack not running: npm run db:start' when neither has them.
 */
export function stackEnv(): StackEnv {
	let source: Record<string, string | undefined> = process.env;
	if (!KEYS.every((k) => source[k])) {
		if (!existsSync(ENV_FILE)) throw new Error('local stack not running: npm run db:start');
		source = Object.fromEntries(
			readFileSync(ENV_FILE, 'utf8')
				.split('\n')
				.filter((line) => line.includes('='))
				.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
		);
	}
	const missing = KEYS.filter((k) => !source[k]);
	if (missing.length > 0) {
		throw new Error(`local stack not running: npm run db:start (missing ${missing.join(', ')})`);
	}
	return Object.fromEntries(KEYS.map((k) => [k, source[k] as string])) as unknown as StackEnv;
}

function client(env: StackEnv, apiKey: string, bearer: string): SupabaseClient {
	return createClient(env.SUPABASE_URL, apiKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: { headers: { Authorization: `Bearer ${bearer}` } },
	});
}

/** supabase-js as an anonymous visitor (the anon key). */
export function anonClient(env: StackEnv = stackEnv()): SupabaseClient {
	return client(env, env.SUPABASE_ANON_KEY, env.SUPABASE_ANON_KEY);
}

/** supabase-js as the service role (bypasses Row Level Security). */
export function serviceClient(env: StackEnv = stackEnv()): SupabaseClient {
	return client(env, env.SUPABASE_SERVICE_ROLE_KEY, env.SUPABASE_SERVICE_ROLE_KEY);
}

/** supabase-js as a signed-in user: a Supabase Auth style access token for `userId`. */
export async function userClient(
	userId: string,
	email?: string,
	env: StackEnv = stackEnv(),
): Promise<SupabaseClient> {
	const token = await signUserSession(env.SUPABASE_JWT_SECRET, { userId, email });
	return client(env, env.SUPABASE_ANON_KEY, token);
}

/** A superuser connection to the stack's database (close it with `end()`). */
export async function superuser(env: StackEnv = stackEnv()): Promise<pg.Client> {
	const c = new pg.Client({ connectionString: env.DATABASE_URL });
	await c.connect();
	return c;
}

/**
 * Creates a user in auth.users (what sign-up does on a real project) and returns its id.
 * Test users get an email on the reserved `.invalid` domain.
 */
export async function createUser(db: pg.Client, label: string): Promise<string> {
	const id = crypto.randomUUID();
	await db.query(
		`insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data)
		 values ($1, 'authenticated', 'authenticated', $2, '{"provider":"email","providers":["email"]}', $3)`,
		[id, `${label}-${id.slice(0, 8)}@test.buurtkaart.invalid`, { test_identifier: label }],
	);
	return id;
}

/** Gives `userId` a role in the area with slug `areaSlug`. */
export async function addMembership(
	db: pg.Client,
	userId: string,
	areaSlug: string,
	role: 'coordinator' | 'planner' | 'admin',
): Promise<void> {
	const { rowCount } = await db.query(
		`insert into public.memberships (area_id, user_id, role)
		 select id, $1, $3 from public.areas where slug = $2`,
		[userId, areaSlug, role],
	);
	if (rowCount !== 1) throw new Error(`no area with slug ${areaSlug}`);
}

/**
 * Stores one report in each status (a point each, `e2e {tag} {status}`, by `reporter`), brought
 * there through the database's own transitions: a planner's (the superuser counts as one) and the
 * reporter's withdrawal. Returns each status's report id.
 */
export async function reportInEveryStatus(
	db: pg.Client,
	tag: string,
	reporter: string,
	at: [number, number],
): Promise<Record<ReportStatus, string>> {
	const ids = {} as Record<ReportStatus, string>;
	for (const [i, status] of REPORT_STATUSES.entries()) {
		const { rows } = await db.query<{ id: string }>(
			`insert into public.barrier_reports (id, kind, description, location, client_id, reporter_id)
			 values (gen_random_uuid(), 'high_kerb', $1, $2, gen_random_uuid(), $3) returning id`,
			[
				`e2e ${tag} ${status}`,
				JSON.stringify({ type: 'Point', coordinates: [at[0] + i * 1e-4, at[1]] }),
				reporter,
			],
		);
		ids[status] = rows[0]!.id;
	}
	const set = (status: ReportStatus, id: string) =>
		db.query('update public.barrier_reports set status = $1 where id = $2', [status, id]);
	await set('acknowledged', ids.acknowledged);
	await set('acknowledged', ids.resolved);
	await set('resolved', ids.resolved);
	await set('rejected', ids.rejected);
	await db.query('begin');
	await db.query("select set_config('request.jwt.claim.sub', $1, true)", [reporter]);
	await set('withdrawn', ids.withdrawn);
	await db.query('commit');
	return ids;
}
