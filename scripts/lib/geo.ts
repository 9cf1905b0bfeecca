/**
 * Small planar geometry helpers for the pipeline, on WGS84 lon/lat scaled to metres by the
 * metres per degree of src/analysis/geo.ts (the one geodesy module) at the local latitude.
 */
import type { Feature, Geometry, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { metresPerDegree } from '../../src/analysis/geo.ts';

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

/**
 * Pole of inaccessibility: the point inside a polygon farthest from its edges, by the npm
 * `polylabel` (Agafonkin's quadtree search), run in a local frame where x is scaled by cos(lat) so
 * that distances are even in both directions. A good place for a label and an inside point for an
 * area, unlike the centroid of a C-shaped polygon.
 *
 * @param precisionM search precision in metres (default 1 m); for a polygon narrower than that it
 *   is narrowed to a quarter of the polygon's width (polylabel would give the box's corner).
 * @returns [lng, lat] rounded to 1e-7 degrees
 */
export function poleOfInaccessibility(polygon: Polygon, precisionM = 1): [number, number] {
	const outer = polygon.coordinates[0];
	if (!outer || outer.length < 4)
		throw new Error('poleOfInaccessibility: polygon has no outer ring');
	const m = metresPerDegree(outer.reduce((s, p) => s + (p[1] as number), 0) / outer.length);
	const kx = m.kx / m.ky;
	// Local frame: x scaled by cos(lat), units of degrees of latitude.
	const rings = polygon.coordinates.map((r) =>
		r.map((p): [number, number] => [(p[0] as number) * kx, p[1] as number]),
	);
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of rings[0]!) {
		[minX, maxX] = [Math.min(minX, x), Math.max(maxX, x)];
		[minY, maxY] = [Math.min(minY, y), Math.max(maxY, y)];
	}
	const size = Math.min(maxX - minX, maxY - minY);
	if (size === 0) return [(minX + maxX) / 2 / kx, (minY + maxY) / 2];
	const [x, y] = polylabel(rings, Math.min(precisionM / m.ky, size / 4));
	return [Math.round((x / kx) * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
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
