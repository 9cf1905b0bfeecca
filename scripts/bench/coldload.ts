/**
 * `npm run bench -- coldload [--rounds N] [--area ID] [--network throttled|unthrottled] [--waterfall]`:
 * a first visit to the production build
 * against a plain MapLibre page (scripts/bench/plain-maplibre/: maplibre-gl, the pmtiles protocol
 * and one style with the app's basemap layers) over the same basemap.pmtiles, served by the same
 * `vite preview` server. Issue #12 point 4.
 *
 * Every load is cold: a new browser context (no cache, no service worker: they are blocked), and
 * the HTTP cache disabled through CDP. Rounds interleave the three loads, their order alternating:
 * - plain: the plain page, until its map's first `idle`;
 * - app: the app, untouched, until its map's first full frame (`data-map-ready`, after `idle`);
 * - appSearch: the app, where the resident types a query in the first search box there is (the
 *   HTML shell's, which takes typing from the first paint and carries it over into the app), until
 *   the first result shows (its map loads meanwhile).
 * Two networks: unthrottled (loopback), and throttled through CDP (400 kbit/s both ways, 400 ms
 * latency, CPU slowed 4×). Times are from navigation start: first contentful paint (and first
 * paint), the shell's search box (usable: it takes typing), the app's own search box (the app
 * replaced the shell's; a resident who types first brings it on at once), the first result, and
 * map idle. Bytes are what the browser received until map idle (encoded, headers included), per
 * kind: JS, the MapLibre worker, CSS, fonts, data (archives, manifests, search), document, other.
 *
 * `--network` runs one of the two networks only. `--waterfall` adds, per network, the requests of
 * the first round's plain page and app until map idle: path, kind, start and end (ms from the
 * document's request) and bytes, in the order they started: what waits for what shows there.
 *
 * WebGL is software (SwiftShader), as in the e2e tests: the map's drawing costs more CPU than on a
 * phone's GPU, for both pages alike.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { preview } from 'vite';
import { parseManifest } from '../../src/data/tiles.ts';
import { basemapStyle } from '../../src/map/style/basemap.ts';
import { CATEGORIES } from '../../src/contracts/taxonomy.ts';
import { buildApp } from '../lib/build-app.ts';
import { spread } from './lib/stats.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
	'--no-sandbox',
	'--disable-quic',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
];
const TIMEOUT_MS = 300_000;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const PLAIN_DIR = path.join(HERE, 'plain-maplibre');

interface Network {
	name: string;
	/** CDP Network.emulateNetworkConditions; undefined: as it is. */
	conditions?: { latency: number; downloadThroughput: number; uploadThroughput: number };
	cpuRate: number;
}
const NETWORKS: Network[] = [
	{ name: 'unthrottled', cpuRate: 1 },
	{
		name: 'throttled',
		conditions: { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 },
		cpuRate: 4,
	},
];

type Kind = 'js' | 'worker' | 'css' | 'font' | 'data' | 'document' | 'image' | 'other';

interface Load {
	fcpMs: number;
	firstPaintMs: number;
	/** The shell's search box, taking typing (usable). */
	shellSearchBoxMs?: number;
	/** The app's own search box. */
	searchBoxMs?: number;
	resultsMs?: number;
	mapIdleMs: number;
	/** Bytes received until map idle, per kind, and the requests. */
	bytes: Record<Kind, number>;
	requests: number;
	/** Requests per path (query dropped) until map idle: what was downloaded twice shows here. */
	paths: Record<string, number>;
	/** Every request until map idle, in the order they started (`--waterfall`). */
	waterfall: Request[];
}

/** One request of a load: times in ms from the document's request, bytes on the wire. */
interface Request {
	path: string;
	kind: Kind;
	startMs: number;
	/** When its last byte came; undefined: not finished at map idle. */
	endMs?: number;
	bytes?: number;
}

/**
 * Marks, in the page, the app's search box, the first search result and the map's first full
 * frame. A string, not a function: tsx would wrap inner functions in a helper the page lacks.
 */
const RECORD = `
	const marks = (window.benchMarks ??= {});
	const check = () => {
		const box = document.querySelector('[data-testid="search-input"]');
		if (!marks.searchBox && box) marks.searchBox = performance.now();
		if (!marks.shellBox && document.getElementById('shell-search')) marks.shellBox = performance.now();
		if (!marks.results && document.querySelector('[data-testid="search-option"]')) marks.results = performance.now();
		if (!marks.map && document.querySelector('[data-map-ready="true"]')) marks.map = performance.now();
	};
	new MutationObserver(check).observe(document, {
		subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-ready'],
	});
`;

/** A free TCP port on the loopback. */
async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/** Serves the plain page under /bench-plain/: its files, maplibre-gl, pmtiles, the font, a style. */
function plainPage(styleJson: () => string) {
	const files: Record<string, [string, string]> = {
		'/bench-plain/': [path.join(PLAIN_DIR, 'index.html'), 'text/html; charset=utf-8'],
		'/bench-plain/page.js': [path.join(PLAIN_DIR, 'page.js'), 'text/javascript'],
		'/bench-plain/page.css': [path.join(PLAIN_DIR, 'page.css'), 'text/css'],
		'/bench-plain/maplibre-gl.mjs': [
			path.join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.mjs'),
			'text/javascript',
		],
		'/bench-plain/maplibre-gl-worker.mjs': [
			path.join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'),
			'text/javascript',
		],
		'/bench-plain/maplibre-gl.css': [
			path.join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.css'),
			'text/css',
		],
		'/bench-plain/pmtiles.js': [
			path.join(ROOT, 'node_modules/pmtiles/dist/pmtiles.js'),
			'text/javascript',
		],
	};
	for (const weight of [400, 700])
		files[`/bench-plain/noto-sans-latin-${weight}-normal.woff2`] = [
			path.join(
				ROOT,
				`node_modules/@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff2`,
			),
			'font/woff2',
		];
	// Compressed as `vite preview` compresses the app's files (gzip at zlib's default level, text
	// types only), so both pages are served alike.
	const send = (req: IncomingMessage, res: ServerResponse, type: string, body: Buffer) => {
		res.setHeader('Content-Type', type);
		if (!type.startsWith('font/') && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
			res.setHeader('Content-Encoding', 'gzip');
			res.setHeader('Vary', 'Accept-Encoding');
			res.end(gzipSync(body));
		} else res.end(body);
	};
	return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
		const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
		if (!pathname.startsWith('/bench-plain/')) return next();
		res.setHeader('Cache-Control', 'no-cache');
		if (pathname === '/bench-plain/style.json') {
			send(req, res, 'application/json', Buffer.from(styleJson()));
			return;
		}
		const file = files[pathname];
		if (!file) {
			res.statusCode = 404;
			res.end();
			return;
		}
		send(req, res, file[1], readFileSync(file[0]));
	};
}

function kindOf(type: string | undefined, url: string): Kind {
	const p = new URL(url).pathname;
	if (/worker/i.test(p) && /\.m?js$/.test(p)) return 'worker';
	if (type === 'Script' || /\.m?js$/.test(p)) return 'js';
	if (type === 'Stylesheet' || p.endsWith('.css')) return 'css';
	if (type === 'Font' || /\.(woff2?|ttf|otf)$/.test(p)) return 'font';
	if (type === 'Document') return 'document';
	if (type === 'Image') return 'image';
	if (type === 'Fetch' || type === 'XHR' || p.startsWith('/tiles/') || p.endsWith('.json'))
		return 'data';
	return 'other';
}

/** Tracks what the page receives (CDP Network events) until `stop()`. */
function trackBytes(cdp: CDPSession) {
	const kinds = new Map<string, Kind>();
	const bytes: Record<Kind, number> = {
		js: 0,
		worker: 0,
		css: 0,
		font: 0,
		data: 0,
		document: 0,
		image: 0,
		other: 0,
	};
	const paths: Record<string, number> = {};
	const waterfall = new Map<string, Request>();
	/** The document's request (CDP's monotonic clock, seconds): time 0 of the waterfall. */
	let t0: number | undefined;
	let requests = 0;
	let stopped = false;
	cdp.on('Network.responseReceived', (e) => {
		if (!e.response.url.startsWith('http')) return;
		kinds.set(e.requestId, kindOf(e.type, e.response.url));
	});
	cdp.on('Network.requestWillBeSent', (e) => {
		if (stopped || !e.request.url.startsWith('http')) return;
		// (a worker's own script has no responseReceived here: its kind comes from the request)
		const kind = kindOf(e.type, e.request.url);
		kinds.set(e.requestId, kind);
		const p = new URL(e.request.url).pathname;
		paths[p] = (paths[p] ?? 0) + 1;
		requests++;
		t0 ??= e.timestamp;
		waterfall.set(e.requestId, {
			path: p,
			kind,
			startMs: Math.round((e.timestamp - t0) * 1000),
		});
	});
	cdp.on('Network.loadingFinished', (e) => {
		if (stopped) return;
		const kind = kinds.get(e.requestId);
		if (kind) bytes[kind] += e.encodedDataLength;
		const request = waterfall.get(e.requestId);
		if (request && t0 !== undefined) {
			request.endMs = Math.round((e.timestamp - t0) * 1000);
			request.bytes = e.encodedDataLength;
		}
	});
	return {
		/**
		 * Ends the count. A worker's own script reaches CDP's page session as a request only (no
		 * `loadingFinished`): its bytes and end come from the page's Resource Timing (`workerScripts`:
		 * transfer size and response end, ms from navigation start, of each worker script finished
		 * by then).
		 */
		stop(workerScripts: Record<string, { bytes: number; endMs: number }>) {
			stopped = true;
			for (const request of waterfall.values()) {
				const script = workerScripts[request.path];
				if (request.kind !== 'worker' || request.endMs !== undefined || !script) continue;
				request.endMs = Math.round(script.endMs);
				request.bytes = script.bytes;
				bytes.worker += script.bytes;
			}
			return {
				bytes: { ...bytes },
				requests,
				paths: { ...paths },
				waterfall: [...waterfall.values()].sort((a, b) => a.startMs - b.startMs),
			};
		},
	};
}

async function coldLoad(
	browser: Browser,
	url: string,
	network: Network,
	typeQuery: string | undefined,
): Promise<Load> {
	const context = await browser.newContext({
		serviceWorkers: 'block',
		viewport: { width: 1280, height: 800 },
	});
	try {
		await context.addInitScript(RECORD);
		const page: Page = await context.newPage();
		// What goes wrong in a page shows on stderr (a load that never ends says why).
		page.on('pageerror', (e) => process.stderr.write(`  page error: ${e.message}\n`));
		page.on('console', (m) => {
			if (m.type() === 'error') process.stderr.write(`  console: ${m.text()}\n`);
		});
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		if (network.conditions)
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				...network.conditions,
			});
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: network.cpuRate });
		const tracked = trackBytes(cdp);
		await page.goto(url, { timeout: TIMEOUT_MS, waitUntil: 'commit' });
		if (typeQuery !== undefined) {
			// the first box there is: the shell's from the first paint, or the app's once it replaced it
			const box = page.locator('#shell-search, [data-testid="search-input"]').first();
			await box.waitFor({ timeout: TIMEOUT_MS });
			await box.fill(typeQuery, { timeout: TIMEOUT_MS });
			await page.waitForFunction(
				() => (window as unknown as { benchMarks?: { results?: number } }).benchMarks?.results,
				null,
				{ timeout: TIMEOUT_MS, polling: 100 },
			);
		}
		await page.waitForFunction(
			() => (window as unknown as { benchMarks?: { map?: number } }).benchMarks?.map,
			null,
			{ timeout: TIMEOUT_MS, polling: 100 },
		);
		// A string: tsx would wrap an inner function in a helper the page lacks.
		const workerScripts = (await page.evaluate(`(() => {
			const got = {};
			for (const e of performance.getEntriesByType('resource'))
				if (/worker/i.test(new URL(e.name).pathname) && e.responseEnd > 0 && e.responseEnd <= window.benchMarks.map)
					got[new URL(e.name).pathname] = { bytes: e.transferSize, endMs: e.responseEnd };
			return got;
		})()`)) as Record<string, { bytes: number; endMs: number }>;
		const got = tracked.stop(workerScripts);
		// A string: tsx would wrap an inner function in a helper the page lacks.
		const marks = (await page.evaluate(`(() => {
			const paint = {};
			for (const e of performance.getEntriesByType('paint')) paint[e.name] = e.startTime;
			return { ...window.benchMarks, fcp: paint['first-contentful-paint'] ?? NaN, fp: paint['first-paint'] ?? NaN };
		})()`)) as Record<string, number>;
		return {
			fcpMs: marks['fcp']!,
			firstPaintMs: marks['fp']!,
			...(marks['shellBox'] !== undefined ? { shellSearchBoxMs: marks['shellBox'] } : {}),
			...(marks['searchBox'] !== undefined ? { searchBoxMs: marks['searchBox'] } : {}),
			...(marks['results'] !== undefined && typeQuery !== undefined
				? { resultsMs: marks['results'] }
				: {}),
			mapIdleMs: marks['map']!,
			...got,
		};
	} finally {
		await context.close();
	}
}

const KINDS = ['plain', 'app', 'appSearch'] as const;

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const roundsArg = args.indexOf('--rounds');
	const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 5;
	if (!Number.isInteger(rounds) || rounds < 1)
		throw new Error(`--rounds must be a whole number ≥ 1`);
	const networkArg = args.indexOf('--network');
	const networks =
		networkArg >= 0 ? NETWORKS.filter((n) => n.name === args[networkArg + 1]) : NETWORKS;
	if (networks.length === 0)
		throw new Error(`--network must be one of ${NETWORKS.map((n) => n.name).join(', ')}`);
	const withWaterfall = args.includes('--waterfall');
	const areaArg = args.indexOf('--area');
	const index = JSON.parse(readFileSync(path.join(ROOT, 'tiles/areas.json'), 'utf8')) as {
		areas: { id: string; municipalities: unknown[] }[];
	};
	// By default the built area of the most municipalities: the largest first view.
	const largest = [...index.areas].sort(
		(a, b) => b.municipalities.length - a.municipalities.length,
	)[0];
	const areaId = areaArg >= 0 ? args[areaArg + 1] : largest?.id;
	if (!areaId || !index.areas.some((a) => a.id === areaId))
		throw new Error(
			`no built area ${areaId ?? ''} in tiles/areas.json (known: ${index.areas.map((a) => a.id).join(', ')})`,
		);
	// A kind of help's label, as a resident would type it.
	const query = CATEGORIES[0]!.labels.nl;

	const outDir = mkdtempSync(path.join(tmpdir(), 'buurtkaart-coldload-'));
	let server: Awaited<ReturnType<typeof preview>> | undefined;
	let browser: Browser | undefined;
	try {
		buildApp(outDir, 'coldload');
		const port = await freePort();
		const origin = `http://127.0.0.1:${port}`;
		const tiles = parseManifest(
			JSON.parse(readFileSync(path.join(ROOT, 'tiles', areaId, 'manifest.json'), 'utf8')),
			`${origin}/tiles/${areaId}/manifest.json`,
		);
		const basemap = tiles.archives.basemap;
		if (!basemap) throw new Error(`area ${areaId} has no basemap.pmtiles: nothing to compare`);
		const styleJson = () =>
			JSON.stringify({
				...basemapStyle({
					url: `pmtiles://${basemap.url}`,
					attribution: '© OpenStreetMap',
					minzoom: basemap.minzoom,
					maxzoom: basemap.maxzoom,
					fontFaces: {
						'Noto Sans Regular': `${origin}/bench-plain/noto-sans-latin-400-normal.woff2`,
						'Noto Sans Bold': `${origin}/bench-plain/noto-sans-latin-700-normal.woff2`,
					},
				}),
				metadata: { bounds: tiles.bbox },
			});
		server = await preview({
			logLevel: 'error',
			build: { outDir },
			preview: { host: '127.0.0.1', port, strictPort: true },
		});
		(
			server.middlewares as unknown as { stack: { route: string; handle: unknown }[] }
		).stack.unshift({ route: '', handle: plainPage(styleJson) });
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
		const urls = {
			plain: `${origin}/bench-plain/`,
			app: `${origin}/?area=${encodeURIComponent(areaId)}`,
			appSearch: `${origin}/?area=${encodeURIComponent(areaId)}`,
		};

		const loads: Record<string, Record<(typeof KINDS)[number], Load[]>> = {};
		for (let round = 1; round <= rounds; round++)
			for (const network of networks) {
				const r = (loads[network.name] ??= { plain: [], app: [], appSearch: [] });
				const order = round % 2 === 1 ? KINDS : [...KINDS].reverse();
				for (const kind of order) {
					process.stderr.write(`round ${round}/${rounds}, ${network.name}, ${kind}\n`);
					r[kind].push(
						await coldLoad(browser, urls[kind], network, kind === 'appSearch' ? query : undefined),
					);
				}
			}

		const series = (ls: Load[], pick: (l: Load) => number | undefined) =>
			spread(
				ls.map(pick).filter((x): x is number => x !== undefined && Number.isFinite(x)),
				4,
			);
		const ratios = (a: Load[], b: Load[], pick: (l: Load) => number) =>
			spread(
				a.map((l, i) => pick(l) / pick(b[i]!)),
				3,
			);
		const summary = (ls: Load[]) => ({
			fcpMs: series(ls, (l) => l.fcpMs),
			firstPaintMs: series(ls, (l) => l.firstPaintMs),
			shellSearchBoxMs: series(ls, (l) => l.shellSearchBoxMs),
			searchBoxMs: series(ls, (l) => l.searchBoxMs),
			resultsMs: series(ls, (l) => l.resultsMs),
			mapIdleMs: series(ls, (l) => l.mapIdleMs),
			bytesUntilMapIdle: Object.fromEntries(
				Object.keys(ls[0]!.bytes).map((k) => [k, series(ls, (l) => l.bytes[k as Kind])]),
			),
			totalBytesUntilMapIdle: series(ls, (l) => Object.values(l.bytes).reduce((t, b) => t + b, 0)),
			requestsUntilMapIdle: series(ls, (l) => l.requests),
			requestedMoreThanOnce: Object.fromEntries(
				Object.entries(ls[0]!.paths).filter(([, n]) => n > 1),
			),
			pathsUntilMapIdle: Object.keys(ls[0]!.paths).sort(),
		});
		const perNetwork = Object.fromEntries(
			Object.entries(loads).map(([name, r]) => [
				name,
				{
					plain: summary(r.plain),
					app: summary(r.app),
					appSearch: summary(r.appSearch),
					...(withWaterfall
						? { waterfall: { plain: r.plain[0]!.waterfall, app: r.app[0]!.waterfall } }
						: {}),
					// per round: the app's load over the plain page's load of the same round
					ratioAppToPlain: {
						mapIdle: ratios(r.app, r.plain, (l) => l.mapIdleMs),
						fcp: ratios(r.app, r.plain, (l) => l.fcpMs),
						totalBytesUntilMapIdle: ratios(r.app, r.plain, (l) =>
							Object.values(l.bytes).reduce((t, b) => t + b, 0),
						),
					},
				},
			]),
		);
		const throttled = perNetwork['throttled']?.ratioAppToPlain;
		return {
			rounds,
			area: areaId,
			query,
			webgl: 'software (SwiftShader), both pages',
			networks,
			loads: perNetwork,
			target: { mapIdleThrottledMax: 1.0, fcpMax: 0.3 },
			meetsTarget: {
				...(throttled ? { mapIdleThrottled: throttled.mapIdle.median <= 1.0 } : {}),
				fcp: Object.values(perNetwork).every((n) => n.ratioAppToPlain.fcp.median <= 0.3),
			},
		};
	} finally {
		await browser?.close();
		await server?.close();
		rmSync(outDir, { recursive: true, force: true });
	}
}
