/**
 * The toolbar's button to the reports panel follows the user's role in the open area's
 * municipalities (reportsRole of DataState.triageAreas). On the embedded default (fake IndexedDB,
 * the sample area's real boundaries) the device's one user plans every municipality, also when the
 * role is asked while the device is still storing them (a first visit: it answered none), and
 * when storing them failed. With Supabase (not reachable: the roles are the test's answers) the
 * button's role is asked again when the connection returns, and is unknown, not the last user's or
 * area's, until the new user's or area's answer.
 */
import { IDBFactory } from 'fake-indexeddb';
import { flushSync } from 'svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { openSampleArea, tilesFetch } from '../../tests/helpers/panels.ts';
import { DataError } from '../data/errors.ts';
import type { AreaState } from './area-state.svelte.ts';
import { DataState, reportsRole, type TriageArea } from './data-state.svelte.ts';
import { ReportsRole } from './reports-role.svelte.ts';

let area: AreaState;

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	globalThis.fetch = tilesFetch;
	area = await openSampleArea();
}, 60_000);

describe('the reports role', () => {
	it('is the strongest role: planner before coordinator; none for a resident', () => {
		const a = (role: 'planner' | 'coordinator') => ({ id: role, name: role, role });
		expect(reportsRole([a('coordinator'), a('planner')])).toBe('planner');
		expect(reportsRole([a('coordinator')])).toBe('coordinator');
		expect(reportsRole([])).toBeUndefined();
	});

	it('on the device: the planner of every municipality, asked while the area is being stored', async () => {
		const data = new DataState({});
		await data.open();
		expect(data.areasKnown).toBe(0);
		const nis = area.tiles!.municipalities.map((m) => m.nis);
		// a first visit: the area's municipalities are being stored when the app asks
		const storing = data.useArea(area.tiles!.files.boundaries!.url);
		const found = await data.triageAreas(nis);
		expect(found.map((f) => f.role)).toEqual(nis.map(() => 'planner'));
		expect(reportsRole(found)).toBe('planner');
		await storing;
		// whoever asked before the area was known asks again
		expect(data.areasKnown).toBe(1);
	});
});

/** A promise and its resolvers, to answer when the test says. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (reason: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

/** The button's role for `data` over `codes` (in an effect root, as App.svelte makes it). */
function follow(data: DataState, codes: () => readonly string[]) {
	let button!: ReportsRole;
	const stop = $effect.root(() => {
		button = new ReportsRole(data, codes);
	});
	return { button, stop };
}

describe("the reports button's role", () => {
	const coordinator = (nis: string) => [{ id: nis, name: nis, role: 'coordinator' as const }];
	/**
	 * The shared database, not reachable (as without a connection): the roles are the test's
	 * answers, by `triageAreas`.
	 */
	const shared = async () => {
		const supabaseUrl = 'http://127.0.0.1:9';
		globalThis.fetch = (input, init) =>
			String(input instanceof Request ? input.url : input).startsWith(supabaseUrl)
				? Promise.reject(new TypeError('Failed to fetch'))
				: tilesFetch(input, init);
		const data = new DataState({ supabaseUrl, supabaseAnonKey: 'anon' });
		await data.open();
		expect(data.phase).toBe('ready');
		return data;
	};

	it('with Supabase: a first answer that failed (no connection) is asked again once it returns', async () => {
		const data = await shared();
		let asked = 0;
		data.triageAreas = async (nis) => {
			asked += 1;
			if (asked === 1) throw new DataError('memberships.list', 'network', 'Failed to fetch');
			return coordinator(nis[0]!);
		};
		data.user = { id: 'coordinator', email: null };
		const { button, stop } = follow(data, () => ['11001']);
		await vi.waitFor(() => expect(asked).toBe(1));
		flushSync();
		expect(button.role).toBeUndefined();
		data.isOnline = false;
		flushSync();
		data.isOnline = true;
		flushSync();
		await vi.waitFor(() => expect(button.role).toBe('coordinator'));
		expect(asked).toBe(2);
		stop();
		data.close();
	});

	it("with Supabase: another user's or another area's role is not shown until it is answered", async () => {
		const data = await shared();
		const answers: { nis: readonly string[]; answer: ReturnType<typeof deferred<TriageArea[]>> }[] =
			[];
		data.triageAreas = (nis) => {
			const answer = deferred<TriageArea[]>();
			answers.push({ nis, answer });
			return answer.promise;
		};
		data.user = { id: 'planner', email: null };
		let codes = $state(['11001']);
		const { button, stop } = follow(data, () => codes);
		await vi.waitFor(() => expect(answers).toHaveLength(1));
		answers[0]!.answer.resolve([{ id: 'a', name: 'a', role: 'planner' }]);
		await vi.waitFor(() => expect(button.role).toBe('planner'));
		// a coordinator signs in: the planner's button goes until their role is known
		data.user = { id: 'coordinator', email: null };
		flushSync();
		expect(button.role).toBeUndefined();
		await vi.waitFor(() => expect(answers).toHaveLength(2));
		answers[1]!.answer.resolve(coordinator('11001'));
		await vi.waitFor(() => expect(button.role).toBe('coordinator'));
		// another area, where they have no role
		codes = ['12002'];
		flushSync();
		expect(button.role).toBeUndefined();
		await vi.waitFor(() => expect(answers).toHaveLength(3));
		expect(answers[2]!.nis).toEqual(['12002']);
		answers[2]!.answer.resolve([]);
		await vi.waitFor(() => expect(button.role).toBeNull());
		stop();
		data.close();
	});

	it("on the device: the planner, also when storing the area's boundaries failed", async () => {
		globalThis.indexedDB = new IDBFactory();
		const data = new DataState({});
		await data.open();
		const nis = area.tiles!.municipalities.map((m) => m.nis);
		// the boundaries cannot be read: the device knows none of the area's municipalities
		await data.useArea(
			new URL('missing/boundaries.geojson', area.tiles!.files.boundaries!.url).href,
		);
		expect(data.failure).toBeTruthy();
		expect(await data.triageAreas(nis)).toEqual([]);
		const { button, stop } = follow(data, () => nis);
		await vi.waitFor(() => expect(button.role).toBe('planner'));
		stop();
		data.close();
	});
});
