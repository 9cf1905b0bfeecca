/**
 * `tiles/<area>/neighbourhoods.geojson`, written by the pipeline's "neighbourhood polygons" step
 * (scripts/lib/boundaries.ts) and read by the app (src/data/tiles.ts): one feature per
 * neighbourhood, its statistical code as `id`, its name and municipality, a (Multi)Polygon.
 */
import * as v from 'valibot';

export const NeighbourhoodsFileSchema = v.object({
	type: v.literal('FeatureCollection'),
	features: v.array(v.unknown()),
});

export const NeighbourhoodPropertiesSchema = v.object({
	id: v.pipe(v.string(), v.nonEmpty()),
	name: v.optional(v.string()),
	municipality_nis: v.optional(v.string()),
});

const rings = v.array(v.unknown());
export const NeighbourhoodGeometrySchema = v.variant('type', [
	v.object({ type: v.literal('Polygon'), coordinates: rings }),
	v.object({ type: v.literal('MultiPolygon'), coordinates: rings }),
]);
