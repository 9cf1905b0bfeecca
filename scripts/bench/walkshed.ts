/**
 * `npm run bench -- walkshed [--points N]`: the planners' walksheds side by side (walking, rollator,
 * wheelchair) from a clicked point, in Chromium, with the work in the app's analysis worker
 * (AnalysisHost, bundled by Vite for a plain page), on the sample's analysis bundle:
 *
 * - walksheds: one `walksheds` request for the three profiles, the reachable segments without a
 *   polygon (what the walkshed panel asks);
 * - reference: the previous path, three `walkshed` requests, each with turf's concave hull
 *   (maxEdge 250 m) around the reachable network.
 *
 * Timed in the page from posting the request to the answer (structured clone included), not the
 * map's drawing. 10 minutes; N seeded address points (default 40) with residents, the two paths
 * interleaved per point (alternating which goes first), after 5 untimed warm-up points. Target:
 * walksheds p95 ≤ 50 ms. The answers' residents are checked equal between the paths.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { buildAnalysisBundle } from '../../src/analysis/bundle.ts';
import { mulberry32 } from '../../src/analysis/synthetic.ts';
import { REPO_ROOT } from '../lib/version.ts';
import { quantile, spread } from './lib/stats.ts';
import { sampleBundle } from './lib/sample.ts';

const log = (s: string): void => void process.stderr.write(`[bench walkshed] ${s}\n`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET_MS = 50;
const MINUTES = 10;

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const pi = args.indexOf('--points');
	const points = pi >= 0 ? Number(args[pi + 1]) : 40;
	if (!(Number.isInteger(points) && points > 0))
		throw new Error('--points must be a whole number > 0');
	const { bundle, source } = await sampleBundle();
	const bytes = source.startsWith('tiles/')
		? new Uint8Array(readFileSync(path.join(REPO_ROOT, source)))
		: buildAnalysisBundle(
				(await import('../../tests/fixtures/analysis/sample-input.ts')).sampleBundleInput(),
			);
	// seeded address points with residents, not at the edge of the data
	const rand = mulberry32(19);
	const o = bundle.origins;
	const chosen: [number, number][] = [];
	while (chosen.length < points + 5) {
		const i = Math.floor(rand() * o.count);
		if (o.edgeOfData[i] === 1 || o.reason[i] !== 0) continue;
		chosen.push([o.lngLat[2 * i] as number, o.lngLat[2 * i + 1] as number]);
	}
	log('bundling the analysis worker');
	const out = (await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			write: false,
			minify: true,
			lib: {
				entry: path.join(REPO_ROOT, 'scripts/bench/lib/walkshed-worker.ts'),
				formats: ['iife'],
				name: 'BenchWorker',
			},
		},
	})) as { output: { code?: string }[] }[] | { output: { code?: string }[] };
	const code = (Array.isArray(out) ? out[0]! : out).output[0]!.code!;
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
	try {
		const page = await browser.newPage();
		await page.setContent('<!doctype html><title>walkshed bench</title>');
		// tsx keeps function names with an `__name` helper that the page does not have
		await page.evaluate('window.__name = (f) => f');
		log(`loading the bundle (${bytes.length} bytes) into the worker`);
		await page.evaluate(
			async ({ code, b64 }) => {
				const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
				const worker = new Worker(url);
				let next = 1;
				const waiting = new Map<number, (r: unknown) => void>();
				worker.onmessage = (e) => {
					const m = e.data as {
						id: number;
						ok: boolean;
						result: unknown;
						error?: { message: string };
					};
					const done = waiting.get(m.id);
					waiting.delete(m.id);
					done?.(m.ok ? m.result : { error: m.error?.message });
				};
				const request = (type: string, params: unknown): Promise<unknown> =>
					new Promise((resolve) => {
						const id = next++;
						waiting.set(id, resolve);
						worker.postMessage({ kind: 'request', id, type, params });
					});
				(window as unknown as { request: typeof request }).request = request;
				const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
				await request('load', { bytes: raw.buffer });
			},
			{ code, b64: Buffer.from(bytes).toString('base64') },
		);
		const timeNew = (lngLat: [number, number]) =>
			page.evaluate(
				async ({ lngLat, minutes }) => {
					const req = (
						window as unknown as { request: (t: string, p: unknown) => Promise<unknown> }
					).request;
					const t0 = performance.now();
					const r = (await req('walksheds', {
						lngLat,
						minutes,
						profiles: ['walking', 'rollator', 'wheelchair'],
						unknownMode: 'optimistic',
					})) as { sheds: ({ residents: number } | null)[] };
					return {
						ms: performance.now() - t0,
						residents: r.sheds.map((s) => s?.residents ?? null),
					};
				},
				{ lngLat, minutes: MINUTES },
			);
		const timeRef = (lngLat: [number, number]) =>
			page.evaluate(
				async ({ lngLat, minutes }) => {
					const req = (
						window as unknown as { request: (t: string, p: unknown) => Promise<unknown> }
					).request;
					const t0 = performance.now();
					const all = (await Promise.all(
						['walking', 'rollator', 'wheelchair'].map((profile) =>
							req('walkshed', { lngLat, minutes, profile, unknownMode: 'optimistic' }),
						),
					)) as ({ residents: number } | null)[];
					return { ms: performance.now() - t0, residents: all.map((s) => s?.residents ?? null) };
				},
				{ lngLat, minutes: MINUTES },
			);
		const fresh: number[] = [];
		const ref: number[] = [];
		let mismatches = 0;
		for (let k = 0; k < chosen.length; k++) {
			const p = chosen[k]!;
			const first = k % 2 === 0;
			const a = first ? await timeNew(p) : await timeRef(p);
			const b = first ? await timeRef(p) : await timeNew(p);
			const n = first ? a : b;
			const r = first ? b : a;
			if (JSON.stringify(n.residents) !== JSON.stringify(r.residents)) mismatches++;
			if (k < 5) continue; // warm-up (the first request also finishes snapping every origin)
			fresh.push(n.ms);
			ref.push(r.ms);
		}
		const p95 = quantile(fresh, 0.95);
		const figures = {
			minutes: MINUTES,
			points,
			walkshedsMs: { ...spread(fresh), p95: Number(p95.toPrecision(4)) },
			referenceConcaveMs: { ...spread(ref), p95: Number(quantile(ref, 0.95).toPrecision(4)) },
			ratioMedian: Number((spread(fresh).median / spread(ref).median).toPrecision(3)),
			residentMismatches: mismatches,
			meetsTargets: { walkshedsP95AtMost50Ms: p95 <= TARGET_MS && mismatches === 0 },
			note: 'request to answer in the page (worker compute + structured clone); the map drawing is not included',
		};
		return figures;
	} finally {
		await browser.close();
	}
}
