import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine } from './engine.ts';
import { bundleWithEdgeOpen, gainByRecompute, rankFixes, type FixOptions } from './fixes.ts';
import { summarizeByNeighbourhood } from './summary.ts';

// the sample area as the pipeline built it (npm run tiles:build / scripts/ensure-area.ts)
const bundle = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);
const engine = new AnalysisEngine(bundle);
engine.prepare();

const cases: FixOptions[] = [
	{ categoryId: 'pharmacy', profile: 'wheelchair', unknownMode: 'cautious', normM: 1000 },
	{ categoryId: 'gp', profile: 'wheelchair', unknownMode: 'cautious', normM: 800 },
	{ categoryId: 'pharmacy', profile: 'wheelchair', unknownMode: 'optimistic', normM: 1500 },
];

describe('rankFixes on the sample area', () => {
	for (const c of cases) {
		it(`each top fix's gain equals a full recomputation (${c.categoryId}, ${c.profile}, ${c.unknownMode}, ${c.normM} m)`, () => {
			const r = rankFixes(engine, { ...c, limit: 6 });
			expect(r.candidates).toBeGreaterThan(0);
			// the search skips what cannot change a path
			expect(r.evaluated).toBeLessThan(r.candidates);
			for (const f of r.fixes) {
				const ref = gainByRecompute(engine, c, f.edge);
				expect(f.residents).toBeCloseTo(ref.residents, 6);
				expect(f.residents65).toBeCloseTo(ref.residents65, 6);
				expect(f.residents80).toBeCloseTo(ref.residents80, 6);
				expect(f.residents).toBeGreaterThanOrEqual(0);
			}
			// ranked: greatest gain first
			for (let k = 1; k < r.fixes.length; k++)
				expect(r.fixes[k - 1]!.residents).toBeGreaterThanOrEqual(r.fixes[k]!.residents);
		}, 120_000);
	}

	it('finds a fix with a gain for the wheelchair, and none is missed among sampled candidates', () => {
		const c = cases[0]!;
		const r = rankFixes(engine, { ...c, limit: 1000 });
		expect(r.fixes.length).toBeGreaterThan(0);
		const ranked = new Map(r.fixes.map((f) => [f.edge, f.residents]));
		// every 100th candidate edge: its recomputed gain is what the ranking says (0 when left out)
		const net = engine.network(c.profile, c.unknownMode);
		const walk = engine.network('walking', 'optimistic');
		let checked = 0;
		for (let e = 0, k = 0; e < engine.graph.edgeCount; e++) {
			if (net.edgeCostS[e]! < Infinity || walk.edgeCostS[e] === Infinity) continue;
			if (k++ % 100 !== 0) continue;
			const ref = gainByRecompute(engine, c, e);
			expect(ranked.get(e) ?? 0).toBeCloseTo(
				ref.residents > 0 || ref.residents65 > 0 ? ref.residents : 0,
				6,
			);
			checked++;
		}
		expect(checked).toBeGreaterThan(5);
	}, 120_000);

	it('refuses a norm that is not a positive number', () => {
		expect(() => rankFixes(engine, { ...cases[0]!, normM: 0 })).toThrow(/normM/);
	});
});

describe('a fix that gives an origin a usable way: its gain', () => {
	// With the wheelchair and cautious unknowns, many sample origins have no usable way within the
	// access limit: nothing is reachable for them (beyond the norm). Opening an edge near them gives
	// them a way and a distance; the coverage table then counts them within the norm, and so does
	// the fix's gain.
	const c = cases[0]!;
	/** Residents within the norm as the neighbourhood table counts them (each row's counted minus beyond). */
	const tableWithin = (e: AnalysisEngine) => {
		const run = e.coverage({
			categoryId: c.categoryId,
			profile: c.profile,
			unknownMode: c.unknownMode,
		});
		return summarizeByNeighbourhood(e.bundle, run.result, c.normM).reduce(
			(t, row) => t + row.residents - (row.beyondResidents ?? 0),
			0,
		);
	};

	it("is the table's change", () => {
		const run = engine.coverage({
			categoryId: c.categoryId,
			profile: c.profile,
			unknownMode: c.unknownMode,
		});
		const reasons = run.result.originReason;
		const unsnapped = (i: number) => reasons[i] === 0 && (run.snaps.edge[i] as number) < 0;
		let unsnappedCount = 0;
		for (let i = 0; i < reasons.length; i++) {
			// the run's reasons are the bundle's (edge of the data first)
			expect(reasons[i]).toBe(
				bundle.origins.edgeOfData[i] === 1 ? 1 : (bundle.origins.reason[i] as number),
			);
			if (unsnapped(i)) {
				unsnappedCount++;
				expect(run.result.distanceM[i]).toBe(Infinity);
			}
		}
		expect(unsnappedCount).toBeGreaterThan(0);
		const before = tableWithin(engine);
		const r = rankFixes(engine, { ...c, limit: 20 });
		// the first ranked fix that brings some of them within the norm
		let shown = 0;
		for (const f of r.fixes) {
			const opened = new AnalysisEngine(bundleWithEdgeOpen(bundle, c.profile, f.edge), {
				maxAccessM: engine.maxAccessM,
			});
			const after = opened.coverage({
				categoryId: c.categoryId,
				profile: c.profile,
				unknownMode: c.unknownMode,
			});
			let fromUnsnapped = 0;
			for (let i = 0; i < reasons.length; i++)
				if (unsnapped(i) && after.result.distanceM[i]! <= c.normM)
					fromUnsnapped += bundle.origins.residents[i]!;
			if (fromUnsnapped === 0) continue;
			// the gain equals what the table shows after the fix, less what it showed before
			expect(f.residents).toBeCloseTo(tableWithin(opened) - before, 6);
			expect(gainByRecompute(engine, c, f.edge).residents).toBeCloseTo(f.residents, 6);
			// and it counts them
			expect(f.residents).toBeGreaterThanOrEqual(fromUnsnapped - 1e-6);
			shown++;
			break;
		}
		expect(shown).toBe(1);
	}, 120_000);
});
