/**
 * The contract of `tiles/<area>/basemap.pmtiles` between the pipeline, which writes it
 * (scripts/lib/basemap.ts), and the app's style, which draws it (src/map/style/basemap.ts): its
 * layers, the classes each layer's `class` property takes, and the properties of each layer's
 * features. Pure TypeScript.
 *
 * - `landuse` (polygons) `class`
 * - `water` (polygons) `class`, `name`
 * - `waterways` (lines) `class`, `name`
 * - `buildings` (polygons, no properties), from z13
 * - `roads` (lines) `class`; `subclass` (the highway value), `name`, `ref`, `bridge`, `tunnel`;
 *   minor roads from z11, service and tracks from z12, paths from z13 (scripts/config/tiles.ts)
 * - `place_labels` (points) `class`, `name`
 */

/** The basemap's layers, in the order the pipeline writes them, with the classes of their `class`. */
export const BASEMAP_SCHEMA = {
	landuse: [
		'residential',
		'commercial',
		'industrial',
		'farmland',
		'meadow',
		'grass',
		'forest',
		'heath',
		'scrub',
		'wetland',
		'cemetery',
		'allotments',
		'park',
		'pitch',
	],
	water: ['water', 'basin'],
	waterways: ['river', 'canal', 'stream', 'ditch'],
	buildings: [],
	roads: [
		'motorway',
		'trunk',
		'primary',
		'secondary',
		'tertiary',
		'minor',
		'service',
		'track',
		'path',
	],
	place_labels: ['town', 'village', 'suburb', 'hamlet', 'neighbourhood', 'locality'],
} as const;

/** A layer of the basemap archive. */
export type BasemapLayer = keyof typeof BASEMAP_SCHEMA;

/** The classes a basemap layer's `class` property takes. */
export type BasemapClass<L extends BasemapLayer> = (typeof BASEMAP_SCHEMA)[L][number];

/** The properties each basemap layer's features may carry (all optional but `class`). */
export const BASEMAP_PROPERTIES: Readonly<Record<BasemapLayer, readonly string[]>> = {
	landuse: ['class'],
	water: ['class', 'name'],
	waterways: ['class', 'name'],
	buildings: [],
	roads: ['class', 'subclass', 'name', 'ref', 'bridge', 'tunnel'],
	place_labels: ['class', 'name'],
};
