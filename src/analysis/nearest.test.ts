/**
 * The nearest-places search is exact: it gives the same places, times, lengths, unknown metres
 * and route ends as routing to every place of the category and keeping the k fastest — on the
 * real sample and on random synthetic graphs.
 */
import { describe, expect, it } from 'vitest';
import { sampleBundleInput } from '../../tests/fixtures/analysis/sample-input.ts';
import { buildAnalysisBundle, decodeAnalysisBundle, type AnalysisBundle } from './bundle.ts';
import { AnalysisEngine } from './engine.ts';
import { nearestPlaces } from './nearest.ts';
import { PROFILE_IDS, type ProfileId, type UnknownMode } from '../contracts/profiles.ts';
import { route, type Route } from './route.ts';
import { SearchSpace } from './search.ts';
import { mulberry32, syntheticBundle, syntheticGrid } from './synthetic.ts';

/** The reference: a route to every place of the category, the k fastest (ties by place id). */
function byRoutingToEvery(
	engine: AnalysisEngine,
	from: [number, number],
	categoryId: string,
	profile: ProfileId,
	k: number,
	mode: UnknownMode,
): { placeId: string; route: Route }[] {
	const p = engine.bundle.places;
	return engine
		.placesOf(categoryId)
		.map((i) => ({
			placeId: p.ids[i] as string,
			route: route(
				engine,
				from,
				[p.lngLat[i * 2] as number, p.lngLat[i * 2 + 1] as number],
				profile,
				mode,
			),
		}))
		.filter((r) => Number.isFinite(r.route.timeS))
		.sort((a, b) => a.route.timeS - b.route.timeS || a.placeId.localeCompare(b.placeId))
		.slice(0, k);
}

/** Checks nearestPlaces against the reference for `origins` × `categories` × profiles. */
function expectExact(
	bundle: AnalysisBundle,
	origins: [number, number][],
	categories: string[],
	k: number,
	modes: UnknownMode[] = ['optimistic'],
): number {
	const engine = new AnalysisEngine(bundle);
	const space = new SearchSpace(engine.graph.nodeCount);
	let compared = 0;
	for (const from of origins)
		for (const categoryId of categories)
			for (const profile of PROFILE_IDS)
				for (const unknownMode of modes) {
					const got = nearestPlaces(engine, from, categoryId, profile, k, { unknownMode, space });
					const want = byRoutingToEvery(engine, from, categoryId, profile, k, unknownMode);
					const where = `${categoryId} ${profile} ${unknownMode} from ${from.join(',')}`;
					expect(got.length, where).toBe(want.length);
					got.forEach((g, j) => {
						const w = want[j]!;
						expect(g.route.timeS, where).toBeCloseTo(w.route.timeS, 6);
						// the same place, unless two places are exactly as far
						if (g.placeId !== w.placeId) {
							const same = want.find((x) => x.placeId === g.placeId);
							expect(same?.route.timeS ?? g.route.timeS, where).toBeCloseTo(w.route.timeS, 6);
							return;
						}
						expect(g.route.distanceM, where).toBeCloseTo(w.route.distanceM, 6);
						expect(g.route.unknownM, where).toBeCloseTo(w.route.unknownM, 6);
						expect(g.route.coordinates[0], where).toEqual(from);
						expect(g.route.coordinates.at(-1), where).toEqual(w.route.coordinates.at(-1));
						expect(g.route.coordinates.length, where).toBeGreaterThanOrEqual(4);
						compared++;
					});
				}
	return compared;
}

describe('nearestPlaces on the real sample', () => {
	const bundle = decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput()));
	const rand = mulberry32(9);
	const o = bundle.origins;
	const origins = Array.from({ length: 12 }, (): [number, number] => {
		const i = Math.floor(rand() * o.count);
		return [o.lngLat[i * 2] as number, o.lngLat[i * 2 + 1] as number];
	});

	it('equals routing to every place, for few and many places, each profile', () => {
		const compared = expectExact(bundle, origins, ['pharmacy', 'gp', 'bakery', 'bench'], 5);
		expect(compared).toBeGreaterThan(400);
	}, 120_000);

	it('returns fewer than k when fewer are reachable, none for an unknown category', () => {
		const engine = new AnalysisEngine(bundle);
		const all = engine.placesOf('pharmacy').length;
		const got = nearestPlaces(engine, origins[0]!, 'pharmacy', 'walking', all + 5);
		expect(got.length).toBeLessThanOrEqual(all);
		expect(got.length).toBeGreaterThan(0);
		expect(nearestPlaces(engine, origins[0]!, 'no-such-category', 'walking', 5)).toEqual([]);
	});

	it('names bad input', () => {
		const engine = new AnalysisEngine(bundle);
		expect(() => nearestPlaces(engine, origins[0]!, 'pharmacy', 'walking', 0)).toThrow(
			/k must be an integer ≥ 1, got 0/,
		);
		expect(() =>
			nearestPlaces(engine, [200, 51] as [number, number], 'pharmacy', 'walking', 5),
		).toThrow(/nearest from: lngLat must be/);
		expect(() => nearestPlaces(engine, origins[0]!, '', 'walking', 5)).toThrow(/categoryId/);
	});
});

describe('nearestPlaces on random synthetic graphs', () => {
	it('equals routing to every place, optimistic and cautious', () => {
		let compared = 0;
		for (const seed of [1, 2, 3, 4]) {
			const g = syntheticGrid(3_000, seed);
			const bundle = syntheticBundle(g, 30, 25, 'pharmacy', seed * 10);
			const origins = Array.from({ length: 10 }, (_, i): [number, number] => [
				bundle.origins.lngLat[i * 2] as number,
				bundle.origins.lngLat[i * 2 + 1] as number,
			]);
			compared += expectExact(bundle, origins, ['pharmacy'], 1 + (seed % 4) * 2, [
				'optimistic',
				'cautious',
			]);
		}
		expect(compared).toBeGreaterThan(300);
	}, 120_000);
});
