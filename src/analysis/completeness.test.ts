import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from './bundle.ts';
import { completenessByNeighbourhood } from './completeness.ts';
import { AnalysisEngine } from './engine.ts';
import { PROFILE_IDS, UNKNOWN_BITS, WAY_STATUS_CODES } from '../contracts/profiles.ts';
import { EDGE_FLAG } from './profiles.ts';

const bundle = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);
const engine = new AnalysisEngine(bundle);

describe('completenessByNeighbourhood on the sample area', () => {
	const rows = completenessByNeighbourhood(engine);

	it('has a row per neighbourhood and one for the network away from addresses', () => {
		expect(rows).toHaveLength(bundle.neighbourhoods.length + 1);
		expect(rows.at(-1)!.id).toBe('');
	});

	it("counts the length whose surface the data know; the wheelchair's unknown surfaces never among it", () => {
		const g = bundle.graph;
		const E = g.edgeCount;
		const wheelchair = PROFILE_IDS.indexOf('wheelchair');
		let surfaceKnown = 0;
		let wheelchairSurfaceUnknown = 0;
		for (let e = 0; e < E; e++) {
			if (g.statuses[e] === WAY_STATUS_CODES.impassable) continue;
			if (((g.attributes.flags[e]! >>> EDGE_FLAG.surfaceShift) & 3) !== 3)
				surfaceKnown += g.lengthsM[e]!;
			if (g.unknowns[wheelchair * E + e]! & (1 << UNKNOWN_BITS.surface))
				wheelchairSurfaceUnknown += g.lengthsM[e]!;
		}
		const total = rows.reduce((s, r) => s + r.networkM, 0);
		const known = rows.reduce((s, r) => s + r.surfaceKnownM, 0);
		expect(known).toBeCloseTo(surfaceKnown, 0);
		expect(wheelchairSurfaceUnknown).toBeGreaterThan(0);
		expect(known).toBeLessThanOrEqual(total - wheelchairSurfaceUnknown + 1e-6);
		for (const r of rows)
			expect(r.surfaceShare).toBe(r.networkM > 0 ? r.surfaceKnownM / r.networkM : null);
	});

	it('adds up to the whole walkable network and its known length per profile', () => {
		const g = bundle.graph;
		const E = g.edgeCount;
		let total = 0;
		const known = [0, 0, 0];
		for (let e = 0; e < E; e++) {
			if (g.statuses[e] === WAY_STATUS_CODES.impassable) continue; // walking is profile 0
			total += g.lengthsM[e]!;
			for (let p = 0; p < 3; p++)
				if (g.statuses[p * E + e] !== WAY_STATUS_CODES.unknown) known[p]! += g.lengthsM[e]!;
		}
		expect(rows.reduce((s, r) => s + r.networkM, 0)).toBeCloseTo(total, 0);
		PROFILE_IDS.forEach((p, pi) =>
			expect(rows.reduce((s, r) => s + r.knownM[p], 0)).toBeCloseTo(known[pi]!, 0),
		);
	});

	it('gives shares in 0..1, the wheelchair needing more tags than walking', () => {
		for (const r of rows) {
			for (const p of PROFILE_IDS) {
				const s = r.share[p];
				if (r.networkM === 0) expect(s).toBeNull();
				else {
					expect(s).toBeGreaterThanOrEqual(0);
					expect(s).toBeLessThanOrEqual(1);
				}
			}
			if (r.networkM > 0) expect(r.share.wheelchair!).toBeLessThanOrEqual(r.share.walking!);
		}
	});
});
