/**
 * Snapping points (origins, places, clicked locations) onto the nearest usable edge: the access leg
 * of every analysis. Exact nearest-edge search: every edge is cut into pieces of at most
 * `pieceM` metres whose midpoints go into a KDBush index; a segment's nearest point is at most
 * pieceM / 2 from one of its piece midpoints, so the search widens until no unseen piece can beat
 * the best exact projection found.
 */
import KDBush from 'kdbush';
import type { RoutingGraph } from './bundle.ts';
import { distanceM, metresPerDegree, projectOnSegment } from './geo.ts';

/** Where a point meets the network. */
export interface Snap {
	/** The edge. */
	edge: number;
	/** Position along the edge from `edgeFrom`, as a fraction (0..1) of its length. */
	t: number;
	/** Straight-line access distance in metres from the point to the network. */
	accessM: number;
	/** The snapped point [lng, lat]. */
	lng: number;
	lat: number;
}

/** Calls `fn(aLng, aLat, bLng, bLat, segIndex)` for every segment of edge `e` in shape order. */
export function forEachSegment(
	g: RoutingGraph,
	e: number,
	fn: (aLng: number, aLat: number, bLng: number, bLat: number) => void,
): void {
	const s0 = g.shapeOffsets[e] as number;
	const s1 = g.shapeOffsets[e + 1] as number;
	const f = g.edgeFrom[e] as number;
	const t = g.edgeTo[e] as number;
	let aLng = g.nodeLngLat[f * 2] as number;
	let aLat = g.nodeLngLat[f * 2 + 1] as number;
	for (let s = s0; s <= s1; s++) {
		const bLng = s < s1 ? (g.shapeLngLat[s * 2] as number) : (g.nodeLngLat[t * 2] as number);
		const bLat =
			s < s1 ? (g.shapeLngLat[s * 2 + 1] as number) : (g.nodeLngLat[t * 2 + 1] as number);
		fn(aLng, aLat, bLng, bLat);
		aLng = bLng;
		aLat = bLat;
	}
}

/** The coordinates of edge `e` in shape order, [[lng, lat], ...]. */
export function edgeCoordinates(g: RoutingGraph, e: number): [number, number][] {
	const out: [number, number][] = [];
	forEachSegment(g, e, (aLng, aLat, bLng, bLat) => {
		if (out.length === 0) out.push([aLng, aLat]);
		out.push([bLng, bLat]);
	});
	return out;
}

/** A spatial index of edge pieces for {@link EdgeIndex.snap}. */
export class EdgeIndex {
	readonly graph: RoutingGraph;
	readonly pieceM: number;
	private readonly index: KDBush;
	private readonly pieceEdge: Uint32Array;
	private readonly edgeStamp: Uint32Array;
	private queryStamp = 0;

	/**
	 * @param graph The routing graph.
	 * @param pieceM Longest piece in metres (default 50); smaller is faster per query, larger uses
	 *   less memory.
	 */
	constructor(graph: RoutingGraph, pieceM = 50) {
		this.graph = graph;
		this.pieceM = pieceM;
		let count = 0;
		for (let e = 0; e < graph.edgeCount; e++) {
			forEachSegment(graph, e, (aLng, aLat, bLng, bLat) => {
				count += Math.max(1, Math.ceil(distanceM(aLng, aLat, bLng, bLat) / pieceM));
			});
		}
		this.index = new KDBush(Math.max(1, count), 64, Float32Array);
		this.pieceEdge = new Uint32Array(Math.max(1, count));
		this.edgeStamp = new Uint32Array(graph.edgeCount);
		let i = 0;
		for (let e = 0; e < graph.edgeCount; e++) {
			forEachSegment(graph, e, (aLng, aLat, bLng, bLat) => {
				const n = Math.max(1, Math.ceil(distanceM(aLng, aLat, bLng, bLat) / pieceM));
				for (let k = 0; k < n; k++) {
					const f = (k + 0.5) / n;
					const x = aLng + (bLng - aLng) * f;
					const y = aLat + (bLat - aLat) * f;
					this.index.add(x, y);
					this.pieceEdge[i++] = e;
				}
			});
		}
		if (count === 0) this.index.add(0, 0);
		this.index.finish();
	}

	/** Planar distance (metres, local WGS84 plane: kx, ky metres per degree) from a point to edge `e`. */
	private approxDistanceM(lng: number, lat: number, e: number, kx: number, ky: number): number {
		const g = this.graph;
		const s0 = g.shapeOffsets[e] as number;
		const s1 = g.shapeOffsets[e + 1] as number;
		const f = g.edgeFrom[e] as number;
		const t = g.edgeTo[e] as number;
		let ax = ((g.nodeLngLat[f * 2] as number) - lng) * kx;
		let ay = ((g.nodeLngLat[f * 2 + 1] as number) - lat) * ky;
		let best = Infinity;
		for (let s = s0; s <= s1; s++) {
			const bx =
				((s < s1 ? (g.shapeLngLat[s * 2] as number) : (g.nodeLngLat[t * 2] as number)) - lng) * kx;
			const by =
				((s < s1 ? (g.shapeLngLat[s * 2 + 1] as number) : (g.nodeLngLat[t * 2 + 1] as number)) -
					lat) *
				ky;
			const dx = bx - ax;
			const dy = by - ay;
			const len2 = dx * dx + dy * dy;
			let u = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
			if (u < 0) u = 0;
			else if (u > 1) u = 1;
			const px = ax + u * dx;
			const py = ay + u * dy;
			const d2 = px * px + py * py;
			if (d2 < best) best = d2;
			ax = bx;
			ay = by;
		}
		return Math.sqrt(best);
	}

	/** Exact projection of a point on edge `e`. */
	project(lng: number, lat: number, e: number): Snap {
		const g = this.graph;
		let best = Infinity;
		let bestAlong = 0;
		let bLng = 0;
		let bLat = 0;
		let walked = 0;
		forEachSegment(g, e, (aLng, aLat, cLng, cLat) => {
			const seg = distanceM(aLng, aLat, cLng, cLat);
			const p = projectOnSegment(lng, lat, aLng, aLat, cLng, cLat);
			if (p.distanceM < best) {
				best = p.distanceM;
				bestAlong = walked + p.t * seg;
				bLng = p.lng;
				bLat = p.lat;
			}
			walked += seg;
		});
		const t = walked > 0 ? Math.min(1, bestAlong / walked) : 0;
		return { edge: e, t, accessM: best, lng: bLng, lat: bLat };
	}

	/**
	 * The nearest point on an edge accepted by `usable`, within `maxDistanceM`.
	 *
	 * Exact: pieces are found with box queries of growing radius r; once the best exact projection
	 * among the candidates is ≤ r, no unseen segment can be closer (its nearest piece midpoint
	 * would lie within r + pieceM / 2, inside the box searched).
	 *
	 * @returns the snap, or undefined when no usable edge is that close.
	 */
	snap(
		lng: number,
		lat: number,
		usable: (edge: number) => boolean,
		maxDistanceM: number,
	): Snap | undefined {
		const slack = this.pieceM / 2 + 1; // + 1 m for Float32 coordinates in the index
		const { kx: mPerDegLng, ky: mPerDegLat } = metresPerDegree(lat);
		let r = Math.min(maxDistanceM, 25);
		let best: Snap | undefined;
		const stamp = ++this.queryStamp;
		const cand: number[] = [];
		const approx: number[] = [];
		for (;;) {
			const dy = (r + slack) / mPerDegLat;
			const dx = (r + slack) / mPerDegLng;
			const ids = this.index.range(lng - dx, lat - dy, lng + dx, lat + dy);
			for (const id of ids) {
				const e = this.pieceEdge[id] as number;
				if (this.edgeStamp[e] === stamp) continue;
				this.edgeStamp[e] = stamp;
				if (!usable(e)) continue;
				cand.push(e);
				approx.push(this.approxDistanceM(lng, lat, e, mPerDegLng, mPerDegLat));
			}
			// exact projection only for candidates whose planar distance can compete (the local
			// equirectangular plane is within 0.1 % of the sphere at these distances)
			let bestApprox = Infinity;
			for (const d of approx) if (d < bestApprox) bestApprox = d;
			for (let k = 0; k < cand.length; k++) {
				if ((approx[k] as number) > bestApprox * 1.002 + 0.05) continue;
				const e = cand[k] as number;
				const s = this.project(lng, lat, e);
				if (!best || s.accessM < best.accessM || (s.accessM === best.accessM && e < best.edge))
					best = s;
			}
			if ((best && best.accessM <= r) || r >= maxDistanceM) break;
			r = Math.min(maxDistanceM, r * 3);
		}
		if (!best || best.accessM > maxDistanceM) return undefined;
		return best;
	}
}
