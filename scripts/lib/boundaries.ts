/**
 * The municipality boundaries of an area, published beside its tiles (`boundaries.geojson`): the
 * union of each municipality's neighbourhood polygons. Every area config has neighbourhoods, so no
 * extra input is needed; the app's embedded default uses them to tell which municipality a report
 * lies in, as the database does with its `areas` table. Beside them the neighbourhoods themselves
 * (`neighbourhoods.geojson`), for the app to count places per neighbourhood by polygon.
 */
import { featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Municipality } from './area-config.ts';
import type { NeighbourhoodFeature } from './neighbourhoods.ts';

/** Properties of one municipality's boundary. */
export interface BoundaryProps {
	/** NIS code. */
	nis: string;
	name: string;
}

/** Rounds coordinates to `scale` (1e7: 1e-7°, OSM's own precision), so the file stays small and stable. */
function rounded(geometry: MultiPolygon, scale = 1e7): MultiPolygon {
	const r = (v: number) => Math.round(v * scale) / scale;
	return {
		type: 'MultiPolygon',
		coordinates: geometry.coordinates.map((poly) =>
			poly.map((ring) => ring.map((p) => [r(p[0] as number), r(p[1] as number)])),
		),
	};
}

function asMulti(g: Polygon | MultiPolygon): MultiPolygon {
	return g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;
}

/** Properties of one neighbourhood in `neighbourhoods.geojson`. */
export interface NeighbourhoodPolygonProps {
	/** The statistical code, the id the analysis and the database use (`neighbourhoods.code`). */
	id: string;
	name: string;
	municipality_nis: string;
}

/**
 * Digits kept in `neighbourhoods.geojson`: 1e-6° is about 0.1 m here, far below the precision of
 * the statistical boundaries, and keeps the file about a third smaller than OSM's 1e-7°.
 */
export const NEIGHBOURHOOD_POLYGON_SCALE = 1e6;

/**
 * The area's neighbourhoods as MultiPolygons with their code, name and municipality, in the order
 * given (the pipeline's: by id), coordinates rounded to {@link NEIGHBOURHOOD_POLYGON_SCALE}.
 *
 * @example neighbourhoodPolygons(nb.features).features[0].properties.id // '1301901'
 */
export function neighbourhoodPolygons(
	neighbourhoods: readonly NeighbourhoodFeature[],
): FeatureCollection<MultiPolygon, NeighbourhoodPolygonProps> {
	return featureCollection(
		neighbourhoods.map((f): Feature<MultiPolygon, NeighbourhoodPolygonProps> => {
			return {
				type: 'Feature',
				geometry: rounded(asMulti(f.geometry), NEIGHBOURHOOD_POLYGON_SCALE),
				properties: {
					id: f.properties.id,
					name: f.properties.name,
					municipality_nis: f.properties.municipality_nis,
				},
			};
		}),
	);
}

/**
 * One MultiPolygon per municipality of the config: the union of its neighbourhoods, in the order
 * of `municipalities`.
 *
 * @example municipalityBoundaries(nb.features, config.municipalities).features[0].properties.nis // '13044'
 */
export function municipalityBoundaries(
	neighbourhoods: readonly NeighbourhoodFeature[],
	municipalities: readonly Municipality[],
): FeatureCollection<MultiPolygon, BoundaryProps> {
	return featureCollection(
		municipalities.map((m): Feature<MultiPolygon, BoundaryProps> => {
			const parts = neighbourhoods.filter((f) => f.properties.municipality_nis === m.nis);
			const merged =
				parts.length === 1
					? parts[0]!
					: union(featureCollection(parts as Feature<Polygon | MultiPolygon>[]));
			if (!merged) throw new Error(`municipality ${m.nis} (${m.name}) has no neighbourhood area`);
			return {
				type: 'Feature',
				geometry: rounded(asMulti(merged.geometry)),
				properties: { nis: m.nis, name: m.name },
			};
		}),
	);
}
