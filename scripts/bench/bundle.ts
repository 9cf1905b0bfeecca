/**
 * `npm run bench -- bundle`: builds the app and measures what a first visit downloads: the app's
 * own JavaScript (entry chunk and the chunks it preloads, maplibre-gl excepted) against the
 * maplibre-gl chunk beside it, gzip-compressed (level 9). Target (issue #6): app JS ≤ 60 KB gzip.
 * Lazily loaded chunks (opening-hours parser, supabase-js, the analysis worker) are listed apart.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp } from '../lib/build-app.ts';

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function run(): Promise<Record<string, unknown>> {
	const outDir = mkdtempSync(path.join(tmpdir(), 'buurtkaart-bundle-'));
	try {
		buildApp(outDir, 'bundle');
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
		const lazy = readdirSync(path.join(outDir, 'assets'))
			.filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))
			.map((f) => size(`assets/${f}`));
		return {
			appJsGzipKB: appGzipKB,
			maplibreGzipKB: kb(maplibre.reduce((t, f) => t + f.gzipKB * 1024, 0)),
			initialChunks: first,
			lazyChunks: lazy,
			targetAppJsGzipKB: 60,
			meetsTarget: appGzipKB <= 60,
		};
	} finally {
		rmSync(outDir, { recursive: true, force: true });
	}
}
