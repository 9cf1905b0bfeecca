/**
 * `npm run bench -- network-layer [--runs N]`: the accessible-routes layer (#19) drawn two ways in
 * the same Chromium page (software WebGL, as the e2e runs), interleaved per run, each with only its
 * own layers on the map (./lib/network-layer-map.ts):
 *
 * - opacity (the app's): the known and the unknown layer each hold every network edge and hide
 *   the other's hidden (known: transparent colour, unknown: opacity 0; a filter cannot read a personal profile's feature-state);
 * - filtered: one layer per purpose, each holding only its edges by the tile's status.
 *
 * Timed from the change on a settled map to its frame drawn by the GPU process
 * (lib/frame-moments.ts): the layers put on the map at z14 (the first draw), a profile switched
 * (walking → wheelchair → walking), and a pan of 500 px (new tiles laid out). The features each
 * way lays out in the view (queryRenderedFeatures, hidden ones included) come with the figures.
 * Tried for #19; the app keeps the opacity way (a personal profile's statuses, feature-state, can
 * move an edge between known and unknown; a filter cannot follow them).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { bundleForPage, launchSoftwareChromium, openMapPage } from './lib/page.ts';
import { REPO_ROOT } from '../lib/version.ts';
import { spread } from './lib/stats.ts';
import { sampleBundle } from './lib/sample.ts';

const log = (s: string): void => void process.stderr.write(`[bench network-layer] ${s}\n`);

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const ri = args.indexOf('--runs');
	const runs = ri >= 0 ? Number(args[ri + 1]) : 10;
	const { source } = await sampleBundle();
	const manifest = JSON.parse(
		readFileSync(path.join(REPO_ROOT, path.dirname(source), 'manifest.json'), 'utf8'),
	) as {
		bounds?: number[];
		archives: { network: { file: string; center: number[]; layers: { id: string }[] } };
	};
	const mapCode = await bundleForPage('scripts/bench/lib/network-layer-map.ts', 'BenchMap');
	const browser = await launchSoftwareChromium();
	try {
		const page = await openMapPage(browser, 'network bench', mapCode, log);
		const net = manifest.archives.network;
		// the network archive's own centre (where its features are)
		const centre: [number, number] = [net.center[0]!, net.center[1]!];
		await page.evaluate(
			({ centre, workerCode, network }) =>
				(
					window as unknown as { BenchMap: { start: (...a: unknown[]) => Promise<void> } }
				).BenchMap.start(document.getElementById('map')!, centre, workerCode, network),
			{
				centre,
				network: {
					b64: readFileSync(path.join(REPO_ROOT, path.dirname(source), net.file)).toString(
						'base64',
					),
					layer: net.layers[0]!.id,
				},
				workerCode: readFileSync(
					path.join(REPO_ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'),
					'utf8',
				),
			},
		);
		type B = {
			BenchMap: {
				use: (w: string, p: string) => Promise<number>;
				switchProfile: (w: string, p: string) => Promise<number>;
				pan: (dx: number) => Promise<number>;
				rendered: () => Record<string, number>;
			};
		};
		const once = (way: 'opacity' | 'filtered', k: number) =>
			page.evaluate(
				async ({ way, k }) => {
					const m = (window as unknown as B).BenchMap;
					const first = await m.use(way, 'walking');
					const drawn = m.rendered();
					const a = await m.switchProfile(way, 'wheelchair');
					const b = await m.switchProfile(way, 'walking');
					const panMs = await m.pan(k % 2 === 0 ? 500 : -500);
					// back, untimed: each way starts from the same view
					await m.pan(k % 2 === 0 ? -500 : 500);
					return { first, switchMs: (a + b) / 2, panMs, drawn };
				},
				{ way, k },
			);
		const cols = {
			opacity: { first: [] as number[], switchMs: [] as number[], panMs: [] as number[] },
			filtered: { first: [] as number[], switchMs: [] as number[], panMs: [] as number[] },
		};
		const drawnSeen: Record<string, Record<string, number>> = {};
		const loadBefore = loadavg()[0]!;
		for (let k = 0; k < runs + 2; k++) {
			const order =
				k % 2 === 0 ? (['opacity', 'filtered'] as const) : (['filtered', 'opacity'] as const);
			const got: Record<string, Awaited<ReturnType<typeof once>>> = {};
			for (const way of order) got[way] = await once(way, k);
			for (const way of order) drawnSeen[way] = got[way]!.drawn;
			if (k < 2) continue;
			for (const way of order)
				for (const key of ['first', 'switchMs', 'panMs'] as const)
					cols[way][key].push(got[way]![key]);
		}
		const ratio = (key: 'first' | 'switchMs' | 'panMs') =>
			Number((spread(cols.filtered[key]).median / spread(cols.opacity[key]).median).toPrecision(3));
		return {
			runs,
			opacity: {
				firstDrawMs: spread(cols.opacity.first),
				profileSwitchMs: spread(cols.opacity.switchMs),
				panMs: spread(cols.opacity.panMs),
			},
			filtered: {
				firstDrawMs: spread(cols.filtered.first),
				profileSwitchMs: spread(cols.filtered.switchMs),
				panMs: spread(cols.filtered.panMs),
			},
			ratioFilteredToOpacity: {
				firstDraw: ratio('first'),
				profileSwitch: ratio('switchMs'),
				pan: ratio('panMs'),
			},
			renderedFeaturesLastRun: drawnSeen,
			loadAverage1m: { before: loadBefore, after: loadavg()[0]! },
			note: 'ms from the change, on a settled map, to its frame drawn by the GPU process (lib/frame-moments.ts), software WebGL. opacity: the app (every edge in both layers, each hiding the edges of the other: the known layer by a transparent colour, the unknown by opacity 0); filtered: one layer per purpose by the tile status',
		};
	} finally {
		await browser.close();
	}
}
