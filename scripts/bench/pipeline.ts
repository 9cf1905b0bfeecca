/**
 * `npm run bench -- pipeline [<area.json>] [--runs N]`: builds the area (default: the sample) N
 * times (default 3), each in a fresh Node process (as `npm run tiles:build` does), into a temporary
 * folder, and reports build time (median and each run, measured inside the build), peak memory
 * (max RSS of the build process), archive sizes, the largest tile, and the size of the same layers
 * as plain GeoJSON side by side (targets: tiles ≤ 1/5 of GeoJSON; sample build ≤ 30 s).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AreaManifest } from '../lib/build-area.ts';
import { REPO_ROOT } from '../lib/version.ts';

/** Runs one build in a child process; returns its build seconds and max RSS (MiB). */
function buildInChild(config: string, outRoot: string): { seconds: number; maxRssMiB: number } {
	const code = `
		const { buildArea } = await import(${JSON.stringify(path.join(REPO_ROOT, 'scripts', 'lib', 'build-area.ts'))});
		const r = await buildArea(${JSON.stringify(config)}, { outRoot: ${JSON.stringify(outRoot)}, silent: true });
		process.stdout.write(JSON.stringify({ seconds: r.seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
	`;
	const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	});
	if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
	return JSON.parse(r.stdout) as { seconds: number; maxRssMiB: number };
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const runsIdx = args.indexOf('--runs');
	const runs = runsIdx >= 0 ? Number(args[runsIdx + 1]) : 3;
	if (!Number.isInteger(runs) || runs < 1)
		throw new Error(`--runs must be a positive integer, got ${args[runsIdx + 1]}`);
	const rest = runsIdx >= 0 ? args.filter((_, i) => i !== runsIdx && i !== runsIdx + 1) : args;
	const config = rest[0] ?? path.join(REPO_ROOT, 'data', 'vorselaar-lille', 'area.json');
	const out = mkdtempSync(path.join(tmpdir(), 'buurtkaart-bench-'));
	const seconds: number[] = [];
	const rss: number[] = [];
	try {
		for (let i = 0; i < runs; i++) {
			process.stderr.write(`pipeline bench: build ${i + 1}/${runs}…\n`);
			const r = buildInChild(path.resolve(config), out);
			seconds.push(r.seconds);
			rss.push(r.maxRssMiB);
		}
		const dirs = readdirSync(out).filter((d) => !d.startsWith('.'));
		const m = JSON.parse(
			readFileSync(path.join(out, dirs[0] as string, 'manifest.json'), 'utf8'),
		) as AreaManifest;
		const archives = Object.fromEntries(
			Object.entries(m.archives).map(([k, a]) => [
				k,
				{
					bytes: a.bytes,
					geojsonBytes: a.geojsonBytes,
					ratioToGeojson: Math.round((a.bytes / a.geojsonBytes) * 1000) / 1000,
					tiles: a.tiles.addressed,
					zooms: `${a.minzoom}-${a.maxzoom}`,
					largestTile: `${a.tiles.largestTile} ${a.tiles.largestTileBytes} B (${a.tiles.largestTileGzipBytes} B gzip)`,
					mostFeatures: `${a.tiles.mostFeaturesTile} ${a.tiles.mostFeatures}`,
				},
			]),
		);
		const tileBytes = Object.values(m.archives).reduce((s, a) => s + a.bytes, 0);
		const geojsonBytes = Object.values(m.archives).reduce((s, a) => s + a.geojsonBytes, 0);
		const largest = Object.values(m.archives).reduce((best, a) =>
			a.tiles.largestTileBytes > best.tiles.largestTileBytes ? a : best,
		);
		const dir = path.join(out, m.area.id);
		const sorted = [...seconds].sort((a, b) => a - b);
		const round = (x: number) => Math.round(x * 100) / 100;
		return {
			area: m.area.id,
			runs,
			buildSeconds: {
				median: round(sorted[Math.floor(sorted.length / 2)] as number),
				each: seconds.map(round),
			},
			targetSeconds: 30,
			peakRssMiB: Math.round(Math.max(...rss)),
			archives,
			tilesTotalBytes: tileBytes,
			sameLayersAsGeojsonBytes: geojsonBytes,
			tilesToGeojsonRatio: Math.round((tileBytes / geojsonBytes) * 1000) / 1000,
			targetRatio: 0.2,
			largestTile: {
				archive: largest.file,
				tile: largest.tiles.largestTile,
				bytes: largest.tiles.largestTileBytes,
			},
			analysisBinBytes: statSync(path.join(dir, 'analysis.bin')).size,
			searchGzipBytes: statSync(path.join(dir, m.files.search.file)).size,
			searchJsonBytes: m.files.search.jsonBytes,
			counts: {
				places: m.counts.places,
				origins: m.counts.origins,
				graphEdges: m.counts.graphEdges,
				perLayer: m.counts.perLayer,
			},
		};
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
}
