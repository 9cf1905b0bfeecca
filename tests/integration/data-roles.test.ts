/**
 * Who may do what, through the app's data layer over real HTTP: each user is a real row in
 * auth.users with a JWT signed by the stack's secret (as Supabase Auth signs it), and PostgREST +
 * Row Level Security decide. The full table × command × role matrix is in the pgTAP tests
 * (supabase/tests/database); this checks that the same rules hold end to end.
 */
import { IDBFactory } from 'fake-indexeddb';
import type { Point } from 'geojson';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceDb } from '../../src/data/device-db.ts';
import { DataError, type DataErrorCode } from '../../src/data/errors.ts';
import { type Repositories, supabaseRepositories } from '../../src/data/repositories.ts';
import { connectSupabase } from '../../src/data/supabase.ts';
import type { Area, CuratedPlace } from '../../src/data/types.ts';
import { signUserSession } from '../../scripts/lib/stack/jwt.ts';
import { summariesOf, type AnalysisRecord } from '../../src/state/saved-analysis.ts';
import {
	addMembership,
	anonClient,
	createUser,
	stackEnv,
	superuser,
	userClient,
} from '../helpers/db.ts';

const point = (lon: number, lat: number): Point => ({ type: 'Point', coordinates: [lon, lat] });

async function codeOf(promise: Promise<unknown>): Promise<DataErrorCode | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (err) {
		if (err instanceof DataError) return err.code;
		throw err;
	}
}

let db: pg.Client;
const users: Record<string, string> = {};
const as: Record<string, Repositories> = {};
let vorselaar: Area;
let lille: Area;
let draft: CuratedPlace;
let published: CuratedPlace;
/** Reports submitted anonymously have no reporter to clean up by. */
const anonymousReports: string[] = [];

async function repositoriesFor(userId: string | null): Promise<Repositories> {
	const env = stackEnv();
	const accessToken = userId
		? await signUserSession(env.SUPABASE_JWT_SECRET, { userId })
		: undefined;
	const client = connectSupabase({
		url: env.SUPABASE_URL,
		anonKey: env.SUPABASE_ANON_KEY,
		...(accessToken ? { accessToken } : {}),
	});
	return supabaseRepositories(client, await DeviceDb.open('roles', new IDBFactory()));
}

beforeAll(async () => {
	db = await superuser();
	for (const who of [
		'resident',
		'coordVorselaar',
		'coordLille',
		'plannerVorselaar',
		'adminVorselaar',
		'newcomer',
	]) {
		users[who] = await createUser(db, who);
	}
	await addMembership(db, users.coordVorselaar!, 'vorselaar', 'coordinator');
	await addMembership(db, users.coordLille!, 'lille', 'coordinator');
	await addMembership(db, users.plannerVorselaar!, 'vorselaar', 'planner');
	await addMembership(db, users.adminVorselaar!, 'vorselaar', 'admin');
	as.anon = await repositoriesFor(null);
	for (const [who, id] of Object.entries(users)) as[who] = await repositoriesFor(id);
	const areas = await as.anon.areas.list();
	vorselaar = areas.find((a) => a.slug === 'vorselaar')!;
	lille = areas.find((a) => a.slug === 'lille')!;
	const base = {
		areaId: vorselaar.id,
		categories: ['neighbour_help' as const],
		location: point(4.7705, 51.2025),
		source: 'role test',
	};
	draft = await as.coordVorselaar!.curatedPlaces.create({
		...base,
		name: 'Burenhulp (rollentest, concept)',
	});
	published = await as.coordVorselaar!.curatedPlaces.create({
		...base,
		name: 'Burenhulp (rollentest)',
		visibility: 'public',
	});
});

afterAll(async () => {
	if (!db) return;
	const ids = Object.values(users);
	await db.query('delete from public.barrier_reports where reporter_id = any($1) or id = any($2)', [
		ids,
		anonymousReports,
	]);
	const places = await db.query(
		'delete from public.curated_places where created_by = any($1) returning id',
		[ids],
	);
	await db.query(
		'delete from public.audit_events where actor_id = any($1) or entity_id = any($2)',
		[ids, places.rows.map((r: { id: string }) => r.id)],
	);
	await db.query('delete from auth.users where id = any($1)', [ids]);
	await db.end();
});

describe('roles through the data layer and PostgREST', () => {
	it('curated places: everyone reads public ones; only the area team reads drafts', async () => {
		const visible = async (who: string) =>
			(await as[who]!.curatedPlaces.list(vorselaar.id))
				.map((p) => p.id)
				.filter((id) => id === draft.id || id === published.id);
		expect(await visible('anon')).toEqual([published.id]);
		expect(await visible('resident')).toEqual([published.id]);
		expect(await visible('coordLille')).toEqual([published.id]);
		expect((await visible('coordVorselaar')).sort()).toEqual([draft.id, published.id].sort());
		expect((await visible('plannerVorselaar')).sort()).toEqual([draft.id, published.id].sort());
	});

	it('curated places: only coordinators of the area write', async () => {
		const input = {
			areaId: vorselaar.id,
			name: 'X',
			categories: ['bench' as const],
			location: point(4.77, 51.2),
			source: 'x',
		};
		expect(await codeOf(as.anon!.curatedPlaces.create(input))).toBe('denied');
		expect(await codeOf(as.resident!.curatedPlaces.create(input))).toBe('denied');
		expect(await codeOf(as.plannerVorselaar!.curatedPlaces.create(input))).toBe('denied');
		expect(await codeOf(as.coordLille!.curatedPlaces.create(input))).toBe('denied');
		expect(
			await codeOf(as.coordLille!.curatedPlaces.update(published.id, { name: 'Overgenomen' })),
		).toBe('not_found');
		expect(await codeOf(as.coordLille!.curatedPlaces.remove(published.id))).toBe('not_found');
		expect(await codeOf(as.plannerVorselaar!.curatedPlaces.remove(published.id))).toBe('not_found');
		expect((await as.anon!.curatedPlaces.get(published.id))?.name).toBe('Burenhulp (rollentest)');
		expect(
			await codeOf(as.coordVorselaar!.curatedPlaces.update(draft.id, { description: 'Nagekeken' })),
		).toBe('ok');
	});

	it('saved analyses: only coordinators of the area save; private ones stay private', async () => {
		const input = {
			areaId: vorselaar.id,
			name: 'Rollentest',
			parameters: {},
			engineVersion: '0.1.0',
			dataVersion: 'x',
			summaries: [],
			cells: [],
		};
		expect(await codeOf(as.anon!.savedAnalyses.save(input))).toBe('denied');
		expect(await codeOf(as.plannerVorselaar!.savedAnalyses.save(input))).toBe('denied');
		expect(await codeOf(as.coordLille!.savedAnalyses.save(input))).toBe('denied');
		// with its overlay: one cell in Vorselaar
		const cell = {
			geometry: {
				type: 'Polygon' as const,
				coordinates: [
					[
						[4.77, 51.2],
						[4.771, 51.2],
						[4.771, 51.2009],
						[4.77, 51.2009],
						[4.77, 51.2],
					],
				],
			},
			value: 640,
			properties: { category: 'pharmacy' },
		};
		const id = await as.coordVorselaar!.savedAnalyses.save({
			...input,
			visibility: 'private',
			cells: [cell],
		});
		expect(await as.plannerVorselaar!.savedAnalyses.get(id)).toBeNull();
		expect(await as.coordLille!.savedAnalyses.get(id)).toBeNull();
		// the cells of a private analysis: not read, changed nor removed by another area's coordinator
		const lilleClient = await userClient(users.coordLille!);
		const read = await lilleClient.from('analysis_cells').select('value').eq('analysis_id', id);
		expect(read.data ?? []).toEqual([]);
		const changed = await lilleClient
			.from('analysis_cells')
			.update({ value: 0 })
			.eq('analysis_id', id)
			.select('value');
		expect(changed.error?.code).toBe('42501');
		const removed = await lilleClient.from('analysis_cells').delete().eq('analysis_id', id);
		expect(removed.error?.code).toBe('42501');
		const kept = await db.query(`select value from public.analysis_cells where analysis_id = $1`, [
			id,
		]);
		expect(kept.rows).toEqual([{ value: 640 }]);
		await as.coordVorselaar!.savedAnalyses.update(id, { visibility: 'area_team' });
		expect((await as.plannerVorselaar!.savedAnalyses.get(id))?.name).toBe('Rollentest');
		expect(await as.coordLille!.savedAnalyses.get(id)).toBeNull();
		expect(await as.anon!.savedAnalyses.get(id)).toBeNull();
		await as.coordVorselaar!.savedAnalyses.update(id, { visibility: 'public' });
		expect((await as.anon!.savedAnalyses.list(vorselaar.id)).map((a) => a.id)).toContain(id);
		// published: anyone reads the stored overlay through PostgREST
		expect((await as.anon!.savedAnalyses.get(id))?.cells).toEqual([cell]);
		expect((await as.coordLille!.savedAnalyses.get(id))?.cells).toEqual([cell]);
		expect(await codeOf(as.coordLille!.savedAnalyses.remove(id))).toBe('not_found');
		expect(await codeOf(as.coordVorselaar!.savedAnalyses.remove(id))).toBe('ok');
	});

	it("saved analyses: the figures per neighbourhood are rows of the database's neighbourhoods, found by the app's codes", async () => {
		// the built area's neighbourhood ids are the statistical codes; the database's are uuids
		const codes = [
			...(await as.anon!.areas.neighbourhoods(vorselaar.id)),
			...(await as.anon!.areas.neighbourhoods(lille.id)),
		].map((n) => n.code);
		const rows = codes.map((code, i) => ({
			neighbourhoodId: code,
			name: code,
			residents: 100 + i,
			residents65: 20,
			beyondResidents: 10,
			beyond65: 4,
			beyond65Share: 0.2,
			edgeOfDataResidents: 0,
		}));
		const record: AnalysisRecord = {
			kind: 'coverage',
			version: 1,
			tilesArea: 'sample',
			params: {
				categoryIds: ['pharmacy'],
				profile: 'walking',
				unknownMode: 'optimistic',
				norms: {},
			},
			whatIf: null,
			results: [{ categoryId: 'pharmacy', normM: 800, state: 'measured', placeCount: 2, rows }],
		};
		// as DataState.neighbourhoods gives them to the save form
		const summaries = summariesOf(
			record,
			await as.coordVorselaar!.areas.neighbourhoods(vorselaar.id),
		);
		const id = await as.coordVorselaar!.savedAnalyses.save({
			areaId: vorselaar.id,
			name: 'Per buurt',
			parameters: record as unknown as Record<string, unknown>,
			engineVersion: 'coverage-1',
			dataVersion: 'x',
			visibility: 'public',
			summaries,
			cells: [],
		});
		try {
			const stored = await db.query<{ code: string; residents: number; beyond65: number }>(
				`select n.code, (s.summary ->> 'residents')::int as residents,
				        (s.summary -> 'categories' -> 'pharmacy' ->> 'beyond65')::int as beyond65
				   from public.analysis_summaries s join public.neighbourhoods n on n.id = s.neighbourhood_id
				  where s.analysis_id = $1 order by n.code`,
				[id],
			);
			// Vorselaar's neighbourhoods only (the analysis is saved for Vorselaar), each with its figures
			const own = (await as.anon!.areas.neighbourhoods(vorselaar.id)).map((n) => n.code).sort();
			expect(own.length).toBeGreaterThan(0);
			expect(stored.rows).toEqual(
				own.map((code) => ({ code, residents: 100 + codes.indexOf(code), beyond65: 4 })),
			);
			// published: everyone reads them back
			expect((await as.anon!.savedAnalyses.get(id))?.summaries).toHaveLength(own.length);
			// another municipality's neighbourhoods are refused for this one, and nothing is saved
			const foreign = summariesOf(record, await as.anon!.areas.neighbourhoods(lille.id));
			expect(
				await codeOf(
					as.coordVorselaar!.savedAnalyses.save({
						areaId: vorselaar.id,
						name: 'Verkeerde buurten',
						parameters: {},
						engineVersion: 'coverage-1',
						dataVersion: 'x',
						summaries: foreign,
						cells: [],
					}),
				),
			).not.toBe('ok');
			const none = await db.query(
				`select 1 from public.saved_analyses where name = 'Verkeerde buurten'`,
			);
			expect(none.rowCount).toBe(0);
		} finally {
			await as.coordVorselaar!.savedAnalyses.remove(id);
		}
	});

	it('barrier reports: residents follow and withdraw their own; planners of the area triage', async () => {
		const report = (id: string) => ({
			id,
			clientId: crypto.randomUUID(),
			kind: 'high_kerb' as const,
			description: 'Rollentest',
			location: point(4.7706, 51.2026),
		});
		const mine = crypto.randomUUID();
		const anonymous = crypto.randomUUID();
		anonymousReports.push(anonymous);
		await as.resident!.barrierReports.submit(report(mine));
		await as.anon!.barrierReports.submit(report(anonymous));
		expect((await as.resident!.barrierReports.listMine()).map((r) => r.id)).toEqual([mine]);
		// the area's list (with the reporters' texts) is for its planners and coordinators only
		expect(await codeOf(as.anon!.barrierReports.listForArea(vorselaar.id))).toBe('denied');
		expect(await codeOf(as.resident!.barrierReports.listForArea(vorselaar.id))).toBe('denied');
		expect(await codeOf(as.coordLille!.barrierReports.listForArea(vorselaar.id))).toBe('denied');
		const planned = await as.plannerVorselaar!.barrierReports.listForArea(vorselaar.id);
		expect(planned.map((r) => r.id)).toEqual(expect.arrayContaining([mine, anonymous]));
		expect(planned.find((r) => r.id === anonymous)?.description).toBe('Rollentest');
		expect(await codeOf(as.resident!.barrierReports.setStatus(mine, 'acknowledged'))).toBe(
			'denied',
		);
		expect(await codeOf(as.newcomer!.barrierReports.setStatus(mine, 'withdrawn'))).toBe(
			'not_found',
		);
		expect(await codeOf(as.coordLille!.barrierReports.setStatus(anonymous, 'rejected'))).toBe(
			'not_found',
		);
		const acknowledged = await as.plannerVorselaar!.barrierReports.setStatus(
			anonymous,
			'acknowledged',
			'Bekeken',
			'Hoge stoeprand gemeld',
		);
		expect([acknowledged.status, acknowledged.description, acknowledged.publicText]).toEqual([
			'acknowledged',
			'Rollentest',
			'Hoge stoeprand gemeld',
		]);
		// anon now reads the report: its kind, place and the approved public text, never the raw text
		const anon = anonClient();
		const open = await anon
			.from('barrier_reports')
			.select('id, kind, public_text')
			.eq('id', anonymous);
		expect(open.data).toEqual([
			{ id: anonymous, kind: 'high_kerb', public_text: 'Hoge stoeprand gemeld' },
		]);
		const raw = await anon.from('barrier_reports').select('description').eq('id', anonymous);
		expect(raw.error?.code).toBe('42501');
		expect(
			(await as.resident!.barrierReports.setStatus(mine, 'withdrawn')).withdrawnAt,
		).not.toBeNull();
		expect(await codeOf(as.resident!.barrierReports.setStatus(mine, 'new'))).toBe('not_found');
	});

	it('memberships: admins manage their area; nobody else does', async () => {
		const m = (who: string) => as[who]!.memberships!;
		expect(
			await codeOf(m('coordVorselaar').add(vorselaar.id, users.newcomer!, 'coordinator')),
		).toBe('denied');
		expect(await codeOf(m('adminVorselaar').add(lille.id, users.newcomer!, 'coordinator'))).toBe(
			'denied',
		);
		expect((await m('adminVorselaar').add(vorselaar.id, users.newcomer!, 'coordinator')).role).toBe(
			'coordinator',
		);
		const team = await m('newcomer').list();
		expect(team.filter((x) => x.userId === users.newcomer).map((x) => [x.areaId, x.role])).toEqual([
			[vorselaar.id, 'coordinator'],
		]);
		expect(team.some((x) => x.userId === users.coordLille)).toBe(false);
		expect((await m('coordLille').list(vorselaar.id)).length).toBe(0);
		expect(
			await codeOf(m('coordVorselaar').remove(vorselaar.id, users.newcomer!, 'coordinator')),
		).toBe('not_found');
		expect(
			await codeOf(m('adminVorselaar').remove(vorselaar.id, users.newcomer!, 'coordinator')),
		).toBe('ok');
		expect(await codeOf(m('anon').list())).toBe('denied');
	});

	it('audit trail: the area team reads who changed what; others read nothing', async () => {
		const trail = await as.coordVorselaar!.auditTrail!.listForArea(vorselaar.id, 1000);
		const ofDraft = trail.filter((e) => e.entityId === draft.id).map((e) => [e.action, e.actorId]);
		expect(ofDraft).toEqual([
			['update', users.coordVorselaar],
			['insert', users.coordVorselaar],
		]);
		expect(await as.coordLille!.auditTrail!.listForArea(vorselaar.id)).toEqual([]);
		expect(await codeOf(as.anon!.auditTrail!.listForArea(vorselaar.id))).toBe('denied');
	});
});
