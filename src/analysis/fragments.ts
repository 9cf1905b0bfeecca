/**
 * Fragments of the walking network and their joins, for the bundle builder (bundle.ts).
 *
 * OSM maps some walkable ways without a shared node with the street they belong to: bus and tram
 * platforms (`highway=platform`), sidewalks drawn apart, a path that stops a metre short of the
 * road. Left alone, such a way is an island: a bus stop or a bench that snaps onto it is
 * unreachable for everyone. The builder therefore
 * 1. finds the connected components of the walkable network; the main component is the one with
 *    the greatest length;
 * 2. joins every other component to the main one by a short connector where they come within
 *    {@link JOIN_MAX_M}: from the component's vertex nearest to the main network, and from each of
 *    its dead ends within that bound, to the nearest point of a main-network way, unless the
 *    connector would cross a barrier line (water, railway, a road closed to pedestrians, a fence
 *    or wall). Components joined in one round are part of the main network in the next;
 * 3. leaves the rest as isolated fragments: origins whose nearest way lies on one carry the reason
 *    "isolated fragment", places on one are listed in the manifest with a warning.
 *
 * Every join is recorded (the bundle header, the manifest). Pure and deterministic.
 */
import { distanceM, metresPerDegree, projectOnSegment } from './geo.ts';

/** Longest connector the builder adds between a fragment and the main network, in metres. */
export const JOIN_MAX_M = 20;

/** Rounds of joining (a fragment near a just-joined one is joined in the next round). */
const JOIN_ROUNDS = 3;

/** A walkable run of OSM nodes (a way, or the part of it inside the extract). */
export interface Piece {
	/** Index of its way in the builder's walkable way list. */
	way: number;
	/** Node ids in order (OSM ids; synthetic nodes are negative). */
	nodes: number[];
}

/** A connector added between a fragment and the main network. */
export interface NetworkJoin {
	/** Synthetic way id of the connector (`j1`, `j2` …). */
	id: string;
	/** The fragment's node (OSM id) where the connector starts, and its way. */
	fromNode: number;
	fromWay: string;
	/** The main network's way it meets, and where: [lng, lat]. */
	toWay: string;
	from: [number, number];
	to: [number, number];
	lengthM: number;
}

/** Grid of segments for nearest-point queries within a small radius. */
class SegmentGrid {
	private readonly cells = new Map<string, number[]>();
	/** Segment k: piece index and position of its first node in the piece. */
	readonly piece: number[] = [];
	readonly at: number[] = [];
	constructor(private readonly cellDeg: number) {}
	private key(cx: number, cy: number): string {
		return `${cx},${cy}`;
	}
	add(p: number, i: number, a: [number, number], b: [number, number]): void {
		const k = this.piece.length;
		this.piece.push(p);
		this.at.push(i);
		const c = this.cellDeg;
		for (
			let cx = Math.floor(Math.min(a[0], b[0]) / c);
			cx <= Math.floor(Math.max(a[0], b[0]) / c);
			cx++
		) {
			for (
				let cy = Math.floor(Math.min(a[1], b[1]) / c);
				cy <= Math.floor(Math.max(a[1], b[1]) / c);
				cy++
			) {
				const key = this.key(cx, cy);
				const list = this.cells.get(key);
				if (list) list.push(k);
				else this.cells.set(key, [k]);
			}
		}
	}
	/** Segments whose cells touch the box of (lng, lat) ± (dx, dy) degrees, each once, in order. */
	near(lng: number, lat: number, dx: number, dy: number): number[] {
		const c = this.cellDeg;
		const out = new Set<number>();
		for (let cx = Math.floor((lng - dx) / c); cx <= Math.floor((lng + dx) / c); cx++) {
			for (let cy = Math.floor((lat - dy) / c); cy <= Math.floor((lat + dy) / c); cy++) {
				for (const k of this.cells.get(this.key(cx, cy)) ?? []) out.add(k);
			}
		}
		return [...out].sort((a, b) => a - b);
	}
}

/** Whether segments p1–p2 and q1–q2 properly cross (planar lng/lat; touching does not count). */
function segmentsCross(
	p1: readonly number[],
	p2: readonly number[],
	q1: readonly number[],
	q2: readonly number[],
): boolean {
	const o = (a: readonly number[], b: readonly number[], c: readonly number[]): number =>
		Math.sign(
			((b[0] as number) - (a[0] as number)) * ((c[1] as number) - (a[1] as number)) -
				((b[1] as number) - (a[1] as number)) * ((c[0] as number) - (a[0] as number)),
		);
	const d1 = o(q1, q2, p1);
	const d2 = o(q1, q2, p2);
	const d3 = o(p1, p2, q1);
	const d4 = o(p1, p2, q2);
	return d1 * d2 < 0 && d3 * d4 < 0;
}

/** Union–find over node ids. */
class Components {
	private readonly parent = new Map<number, number>();
	find(x: number): number {
		let r = x;
		for (;;) {
			const p = this.parent.get(r);
			if (p === undefined || p === r) break;
			r = p;
		}
		// path compression
		let y = x;
		while (y !== r) {
			const p = this.parent.get(y) as number;
			this.parent.set(y, r);
			y = p;
		}
		return r;
	}
	union(a: number, b: number): void {
		const ra = this.find(a);
		const rb = this.find(b);
		if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
	}
}

/** The component root of every piece and the main root (greatest length, then lowest root). */
function componentsOf(
	pieces: readonly Piece[],
	ll: (id: number) => [number, number],
): { comp: Components; main: number; lengthOf: Map<number, number> } {
	const comp = new Components();
	for (const p of pieces)
		for (let i = 1; i < p.nodes.length; i++) comp.union(p.nodes[0] as number, p.nodes[i] as number);
	const lengthOf = new Map<number, number>();
	for (const p of pieces) {
		let len = 0;
		for (let i = 1; i < p.nodes.length; i++) {
			const a = ll(p.nodes[i - 1] as number);
			const b = ll(p.nodes[i] as number);
			len += distanceM(a[0], a[1], b[0], b[1]);
		}
		const r = comp.find(p.nodes[0] as number);
		lengthOf.set(r, (lengthOf.get(r) ?? 0) + len);
	}
	let main = NaN;
	for (const [r, len] of lengthOf) {
		const best = lengthOf.get(main);
		if (best === undefined || len > best || (len === best && r < main)) main = r;
	}
	return { comp, main, lengthOf };
}

/**
 * Joins fragments to the main network (see the module comment). Changes `pieces` in place (a
 * synthetic node is inserted where a connector meets a way between two of its nodes) and returns
 * the connectors as new pieces, their records and the synthetic nodes' coordinates.
 *
 * @param wayIdOf the way id of a piece's `way` index (for the records)
 * @param connectorWay the way index to give connector k (0-based)
 * @param barriers lines a connector must not cross, [[lng, lat], …]
 */
export function joinFragments(
	pieces: Piece[],
	ll: (id: number) => [number, number] | undefined,
	wayIdOf: (way: number) => string,
	connectorWay: (k: number) => number,
	barriers: readonly (readonly (readonly number[])[])[] = [],
	maxM = JOIN_MAX_M,
): { connectors: Piece[]; joins: NetworkJoin[]; synthetic: Map<number, [number, number]> } {
	const synthetic = new Map<number, [number, number]>();
	const coord = (id: number): [number, number] =>
		(id < 0 ? synthetic.get(id) : ll(id)) as [number, number];
	const connectors: Piece[] = [];
	const joins: NetworkJoin[] = [];
	if (pieces.length === 0) return { connectors, joins, synthetic };
	const anyLat = coord(pieces[0]?.nodes[0] as number)[1];
	const { kx, ky } = metresPerDegree(anyLat);
	const cellDeg = 0.001;
	// barrier segments in a grid
	const barrierGrid = new SegmentGrid(cellDeg);
	const barrierSegs: [readonly number[], readonly number[]][] = [];
	for (const line of barriers) {
		for (let i = 1; i < line.length; i++) {
			const a = line[i - 1] as readonly number[];
			const b = line[i] as readonly number[];
			barrierGrid.add(
				barrierSegs.length,
				0,
				[a[0] as number, a[1] as number],
				[b[0] as number, b[1] as number],
			);
			barrierSegs.push([a, b]);
		}
	}
	const crossesBarrier = (a: [number, number], b: [number, number]): boolean => {
		const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
		const dx = Math.abs(a[0] - b[0]) / 2 + 1e-6;
		const dy = Math.abs(a[1] - b[1]) / 2 + 1e-6;
		for (const k of barrierGrid.near(mid[0], mid[1], dx, dy)) {
			const s = barrierSegs[barrierGrid.piece[k] as number] as [
				readonly number[],
				readonly number[],
			];
			if (segmentsCross(a, b, s[0], s[1])) return true;
		}
		return false;
	};

	for (let round = 0; round < JOIN_ROUNDS; round++) {
		const all = [...pieces, ...connectors];
		const { comp, main } = componentsOf(all, coord);
		// main-network segments
		const grid = new SegmentGrid(cellDeg);
		pieces.forEach((p, pi) => {
			if (comp.find(p.nodes[0] as number) !== main) return;
			for (let i = 1; i < p.nodes.length; i++)
				grid.add(pi, i - 1, coord(p.nodes[i - 1] as number), coord(p.nodes[i] as number));
		});
		// fragments: their pieces, vertices and degree
		const fragPieces = new Map<number, number[]>();
		pieces.forEach((p, pi) => {
			const r = comp.find(p.nodes[0] as number);
			if (r === main) return;
			const list = fragPieces.get(r);
			if (list) list.push(pi);
			else fragPieces.set(r, [pi]);
		});
		if (fragPieces.size === 0) break;
		interface Target {
			d: number;
			piece: number;
			at: number;
			t: number;
			lng: number;
			lat: number;
		}
		const nearestMain = (v: [number, number]): Target | undefined => {
			let best: Target | undefined;
			for (const k of grid.near(v[0], v[1], maxM / kx, maxM / ky)) {
				const pi = grid.piece[k] as number;
				const i = grid.at[k] as number;
				const p = pieces[pi] as Piece;
				const a = coord(p.nodes[i] as number);
				const b = coord(p.nodes[i + 1] as number);
				const pr = projectOnSegment(v[0], v[1], a[0], a[1], b[0], b[1]);
				if (pr.distanceM > maxM) continue;
				if (!best || pr.distanceM < best.d - 1e-9) {
					best = { d: pr.distanceM, piece: pi, at: i, t: pr.t, lng: pr.lng, lat: pr.lat };
				}
			}
			return best;
		};
		const planned: { from: number; fromPiece: number; target: Target }[] = [];
		for (const r of [...fragPieces.keys()].sort((a, b) => a - b)) {
			const pis = fragPieces.get(r) as number[];
			const degree = new Map<number, number>();
			for (const pi of pis) {
				const n = (pieces[pi] as Piece).nodes;
				n.forEach((id, i) =>
					degree.set(id, (degree.get(id) ?? 0) + (i === 0 || i === n.length - 1 ? 1 : 2)),
				);
			}
			let closest: { from: number; fromPiece: number; target: Target } | undefined;
			const deadEnds: { from: number; fromPiece: number; target: Target }[] = [];
			const seen = new Set<number>();
			for (const pi of pis) {
				for (const id of (pieces[pi] as Piece).nodes) {
					if (seen.has(id)) continue;
					seen.add(id);
					const v = coord(id);
					const target = nearestMain(v);
					if (!target || crossesBarrier(v, [target.lng, target.lat])) continue;
					const cand = { from: id, fromPiece: pi, target };
					if (!closest || target.d < closest.target.d) closest = cand;
					if (degree.get(id) === 1) deadEnds.push(cand);
				}
			}
			if (!closest) continue;
			planned.push(closest);
			for (const c of deadEnds) if (c.from !== closest.from) planned.push(c);
		}
		if (planned.length === 0) break;
		// the point met on each main piece: an existing node when within 0.5 m, else a new node
		const inserts = new Map<number, { at: number; t: number; id: number }[]>();
		for (const j of planned) {
			const p = pieces[j.target.piece] as Piece;
			const a = coord(p.nodes[j.target.at] as number);
			const b = coord(p.nodes[j.target.at + 1] as number);
			const segM = distanceM(a[0], a[1], b[0], b[1]);
			let to: number;
			if (j.target.t * segM <= 0.5) to = p.nodes[j.target.at] as number;
			else if ((1 - j.target.t) * segM <= 0.5) to = p.nodes[j.target.at + 1] as number;
			else {
				to = -(synthetic.size + 1);
				synthetic.set(to, [
					Math.round(j.target.lng * 1e7) / 1e7,
					Math.round(j.target.lat * 1e7) / 1e7,
				]);
				const list = inserts.get(j.target.piece) ?? [];
				list.push({ at: j.target.at, t: j.target.t, id: to });
				inserts.set(j.target.piece, list);
			}
			const k = connectors.length;
			const from = coord(j.from);
			const at = coord(to);
			connectors.push({ way: connectorWay(k), nodes: [j.from, to] });
			joins.push({
				id: `j${k + 1}`,
				fromNode: j.from,
				fromWay: wayIdOf((pieces[j.fromPiece] as Piece).way),
				toWay: wayIdOf(p.way),
				from,
				to: at,
				lengthM: Math.round(distanceM(from[0], from[1], at[0], at[1]) * 100) / 100,
			});
		}
		for (const [pi, list] of inserts) {
			const p = pieces[pi] as Piece;
			// from the last segment back, so earlier positions stay valid; within a segment by t
			list.sort((x, y) => y.at - x.at || y.t - x.t);
			for (const ins of list) p.nodes.splice(ins.at + 1, 0, ins.id);
		}
	}
	return { connectors, joins, synthetic };
}

/** A component of the final graph that is not connected to the main network. */
export interface NetworkFragment {
	/** Total length of its edges, metres. */
	lengthM: number;
	edges: number;
	/** Its ways (OSM ids), at most 10. */
	ways: string[];
	/** A node of it, [lng, lat]. */
	at: [number, number];
}

/**
 * Components of a graph given as edge end arrays: per edge 1 when it is not in the main component
 * (greatest total length), and the fragments in order of their first edge.
 */
export function markFragments(
	nodeCount: number,
	edgeFrom: Uint32Array,
	edgeTo: Uint32Array,
	lengthsM: Float32Array,
): { edgeFragment: Uint8Array; fragmentOfEdge: Int32Array; mainLengthM: number; count: number } {
	const parent = new Int32Array(nodeCount);
	for (let i = 0; i < nodeCount; i++) parent[i] = i;
	const find = (x: number): number => {
		let r = x;
		while (parent[r] !== r) r = parent[r] as number;
		while (parent[x] !== r) {
			const p = parent[x] as number;
			parent[x] = r;
			x = p;
		}
		return r;
	};
	const E = edgeFrom.length;
	for (let e = 0; e < E; e++) {
		const a = find(edgeFrom[e] as number);
		const b = find(edgeTo[e] as number);
		if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
	}
	const len = new Map<number, number>();
	for (let e = 0; e < E; e++) {
		const r = find(edgeFrom[e] as number);
		len.set(r, (len.get(r) ?? 0) + (lengthsM[e] as number));
	}
	let main = -1;
	for (const [r, l] of len) {
		const b = len.get(main);
		if (b === undefined || l > b || (l === b && r < main)) main = r;
	}
	const edgeFragment = new Uint8Array(E);
	const fragmentOfEdge = new Int32Array(E).fill(-1);
	const index = new Map<number, number>();
	for (let e = 0; e < E; e++) {
		const r = find(edgeFrom[e] as number);
		if (r === main) continue;
		edgeFragment[e] = 1;
		let k = index.get(r);
		if (k === undefined) {
			k = index.size;
			index.set(r, k);
		}
		fragmentOfEdge[e] = k;
	}
	return { edgeFragment, fragmentOfEdge, mainLengthM: len.get(main) ?? 0, count: index.size };
}
