/**
 * Geometry of OSM ways and multipolygon relations: lines, closed rings, and rings assembled from
 * relation members. Nodes missing from the extract (ways cut at its edge) are skipped; a ring that
 * cannot be closed is dropped rather than guessed.
 */
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { pointInRings } from './geo.ts';
import type { OsmData, OsmRelation, OsmWay } from './osm.ts';

/** Coordinates of a way's nodes that exist in the extract, in order. */
export function wayCoords(way: OsmWay, osm: OsmData): Position[] {
	const out: Position[] = [];
	for (const ref of way.refs) {
		const c = osm.coords.get(ref);
		if (c) out.push(c);
	}
	return out;
}

/** Number of a way's nodes missing from the extract. */
export function missingNodes(way: OsmWay, osm: OsmData): number {
	let n = 0;
	for (const ref of way.refs) if (!osm.coords.has(ref)) n++;
	return n;
}

/** A way as a LineString, or null with fewer than two known nodes. */
export function wayLine(way: OsmWay, osm: OsmData): LineString | null {
	const c = wayCoords(way, osm);
	return c.length >= 2 ? { type: 'LineString', coordinates: c } : null;
}

/** Whether a way is closed (first node = last node, ≥ 4 refs). */
export function isClosed(way: OsmWay): boolean {
	return way.refs.length >= 4 && way.refs[0] === way.refs[way.refs.length - 1];
}

/** A closed way as a Polygon, or null when it is open or lost nodes. */
export function wayPolygon(way: OsmWay, osm: OsmData): Polygon | null {
	if (!isClosed(way)) return null;
	const c = wayCoords(way, osm);
	if (c.length !== way.refs.length) return null;
	return { type: 'Polygon', coordinates: [c] };
}

/** Joins way node lists end to end into closed rings of node ids; open leftovers are dropped. */
export function assembleRings(parts: number[][]): number[][] {
	const pending = parts.filter((p) => p.length >= 2).map((p) => [...p]);
	const rings: number[][] = [];
	while (pending.length > 0) {
		let ring = pending.shift() as number[];
		let progress = true;
		while (ring[0] !== ring[ring.length - 1] && progress) {
			progress = false;
			const end = ring[ring.length - 1];
			for (let i = 0; i < pending.length; i++) {
				const p = pending[i] as number[];
				if (p[0] === end) ring = ring.concat(p.slice(1));
				else if (p[p.length - 1] === end) ring = ring.concat([...p].reverse().slice(1));
				else continue;
				pending.splice(i, 1);
				progress = true;
				break;
			}
		}
		if (ring.length >= 4 && ring[0] === ring[ring.length - 1]) rings.push(ring);
	}
	return rings;
}

/**
 * A multipolygon relation as a (Multi)Polygon: outer and inner rings assembled from member ways,
 * each inner ring put in the outer ring that contains it. Null when no outer ring closes.
 */
export function relationPolygon(
	rel: OsmRelation,
	osm: OsmData,
	waysById: Map<number, OsmWay>,
): Polygon | MultiPolygon | null {
	const outerParts: number[][] = [];
	const innerParts: number[][] = [];
	for (const m of rel.members) {
		if (m.type !== 'way') continue;
		const w = waysById.get(m.ref);
		if (!w) continue;
		(m.role === 'inner' ? innerParts : outerParts).push(w.refs);
	}
	const toCoords = (ring: number[]): Position[] | null => {
		const out: Position[] = [];
		for (const id of ring) {
			const c = osm.coords.get(id);
			if (!c) return null;
			out.push(c);
		}
		return out;
	};
	const outers = assembleRings(outerParts)
		.map(toCoords)
		.filter((r): r is Position[] => r !== null);
	if (outers.length === 0) return null;
	const inners = assembleRings(innerParts)
		.map(toCoords)
		.filter((r): r is Position[] => r !== null);
	const polys: Position[][][] = outers.map((o) => [o]);
	for (const inner of inners) {
		const [x = 0, y = 0] = inner[0] as Position;
		const host = polys.find((p) => pointInRings(x, y, [p[0] as Position[]]));
		if (host) host.push(inner);
	}
	return polys.length === 1
		? { type: 'Polygon', coordinates: polys[0] as Position[][] }
		: { type: 'MultiPolygon', coordinates: polys };
}

/** The point halfway along a line (by planar length). */
export function lineMidpoint(coords: Position[]): [number, number] {
	const seg: number[] = [];
	let total = 0;
	for (let i = 1; i < coords.length; i++) {
		const [ax = 0, ay = 0] = coords[i - 1] as Position;
		const [bx = 0, by = 0] = coords[i] as Position;
		const d = Math.hypot(bx - ax, by - ay);
		seg.push(d);
		total += d;
	}
	let half = total / 2;
	for (let i = 0; i < seg.length; i++) {
		const d = seg[i] as number;
		if (half <= d && d > 0) {
			const [ax = 0, ay = 0] = coords[i] as Position;
			const [bx = 0, by = 0] = coords[i + 1] as Position;
			const t = half / d;
			return [
				Math.round((ax + (bx - ax) * t) * 1e7) / 1e7,
				Math.round((ay + (by - ay) * t) * 1e7) / 1e7,
			];
		}
		half -= d;
	}
	const [x = 0, y = 0] = coords[0] as Position;
	return [x, y];
}
