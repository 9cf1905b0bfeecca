/**
 * `npm run bench -- personal`: a personal mobility profile (src/analysis/personal-profile.ts).
 *
 * - reclassify: re-classifying every edge for a new personal profile from the bundle's per-edge
 *   attributes (`personalGraph`: classifyEdges into a copy of the status, reason and unknown
 *   arrays, what the worker does when the profile changes), on the sample and on the seeded
 *   1 M-edge synthetic graph; reference: today's coverage job (one category, walking, one sweep
 *   over every origin) on the same graph, interleaved in the same run. Targets: ≤ 30 ms on the
 *   sample, ≤ 300 ms on 1 M edges. The layer's redraw is not part of it (not built yet).
 * - coverage: a full coverage run (pharmacy) for a personal profile on a fresh engine
 *   (re-classification, the base profile's snaps of every origin, the sweep) beside the same run for
 *   the built-in profile on a prepared engine, interleaved.
 */
import type { AnalysisBundle } from '../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../src/analysis/engine.ts';
import {
	builtInProfile,
	personalGraph,
	type PersonalProfile,
} from '../../src/analysis/personal-profile.ts';
import { syntheticBundle, syntheticGrid } from '../../src/analysis/synthetic.ts';
import type { TargetCheck } from './analysis.ts';
import { sampleBundle } from './lib/sample.ts';
import { ms, spread } from './lib/stats.ts';

const log = (s: string): void => void process.stderr.write(`[bench personal] ${s}\n`);

/** "kerb ≤ 2 cm, slope ≤ 5 %", the Flemish width norm, cautious: the example. */
const PERSON: PersonalProfile = {
	...builtInProfile('wheelchair', 'cautious'),
	kerbCm: 2,
	slopePct: 5,
	minWidthM: 1.5,
	speed: 'slow',
};

function time(f: () => unknown): number {
	const t0 = performance.now();
	f();
	return performance.now() - t0;
}

function reclassifyFigures(
	bundle: AnalysisBundle,
	categoryId: string,
	runs: number,
	targetMs: number,
): Record<string, unknown> & { target: TargetCheck } {
	const engine = new AnalysisEngine(bundle);
	engine.prepare();
	const reclassify: number[] = [];
	const coverage: number[] = [];
	// one untimed warm-up of each, then interleaved, alternating which goes first
	personalGraph(bundle.graph, PERSON);
	engine.coverage({ categoryId, profile: 'walking' });
	for (let r = 0; r < runs; r++) {
		const a = () => reclassify.push(time(() => personalGraph(bundle.graph, PERSON)));
		const b = () => coverage.push(time(() => engine.coverage({ categoryId, profile: 'walking' })));
		if (r % 2 === 0) {
			a();
			b();
		} else {
			b();
			a();
		}
	}
	const rc = spread(reclassify);
	return {
		edges: bundle.graph.edgeCount,
		origins: bundle.origins.count,
		reclassifyMs: rc,
		referenceCoverageMs: spread(coverage),
		ratioToCoverage: Number((rc.median / spread(coverage).median).toPrecision(3)),
		target: {
			value: ms(rc.median),
			target: `re-classify every edge ≤ ${targetMs} ms (median)`,
			meetsTargets: rc.median <= targetMs,
		},
	};
}

function personalCoverageFigures(bundle: AnalysisBundle, categoryId: string, runs: number) {
	const engine = new AnalysisEngine(bundle);
	engine.prepare();
	const opts = { categoryId, profile: PERSON.base, unknownMode: PERSON.unknown };
	const personal: number[] = [];
	const builtIn: number[] = [];
	for (let r = 0; r < runs; r++) {
		personal.push(time(() => engine.withPersonal(PERSON).coverage(opts)));
		builtIn.push(time(() => engine.coverage(opts)));
	}
	const p = spread(personal);
	const b = spread(builtIn);
	return {
		personalCoverageMs: p,
		builtInCoverageMs: b,
		ratio: Number((p.median / b.median).toPrecision(3)),
	};
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const arg = (k: string): string | undefined => {
		const i = args.indexOf(k);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const runs = Number(arg('--runs') ?? 15);
	const { bundle, source } = await sampleBundle();
	log(`sample ${source}: ${bundle.graph.edgeCount} edges`);
	const sample = reclassifyFigures(bundle, 'pharmacy', runs, 30);
	const sampleCoverage = personalCoverageFigures(bundle, 'pharmacy', 5);
	log('synthetic 1 M edges, 200,000 origins, 200 places …');
	const big = syntheticBundle(syntheticGrid(1_000_000, 7), 200_000, 200, 'pharmacy');
	const large = reclassifyFigures(big, 'pharmacy', Math.min(runs, 5), 300);
	const targets = { sampleReclassify: sample.target, largeReclassify: large.target };
	return {
		person: PERSON,
		sample: { ...sample, coverage: sampleCoverage },
		synthetic1M: large,
		targets,
		meetsTargets: Object.values(targets).every((t) => t.meetsTargets),
	};
}
