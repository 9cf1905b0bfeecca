/**
 * `npm run bench -- walkshed [--points N]`: the planners' walksheds side by side (walking, rollator,
 * wheelchair) from a clicked point, in Chromium, with the work in the app's analysis worker
 * (AnalysisHost, bundled by Vite for a plain page), on the sample's analysis bundle:
 *
 * - geojson: one `walksheds` request for the three profiles (what the walkshed panel asks), every
 *   reached stretch as one MultiLineString per profile built by the worker, drawn as ONE GeoJSON
 *   source (the panel's own builder and layers, src/map/layers/planner-style.ts);
 * - split (the reference, the previous way, ./lib/walkshed-split.ts): the edges reached whole
 *   drawn from the area's network tiles by feature-state (three layers holding every network
 *   edge, shown by opacity), only the partly reached pieces as GeoJSON.
 *
 * Timed in the page from posting the request (the click) to four moments: the answer (structured
 * clone included), the next animation frame after setting it on the map (the main thread free to
 * paint again), the map idle again (MapLibre has sent the frame with them), and the walksheds
 * DRAWN: the GPU process has drawn that frame (a one-pixel read back waits for it; software WebGL
 * as the e2e runs, in the same page). Each way is timed with only its own layers on the map
 * (switched untimed); before each click, untimed, the map is cleared and centred on the point, and
 * the click waits until that frame is drawn too, as a user clicks on a map they see (clicking at
 * MapLibre's idle found the GPU process still drawing the frame before, and the walksheds' frame
 * waited for it: a p95 of 73 ms to idle against 41–47 ms on a settled map, on one machine; see
 * lib/frame-moments.ts). 10 minutes; N seeded address points (default 40) with residents, the two ways
 * interleaved per point (alternating which goes first), after 5 untimed warm-up points. Target: the
 * three walksheds drawn, p95 ≤ 50 ms. The answers' residents are checked equal. Beside it, the
 * map showing the walksheds drawn again with nothing changed (what that frame alone costs).
 *
 * WALKSHED_SOURCE_OPTIONS (JSON, e.g. '{"maxzoom":12}'): extra options of the walkshed GeoJSON
 * source, to try one (both ways draw their GeoJSON through that source).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { bundleForPage, launchSoftwareChromium, openMapPage, startPageWorker } from './lib/page.ts';
import type { Moments } from './lib/walkshed-map.ts';
import { buildAnalysisBundle } from '../../src/analysis/bundle.ts';
import { mulberry32 } from '../../src/analysis/synthetic.ts';
import { REPO_ROOT } from '../lib/version.ts';
import { quantile, spread } from './lib/stats.ts';
import { sampleBundle } from './lib/sample.ts';

const log = (s: string): void => void process.stderr.write(`[bench walkshed] ${s}\n`);
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
	const browser = await launchSoftwareChromium();
	try {
		const page = await openMapPage(browser, 'walkshed bench', mapCode, log);
		const manifest = JSON.parse(
			readFileSync(path.join(REPO_ROOT, path.dirname(source), 'manifest.json'), 'utf8'),
		) as { archives: { network: { file: string; layers: { id: string }[] } } };
		const networkArchive = manifest.archives.network;
		log('starting the map');
		await page.evaluate(
			({ centre, workerCode, network, options }) =>
				(
					window as unknown as {
						BenchMap: {
							start: (
								c: HTMLElement,
								p: [number, number],
								w: string,
								n: { b64: string; layer: string },
								o: Record<string, unknown>,
							) => Promise<void>;
						};
					}
				).BenchMap.start(document.getElementById('map')!, centre, workerCode, network, options),
			{
				options: JSON.parse(process.env.WALKSHED_SOURCE_OPTIONS ?? '{}') as Record<string, unknown>,
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
				useSplit: (on: boolean) => Promise<void>;
				drawGeojson: (sheds: unknown[], at: [number, number]) => Promise<Moments>;
				drawSplit: (sheds: unknown[], at: [number, number]) => Promise<Moments>;
				bareRepaint: () => Promise<number>;
			};
		};
		/** One click drawn one way: ms to the answer, the next frame, the map idle. */
		const time = (lngLat: [number, number], way: 'geojson' | 'split') =>
			page.evaluate(
				async ({ lngLat, minutes, way }) => {
					const w = window as unknown as Page;
					await w.BenchMap.useSplit(way === 'split');
					await w.BenchMap.clear();
					await w.BenchMap.centreOn(lngLat);
					const t0 = performance.now();
					const r = (await w.request(way === 'split' ? 'walkshedsSplit' : 'walksheds', {
						lngLat,
						minutes,
						profiles: ['walking', 'rollator', 'wheelchair'],
						unknownMode: 'optimistic',
					})) as {
						sheds: ({
							residents: number;
							lines: { geometry: { coordinates: unknown[][] } };
						} | null)[];
					};
					const answered = performance.now() - t0;
					const m = await (way === 'split' ? w.BenchMap.drawSplit : w.BenchMap.drawGeojson)(
						r.sheds,
						lngLat,
					);
					// the frame showing them drawn again with nothing changed: what it costs alone
					const bare = way === 'geojson' ? await w.BenchMap.bareRepaint() : NaN;
					return {
						bare,
						ms: answered,
						frameMs: m.frame - t0,
						idleMs: m.idle - t0,
						drawnMs: m.drawn - t0,
						residents: r.sheds.map((s) => s?.residents ?? null),
						points: r.sheds.reduce(
							(n, s) => n + (s?.lines.geometry.coordinates.reduce((k, l) => k + l.length, 0) ?? 0),
							0,
						),
					};
				},
				{ lngLat, minutes: MINUTES, way },
			);
		const cols = { geojson: [[], [], [], []], split: [[], [], [], []] } as Record<
			'geojson' | 'split',
			[number[], number[], number[], number[]]
		>;
		const pointsDrawn = { geojson: 0, split: 0 };
		const bareRepaint: number[] = [];
		let mismatches = 0;
		const loadBefore = loadavg()[0]!;
		for (let k = 0; k < chosen.length; k++) {
			const p = chosen[k]!;
			if (k % 10 === 0) log(`point ${k + 1} of ${chosen.length}`);
			const order = k % 2 === 0 ? (['geojson', 'split'] as const) : (['split', 'geojson'] as const);
			const got = { geojson: await time(p, order[0]), split: await time(p, order[1]) };
			if (order[0] === 'split') [got.geojson, got.split] = [got.split, got.geojson];
			if (JSON.stringify(got.geojson.residents) !== JSON.stringify(got.split.residents))
				mismatches++;
			if (k < 5) continue; // warm-up (the first request also finishes snapping every origin)
			bareRepaint.push(got.geojson.bare);
			for (const way of ['geojson', 'split'] as const) {
				cols[way][0].push(got[way].ms);
				cols[way][1].push(got[way].frameMs);
				cols[way][2].push(got[way].drawnMs);
				cols[way][3].push(got[way].idleMs);
				pointsDrawn[way] += got[way].points;
			}
		}
		const withP95 = (xs: number[]) => ({
			...spread(xs),
			p95: Number(quantile(xs, 0.95).toPrecision(4)),
		});
		const drawnP95 = quantile(cols.geojson[2], 0.95);
		const figures = {
			minutes: MINUTES,
			points,
			answerMs: withP95(cols.geojson[0]),
			nextAnimationFrameMs: withP95(cols.geojson[1]),
			mapIdleMs: withP95(cols.geojson[3]),
			drawnMs: withP95(cols.geojson[2]),
			bareRepaintOfTheDrawnWalkshedsMs: withP95(bareRepaint),
			referenceSplitAnswerMs: withP95(cols.split[0]),
			referenceSplitNextAnimationFrameMs: withP95(cols.split[1]),
			referenceSplitMapIdleMs: withP95(cols.split[3]),
			referenceSplitDrawnMs: withP95(cols.split[2]),
			ratioDrawnMedian: Number(
				(spread(cols.geojson[2]).median / spread(cols.split[2]).median).toPrecision(3),
			),
			geojsonPositionsPerClick: Math.round(pointsDrawn.geojson / points),
			splitGeojsonPositionsPerClick: Math.round(pointsDrawn.split / points),
			residentMismatches: mismatches,
			loadAverage1m: { before: loadBefore, after: loadavg()[0]! },
			meetsTargets: { drawnP95AtMost50Ms: drawnP95 <= TARGET_MS && mismatches === 0 },
			note: 'ms from posting the request (the click, on a map settled: its last frame drawn) to the answer, to the next animation frame after setting it on the map, to the map idle (MapLibre has sent the frame) and to the walksheds drawn (the GPU process has drawn that frame: software WebGL here). geojson: every reached stretch in one GeoJSON source (the app). Reference split: edges reached whole by feature-state on the network tiles (layers holding every edge) + partial pieces as GeoJSON (the previous way). bareRepaintOfTheDrawnWalkshedsMs: after each click, the map showing the walksheds drawn again with nothing changed (map.redraw() then a read back): what that one frame costs this machine, a floor under drawnMs',
		};
		return figures;
	} finally {
		await browser.close();
	}
}
