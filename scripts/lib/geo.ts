/**
 * Small planar geometry helpers for the pipeline, on WGS84 lon/lat scaled to metres by the
 * metres per degree of src/analysis/geo.ts (the one geodesy module) at the local latitude.
 */
import FlatQueue from 'flatqueue';
import type { Feature, Geometry, Polygon, Position } from 'geojson';
import { metresPerDegree, pointInRings } from '../../src/analysis/geo.ts';

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

/** Bounding box of features (degrees); throws when there is no coordinate at all. */
export function bboxOf(features: Feature[]): Bbox {
	let w = Infinity;
	let s = Infinity;
	let e = -Infinity;
	let n = -Infinity;
	const visit = (p: Position) => {
		const [x = NaN, y = NaN] = p;
		if (x < w) w = x;
		if (x > e) e = x;
		if (y < s) s = y;
		if (y > n) n = y;
	};
	const walk = (g: Geometry): void => {
		switch (g.type) {
			case 'Point':
				return visit(g.coordinates);
			case 'MultiPoint':
			case 'LineString':
				return g.coordinates.forEach(visit);
			case 'MultiLineString':
			case 'Polygon':
				return g.coordinates.forEach((r) => r.forEach(visit));
			case 'MultiPolygon':
				return g.coordinates.forEach((p) => p.forEach((r) => r.forEach(visit)));
			case 'GeometryCollection':
				return g.geometries.forEach(walk);
		}
	};
	for (const f of features) if (f.geometry) walk(f.geometry);
	if (!Number.isFinite(w)) throw new Error('bboxOf: no coordinates');
	return [w, s, e, n];
}

// The point-in-polygon tests live with the app's neighbourhood locator (one implementation).
export { pointInGeometry, pointInRings } from '../../src/analysis/geo.ts';

/** Area of a ring in square degrees (shoelace; sign gives orientation). */
function ringArea(ring: Position[]): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi = 0, yi = 0] = ring[i] as Position;
		const [xj = 0, yj = 0] = ring[j] as Position;
		a += (xj - xi) * (yj + yi);
	}
	return a / 2;
}

/** The largest polygon of a Polygon/MultiPolygon (by outer-ring area). */
export function largestPolygon(g: Geometry): Polygon | null {
	if (g.type === 'Polygon') return g;
	if (g.type !== 'MultiPolygon') return null;
	let best: Position[][] | null = null;
	let bestArea = -1;
	for (const p of g.coordinates) {
		const a = Math.abs(ringArea(p[0] ?? []));
		if (a > bestArea) {
			bestArea = a;
			best = p;
		}
	}
	return best ? { type: 'Polygon', coordinates: best } : null;
}

function segDist2(px: number, py: number, a: Position, b: Position): number {
	let [x, y] = [a[0] as number, a[1] as number];
	let dx = (b[0] as number) - x;
	let dy = (b[1] as number) - y;
	if (dx !== 0 || dy !== 0) {
		const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
		if (t > 1) {
			x = b[0] as number;
			y = b[1] as number;
		} else if (t > 0) {
			x += dx * t;
			y += dy * t;
		}
	}
	dx = px - x;
	dy = py - y;
	return dx * dx + dy * dy;
}

/**
 * Pole of inaccessibility: the point inside a polygon farthest from its edges, found by the
 * quadtree search of Agafonkin's "polylabel" (re-implemented here). A good place for a label and a
 * guaranteed-inside point for an area, unlike the centroid of a C-shaped polygon.
 *
 * @param precisionM search precision in metres (default 1 m)
 * @returns [lng, lat] rounded to 1e-7 degrees
 */
export function poleOfInaccessibility(polygon: Polygon, precisionM = 1): [number, number] {
	const outer = polygon.coordinates[0];
	if (!outer || outer.length < 4)
		throw new Error('poleOfInaccessibility: polygon has no outer ring');
	const m = metresPerDegree(outer.reduce((s, p) => s + (p[1] as number), 0) / outer.length);
	const kx = m.kx / m.ky;
	// Work in a local frame: x scaled by cos(lat), units of degrees of latitude.
	const rings = polygon.coordinates.map((r) =>
		r.map((p) => [(p[0] as number) * kx, p[1] as number]),
	);
	const precision = precisionM / m.ky;
	const xs = (rings[0] as Position[]).map((p) => p[0] as number);
	const ys = (rings[0] as Position[]).map((p) => p[1] as number);
	const minX = Math.min(...xs);
	const minY = Math.min(...ys);
	const maxX = Math.max(...xs);
	const maxY = Math.max(...ys);
	const dist = (x: number, y: number): number => {
		let min = Infinity;
		for (const r of rings) {
			for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
				min = Math.min(min, segDist2(x, y, r[i] as Position, r[j] as Position));
			}
		}
		return (pointInRings(x, y, rings) ? 1 : -1) * Math.sqrt(min);
	};
	interface Cell {
		x: number;
		y: number;
		h: number;
		d: number;
		max: number;
	}
	const cell = (x: number, y: number, h: number): Cell => {
		const d = dist(x, y);
		return { x, y, h, d, max: d + h * Math.SQRT2 };
	};
	const size = Math.min(maxX - minX, maxY - minY);
	let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0);
	if (size === 0) return [best.x / kx, best.y];
	const queue = new FlatQueue<Cell>();
	const push = (c: Cell) => queue.push(c, -c.max);
	const h0 = size / 2;
	for (let x = minX; x < maxX; x += size)
		for (let y = minY; y < maxY; y += size) push(cell(x + h0, y + h0, h0));
	// Area centroid as a second seed.
	let a = 0;
	let cx = 0;
	let cy = 0;
	const outerL = rings[0] as Position[];
	for (let i = 0, j = outerL.length - 1; i < outerL.length; j = i++) {
		const [ax = 0, ay = 0] = outerL[i] as Position;
		const [bx = 0, by = 0] = outerL[j] as Position;
		const f = ax * by - bx * ay;
		cx += (ax + bx) * f;
		cy += (ay + by) * f;
		a += f * 3;
	}
	if (a !== 0) {
		const c = cell(cx / a, cy / a, 0);
		if (c.d > best.d) best = c;
	}
	while (queue.length > 0) {
		const c = queue.pop() as Cell;
		if (c.d > best.d) best = c;
		if (c.max - best.d <= precision) continue;
		const h = c.h / 2;
		push(cell(c.x - h, c.y - h, h));
		push(cell(c.x + h, c.y - h, h));
		push(cell(c.x - h, c.y + h, h));
		push(cell(c.x + h, c.y + h, h));
	}
	return [Math.round((best.x / kx) * 1e7) / 1e7, Math.round(best.y * 1e7) / 1e7];
}

/** Area of a Polygon/MultiPolygon in m² (on the local WGS84 plane at the ring's first latitude). */
export function areaM2(g: Geometry): number {
	const polys =
		g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
	let total = 0;
	for (const p of polys) {
		p.forEach((ring, i) => {
			const { kx, ky } = metresPerDegree(ring[0]?.[1] ?? 0);
			const a = Math.abs(ringArea(ring)) * kx * ky;
			total += i === 0 ? a : -a;
		});
	}
	return total;
}
