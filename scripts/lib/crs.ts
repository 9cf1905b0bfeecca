/**
 * Coordinate reference systems accepted for area inputs, and reprojection to WGS84 with proj4.
 *
 * Belgian open data comes in WGS84 (EPSG:4326) or Belgian Lambert 72 (EPSG:31370). The definition
 * below is EPSG's, including the 7-parameter Belge 1972 → WGS84 transformation (EPSG:15929), which is
 * good to about 1 m; the neighbourhood polygons are generalised far beyond that.
 */
import proj4 from 'proj4';
import type { FeatureCollection, Geometry, Position } from 'geojson';

proj4.defs(
	'EPSG:31370',
	'+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 ' +
		'+x_0=150000.013 +y_0=5400088.438 +ellps=intl ' +
		'+towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs +type=crs',
);

import { SUPPORTED_CRS, type SupportedCrs } from './area-config.ts';

export { SUPPORTED_CRS, type SupportedCrs };

/**
 * Reads the (pre-RFC 7946) `crs` member of a GeoJSON object, if any, as `EPSG:<code>`.
 * `urn:ogc:def:crs:OGC:1.3:CRS84` counts as EPSG:4326 (same datum, lon/lat order).
 */
export function declaredCrs(geojson: unknown): string | null {
	if (typeof geojson !== 'object' || geojson === null || !('crs' in geojson)) return null;
	const crs = (geojson as { crs?: { properties?: { name?: unknown } } }).crs;
	const name = crs?.properties?.name;
	if (typeof name !== 'string') return null;
	if (/CRS84$/i.test(name)) return 'EPSG:4326';
	const m = /EPSG:{1,2}(\d+)$/i.exec(name);
	return m ? `EPSG:${m[1]}` : name;
}

/** Calls `fn` with every position of a geometry. */
export function eachPosition(g: Geometry, fn: (p: Position) => void): void {
	switch (g.type) {
		case 'Point':
			fn(g.coordinates);
			break;
		case 'MultiPoint':
		case 'LineString':
			g.coordinates.forEach(fn);
			break;
		case 'MultiLineString':
		case 'Polygon':
			g.coordinates.forEach((r) => r.forEach(fn));
			break;
		case 'MultiPolygon':
			g.coordinates.forEach((p) => p.forEach((r) => r.forEach(fn)));
			break;
		case 'GeometryCollection':
			g.geometries.forEach((x) => eachPosition(x, fn));
			break;
	}
}

/**
 * Checks that every coordinate is plausible for `crs`, so a file in the wrong CRS fails with a
 * message instead of drawing neighbourhoods in the ocean.
 * @throws Error naming `file`, the CRS and an offending coordinate
 */
export function checkCoordinates(fc: FeatureCollection, crs: SupportedCrs, file: string): void {
	let bad: Position | null = null;
	for (const f of fc.features) {
		if (!f.geometry) continue;
		eachPosition(f.geometry, (p) => {
			if (bad) return;
			const [x = NaN, y = NaN] = p;
			const ok =
				crs === 'EPSG:4326'
					? Math.abs(x) <= 180 && Math.abs(y) <= 90
					: x >= -50_000 && x <= 350_000 && y >= -50_000 && y <= 350_000;
			if (!ok || !Number.isFinite(x) || !Number.isFinite(y)) bad = p;
		});
		if (bad) break;
	}
	if (bad) {
		const hint =
			crs === 'EPSG:4326'
				? ' (these look like projected metres: declare "crs": "EPSG:31370" for Belgian Lambert 72)'
				: ' (these are not Belgian Lambert 72 metres: is the file in WGS84? declare "crs": "EPSG:4326")';
		throw new Error(`${file}: coordinate ${JSON.stringify(bad)} is not valid in ${crs}${hint}`);
	}
}

/** Rounds to 1e-7 degrees (≈ 1 cm), the precision of OSM, so outputs stay compact and stable. */
const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/** A copy of `g` with every position replaced by `fn(position)`. */
export function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
	switch (g.type) {
		case 'Point':
			return { type: 'Point', coordinates: fn(g.coordinates) };
		case 'MultiPoint':
			return { type: 'MultiPoint', coordinates: g.coordinates.map(fn) };
		case 'LineString':
			return { type: 'LineString', coordinates: g.coordinates.map(fn) };
		case 'MultiLineString':
			return { type: 'MultiLineString', coordinates: g.coordinates.map((r) => r.map(fn)) };
		case 'Polygon':
			return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fn)) };
		case 'MultiPolygon':
			return {
				type: 'MultiPolygon',
				coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))),
			};
		case 'GeometryCollection':
			return {
				type: 'GeometryCollection',
				geometries: g.geometries.map((x) => mapPositions(x, fn)),
			};
	}
}

/** Returns a copy of `g` with every position converted from `crs` to WGS84 lon/lat (rounded to 1e-7°). */
export function toWgs84(g: Geometry, crs: SupportedCrs): Geometry {
	const conv =
		crs === 'EPSG:4326'
			? (p: Position): Position => [round7(p[0] as number), round7(p[1] as number)]
			: (p: Position): Position => {
					const [lng, lat] = proj4('EPSG:31370', 'EPSG:4326', [p[0] as number, p[1] as number]);
					return [round7(lng), round7(lat)];
				};
	return mapPositions(g, conv);
}
