/**
 * `npm run bench -- frame [--rounds N] [--zoom Z] [--no-network] [--no-walkshed]`: where one frame
 * of the benches' map goes, in Chromium with software WebGL (SwiftShader) at the benches' 1280 × 800
 * viewport, devicePixelRatio 1. The map is the redraw bench's (the sample's network tiles with the
 * accessible-routes layers, centred on the area, zoom 13) with the walkshed panel's layers above it
 * (their source empty), over the benches' plain background.
 *
 * Each frame is synchronous (`map.redraw()`) and followed by a 1-pixel readPixels, so its wall time
 * holds the GL work executed, not only queued. Beside the wall time: the draw calls, the bytes
 * given to bufferData/bufferSubData, and the CPU time per frame of Chromium's GPU process (where
 * SwiftShader runs) and renderer, read from /proc (on a loaded machine the work, where the wall
 * time is mostly waiting; SwiftShader's threads also spin, so it is an upper bound).
 *
 * - frameMs: the whole map, nothing, and the whole map but each layer in turn;
 * - featureStateFrameMs: frames each preceded by a feature-state change of 0, 1, 666 and every
 *   edge in view (what a personal profile's redraw does), with the known layer's paint as the app
 *   has it (`colour`: an unknown edge hidden by a transparent colour) and as before (`opacity`);
 * - network: the accessible-routes layers alone drawn both ways, interleaved, and the pixels of the
 *   two compared;
 * - walkshed: one click's three walksheds (10 minutes, the walkshed bench's first seeded point,
 *   zoom 14) drawn as the panel does (`three` line layers) and as one line layer ordered by
 *   line-sort-key (`merged`), each with the source's default maxzoom and with maxzoom 12: frames,
 *   draw calls, and setData → idle.
 * Also the page's animation-frame cadence with nothing drawn.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { bundleForPage, launchSoftwareChromium, openMapPage } from './lib/page.ts';
import { REPO_ROOT } from '../lib/version.ts';
import { quantile, spread } from './lib/stats.ts';
import { sampleBundle } from './lib/sample.ts';
import { AnalysisEngine } from '../../src/analysis/engine.ts';
import { mulberry32 } from '../../src/analysis/synthetic.ts';
import { roundCoordinates, walkshed } from '../../src/analysis/walkshed.ts';
import { walkshedLayers, walkshedsGeoJson } from '../../src/map/layers/planner-style.ts';
import { PROFILE_IDS } from '../../src/contracts/profiles.ts';

const log = (s: string): void => void process.stderr.write(`[bench frame] ${s}\n`);

/**
 * CPU ms used so far by the processes below `root` by kind (Chromium's --type: gpu-process,
 * renderer, …): on a loaded machine the work a frame costs, where its wall time is mostly waiting.
 */
function cpuByKind(root: number): Record<string, number> {
	const parent = new Map<number, number>();
	const stat = new Map<number, string[]>();
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d)) continue;
		try {
			const t = readFileSync(`/proc/${d}/stat`, 'utf8');
			const f = t.slice(t.lastIndexOf(')') + 2).split(' ');
			parent.set(Number(d), Number(f[1]));
			stat.set(Number(d), f);
		} catch {
			/* gone */
		}
	}
	const out: Record<string, number> = {};
	for (const [pid, f] of stat) {
		let p = pid;
		while (p > 1 && p !== root) p = parent.get(p) ?? 1;
		if (p !== root) continue;
		let kind = 'browser';
		try {
			kind = /--type=([\w-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
		} catch {
			/* gone */
		}
		out[kind] = (out[kind] ?? 0) + ((Number(f[11]) + Number(f[12])) * 1000) / 100;
	}
	return out;
}

type FrameMap = {
	start: (
		c: HTMLElement,
		p: [number, number],
		z: number,
		w: string,
		n: { b64: string; layer: string },
	) => Promise<void>;
	layerIds: () => string[];
	show: (v: string[] | undefined) => Promise<number>;
	frames: (n: number) => { ms: number[]; draws: number };
	stateFrames: (n: number, count: number, ids: number[]) => { ms: number[] };
	renderedEdgeIds: () => number[];
	rafIntervals: (n: number) => Promise<number[]>;
};

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const arg = (k: string): string | undefined => {
		const i = args.indexOf(k);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const rounds = Number(arg('--rounds') ?? 21);
	const zoom = Number(arg('--zoom') ?? 13);
	const dir = path.join(REPO_ROOT, 'tiles/vorselaar-lille');
	const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
		area: { bbox: [number, number, number, number] };
		archives: { network: { file: string; layers: { id: string }[] } };
	};
	const b = manifest.area.bbox;
	const centre: [number, number] = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
	const mapCode = await bundleForPage('scripts/bench/lib/frame-map.ts', 'BenchMap');
	const browser = await launchSoftwareChromium();
	const withP95 = (xs: number[]) => ({
		...spread(xs),
		p95: Number(quantile(xs, 0.95).toPrecision(4)),
	});
	try {
		const page = await openMapPage(browser, 'frame bench', mapCode, log);
		await page.evaluate(
			({ centre, zoom, workerCode, network }) =>
				(window as unknown as { BenchMap: FrameMap }).BenchMap.start(
					document.getElementById('map')!,
					centre,
					zoom,
					workerCode,
					network,
				),
			{
				centre,
				zoom,
				workerCode: readFileSync(
					path.join(REPO_ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'),
					'utf8',
				),
				network: {
					b64: readFileSync(path.join(dir, manifest.archives.network.file)).toString('base64'),
					layer: manifest.archives.network.layers[0]!.id,
				},
			},
		);
		const call = <T>(f: string, ...a: unknown[]): Promise<T> =>
			page.evaluate(
				({ f, a }) =>
					(
						(window as unknown as { BenchMap: Record<string, (...x: unknown[]) => T> }).BenchMap[
							f
						] as (...x: unknown[]) => T
					)(...a),
				{ f, a },
			);
		const ids = await call<string[]>('layerIds');
		const view = await page.evaluate(() => ({
			width: innerWidth,
			height: innerHeight,
			devicePixelRatio,
		}));
		const loadBefore = loadavg()[0]!;
		const out: Record<string, unknown> = {};
		out.rafIntervalMs = spread(await call<number[]>('rafIntervals', 30));
		const configs: [string, string[] | undefined][] = [
			['all', undefined],
			['none', []],
			...ids.map((id): [string, string[]] => [`all but ${id}`, ids.filter((x) => x !== id)]),
			['all', undefined],
		];
		const perLayer: Record<string, unknown> = {};
		for (const [name, visible] of configs) {
			await call('show', visible);
			call('frames', 3); // warm-up
			const c0 = cpuByKind(process.pid);
			const f = await call<{ ms: number[]; jsMs: number[]; draws: number }>('frames', rounds);
			perLayer[name] = {
				...withP95(f.ms),
				jsMedian: spread(f.jsMs).median,
				draws: f.draws,
				cpuPerFrameMs: cpuPer(c0, cpuByKind(process.pid), rounds),
			};
			log(`${name}: ${JSON.stringify(perLayer[name])}`);
		}
		out.frameMs = perLayer;
		await call('show', undefined);
		const edges = await call<number[]>('renderedEdgeIds');
		const state: Record<string, unknown> = {};
		// the app's paint (an unknown edge hidden by its colour) and the previous one (by opacity)
		for (let rep = 0; rep < 2; rep++)
			for (const way of rep === 0 ? ['colour', 'opacity'] : ['opacity', 'colour']) {
				await call('networkPaint', way);
				for (const n of [0, 1, 666, edges.length]) {
					await call('stateFrames', 3, n, edges);
					const c0 = cpuByKind(process.pid);
					const f = await call<{ ms: number[]; jsMs: number[]; uploadedBytes: number }>(
						'stateFrames',
						rounds,
						n,
						edges,
					);
					const key = `${way} ${n}`;
					const prev = state[key] as
						{ ms: number[]; js: number[]; cpu: Record<string, number>[] } | undefined;
					state[key] = {
						ms: [...(prev?.ms ?? []), ...f.ms],
						js: [...(prev?.js ?? []), ...f.jsMs],
						cpu: [...(prev?.cpu ?? []), cpuPer(c0, cpuByKind(process.pid), rounds)],
						uploadedBytes: f.uploadedBytes,
					};
				}
			}
		await call('networkPaint', 'colour');
		for (const [key, v] of Object.entries(state)) {
			const x = v as {
				ms: number[];
				js: number[];
				cpu: Record<string, number>[];
				uploadedBytes: number;
			};
			state[key] = {
				...withP95(x.ms),
				jsMedian: spread(x.js).median,
				uploadedBytes: x.uploadedBytes,
				cpuPerFrameMs: sumUp(x.cpu),
			};
			log(`feature-state ${key}: ${JSON.stringify(state[key])}`);
		}
		out.featureStateFrameMs = state;
		if (!args.includes('--no-network')) out.network = await networkWays(call, rounds);
		if (!args.includes('--no-walkshed')) out.walkshed = await walkshedVariants(call, rounds);
		return {
			viewport: view,
			zoom,
			rounds,
			edgesInView: edges.length,
			...out,
			loadAverage1m: { before: loadBefore, after: loadavg()[0]! },
			note: 'software WebGL (SwiftShader). ms of one synchronous frame (map.redraw()) with a readPixels after it, so the GL work is executed inside the figure; featureStateFrameMs: the same with N edges given a new feature-state status before the frame',
		};
	} finally {
		await browser.close();
	}
}

/**
 * The walkshed panel's drawing of one click's walksheds (10 minutes, the walkshed bench's first
 * seeded address point, zoom 14, background beside it) as it is and as variants, each its own
 * source and layers shown alone: frames of the map as drawn, and setData → idle (re-tiling, the
 * frame) with the same answer.
 */
async function walkshedVariants(
	call: <T>(f: string, ...a: unknown[]) => Promise<T>,
	rounds: number,
): Promise<Record<string, unknown>> {
	const { bundle } = await sampleBundle();
	const engine = new AnalysisEngine(bundle);
	engine.prepare();
	const rand = mulberry32(19);
	const o = bundle.origins;
	let at: [number, number] | undefined;
	while (!at) {
		const i = Math.floor(rand() * o.count);
		if (o.edgeOfData[i] === 1 || o.reason[i] !== 0) continue;
		at = [o.lngLat[2 * i] as number, o.lngLat[2 * i + 1] as number];
	}
	const sheds = PROFILE_IDS.map((profile) => {
		const w = walkshed(engine, at, 10, profile, 'optimistic', { polygon: false });
		if (!w) return null;
		roundCoordinates(w.lines.geometry.coordinates);
		return { profile, lines: w.lines };
	});
	const data = walkshedsGeoJson(sheds, at);
	const current = walkshedLayers('x') as unknown as Record<string, unknown>[];
	const variantLayers: Record<string, Record<string, unknown>[]> = {
		three: current,
		merged: mergedWalkshedLayers(),
	};
	const sourceOptions: Record<string, Record<string, unknown>> = {
		'': {},
		'-z12': { maxzoom: 12 },
	};
	const names: string[] = [];
	for (const [v, layers] of Object.entries(variantLayers))
		for (const [suffix, opts] of Object.entries(sourceOptions)) {
			names.push(v + suffix);
			await call('addVariant', v + suffix, data, opts, layers);
		}
	await call('jumpTo', at, 14);
	const frames: Record<string, number[]> = {};
	const cpu: Record<string, Record<string, number>[]> = {};
	const cpuSet: Record<string, Record<string, number>[]> = {};
	const draws: Record<string, number> = {};
	const setData: Record<string, number[]> = {};
	for (let rep = 0; rep < 3; rep++)
		for (const n of rep % 2 === 0 ? names : [...names].reverse()) {
			await call('showVariant', n);
			call('frames', 2);
			const k = Math.ceil(rounds / 3);
			const c0 = cpuByKind(process.pid);
			const f = await call<{ ms: number[]; draws: number }>('frames', k);
			(cpu[n] ??= []).push(cpuPer(c0, cpuByKind(process.pid), k));
			(frames[n] ??= []).push(...f.ms);
			draws[n] = f.draws;
			const c1 = cpuByKind(process.pid);
			(setData[n] ??= []).push(...(await call<number[]>('redrawVariant', n, data, 3)));
			(cpuSet[n] ??= []).push(cpuPer(c1, cpuByKind(process.pid), 3));
		}
	// the app's path: setData and fitBounds in the same task (WalkshedPanel), for the panel's layers
	const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const s of sheds)
		for (const line of s?.lines.geometry.coordinates ?? [])
			for (const [x, y] of line as [number, number][]) {
				box[0] = Math.min(box[0], x);
				box[1] = Math.min(box[1], y);
				box[2] = Math.max(box[2], x);
				box[3] = Math.max(box[3], y);
			}
	await call('showVariant', 'three');
	const fit: { firstDrawnMs: number; idleMs: number; frames: number }[] = [];
	for (let r = 0; r < 5; r++) fit.push(await call('drawWithFit', 'three', data, box, at, 14));
	const out: Record<string, unknown> = {
		withFitBounds: {
			firstDrawnMs: spread(fit.map((f) => f.firstDrawnMs)),
			idleMs: spread(fit.map((f) => f.idleMs)),
			frames: spread(fit.map((f) => f.frames)),
		},
	};
	for (const n of names)
		out[n] = {
			frameMs: spread(frames[n]!),
			draws: draws[n],
			cpuPerFrameMs: sumUp(cpu[n]!),
			setDataToIdleMs: spread(setData[n]!),
			cpuPerClearAndSetDataMs: sumUp(cpuSet[n]!),
		};
	log(`walkshed: ${JSON.stringify(out)}`);
	return out;
}

function mergedWalkshedLayers(): Record<string, unknown>[] {
	const current = walkshedLayers('x') as unknown as Record<string, unknown>[];
	return [
		{
			type: 'line',
			filter: ['==', ['geometry-type'], 'LineString'],
			layout: {
				'line-cap': 'round',
				'line-join': 'round',
				'line-sort-key': ['match', ['get', 'profile'], 'walking', 0, 'rollator', 1, 2],
			},
			paint: {
				'line-color': [
					'match',
					['get', 'profile'],
					'walking',
					'#9ecae1',
					'rollator',
					'#3182bd',
					'#08306b',
				],
				'line-width': ['match', ['get', 'profile'], 'walking', 9, 'rollator', 5, 2.5],
			},
		},
		current[current.length - 1]!,
	];
}

/** CPU ms per frame by process kind between two {@link cpuByKind} readings (gpu and renderer). */
function cpuPer(
	a: Record<string, number>,
	b: Record<string, number>,
	n: number,
): Record<string, number> {
	const out: Record<string, number> = {};
	for (const k of ['gpu-process', 'renderer'])
		out[k] = Number((((b[k] ?? 0) - (a[k] ?? 0)) / n).toFixed(1));
	return out;
}
function sumUp(xs: Record<string, number>[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const x of xs)
		for (const [k, v] of Object.entries(x))
			out[k] = Number(((out[k] ?? 0) + v / xs.length).toFixed(1));
	return out;
}

/**
 * The accessible-routes layers (all other layers hidden) drawn the app's way (an unknown edge
 * hidden in the known layer by a transparent colour) and the previous way (by opacity), interleaved: CPU per frame, draw calls and wall
 * time, and the pixels compared (equal: the same picture).
 */
async function networkWays(
	call: <T>(f: string, ...a: unknown[]) => Promise<T>,
	rounds: number,
): Promise<Record<string, unknown>> {
	await call('show', ['background', 'network-known', 'network-unknown']);
	const ways = ['colour', 'opacity'] as const;
	const got: Record<string, { ms: number[]; cpu: Record<string, number>[]; draws: number }> = {};
	const shots: Record<string, number[]> = {};
	for (let rep = 0; rep < 6; rep++)
		for (const way of rep % 2 === 0 ? ways : [...ways].reverse()) {
			await call('networkPaint', way);
			if (rep === 0) shots[way] = await call<number[]>('pixels');
			call('frames', 2);
			const k = Math.ceil(rounds / 3);
			const c0 = cpuByKind(process.pid);
			const f = await call<{ ms: number[]; draws: number }>('frames', k);
			const g = (got[way] ??= { ms: [], cpu: [], draws: 0 });
			g.cpu.push(cpuPer(c0, cpuByKind(process.pid), k));
			g.ms.push(...f.ms);
			g.draws = f.draws;
		}
	await call('networkPaint', 'colour');
	let differing = 0;
	let largest = 0;
	for (let i = 0; i < shots.colour!.length; i += 4) {
		const d = Math.max(
			...[0, 1, 2, 3].map((c) => Math.abs(shots.colour![i + c]! - shots.opacity![i + c]!)),
		);
		if (d > 0) differing++;
		largest = Math.max(largest, d);
	}
	const out: Record<string, unknown> = {
		pixelsDiffering: differing,
		pixels: shots.colour!.length / 4,
		largestChannelDifference: largest,
	};
	for (const way of ways)
		out[way] = {
			frameMs: spread(got[way]!.ms),
			draws: got[way]!.draws,
			cpuPerFrameMs: sumUp(got[way]!.cpu),
		};
	log(`network: ${JSON.stringify(out)}`);
	return out;
}
