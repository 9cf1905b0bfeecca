import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine } from './engine.ts';
import {
	FIX_KINDS,
	bundleWithEdgeOpen,
	gainByRecompute,
	rankFixes,
	type Fix,
	type FixOptions,
} from './fixes.ts';
import { LIMITING_REASONS } from './profiles.ts';
import { PROFILE_IDS, UNKNOWN_REASONS, WAY_STATUS_CODES } from '../contracts/profiles.ts';
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
			// ranked: greatest gain first, within each kind of fix
			for (let k = 1; k < r.fixes.length; k++)
				if (r.fixes[k - 1]!.kind === r.fixes[k]!.kind)
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

describe('what to build apart from what to measure first', () => {
	// The list ranked both in one: a stretch a physical barrier blocks (build: lower a kerb, repave)
	// and one only unknown data hold back (survey it first) took turns by gain, so a planner could
	// not see what to build apart from what to measure. Each kind is now ranked on its own.
	const c: FixOptions = { ...cases[0]!, normM: 1000 };
	const statusOf = (f: Fix) =>
		engine.graph.statuses[PROFILE_IDS.indexOf(c.profile) * engine.graph.edgeCount + f.edge];

	it("takes each fix's kind from the engine's classification of the stretch", () => {
		const r = rankFixes(engine, { ...c, limit: 1000 });
		for (const kind of FIX_KINDS) expect(r.fixes.some((f) => f.kind === kind)).toBe(true);
		for (const f of r.fixes) {
			const known = f.reasons.filter((code) => !UNKNOWN_REASONS.has(code));
			if (f.kind === 'build') {
				// a physical barrier: the profile's status is impassable, for a reason the data know
				expect(statusOf(f)).toBe(WAY_STATUS_CODES.impassable);
				expect(f.status).toBe('impassable');
				expect(known.filter((code) => !LIMITING_REASONS.has(code)).length).toBeGreaterThan(0);
			} else {
				// unknown data only: what the data know at most slows the profile down
				expect(statusOf(f)).toBe(WAY_STATUS_CODES.unknown);
				expect(f.status).toBe('unknown');
				expect(f.unknown.length).toBeGreaterThan(0);
				for (const code of known) expect(LIMITING_REASONS.has(code)).toBe(true);
			}
		}
		// a barrier with unknown data too is a stretch to build (measuring alone would not open it)
		expect(r.fixes.some((f) => f.kind === 'build' && f.unknown.length > 0)).toBe(true);
	}, 120_000);

	it('ranks each kind on its own, 1..n, best first, with its own count', () => {
		const all = rankFixes(engine, { ...c, limit: 1000 });
		const top = rankFixes(engine, { ...c, limit: 10 });
		for (const kind of FIX_KINDS) {
			const full = all.fixes.filter((f) => f.kind === kind);
			const shown = top.fixes.filter((f) => f.kind === kind);
			// the kind's own best ten: a stretch to build is not pushed out by greater survey gains
			expect(shown.map((f) => f.edge)).toEqual(full.slice(0, 10).map((f) => f.edge));
			expect(shown.map((f) => f.rank)).toEqual(shown.map((_, k) => k + 1));
			for (let k = 1; k < full.length; k++)
				expect(full[k - 1]!.residents).toBeGreaterThanOrEqual(full[k]!.residents);
			expect(top.byKind[kind].withGain).toBe(full.length);
		}
		// the stretches to build first in the list, then those to measure
		const kinds = top.fixes.map((f) => f.kind);
		expect(kinds).toEqual([...kinds].sort((a, b) => FIX_KINDS.indexOf(a) - FIX_KINDS.indexOf(b)));
		// the counts add up to the search's
		expect(top.byKind.build.candidates + top.byKind.survey.candidates).toBe(top.candidates);
		expect(top.byKind.build.withGain + top.byKind.survey.withGain).toBe(top.withGain);
		// on the sample, survey fixes outnumber and outgain the few barriers: ranked together, the
		// best ten left some stretch to build out
		expect(top.byKind.build.withGain).toBeGreaterThan(0);
		const together = [...all.fixes]
			.sort((a, b) => b.residents - a.residents || b.residents65 - a.residents65 || a.edge - b.edge)
			.slice(0, 10);
		expect(together.filter((f) => f.kind === 'build').length).toBeLessThan(
			Math.min(10, top.byKind.build.withGain),
		);
	}, 120_000);

	it('has nothing to measure first where unknown data count as usable (optimistic)', () => {
		const r = rankFixes(engine, { ...c, unknownMode: 'optimistic', limit: 10 });
		expect(r.byKind.survey).toEqual({ candidates: 0, withGain: 0 });
		expect(r.fixes.length).toBeGreaterThan(0);
		for (const f of r.fixes) expect(f.kind).toBe('build');
	}, 120_000);
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
