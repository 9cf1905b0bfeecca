/**
 * Coordinate reference systems accepted for area inputs, and reprojection to WGS84 with proj4.
 *
 * Belgian open data comes in WGS84 (EPSG:4326) or Belgian Lambert 72 (EPSG:31370). The definition
 * below is EPSG's, including the 7-parameter Belge 1972 → WGS84 transformation (EPSG:15929), which is
 * good to about 1 m; the neighbourhood polygons are generalised far beyond that.
 */
import proj4 from 'proj4';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { InputError } from './io.ts';

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

/** Nesting depth of `coordinates` per geometry type (0: one position). */
const DEPTH: Record<string, number> = {
	Point: 0,
	MultiPoint: 1,
	LineString: 1,
	MultiLineString: 2,
	Polygon: 2,
	MultiPolygon: 3,
};

const SHAPE: Record<string, string> = {
	Point: '[x, y]',
	MultiPoint: '[[x, y], …]',
	LineString: '[[x, y], [x, y], …]',
	MultiLineString: '[[[x, y], …], …]',
	Polygon: '[[[x, y], …]] (rings of positions)',
	MultiPolygon: '[[[[x, y], …]], …] (polygons of rings)',
};

/** [west, south, east, north] of Belgium (EPSG:4326), as the database checks it. */
const BELGIUM = [2.54, 49.49, 6.41, 51.51] as const;
const inBelgium = (x: number, y: number) =>
	x >= BELGIUM[0] && x <= BELGIUM[2] && y >= BELGIUM[1] && y <= BELGIUM[3];

/** JSON of a value, cut to `max` characters. */
function show(value: unknown, max = 60): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * What is wrong with one position in `crs`, with a hint that fits the value, or null when it is
 * fine: null, text, not finite, wrong length, out of range, swapped, or in the other CRS.
 */
export function positionProblem(p: unknown, crs: SupportedCrs): string | null {
	if (!Array.isArray(p))
		return `a position must be an array [x, y], got ${show(p)} (wrong nesting of "coordinates"?)`;
	if (p.length < 2 || p.length > 3)
		return `a position has 2 numbers [x, y] (3 with a height), got ${p.length}: ${show(p)}`;
	for (const v of p) {
		if (v === null)
			return `coordinate ${show(p)} has an empty (null) value: fill in the position or remove the feature`;
		if (typeof v === 'string') {
			return `coordinate ${show(p)} holds text ${show(v)}, not a number: write numbers without quotes`;
		}
		if (typeof v !== 'number') return `coordinate ${show(p)} holds ${show(v)}, not a number`;
		if (!Number.isFinite(v))
			return `coordinate ${show(p)} is not a finite number (NaN or Infinity)`;
	}
	const [x, y] = p as [number, number];
	if (crs === 'EPSG:4326') {
		const inRange = Math.abs(x) <= 180 && Math.abs(y) <= 90;
		if (!inRange && x >= 1000 && x <= 350_000 && y >= 1000 && y <= 350_000) {
			return `coordinate ${show(p)} is not valid in EPSG:4326: these look like projected metres; declare "crs": "EPSG:31370" for Belgian Lambert 72`;
		}
		if (!inRange && Math.abs(x) <= 90 && Math.abs(y) <= 180) {
			return `coordinate ${show(p)} is not valid in EPSG:4326: latitude ${y} is beyond ±90; longitude and latitude look swapped (GeoJSON is [longitude, latitude])`;
		}
		if (!inRange) {
			return `coordinate ${show(p)} is out of range for EPSG:4326 (longitude −180..180, latitude −90..90)`;
		}
		if (!inBelgium(x, y) && inBelgium(y, x)) {
			return `coordinate ${show(p)} lies outside Belgium, but swapped it lies inside: GeoJSON is [longitude, latitude]`;
		}
		return null;
	}
	if (x >= -50_000 && x <= 350_000 && y >= -50_000 && y <= 350_000) return null;
	if (Math.abs(x) <= 180 && Math.abs(y) <= 90) {
		return `coordinate ${show(p)} is not valid in EPSG:31370: these look like degrees; is the file in WGS84? declare "crs": "EPSG:4326"`;
	}
	return `coordinate ${show(p)} is outside Belgian Lambert 72's range (x and y 0..300,000 m): is the file in another projection?`;
}

/** What is wrong with a geometry's structure or positions, or null when nothing is. */
export function geometryProblem(g: unknown, crs: SupportedCrs): string | null {
	const geom = g as { type?: unknown; coordinates?: unknown; geometries?: unknown } | null;
	if (geom === null || typeof geom !== 'object')
		return `geometry must be an object, got ${show(g)}`;
	if (geom.type === 'GeometryCollection') {
		if (!Array.isArray(geom.geometries))
			return 'a GeometryCollection needs "geometries" (an array)';
		for (const part of geom.geometries) {
			const problem = geometryProblem(part, crs);
			if (problem) return problem;
		}
		return null;
	}
	const type = String(geom.type);
	const depth = DEPTH[type];
	if (depth === undefined) return `unknown geometry type ${show(geom.type)}`;
	const walk = (c: unknown, level: number, path: string): string | null => {
		if (level === 0) return positionProblem(c, crs);
		if (!Array.isArray(c)) {
			return `${type} "coordinates"${path} must be an array, got ${show(c)}: a ${type} is ${SHAPE[type]}`;
		}
		const isRing = (type === 'Polygon' && level === 1) || (type === 'MultiPolygon' && level === 1);
		const isLine =
			(type === 'LineString' && level === 1) || (type === 'MultiLineString' && level === 1);
		if (isRing && c.length < 4) {
			return `ring${path} has ${c.length} positions: a polygon ring needs at least 4, the last equal to the first`;
		}
		if (isLine && c.length < 2)
			return `line${path} has ${c.length} position(s): a line needs at least 2`;
		for (let i = 0; i < c.length; i++) {
			const problem = walk(c[i], level - 1, `${path}[${i}]`);
			if (problem) return problem;
		}
		return null;
	};
	return walk(geom.coordinates, depth, '');
}

/**
 * Checks every feature's geometry: its structure (nesting, enough positions) and every coordinate
 * (a finite number, plausible for `crs`), so a bad file fails with one line naming the file, the
 * feature and the value, and a hint that fits it, instead of a stack trace or neighbourhoods in
 * the ocean. Features without a geometry are left to the caller.
 * @param label names feature `i` (e.g. with its id); default `feature <i>`
 * @throws InputError
 */
export function checkCoordinates(
	fc: FeatureCollection,
	crs: SupportedCrs,
	file: string,
	label: (feature: Feature, i: number) => string = (_f, i) => `feature ${i}`,
): void {
	fc.features.forEach((f, i) => {
		if (!f || typeof f !== 'object' || f.geometry === null || f.geometry === undefined) return;
		const problem = geometryProblem(f.geometry, crs);
		if (problem) throw new InputError(`${file}: ${label(f, i)}: ${problem}`);
	});
}

/** Rounds to 1e-7 degrees (≈ 1 cm), the precision of OSM, so outputs stay compact and stable. */
const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/** Calls `fn` with every position of a (valid) geometry. */
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
