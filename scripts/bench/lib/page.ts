/**
 * What the Chromium benches share to run the app's own modules on a plain page: an IIFE bundle of a
 * bench module, and the analysis worker started in the page with the bundle loaded.
 */
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { REPO_ROOT } from '../../lib/version.ts';

/** Debian's Chromium with software WebGL (SwiftShader), as the e2e tests run the app's map. */
export function launchSoftwareChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
	});
}

/**
 * A 1280 × 800 page of `browser` holding one full-window `#map` element and `mapCode` (a
 * {@link bundleForPage} IIFE); the page's errors go to `log`.
 */
export async function openMapPage(
	browser: Browser,
	title: string,
	mapCode: string,
	log: (line: string) => void,
): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	page.on('pageerror', (e) => log(`page error: ${e.message}`));
	await page.setContent(
		`<!doctype html><title>${title}</title><div id="map" style="position:absolute;inset:0"></div>`,
	);
	// tsx keeps function names with an `__name` helper that the page does not have
	await page.evaluate('window.__name = (f) => f');
	await page.addScriptTag({ content: mapCode });
	return page;
}

/** Bundles one bench module for a plain page (an IIFE exposing `name`). */
export async function bundleForPage(entry: string, name: string): Promise<string> {
	const out = (await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			write: false,
			minify: true,
			// as the app's own build (vite.config.ts): the same syntax reaches the same engine
			target: 'es2022',
			lib: { entry: path.join(REPO_ROOT, entry), formats: ['iife'], name },
		},
	})) as { output: { code?: string }[] }[] | { output: { code?: string }[] };
	return (Array.isArray(out) ? out[0]! : out).output.find((o) => o.code)!.code!;
}

/**
 * Starts `workerCode` (an analysis worker bundle) as a Worker in the page, exposes
 * `window.request(type, params)` speaking the worker's protocol, and loads `bundle` into it.
 * (The page needs `window.__name` set first: tsx keeps function names with that helper.)
 */
export async function startPageWorker(
	page: Page,
	workerCode: string,
	bundle: Uint8Array,
): Promise<void> {
	await page.evaluate(
		async ({ code, b64 }) => {
			const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
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
			await request('load', { bytes: Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer });
		},
		{ code: workerCode, b64: Buffer.from(bundle).toString('base64') },
	);
}
