/**
 * One contract for the data layer, run against both backends: Supabase (supabase-js → local
 * PostgREST → PostgreSQL with RLS, as a signed-in coordinator and planner of Vorselaar whose JWT is
 * signed with the stack's secret, as Supabase Auth signs it) and the embedded default (IndexedDB,
 * here fake-indexeddb, which implements the IndexedDB spec). Same inputs, same answers.
 */
import { IDBFactory } from 'fake-indexeddb';
import type { LineString, Point, Polygon } from 'geojson';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areasFromSupabase } from '../../src/data/areas.ts';
import { barrierReportsFromSupabase } from '../../src/data/barrier-reports.ts';
import { DeviceDb } from '../../src/data/device-db.ts';
import { DataError, type DataErrorCode } from '../../src/data/errors.ts';
import { ReportOutbox } from '../../src/data/outbox.ts';
import {
	deviceRepositories,
	type Repositories,
	supabaseRepositories,
} from '../../src/data/repositories.ts';
import { toJson } from '../../src/data/rows.ts';
import { connectSupabase } from '../../src/data/supabase.ts';
import type { Area, CuratedPlaceInput, Neighbourhood } from '../../src/data/types.ts';
import { signUserSession } from '../../scripts/lib/stack/jwt.ts';
import { addMembership, createUser, stackEnv, superuser } from '../helpers/db.ts';

const point = (lon: number, lat: number): Point => ({ type: 'Point', coordinates: [lon, lat] });
/** A square of about 70 × 100 m in Vorselaar. */
const CELL: Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[4.77, 51.2],
			[4.771, 51.2],
			[4.771, 51.2009],
			[4.77, 51.2009],
			[4.77, 51.2],
		],
	],
};
const STRETCH: LineString = {
	type: 'LineString',
	coordinates: [
		[4.77, 51.202],
		[4.771, 51.2024],
	],
};

async function expectDataError(
	promise: Promise<unknown>,
	code: DataErrorCode,
	operation: string,
): Promise<DataError> {
	const err = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(err).toBeInstanceOf(DataError);
	expect((err as DataError).code).toBe(code);
	expect((err as DataError).operation).toBe(operation);
	expect((err as DataError).message.startsWith(`${operation}: `)).toBe(true);
	return err as DataError;
}

interface Ctx {
	repos: Repositories;
	/** The device database that holds the outbox (and, for the device backend, everything). */
	device: DeviceDb;
	factory: IDBFactory;
	vorselaar: Area;
	lille: Area;
	neighbourhoods: Neighbourhood[];
}

let db: pg.Client;
let userId: string;
let areas: Area[] = [];
const neighbourhoodsByArea = new Map<string, Neighbourhood[]>();
const clientIds: string[] = [];

beforeAll(async () => {
	const env = stackEnv();
	db = await superuser(env);
	userId = await createUser(db, 'contract');
	await addMembership(db, userId, 'vorselaar', 'coordinator');
	await addMembership(db, userId, 'vorselaar', 'planner');
	const anon = areasFromSupabase(
		connectSupabase({ url: env.SUPABASE_URL, anonKey: env.SUPABASE_ANON_KEY }),
	);
	areas = await anon.list();
	for (const a of areas) neighbourhoodsByArea.set(a.id, await anon.neighbourhoods(a.id));
});

afterAll(async () => {
	if (!db) return;
	await db.query(
		'delete from public.barrier_reports where reporter_id = $1 or client_id = any($2)',
		[userId, clientIds],
	);
	const places = await db.query(
		'delete from public.curated_places where created_by = $1 returning id',
		[userId],
	);
	await db.query('delete from public.audit_events where actor_id = $1 or entity_id = any($2)', [
		userId,
		places.rows.map((r: { id: string }) => r.id),
	]);
	await db.query('delete from auth.users where id = $1', [userId]);
	await db.end();
});

async function context(kind: 'supabase' | 'device'): Promise<Ctx> {
	const factory = new IDBFactory();
	const device = await DeviceDb.open(`buurtkaart-${kind}`, factory);
	let repos: Repositories;
	if (kind === 'supabase') {
		const env = stackEnv();
		const accessToken = await signUserSession(env.SUPABASE_JWT_SECRET, { userId });
		repos = await supabaseRepositories(
			connectSupabase({ url: env.SUPABASE_URL, anonKey: env.SUPABASE_ANON_KEY, accessToken }),
			device,
		);
	} else {
		const device_ = await deviceRepositories(device);
		await device_.areas.import(areas, [...neighbourhoodsByArea.values()].flat());
		repos = device_;
	}
	clientIds.push(repos.outbox.clientId);
	const bySlug = (slug: string) => areas.find((a) => a.slug === slug) as Area;
	return {
		repos,
		device,
		factory,
		vorselaar: bySlug('vorselaar'),
		lille: bySlug('lille'),
		neighbourhoods: neighbourhoodsByArea.get(bySlug('vorselaar').id) ?? [],
	};
}

describe.each(['supabase', 'device'] as const)('data layer contract: %s', (kind) => {
	let ctx: Ctx;
	beforeAll(async () => {
		ctx = await context(kind);
	});

	const place = (): CuratedPlaceInput => ({
		areaId: ctx.vorselaar.id,
		name: 'Dorpsdienst (contracttest)',
		description: 'Vrijwilligers rijden naar de dokter.\nElke werkdag.',
		categories: ['village_service'],
		targetGroups: ['older_people'],
		careFunctions: ['guidance_to_care', 'social_networks'],
		address: 'Markt 1, 2290 Vorselaar',
		phone: '+32 14 00 00 00',
		website: 'https://example.org/dorpsdienst',
		openingHours: 'Mo-Fr 09:00-12:00',
		wheelchair: 'limited',
		location: point(4.7705, 51.2025),
		source: 'contract test',
		verifiedAt: '2026-11-01T00:00:00.000Z',
		visibility: 'area_team',
	});

	it('says where things are saved', () => {
		expect(ctx.repos.where).toBe(kind);
	});

	it('lists the areas with their neighbourhoods', async () => {
		const list = await ctx.repos.areas.list();
		expect(list.map((a) => [a.slug, a.nisCode, a.population])).toEqual([
			['lille', '13019', 16529],
			['vorselaar', '13044', 7861],
		]);
		expect(list[1]?.boundary.type).toBe('MultiPolygon');
		const wijken = await ctx.repos.areas.neighbourhoods(ctx.vorselaar.id);
		expect(wijken.map((n) => [n.code, n.population])).toEqual([
			['13044A0', 7576],
			['13044A1', 282],
		]);
	});

	it('round-trips a curated place: create, get, list, update, remove', async () => {
		const created = await ctx.repos.curatedPlaces.create(place());
		const { areaId: _a, ...fields } = place();
		expect(created).toMatchObject({ ...fields, areaId: ctx.vorselaar.id, email: null });
		expect(await ctx.repos.curatedPlaces.get(created.id)).toEqual(created);
		expect((await ctx.repos.curatedPlaces.list(ctx.vorselaar.id)).map((p) => p.id)).toContain(
			created.id,
		);

		const updated = await ctx.repos.curatedPlaces.update(created.id, {
			visibility: 'public',
			phone: null,
		});
		expect(updated).toMatchObject({
			visibility: 'public',
			phone: null,
			name: created.name,
			createdAt: created.createdAt,
		});
		expect(updated.updatedAt >= created.updatedAt).toBe(true);

		await ctx.repos.curatedPlaces.remove(created.id);
		expect(await ctx.repos.curatedPlaces.get(created.id)).toBeNull();
		await expectDataError(
			ctx.repos.curatedPlaces.remove(created.id),
			'not_found',
			'curatedPlaces.remove',
		);
	});

	it('refuses bad places with a clear error and changes nothing', async () => {
		const kept = await ctx.repos.curatedPlaces.create(place());
		const before = await ctx.repos.curatedPlaces.list(ctx.vorselaar.id);
		const bad: [string, Partial<CuratedPlaceInput>, RegExp][] = [
			['outside Belgium', { location: point(2.35, 48.85) }, /outside Belgium/],
			[
				'unknown category',
				{ categories: ['spaceship' as never] },
				/categories: unknown value "spaceship"/,
			],
			['markup', { name: '<script>alert(1)</script>' }, /name must not contain markup/],
			['over-long', { name: 'a'.repeat(201) }, /name must have 1 to 200 characters, got 201/],
			['control characters', { name: 'Dorps\u0000dienst' }, /control or direction characters/],
			['bidi override', { description: 'abc\u202edcba' }, /control or direction characters/],
			['bad website', { website: 'javascript:alert(1)' }, /website is not in the expected form/],
		];
		for (const [, change, message] of bad) {
			const err = await expectDataError(
				ctx.repos.curatedPlaces.create({ ...place(), ...change }),
				'invalid',
				'curatedPlaces.create',
			);
			expect(err.message).toMatch(message);
		}
		await expectDataError(
			ctx.repos.curatedPlaces.update(kept.id, { name: '<b>x</b>' }),
			'invalid',
			'curatedPlaces.update',
		);
		// a point in Lille for a place of Vorselaar: outside its area (more than 100 m), on create
		// and on a move, with the kind the UI maps to its message
		const inLille = point(4.8245, 51.2415);
		// one at a time: a second request already refused while the first is awaited would be an
		// unhandled rejection (it failed a CI run)
		for (const attempt of [
			() => ctx.repos.curatedPlaces.create({ ...place(), location: inLille }),
			() => ctx.repos.curatedPlaces.update(kept.id, { location: inLille }),
		]) {
			const err = await attempt().catch((e: unknown) => e);
			expect(err).toMatchObject({ code: 'invalid', kind: 'outside_area' });
		}
		expect(await ctx.repos.curatedPlaces.list(ctx.vorselaar.id)).toEqual(before);
		await ctx.repos.curatedPlaces.remove(kept.id);
	});

	it('finds the places near a point, nearest first, within the radius', async () => {
		const origin = point(4.7801, 51.2101);
		const here = await ctx.repos.curatedPlaces.create({
			...place(),
			name: 'Hier (contracttest)',
			location: origin,
			visibility: 'public',
		});
		// 0.0009° of latitude is about 100 m
		const north = await ctx.repos.curatedPlaces.create({
			...place(),
			name: 'Noord (contracttest)',
			categories: ['bench'],
			location: point(4.7801, 51.211),
		});
		const far = await ctx.repos.curatedPlaces.create({
			...place(),
			name: 'Ver (contracttest)',
			location: point(4.7801, 51.22),
		});
		const found = (await ctx.repos.curatedPlaces.near(origin, 500)).filter((r) =>
			[here.id, north.id, far.id].includes(r.place.id),
		);
		expect(found.map((r) => r.place.id)).toEqual([here.id, north.id]);
		expect(found[0]?.distanceM).toBeCloseTo(0, 3);
		expect(found[1]!.distanceM).toBeGreaterThan(99);
		expect(found[1]!.distanceM).toBeLessThan(101);
		expect(found[0]?.place).toEqual(here);
		const benches = (await ctx.repos.curatedPlaces.near(origin, 500, ['bench'])).map(
			(r) => r.place.id,
		);
		expect(benches).toContain(north.id);
		expect(benches).not.toContain(here.id);
		await expectDataError(
			ctx.repos.curatedPlaces.near(point(2.35, 48.85), 500),
			'invalid',
			'curatedPlaces.near',
		);
		await expectDataError(
			ctx.repos.curatedPlaces.near(origin, 1e6),
			'invalid',
			'curatedPlaces.near',
		);
		for (const p of [here, north, far]) await ctx.repos.curatedPlaces.remove(p.id);
	});

	it('saves an analysis atomically and reads it back whole', async () => {
		const id = crypto.randomUUID();
		const input = {
			id,
			areaId: ctx.vorselaar.id,
			name: 'Apotheek binnen 800 m (contracttest)',
			parameters: { category: 'pharmacy', normM: 800, profile: 'walking' },
			engineVersion: '0.1.0',
			dataVersion: 'osm-2019-11-05',
			visibility: 'area_team' as const,
			summaries: ctx.neighbourhoods.map((n, i) => ({
				neighbourhoodId: n.id,
				summary: { peopleBeyondNorm: 100 * i },
			})),
			cells: [
				{ geometry: CELL, value: 812.5, properties: { older65: 3 } },
				{ geometry: CELL, value: null, properties: {} },
			],
		};
		expect(await ctx.repos.savedAnalyses.save(input)).toBe(id);
		const saved = await ctx.repos.savedAnalyses.get(id);
		expect(saved).toMatchObject({
			id,
			areaId: ctx.vorselaar.id,
			name: input.name,
			description: '',
			parameters: input.parameters,
			engineVersion: '0.1.0',
			dataVersion: 'osm-2019-11-05',
			visibility: 'area_team',
		});
		expect(saved?.summaries).toEqual(
			[...input.summaries].sort((a, b) => (a.neighbourhoodId < b.neighbourhoodId ? -1 : 1)),
		);
		expect(saved?.cells).toEqual(input.cells);
		expect((await ctx.repos.savedAnalyses.list(ctx.vorselaar.id)).map((a) => a.id)).toContain(id);

		// a retried save is a duplicate; bad parts save nothing at all
		await expectDataError(
			ctx.repos.savedAnalyses.save({ ...input, name: 'Anders' }),
			'duplicate',
			'savedAnalyses.save',
		);
		await expectDataError(
			ctx.repos.savedAnalyses.save({
				...input,
				id: undefined,
				cells: [
					input.cells[0]!,
					{
						geometry: {
							...CELL,
							coordinates: [
								[
									[2.3, 48.8],
									[2.31, 48.8],
									[2.31, 48.81],
									[2.3, 48.8],
								],
							],
						},
						value: 1,
					},
				],
			}),
			'invalid',
			'savedAnalyses.save',
		);
		await expectDataError(
			ctx.repos.savedAnalyses.save({
				...input,
				id: undefined,
				summaries: [
					{ neighbourhoodId: neighbourhoodsByArea.get(ctx.lille.id)![0]!.id, summary: {} },
				],
			}),
			'invalid',
			'savedAnalyses.save',
		);
		// an overlay cell in Lille for an analysis of Vorselaar: refused, nothing saved
		const inLille = await expectDataError(
			ctx.repos.savedAnalyses.save({
				...input,
				id: undefined,
				cells: [
					input.cells[0]!,
					{
						geometry: {
							type: 'Polygon',
							coordinates: [
								[
									[4.85, 51.26],
									[4.851, 51.26],
									[4.851, 51.2609],
									[4.85, 51.2609],
									[4.85, 51.26],
								],
							],
						},
						value: 1,
					},
				],
			}),
			'invalid',
			'savedAnalyses.save',
		);
		expect(inLille.kind).toBe('outside_area');
		const list = await ctx.repos.savedAnalyses.list(ctx.vorselaar.id);
		expect(list.filter((a) => a.name.includes('contracttest') || a.name === 'Anders')).toHaveLength(
			1,
		);
		expect((await ctx.repos.savedAnalyses.get(id))?.name).toBe(input.name);

		expect(
			(await ctx.repos.savedAnalyses.update(id, { name: 'Apotheek, herzien (contracttest)' })).name,
		).toBe('Apotheek, herzien (contracttest)');
		await ctx.repos.savedAnalyses.remove(id);
		expect(await ctx.repos.savedAnalyses.get(id)).toBeNull();
	});

	it('stores a barrier report once, and lets it be triaged', async () => {
		const id = crypto.randomUUID();
		const report = {
			id,
			clientId: ctx.repos.outbox.clientId,
			kind: 'broken_sidewalk' as const,
			description: 'Losse tegels',
			location: point(4.7705, 51.2025),
		};
		await ctx.repos.barrierReports.submit(report);
		await expectDataError(
			ctx.repos.barrierReports.submit({ ...report, description: 'Tweede poging' }),
			'duplicate',
			'barrierReports.submit',
		);
		const mine = (await ctx.repos.barrierReports.listMine()).filter((r) => r.id === id);
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({
			areaId: ctx.vorselaar.id,
			kind: 'broken_sidewalk',
			description: 'Losse tegels',
			status: 'new',
			plannerNote: null,
			acknowledgedAt: null,
		});

		const acknowledged = await ctx.repos.barrierReports.setStatus(
			id,
			'acknowledged',
			'Doorgegeven aan de technische dienst',
		);
		expect(acknowledged.status).toBe('acknowledged');
		expect(acknowledged.plannerNote).toBe('Doorgegeven aan de technische dienst');
		expect(acknowledged.acknowledgedAt).not.toBeNull();
		await expectDataError(
			ctx.repos.barrierReports.setStatus(id, 'new'),
			'invalid',
			'barrierReports.setStatus',
		);
		expect(
			(await ctx.repos.barrierReports.listForArea(ctx.vorselaar.id)).find((r) => r.id === id)
				?.status,
		).toBe('acknowledged');
	});

	it('takes a stretch of street as a line', async () => {
		const id = crypto.randomUUID();
		await ctx.repos.barrierReports.submit({
			id,
			clientId: ctx.repos.outbox.clientId,
			kind: 'narrow_path',
			description: '',
			location: STRETCH,
		});
		expect((await ctx.repos.barrierReports.listMine()).find((r) => r.id === id)?.location).toEqual(
			STRETCH,
		);
	});

	it('refuses bad reports with a clear error and stores nothing', async () => {
		const before = (await ctx.repos.barrierReports.listMine()).length;
		const base = {
			clientId: ctx.repos.outbox.clientId,
			kind: 'other' as const,
			description: '',
			location: point(4.7705, 51.2025),
		};
		const cases: [Record<string, unknown>, RegExp][] = [
			[{ location: point(4.35, 50.85) }, /outside every area/],
			[{ location: point(200, 100) }, /outside Belgium/],
			[{ kind: 'teleporter' }, /kind: unknown value/],
			[{ description: '<img src=x onerror=alert(1)>' }, /markup/],
			[{ description: 'x'.repeat(1001) }, /at most 1000 characters/],
			[
				{
					location: {
						type: 'LineString',
						coordinates: [
							[4.77, 51.2],
							[4.9, 51.27],
						],
					},
				},
				/1 m to 2 km/,
			],
			[{ location: { type: 'Polygon', coordinates: [] } }, /GeoJSON Point/],
			[{ id: 'not-a-uuid' }, /id must be a UUID/],
		];
		for (const [change, message] of cases) {
			const err = await expectDataError(
				ctx.repos.barrierReports.submit({ id: crypto.randomUUID(), ...base, ...change } as never),
				'invalid',
				'barrierReports.submit',
			);
			expect(err.message).toMatch(message);
		}
		expect((await ctx.repos.barrierReports.listMine()).length).toBe(before);
	});

	it('delivers the outbox exactly once, across a reload', async () => {
		const entry = await ctx.repos.outbox.enqueue({
			kind: 'no_bench',
			description: 'Geen bank tot aan de kerk',
			location: point(4.771, 51.203),
		});
		// the same report queued twice stays one entry
		await ctx.repos.outbox.enqueue({ ...entry.report });
		expect((await ctx.repos.outbox.entries()).filter((e) => e.id === entry.id)).toHaveLength(1);

		// reload: a fresh connection to the same device database still has it, with the same client id
		const reopened = await DeviceDb.open(`buurtkaart-${kind}`, ctx.factory);
		const outbox = await ReportOutbox.open(reopened, (r) => ctx.repos.barrierReports.submit(r));
		expect(outbox.clientId).toBe(ctx.repos.outbox.clientId);
		expect((await outbox.entries()).map((e) => e.id)).toContain(entry.id);

		// an earlier attempt got through but its answer was lost: the retry counts as delivered
		await ctx.repos.barrierReports.submit(entry.report);
		expect(await outbox.flush()).toEqual({ delivered: 1, pending: 0, refused: 0 });
		expect(await outbox.entries()).toEqual([]);
		expect(
			(await ctx.repos.barrierReports.listMine()).filter((r) => r.id === entry.id),
		).toHaveLength(1);
		reopened.close();
	});

	it('refuses bad input at the outbox before queuing it', async () => {
		await expectDataError(
			ctx.repos.outbox.enqueue({
				kind: 'other',
				description: '\u202e',
				location: point(4.77, 51.2),
			}),
			'invalid',
			'outbox.enqueue',
		);
		expect(await ctx.repos.outbox.entries()).toEqual([]);
	});
});

describe('data layer on Supabase only', () => {
	it('queues reports while the backend is unreachable and delivers them once it is back', async () => {
		const env = stackEnv();
		const factory = new IDBFactory();
		const device = await DeviceDb.open('buurtkaart-offline', factory);
		// port 9 (discard) on 127.0.0.1 refuses connections: a real network failure
		const offline = barrierReportsFromSupabase(
			connectSupabase({ url: 'http://127.0.0.1:9', anonKey: env.SUPABASE_ANON_KEY }),
		);
		const online = barrierReportsFromSupabase(
			connectSupabase({ url: env.SUPABASE_URL, anonKey: env.SUPABASE_ANON_KEY }),
		);
		let reachable = false;
		const outbox = await ReportOutbox.open(device, (r) => (reachable ? online : offline).submit(r));
		clientIds.push(outbox.clientId);
		const a = await outbox.enqueue({
			kind: 'high_kerb',
			description: 'Hoge stoeprand',
			location: point(4.7706, 51.2026),
		});
		const b = await outbox.enqueue({ kind: 'blocked_path', description: '', location: STRETCH });

		expect(await outbox.flush()).toEqual({ delivered: 0, pending: 2, refused: 0 });
		const waiting = await outbox.entries();
		// the oldest is tried and fails; the others wait for the next flush without an attempt
		expect(waiting.map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
		expect(waiting.map((e) => [e.attempts, e.state])).toEqual([
			[1, 'queued'],
			[0, 'queued'],
		]);
		expect(waiting[0]?.lastError).toMatchObject({ kind: 'network' });
		// waiting with backoff: not tried again before its time, unless forced (the network came back)
		expect(await outbox.flush()).toEqual({ delivered: 0, pending: 2, refused: 0 });

		reachable = true;
		const [first, second] = await Promise.all([
			outbox.flush({ force: true }),
			outbox.flush({ force: true }),
		]);
		expect(first).toEqual({ delivered: 2, pending: 0, refused: 0 });
		expect(second).toBe(first);
		expect(await outbox.flush()).toEqual({ delivered: 0, pending: 0, refused: 0 });
		const { rows } = await db.query(
			'select id, kind from public.barrier_reports where id = any($1) order by kind::text',
			[[a.id, b.id]],
		);
		expect(rows).toEqual([
			{ id: b.id, kind: 'blocked_path' },
			{ id: a.id, kind: 'high_kerb' },
		]);
		device.close();
	});

	it('the database itself refuses hostile input that skips the data layer, and maps it to DataError', async () => {
		const { fromBackend } = await import('../../src/data/errors.ts');
		const env = stackEnv();
		const raw = connectSupabase({
			url: env.SUPABASE_URL,
			anonKey: env.SUPABASE_ANON_KEY,
			accessToken: await signUserSession(env.SUPABASE_JWT_SECRET, { userId }),
		});
		const vorselaar = areas.find((x) => x.slug === 'vorselaar') as Area;
		const { error } = await raw.from('curated_places').insert({
			area_id: vorselaar.id,
			name: '<script>alert(1)</script>',
			categories: ['bench'],
			location: toJson(point(4.77, 51.2)),
			source: 'x',
		});
		expect(error?.code).toBe('23514');
		const mapped = fromBackend('curatedPlaces.create', error!);
		expect(mapped.code).toBe('invalid');
		expect(mapped.message).toMatch(/curated_places_name_clean/);
		const anon = connectSupabase({ url: env.SUPABASE_URL, anonKey: env.SUPABASE_ANON_KEY });
		const denied = await anon.from('curated_places').insert({
			area_id: vorselaar.id,
			name: 'x',
			categories: ['bench'],
			location: toJson(point(4.77, 51.2)),
			source: 'x',
		});
		expect(fromBackend('curatedPlaces.create', denied.error!).code).toBe('denied');
	});

	it('knows the same enumerations as the database', async () => {
		const enums = await import('../../src/contracts/enums.ts');
		const q = async (type: string) =>
			(await db.query(`select unnest(enum_range(null::public.${type}))::text as v`)).rows.map(
				(r: { v: string }) => r.v,
			);
		expect(await q('place_category')).toEqual([...enums.PLACE_CATEGORIES]);
		expect(await q('care_function')).toEqual([...enums.CARE_FUNCTIONS]);
		expect(await q('target_group')).toEqual([...enums.TARGET_GROUPS]);
		expect(await q('wheelchair_access')).toEqual([...enums.WHEELCHAIR_ACCESS]);
		expect(await q('visibility')).toEqual([...enums.VISIBILITIES]);
		expect(await q('barrier_kind')).toEqual([...enums.BARRIER_KINDS]);
		expect(await q('report_status')).toEqual([...enums.REPORT_STATUSES]);
		expect(await q('member_role')).toEqual([...enums.MEMBER_ROLES]);
	});
});
