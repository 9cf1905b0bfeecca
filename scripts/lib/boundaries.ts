/**
 * The municipality boundaries of an area, published beside its tiles (`boundaries.geojson`): the
 * union of each municipality's neighbourhood polygons. Every area config has neighbourhoods, so no
 * extra input is needed; the app's embedded default uses them to tell which municipality a report
 * lies in, as the database does with its `areas` table.
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

/** Rounds coordinates to 1e-7° (OSM's own precision), so the file stays small and stable. */
function rounded(geometry: MultiPolygon): MultiPolygon {
	const r = (v: number) => Math.round(v * 1e7) / 1e7;
	return {
		type: 'MultiPolygon',
		coordinates: geometry.coordinates.map((poly) =>
			poly.map((ring) => ring.map((p) => [r(p[0] as number), r(p[1] as number)])),
		),
	};
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
			const g = merged.geometry;
			const multi: MultiPolygon =
				g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;
			return {
				type: 'Feature',
				geometry: rounded(multi),
				properties: { nis: m.nis, name: m.name },
			};
		}),
	);
}
