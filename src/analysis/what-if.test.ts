import { describe, expect, it } from 'vitest';
import {
	AnalysisEngine,
	type CoverageResult,
	type CoverageRun,
	type PlannedPlace,
} from './engine.ts';
import type { ProfileId, UnknownMode } from '../contracts/profiles.ts';
import { mulberry32, syntheticBundle, syntheticGrid } from './synthetic.ts';

/**
 * Property: a chain of what-if edits (planned places added, bundle and planned places removed, in a
 * seeded random order) leaves the run equal to a full recompute with the same places, for every
 * origin: distance, time, unknown metres and the id of the nearest place. On a synthetic grid
 * where the wheelchair meets impassable, limited and unknown stretches.
 */
const bundle = syntheticBundle(syntheticGrid(20_000, 13), 4000, 25, 'pharmacy', 21);
const engine = new AnalysisEngine(bundle);
const o = bundle.origins;
const places = bundle.places;

function expectEqual(run: CoverageRun, full: CoverageResult, fullRun: CoverageRun): void {
	const r = run.result;
	let worst = 0;
	let placeDiffers = 0;
	for (let i = 0; i < o.count; i++) {
		for (const [a, b] of [
			[r.distanceM[i]!, full.distanceM[i]!],
			[r.timeS[i]!, full.timeS[i]!],
			[r.unknownM[i]!, full.unknownM[i]!],
		] as const) {
			if (a === Infinity || b === Infinity) {
				if (a !== b) worst = Infinity;
			} else worst = Math.max(worst, Math.abs(a - b));
		}
		if (run.placeId(r.placeLabel[i]!) !== fullRun.placeId(full.placeLabel[i]!)) placeDiffers++;
	}
	expect(worst).toBeLessThan(1e-6);
	expect(placeDiffers).toBe(0);
	expect(r.placeCount).toBe(full.placeCount);
}

describe('what-if equals a full recompute on a synthetic grid', () => {
	const cases: [ProfileId, UnknownMode][] = [
		['walking', 'optimistic'],
		['wheelchair', 'optimistic'],
		['wheelchair', 'cautious'],
	];
	for (const [profile, unknownMode] of cases) {
		it(`random adds and removes, ${profile} ${unknownMode}`, () => {
			const rand = mulberry32(profile.length * 7 + unknownMode.length);
			const run = engine.coverage({ categoryId: 'pharmacy', profile, unknownMode });
			const planned: PlannedPlace[] = [];
			const removed: string[] = [];
			let changedTotal = 0;
			for (let step = 0; step < 40; step++) {
				const labels = [...run.sources.keys()];
				if (rand() < 0.55 || labels.length < 3) {
					// a planned place at a random origin's address, or a few tens of metres from a
					// bundle place (their regions then touch, and removing one refills from the other)
					let lngLat: [number, number];
					if (rand() < 0.5) {
						const i = Math.floor(rand() * o.count);
						lngLat = [o.lngLat[i * 2]!, o.lngLat[i * 2 + 1]!];
					} else {
						const k = Math.floor(rand() * places.count);
						lngLat = [
							places.lngLat[k * 2]! + (rand() - 0.5) * 0.0008,
							places.lngLat[k * 2 + 1]! + (rand() - 0.5) * 0.0005,
						];
					}
					const p: PlannedPlace = { id: `planned-${step}`, lngLat };
					const change = run.addPlace(p);
					if (change) changedTotal += change.origins.length;
					planned.push(p);
				} else {
					const label = labels[Math.floor(rand() * labels.length)]!;
					const id = run.placeId(label)!;
					changedTotal += run.removePlace(label).origins.length;
					removed.push(id);
				}
				const fullRun = engine.coverage({
					categoryId: 'pharmacy',
					profile,
					unknownMode,
					extraPlaces: planned.filter((p) => !removed.includes(p.id)),
					excludePlaceIds: removed,
				});
				expectEqual(run, fullRun.result, fullRun);
			}
			expect(changedTotal).toBeGreaterThan(0);
			expect(removed.length).toBeGreaterThan(3);
		});
	}

	it('the change lists exactly the origins whose distance or place changed, with their old distance', () => {
		const run = engine.coverage({ categoryId: 'pharmacy', profile: 'rollator' });
		const before = run.result.distanceM.slice();
		const beforeLabel = run.result.placeLabel.slice();
		const change = run.addPlace({ id: 'x', lngLat: [o.lngLat[0]!, o.lngLat[1]!] })!;
		const expected: number[] = [];
		for (let i = 0; i < o.count; i++) {
			if (run.result.distanceM[i] !== before[i] || run.result.placeLabel[i] !== beforeLabel[i])
				expected.push(i);
		}
		expect(expected.length).toBeGreaterThan(0);
		expect([...change.origins].sort((a, b) => a - b)).toEqual(expected);
		change.origins.forEach((i, k) => expect(change.previousDistanceM[k]).toBe(before[i]));
		const back = run.removePlace(change.label);
		expect([...back.origins].sort((a, b) => a - b)).toEqual(expected);
		expect(run.result.distanceM).toEqual(before);
	});
});
