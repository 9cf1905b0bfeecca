/**
 * `npm run bench -- walkshed [--points N]`: the planners' walksheds side by side (walking, rollator,
 * wheelchair) from a clicked point, in Chromium, with the work in the app's analysis worker
 * (AnalysisHost, bundled by Vite for a plain page), on the sample's analysis bundle:
 *
 * - walksheds: one `walksheds` request for the three profiles with `split` (what the walkshed
 *   panel asks): the edges reached whole drawn from the area's network tiles by feature-state (one
 *   numeric mask per edge), only the partly reached pieces as GeoJSON;
 * - reference: the previous path, three `walkshed` requests, each with turf's concave hull
 *   (maxEdge 250 m) around the reachable network.
 *
 * Timed in the page from posting the request (the click) to two moments: the answer (structured
 * clone included) and the walksheds DRAWN: the answer set as the walkshed panel's overlay data
 * (its own GeoJSON builder and layers, src/map/layers/planner-style.ts) on a MapLibre map in the
 * same page (software WebGL, as the e2e runs) and the map idle again, so the frame with them was
 * rendered. The reference draws its three reachable networks whole as GeoJSON, as the panel did
 * before (its polygons are not drawn). Before each click, untimed, the map is cleared and
 * centred on the point. 10 minutes; N seeded address points (default 40) with residents, the two paths
 * interleaved per point (alternating which goes first), after 5 untimed warm-up points. Target:
 * the three walksheds drawn, p95 ≤ 50 ms. The answers' residents are checked equal.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { bundleForPage, startPageWorker } from './lib/page.ts';
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
	const code = await bundleForPage('scripts/bench/lib/walkshed-worker.ts', 'BenchWorker');
	log("bundling the map (MapLibre with the walkshed panel's layers)");
	const mapCode = await bundleForPage('scripts/bench/lib/walkshed-map.ts', 'BenchMap');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		// software WebGL, as the e2e tests run the app's map
		args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
	});
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		page.on('pageerror', (e) => log(`page error: ${e.message}`));
		await page.setContent(
			'<!doctype html><title>walkshed bench</title><div id="map" style="position:absolute;inset:0"></div>',
		);
		// tsx keeps function names with an `__name` helper that the page does not have
		await page.evaluate('window.__name = (f) => f');
		await page.addScriptTag({ content: mapCode });
		const manifest = JSON.parse(
			readFileSync(path.join(REPO_ROOT, path.dirname(source), 'manifest.json'), 'utf8'),
		) as { archives: { network: { file: string; layers: { id: string }[] } } };
		const networkArchive = manifest.archives.network;
		log('starting the map');
		await page.evaluate(
			({ centre, workerCode, network }) =>
				(
					window as unknown as {
						BenchMap: {
							start: (
								c: HTMLElement,
								p: [number, number],
								w: string,
								n: { b64: string; layer: string },
							) => Promise<void>;
						};
					}
				).BenchMap.start(document.getElementById('map')!, centre, workerCode, network),
			{
				centre: chosen[0]!,
				network: {
					b64: readFileSync(
						path.join(REPO_ROOT, path.dirname(source), networkArchive.file),
					).toString('base64'),
					layer: networkArchive.layers[0]!.id,
				},
				workerCode: readFileSync(
					path.join(REPO_ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'),
					'utf8',
				),
			},
		);
		log(`loading the bundle (${bytes.length} bytes) into the worker`);
		await startPageWorker(page, code, bytes);
		type Page = {
			request: (t: string, p: unknown) => Promise<unknown>;
			BenchMap: {
				centreOn: (p: [number, number]) => Promise<void>;
				clear: () => Promise<void>;
				drawCollection: (data: unknown) => Promise<void>;
				drawSplit: (sheds: unknown[], at: [number, number]) => Promise<void>;
				collection: (sheds: unknown[], at: [number, number]) => unknown;
			};
		};
		const timeNew = (lngLat: [number, number]) =>
			page.evaluate(
				async ({ lngLat, minutes }) => {
					const w = window as unknown as Page;
					await w.BenchMap.clear();
					await w.BenchMap.centreOn(lngLat);
					const t0 = performance.now();
					const r = (await w.request('walksheds', {
						lngLat,
						minutes,
						profiles: ['walking', 'rollator', 'wheelchair'],
						unknownMode: 'optimistic',
						split: true,
					})) as { sheds: ({ residents: number; edges: Uint32Array } | null)[] };
					const answered = performance.now() - t0;
					await w.BenchMap.drawSplit(r.sheds, lngLat);
					return {
						ms: answered,
						drawnMs: performance.now() - t0,
						residents: r.sheds.map((s) => s?.residents ?? null),
						edges: r.sheds.reduce((n, s) => n + (s?.edges.length ?? 0), 0),
					};
				},
				{ lngLat, minutes: MINUTES },
			);
		const timeRef = (lngLat: [number, number]) =>
			page.evaluate(
				async ({ lngLat, minutes }) => {
					const w = window as unknown as Page;
					await w.BenchMap.clear();
					await w.BenchMap.centreOn(lngLat);
					const profiles = ['walking', 'rollator', 'wheelchair'];
					const t0 = performance.now();
					const all = (await Promise.all(
						profiles.map((profile) =>
							w.request('walkshed', { lngLat, minutes, profile, unknownMode: 'optimistic' }),
						),
					)) as ({ residents: number; lines: unknown } | null)[];
					const answered = performance.now() - t0;
					await w.BenchMap.drawCollection(
						w.BenchMap.collection(
							all.map((s, k) => (s ? { profile: profiles[k], lines: s.lines } : null)),
							lngLat,
						),
					);
					return {
						ms: answered,
						drawnMs: performance.now() - t0,
						residents: all.map((s) => s?.residents ?? null),
					};
				},
				{ lngLat, minutes: MINUTES },
			);
		const fresh: number[] = [];
		const ref: number[] = [];
		const freshDrawn: number[] = [];
		const refDrawn: number[] = [];
		let mismatches = 0;
		let edgeStates = 0;
		const loadBefore = loadavg()[0]!;
		for (let k = 0; k < chosen.length; k++) {
			const p = chosen[k]!;
			if (k % 10 === 0) log(`point ${k + 1} of ${chosen.length}`);
			const first = k % 2 === 0;
			const a = first ? await timeNew(p) : await timeRef(p);
			const b = first ? await timeRef(p) : await timeNew(p);
			const n = (first ? a : b) as Awaited<ReturnType<typeof timeNew>>;
			const r = first ? b : a;
			if (JSON.stringify(n.residents) !== JSON.stringify(r.residents)) mismatches++;
			if (k < 5) continue; // warm-up (the first request also finishes snapping every origin)
			edgeStates += n.edges;
			fresh.push(n.ms);
			ref.push(r.ms);
			freshDrawn.push(n.drawnMs);
			refDrawn.push(r.drawnMs);
		}
		const withP95 = (xs: number[]) => ({
			...spread(xs),
			p95: Number(quantile(xs, 0.95).toPrecision(4)),
		});
		const drawnP95 = quantile(freshDrawn, 0.95);
		const figures = {
			minutes: MINUTES,
			points,
			drawnMs: withP95(freshDrawn),
			referenceConcaveDrawnMs: withP95(refDrawn),
			answerMs: withP95(fresh),
			referenceConcaveAnswerMs: withP95(ref),
			ratioDrawnMedian: Number(
				(spread(freshDrawn).median / spread(refDrawn).median).toPrecision(3),
			),
			residentMismatches: mismatches,
			edgeStatesPerClick: Math.round(edgeStates / points),
			loadAverage1m: { before: loadBefore, after: loadavg()[0]! },
			meetsTargets: { drawnP95AtMost50Ms: drawnP95 <= TARGET_MS && mismatches === 0 },
			note: 'from posting the request (the click) to the answer, and to the map idle after drawing (the walksheds rendered, software WebGL). New: split answer, edges reached whole by feature-state on the network tiles + partial pieces as GeoJSON. Reference: 3 walkshed requests with the concave hull, all lines as GeoJSON',
		};
		return figures;
	} finally {
		await browser.close();
	}
}
