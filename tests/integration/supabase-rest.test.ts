/**
 * The thin slice through the backend: supabase-js reads and writes through the local PostgREST at
 * /rest/v1, over real HTTP, with real JWTs, and Row Level Security decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import {
	addMembership,
	anonClient,
	createUser,
	stackEnv,
	superuser,
	userClient,
} from '../helpers/db.ts';

let db: pg.Client;
let coordinatorId: string;
const placeIds: string[] = [];

beforeAll(async () => {
	stackEnv(); // fails with 'local stack not running: npm run db:start' when there is none
	db = await superuser();
	coordinatorId = await createUser(db, 'coordinator');
	await addMembership(db, coordinatorId, 'vorselaar', 'coordinator');
});

afterAll(async () => {
	if (!db) return;
	await db.query('delete from public.curated_places where id = any($1)', [placeIds]);
	await db.query('delete from public.audit_events where entity_id = any($1)', [placeIds]);
	await db.query('delete from auth.users where id = $1', [coordinatorId]);
	await db.end();
});

describe('supabase-js through the local PostgREST', () => {
	it('reads the areas as an anonymous visitor', async () => {
		const { data, error } = await anonClient()
			.from('areas')
			.select('slug, name, nis_code, population')
			.order('slug');
		expect(error).toBeNull();
		expect(data).toEqual([
			{ slug: 'lille', name: 'Lille', nis_code: '13019', population: 16529 },
			{ slug: 'vorselaar', name: 'Vorselaar', nis_code: '13044', population: 7861 },
		]);
	});

	it('refuses an anonymous write', async () => {
		const { error } = await anonClient()
			.from('areas')
			.update({ name: 'Elders' })
			.eq('slug', 'lille');
		expect(error?.code).toBe('42501');
	});

	it('lets a coordinator add a place to their area, shown to anon only once it is public', async () => {
		const coordinator = await userClient(coordinatorId);
		const { data: area } = await anonClient()
			.from('areas')
			.select('id')
			.eq('slug', 'vorselaar')
			.single();
		const id = crypto.randomUUID();
		placeIds.push(id);
		const { error } = await coordinator.from('curated_places').insert({
			id,
			area_id: area?.id,
			name: 'Integratietest: burenhulp',
			categories: ['neighbour_help'],
			location: { type: 'Point', coordinates: [4.7705, 51.2025] },
			source: 'integration test',
		});
		expect(error).toBeNull();

		const asAnon = () => anonClient().from('curated_places').select('id').eq('id', id);
		expect((await asAnon()).data).toEqual([]);
		const published = await coordinator
			.from('curated_places')
			.update({ visibility: 'public' })
			.eq('id', id)
			.select('name');
		expect(published.error).toBeNull();
		expect(published.data).toEqual([{ name: 'Integratietest: burenhulp' }]);
		expect((await asAnon()).data).toEqual([{ id }]);
	});

	it('refuses a JWT signed with another secret', async () => {
		const forged = await userClient(coordinatorId, undefined, {
			...stackEnv(),
			SUPABASE_JWT_SECRET: 'not-the-secret-of-this-stack-but-long-enough',
		});
		const { error } = await forged.from('areas').select('id');
		expect(error?.code).toBe('PGRST301');
	});
});
