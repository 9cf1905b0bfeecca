/**
 * What the Chromium benches share to run the app's own modules on a plain page: an IIFE bundle of a
 * bench module, and the analysis worker started in the page with the bundle loaded.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { REPO_ROOT } from '../../lib/version.ts';

/** Bundles one bench module for a plain page (an IIFE exposing `name`). */
export async function bundleForPage(entry: string, name: string): Promise<string> {
	const out = (await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			write: false,
			minify: true,
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
