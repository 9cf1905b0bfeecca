/**
 * Neighbourhood polygons with population → normalised WGS84 features for the tiles, the analysis and
 * the manifest, plus one label point inside each.
 */
import { kinks } from '@turf/kinks';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { AreaConfig, NeighbourhoodSource } from './area-config.ts';
import type { AgeShares } from './age-structure.ts';
import { checkCoordinates, declaredCrs, SUPPORTED_CRS, toWgs84, type SupportedCrs } from './crs.ts';
import { areaM2, largestPolygon, poleOfInaccessibility } from './geo.ts';
import { InputError, readFeatureCollection } from './io.ts';

/** Properties of a neighbourhood as written to the tiles. Counts are persons. */
export interface NeighbourhoodProps {
	/** The source's neighbourhood code (e.g. the ggw7 code `13044A0`). */
	id: string;
	name: string;
	municipality_nis: string;
	municipality: string;
	population: number;
	/** Estimated residents aged 65+ (municipal share × population), rounded; absent without age data. */
	population_65plus?: number;
	population_80plus?: number;
	area_km2: number;
	/** Share (0..1) of the polygon inside the OSM extract; absent when the source does not say. */
	osm_coverage_share?: number;
}

export type NeighbourhoodFeature = Feature<Polygon | MultiPolygon, NeighbourhoodProps>;
export type NeighbourhoodLabel = Feature<Point, { id: string; name: string; population: number }>;

/**
 * Why a (Multi)Polygon is not valid as PostGIS's st_isvalid sees it, or null: every ring closed,
 * no ring crossing itself or another ring (turf's kinks finds the crossings).
 */
export function polygonProblem(g: Polygon | MultiPolygon): string | null {
	const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
	for (const [pi, rings] of polygons.entries()) {
		for (const [ri, ring] of rings.entries()) {
			const a = ring[0];
			const b = ring[ring.length - 1];
			if (!a || !b || a[0] !== b[0] || a[1] !== b[1]) {
				return `ring ${ri}${g.type === 'MultiPolygon' ? ` of polygon ${pi}` : ''} is not closed (its last position must equal its first)`;
			}
		}
	}
	const crossing = kinks(g).features[0];
	if (crossing) {
		const [x, y] = crossing.geometry.coordinates as [number, number];
		return `it intersects itself near [${x.toFixed(6)}, ${y.toFixed(6)}]`;
	}
	return null;
}

/** Picks the CRS: the config's, else the file's `crs` member, else WGS84; they must agree. */
export function resolveCrs(
	src: { crs: SupportedCrs | null; path: string },
	json: unknown,
): SupportedCrs {
	const fromFile = declaredCrs(json);
	if (fromFile && !(SUPPORTED_CRS as readonly string[]).includes(fromFile)) {
		throw new InputError(
			`${src.path}: CRS ${fromFile} is not supported (use ${SUPPORTED_CRS.join(' or ')})`,
		);
	}
	if (src.crs && fromFile && src.crs !== fromFile) {
		throw new InputError(
			`${src.path}: the config says ${src.crs} but the file declares ${fromFile}`,
		);
	}
	return (src.crs ?? fromFile ?? 'EPSG:4326') as SupportedCrs;
}

/**
 * Reads, validates and reprojects neighbourhood polygons.
 * @throws InputError for a missing/invalid file, a wrong CRS, a missing or negative population, a
 *   duplicate id, or a municipality not named in the config
 */
export function readNeighbourhoods(
	src: NeighbourhoodSource,
	config: Pick<AreaConfig, 'municipalities'>,
	ages: Map<string, AgeShares> | null,
): { features: NeighbourhoodFeature[]; labels: NeighbourhoodLabel[]; crs: SupportedCrs } {
	const fc = readFeatureCollection(src.path, 'neighbourhoods');
	if (fc.features.length === 0)
		throw new InputError(`${src.path}: neighbourhoods file has no features`);
	const crs = resolveCrs(src, fc);
	checkCoordinates(fc, crs, src.path, (f, i) => {
		const id = (f.properties as Record<string, unknown> | null)?.[src.idProperty];
		return `neighbourhood ${i}${typeof id === 'string' || typeof id === 'number' ? ` ("${id}")` : ''}`;
	});
	const muniNames = new Map(config.municipalities.map((m) => [m.nis, m.name]));
	const seen = new Set<string>();
	const features: NeighbourhoodFeature[] = fc.features.map((f, i) => {
		const p = (f.properties ?? {}) as Record<string, unknown>;
		const where = `${src.path}: neighbourhood ${i}`;
		if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') {
			throw new InputError(
				`${where} is a ${f.geometry?.type ?? 'null geometry'}, not a (Multi)Polygon`,
			);
		}
		const id = p[src.idProperty];
		if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') {
			throw new InputError(`${where} has no "${src.idProperty}" (its id)`);
		}
		const idS = String(id);
		if (seen.has(idS)) throw new InputError(`${src.path}: neighbourhood id "${idS}" appears twice`);
		seen.add(idS);
		const pop = p[src.populationProperty];
		if (typeof pop !== 'number' || !Number.isFinite(pop) || pop < 0) {
			throw new InputError(
				`${where} ("${idS}") has no valid population in "${src.populationProperty}" (got ${JSON.stringify(pop ?? null)})`,
			);
		}
		const nis = String(p[src.municipalityProperty] ?? '');
		const muni = muniNames.get(nis);
		if (!muni) {
			throw new InputError(
				`${where} ("${idS}") lies in municipality "${nis}" (${src.municipalityProperty}), which the area config does not list`,
			);
		}
		const name = p[src.nameProperty];
		const geometry = toWgs84(f.geometry, crs) as Polygon | MultiPolygon;
		const invalid = polygonProblem(geometry);
		if (invalid) {
			throw new InputError(
				`${where} ("${idS}"): not a valid polygon: ${invalid}; the database refuses such a polygon (fix it, e.g. with QGIS "Fix geometries" or PostGIS ST_MakeValid)`,
			);
		}
		const props: NeighbourhoodProps = {
			id: idS,
			name: typeof name === 'string' && name.trim() ? name : idS,
			municipality_nis: nis,
			municipality: muni,
			population: pop,
			area_km2: Math.round(areaM2(geometry) / 1e3) / 1e3,
		};
		const share = ages?.get(nis);
		if (ages && !share) {
			throw new InputError(
				`${src.path}: no age structure for municipality ${nis} (needed for "${idS}")`,
			);
		}
		if (share) {
			props.population_65plus = Math.round(pop * share.share65plus);
			props.population_80plus = Math.round(pop * share.share80plus);
		}
		if (src.coverageProperty) {
			const c = p[src.coverageProperty];
			if (c !== undefined && c !== null) {
				if (typeof c !== 'number' || !(c >= 0 && c <= 1)) {
					throw new InputError(
						`${where} ("${idS}"): "${src.coverageProperty}" must be a share 0..1, got ${JSON.stringify(c)}`,
					);
				}
				props.osm_coverage_share = c;
			}
		}
		return { type: 'Feature', geometry, properties: props };
	});
	features.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
	const labels: NeighbourhoodLabel[] = features.map((f) => {
		const poly = largestPolygon(f.geometry) as Polygon;
		return {
			type: 'Feature',
			geometry: { type: 'Point', coordinates: poleOfInaccessibility(poly, 5) },
			properties: {
				id: f.properties.id,
				name: f.properties.name,
				population: f.properties.population,
			},
		};
	});
	return { features, labels, crs };
}
