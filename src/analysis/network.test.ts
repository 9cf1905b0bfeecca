import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from './bundle.ts';
import { builtInProfile, personalGraph } from './personal-profile.ts';
import { profileNetwork } from './network.ts';
import { PROFILES, REASON_BITS, WAY_STATUS_CODES } from '../contracts/profiles.ts';

// the sample area as the pipeline built it (npm run tiles:build / scripts/ensure-area.ts)
const bundle = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);
const g = bundle.graph;
const E = g.edgeCount;
const ROUGH = 1 << REASON_BITS.surface_rough;

/** Edges of profile slot `pi` whose only reason is a rough surface, with their status. */
function roughOnly(graph: typeof g, pi: number): { e: number; status: number }[] {
	const out: { e: number; status: number }[] = [];
	for (let e = 0; e < E; e++) {
		if (graph.reasons[pi * E + e] === ROUGH) out.push({ e, status: graph.statuses[pi * E + e]! });
	}
	return out;
}

describe('a rough surface costs the limited factor where it only limits (real edges)', () => {
	it('costs the rollator 1.5× its plain time', () => {
		const net = profileNetwork(g, 'rollator', 'optimistic');
		const edges = roughOnly(g, 1);
		expect(edges.length).toBeGreaterThan(0);
		for (const { e, status } of edges) {
			expect(status).toBe(WAY_STATUS_CODES.limited);
			const plain = g.lengthsM[e]! / PROFILES.rollator.speedMps;
			expect(net.edgeCostS[e]).toBeCloseTo(plain * 1.5, 9);
			expect(net.edgeExtraM[2 * e]).toBeCloseTo(g.lengthsM[e]! * 0.5, 9);
		}
	});

	it('blocks the wheelchair, and costs 2× when a personal wheelchair profile does not avoid it', () => {
		const built = profileNetwork(g, 'wheelchair', 'optimistic');
		const blocked = roughOnly(g, 2);
		expect(blocked.length).toBeGreaterThan(0);
		for (const { e } of blocked) expect(built.edgeCostS[e]).toBe(Infinity);
		const pg = personalGraph(g, { ...builtInProfile('wheelchair'), avoid: [] });
		const net = profileNetwork(pg, 'wheelchair', 'optimistic', {
			speedMps: PROFILES.wheelchair.speedMps,
			limitedCostFactor: 2,
		});
		const limited = roughOnly(pg, 2);
		expect(limited.map((x) => x.e)).toEqual(blocked.map((x) => x.e));
		for (const { e, status } of limited) {
			expect(status).toBe(WAY_STATUS_CODES.limited);
			expect(net.edgeCostS[e]).toBeCloseTo((g.lengthsM[e]! / PROFILES.wheelchair.speedMps) * 2, 9);
		}
	});
});
