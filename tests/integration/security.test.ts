/**
 * Issue 10 through the real stack: supabase-js and plain concurrent HTTP → the /rest/v1 proxy →
 * PostgREST → PostgreSQL. Rate limits that the caller cannot choose (per network client, user,
 * device, area) hold under concurrent requests; malformed GeoJSON is a 400; a 403 then a fixed
 * server stores the report exactly once; a signed-in reporter's report never goes out
 * anonymously; lists longer than the API's row limit come back whole; reporters erase their own.
 *
 * Different network clients are real connections from different loopback addresses
 * (127.0.0.x), which the proxy forwards as X-Forwarded-For whatever the client claims.
 */
import http from 'node:http';
import { IDBFactory } from 'fake-indexeddb';
import { SignJWT } from 'jose';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barrierReportsFromSupabase } from '../../src/data/barrier-reports.ts';
import { curatedPlacesFromSupabase } from '../../src/data/curated-places.ts';
import { DeviceDb } from '../../src/data/device-db.ts';
import { type BackendError, DataError, fromBackend } from '../../src/data/errors.ts';
import { ReportOutbox } from '../../src/data/outbox.ts';
import { connectSupabase } from '../../src/data/supabase.ts';
import {
	addMembership,
	anonClient,
	createUser,
	type StackEnv,
	stackEnv,
	superuser,
	userClient,
} from '../helpers/db.ts';

let env: StackEnv;
let db: pg.Client;
const reportIds: string[] = [];
const users: string[] = [];
let lilleId: string;
let vorselaarId: string;

const VORSELAAR = { type: 'Point', coordinates: [4.7705, 51.2025] };
const LILLE = { type: 'Point', coordinates: [4.826, 51.242] };
const STRETCH_IN_VORSELAAR = {
	type: 'LineString',
	coordinates: [
		[4.77, 51.2],
		[4.771, 51.2],
	],
};

interface Answer {
	status: number;
	body: string;
}

/** POSTs a report over plain HTTP from the loopback address `from`, with extra headers. */
function postReport(
	from: string,
	report: Record<string, unknown>,
	headers: Record<string, string> = {},
): Promise<Answer> {
	const url = new URL('/rest/v1/barrier_reports', env.SUPABASE_URL);
	const body = JSON.stringify(report);
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname,
				method: 'POST',
				localAddress: from,
				agent: false,
				headers: {
					apikey: env.SUPABASE_ANON_KEY,
					authorization: `Bearer ${env.SUPABASE_ANON_KEY}`,
					'content-type': 'application/json',
					prefer: 'return=minimal',
					'content-length': Buffer.byteLength(body),
					...headers,
				},
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (text += c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

function report(location: unknown, clientId: string = crypto.randomUUID()) {
	const id = crypto.randomUUID();
	reportIds.push(id);
	return { id, client_id: clientId, kind: 'other', location };
}

const statuses = (answers: Answer[]) =>
	answers.reduce<Record<number, number>>(
		(n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }),
		{},
	);

async function stored(ids: string[]): Promise<number> {
	const { rows } = await db.query<{ n: string }>(
		'select count(*) as n from public.barrier_reports where id = any($1)',
		[ids],
	);
	return Number(rows[0]?.n);
}

beforeAll(async () => {
	env = stackEnv();
	db = await superuser(env);
	const { rows } = await db.query<{ slug: string; id: string }>(
		"select slug, id from public.areas where slug in ('lille', 'vorselaar')",
	);
	lilleId = rows.find((r) => r.slug === 'lille')!.id;
	vorselaarId = rows.find((r) => r.slug === 'vorselaar')!.id;
	// earlier runs on a stack that kept running must not count against this one's limits
	await db.query('delete from private.report_submissions');
});

afterAll(async () => {
	await db.query('delete from public.barrier_reports where id = any($1)', [reportIds]);
	await db.query('delete from public.curated_places where source = $1', ['security.test.ts']);
	await db.query("update public.areas set report_ceiling_per_hour = 500 where slug = 'lille'");
	await db.query('delete from public.memberships where user_id = any($1)', [users]);
	await db.query('delete from auth.users where id = any($1)', [users]);
	await db.end();
});

describe('rate limits the caller cannot choose, under concurrent requests', () => {
	it('per network client: 70 concurrent reports with fresh device ids and made-up forwarded addresses store exactly 60', async () => {
		const from = '127.0.0.21';
		const answers = await Promise.all(
			Array.from({ length: 70 }, (_, i) =>
				postReport(from, report(VORSELAAR), {
					'x-forwarded-for': `10.9.${i}.1`,
					'x-real-ip': `10.9.${i}.1`,
				}),
			),
		);
		expect(statuses(answers)).toEqual({ 201: 60, 429: 10 });
		expect(JSON.parse(answers.find((a) => a.status === 429)!.body)).toMatchObject({
			code: 'PT429',
			details: expect.stringContaining('"scope": "network"'),
		});
		expect(await stored(reportIds.slice(-70))).toBe(60);
		// another network client still reports
		expect((await postReport('127.0.0.22', report(VORSELAAR))).status).toBe(201);
	});

	it('per device: 40 concurrent reports with one device id from 40 network clients store exactly 20', async () => {
		const device = crypto.randomUUID();
		const answers = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				postReport(`127.0.1.${i + 1}`, report(VORSELAAR, device)),
			),
		);
		expect(
			statuses(answers),
			answers
				.map((a) => a.body)
				.filter((b) => !b.includes('PT429'))
				.join('\n')
				.slice(0, 600),
		).toEqual({ 201: 20, 429: 20 });
		expect(await stored(reportIds.slice(-40))).toBe(20);
	});

	it('per signed-in user: 40 concurrent reports from 40 network clients and devices store exactly 30', async () => {
		const userId = await createUser(db, 'security-user');
		users.push(userId);
		const token = await signUser(userId, 'authenticated');
		const answers = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				postReport(`127.0.2.${i + 1}`, report(VORSELAAR), { authorization: `Bearer ${token}` }),
			),
		);
		expect(statuses(answers)).toEqual({ 201: 30, 429: 10 });
		expect(await stored(reportIds.slice(-40))).toBe(30);
	});

	it('an area-wide ceiling holds under concurrency, and the area planners see it', async () => {
		await db.query("update public.areas set report_ceiling_per_hour = 5 where slug = 'lille'");
		await db.query(
			'delete from private.report_submissions where key_hash = private.rate_key_hash($1, $2)',
			['area', lilleId],
		);
		const answers = await Promise.all(
			Array.from({ length: 12 }, (_, i) => postReport(`127.0.3.${i + 1}`, report(LILLE))),
		);
		expect(statuses(answers)).toEqual({ 201: 5, 429: 7 });
		const planner = await createUser(db, 'security-planner');
		users.push(planner);
		await addMembership(db, planner, 'lille', 'planner');
		const load = await (await userClient(planner)).rpc('area_report_load', { p_area_id: lilleId });
		expect(load.data).toEqual([
			{ ceiling_per_hour: 5, reports_last_hour: 5, ceiling_reached: true },
		]);
		const anon = await anonClient().rpc('area_report_load', { p_area_id: lilleId });
		expect(anon.error?.code).toBe('42501');
	});
});

async function signUser(userId: string, role: string): Promise<string> {
	const now = Math.floor(Date.now() / 1000);
	return new SignJWT({ role, aud: 'authenticated', sub: userId })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt(now)
		.setExpirationTime(now + 3600)
		.sign(new TextEncoder().encode(env.SUPABASE_JWT_SECRET));
}

describe('bad input and failures', () => {
	it('malformed GeoJSON in a report or an analysis cell is a 400 naming the problem, and nothing is stored', async () => {
		const anon = anonClient();
		const id = crypto.randomUUID();
		reportIds.push(id);
		const bad = await anon.from('barrier_reports').insert({
			id,
			client_id: crypto.randomUUID(),
			kind: 'other',
			location: { type: 'Point', coordinates: 'x' },
		});
		expect([bad.status, bad.error?.code]).toEqual([400, '22023']);
		expect(bad.error?.message).toContain("The 'coordinates' in GeoJSON are not an array");
		expect(JSON.parse(bad.error?.details ?? '{}')).toMatchObject({
			kind: 'malformed_geometry',
			field: 'location',
		});
		expect(await stored([id])).toBe(0);

		const coordinator = await createUser(db, 'security-coordinator');
		users.push(coordinator);
		await addMembership(db, coordinator, 'vorselaar', 'coordinator');
		const name = `Kapotte cel ${crypto.randomUUID()}`;
		const cell = await (
			await userClient(coordinator)
		).rpc('save_analysis', {
			p_area_id: vorselaarId,
			p_name: name,
			p_parameters: {},
			p_engine_version: '1',
			p_data_version: '1',
			p_cells: [{ geometry: { type: 'Polygon', coordinates: [[4.77, 51.2]] }, value: 1 }],
		});
		expect([cell.status, cell.error?.code]).toEqual([400, '22023']);
		// a cell of another type than Polygon: refused with the detail too, not only by PostGIS's column type
		const point = await (
			await userClient(coordinator)
		).rpc('save_analysis', {
			p_area_id: vorselaarId,
			p_name: name,
			p_parameters: {},
			p_engine_version: '1',
			p_data_version: '1',
			p_cells: [{ geometry: VORSELAAR, value: 1 }],
		});
		expect([point.status, point.error?.code]).toEqual([400, '22023']);
		expect(JSON.parse(point.error?.details ?? '{}')).toEqual({
			kind: 'malformed_geometry',
			field: 'cells[0].geometry',
			problem: 'expected a Polygon, got Point',
		});
		const { rows } = await db.query('select 1 from public.saved_analyses where name = $1', [name]);
		expect(rows).toEqual([]);
	});

	it('malformed or out-of-range GeoJSON for a curated place is a 400 naming the problem over HTTP, and nothing is stored or changed', async () => {
		const coordinator = await createUser(db, 'security-place-coordinator');
		users.push(coordinator);
		await addMembership(db, coordinator, 'vorselaar', 'coordinator');
		const token = await signUser(coordinator, 'authenticated');
		const send = async (method: 'POST' | 'PATCH', query: string, body: Record<string, unknown>) => {
			const res = await fetch(new URL(`/rest/v1/curated_places${query}`, env.SUPABASE_URL), {
				method,
				headers: {
					apikey: env.SUPABASE_ANON_KEY,
					authorization: `Bearer ${token}`,
					'content-type': 'application/json',
					prefer: 'return=representation',
				},
				body: JSON.stringify(body),
			});
			return {
				status: res.status,
				body: (await res.json()) as BackendError & Record<string, unknown>,
			};
		};
		const place = (location: unknown) => ({
			area_id: vorselaarId,
			name: 'Kapotte plaats',
			categories: ['meeting_place'],
			location,
			source: 'security.test.ts',
		});
		const cases: [unknown, Record<string, unknown>][] = [
			[
				{ type: 'Point', coordinates: 'x' },
				{
					kind: 'malformed_geometry',
					field: 'location',
					problem: "The 'coordinates' in GeoJSON are not an array",
				},
			],
			[
				{ type: 'Point', coordinates: [4.77] },
				{ kind: 'malformed_geometry', problem: 'Too few ordinates in GeoJSON' },
			],
			[
				'SRID=4326;POINT(4.7705 51.2025)',
				{ kind: 'malformed_geometry', problem: 'not a GeoJSON geometry object' },
			],
			[
				STRETCH_IN_VORSELAAR,
				{ kind: 'malformed_geometry', problem: 'expected a Point, got LineString' },
			],
			[
				{ type: 'Point', coordinates: [4.77, 91] },
				{ kind: 'outside_belgium', field: 'location' },
			],
		];
		for (const [location, detail] of cases) {
			const answer = await send('POST', '', place(location));
			expect([answer.status, answer.body.code], JSON.stringify(location)).toEqual([400, '22023']);
			expect(JSON.parse(answer.body.details ?? '{}')).toMatchObject(detail);
			// the app's error mapping (src/data/errors.ts) gives the same kind and values
			const mapped = fromBackend('curatedPlaces.create', answer.body, answer.status);
			expect([mapped.code, mapped.kind, mapped.values.field]).toEqual([
				'invalid',
				detail.kind,
				'location',
			]);
		}
		const { rows } = await db.query(
			"select 1 from public.curated_places where name = 'Kapotte plaats'",
		);
		expect(rows).toEqual([]);

		// a valid point is stored and reads back as GeoJSON; a malformed update leaves it as it was
		const created = await send('POST', '', place(VORSELAAR));
		expect(created.status).toBe(201);
		const [row] = created.body as unknown as { id: string; location: unknown }[];
		expect(row?.location).toEqual(VORSELAAR);
		const patched = await send('PATCH', `?id=eq.${row?.id}`, {
			location: { type: 'Point', coordinates: [[4.77, 51.2]] },
		});
		expect([
			patched.status,
			patched.body.code,
			JSON.parse(patched.body.details ?? '{}').kind,
		]).toEqual([400, '22023', 'malformed_geometry']);
		const kept = await db.query<{ location: unknown; lon: number }>(
			'select location, extensions.st_x(geom) as lon from public.curated_places where id = $1',
			[row?.id],
		);
		expect(kept.rows).toEqual([{ location: VORSELAAR, lon: 4.7705 }]);
	});

	it('one 403, then a fixed server: the outbox keeps the report queued and stores it exactly once', async () => {
		// a role the server does not (yet) let write reports: PostgREST answers 403
		const userId = await createUser(db, 'security-403');
		users.push(userId);
		await db.query(`do $$ begin
			if not exists (select 1 from pg_roles where rolname = 'buurtkaart_test_blocked') then
				create role buurtkaart_test_blocked nologin noinherit;
			end if; end $$`);
		await db.query('grant buurtkaart_test_blocked to authenticator');
		await db.query('grant usage on schema public, extensions, auth to buurtkaart_test_blocked');
		const client = connectSupabase({
			url: env.SUPABASE_URL,
			anonKey: env.SUPABASE_ANON_KEY,
			accessToken: await signUser(userId, 'buurtkaart_test_blocked'),
		});
		const device = await DeviceDb.open('security-403', new IDBFactory());
		const outbox = await ReportOutbox.open(device, (r) =>
			barrierReportsFromSupabase(client).submit(r),
		);
		try {
			const entry = await outbox.enqueue({
				kind: 'no_bench',
				description: 'Eerst 403',
				location: VORSELAAR as never,
			});
			reportIds.push(entry.id);
			expect(await outbox.flush()).toEqual({ delivered: 0, pending: 1, refused: 0 });
			const [waiting] = await outbox.entries();
			expect(waiting).toMatchObject({
				state: 'queued',
				attempts: 1,
				lastError: { kind: 'denied' },
			});
			expect(waiting?.nextAttemptAt).not.toBeNull();

			// the server is fixed
			await db.query(
				'grant insert (id, kind, description, location, client_id) on public.barrier_reports to buurtkaart_test_blocked',
			);
			await db.query(
				`create policy "test: the fixed role submits" on public.barrier_reports for insert to buurtkaart_test_blocked with check (true)`,
			);
			expect(await outbox.flush({ force: true })).toEqual({ delivered: 1, pending: 0, refused: 0 });
			expect(await outbox.flush({ force: true })).toEqual({ delivered: 0, pending: 0, refused: 0 });
			expect(await stored([entry.id])).toBe(1);
		} finally {
			device.close();
			await db.query(
				'drop policy if exists "test: the fixed role submits" on public.barrier_reports',
			);
			await db.query('revoke all on public.barrier_reports from buurtkaart_test_blocked');
			await db.query(
				'revoke usage on schema public, extensions, auth from buurtkaart_test_blocked',
			);
			await db.query('revoke buurtkaart_test_blocked from authenticator');
			await db.query('drop role buurtkaart_test_blocked');
		}
	});

	it('a signed-in reporter whose session is gone: the report waits and never goes out anonymously', async () => {
		const userId = await createUser(db, 'security-session');
		users.push(userId);
		const noSession = barrierReportsFromSupabase(
			connectSupabase({ url: env.SUPABASE_URL, anonKey: env.SUPABASE_ANON_KEY }),
		);
		const device = await DeviceDb.open('security-session', new IDBFactory());
		const outbox = await ReportOutbox.open(device, (r) => noSession.submit(r));
		const entry = await outbox.enqueue({
			kind: 'no_bench',
			description: 'Van een aangemelde',
			location: VORSELAAR as never,
			reporterId: userId,
		});
		reportIds.push(entry.id);
		expect(await outbox.flush()).toEqual({ delivered: 0, pending: 1, refused: 0 });
		expect((await outbox.entries())[0]).toMatchObject({
			state: 'queued',
			lastError: { kind: 'sign_in_needed' },
		});
		expect(await stored([entry.id])).toBe(0);
		device.close();
	});
});

describe('lists longer than the API row limit, privacy and erasure', () => {
	it("a planner's list of more than 1,000 reports, and a list of more than 1,000 places, come back whole", async () => {
		const { rows } = await db.query<{ id: string }>(
			`insert into public.barrier_reports (id, kind, description, location, client_id)
			 select gen_random_uuid(), 'other', 'Lijsttest ' || g, $1::jsonb, gen_random_uuid() from generate_series(1, 1050) as g
			 returning id`,
			[LILLE],
		);
		reportIds.push(...rows.map((r) => r.id));
		await db.query(
			`insert into public.curated_places (area_id, name, categories, geom, source, visibility)
			 select $1, 'Plaats ' || g, '{meeting_place}', extensions.st_setsrid(extensions.st_makepoint(4.826, 51.242), 4326), 'security.test.ts', 'public'
			 from generate_series(1, 1010) as g`,
			[lilleId],
		);
		const planner = await createUser(db, 'security-lister');
		users.push(planner);
		await addMembership(db, planner, 'lille', 'planner');
		const client = connectSupabase({
			url: env.SUPABASE_URL,
			anonKey: env.SUPABASE_ANON_KEY,
			accessToken: await signUser(planner, 'authenticated'),
		});
		const all = await barrierReportsFromSupabase(client).listForArea(lilleId);
		const inDb = await db.query<{ n: string }>(
			'select count(*) as n from public.barrier_reports where area_id = $1',
			[lilleId],
		);
		expect(all.length).toBe(Number(inDb.rows[0]?.n));
		expect(all.length).toBeGreaterThan(1050);
		expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
		const places = await curatedPlacesFromSupabase(client).list(lilleId);
		expect(places.filter((p) => p.source === 'security.test.ts')).toHaveLength(1010);
	});

	it('reporters erase their own reports: anonymous from the device, signed in from their account', async () => {
		const anon = barrierReportsFromSupabase(
			connectSupabase({ url: env.SUPABASE_URL, anonKey: env.SUPABASE_ANON_KEY }),
		);
		const device = crypto.randomUUID();
		const id = crypto.randomUUID();
		reportIds.push(id);
		await anon.submit({
			id,
			clientId: device,
			kind: 'no_bench',
			description: 'Bel 0470 12 34 56',
			location: VORSELAAR as never,
		});
		expect((await anon.listMine(device)).map((r) => [r.id, r.description])).toEqual([
			[id, 'Bel 0470 12 34 56'],
		]);
		await expect(anon.erase(id, crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
		await anon.erase(id, device);
		expect(await stored([id])).toBe(0);

		const userId = await createUser(db, 'security-eraser');
		users.push(userId);
		const mine = barrierReportsFromSupabase(
			connectSupabase({
				url: env.SUPABASE_URL,
				anonKey: env.SUPABASE_ANON_KEY,
				accessToken: await signUser(userId, 'authenticated'),
			}),
		);
		const other = barrierReportsFromSupabase(
			connectSupabase({
				url: env.SUPABASE_URL,
				anonKey: env.SUPABASE_ANON_KEY,
				accessToken: await signUser(users[0]!, 'authenticated'),
			}),
		);
		const own = crypto.randomUUID();
		reportIds.push(own);
		await mine.submit({
			id: own,
			clientId: crypto.randomUUID(),
			kind: 'no_bench',
			description: 'Van mij',
			location: VORSELAAR as never,
		});
		await expect(other.erase(own)).rejects.toBeInstanceOf(DataError);
		await mine.erase(own);
		expect(await stored([own])).toBe(0);
	});
});
