/**
 * Neighbourhood polygons with population → normalised WGS84 features for the tiles, the analysis and
 * the manifest, plus one label point inside each.
 */
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

/** Picks the CRS: the config's, else the file's `crs` member, else WGS84; they must agree. */
function resolveCrs(src: { crs: SupportedCrs | null; path: string }, json: unknown): SupportedCrs {
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
 * Reads, validates and reprojects the neighbourhood polygons of the config's municipalities. A file
 * may cover more municipalities (a region-wide file is the usual input): neighbourhoods of
 * municipalities the config does not list are left out and counted in `skipped`.
 * @throws InputError for a missing/invalid file, a wrong CRS, a missing or negative population, a
 *   duplicate id, or a municipality of the config without any neighbourhood in the file
 */
export function readNeighbourhoods(
	src: NeighbourhoodSource,
	config: Pick<AreaConfig, 'municipalities'>,
	ages: Map<string, AgeShares> | null,
): {
	features: NeighbourhoodFeature[];
	labels: NeighbourhoodLabel[];
	crs: SupportedCrs;
	/** Neighbourhoods of municipalities the config does not list (left out). */
	skipped: number;
} {
	const fc = readFeatureCollection(src.path, 'neighbourhoods');
	if (fc.features.length === 0)
		throw new InputError(`${src.path}: neighbourhoods file has no features`);
	const crs = resolveCrs(src, fc);
	checkCoordinates(fc, crs, src.path);
	const muniNames = new Map(config.municipalities.map((m) => [m.nis, m.name]));
	const seen = new Set<string>();
	let skipped = 0;
	const features: NeighbourhoodFeature[] = fc.features.flatMap((f, i) => {
		const p = (f.properties ?? {}) as Record<string, unknown>;
		const where = `${src.path}: neighbourhood ${i}`;
		const nis = String(p[src.municipalityProperty] ?? '');
		const muni = muniNames.get(nis);
		if (!muni) {
			skipped++;
			return [];
		}
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
		const name = p[src.nameProperty];
		const geometry = toWgs84(f.geometry, crs) as Polygon | MultiPolygon;
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
		return [{ type: 'Feature', geometry, properties: props } as NeighbourhoodFeature];
	});
	for (const m of config.municipalities) {
		if (!features.some((f) => f.properties.municipality_nis === m.nis)) {
			throw new InputError(
				`${src.path}: no neighbourhood lies in municipality ${m.nis} (${m.name}) of the area config (property "${src.municipalityProperty}")`,
			);
		}
	}
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
	return { features, labels, crs, skipped };
}
