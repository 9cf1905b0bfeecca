import { describe, expect, it } from 'vitest';
import { buildAnalysisBundle, decodeAnalysisBundle } from '../analysis/bundle.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { PROFILES, type ProfileId } from '../analysis/profiles.ts';
import { route } from '../analysis/route.ts';
import { sampleBundleInput } from '../../tests/fixtures/analysis/sample-input.ts';
import { nearestByWalkingTime, straightLineM } from './nearest.ts';
import type { Place } from './place.ts';

// The real sample network and places (data/vorselaar-lille), through the real engine.
const input = sampleBundleInput();
const engine = new AnalysisEngine(decodeAnalysisBundle(buildAnalysisBundle(input)));
const places: Place[] = input.places.map((p) => ({
	id: p.id,
	name: p.name,
	categoryIds: p.categoryIds,
	lngLat: p.lngLat,
	source: 'OpenStreetMap',
}));
const ofKind = (id: string) => places.filter((p) => p.categoryIds.includes(id));
// A real CRAB address in Vorselaar: the first origin of the sample.
const home = input.origins.find((o) => !o.edgeOfData)!.lngLat;

function router(profile: ProfileId) {
	let calls = 0;
	const routeTo = async (to: [number, number]) => {
		calls++;
		return route(engine, home, to, profile);
	};
	return { routeTo, calls: () => calls };
}

describe('nearestByWalkingTime', () => {
	for (const profile of ['walking', 'wheelchair'] as const) {
		it(`orders places by network time exactly as routing to all of them does (${profile})`, async () => {
			const candidates = ofKind('bus_stop').length > 0 ? ofKind('bus_stop') : ofKind('bench');
			expect(candidates.length).toBeGreaterThan(10);
			const { routeTo, calls } = router(profile);
			const nearest = await nearestByWalkingTime(
				home,
				candidates,
				3,
				PROFILES[profile].speedMps,
				routeTo,
			);
			const all = candidates
				.map((place) => ({ place, route: route(engine, home, place.lngLat, profile) }))
				.filter((r) => Number.isFinite(r.route.timeS))
				.sort((a, b) => a.route.timeS - b.route.timeS || a.place.id.localeCompare(b.place.id));
			expect(nearest.map((n) => n.place.id)).toEqual(all.slice(0, 3).map((r) => r.place.id));
			// It did not need to route to every place.
			expect(calls()).toBeLessThan(candidates.length);
		});
	}

	it('never reports a route shorter than the straight line', async () => {
		const { routeTo } = router('walking');
		for (const n of await nearestByWalkingTime(
			home,
			places,
			5,
			PROFILES.walking.speedMps,
			routeTo,
		)) {
			expect(n.route.distanceM).toBeGreaterThanOrEqual(straightLineM(home, n.place.lngLat) - 1e-6);
		}
	});

	it('validates its arguments and can be cancelled', async () => {
		const { routeTo } = router('walking');
		await expect(nearestByWalkingTime(home, places, 0, 1, routeTo)).rejects.toThrow(/k must be/);
		await expect(nearestByWalkingTime(home, places, 1, 0, routeTo)).rejects.toThrow(/speedMps/);
		const controller = new AbortController();
		controller.abort();
		await expect(
			nearestByWalkingTime(home, places, 1, 1, routeTo, controller.signal),
		).rejects.toThrow();
	});
});
