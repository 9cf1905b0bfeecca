/**
 * Small geodesy helpers shared by the bundle builder and the engine. Distances are great-circle
 * (haversine) on a sphere of the mean Earth radius, in metres; at neighbourhood scale the error
 * against the ellipsoid is below 0.5 %, the same for every path, and the same as pgRouting's
 * `ST_Length(geography)` within tests' tolerance.
 */

/** Mean Earth radius in metres (IUGG). */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres between two lng/lat points (degrees).
 *
 * @example haversineM(4.80, 51.20, 4.81, 51.20) // ≈ 697 m
 */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
	const dLat = (lat2 - lat1) * RAD;
	const dLng = (lng2 - lng1) * RAD;
	const a =
		Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
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
 * Projects a point onto the segment a→b using a local equirectangular plane (exact enough for
 * segments of a few hundred metres), returning the clamped fraction and the haversine distance.
 */
export function projectOnSegment(
	lng: number,
	lat: number,
	aLng: number,
	aLat: number,
	bLng: number,
	bLat: number,
): SegmentProjection {
	const kx = Math.cos(lat * RAD);
	const ax = (aLng - lng) * kx;
	const ay = aLat - lat;
	const bx = (bLng - lng) * kx;
	const by = bLat - lat;
	const dx = bx - ax;
	const dy = by - ay;
	const len2 = dx * dx + dy * dy;
	let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
	if (t < 0) t = 0;
	else if (t > 1) t = 1;
	const pLng = aLng + (bLng - aLng) * t;
	const pLat = aLat + (bLat - aLat) * t;
	return { t, distanceM: haversineM(lng, lat, pLng, pLat), lng: pLng, lat: pLat };
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
 * Throws an error naming `what` unless `ll` is a [longitude, latitude] pair in degrees.
 *
 * @example assertLngLat([4.8, 51.2], 'route start') // passes
 */
export function assertLngLat(ll: unknown, what: string): asserts ll is [number, number] {
	const ok =
		Array.isArray(ll) &&
		ll.length === 2 &&
		typeof ll[0] === 'number' &&
		typeof ll[1] === 'number' &&
		Number.isFinite(ll[0]) &&
		Number.isFinite(ll[1]) &&
		Math.abs(ll[0]) <= 180 &&
		Math.abs(ll[1]) <= 90;
	if (!ok)
		throw new Error(
			`${what}: lngLat must be [longitude, latitude] in degrees, got ${JSON.stringify(ll)}`,
		);
}
