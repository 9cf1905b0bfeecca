/**
 * CoverageAnalysis with the real sample area and the real analysis engine behind a message channel:
 * the ids of planned places stay unique after a saved analysis's edits are applied again, and a
 * what-if belongs to its category.
 */
import { describe, expect, it } from 'vitest';
import { openSampleArea } from '../../tests/helpers/panels.ts';
import { CoverageAnalysis, totalsOf, type CategoryResult } from './coverage.svelte.ts';
import { ORIGIN_REASONS } from '../analysis/bundle.ts';

describe('CoverageAnalysis', () => {
	it("sends every category's request at once, so the worker runs them back to back; the answers equal one request at a time", async () => {
		const traffic: string[] = [];
		const area = await openSampleArea((direction, m) => {
			const message = m as { kind: string; type?: string };
			if (direction === 'sent' && message.type === 'coverage') traffic.push('sent');
			if (direction === 'answered' && message.kind === 'response') traffic.push('answered');
		});
		const analysis = new CoverageAnalysis(() => area.analysis!.client());
		await area.analysis!.client();
		const ids = area.analysis!.info!.categoriesWithPlaces.slice(0, 3);
		expect(ids).toHaveLength(3);
		traffic.length = 0;
		const params = {
			categoryIds: ids,
			profile: 'walking' as const,
			unknownMode: 'optimistic' as const,
			norms: {},
		};
		await analysis.run(params);
		expect(analysis.status).toBe('done');
		expect(traffic.slice(0, 4)).toEqual(['sent', 'sent', 'sent', 'answered']);
		// the same figures as each category asked alone
		for (const categoryId of ids) {
			const alone = new CoverageAnalysis(() => area.analysis!.client());
			await alone.run({ ...params, categoryIds: [categoryId] });
			expect(analysis.resultOf(categoryId)!.summary).toEqual(alone.resultOf(categoryId)!.summary);
			alone.dispose();
		}
		analysis.dispose();
	}, 120_000);

	it('gives a new planned place an id none of the reopened ones has', async () => {
		const area = await openSampleArea();
		const analysis = new CoverageAnalysis(() => area.analysis!.client());
		await analysis.run({
			categoryIds: ['pharmacy'],
			profile: 'walking',
			unknownMode: 'optimistic',
			norms: {},
		});
		expect(analysis.status).toBe('done');
		expect(analysis.nextPlannedId()).toBe('planned-1');
		// a reopened analysis's edits, as a save kept them (one removed before it was saved)
		const home = area.data!.places.find((p) => p.categoryIds.includes('pharmacy'))!.lngLat;
		await analysis.applyEdits('pharmacy', {
			add: [
				{ id: 'planned-1', lngLat: [home[0] + 0.01, home[1]], name: 'Gepland 1' },
				{ id: 'planned-3', lngLat: [home[0], home[1] + 0.01], name: 'Gepland 2' },
			],
		});
		expect(analysis.whatIf?.add.map((p) => p.id)).toEqual(['planned-1', 'planned-3']);
		expect(analysis.snapshot().whatIfs.map((w) => w.categoryId)).toEqual(['pharmacy']);
		const id = analysis.nextPlannedId();
		expect(id).toBe('planned-4');
		await analysis.applyEdits('pharmacy', {
			add: [{ id, lngLat: [home[0] - 0.01, home[1]], name: 'Gepland 3' }],
		});
		expect(analysis.error).toBeUndefined();
		expect(new Set(analysis.whatIf?.add.map((p) => p.id)).size).toBe(3);

		// run again because the extra places changed (a curated initiative): the edits stay applied
		const withEdits = analysis.resultOf('pharmacy')!.summary.map((r) => r.beyond65);
		const edits = analysis.whatIf;
		await analysis.run(analysis.params, { keepEdits: true });
		expect(analysis.whatIf).toEqual(edits);
		expect(analysis.resultOf('pharmacy')!.summary.map((r) => r.beyond65)).toEqual(withEdits);
		// without keepEdits (other parameters), they go
		await analysis.run(analysis.params);
		expect(analysis.whatIf).toBeUndefined();
		analysis.dispose();
	}, 120_000);

	it('keeps a what-if with its category: another category shown, edited or reset leaves it', async () => {
		const area = await openSampleArea();
		const analysis = new CoverageAnalysis(() => area.analysis!.client());
		await area.analysis!.client();
		const [a, b] = area.analysis!.info!.categoriesWithPlaces;
		expect(a && b).toBeTruthy();
		await analysis.run({
			categoryIds: [a!, b!],
			profile: 'walking',
			unknownMode: 'optimistic',
			norms: {},
		});
		expect(analysis.status).toBe('done');
		const beyond = (id: string) => totalsOf(analysis.resultOf(id)!.summary).beyond65;
		// a planned place of A where its residents 65+ beyond the norm live most
		const worstOf = (id: string): [number, number] => {
			const r = analysis.resultOf(id)!;
			const o = analysis.origins!;
			let best = -1;
			for (let i = 0; i < r.columns.reason.length; i++)
				if (
					r.columns.reason[i] === 0 &&
					(best < 0 || r.columns.distanceM[i]! > r.columns.distanceM[best]!)
				)
					best = i;
			return [o.lngLat[2 * best]!, o.lngLat[2 * best + 1]!];
		};
		const a0 = beyond(a!);
		const b0 = beyond(b!);
		await analysis.applyEdits(a!, {
			add: [{ id: analysis.nextPlannedId(), lngLat: worstOf(a!), name: 'A' }],
		});
		expect(analysis.error).toBeUndefined();
		const a1 = beyond(a!);
		expect(a1).toBeLessThan(a0);
		// B edited: A's place and figures stay, B's are its own
		await analysis.applyEdits(b!, {
			add: [{ id: analysis.nextPlannedId(), lngLat: worstOf(b!), name: 'B' }],
		});
		expect(analysis.whatIfOf(a!)?.add.map((p) => p.name)).toEqual(['A']);
		expect(analysis.whatIfOf(b!)?.add.map((p) => p.name)).toEqual(['B']);
		expect(new Set(analysis.edits.flatMap((e) => e.add.map((p) => p.id))).size).toBe(2);
		expect(beyond(a!)).toBe(a1);
		expect(beyond(b!)).toBeLessThan(b0);
		// B reset: A keeps its edits and figures, B is back to its own base
		await analysis.resetWhatIf(b!);
		expect(analysis.whatIfOf(b!)).toBeUndefined();
		expect(analysis.whatIfOf(a!)?.add).toHaveLength(1);
		expect(beyond(a!)).toBe(a1);
		expect(beyond(b!)).toBe(b0);
		// the worker kept A's run with its place: a second place of A adds to the first
		await analysis.applyEdits(a!, {
			add: [{ id: analysis.nextPlannedId(), lngLat: worstOf(a!), name: 'A2' }],
		});
		expect(analysis.whatIfOf(a!)?.add.map((p) => p.name)).toEqual(['A', 'A2']);
		expect(beyond(a!)).toBeLessThan(a1);
		const a2 = beyond(a!);
		// run again for other extra places: both categories' edits are applied again
		await analysis.applyEdits(b!, {
			add: [{ id: analysis.nextPlannedId(), lngLat: worstOf(b!), name: 'B2' }],
		});
		const b2 = beyond(b!);
		await analysis.run(analysis.params, { keepEdits: true });
		expect(analysis.snapshot().whatIfs.map((w) => [w.categoryId, w.add.length])).toEqual([
			[a, 2],
			[b, 1],
		]);
		expect(beyond(a!)).toBe(a2);
		expect(beyond(b!)).toBe(b2);
		analysis.dispose();
	}, 180_000);

	it('keeps a switched-off place through runs for other profiles, also where a run lacks it', async () => {
		const area = await openSampleArea();
		const analysis = new CoverageAnalysis(() => area.analysis!.client());
		const params = { categoryIds: ['pharmacy'], unknownMode: 'optimistic' as const, norms: {} };
		// a pharmacy that is someone's nearest on foot, but nobody's by wheelchair (cautious)
		await analysis.run({ ...params, profile: 'wheelchair', unknownMode: 'cautious' });
		const byWheelchair = new Set(analysis.resultOf('pharmacy')!.columns.placeIds);
		await analysis.run({ ...params, profile: 'walking' });
		const off = analysis.resultOf('pharmacy')!.columns.placeIds.find((id) => !byWheelchair.has(id));
		expect(off, 'the sample has such a pharmacy').toBeDefined();
		await analysis.applyEdits('pharmacy', { removePlaceIds: [off!] });
		for (const [profile, unknownMode] of [
			['wheelchair', 'cautious'],
			['rollator', 'optimistic'],
			['walking', 'optimistic'],
		] as const) {
			await analysis.run({ ...params, profile, unknownMode }, { keepEdits: true });
			expect(analysis.status).toBe('done');
			expect(analysis.whatIfOf('pharmacy')?.removePlaceIds).toEqual([off]);
			// switched off in this run: nobody's nearest
			const { place, placeIds } = analysis.resultOf('pharmacy')!.columns;
			expect([...place].some((k) => k >= 0 && placeIds[k] === off)).toBe(false);
		}
		analysis.dispose();
	}, 180_000);

	it("takes each origin's figures from the run of its profile, not the first run's", async () => {
		const area = await openSampleArea();
		const analysis = new CoverageAnalysis(() => area.analysis!.client());
		await area.analysis!.client();
		const [a] = area.analysis!.info!.categoriesWithPlaces;
		const params = {
			categoryIds: [a!],
			unknownMode: 'cautious' as const,
			norms: {},
		};
		/** Origins with a figure that reach no place of the kind. */
		const unreachable = (r: CategoryResult) =>
			[...r.columns.reason].filter((c, i) => c === 0 && r.columns.distanceM[i] === Infinity).length;
		await analysis.run({ ...params, profile: 'walking' });
		const walking = analysis.resultOf(a!)!;
		const walkingReasons = [...walking.columns.reason];
		const walkingUnreachable = unreachable(walking);
		// the profile changes: the figures are the new profile's (the worker's own origin points)
		await analysis.run({ ...params, profile: 'wheelchair' });
		expect(analysis.status).toBe('done');
		const r = analysis.resultOf(a!)!;
		const client = await area.analysis!.client();
		const points = await client.request('originsGeoJSON', {
			categoryId: a!,
			profile: 'wheelchair',
			unknownMode: 'cautious',
			normM: r.normM,
		});
		expect(
			points.features.map((f) =>
				f.properties.edge_of_data ? 'edge_of_data' : f.properties.no_figure_reason,
			),
		).toEqual([...r.columns.reason].map((c) => (c === 0 ? null : ORIGIN_REASONS[c])));
		expect(points.features.map((f) => f.properties.distance_m ?? Infinity)).toEqual(
			[...r.columns.distanceM].map((d) =>
				Number.isFinite(d) ? Math.round(d * 10) / 10 : Infinity,
			),
		);
		// in the sample a wheelchair, cautious about untagged ways, has no usable way near more
		// addresses than someone walking: nothing is reachable for them, and they count beyond the
		// norm; the reasons for no figure (what the data cannot say) are the same for both
		expect(unreachable(r)).toBeGreaterThan(walkingUnreachable);
		expect([...r.columns.reason]).toEqual(walkingReasons);
		const totals = totalsOf(r.summary);
		expect(totals.originsNoFigure).toBe(
			r.columns.reason.filter((c) => c !== 0 && c !== ORIGIN_REASONS.indexOf('edge_of_data'))
				.length,
		);
		expect(totals.beyondResidents).toBeGreaterThanOrEqual(
			totalsOf(walking.summary).beyondResidents,
		);
		// and back: the walking figures again
		await analysis.run({ ...params, profile: 'walking' });
		expect([...analysis.resultOf(a!)!.columns.distanceM]).toEqual([...walking.columns.distanceM]);
		analysis.dispose();
	}, 180_000);
});
