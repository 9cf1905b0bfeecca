import { describe, expect, it } from 'vitest';
import { sampleBundleInput } from '../../tests/fixtures/analysis/sample-input.ts';
import { buildAnalysisBundle, decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine, SNAP_FILTERS } from './engine.ts';
import { profileNetwork } from './network.ts';
import { EdgeIndex, type Snap } from './snap.ts';

describe('EdgeIndex.snap', () => {
	const b = decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput()));
	const g = b.graph;
	for (const pieceM of [20, 50, 200]) {
		it(`finds the same nearest usable edge as a brute-force scan (pieces of ${pieceM} m)`, () => {
			const index = new EdgeIndex(g, pieceM);
			const net = profileNetwork(g, 'wheelchair', 'cautious');
			const usable = (e: number): boolean => net.edgeCostS[e]! < Infinity;
			let found = 0;
			for (let i = 0; i < b.origins.count; i += 23) {
				const x = b.origins.lngLat[i * 2]!;
				const y = b.origins.lngLat[i * 2 + 1]!;
				let best = Infinity;
				for (let e = 0; e < g.edgeCount; e++)
					if (usable(e)) best = Math.min(best, index.project(x, y, e).accessM);
				const s = index.snap(x, y, usable, 400);
				if (best > 400) expect(s).toBeUndefined();
				else {
					expect(s?.accessM).toBeCloseTo(best, 9);
					found++;
				}
			}
			expect(found).toBeGreaterThan(50);
		});
	}
});

describe('snapping once for every profile and unknown mode', () => {
	const b = decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput()));
	it('snapEach gives for each filter exactly what snap gives', { timeout: 60_000 }, () => {
		const g = b.graph;
		const index = new EdgeIndex(g, 50);
		const nets = SNAP_FILTERS.map(([p, m]) => profileNetwork(g, p, m));
		const bits = new Uint8Array(g.edgeCount);
		nets.forEach((net, k) => {
			for (let e = 0; e < g.edgeCount; e++) if (net.edgeCostS[e]! < Infinity) bits[e]! |= 1 << k;
		});
		const out: (Snap | undefined)[] = [];
		let compared = 0;
		for (let i = 0; i < b.origins.count; i += 7) {
			const x = b.origins.lngLat[i * 2]!;
			const y = b.origins.lngLat[i * 2 + 1]!;
			index.snapEach(x, y, bits, nets.length, 300, out);
			nets.forEach((net, k) => {
				const one = index.snap(x, y, (e) => net.edgeCostS[e]! < Infinity, 300);
				expect(out[k]).toEqual(one);
				if (one) compared++;
			});
		}
		expect(compared).toBeGreaterThan(5000);
	});
	it('prepare snaps every origin and place as the lazy per-profile snapping does', () => {
		const prepared = new AnalysisEngine(b);
		const info = prepared.prepare();
		expect(info.points).toBe(b.origins.count + b.places.count);
		expect(info.distinctFilters).toBeLessThanOrEqual(6);
		const lazy = new AnalysisEngine(b);
		// two filters that differ most (the others are checked through snapEach above)
		for (const [p, m] of [SNAP_FILTERS[0]!, SNAP_FILTERS[SNAP_FILTERS.length - 1]!]) {
			const a = prepared.originSnaps(p, m);
			const z = lazy.originSnaps(p, m);
			expect(a.edge).toEqual(z.edge);
			expect(a.t).toEqual(z.t);
			expect(a.accessM).toEqual(z.accessM);
			expect(a.byEdge).toEqual(z.byEdge);
			for (let i = 0; i < b.places.count; i++) {
				expect(prepared.placeSnap(i, p, m)).toEqual(lazy.placeSnap(i, p, m));
			}
		}
	}, 60_000);
});
