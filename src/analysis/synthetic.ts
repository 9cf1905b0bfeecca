/**
 * Seeded synthetic routing graphs for benchmarks and scale tests (never for results shown to
 * users): a jittered street grid around 51° N with ~100 m blocks, every edge a real WGS84
 * length, and per-profile statuses drawn with fixed shares. Same seed → same graph.
 */
import {
	type AnalysisBundle,
	type OriginTable,
	type EdgeAttributeTable,
	type PlaceTable,
	type RoutingGraph,
} from './bundle.ts';
import { BUNDLE_VERSION } from '../contracts/bundle-format.ts';
import { distanceM, hilbertIndex } from './geo.ts';
import { EDGE_FLAG, PROFILE_LIMITS, classifyEdgeInto, prepareLimits } from './profiles.ts';
import { PROFILE_IDS } from '../contracts/profiles.ts';

/** Mulberry32: a small seeded PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A grid graph with about `edges` undirected edges (W × W nodes, right and up neighbours).
 * Attributes drawn, statuses classified from them ({@link classifyEdgeInto}): walking all
 * passable; rollator ~24 % limited (20 % no bench, 5 % rough surface); wheelchair 55 % passable,
 * 30 % unknown (surface), 10 % limited (loose surface), 5 % impassable (rough surface).
 */
export function syntheticGrid(edges: number, seed = 1): RoutingGraph {
	const w = Math.max(2, Math.ceil(Math.sqrt(edges / 2)));
	const rand = mulberry32(seed);
	const nodeCount = w * w;
	// node numbers along a Hilbert curve over the grid, as the bundle builder orders real graphs
	const cells = new Float64Array(nodeCount);
	const order = new Uint32Array(nodeCount);
	const scale = 65535 / Math.max(1, w - 1);
	for (let y = 0; y < w; y++) {
		for (let x = 0; x < w; x++) {
			cells[y * w + x] = hilbertIndex(Math.round(x * scale), Math.round(y * scale));
			order[y * w + x] = y * w + x;
		}
	}
	order.sort((a, b) => (cells[a] as number) - (cells[b] as number));
	const id = new Uint32Array(nodeCount); // grid position → node number
	order.forEach((pos, n) => (id[pos] = n));
	const nodeLngLat = new Float64Array(nodeCount * 2);
	for (let y = 0; y < w; y++) {
		for (let x = 0; x < w; x++) {
			const n = id[y * w + x] as number;
			nodeLngLat[n * 2] = 3 + x * 0.0014 + (rand() - 0.5) * 0.0004;
			nodeLngLat[n * 2 + 1] = 50.7 + y * 0.0009 + (rand() - 0.5) * 0.0003;
		}
	}
	const E = 2 * w * (w - 1);
	const edgeFrom = new Uint32Array(E);
	const edgeTo = new Uint32Array(E);
	let e = 0;
	for (let y = 0; y < w; y++) {
		for (let x = 0; x < w; x++) {
			const n = id[y * w + x] as number;
			if (x + 1 < w) {
				edgeFrom[e] = n;
				edgeTo[e++] = id[y * w + x + 1] as number;
			}
			if (y + 1 < w) {
				edgeFrom[e] = n;
				edgeTo[e++] = id[(y + 1) * w + x] as number;
			}
		}
	}
	const lengthsM = new Float32Array(E);
	const statuses = new Uint8Array(E * 3);
	const reasons = new Uint32Array(E * 3);
	const unknowns = new Uint8Array(E * 3);
	const baked = { statuses, reasons, unknowns };
	const prepared = PROFILE_IDS.map((p) => prepareLimits(PROFILE_LIMITS[p]));
	const attributes: EdgeAttributeTable = {
		flags: new Uint32Array(E),
		kerbM: new Float32Array(E),
		inclinePct: new Float32Array(E),
		widthM: new Float32Array(E),
		benchStretchM: new Float32Array(E),
	};
	for (let i = 0; i < E; i++) {
		const f = edgeFrom[i] as number;
		const t = edgeTo[i] as number;
		lengthsM[i] = distanceM(
			nodeLngLat[f * 2]!,
			nodeLngLat[f * 2 + 1]!,
			nodeLngLat[t * 2]!,
			nodeLngLat[t * 2 + 1]!,
		);
		// attributes drawn with fixed shares (20 % long stretches without a bench; surfaces 5 %
		// rough, 10 % loose, 30 % untagged, the rest paved; all roads), then classified like a real
		// bundle's edges
		attributes.inclinePct[i] = Number.NaN;
		attributes.widthM[i] = Number.NaN;
		attributes.kerbM[i] = Number.NaN;
		attributes.benchStretchM[i] = rand() < 0.2 ? 200 : Number.NaN;
		const r = rand();
		const surface = r < 0.05 ? 2 : r < 0.15 ? 1 : r < 0.45 ? 3 : 0;
		attributes.flags[i] = EDGE_FLAG.road | (surface << EDGE_FLAG.surfaceShift);
		prepared.forEach((limits, pi) => {
			classifyEdgeInto(
				attributes.flags[i] as number,
				Number.NaN,
				Number.NaN,
				Number.NaN,
				attributes.benchStretchM[i] as number,
				limits,
				baked,
				pi * E + i,
			);
		});
	}
	const degree = new Uint32Array(nodeCount);
	for (let i = 0; i < E; i++) {
		degree[edgeFrom[i]!]! += 1;
		degree[edgeTo[i]!]! += 1;
	}
	const offsets = new Uint32Array(nodeCount + 1);
	for (let n = 0; n < nodeCount; n++) offsets[n + 1] = offsets[n]! + degree[n]!;
	const fill = offsets.slice(0, nodeCount);
	const targets = new Uint32Array(2 * E);
	const arcEdges = new Uint32Array(2 * E);
	for (let i = 0; i < E; i++) {
		const f = edgeFrom[i]!;
		const t = edgeTo[i]!;
		targets[fill[f]!] = t;
		arcEdges[fill[f]!] = i;
		fill[f]! += 1;
		targets[fill[t]!] = f;
		arcEdges[fill[t]!] = i;
		fill[t]! += 1;
	}
	return {
		nodeCount,
		edgeCount: E,
		nodeLngLat,
		nodeOsmIds: new Float64Array(0),
		offsets,
		targets,
		arcEdges,
		edgeFrom,
		edgeTo,
		lengthsM,
		edgeWays: new Uint32Array(E),
		edgeFragment: new Uint8Array(E),
		statuses,
		reasons,
		unknowns,
		attributes,
		shapeOffsets: new Uint32Array(E + 1),
		shapeLngLat: new Float64Array(0),
		wayIds: ['synthetic'],
		wayNames: [''],
	};
}

/** `count` origins scattered over the grid's extent (1 resident each, 18 % aged 65+, 5 % 80+). */
export function syntheticOrigins(g: RoutingGraph, count: number, seed = 2): OriginTable {
	const rand = mulberry32(seed);
	const [minX, minY, maxX, maxY] = extentOf(g);
	const lngLat = new Float64Array(count * 2);
	for (let i = 0; i < count; i++) {
		lngLat[i * 2] = minX + rand() * (maxX - minX);
		lngLat[i * 2 + 1] = minY + rand() * (maxY - minY);
	}
	return {
		count,
		ids: Array.from({ length: count }, (_, i) => `o${i}`),
		lngLat,
		residents: new Float32Array(count).fill(1),
		residents65: new Float32Array(count).fill(0.18),
		residents80: new Float32Array(count).fill(0.05),
		neighbourhood: new Uint32Array(count),
		edgeOfData: new Uint8Array(count),
		reason: new Uint8Array(count),
	};
}

/** The extent [minLng, minLat, maxLng, maxLat] of a graph's nodes, in degrees. */
function extentOf(g: RoutingGraph): [number, number, number, number] {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (let n = 0; n < g.nodeCount; n++) {
		minX = Math.min(minX, g.nodeLngLat[n * 2]!);
		maxX = Math.max(maxX, g.nodeLngLat[n * 2]!);
		minY = Math.min(minY, g.nodeLngLat[n * 2 + 1]!);
		maxY = Math.max(maxY, g.nodeLngLat[n * 2 + 1]!);
	}
	return [minX, minY, maxX, maxY];
}

/** `count` places of one category scattered over the grid's extent (ids `p0`, `p1`, ...). */
export function syntheticPlaces(
	g: RoutingGraph,
	count: number,
	categoryId: string,
	seed = 3,
): PlaceTable {
	const rand = mulberry32(seed);
	const [minX, minY, maxX, maxY] = extentOf(g);
	const lngLat = new Float64Array(count * 2);
	for (let i = 0; i < count; i++) {
		lngLat[i * 2] = minX + rand() * (maxX - minX);
		lngLat[i * 2 + 1] = minY + rand() * (maxY - minY);
	}
	return {
		count,
		ids: Array.from({ length: count }, (_, i) => `p${i}`),
		names: Array.from({ length: count }, (_, i) => `synthetic place ${i}`),
		categoryIds: Array.from({ length: count }, () => [categoryId]),
		lngLat,
	};
}

/**
 * A whole synthetic bundle for the engine: `g`, `originCount` origins (one neighbourhood) and
 * `placeCount` places of `categoryId`, all seeded.
 *
 * @example const bundle = syntheticBundle(syntheticGrid(1_000_000, 7), 200_000, 200, 'pharmacy');
 */
export function syntheticBundle(
	g: RoutingGraph,
	originCount: number,
	placeCount: number,
	categoryId: string,
	seed = 4,
): AnalysisBundle {
	const origins = syntheticOrigins(g, originCount, seed);
	const residents65 = origins.residents65.reduce((a, b) => a + b, 0);
	const residents80 = origins.residents80.reduce((a, b) => a + b, 0);
	return {
		version: BUNDLE_VERSION,
		meta: { areaId: 'synthetic', bbox: extentOf(g), dataDate: '1970-01-01' },
		graph: g,
		origins,
		places: syntheticPlaces(g, placeCount, categoryId, seed + 1),
		neighbourhoods: [
			{
				id: 'synthetic',
				name: 'synthetic',
				population: originCount,
				residents65,
				residents80,
				coverageShare: 1,
			},
		],
		network: {
			joinMaxM: 0,
			mainLengthM: g.lengthsM.reduce((a, b) => a + b, 0),
			joins: [],
			fragments: [],
			placesOffMainNetwork: [],
			originsPerReason: {
				none: originCount,
				edge_of_data: 0,
				beyond_access_limit: 0,
				isolated_fragment: 0,
			},
		},
	};
}

/**
 * A bundle where many paths tie: a seeded grid whose edges are all exactly 100 m (paths with the
 * same number of edges cost exactly the same) and places exactly on nodes, spread evenly.
 *
 * @example const { g, bundle } = tiedGridBundle(); // 6,000 edges, 1,500 origins, 12 pharmacies
 */
export function tiedGridBundle(): { g: RoutingGraph; bundle: AnalysisBundle } {
	const g = syntheticGrid(6_000, 17);
	g.lengthsM.fill(100);
	const bundle = syntheticBundle(g, 1500, 12, 'pharmacy', 23);
	for (let i = 0; i < bundle.places.count; i++) {
		const n = Math.floor((i + 0.5) * (g.nodeCount / bundle.places.count));
		bundle.places.lngLat[i * 2] = g.nodeLngLat[n * 2]!;
		bundle.places.lngLat[i * 2 + 1] = g.nodeLngLat[n * 2 + 1]!;
	}
	return { g, bundle };
}
