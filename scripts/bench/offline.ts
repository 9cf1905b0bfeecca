/**
 * `npm run bench -- offline [--rounds N]`: what the service worker (issue #13) changes for a
 * resident, measured side by side in the same run, rounds interleaved, in Chromium against a
 * production build served by `vite preview`:
 * - load time without the service worker: a cold first visit, and a second visit (warm HTTP cache);
 * - load time with it: a second visit (warm precache and area kept), and one with no connection;
 * - the bytes it stores: the area's files kept for offline use (per file) and the app shell it
 *   precaches, plus what the browser reports as used (`navigator.storage.estimate()`).
 * Each load is timed from navigation start to the app's search box (the app replaced the HTML
 * shell) and to the map's first complete frame (`data-map-ready`), recorded in the page by a
 * MutationObserver; the server counts the bytes it sends meanwhile (to the page and to the service
 * worker alike, as sent: gzip where Vite's preview compresses) and the requests it answers. Two networks: the loopback as it is, and a slow mobile link simulated in the
 * server (150 ms per request, 1.6 Mbit/s shared, as Lighthouse's "slow 4G"), so the service
 * worker's own network requests are slowed the same as the page's.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { preview } from 'vite';
import { buildApp } from '../lib/build-app.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
	'--no-sandbox',
	'--disable-quic',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
];
const TIMEOUT_MS = 180_000;

interface Link {
	name: string;
	/** Added to every request before its answer starts. */
	rttMs: number;
	/** Shared by all responses; 0: unlimited. */
	kbitPerS: number;
}
const LINKS: Link[] = [
	{ name: 'loopback', rttMs: 0, kbitPerS: 0 },
	{ name: 'slow4g', rttMs: 150, kbitPerS: 1600 },
];

interface Load {
	appMs: number;
	mapMs: number;
	/** Bytes the server sent (as sent: gzip where it compresses) and requests it answered. */
	bytes: number;
	requests: number;
}

/** What the server is doing now: the link it simulates, and what it sent since the last reset. */
interface ServerState {
	link: Link;
	bytes: number;
	requests: number;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
const round = (x: number) => Math.round(x);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

/**
 * A connect middleware that counts what the server sends (to the page and to the service worker
 * alike), makes every answer wait `link.rttMs` and paces its bytes through one shared link of
 * `link.kbitPerS`. Switched per phase through `state`.
 */
function slowLink(state: ServerState) {
	let linkFreeAt = 0;
	return (_req: IncomingMessage, res: ServerResponse, next: () => void) => {
		const { link } = state;
		state.requests++;
		let chain = sleep(link.rttMs);
		const pace = async (bytes: number) => {
			state.bytes += bytes;
			if (link.kbitPerS === 0 || bytes === 0) return;
			const now = Date.now();
			linkFreeAt = Math.max(now, linkFreeAt) + (bytes * 8) / link.kbitPerS;
			await sleep(linkFreeAt - now);
		};
		const write = res.write.bind(res) as (...a: unknown[]) => boolean;
		const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
		const size = (chunk: unknown) =>
			typeof chunk === 'string'
				? Buffer.byteLength(chunk)
				: chunk instanceof Uint8Array
					? chunk.length
					: 0;
		res.write = ((chunk: unknown, ...rest: unknown[]) => {
			chain = chain.then(() => pace(size(chunk))).then(() => void write(chunk, ...rest));
			return true;
		}) as typeof res.write;
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			chain = chain.then(() => pace(size(chunk))).then(() => void end(chunk, ...rest));
			return res;
		}) as typeof res.end;
		next();
	};
}

/**
 * Records, in the page, when the app's search box and the map's first frame appear. A string, not a
 * function: tsx would wrap a function's inner functions in a helper the page does not have.
 */
const RECORD_READY = `
	const marks = {};
	window.benchMarks = marks;
	const check = () => {
		if (!marks.app && document.querySelector('[data-testid="search-input"]')) marks.app = performance.now();
		if (!marks.map && document.querySelector('[data-map-ready="true"]')) marks.map = performance.now();
	};
	new MutationObserver(check).observe(document, {
		subtree: true, childList: true, attributes: true, attributeFilter: ['data-map-ready'],
	});
`;

async function timedVisit(context: BrowserContext, url: string, state: ServerState): Promise<Load> {
	const page = await context.newPage();
	try {
		state.bytes = 0;
		state.requests = 0;
		await page.goto(url, { timeout: TIMEOUT_MS });
		await page.waitForFunction(
			() => (window as unknown as { benchMarks?: { map?: number } }).benchMarks?.map,
			null,
			{ timeout: TIMEOUT_MS },
		);
		const marks = await page.evaluate(
			() => (window as unknown as { benchMarks: { app: number; map: number } }).benchMarks,
		);
		return { appMs: marks.app, mapMs: marks.map, bytes: state.bytes, requests: state.requests };
	} finally {
		await page.close();
	}
}

async function newContext(browser: Browser, serviceWorkers: 'allow' | 'block') {
	const context = await browser.newContext({
		serviceWorkers,
		viewport: { width: 1280, height: 800 },
	});
	await context.addInitScript(RECORD_READY);
	return context;
}

/** A first visit that installs the service worker and keeps the area; returns what is stored. */
async function install(context: BrowserContext, url: string) {
	const page = await context.newPage();
	await page.goto(url, { timeout: TIMEOUT_MS });
	await page.waitForFunction(
		async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated',
		null,
		{ timeout: TIMEOUT_MS, polling: 500 },
	);
	await page.waitForSelector('[data-testid="offline-area"][data-state="stored"]', {
		timeout: TIMEOUT_MS,
	});
	await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT_MS });
	const stored = await page.evaluate(async () => {
		const sizes: Record<string, number> = {};
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const response = await cache.match(request);
				sizes[`${name} ${new URL(request.url).pathname}`] = (await response!.blob()).size;
			}
		}
		const estimate = await navigator.storage.estimate();
		return {
			panelBytes: Number(
				document.querySelector('[data-testid="offline-area"]')!.getAttribute('data-bytes'),
			),
			sizes,
			usageBytes: estimate.usage ?? 0,
		};
	});
	await page.close();
	return stored;
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const roundsArg = args.indexOf('--rounds');
	const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 3;
	if (!Number.isInteger(rounds) || rounds < 1)
		throw new Error(`--rounds must be a whole number ≥ 1`);
	const outDir = mkdtempSync(path.join(tmpdir(), 'buurtkaart-offline-'));
	const current: ServerState = { link: LINKS[0]!, bytes: 0, requests: 0 };
	let server: Awaited<ReturnType<typeof preview>> | undefined;
	let browser: Browser | undefined;
	try {
		buildApp(outDir, 'offline');
		const port = await freePort();
		server = await preview({
			logLevel: 'error',
			build: { outDir },
			preview: { host: '127.0.0.1', port, strictPort: true },
		});
		// First in the stack, so every answer (app, tiles, service worker script) goes through it.
		(
			server.middlewares as unknown as { stack: { route: string; handle: unknown }[] }
		).stack.unshift({
			route: '',
			handle: slowLink(current),
		});
		const url = `http://127.0.0.1:${port}/`;
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

		const results: Record<string, Record<string, Load[]>> = {};
		let stored: Awaited<ReturnType<typeof install>> | undefined;
		for (let round = 1; round <= rounds; round++) {
			for (const link of LINKS) {
				current.link = link;
				const r = (results[link.name] ??= {
					withoutServiceWorkerCold: [],
					withoutServiceWorkerSecondVisit: [],
					withServiceWorkerSecondVisit: [],
					withServiceWorkerOffline: [],
				});
				process.stderr.write(`round ${round}/${rounds}, ${link.name}\n`);
				const plain = await newContext(browser, 'block');
				r.withoutServiceWorkerCold!.push(await timedVisit(plain, url, current));
				r.withoutServiceWorkerSecondVisit!.push(await timedVisit(plain, url, current));
				await plain.close();

				const pwa = await newContext(browser, 'allow');
				const kept = await install(pwa, url);
				stored ??= kept;
				r.withServiceWorkerSecondVisit!.push(await timedVisit(pwa, url, current));
				await pwa.setOffline(true);
				r.withServiceWorkerOffline!.push(await timedVisit(pwa, url, current));
				await pwa.close();
			}
		}

		const summary = (loads: Load[]) => ({
			appMedianMs: round(median(loads.map((l) => l.appMs))),
			mapMedianMs: round(median(loads.map((l) => l.mapMs))),
			mapMs: loads.map((l) => round(l.mapMs)),
			sentBytesMedian: median(loads.map((l) => l.bytes)),
			requestsMedian: median(loads.map((l) => l.requests)),
		});
		const areaFiles = Object.entries(stored!.sizes).filter(([k]) => k.includes(' /tiles/'));
		const shellFiles = Object.entries(stored!.sizes).filter(([k]) => !k.includes(' /tiles/'));
		const manifest = JSON.parse(
			readFileSync(path.join(outDir, 'manifest.webmanifest'), 'utf8'),
		) as {
			name: string;
		};
		return {
			rounds,
			app: manifest.name,
			loads: Object.fromEntries(
				Object.entries(results).map(([link, r]) => [
					link,
					Object.fromEntries(Object.entries(r).map(([k, loads]) => [k, summary(loads)])),
				]),
			),
			storedAreaBytes: stored!.panelBytes,
			storedAreaFiles: Object.fromEntries(areaFiles.map(([k, v]) => [k.split(' ')[1], v])),
			precachedShellBytes: shellFiles.reduce((t, [, v]) => t + v, 0),
			precachedShellFiles: shellFiles.length,
			storageEstimateUsageBytes: stored!.usageBytes,
			links: LINKS,
		};
	} finally {
		await browser?.close();
		await server?.close();
		rmSync(outDir, { recursive: true, force: true });
	}
}
