/**
 * `npm run bench -- pipeline [<area.json>] [--runs N] [--copies C] [--stitched-runs M]
 * [--tight-heap-mib H]`: builds the
 * area (default: the sample) N times (default 3) and a stitched area of C shifted real copies of
 * its inputs (default 16, scripts/lib/stitch-area.ts; written into a temporary folder) M times
 * (default 1), interleaved, each build in a fresh Node process with `--max-old-space-size=4096`
 * (as a city build must fit in 4 GiB), into a temporary folder. Reports per area: build time
 * (median and each run, measured inside the build), peak memory (max RSS of the build process),
 * time and memory per pipeline step, archive sizes beside the same layers as plain GeoJSON, the
 * largest tile, and a check of every tile of every archive against the limits; then the cost of
 * one more copy per address, per OSM node and per km² of z13 tiles, from which scripts/README.md
 * projects Flanders. With `--tight-heap-mib H`, the stitched area is built once more with a heap of
 * H MiB: peak RSS under 4 GiB shows how far V8 lets garbage grow, this shows the working set.
 * The machine's load average is reported with the figures: on a busy machine, compare CPU seconds.
 *
 * Targets: sample ≤ 30 s; stitched peak RSS ≤ 4 GiB; every tile ≤ 500 KB and ≤ 20,000 features;
 * tiles ≤ 1/5 of the same layers as GeoJSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { AreaManifest } from '../lib/build-area.ts';
import { archiveTiles, openPmtiles } from '../../tests/helpers/pmtiles-file.ts';
import { stitchArea } from '../lib/stitch-area.ts';
import { MAX_TILE_BYTES, MAX_TILE_FEATURES } from '../lib/tiler.ts';
import { REPO_ROOT } from '../lib/version.ts';

/** Heap limit of every build process, MiB. */
const HEAP_MIB = 4096;

interface Step {
	step: string;
	seconds: number;
	heapMiB: number;
	peakRssMiB: number;
}

interface Run {
	seconds: number;
	/** CPU seconds of the build process (user + system), less sensitive to a busy machine. */
	cpuSeconds: number;
	maxRssMiB: number;
	steps: Step[];
}

/** Runs one build in a child process; returns its build seconds, max RSS (MiB) and steps. */
function buildInChild(config: string, outRoot: string, heapMiB = HEAP_MIB): Run {
	const code = `
		const { buildArea } = await import(${JSON.stringify(path.join(REPO_ROOT, 'scripts', 'lib', 'build-area.ts'))});
		const r = await buildArea(${JSON.stringify(config)}, { outRoot: ${JSON.stringify(outRoot)} });
		const u = process.resourceUsage();
		process.stdout.write(JSON.stringify({ seconds: r.seconds, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssMiB: u.maxRSS / 1024 }));
	`;
	const r = spawnSync(
		process.execPath,
		[`--max-old-space-size=${heapMiB}`, '--import', 'tsx', '--input-type=module', '-e', code],
		{ cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
	);
	if (r.status !== 0) throw new Error(`build of ${config} failed: ${r.stderr}`);
	// Progress lines: "[build-area] 4/12 OSM extract …" then "[build-area]     … (s; heap, peak RSS)".
	const steps: Step[] = [];
	let current = '';
	for (const line of r.stderr.split('\n')) {
		const start = /^\[build-area\] \d+\/\d+ (.+) …$/.exec(line);
		if (start) current = start[1] as string;
		const done = /\((\d+(?:\.\d+)?) s; heap (\d+) MiB, peak RSS (\d+) MiB\)$/.exec(line);
		if (done && current) {
			steps.push({
				step: current,
				seconds: Number(done[1]),
				heapMiB: Number(done[2]),
				peakRssMiB: Number(done[3]),
			});
			current = '';
		}
	}
	return {
		...(JSON.parse(r.stdout) as { seconds: number; cpuSeconds: number; maxRssMiB: number }),
		steps,
	};
}

/** Reads every tile of every archive back and checks it against the limits. */
async function checkTiles(dir: string, m: AreaManifest) {
	let tiles = 0;
	let maxBytes = 0;
	let maxFeatures = 0;
	let z13Km2 = 0;
	const over: string[] = [];
	for (const a of Object.values(m.archives)) {
		const p = openPmtiles(path.join(dir, a.file));
		for await (const { z, x, y, bytes, features } of archiveTiles(
			p,
			a.bounds,
			a.minzoom,
			a.maxzoom,
		)) {
			tiles++;
			if (a.file === 'basemap.pmtiles' && z === 13) z13Km2 += tileKm2(z, y);
			maxBytes = Math.max(maxBytes, bytes);
			maxFeatures = Math.max(maxFeatures, features);
			if (bytes > MAX_TILE_BYTES || features > MAX_TILE_FEATURES)
				over.push(`${a.file} ${z}/${x}/${y} ${bytes} B ${features} features`);
		}
	}
	return {
		tiles,
		maxBytes,
		maxFeatures,
		limits: { bytes: MAX_TILE_BYTES, features: MAX_TILE_FEATURES },
		withinLimits: over.length === 0,
		over: over.slice(0, 10),
		/** Area of the basemap's z13 tiles that hold data, km². */
		z13Km2,
	};
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Area in km² of tile z/x/y (at its row's middle latitude). */
function tileKm2(z: number, y: number): number {
	const n = 2 ** z;
	const lat = Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / n)));
	return ((40_075.017 / n) * Math.cos(lat)) ** 2;
}

/** Figures of one area's builds and its output. */
async function summarize(runs: Run[], outRoot: string, id: string) {
	const dir = path.join(outRoot, id);
	const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as AreaManifest;
	const archives = Object.fromEntries(
		Object.entries(m.archives).map(([k, a]) => [
			k,
			{
				bytes: a.bytes,
				geojsonBytes: a.geojsonBytes,
				ratioToGeojson: round(a.bytes / a.geojsonBytes, 3),
				tiles: a.tiles.addressed,
				zooms: `${a.minzoom}-${a.maxzoom}`,
				largestTile: `${a.tiles.largestTile} ${a.tiles.largestTileBytes} B (${a.tiles.largestTileGzipBytes} B gzip)`,
				mostFeatures: `${a.tiles.mostFeaturesTile} ${a.tiles.mostFeatures}`,
				thinned: a.tiles.thinned.map(
					(t) =>
						`z${t.z}: ${t.tiles} tiles, ${Object.entries(t.dropped)
							.map(([l, n]) => `${n} ${l}`)
							.join(', ')} left out`,
				),
			},
		]),
	);
	const tileBytes = Object.values(m.archives).reduce((s, a) => s + a.bytes, 0);
	const geojsonBytes = Object.values(m.archives).reduce((s, a) => s + a.geojsonBytes, 0);
	const seconds = runs.map((r) => r.seconds);
	const rss = runs.map((r) => r.maxRssMiB);
	// Steps of the median run by time.
	const mid = runs.find((r) => r.seconds === median(seconds)) ?? (runs[0] as Run);
	const municipalities = m.files.municipalities;
	const tileCheck = await checkTiles(dir, m);
	const cpu = runs.map((r) => r.cpuSeconds);
	return {
		manifest: m,
		figures: {
			area: m.area.id,
			runs: runs.length,
			buildSeconds: { median: round(median(seconds)), each: seconds.map((s) => round(s)) },
			cpuSeconds: { median: round(median(cpu)), each: cpu.map((s) => round(s)) },
			peakRssMiB: { max: Math.round(Math.max(...rss)), each: rss.map((r) => Math.round(r)) },
			steps: mid.steps,
			counts: {
				addressesRead: m.counts.addressesRead,
				origins: m.counts.origins,
				osmNodes: m.osm.nodes,
				osmWays: m.osm.ways,
				places: m.counts.places,
				graphEdges: m.counts.graphEdges,
				z13TileKm2: round(tileCheck.z13Km2, 1),
				perLayer: m.counts.perLayer,
			},
			archives,
			tilesTotalBytes: tileBytes,
			sameLayersAsGeojsonBytes: geojsonBytes,
			tilesToGeojsonRatio: round(tileBytes / geojsonBytes, 3),
			tileCheck,
			analysisBinBytes: statSync(path.join(dir, 'analysis.bin')).size,
			searchGzipBytes: statSync(path.join(dir, m.files.search.file)).size,
			searchJsonBytes: m.files.search.jsonBytes,
			perMunicipality: {
				files: municipalities.length,
				largestAnalysisBytes: Math.max(0, ...municipalities.map((p) => p.analysis.bytes)),
				largestSearchBytes: Math.max(0, ...municipalities.map((p) => p.search.bytes)),
			},
		},
	};
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const opt = (name: string, fallback: number) => {
		const i = args.indexOf(name);
		if (i < 0) return fallback;
		const v = Number(args[i + 1]);
		if (!Number.isInteger(v) || v < 0)
			throw new Error(`${name} must be an integer ≥ 0, got ${args[i + 1]}`);
		return v;
	};
	const runs = opt('--runs', 3);
	const copies = opt('--copies', 16);
	const stitchedRuns = copies >= 2 ? opt('--stitched-runs', 1) : 0;
	const tightHeap = opt('--tight-heap-mib', 0);
	if (runs < 1) throw new Error('--runs must be at least 1');
	const rest = args.filter(
		(a, i) => !a.startsWith('--') && !(i > 0 && (args[i - 1] ?? '').startsWith('--')),
	);
	const config = path.resolve(
		rest[0] ?? path.join(REPO_ROOT, 'data', 'vorselaar-lille', 'area.json'),
	);
	const out = mkdtempSync(path.join(tmpdir(), 'buurtkaart-bench-'));
	const inputs = mkdtempSync(path.join(tmpdir(), 'buurtkaart-stitched-'));
	try {
		let stitched: Awaited<ReturnType<typeof stitchArea>> | null = null;
		let stitchSeconds = 0;
		if (stitchedRuns > 0) {
			process.stderr.write(`pipeline bench: stitching ${copies} copies of ${config}…\n`);
			const t0 = performance.now();
			stitched = await stitchArea(config, copies, inputs);
			stitchSeconds = (performance.now() - t0) / 1000;
		}
		const sampleRuns: Run[] = [];
		const stitchedRunList: Run[] = [];
		for (let i = 0; i < Math.max(runs, stitchedRuns); i++) {
			if (i < runs) {
				process.stderr.write(`pipeline bench: area build ${i + 1}/${runs}…\n`);
				sampleRuns.push(buildInChild(config, out));
			}
			if (stitched && i < stitchedRuns) {
				process.stderr.write(
					`pipeline bench: stitched ×${copies} build ${i + 1}/${stitchedRuns}…\n`,
				);
				stitchedRunList.push(buildInChild(stitched.config, out));
			}
		}
		// The working set: the stitched area once more under a tight heap limit, where V8 collects
		// garbage early instead of growing towards 4 GiB.
		let tight: Record<string, unknown> | null = null;
		if (stitched && tightHeap > 0) {
			process.stderr.write(`pipeline bench: stitched ×${copies} with a ${tightHeap} MiB heap…\n`);
			try {
				const r = buildInChild(stitched.config, out, tightHeap);
				tight = {
					heapLimitMiB: tightHeap,
					built: true,
					seconds: round(r.seconds),
					peakRssMiB: Math.round(r.maxRssMiB),
				};
			} catch (e) {
				tight = { heapLimitMiB: tightHeap, built: false, error: (e as Error).message.slice(-300) };
			}
		}
		const configId = (JSON.parse(readFileSync(config, 'utf8')) as { id: string }).id;
		const one = await summarize(sampleRuns, out, configId);
		const result: Record<string, unknown> = {
			...one.figures,
			heapLimitMiB: HEAP_MIB,
			machine: { cpus: cpus().length, loadAverage: loadavg().map((x) => round(x)) },
		};
		const targets: Record<string, { value: number | boolean; target: string; met: boolean }> = {
			sampleBuildSeconds: {
				value: one.figures.buildSeconds.median,
				target: '≤ 30',
				met: one.figures.buildSeconds.median <= 30,
			},
			sampleTilesWithinLimits: {
				value: one.figures.tileCheck.withinLimits,
				target: 'true',
				met: one.figures.tileCheck.withinLimits,
			},
			tilesToGeojsonRatio: {
				value: one.figures.tilesToGeojsonRatio,
				target: '≤ 0.2',
				met: one.figures.tilesToGeojsonRatio <= 0.2,
			},
		};
		if (stitched) {
			const many = await summarize(stitchedRunList, out, `${configId}-x${copies}`);
			const a = one.figures;
			const b = many.figures;
			// One more copy of the area costs Δ / (copies − 1); per unit, Δ over the units it adds.
			const perCopy = (x1: number, xn: number) => (xn - x1) / (copies - 1);
			const dSeconds = perCopy(a.buildSeconds.median, b.buildSeconds.median);
			const dCpu = perCopy(a.cpuSeconds.median, b.cpuSeconds.median);
			const dRss = perCopy(a.peakRssMiB.max, b.peakRssMiB.max);
			const unit = (name: string, per: number, u1: number, un: number) => {
				const du = perCopy(u1, un);
				return {
					unit: name,
					per,
					unitsPerCopy: Math.round(du),
					seconds: round((dSeconds / du) * per, 4),
					cpuSeconds: round((dCpu / du) * per, 4),
					peakRssMiB: round((dRss / du) * per, 4),
				};
			};
			result.stitched = {
				copies,
				grid: stitched.grid,
				osmBytes: stitched.osmBytes,
				stitchSeconds: round(stitchSeconds),
				...b,
			};
			result.perCopy = {
				seconds: round(dSeconds, 3),
				cpuSeconds: round(dCpu, 3),
				peakRssMiB: round(dRss, 1),
			};
			result.perUnit = [
				unit('addresses', 1000, a.counts.addressesRead, b.counts.addressesRead),
				unit('OSM nodes', 100_000, a.counts.osmNodes, b.counts.osmNodes),
				unit('km² of z13 tiles', 100, a.counts.z13TileKm2, b.counts.z13TileKm2),
			];
			if (tight) result.stitchedTightHeap = tight;
			targets.stitchedPeakRssMiB = {
				value: b.peakRssMiB.max,
				target: `≤ ${HEAP_MIB}`,
				met: b.peakRssMiB.max <= HEAP_MIB,
			};
			targets.stitchedTilesWithinLimits = {
				value: b.tileCheck.withinLimits,
				target: 'true',
				met: b.tileCheck.withinLimits,
			};
			targets.stitchedAddresses = {
				value: b.counts.addressesRead,
				target: '≥ 16 × the sample',
				met: b.counts.addressesRead >= 16 * a.counts.addressesRead,
			};
		}
		result.targets = targets;
		result.meetsTargets = Object.values(targets).every((t) => t.met);
		return result;
	} finally {
		rmSync(out, { recursive: true, force: true });
		rmSync(inputs, { recursive: true, force: true });
	}
}
