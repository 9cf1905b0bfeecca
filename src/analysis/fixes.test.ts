import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine } from './engine.ts';
import { bundleWithEdgeOpen, gainByRecompute, rankFixes, type FixOptions } from './fixes.ts';
import { ORIGIN_REASONS } from './bundle.ts';
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

describe("a fix's gain uses each run's own no-figure reasons (CoverageResult.originReason)", () => {
	// With the wheelchair and cautious unknowns, many sample origins have no usable way within the
	// access limit: their run's reason is beyond_access_limit, where the bundle gives none. Opening
	// an edge near them gives them a way and a figure; the coverage table then counts them within the
	// norm, and so does the fix's gain.
	const c = cases[0]!;
	const beyond = ORIGIN_REASONS.indexOf('beyond_access_limit');
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

	it("a fix that gives origins beyond the access limit a way: its gain is the table's change", () => {
		const run = engine.coverage({
			categoryId: c.categoryId,
			profile: c.profile,
			unknownMode: c.unknownMode,
		});
		const reasons = run.result.originReason;
		let beyondCount = 0;
		for (let i = 0; i < reasons.length; i++) {
			if (reasons[i] === beyond) beyondCount++;
			// where the run's reason and the bundle's differ, it is always this one
			if (reasons[i] !== bundle.origins.reason[i] && bundle.origins.edgeOfData[i] === 0)
				expect(reasons[i]).toBe(beyond);
		}
		expect(beyondCount).toBeGreaterThan(0);
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
			let fromBeyond = 0;
			for (let i = 0; i < reasons.length; i++)
				if (
					reasons[i] === beyond &&
					after.result.originReason[i] === 0 &&
					after.result.distanceM[i]! <= c.normM
				)
					fromBeyond += bundle.origins.residents[i]!;
			if (fromBeyond === 0) continue;
			// the gain equals what the table shows after the fix, less what it showed before
			expect(f.residents).toBeCloseTo(tableWithin(opened) - before, 6);
			expect(gainByRecompute(engine, c, f.edge).residents).toBeCloseTo(f.residents, 6);
			// and it matters: without the residents the run put beyond the access limit (every origin
			// with a reason in the run left out, as a gap search does) the gain would be smaller
			expect(f.residents).toBeGreaterThanOrEqual(fromBeyond - 1e-6);
			expect(fromBeyond).toBeGreaterThan(0);
			shown++;
			break;
		}
		expect(shown).toBe(1);
	}, 120_000);

	it("where-next's gaps: the run's reason leaves out exactly the origins the bundle's reason and a missing snap did", () => {
		// whereNext skips an origin whose run's reason is not 0; before, it skipped one without a snap
		// for the profile, at the edge of data or with the bundle's reason. Proof that both are the
		// same set, for every profile and unknown mode, on the sample (the cautious wheelchair has
		// origins beyond the access limit, where the two reasons differ).
		for (const profile of ['walking', 'rollator', 'wheelchair'] as const)
			for (const unknownMode of ['optimistic', 'cautious'] as const) {
				const run = engine.coverage({ categoryId: c.categoryId, profile, unknownMode });
				const o = bundle.origins;
				for (let i = 0; i < o.count; i++) {
					const old = run.snaps.edge[i]! < 0 || o.edgeOfData[i] === 1 || o.reason[i] !== 0;
					if (old !== (run.result.originReason[i] !== 0))
						expect.fail(`origin ${i}, ${profile} ${unknownMode}: old ${old}`);
				}
			}
	}, 120_000);
});
