/**
 * The map side of the frame bench (scripts/bench/frame.ts), bundled for a plain Chromium page: the
 * redraw bench's map (the area's network tiles with the app's accessible-routes layers,
 * src/map/layers/network-style.ts) and the walkshed panel's layers (src/map/layers/planner-style.ts)
 * over the same background. It times what one frame of that map costs: a synchronous redraw
 * (`map.redraw()`, MapLibre's whole render: sources, layers, GL calls) followed by a 1-pixel
 * `readPixels`, which waits until the GL implementation has executed every call of the frame, so
 * the figure is the frame's real cost, not the moment its commands were queued. Draw calls are
 * counted by wrapping the context's drawElements / drawArrays.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { networkLayers, NETWORK_SOURCE } from '../../../src/map/layers/network-style.ts';
import { walkshedLayers } from '../../../src/map/layers/planner-style.ts';
import { benchMap, idleAfter, startArchiveMap } from './archive-map.ts';

const WALKSHED = 'walkshed';
let sourceLayer = '';
let draws = 0;
let uploaded = 0;

export function start(
	container: HTMLElement,
	centre: [number, number],
	zoom: number,
	workerCode: string,
	network: { b64: string; layer: string },
): Promise<void> {
	sourceLayer = network.layer;
	return startArchiveMap(
		container,
		centre,
		workerCode,
		{ b64: network.b64 },
		{ [WALKSHED]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
		[...networkLayers(network.layer, 'wheelchair'), ...walkshedLayers(WALKSHED)],
		zoom,
	).then(() => {
		const gl = glOf();
		for (const name of ['bufferData', 'bufferSubData'] as const) {
			const f = gl[name].bind(gl) as (...a: unknown[]) => void;
			(gl as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
				const data = a[name === 'bufferData' ? 1 : 2] as { byteLength?: number } | number;
				uploaded += typeof data === 'number' ? 0 : (data?.byteLength ?? 0);
				f(...a);
			};
		}
		for (const name of ['drawElements', 'drawArrays'] as const) {
			const f = gl[name].bind(gl) as (...a: unknown[]) => void;
			(gl as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
				draws++;
				f(...a);
			};
		}
	});
}

function glOf(): WebGL2RenderingContext {
	return (benchMap() as unknown as { painter: { context: { gl: WebGL2RenderingContext } } }).painter
		.context.gl;
}

const pixel = new Uint8Array(4);
/** One synchronous frame, executed: ms and draw calls. */
function frame(before?: () => void): {
	ms: number;
	jsMs: number;
	draws: number;
	uploadedBytes: number;
} {
	const map = benchMap();
	const gl = glOf();
	gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel); // nothing left pending
	draws = 0;
	uploaded = 0;
	const t0 = performance.now();
	before?.();
	map.redraw();
	const t1 = performance.now();
	gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
	return { ms: performance.now() - t0, jsMs: t1 - t0, draws, uploadedBytes: uploaded };
}

/** The style's layer ids, bottom to top. */
export function layerIds(): string[] {
	return benchMap()
		.getStyle()
		.layers.map((l) => l.id);
}

/** Shows only `visible` (all when undefined); resolves when the map is idle. */
export function show(visible: string[] | undefined): Promise<number> {
	const map = benchMap();
	return idleAfter(() => {
		for (const id of layerIds())
			map.setLayoutProperty(
				id,
				'visibility',
				!visible || visible.includes(id) ? 'visible' : 'none',
			);
	});
}

/** Median-able samples of `rounds` synchronous frames of the map as it is. */
export function frames(rounds: number): { ms: number[]; jsMs: number[]; draws: number } {
	const ms: number[] = [];
	const jsMs: number[] = [];
	let d = 0;
	for (let r = 0; r < rounds; r++) {
		const f = frame();
		ms.push(f.ms);
		jsMs.push(f.jsMs);
		d = f.draws;
	}
	return { ms, jsMs, draws: d };
}

/**
 * Frames each preceded by a feature-state change of `count` edges (alternating two statuses), so
 * each frame re-evaluates and re-uploads their paint; the changes themselves are inside the timing.
 */
export function stateFrames(
	rounds: number,
	count: number,
	ids: number[],
): { ms: number[]; jsMs: number[]; uploadedBytes: number } {
	const map = benchMap();
	const ms: number[] = [];
	const jsMs: number[] = [];
	let bytes = 0;
	for (let r = 0; r < rounds; r++) {
		const status = r % 2 === 0 ? 'impassable' : 'passable';
		const f = frame(() => {
			for (let i = 0; i < count && i < ids.length; i++)
				map.setFeatureState({ source: NETWORK_SOURCE, sourceLayer, id: ids[i]! }, { status });
		});
		ms.push(f.ms);
		jsMs.push(f.jsMs);
		bytes = f.uploadedBytes;
	}
	return { ms, jsMs, uploadedBytes: bytes };
}

/** Feature ids of the network edges rendered in view. */
export function renderedEdgeIds(): number[] {
	const ids = new Set<number>();
	for (const f of benchMap().queryRenderedFeatures({
		layers: ['network-known', 'network-unknown'],
	}))
		if (typeof f.id === 'number') ids.add(f.id);
	return [...ids];
}

/** The rAF cadence of the page with nothing drawn (ms between animation frames). */
export function rafIntervals(n: number): Promise<number[]> {
	return new Promise((resolve) => {
		const out: number[] = [];
		let last = 0;
		const tick = (t: number) => {
			if (last) out.push(t - last);
			last = t;
			if (out.length < n) requestAnimationFrame(tick);
			else resolve(out);
		};
		requestAnimationFrame(tick);
	});
}

export function setWalkshed(data: GeoJSON.FeatureCollection): Promise<number> {
	return idleAfter(() => (benchMap().getSource(WALKSHED) as GeoJSONSource).setData(data));
}

export const mapOf = (): MapLibreMap => benchMap();

/** Walkshed drawing variants: each its own source and layers, all hidden but one at a time. */
const variants: Record<string, string[]> = {};
export function addVariant(
	name: string,
	data: GeoJSON.FeatureCollection,
	sourceOptions: Record<string, unknown>,
	layers: Record<string, unknown>[],
): Promise<number> {
	const map = benchMap();
	const src = `v-${name}`;
	return idleAfter(() => {
		map.addSource(src, { type: 'geojson', data, ...sourceOptions } as never);
		variants[name] = layers.map((l, k) => {
			const id = `${src}-${k}`;
			map.addLayer({
				...l,
				id,
				source: src,
				layout: { ...(l.layout as object), visibility: 'none' },
			} as never);
			return id;
		});
	});
}
export function showVariant(name: string): Promise<number> {
	return show(['background', ...variants[name]!]);
}
/** ms from setData (the variant's data given again) to the map idle: re-tiling and a frame. */
export async function redrawVariant(
	name: string,
	data: GeoJSON.FeatureCollection,
	rounds: number,
): Promise<number[]> {
	const map = benchMap();
	const out: number[] = [];
	for (let r = 0; r < rounds; r++) {
		await idleAfter(() =>
			(map.getSource(`v-${name}`) as GeoJSONSource).setData({
				type: 'FeatureCollection',
				features: [],
			}),
		);
		out.push(await idleAfter(() => (map.getSource(`v-${name}`) as GeoJSONSource).setData(data)));
	}
	return out;
}
export function jumpTo(c: [number, number], zoom: number): Promise<number> {
	return idleAfter(() => benchMap().jumpTo({ center: c, zoom }));
}

/**
 * The known layer's paint as the app has it (`colour`: an unknown edge hidden by a transparent
 * colour, one state-dependent value per edge) or as it was before (`opacity`: hidden by
 * `line-opacity` 0 beside its colour, two); resolves when the map is idle.
 */
export function networkPaint(way: 'colour' | 'opacity'): Promise<number> {
	const map = benchMap();
	const [known] = networkLayers(sourceLayer, 'wheelchair');
	const colour = known.paint!['line-color'] as unknown[];
	const hidden = ['==', colour[1], 'unknown'];
	return idleAfter(() => {
		// the previous colour: the same match without its 'unknown' branch (grey by default)
		const i = colour.indexOf('unknown');
		const before = [...colour.slice(0, i), ...colour.slice(i + 2)];
		map.setPaintProperty(known.id, 'line-color', (way === 'colour' ? colour : before) as never);
		map.setPaintProperty(
			known.id,
			'line-opacity',
			(way === 'colour' ? 1 : ['case', hidden, 0, 1]) as never,
		);
	});
}

/** Every pixel of the canvas as drawn now (a synchronous frame read back). */
export function pixels(): number[] {
	const map = benchMap();
	const gl = glOf();
	map.redraw();
	const out = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
	gl.readPixels(
		0,
		0,
		gl.drawingBufferWidth,
		gl.drawingBufferHeight,
		gl.RGBA,
		gl.UNSIGNED_BYTE,
		out,
	);
	return Array.from(out);
}

/**
 * The walkshed panel's path in the app after an answer: the variant's data set and the map fitted
 * to the walksheds (MapState.fitBounds: padding 60, maxZoom 17, MapLibre's default animation) in
 * the same task. Resolves with ms from then to the first frame rendered with the source's tiles
 * all loaded, to the map idle (the fit done), and the frames rendered meanwhile. Untimed before:
 * the source emptied and the view put back at `centre`, `zoom`.
 */
export async function drawWithFit(
	name: string,
	data: GeoJSON.FeatureCollection,
	bbox: [number, number, number, number],
	centre: [number, number],
	zoom: number,
): Promise<{ firstDrawnMs: number; idleMs: number; frames: number }> {
	const map = benchMap();
	const src = `v-${name}`;
	await idleAfter(() => {
		(map.getSource(src) as GeoJSONSource).setData({ type: 'FeatureCollection', features: [] });
		map.jumpTo({ center: centre, zoom });
	});
	return new Promise((resolve) => {
		let frames = 0;
		let first = 0;
		const t0 = performance.now();
		const onRender = () => {
			frames++;
			if (!first && map.isSourceLoaded(src)) first = performance.now() - t0;
		};
		map.on('render', onRender);
		map.once('idle', () => {
			map.off('render', onRender);
			resolve({ firstDrawnMs: first, idleMs: performance.now() - t0, frames });
		});
		(map.getSource(src) as GeoJSONSource).setData(data);
		map.fitBounds(
			[
				[bbox[0], bbox[1]],
				[bbox[2], bbox[3]],
			],
			{ padding: 60, maxZoom: 17 },
		);
	});
}
