/**
 * The toolbar's button to the reports panel follows the user's role in the open area's
 * municipalities (reportsRole of DataState.triageAreas). On the embedded default (fake IndexedDB,
 * the sample area's real boundaries) the device's one user plans every municipality, also when the
 * role is asked while the device is still storing them (a first visit: it answered none).
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSampleArea, tilesFetch } from '../../tests/helpers/panels.ts';
import type { AreaState } from './area-state.svelte.ts';
import { DataState, reportsRole } from './data-state.svelte.ts';

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
