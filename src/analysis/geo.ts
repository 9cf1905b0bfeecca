/**
 * THE geodesy module of Buurtkaart: every length, distance and metres-per-degree figure in the
 * analysis, the pipeline and the app comes from here (one model, so a route is never compared with
 * a straight line measured differently).
 *
 * Model: the WGS84 ellipsoid, through cheap-ruler (mapbox/cheap-ruler): at a latitude φ, one
 * degree of longitude is N(φ)·cos φ·π/180 metres and one degree of latitude M(φ)·π/180 metres
 * (N, M: the ellipsoid's normal and meridional radii of curvature). A distance is measured on that
 * plane at the two points' mean latitude. Against exact geodesics (Karney's algorithm, GeographicLib)
 * the error is below 0.001 % for the segments and legs of a municipality (tests: geo.test.ts); the
 * sphere of the mean radius (haversine) is about 0.17 % short at 51° N in the north–south direction.
 */
import { isLngLat } from '../contracts/lnglat.ts';
import CheapRuler from 'cheap-ruler';
import type { Geometry, Position } from 'geojson';

/**
 * Metres per degree of longitude (`kx`) and of latitude (`ky`) at a latitude, on WGS84.
 *
 * @example metresPerDegree(51.2) // { kx: ≈ 69,900, ky: ≈ 111,250 }
 */
export function metresPerDegree(lat: number): { kx: number; ky: number } {
	const r = new CheapRuler(lat, 'meters');
	return { kx: r.kx, ky: r.ky };
}

/**
 * Web Mercator x of a longitude in world units: 0 at 180° W to 1 at 180° E. The projection of
 * MapLibre's map and of the tiles (geojson-vt): at zoom z the world is 2^z tiles, 512 px each on
 * MapLibre's map.
 *
 * @example mercatorX(4.8) // ≈ 0.51333
 */
export function mercatorX(lng: number): number {
	return lng / 360 + 0.5;
}

/**
 * Web Mercator y of a latitude in world units: 0 at the map's north edge (85.0511° N), 0.5 at the
 * equator, 1 at its south edge; not clamped beyond them.
 *
 * @example mercatorY(51.2) // ≈ 0.33389
 */
export function mercatorY(lat: number): number {
	const sin = Math.sin((lat * Math.PI) / 180);
	return 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
}

/**
 * Distance in metres between two lng/lat points (degrees) on the WGS84 ellipsoid, for the
 * distances of a municipality (≤ 0.001 % from the geodesic up to tens of kilometres).
 *
 * @example distanceM(4.80, 51.20, 4.81, 51.20) // ≈ 699 m
 */
export function distanceM(lng1: number, lat1: number, lng2: number, lat2: number): number {
	return new CheapRuler((lat1 + lat2) / 2, 'meters').distance([lng1, lat1], [lng2, lat2]);
}

/** Length in metres of a line of [lng, lat] positions (sum of its segments' {@link distanceM}). */
export function lineLengthM(coords: readonly (readonly number[])[]): number {
	let total = 0;
	for (let i = 1; i < coords.length; i++) {
		const a = coords[i - 1] as readonly number[];
		const b = coords[i] as readonly number[];
		total += distanceM(a[0] as number, a[1] as number, b[0] as number, b[1] as number);
	}
	return total;
}

/** Result of projecting a point onto a segment. */
export interface SegmentProjection {
	/** Fraction along the segment, 0..1. */
	t: number;
	/** Distance in metres from the point to the projected point. */
	distanceM: number;
	lng: number;
	lat: number;
}

/**
 * Projects a point onto the segment a→b on the local WGS84 plane at the point's latitude
 * ({@link metresPerDegree}; exact enough for segments of a few hundred metres), returning the
 * clamped fraction and the {@link distanceM} to the projected point.
 */
export function projectOnSegment(
	lng: number,
	lat: number,
	aLng: number,
	aLat: number,
	bLng: number,
	bLat: number,
): SegmentProjection {
	const { kx, ky } = metresPerDegree(lat);
	const ax = (aLng - lng) * kx;
	const ay = (aLat - lat) * ky;
	const bx = (bLng - lng) * kx;
	const by = (bLat - lat) * ky;
	const dx = bx - ax;
	const dy = by - ay;
	const len2 = dx * dx + dy * dy;
	let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
	if (t < 0) t = 0;
	else if (t > 1) t = 1;
	const pLng = aLng + (bLng - aLng) * t;
	const pLat = aLat + (bLat - aLat) * t;
	return { t, distanceM: distanceM(lng, lat, pLng, pLat), lng: pLng, lat: pLat };
}

/**
 * Hilbert curve index of (x, y) on a 2^16 × 2^16 grid (both in 0..65535), as a number < 2^32.
 * Used to order graph nodes for memory locality.
 */
export function hilbertIndex(x: number, y: number): number {
	const n = 1 << 16;
	let d = 0;
	let xx = x;
	let yy = y;
	for (let s = n >>> 1; s > 0; s >>>= 1) {
		const rx = (xx & s) > 0 ? 1 : 0;
		const ry = (yy & s) > 0 ? 1 : 0;
		d += s * s * ((3 * rx) ^ ry);
		if (ry === 0) {
			if (rx === 1) {
				xx = n - 1 - xx;
				yy = n - 1 - yy;
			}
			const t = xx;
			xx = yy;
			yy = t;
		}
	}
	return d;
}

/**
 * Throws an error naming `what` unless `ll` is a [longitude, latitude] pair in degrees (the one
 * check, src/contracts/lnglat.ts `isLngLat`).
 *
 * @example assertLngLat([4.8, 51.2], 'route start') // passes
 */
export function assertLngLat(ll: unknown, what: string): asserts ll is [number, number] {
	if (!isLngLat(ll))
		throw new Error(
			`${what}: lngLat must be [longitude, latitude] in degrees, got ${JSON.stringify(ll)}`,
		);
}

/** [west, south, east, north] of positions ([Infinity, Infinity, -Infinity, -Infinity] for none). */
export function bboxOfPositions(
	positions: Iterable<readonly [number, number]>,
): [number, number, number, number] {
	let w = Infinity;
	let s = Infinity;
	let e = -Infinity;
	let n = -Infinity;
	for (const [x, y] of positions) {
		w = Math.min(w, x);
		s = Math.min(s, y);
		e = Math.max(e, x);
		n = Math.max(n, y);
	}
	return [w, s, e, n];
}

/** Even–odd point-in-polygon test over all rings (outer and holes) of one polygon. */
export function pointInRings(x: number, y: number, rings: Position[][]): boolean {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [xi = 0, yi = 0] = ring[i] as Position;
			const [xj = 0, yj = 0] = ring[j] as Position;
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

/** Whether lon/lat (x, y) lies inside a Polygon or MultiPolygon geometry. */
export function pointInGeometry(x: number, y: number, g: Geometry): boolean {
	if (g.type === 'Polygon') return pointInRings(x, y, g.coordinates);
	if (g.type === 'MultiPolygon') return g.coordinates.some((p) => pointInRings(x, y, p));
	return false;
}
