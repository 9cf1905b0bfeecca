import { describe, expect, it } from 'vitest';
import { sampleBundleInput } from '../../tests/fixtures/analysis/sample-input.ts';
import { buildAnalysisBundle, decodeAnalysisBundle } from './bundle.ts';
import { profileNetwork } from './network.ts';
import { EdgeIndex } from './snap.ts';

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
