/**
 * `npm run bench -- coverage [--rounds N] [--clicks N] [--category ID] [--area ID] [--reference-origins N] [--only what-if] [--port N]`:
 * the coordinators' gap analysis in Chromium, on the production build served by `vite preview`,
 * the map drawn (software WebGL, as the e2e tests run it). Three parts:
 *
 * 1. Whole analysis: every category of the taxonomy × the 3 profiles, from the coordinator's
 *    click (a profile chosen: the analysis runs again for every category) to the table and the
 *    overlay shown (the status `done` with the table in the page, then the first frame the map
 *    renders after it, which applies the overlay's new feature-state, drawn by the GPU process,
 *    and the map idle; each click on a settled map, lib/frame-moments.ts). The
 *    origins' points are on the map once; an analysis or a what-if changes only their classes
 *    and the neighbourhoods' shading (feature-state). Reported per round as the
 *    sum of the three profiles' runs. Its engine part (the worker's own time per category, read
 *    from `data-engine-ms`) is set against the per-origin reference (one search per origin for
 *    every category with places, scripts/bench/lib/per-origin.ts, run here in Node on the same
 *    bundle), interleaved round by round: ≤ 1/200 (the `analysis` bench's target). Like for
 *    like, in the same rounds: both sides in Chromium, each in a fresh worker of the same page
 *    (lib/coverage-sides-worker.ts, bundled by Vite from the same sources), on the same bundle:
 *    the engine's whole analysis and the per-origin reference, each timed on its first run in
 *    that worker (cold) and again (a re-run); the app worker's engine part is set against the
 *    reference's re-run there too. The app worker's first whole analysis at the page's opening
 *    (cold) is reported beside the same profile's later runs.
 * 2. What-if: a planned place clicked on the map at a seeded address point (the map centred on it
 *    first, untimed; the click waits until its frame is drawn, lib/frame-moments.ts), from the
 *    click (mousedown) to the table updated (worker answer, its transfer and Svelte), to the first
 *    frame after it sent by MapLibre (`render`) and drawn by the GPU process (the overlay updated
 *    on screen: target ≤ 100 ms median), and to the map idle (the planned place's marker laid out
 *    by MapLibre's worker too), median and p95; the worker's engine time beside it (≤ 8 ms).
 *    Beside each click, what this machine sets under it: the same view repainted with nothing
 *    changed and drawn (`bare_repaint_drawn_ms`), and the frames MapLibre rendered between the
 *    click and the table (its own handlers repaint the whole map on a click; with software WebGL
 *    the overlay's frame waits for that one to be drawn).
 *    Interleaved click by click with its reference, the category's analysis run again from the
 *    "Run" click (which also undoes the what-if).
 * 3. Long tasks: the longest main-thread task (PerformanceObserver 'longtask') during the what-if
 *    clicks (≤ 50 ms), and during the reference runs beside it; the bench's own wait for the
 *    GPU (a read back) is taken out of the task it falls in.
 *
 * `--only what-if` leaves part 1 out (parts 2 and 3 alone); `--only whole` leaves parts 2 and 3
 * out. `--port N` serves the build on that
 * port of 127.0.0.1 (strict: it fails when taken) instead of any free one, for a shared machine
 * where each user has their own ports.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { preview } from 'vite';
import { decodeAnalysisBundle } from '../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../src/analysis/engine.ts';
import { PROFILE_IDS } from '../../src/contracts/profiles.ts';
import { mulberry32 } from '../../src/analysis/synthetic.ts';
import { CATEGORIES } from '../../src/contracts/taxonomy.ts';
import { buildApp } from '../lib/build-app.ts';
import { REPO_ROOT } from '../lib/version.ts';
import type * as FrameMoments from './lib/frame-moments.ts';
import { bundleForPage } from './lib/page.ts';
import { perOriginReference } from './lib/per-origin.ts';
import { sampleBundle } from './lib/sample.ts';
import { quantile, spread } from './lib/stats.ts';

const log = (s: string): void => void process.stderr.write(`[bench coverage] ${s}\n`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
	'--no-sandbox',
	'--disable-quic',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
];
const TIMEOUT_MS = 300_000;
const FULL_MAX_RATIO = 1 / 200;
const WHATIF_MAX_MEDIAN_MS = 100;
const WHATIF_ENGINE_MAX_MS = 8;
const LONG_TASK_MAX_MS = 50;
const WARMUP_CLICKS = 3;

/** What one timed step measured in the page (ms from the click). */
interface Step {
	/** The table updated (the status or the total changed in the page). */
	tableMs: number;
	/** The first frame rendered after the table updated: the overlay's new feature-state drawn. */
	frameMs: number;
	/** That frame drawn by the GPU process (a one-pixel read back after it waits for it). */
	drawnMs: number;
	/** The map idle after that frame (every source laid out, nothing left to draw). */
	shownMs: number;
	/** The engine's own time in the worker (`data-engine-ms`). */
	engineMs: number;
	/** Frames the map rendered between the click and the table updated (ms from the click). */
	rendersBeforeTable: number[];
	/** The whole requests in the worker, summaries included (`data-worker-ms`; runs only). */
	workerMs: number;
	/** Main-thread tasks over 50 ms between the click and `shownMs`. */
	longTasks: number[];
}

/**
 * Installed before the app loads: the map handle (the app dispatches `buurtkaart:map`), the long
 * tasks, and `benchArm(kind)`, which starts watching for one step and returns its promise.
 */
function pageHooks(): void {
	type W = {
		benchMap?: {
			on: (t: string, f: (e: { sourceId?: string; sourceDataType?: string }) => void) => void;
			off: (t: string, f: (e: { sourceId?: string; sourceDataType?: string }) => void) => void;
			once: (t: string, f: () => void) => void;
			triggerRepaint: () => void;
		};
		benchLongTasks: { start: number; end: number }[];
		benchArm: (kind: 'run' | 'whatIf') => void;
		BenchMoments: typeof FrameMoments;
		benchStep?: Promise<unknown>;
		benchClickAt?: number;
	};
	const w = window as unknown as W;
	document.addEventListener('buurtkaart:map', (e) => {
		w.benchMap = (e as CustomEvent).detail as W['benchMap'];
	});
	w.benchLongTasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries())
			w.benchLongTasks.push({ start: e.startTime, end: e.startTime + e.duration });
	}).observe({ type: 'longtask', buffered: true });
	// the click's own time: the first mousedown after arming (capture phase, before any handler)
	document.addEventListener(
		'mousedown',
		() => {
			if (w.benchClickAt === undefined) w.benchClickAt = performance.now();
		},
		true,
	);
	w.benchArm = (kind) => {
		const map = w.benchMap!;
		const status = document.querySelector('[data-testid="coverage-status"]') as HTMLElement;
		w.benchClickAt = undefined;
		let tableAt: number | undefined;
		let frameAt: number | undefined;
		let drawnAt: number | undefined;
		// the read back's wait, the bench's own: taken out of the page's long tasks
		let held = { from: 0, at: 0 };
		let shownAt: number | undefined;
		let sawRunning = false;
		// frames the map rendered between the click and the table updated (each one the GPU
		// process must draw before the overlay's frame)
		const rendersBefore: number[] = [];
		const onRender = () => {
			if (w.benchClickAt !== undefined && tableAt === undefined)
				rendersBefore.push(performance.now() - w.benchClickAt);
		};
		map.on('render', onRender);
		const engine = () =>
			Number(
				(kind === 'run'
					? status.dataset.engineMs
					: (document.querySelector('[data-testid="coverage-delta"]') as HTMLElement | null)
							?.dataset.engineMs) ?? NaN,
			);
		const engineBefore = kind === 'whatIf' ? engine() : NaN;
		w.benchStep = new Promise((resolve) => {
			const panel = document.querySelector('[data-testid="coverage"]') as HTMLElement;
			const observer = new MutationObserver(() => {
				if (tableAt !== undefined) return;
				if (kind === 'run') {
					if (status.dataset.state === 'running') sawRunning = true;
					else if (sawRunning && status.dataset.state === 'done') tableAt = performance.now();
				} else {
					const e = engine();
					if (!Number.isNaN(e) && e !== engineBefore) tableAt = performance.now();
				}
				if (tableAt === undefined) return;
				observer.disconnect();
				// the overlay's feature-state is set in the same Svelte flush as the table (this
				// observer runs after it): the next frame draws it; a frame is asked for in case
				// nothing else asked (it is a no-op when one is due)
				map.once('render', () => {
					frameAt = performance.now();
					// and that frame drawn by the GPU process (lib/frame-moments.ts)
					const canvas = (map as unknown as { getCanvas: () => HTMLCanvasElement }).getCanvas();
					const drawn = w.BenchMoments.drawnByGpu(canvas);
					drawnAt = drawn.at;
					held = drawn;
					map.once('idle', () => {
						shownAt = performance.now();
						done();
					});
				});
				map.triggerRepaint();
			});
			observer.observe(panel, {
				subtree: true,
				attributes: true,
				childList: true,
				characterData: true,
			});
			function done() {
				map.off('render', onRender);
				const t0 = w.benchClickAt ?? NaN;
				const end = shownAt!;
				resolve({
					tableMs: tableAt! - t0,
					frameMs: frameAt! - t0,
					drawnMs: drawnAt! - t0,
					shownMs: end - t0,
					engineMs: engine(),
					rendersBeforeTable: rendersBefore,
					workerMs: Number(status.dataset.workerMs ?? NaN),
					longTasks: w.benchLongTasks
						.filter((t) => t.end > t0 && t.start < end)
						.map((t) =>
							Math.round(
								t.end -
									t.start -
									Math.max(0, Math.min(t.end, held.at) - Math.max(t.start, held.from)),
							),
						)
						.filter((ms) => ms > 50),
				});
			}
		});
	};
}

/** Arms the page, clicks (Playwright: a real mouse click), waits for the step's figures. */
async function step(page: Page, kind: 'run' | 'whatIf', click: () => Promise<void>): Promise<Step> {
	// a user clicks on a map they see: its last frame drawn (lib/frame-moments.ts)
	await page.evaluate(() =>
		(window as unknown as { BenchMoments: typeof FrameMoments }).BenchMoments.settled(),
	);
	await page.evaluate(
		(k) => (window as unknown as { benchArm: (k: string) => void }).benchArm(k),
		kind,
	);
	await click();
	return (await page.evaluate(
		() => (window as unknown as { benchStep: Promise<unknown> }).benchStep,
	)) as Step;
}

const withP95 = (xs: number[]) => ({
	...spread(xs),
	p95: Number(quantile(xs, 0.95).toPrecision(4)),
});

async function openCoverage(page: Page, url: string, query: string): Promise<void> {
	await page.goto(`${url}?${query}`);
	await page
		.getByTestId('coverage-status')
		.and(page.locator('[data-state="done"]'))
		.waitFor({ state: 'attached', timeout: TIMEOUT_MS });
	await page.locator('[data-map-ready="true"]').waitFor({ timeout: TIMEOUT_MS });
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = (
					window as unknown as {
						benchMap: { loaded: () => boolean; once: (t: string, f: () => void) => void };
					}
				).benchMap;
				if (map.loaded()) resolve();
				else map.once('idle', () => resolve());
			}),
	);
}

/** The sides of lib/coverage-sides-worker.ts: the engine alone, the reference, the app's host. */
type SideKind = 'engine' | 'reference' | 'host';

/** What one side measured in a fresh bench worker (lib/coverage-sides-worker.ts), in ms. */
interface Side {
	/** Decoding, snapping and the reference's set-up (untimed in every ratio). */
	setupMs: number;
	/** The first timed request in the fresh worker: code not yet run there (cold). */
	coldMs: number;
	/** The same request again in the same worker (a re-run). */
	againMs: number;
}

/** Puts the bench worker's code and the bundle's bytes in the page, once. */
async function installSides(page: Page, code: string, bytes: Uint8Array): Promise<void> {
	await page.evaluate(
		({ code, b64 }) => {
			const w = window as unknown as { benchSidesUrl: string; benchSidesBytes: ArrayBuffer };
			w.benchSidesUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
			w.benchSidesBytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
		},
		{ code, b64: Buffer.from(bytes).toString('base64') },
	);
}

/**
 * One side of the like-for-like ratio in a fresh worker of the app's page: the bundle loaded
 * (untimed), then the side's run twice.
 */
async function side(page: Page, kind: SideKind, referenceOrigins: number): Promise<Side> {
	return page.evaluate(
		async ({ kind, referenceOrigins }) => {
			const w = window as unknown as { benchSidesUrl: string; benchSidesBytes: ArrayBuffer };
			const worker = new Worker(w.benchSidesUrl);
			const ask = (m: unknown) =>
				new Promise<number>((resolve, reject) => {
					worker.onmessage = (e: MessageEvent<{ ms?: number; error?: string }>) =>
						e.data.error !== undefined ? reject(new Error(e.data.error)) : resolve(e.data.ms!);
					worker.postMessage(m);
				});
			try {
				const setupMs = await ask({ type: 'load', bytes: w.benchSidesBytes, referenceOrigins });
				const m = kind === 'reference' ? { type: kind } : { type: kind, unknownMode: 'optimistic' };
				const coldMs = await ask(m);
				const againMs = await ask(m);
				return { setupMs, coldMs, againMs };
			} finally {
				worker.terminate();
			}
		},
		{ kind, referenceOrigins },
	);
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const arg = (name: string): string | undefined => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const rounds = Number(arg('--rounds') ?? 4);
	const clicks = Number(arg('--clicks') ?? 24);
	const referenceOrigins = Number(arg('--reference-origins') ?? 200);
	const only = arg('--only');
	if (only !== undefined && only !== 'what-if' && only !== 'whole')
		throw new Error(`--only takes "what-if" or "whole", got ${only}`);
	const skipWhole = only === 'what-if';
	const skipWhatIf = only === 'whole';
	const port = Number(arg('--port') ?? 0);
	if (!(Number.isInteger(port) && port >= 0 && port < 65536))
		throw new Error(`--port must be a port number, got ${port}`);
	if (!(Number.isInteger(rounds) && rounds >= 1))
		throw new Error(`--rounds must be ≥ 1, got ${rounds}`);
	if (!(Number.isInteger(clicks) && clicks >= 20))
		throw new Error(`--clicks must be a whole number ≥ 20, got ${clicks}`);
	// the area the app opens and the reference's bundle are the same: the sample's by default
	const sample = await sampleBundle();
	const areaId = arg('--area') ?? /^tiles\/([^/]+)\/analysis\.bin$/.exec(sample.source)?.[1];
	if (!areaId)
		throw new Error('the sample area is not built: run `npx tsx scripts/ensure-area.ts` first');
	const source = `tiles/${areaId}/analysis.bin`;
	const bundleBytes = new Uint8Array(readFileSync(path.join(REPO_ROOT, source)));
	const bundle = source === sample.source ? sample.bundle : decodeAnalysisBundle(bundleBytes);
	const engine = new AnalysisEngine(bundle);
	engine.prepare();
	const withPlaces = engine.categoriesWithPlaces();
	const reference = perOriginReference(engine, bundle, withPlaces, referenceOrigins);
	reference.time(); // warm-up
	const categoryId =
		arg('--category') ?? (withPlaces.includes('meeting_place') ? 'meeting_place' : withPlaces[0]);
	if (!categoryId || !withPlaces.includes(categoryId))
		throw new Error(
			`category "${String(categoryId)}" has no place in the sample: pick one of ${withPlaces.join(', ')}`,
		);
	// seeded address points with a figure (not at the edge of the data) for the what-if clicks
	const rand = mulberry32(17);
	const o = bundle.origins;
	const points: [number, number][] = [];
	while (points.length < clicks + WARMUP_CLICKS) {
		const i = Math.floor(rand() * o.count);
		if (o.edgeOfData[i] === 1 || o.reason[i] !== 0) continue;
		points.push([o.lngLat[2 * i] as number, o.lngLat[2 * i + 1] as number]);
	}

	const outDir = mkdtempSync(path.join(tmpdir(), 'buurtkaart-coverage-'));
	let server: Awaited<ReturnType<typeof preview>> | undefined;
	let browser: Browser | undefined;
	try {
		buildApp(outDir, 'coverage');
		const sidesCode = skipWhole
			? ''
			: await bundleForPage('scripts/bench/lib/coverage-sides-worker.ts', 'benchSides');
		server = await preview({
			logLevel: 'error',
			build: { outDir },
			preview: { host: '127.0.0.1', port, strictPort: port !== 0 },
		});
		const url = server.resolvedUrls?.local[0];
		if (!url) throw new Error('vite preview did not report its address');
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
		const context = await browser.newContext({
			serviceWorkers: 'block',
			viewport: { width: 1280, height: 800 },
		});
		const page = await context.newPage();
		page.setDefaultTimeout(TIMEOUT_MS);
		page.on('pageerror', (e) => log(`page error: ${e.message}`));
		// tsx keeps function names with an `__name` helper that the page does not have
		await page.addInitScript('window.__name = (f) => f');
		// the bundle's `var BenchMoments` made a property of window (an init script's own vars are not)
		await page.addInitScript(
			`${await bundleForPage('scripts/bench/lib/frame-moments.ts', 'BenchMoments')};window.BenchMoments = BenchMoments;`,
		);
		await page.addInitScript(pageHooks);

		// --- 1. the whole analysis: every category × 3 profiles, round by round with the reference
		const all = CATEGORIES.map((c) => c.id).join(',');
		log(
			skipWhole
				? 'whole analysis: left out (--only what-if)'
				: `whole analysis: ${CATEGORIES.length} categories × 3 profiles, ${rounds} rounds (+1 warm-up)`,
		);
		// the app worker's first whole analysis (the first profile, at the page's opening): its
		// engine part runs on code not yet run in that worker
		let openingEngineMs = NaN;
		if (!skipWhole) {
			await openCoverage(
				page,
				url,
				`area=${encodeURIComponent(areaId)}&mode=coverage&cats=${all}&profile=${PROFILE_IDS[0]}`,
			);
			openingEngineMs = Number(
				await page.getByTestId('coverage-status').getAttribute('data-engine-ms'),
			);
			await installSides(page, sidesCode, bundleBytes);
		}
		const sides = { engine: [] as Side[], reference: [] as Side[], host: [] as Side[] };
		const nodeEngineMs: number[] = [];
		const appVsChromium: number[] = [];
		const coldRatios: number[] = [];
		const againRatios: number[] = [];
		const wholeMs: number[] = [];
		const wholeEngineMs: number[] = [];
		const wholeWorkerMs: number[] = [];
		const wholeTableMs: number[] = [];
		const wholeFrameMs: number[] = [];
		const referenceMs: number[] = [];
		const ratios: number[] = [];
		const perProfileMs: Record<string, number[]> = Object.fromEntries(
			PROFILE_IDS.map((p) => [p, []]),
		);
		const perProfileEngineMs: Record<string, number[]> = Object.fromEntries(
			PROFILE_IDS.map((p) => [p, []]),
		);
		// start each round on the last profile so that each of the three is a change
		const order = [...PROFILE_IDS.slice(1), PROFILE_IDS[0]!];
		for (let r = 0; r <= (skipWhole ? -1 : rounds); r++) {
			let shown = 0;
			let table = 0;
			let frame = 0;
			let eng = 0;
			let worker = 0;
			for (const p of order) {
				const s = await step(page, 'run', () =>
					page.locator(`input[name="profile"][value="${p}"]`).click(),
				);
				shown += s.shownMs;
				table += s.tableMs;
				frame += s.frameMs;
				eng += s.engineMs;
				worker += s.workerMs;
				if (r > 0) perProfileMs[p]!.push(s.shownMs);
				if (r > 0) perProfileEngineMs[p]!.push(s.engineMs);
			}
			const ref = reference.time();
			// the same engine part in Node, on the same bundle (the bench's engine, warm)
			let nodeEng = 0;
			for (const p of PROFILE_IDS) {
				for (const { id: categoryId } of CATEGORIES) {
					const t0 = performance.now();
					engine.coverage({ categoryId, profile: p, unknownMode: 'optimistic' });
					nodeEng += performance.now() - t0;
				}
			}
			// the sides again in the same page, each in a fresh worker, the order rotating
			const kinds: SideKind[] = ['engine', 'reference', 'host'];
			const got = {} as Record<SideKind, Side>;
			for (let k = 0; k < kinds.length; k++) {
				const kind = kinds[(k + r) % kinds.length]!;
				got[kind] = await side(page, kind, referenceOrigins);
			}
			const { engine: en, reference: c, host: h } = got;
			log(
				`round ${r}${r === 0 ? ' (warm-up)' : ''}: shown ${shown.toFixed(0)} ms, engine ${eng.toFixed(1)} ms, reference ${ref.toFixed(0)} ms in Node (engine there ${nodeEng.toFixed(1)} ms); in Chromium workers: engine cold ${en.coldMs.toFixed(1)} / again ${en.againMs.toFixed(1)} ms, reference cold ${c.coldMs.toFixed(0)} / again ${c.againMs.toFixed(0)} ms, engine via the app's host cold ${h.coldMs.toFixed(1)} / again ${h.againMs.toFixed(1)} ms`,
			);
			if (r === 0) continue;
			nodeEngineMs.push(nodeEng);
			sides.engine.push(en);
			sides.host.push(h);
			sides.reference.push(c);
			appVsChromium.push(eng / c.againMs);
			coldRatios.push(en.coldMs / c.againMs);
			againRatios.push(en.againMs / c.againMs);
			wholeMs.push(shown);
			wholeTableMs.push(table);
			wholeFrameMs.push(frame);
			wholeEngineMs.push(eng);
			wholeWorkerMs.push(worker);
			referenceMs.push(ref);
			ratios.push(eng / ref);
		}

		// --- 2 and 3. what-if clicks, interleaved with the reference (the category run again)
		log(
			skipWhatIf
				? 'what-if: left out (--only whole)'
				: `what-if: ${clicks} clicks (+${WARMUP_CLICKS} warm-up) on ${categoryId}, walking`,
		);
		if (!skipWhatIf)
			await openCoverage(
				page,
				url,
				`area=${encodeURIComponent(areaId)}&mode=coverage&cats=${categoryId}&profile=${PROFILE_IDS[0]}`,
			);
		const mapBox = skipWhatIf ? undefined : (await page.getByTestId('map').boundingBox())!;
		const whatIf: Step[] = [];
		const rerun: Step[] = [];
		const bareRepaint: number[] = [];
		for (let k = 0; k < (skipWhatIf ? 0 : points.length); k++) {
			await page.evaluate(
				(centre) =>
					new Promise<void>((resolve) => {
						const map = (
							window as unknown as {
								benchMap: {
									jumpTo: (o: unknown) => void;
									once: (t: string, f: () => void) => void;
								};
							}
						).benchMap;
						map.once('idle', () => resolve());
						map.jumpTo({ center: centre, zoom: 15 });
					}),
				points[k]!,
			);
			// the floor this machine sets: the same view repainted with nothing changed, drawn
			// (MapLibre's synchronous redraw, then a one-pixel read back that waits for the GPU
			// process), on the settled map just before the click
			const bare = await page.evaluate(async () => {
				const w = window as unknown as {
					BenchMoments: typeof FrameMoments;
					benchMap: { redraw: () => void; getCanvas: () => HTMLCanvasElement };
				};
				await w.BenchMoments.settled();
				const canvas = w.benchMap.getCanvas();
				w.BenchMoments.drawnByGpu(canvas); // nothing left pending
				const t0 = performance.now();
				w.benchMap.redraw();
				return w.BenchMoments.drawnByGpu(canvas).at - t0;
			});
			await page.getByTestId('coverage-add-click').click();
			// picking: the button is pressed (a toggle, 0cbbff2) until the map's click plants the place
			await page.locator('[data-testid="coverage-add-click"][aria-pressed="true"]').waitFor();
			const a = await step(page, 'whatIf', () =>
				page.mouse.click(mapBox!.x + mapBox!.width / 2, mapBox!.y + mapBox!.height / 2),
			);
			await page
				.locator('[data-testid="coverage-add-click"][aria-pressed="false"]:enabled')
				.waitFor();
			const b = await step(page, 'run', () => page.getByTestId('coverage-run').click());
			if (k < WARMUP_CLICKS) continue;
			whatIf.push(a);
			rerun.push(b);
			bareRepaint.push(bare);
		}
		const med = (xs: number[]) => spread(xs).median;
		const ratio = spread(ratios);
		const whatIfShown = whatIf.map((s) => s.frameMs);
		const whatIfDrawn = whatIf.map((s) => s.drawnMs);
		const whatIfIdle = whatIf.map((s) => s.shownMs);
		const whatIfEngine = whatIf.map((s) => s.engineMs);
		const longest = Math.max(0, ...whatIf.flatMap((s) => s.longTasks));
		const longestRef = Math.max(0, ...rerun.flatMap((s) => s.longTasks));
		log(
			`whole analysis ${med(wholeMs).toFixed(0)} ms (engine ${med(wholeEngineMs).toFixed(1)} ms, reference ${med(referenceMs).toFixed(0)} ms, ratio ${ratio.median}); what-if ${med(whatIfDrawn).toFixed(0)} ms median to the first frame drawn (${med(whatIfShown).toFixed(0)} ms to it sent; the same view repainted alone ${med(bareRepaint).toFixed(0)} ms), ${med(whatIfIdle).toFixed(0)} ms to idle (engine ${med(whatIfEngine).toFixed(2)} ms), run again ${med(rerun.map((s) => s.shownMs)).toFixed(0)} ms; longest task ${longest} ms`,
		);
		return {
			area: areaId,
			sample_source: source,
			note: 'Chromium, production build (vite preview), software WebGL, no CPU slowdown; ms from the click (mousedown) in the page',
			whole_analysis: skipWhole
				? { skipped: '--only what-if' }
				: {
						categories: CATEGORIES.length,
						categories_with_places: withPlaces.length,
						profiles: PROFILE_IDS,
						shown_ms: spread(wholeMs),
						table_ms: spread(wholeTableMs),
						first_frame_ms: spread(wholeFrameMs),
						per_profile_shown_ms: Object.fromEntries(
							Object.entries(perProfileMs).map(([p, xs]) => [p, spread(xs)]),
						),
						engine_ms_in_worker: spread(wholeEngineMs),
						worker_requests_ms_with_summaries: spread(wholeWorkerMs),
						per_origin_reference_ms_node: spread(referenceMs),
						engine_ms_node: spread(nodeEngineMs),
						per_origin_reference_sampled_origins: reference.sampled,
						engine_vs_reference_ratio: ratio,
						engine_ms_in_worker_at_opening: {
							profile: PROFILE_IDS[0],
							cold_ms: openingEngineMs,
							note: "the app worker's first whole analysis of one profile, at the page's opening (code not yet run in that worker), beside the same profile's runs in the rounds (per_profile_engine_ms)",
						},
						per_profile_engine_ms: Object.fromEntries(
							Object.entries(perProfileEngineMs).map(([p, xs]) => [p, spread(xs)]),
						),
						like_for_like_in_chromium: {
							note: 'each side in Chromium in a fresh worker of the same page (the bare engine, the reference, and the engine through AnalysisHost) (scripts/bench/lib/coverage-sides-worker.ts, bundled by Vite from the same sources), on the same bundle, the order rotating round by round: the bundle loaded and snapped untimed, then the side run twice (cold: first run in that worker; again: the re-run). The reference is sampled and scaled to every connected origin, so its cold run scales its first-run compilation up with it: every ratio divides by its re-run',
							engine_cold_ms: spread(sides.engine.map((x) => x.coldMs)),
							engine_again_ms: spread(sides.engine.map((x) => x.againMs)),
							engine_setup_ms: spread(sides.engine.map((x) => x.setupMs)),
							engine_via_app_host_cold_ms: spread(sides.host.map((x) => x.coldMs)),
							engine_via_app_host_again_ms: spread(sides.host.map((x) => x.againMs)),
							reference_cold_scaled_ms: spread(sides.reference.map((x) => x.coldMs)),
							reference_again_scaled_ms: spread(sides.reference.map((x) => x.againMs)),
							app_worker_engine_vs_reference: spread(appVsChromium),
							engine_cold_vs_reference: spread(coldRatios),
							engine_again_vs_reference: spread(againRatios),
						},
					},
			what_if: skipWhatIf
				? { skipped: '--only whole' }
				: {
						category: categoryId,
						profile: PROFILE_IDS[0],
						clicks: whatIf.length,
						table_updated_ms: withP95(whatIf.map((s) => s.tableMs)),
						first_frame_ms: withP95(whatIfShown),
						first_frame_drawn_ms: withP95(whatIfDrawn),
						map_idle_ms: withP95(whatIfIdle),
						engine_ms_in_worker: withP95(whatIfEngine),
						frames_rendered_before_the_table: withP95(
							whatIf.map((s) => s.rendersBeforeTable.length),
						),
						first_frame_rendered_before_the_table_ms: withP95(
							whatIf.flatMap((s) => s.rendersBeforeTable.slice(0, 1)),
						),
						bare_repaint_drawn_ms: withP95(bareRepaint),
						drawn_minus_bare_repaint_ms: withP95(whatIf.map((s, i) => s.drawnMs - bareRepaint[i]!)),
						bare_repaint_note:
							'the same view repainted with nothing changed and drawn (map.redraw() then a one-pixel read back), on the settled map just before each click: what one frame costs this machine (software WebGL), a floor under the first frame drawn',
						reference_run_again_first_frame_ms: withP95(rerun.map((s) => s.frameMs)),
						reference_run_again_shown_ms: withP95(rerun.map((s) => s.shownMs)),
						reference_run_again_engine_ms: withP95(rerun.map((s) => s.engineMs)),
						ratio_median_vs_run_again: Number(
							(med(whatIfShown) / med(rerun.map((s) => s.frameMs))).toPrecision(3),
						),
					},
			long_tasks: {
				longest_during_what_if_ms: longest,
				what_if_clicks_with_a_long_task: whatIf.filter((s) => s.longTasks.length > 0).length,
				longest_during_run_again_ms: longestRef,
			},
			targets: {
				...(skipWhole
					? {}
					: {
							whole_analysis_engine_vs_reference: {
								value: ratio.median,
								target: `≤ 1/200 = ${FULL_MAX_RATIO} (median; reference in Node)`,
								meetsTargets: ratio.median <= FULL_MAX_RATIO,
							},
							whole_analysis_engine_vs_reference_in_chromium: {
								value: spread(appVsChromium).median,
								target: `≤ 1/200 = ${FULL_MAX_RATIO} (median; the app worker's engine part ÷ the reference's re-run in a worker of the same page)`,
								meetsTargets: spread(appVsChromium).median <= FULL_MAX_RATIO,
							},
						}),
				...(skipWhatIf
					? {}
					: {
							what_if_first_frame_median: {
								value: med(whatIfDrawn),
								target: `≤ ${WHATIF_MAX_MEDIAN_MS} ms (the first frame after it drawn by the GPU process)`,
								meetsTargets: med(whatIfDrawn) <= WHATIF_MAX_MEDIAN_MS,
							},
							what_if_engine_median: {
								value: med(whatIfEngine),
								target: `≤ ${WHATIF_ENGINE_MAX_MS} ms`,
								meetsTargets: med(whatIfEngine) <= WHATIF_ENGINE_MAX_MS,
							},
							no_long_task_during_what_if: {
								value: longest,
								target: `no main-thread task over ${LONG_TASK_MAX_MS} ms`,
								meetsTargets: longest <= LONG_TASK_MAX_MS,
							},
						}),
			},
		};
	} finally {
		await browser?.close();
		await server?.close();
		rmSync(outDir, { recursive: true, force: true });
	}
}
