/**
 * Scratch: the sweep on the sample, cold (64 MiB read between runs, as the gap job runs after
 * pgRouting) and warm, the current sweep against another version of sweep.ts, interleaved, CPU
 * time of the process, labels compared:
 * `git show f0275ee~1:src/analysis/sweep.ts > /tmp/sweep-old.ts`, then
 * `npx tsx scripts/tools/sweep-sample-cold.ts [runs] /tmp/sweep-old.ts`.
 */
import { pathToFileURL } from 'node:url';
import { AnalysisEngine } from '../../src/analysis/engine.ts';
import * as now from '../../src/analysis/sweep.ts';
import { sampleBundle } from '../bench/lib/sample.ts';
import { spread } from '../bench/lib/stats.ts';

const runs = Number(process.argv[2] ?? 41);
const otherPath = process.argv[3];
if (!otherPath) throw new Error('give the other sweep.ts to compare with (see the comment)');
const before = (await import(pathToFileURL(otherPath).href)) as typeof now;
const { bundle } = await sampleBundle();
const engine = new AnalysisEngine(bundle);
engine.prepare();
const big = new Float64Array(8 << 20);
let sink = 0;
const evict = (): void => {
	for (let i = 0; i < big.length; i += 8) sink += big[i]!++;
};
const cases: [string, 'walking' | 'wheelchair', 'optimistic' | 'cautious'][] = [
	['pharmacy', 'walking', 'optimistic'],
	['pharmacy', 'wheelchair', 'optimistic'],
	['bench', 'walking', 'optimistic'],
];
for (const [cat, profile, mode] of cases) {
	const net = engine.network(profile, mode);
	const sources = [...engine.placesOf(cat)].flatMap((i) => {
		const snap = engine.placeSnap(i, profile, mode);
		return snap ? [{ snap, label: i }] : [];
	});
	const wsNow = new now.SweepWorkspace(net.graph.nodeCount);
	if (process.env.BAND) wsNow.bandM = Number(process.env.BAND);
	const wsBefore = new before.SweepWorkspace(net.graph.nodeCount);
	const stNow = now.emptySweepState(net);
	const stBefore = before.emptySweepState(net as never);
	const sides = {
		now: () => now.multiSourceSweep(net, sources, wsNow, stNow),
		before: () => before.multiSourceSweep(net as never, sources, wsBefore, stBefore),
	};
	const t: Record<string, number[]> = { now: [], before: [], nowWarm: [], beforeWarm: [] };
	for (let w = 0; w < 200; w++) {
		sides.now();
		sides.before();
	}
	for (let r = 0; r < runs; r++) {
		for (const k of r % 2 === 0 ? (['now', 'before'] as const) : (['before', 'now'] as const)) {
			evict();
			let c = process.cpuUsage();
			sides[k]();
			let d = process.cpuUsage(c);
			t[k]!.push((d.user + d.system) / 1000);
			c = process.cpuUsage();
			for (let j = 0; j < 10; j++) sides[k]();
			d = process.cpuUsage(c);
			t[`${k}Warm`]!.push((d.user + d.system) / 10000);
		}
	}
	let differ = 0;
	for (let n = 0; n < net.graph.nodeCount; n++)
		if (
			stNow.costS(n) !== stBefore.costS(n) ||
			stNow.label(n) !== stBefore.label(n) ||
			stNow.distM(n) !== stBefore.distM(n) ||
			stNow.unknownM(n) !== stBefore.unknownM(n)
		)
			differ++;
	console.log(
		JSON.stringify({
			case: `${cat} ${profile} ${mode}`,
			sources: sources.length,
			nodes: net.graph.nodeCount,
			cold_ms: { now: spread(t.now!), before: spread(t.before!) },
			cold_ratio: spread(
				t.now!.map((x, i) => x / t.before![i]!),
				3,
			),
			warm_ms: { now: spread(t.nowWarm!), before: spread(t.beforeWarm!) },
			warm_ratio: spread(
				t.nowWarm!.map((x, i) => x / t.beforeWarm![i]!),
				3,
			),
			labels_differ: differ,
			sink: sink > 0,
		}),
	);
}
