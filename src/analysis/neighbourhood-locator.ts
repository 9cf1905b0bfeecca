/**
 * Which neighbourhood holds a point, by its polygon: a bounding-box test first, then the even–odd
 * point-in-polygon test of geo.ts. The pipeline places address points in their neighbourhood this
 * way (scripts/lib/origins.ts), and the app counts places and initiatives per neighbourhood with
 * the polygons the pipeline publishes (`neighbourhoods.geojson`), so both use the same rule.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { pointInGeometry } from './geo.ts';

/** Anything with a (Multi)Polygon geometry. */
export interface Locatable {
	geometry: Polygon | MultiPolygon;
}

/**
 * A function giving the index in `neighbourhoods` of the first one whose polygon holds
 * (lng, lat), or -1 when none does. Boxes are computed once, from the outer rings.
 *
 * @example neighbourhoodLocator(fc.features)(4.79, 51.2) // 2
 */
export function neighbourhoodLocator(
	neighbourhoods: readonly Locatable[],
): (lng: number, lat: number) => number {
	const boxes = neighbourhoods.map((f) => {
		let w = Infinity;
		let s = Infinity;
		let e = -Infinity;
		let n = -Infinity;
		const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		for (const p of polys)
			for (const [x = 0, y = 0] of p[0] ?? []) {
				w = Math.min(w, x);
				e = Math.max(e, x);
				s = Math.min(s, y);
				n = Math.max(n, y);
			}
		return [w, s, e, n] as const;
	});
	return (lng, lat) =>
		neighbourhoods.findIndex((nb, j) => {
			const b = boxes[j]!;
			return (
				lng >= b[0] &&
				lng <= b[2] &&
				lat >= b[1] &&
				lat <= b[3] &&
				pointInGeometry(lng, lat, nb.geometry)
			);
		});
}
