import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { BENCH_NEAR_M, decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine } from './engine.ts';
import { nearestPlaces } from './nearest.ts';
import { restGaps, restGapsToGeoJSON } from './rest-points.ts';

const bundle = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);
const engine = new AnalysisEngine(bundle);

describe('restGaps on the sample area', () => {
	const r = restGaps(engine);

	it('finds stretches longer than 125 m without a bench, longest first', () => {
		expect(r.maxGapM).toBe(125);
		expect(r.benches).toBeGreaterThan(0);
		expect(r.gaps.length).toBeGreaterThan(0);
		expect(r.gapM).toBeGreaterThan(0);
		expect(r.gapM).toBeLessThan(r.networkM);
		const sum = r.gaps.reduce((s, g) => s + g.lengthM, 0);
		expect(sum).toBeCloseTo(r.gapM, 3);
		for (let k = 1; k < r.gaps.length; k++)
			expect(r.gaps[k - 1]!.lengthM).toBeGreaterThanOrEqual(r.gaps[k]!.lengthM);
		expect(restGapsToGeoJSON(r).features).toHaveLength(r.gaps.length);
		// named by its street where the data name it ('' otherwise: the list says the way id)
		for (const gap of r.gaps)
			expect(gap.wayName).toBe(bundle.graph.wayNames[bundle.graph.wayIds.indexOf(gap.wayId)]);
		expect(r.gaps.slice(0, 10).filter((g) => g.wayName !== '').length).toBeGreaterThan(5);
	});

	it('a point in a gap is more than half the distance from every bench along the network', () => {
		for (const gap of r.gaps.slice(0, 15)) {
			const [near] = nearestPlaces(engine, gap.at, 'bench', 'walking', 1);
			if (!near) continue; // no bench reachable: the whole stretch is a gap
			const p = bundle.places.ids.indexOf(near.placeId);
			const access = engine.placeSnap(p, 'walking')?.accessM ?? 0;
			// the route counts the bench's access leg (≤ BENCH_NEAR_M for a counted bench)
			expect(near.route.distanceM).toBeGreaterThan(62.5 - 0.01);
			expect(near.route.distanceM - Math.min(access, BENCH_NEAR_M)).toBeGreaterThan(62.5 - 1);
		}
	});

	it('a longer set distance leaves fewer metres in gaps; a bad one is refused', () => {
		expect(restGaps(engine, { maxGapM: 250 }).gapM).toBeLessThan(r.gapM);
		expect(() => restGaps(engine, { maxGapM: 0 })).toThrow(/between benches/);
		expect(() => restGaps(engine, { maxGapM: Number.NaN })).toThrow(/between benches/);
	});
});
