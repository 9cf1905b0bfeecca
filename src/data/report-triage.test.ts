/**
 * The planners' list of an area's reports on the device (the embedded default): filtered by status,
 * kind and age, paged, with the number that match in all; a planner's note reaches the reporter.
 * (The Supabase side: supabase/tests/database/10-report-triage.test.sql and tests/e2e/triage.spec.ts.)
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { REPORTS_PER_PAGE } from './barrier-reports.ts';
import { DeviceDb } from './device-db.ts';
import { deviceRepositories } from './repositories.ts';

const square = (w: number, s: number, e: number, n: number) => ({
	type: 'MultiPolygon' as const,
	coordinates: [
		[
			[
				[w, s],
				[e, s],
				[e, n],
				[w, n],
				[w, s],
			],
		],
	],
});

describe('an area’s reports on the device', () => {
	it('page by 50 with the total, filter by status, kind and age, and carry the note', async () => {
		const device = await DeviceDb.open('triage', new IDBFactory());
		const repos = await deviceRepositories(device);
		const areaId = crypto.randomUUID();
		await repos.areas.import(
			[
				{
					id: areaId,
					slug: 'x',
					name: 'X',
					nisCode: '13046',
					population: null,
					populationYear: null,
					boundary: square(4.7, 51.1, 4.9, 51.3),
				},
			],
			[],
		);
		const ids: string[] = [];
		for (let i = 0; i < 120; i++) {
			const id = crypto.randomUUID();
			ids.push(id);
			await repos.barrierReports.submit({
				id,
				clientId: crypto.randomUUID(),
				kind: i % 3 === 0 ? 'narrow_path' : 'broken_sidewalk',
				description: `melding ${i}`,
				location: { type: 'Point', coordinates: [4.8 + i * 1e-4, 51.2] },
			});
		}
		const first = await repos.barrierReports.pageForArea(areaId, {}, 0);
		expect(first.total).toBe(120);
		expect(first.reports).toHaveLength(REPORTS_PER_PAGE);
		const last = await repos.barrierReports.pageForArea(areaId, {}, 100);
		expect(last.reports).toHaveLength(20);
		const seen = new Set(
			[
				...first.reports,
				...(await repos.barrierReports.pageForArea(areaId, {}, 50)).reports,
				...last.reports,
			].map((r) => r.id),
		);
		expect(seen.size).toBe(120);

		expect((await repos.barrierReports.pageForArea(areaId, { kind: 'narrow_path' }, 0)).total).toBe(
			40,
		);
		const future = new Date(Date.now() + 60_000).toISOString();
		expect((await repos.barrierReports.pageForArea(areaId, { since: future }, 0)).total).toBe(0);

		await repos.barrierReports.setStatus(ids[0]!, 'acknowledged', 'We komen kijken op 3 december.');
		const acknowledged = await repos.barrierReports.pageForArea(
			areaId,
			{ status: 'acknowledged' },
			0,
		);
		expect(acknowledged.total).toBe(1);
		expect(acknowledged.reports[0]).toMatchObject({
			id: ids[0],
			plannerNote: 'We komen kijken op 3 december.',
		});
		await repos.barrierReports.setStatus(ids[0]!, 'resolved', 'Hersteld.');
		const mine = (await repos.barrierReports.listMine()).find((r) => r.id === ids[0]);
		expect(mine).toMatchObject({ status: 'resolved', plannerNote: 'Hersteld.' });
		// a jump back is refused
		await expect(repos.barrierReports.setStatus(ids[0]!, 'new')).rejects.toMatchObject({
			code: 'invalid',
		});
		// bad filters and pages name the problem
		await expect(
			repos.barrierReports.pageForArea(areaId, { status: 'gone' as never }, 0),
		).rejects.toMatchObject({ code: 'invalid' });
		await expect(repos.barrierReports.pageForArea(areaId, {}, -1)).rejects.toMatchObject({
			code: 'invalid',
		});
		device.close();
	});
});
