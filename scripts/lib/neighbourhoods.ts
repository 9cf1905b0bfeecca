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
import { InputError, readFeatureCollection, requireProperty } from './io.ts';
import { isCodeName, nameFromSectors, sectorCodes, sectorsOf, type SectorRow } from './statbel.ts';

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

/** Where a neighbourhood's figures come from (recorded in the manifest, for the app to say). */
export interface NeighbourhoodSources {
	/** `polygons`: the polygon's population property; `sectors`: the Statbel sector table. */
	population: 'polygons' | 'sectors';
	/** `polygons`: its name property; `sectors`: its sectors' names; `code`: none, the code. */
	name: 'polygons' | 'sectors' | 'code';
	/** Codes of its statistical sectors in the sector table (empty without one). */
	sectors: string[];
	/** `neighbourhood table`: the age table of the config; `municipal shares`; `none` (no age data). */
	ages: 'neighbourhood table' | 'municipal shares' | 'none';
	/** The 65+ and 80+ shares applied to its population (null with no age data). */
	share65plus: number | null;
	share80plus: number | null;
}

/** The optional Statbel inputs of {@link readNeighbourhoods}. */
export interface StatbelInputs {
	/** The sector table (sources.population), or null. */
	sectors: SectorRow[] | null;
	/** Whether the table has a neighbourhood code column to join by. */
	byNeighbourhood: boolean;
	/** Ages per neighbourhood or per sector (sources.neighbourhoodAges), keyed as `ageKeyKind`. */
	ages: Map<string, AgeShares> | null;
	ageKeyKind: 'neighbourhood' | 'sector';
}
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
	statbel: StatbelInputs = {
		sectors: null,
		byNeighbourhood: false,
		ages: null,
		ageKeyKind: 'neighbourhood',
	},
): {
	features: NeighbourhoodFeature[];
	labels: NeighbourhoodLabel[];
	crs: SupportedCrs;
	sources: Record<string, NeighbourhoodSources>;
} {
	const fc = readFeatureCollection(src.path, 'neighbourhoods');
	if (fc.features.length === 0)
		throw new InputError(`${src.path}: neighbourhoods file has no features`);
	const crs = resolveCrs(src, fc);
	checkCoordinates(fc, crs, src.path, (f, i) => {
		const id = (f.properties as Record<string, unknown> | null)?.[src.idProperty];
		return `neighbourhood ${i}${typeof id === 'string' || typeof id === 'number' ? ` ("${id}")` : ''}`;
	});
	if (src.coverageProperty) {
		requireProperty(
			fc.features,
			src.coverageProperty,
			'sources.neighbourhoods.coverageProperty',
			src.path,
			'neighbourhood',
		);
	}
	for (const [field, prop] of [
		['sectorsProperty', src.sectorsProperty],
		['nameProperty', src.nameProperty],
	] as const) {
		if (prop)
			requireProperty(
				fc.features,
				prop,
				`sources.neighbourhoods.${field}`,
				src.path,
				'neighbourhood',
			);
	}
	const muniNames = new Map(config.municipalities.map((m) => [m.nis, m.name]));
	const seen = new Set<string>();
	const sources: Record<string, NeighbourhoodSources> = {};
	let ageRowsUsed = 0;
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
		const mySectors = statbel.sectors
			? sectorsOf(
					statbel.sectors,
					idS,
					src.sectorsProperty ? sectorCodes(p[src.sectorsProperty]) : [],
					statbel.byNeighbourhood,
				)
			: [];
		let pop: unknown;
		let popFrom: NeighbourhoodSources['population'] = 'polygons';
		if (src.populationProperty) {
			pop = p[src.populationProperty];
			if (typeof pop !== 'number' || !Number.isFinite(pop) || pop < 0) {
				throw new InputError(
					`${where} ("${idS}") has no valid population in "${src.populationProperty}" (got ${JSON.stringify(pop ?? null)})`,
				);
			}
		} else {
			if (mySectors.length === 0) {
				throw new InputError(
					`${where} ("${idS}"): no row of the population table (sources.population) belongs to it (joined by ${statbel.byNeighbourhood ? 'the neighbourhood code column' : src.sectorsProperty ? `the sector codes in "${src.sectorsProperty}"` : 'its id as a sector code'})`,
				);
			}
			pop = mySectors.reduce((s2, r) => s2 + r.population, 0);
			popFrom = 'sectors';
		}
		const nis = String(p[src.municipalityProperty] ?? '');
		const muni = muniNames.get(nis);
		if (!muni) {
			throw new InputError(
				`${where} ("${idS}") lies in municipality "${nis}" (${src.municipalityProperty}), which the area config does not list`,
			);
		}
		const given = src.nameProperty ? p[src.nameProperty] : undefined;
		let name = idS;
		let nameFrom: NeighbourhoodSources['name'] = 'code';
		if (!isCodeName(given, idS)) [name, nameFrom] = [String(given).trim(), 'polygons'];
		else {
			const fromSectors = nameFromSectors(mySectors);
			if (fromSectors) [name, nameFrom] = [fromSectors, 'sectors'];
			else if (typeof given === 'string' && given.trim())
				[name, nameFrom] = [given.trim(), 'polygons'];
		}
		const geometry = toWgs84(f.geometry, crs) as Polygon | MultiPolygon;
		const invalid = polygonProblem(geometry);
		if (invalid) {
			throw new InputError(
				`${where} ("${idS}"): not a valid polygon: ${invalid}; the database refuses such a polygon (fix it, e.g. with QGIS "Fix geometries" or PostGIS ST_MakeValid)`,
			);
		}
		const population = pop as number;
		const props: NeighbourhoodProps = {
			id: idS,
			name,
			municipality_nis: nis,
			municipality: muni,
			population,
			area_km2: Math.round(areaM2(geometry) / 1e3) / 1e3,
		};
		// ages: the neighbourhood's own row(s) of the age table, else its municipality's shares
		let own: { total: number; a65: number; a80: number } | null = null;
		if (statbel.ages) {
			const keys = statbel.ageKeyKind === 'neighbourhood' ? [idS] : mySectors.map((r) => r.sector);
			for (const k of keys) {
				const a = statbel.ages.get(k);
				if (!a) continue;
				own ??= { total: 0, a65: 0, a80: 0 };
				own.total += a.total;
				own.a65 += a.aged65plus;
				own.a80 += a.aged80plus;
				ageRowsUsed++;
			}
		}
		const share = ages?.get(nis);
		if (ages && !share && !own) {
			throw new InputError(
				`${src.path}: no age structure for municipality ${nis} (needed for "${idS}")`,
			);
		}
		const shares =
			own && own.total > 0
				? { share65plus: own.a65 / own.total, share80plus: own.a80 / own.total }
				: share
					? { share65plus: share.share65plus, share80plus: share.share80plus }
					: null;
		if (shares) {
			props.population_65plus = Math.round(population * shares.share65plus);
			props.population_80plus = Math.round(population * shares.share80plus);
		}
		sources[idS] = {
			population: popFrom,
			name: nameFrom,
			sectors: mySectors.map((r) => r.sector),
			ages: own && own.total > 0 ? 'neighbourhood table' : share ? 'municipal shares' : 'none',
			share65plus: shares?.share65plus ?? null,
			share80plus: shares?.share80plus ?? null,
		};
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
	if (statbel.ages && ageRowsUsed === 0) {
		throw new InputError(
			`${src.path}: sources.neighbourhoodAges: no key of the age table matches a ${statbel.ageKeyKind === 'neighbourhood' ? 'neighbourhood id' : "neighbourhood's sector code"} (ids: ${[...seen].slice(0, 5).join(', ')})`,
		);
	}
	if (statbel.sectors && src.populationProperty) {
		const usedForNames = Object.values(sources).some((x) => x.name === 'sectors');
		const usedForAges = statbel.ages !== null && statbel.ageKeyKind === 'sector';
		if (!usedForNames && !usedForAges && !statbel.sectors.some((r) => r.name)) {
			throw new InputError(
				`${src.path}: sources.population is given but not used: the polygons carry their population ("${src.populationProperty}") and the table gives no sector names (nameColumn) to name them by`,
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
	return { features, labels, crs, sources };
}
