/**
 * `npm run bench -- bundle`: builds the app and measures what a first visit downloads: the app's
 * own JavaScript (entry chunk and the chunks it preloads, maplibre-gl excepted) against the
 * maplibre-gl chunk beside it, gzip-compressed (level 9). Target (issue #6): app JS ≤ 60 KB gzip.
 * Lazily loaded chunks (opening-hours parser, supabase-js, the analysis worker) are listed apart.
 * The first view's map (src/map/first-map.ts: MapLibre's setup, the pmtiles protocol and the
 * style) is imported dynamically by the entry (src/start.ts) at once, and preloaded from the HTML
 * (issue #12): `firstViewAppJsGzipKB` counts it with the entry; `appJsGzipKB` is what the HTML
 * loads and preloads. The app itself (src/main.ts and what it imports: Svelte, the panels' code,
 * the texts) loads after the map's first idle: `afterFirstViewGzipKB`, not part of the first view.
 *
 * `firstViewGzipKB` adds what else the browser downloads before the map's first view, whatever the
 * data: maplibre-gl, MapLibre's worker script (a file of its own, started at once), the CSS the HTML
 * links or preloads (MapLibre's own comes with the app's map view), and the map's label fonts
 * (src/map/fonts.ts). The data read until map idle (archives' byte ranges, manifests) depends on
 * the area and the view: `npm run bench -- coldload` counts every byte the browser really receives
 * until map idle, per kind.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp } from '../lib/build-app.ts';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Modules the entry imports dynamically as it starts (src/start.ts): the first view's map. */
const AT_START = ['src/map/first-map.ts'];
/** The app, loaded after the first view (src/start.ts). */
const APP = 'src/main.ts';

export async function run(): Promise<Record<string, unknown>> {
	const outDir = mkdtempSync(path.join(tmpdir(), 'buurtkaart-bundle-'));
	try {
		buildApp(outDir, 'bundle', ['--manifest']);
		const viteManifest = JSON.parse(
			readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8'),
		) as Record<string, { file: string; imports?: string[] }>;
		const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
		const initial = [
			...html.matchAll(/<script[^>]+src="\/(assets\/[^"]+\.js)"/g),
			...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/(assets\/[^"]+\.js)"/g),
		].map((m) => m[1]!);
		const size = (file: string) => {
			const bytes = readFileSync(path.join(outDir, file));
			return { file, rawKB: kb(bytes.length), gzipKB: kb(gzipSync(bytes, { level: 9 }).length) };
		};
		const first = initial.map(size);
		const maplibre = first.filter((f) => /maplibre-gl/.test(f.file));
		const app = first.filter((f) => !/maplibre-gl/.test(f.file));
		const appGzipKB = kb(app.reduce((t, f) => t + f.gzipKB * 1024, 0));
		// The chunks of the modules loaded at start and what they import (maplibre-gl apart).
		const startFiles = new Set<string>();
		const add = (key: string) => {
			const entry = viteManifest[key];
			if (!entry || startFiles.has(entry.file)) return;
			startFiles.add(entry.file);
			for (const i of entry.imports ?? []) add(i);
		};
		for (const m of AT_START) add(m);
		const beforeApp = new Set([...initial, ...startFiles]);
		add(APP);
		const afterFirstView = [...startFiles].filter((f) => !beforeApp.has(f));
		for (const f of afterFirstView) startFiles.delete(f);
		const atStart = [...startFiles]
			.filter((f) => !initial.includes(f) && !/maplibre-gl/.test(f))
			.map(size);
		const lazy = readdirSync(path.join(outDir, 'assets'))
			.filter(
				(f) =>
					f.endsWith('.js') && !initial.includes(`assets/${f}`) && !startFiles.has(`assets/${f}`),
			)
			.map((f) => size(`assets/${f}`));
		const firstViewGzipKB = kb([...app, ...atStart].reduce((t, f) => t + f.gzipKB * 1024, 0));
		const assets = readdirSync(path.join(outDir, 'assets'));
		const worker = assets
			.filter((f) => /^maplibre-gl-worker.*\.js$/.test(f))
			.map((f) => size(`assets/${f}`));
		const css = [...html.matchAll(/<link[^>]+href="\/(assets\/[^"]+\.css)"/g)].map((m) =>
			size(m[1]!),
		);
		// fonts are compressed already: counted as they are
		const fonts = assets
			.filter((f) => /^noto-sans-latin-(400|700)-normal.*\.woff2$/.test(f))
			.map((f) => {
				const bytes = readFileSync(path.join(outDir, 'assets', f)).length;
				return { file: `assets/${f}`, rawKB: kb(bytes), gzipKB: kb(bytes) };
			});
		const maplibreJs = [
			...maplibre,
			...[...startFiles].filter((f) => /maplibre-gl/.test(f) && !initial.includes(f)).map(size),
		];
		const sum = (fs: { gzipKB: number }[]) => kb(fs.reduce((t, f) => t + f.gzipKB * 1024, 0));
		return {
			appJsGzipKB: appGzipKB,
			firstViewAppJsGzipKB: firstViewGzipKB,
			startChunks: atStart,
			afterFirstViewGzipKB: kb(
				afterFirstView
					.filter((f) => f.endsWith('.js'))
					.map(size)
					.reduce((t, f) => t + f.gzipKB * 1024, 0),
			),
			maplibreGzipKB: sum(maplibreJs),
			maplibreWorkerGzipKB: sum(worker),
			firstViewCssGzipKB: sum(css),
			firstViewFontsKB: sum(fonts),
			firstViewGzipKB: sum([...app, ...atStart, ...maplibreJs, ...worker, ...css, ...fonts]),
			firstViewFiles: [...app, ...atStart, ...maplibreJs, ...worker, ...css, ...fonts].map(
				(f) => f.file,
			),
			initialChunks: first,
			lazyChunks: lazy,
			targetAppJsGzipKB: 60,
			meetsTarget: firstViewGzipKB <= 60,
		};
	} finally {
		rmSync(outDir, { recursive: true, force: true });
	}
}
