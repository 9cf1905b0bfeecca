/**
 * Walkshed (isochrone): from a point, the part of the network reachable within t minutes for a
 * profile, as lines (edges cut where the time runs out) and as a polygon, with the residents
 * whose own path to the point fits in the time.
 */
import { concave, convex, featureCollection, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiLineString, Polygon, MultiPolygon } from 'geojson';
import type { RoutingGraph } from './bundle.ts';
import type { AnalysisEngine } from './engine.ts';
import { assertLngLat, distanceM, metresPerDegree } from './geo.ts';
import type { ProfileId, UnknownMode } from '../contracts/profiles.ts';
import { SearchSpace } from './search.ts';
import { edgeCoordinates, type Snap } from './snap.ts';

/**
 * The coordinates of edge `e` between fractions f0 < f1 of its length (shape direction).
 *
 * @example edgeSlice(graph, 12, 0, 0.5) // the first half of edge 12
 */
export function edgeSlice(g: RoutingGraph, e: number, f0: number, f1: number): [number, number][] {
	const coords = edgeCoordinates(g, e);
	const seg: number[] = [];
	let total = 0;
	for (let i = 0; i + 1 < coords.length; i++) {
		const a = coords[i] as [number, number];
		const b = coords[i + 1] as [number, number];
		const d = distanceM(a[0], a[1], b[0], b[1]);
		seg.push(d);
		total += d;
	}
	const at = (f: number): { i: number; p: [number, number] } => {
		let target = f * total;
		for (let i = 0; i < seg.length; i++) {
			const d = seg[i] as number;
			if (target <= d || i === seg.length - 1) {
				const r = d > 0 ? Math.min(1, target / d) : 0;
				const a = coords[i] as [number, number];
				const b = coords[i + 1] as [number, number];
				return { i, p: [a[0] + (b[0] - a[0]) * r, a[1] + (b[1] - a[1]) * r] };
			}
			target -= d;
		}
		return { i: 0, p: coords[0] as [number, number] };
	};
	const s = at(Math.max(0, f0));
	const t = at(Math.min(1, f1));
	const out: [number, number][] = [s.p];
	for (let i = s.i + 1; i <= t.i; i++) out.push(coords[i] as [number, number]);
	out.push(t.p);
	return out;
}

/** Result of {@link walkshed}. */
export interface Walkshed {
	/**
	 * Reachable stretches as one MultiLineString (coordinates in degrees); with the `split` option
	 * only the partly reached pieces (an edge cut where the time runs out), the edges reached whole
	 * being in `edges`.
	 */
	lines: Feature<MultiLineString, { minutes: number; profile: ProfileId; lengthM: number }>;
	/**
	 * With the `split` option, the edges (bundle edge indices, the network tiles' feature ids)
	 * reached whole, ascending; empty without it (then `lines` holds them).
	 */
	edges: Uint32Array;
	/** [west, south, east, north] of the reachable stretches (the start point when none). */
	bbox: [number, number, number, number];
	/** Polygon around the reachable network (concave hull, 250 m max edge; convex hull if that fails); null with fewer than 3 points. */
	polygon: Feature<Polygon | MultiPolygon> | null;
	/** Residents whose path to the point fits in the time (edge-of-data origins apart). */
	residents: number;
	residents65: number;
	residents80: number;
	origins: number;
	edgeOfDataResidents: number;
	/** Metres of reachable network on ways with unknown attributes. */
	unknownM: number;
}

/**
 * The walkshed of a point.
 *
 * @param minutes time budget in minutes (> 0).
 * @param options `polygon: false` leaves out the concave hull (the reachable segments are the
 *   walkshed; the hull costs most of the time); `space` a search space to reuse; `split` keeps the
 *   edges reached whole out of `lines` and lists them in `edges` (the map draws those from its
 *   network tiles; the pieces are exactly the ones drawn without it: src/analysis/walkshed.test.ts).
 * @returns undefined when the point is farther than the engine's maxAccessM from a usable way.
 */
export function walkshed(
	engine: AnalysisEngine,
	lngLat: [number, number],
	minutes: number,
	profile: ProfileId,
	unknownMode: UnknownMode = 'optimistic',
	options: { polygon?: boolean; space?: SearchSpace; split?: boolean } = {},
): Walkshed | undefined {
	if (!(minutes > 0)) throw new Error(`minutes must be > 0, got ${minutes}`);
	assertLngLat(lngLat, 'walkshed start');
	const budget = minutes * 60;
	const net = engine.network(profile, unknownMode);
	const start = engine.snapPoint(lngLat[0], lngLat[1], profile, unknownMode);
	if (!start) return undefined;
	const g = engine.graph;
	const space = options.space ?? new SearchSpace(g.nodeCount);
	space.run(net, start, budget);
	const lines: [number, number][][] = [];
	let lengthM = 0;
	let unknownM = 0;
	const seen = new Set<number>();
	const whole: number[] = [];
	const box: [number, number, number, number] = [lngLat[0], lngLat[1], lngLat[0], lngLat[1]];
	const extend = (x: number, y: number): void => {
		if (x < box[0]) box[0] = x;
		if (y < box[1]) box[1] = y;
		if (x > box[2]) box[2] = x;
		if (y > box[3]) box[3] = y;
	};
	// the hull's input in the order of the unsplit lines (the hull depends on it), when split
	const hullLines: [number, number][][] | undefined =
		options.split && options.polygon !== false ? [] : undefined;
	const addPart = (e: number, f0: number, f1: number): void => {
		if (f1 <= f0) return;
		if (options.split && f0 <= 0 && f1 >= 1) {
			whole.push(e);
			hullLines?.push(edgeSlice(g, e, 0, 1));
			for (const n of [g.edgeFrom[e] as number, g.edgeTo[e] as number])
				extend(g.nodeLngLat[2 * n] as number, g.nodeLngLat[2 * n + 1] as number);
			for (let s = g.shapeOffsets[e] as number; s < (g.shapeOffsets[e + 1] as number); s++)
				extend(g.shapeLngLat[2 * s] as number, g.shapeLngLat[2 * s + 1] as number);
		} else {
			const piece = edgeSlice(g, e, f0, f1);
			for (const p of piece) extend(p[0], p[1]);
			lines.push(piece);
			hullLines?.push(piece);
		}
		const l = (f1 - f0) * (g.lengthsM[e] as number);
		lengthM += l;
		if (net.edgeUnknown[e] === 1) unknownM += l;
	};
	const reach = (n: number): number => {
		const c = space.cost(n);
		return c <= budget ? budget - c : -1;
	};
	for (const u of space.settled) {
		for (let a = g.offsets[u] as number; a < (g.offsets[u + 1] as number); a++) {
			const e = g.arcEdges[a] as number;
			if (seen.has(e) || e === start.edge) continue;
			seen.add(e);
			const w = net.edgeCostS[e] as number;
			if (w === Infinity) continue;
			const rf = reach(g.edgeFrom[e] as number);
			const rt = reach(g.edgeTo[e] as number);
			const ff = rf >= 0 ? Math.min(1, rf / w) : 0;
			const ft = rt >= 0 ? Math.min(1, rt / w) : 0;
			if (ff + ft >= 1) addPart(e, 0, 1);
			else {
				addPart(e, 0, ff);
				addPart(e, 1 - ft, 1);
			}
		}
	}
	// the start edge: from the start point both ways, and from its ends
	{
		const e = start.edge;
		const w = net.edgeCostS[e] as number;
		const left = Math.max(0, budget - start.accessM / net.speedMps) / w;
		const rf = reach(g.edgeFrom[e] as number);
		const rt = reach(g.edgeTo[e] as number);
		const intervals: [number, number][] = [
			[Math.max(0, start.t - left), Math.min(1, start.t + left)],
		];
		if (rf >= 0) intervals.push([0, Math.min(1, rf / w)]);
		if (rt >= 0) intervals.push([Math.max(0, 1 - rt / w), 1]);
		intervals.sort((x, y) => x[0] - y[0]);
		let [c0, c1] = intervals[0] as [number, number];
		for (const [a, b] of intervals.slice(1)) {
			if (a <= c1) c1 = Math.max(c1, b);
			else {
				addPart(e, c0, c1);
				[c0, c1] = [a, b];
			}
		}
		addPart(e, c0, c1);
	}

	// residents: origins whose own snap is reached within the budget
	const snaps = engine.originSnaps(profile, unknownMode);
	const o = engine.bundle.origins;
	let residents = 0;
	let residents65 = 0;
	let residents80 = 0;
	let origins = 0;
	let edgeOfDataResidents = 0;
	const visitOriginsOn = (e: number): void => {
		for (
			let k = snaps.byEdgeOffsets[e] as number;
			k < (snaps.byEdgeOffsets[e + 1] as number);
			k++
		) {
			const i = snaps.byEdge[k] as number;
			const s: Snap = {
				edge: e,
				t: snaps.t[i] as number,
				accessM: snaps.accessM[i] as number,
				lng: 0,
				lat: 0,
			};
			const c = costTo(space, net.edgeCostS[e] as number, g, s, start, net.speedMps);
			if (c > budget) continue;
			if (o.edgeOfData[i] === 1) {
				edgeOfDataResidents += o.residents[i] as number;
				continue;
			}
			residents += o.residents[i] as number;
			residents65 += o.residents65[i] as number;
			residents80 += o.residents80[i] as number;
			origins++;
		}
	};
	visitOriginsOn(start.edge);
	for (const e of seen) visitOriginsOn(e);

	if (options.polygon === false) {
		return {
			lines: {
				type: 'Feature',
				geometry: { type: 'MultiLineString', coordinates: lines },
				properties: { minutes, profile, lengthM },
			},
			polygon: null,
			edges: Uint32Array.from(whole).sort(),
			bbox: box,
			residents,
			residents65,
			residents80,
			origins,
			edgeOfDataResidents,
			unknownM,
		};
	}
	// hull input: line vertices thinned to one per ~40 m cell (the hull, with 250 m edges, only
	// needs the outline; turf.concave grows fast with the number of points)
	const pts: [number, number][] = [];
	const cells = new Set<string>();
	const hullInput = hullLines ?? lines;
	const { kx, ky } = metresPerDegree(hullInput[0]?.[0]?.[1] ?? 0);
	for (const l of hullInput) {
		for (const p of l) {
			const k = `${Math.round((p[0] * kx) / 40)},${Math.round((p[1] * ky) / 40)}`;
			if (cells.has(k)) continue;
			cells.add(k);
			pts.push(p);
		}
	}
	let polygon: Feature<Polygon | MultiPolygon> | null = null;
	if (pts.length >= 3) {
		const fc = featureCollection(pts.map((p) => point(p)));
		polygon = concave(fc, { maxEdge: 0.25, units: 'kilometers' }) ?? convex(fc);
	}
	return {
		lines: {
			type: 'Feature',
			geometry: { type: 'MultiLineString', coordinates: lines },
			properties: { minutes, profile, lengthM },
		},
		polygon,
		edges: Uint32Array.from(whole).sort(),
		bbox: box,
		residents,
		residents65,
		residents80,
		origins,
		edgeOfDataResidents,
		unknownM,
	};
}

/**
 * Rounds lines' coordinates in place to 1e-6° (about 0.1 m, finer than any map draws): what the
 * worker sends the map is no more precise than it can show.
 *
 * @example roundCoordinates([[[4.1234567, 51.2]]]) // [[[4.123457, 51.2]]]
 */
export function roundCoordinates(lines: number[][][]): number[][][] {
	for (const line of lines)
		for (const p of line) {
			p[0] = Math.round((p[0] as number) * 1e6) / 1e6;
			p[1] = Math.round((p[1] as number) * 1e6) / 1e6;
		}
	return lines;
}

/** Cost (s) from the search's start to a snapped point. */
function costTo(
	space: SearchSpace,
	w: number,
	g: RoutingGraph,
	s: Snap,
	start: Snap,
	speedMps: number,
): number {
	const e = s.edge;
	let best = Infinity;
	best = Math.min(best, space.cost(g.edgeFrom[e] as number) + s.t * w);
	best = Math.min(best, space.cost(g.edgeTo[e] as number) + (1 - s.t) * w);
	if (start.edge === e)
		best = Math.min(best, start.accessM / speedMps + Math.abs(start.t - s.t) * w);
	return best + s.accessM / speedMps;
}

/** Lines and polygon as one FeatureCollection (for export). */
export function walkshedToGeoJSON(w: Walkshed): FeatureCollection {
	return { type: 'FeatureCollection', features: w.polygon ? [w.lines, w.polygon] : [w.lines] };
}
