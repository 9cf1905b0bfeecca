/**
 * Residents' origins: address points (CRAB-like) with estimated residents.
 *
 * Assumptions (written into the manifest):
 * - each neighbourhood's population is spread in equal shares over the address points inside it
 *   (the sources hold no household sizes or dwelling counts per address); without address points,
 *   over its residential OSM buildings by footprint area × levels ({@link buildOriginsFromBuildings});
 * - residents aged 65+ and 80+ at an address are its residents × the municipality's age shares;
 * - an origin is flagged "edge of data" when it lies outside the extract's coverage, within
 *   {@link EDGE_OF_DATA_M} of the coverage edge (its nearest services may lie just beyond it), or
 *   when its nearest street is a way cut off by the extract. Neighbourhoods only partly covered by
 *   the extract thereby have their uncovered and border parts flagged.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { metresPerDegree } from '../../src/analysis/geo.ts';
import { neighbourhoodLocator } from '../../src/analysis/neighbourhood-locator.ts';
import { isWalkableWay } from '../../src/analysis/profiles.ts';
import type { AddressSource } from './area-config.ts';
import type { AgeShares } from './age-structure.ts';
import { checkCoordinates, declaredCrs, toWgs84, type SupportedCrs } from './crs.ts';
import { areaM2, largestPolygon, pointInRings, poleOfInaccessibility, type Bbox } from './geo.ts';
import { InputError, readFeatureCollection, requireProperty } from './io.ts';
import type { NeighbourhoodFeature } from './neighbourhoods.ts';
import type { OsmData, Tags } from './osm.ts';
import { relationPolygon, wayPolygon } from './osm-geometry.ts';

/** Distance from the coverage edge within which origins are flagged, in metres (15 min on foot). */
export const EDGE_OF_DATA_M = 1200;

/**
 * An address point that lies in a neighbourhood polygon of another municipality than its own
 * (generalised boundaries) joins the nearest polygon of its own municipality within this many
 * metres, else it is not an origin.
 */
export const ADDRESS_SNAP_TO_NEIGHBOURHOOD_M = 200;

/** One origin. Residents are persons (fractional: estimates). */
export interface Origin {
	id: string;
	lngLat: [number, number];
	street: string;
	houseNumber: string;
	neighbourhoodId: string;
	residents: number;
	residents65: number;
	residents80: number;
	edgeOfData: boolean;
	/** Why it is flagged ('' when not): `outside_coverage`, `near_coverage_edge` or `street_cut_off`. */
	edgeReason: string;
}

/** Figures per neighbourhood, for the manifest. */
export interface OriginSummary {
	addressesRead: number;
	addressesInArea: number;
	/**
	 * With `municipalityProperty`: address points that lay in a polygon of another municipality
	 * and joined the nearest polygon of their own within {@link ADDRESS_SNAP_TO_NEIGHBOURHOOD_M},
	 * and those left out (farther, or of a municipality outside the area).
	 */
	addressesJoinedToOwnMunicipality?: number;
	addressesOfOtherMunicipalities?: number;
	perNeighbourhood: Record<
		string,
		{ addresses: number; residentsPerAddress: number; edgeOfData: number }
	>;
	edgeOfData: number;
}

/** Distance in metres from a point inside a bbox to its nearest side (negative outside). */
export function distanceToBboxEdgeM(lng: number, lat: number, b: Bbox): number {
	const { kx, ky } = metresPerDegree(lat);
	return Math.min((lng - b[0]) * kx, (b[2] - lng) * kx, (lat - b[1]) * ky, (b[3] - lat) * ky);
}

/** Polygons (outer ring + holes) of a coverage GeoJSON file, in WGS84. */
export function readCoveragePolygons(file: string): Position[][][] {
	const fc = readFeatureCollection(file, 'OSM coverage polygon');
	const crs = (declaredCrs(fc) ?? 'EPSG:4326') as SupportedCrs;
	checkCoordinates(fc, crs, file);
	const polys: Position[][][] = [];
	for (const f of fc.features) {
		const g = toWgs84(f.geometry, crs);
		if (g.type === 'Polygon') polys.push(g.coordinates);
		else if (g.type === 'MultiPolygon') polys.push(...g.coordinates);
	}
	if (polys.length === 0) throw new InputError(`${file}: OSM coverage file has no Polygon`);
	return polys;
}

/** Bbox of each polygon's outer ring, per polygon list (computed once per list). */
const polygonBoxes = new WeakMap<Position[][][], Bbox[]>();

/** Signed distance in metres from a point to the boundary of polygons: positive inside. */
export function distanceToPolygonsEdgeM(lng: number, lat: number, polys: Position[][][]): number {
	const { kx, ky } = metresPerDegree(lat);
	let boxes = polygonBoxes.get(polys);
	if (!boxes) {
		boxes = polys.map((rings) => {
			const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
			for (const [x = 0, y = 0] of rings[0] ?? []) {
				b[0] = Math.min(b[0], x);
				b[1] = Math.min(b[1], y);
				b[2] = Math.max(b[2], x);
				b[3] = Math.max(b[3], y);
			}
			return b;
		});
		polygonBoxes.set(polys, boxes);
	}
	// Nearest boxes first; a polygon whose box lies farther than the nearest edge found so far can
	// neither hold the point nor a nearer edge (holes lie inside the outer ring), so it is skipped.
	const near = polys
		.map((rings, i) => {
			const b = boxes[i] as Bbox;
			const dx = Math.max(b[0] - lng, 0, lng - b[2]) * kx;
			const dy = Math.max(b[1] - lat, 0, lat - b[3]) * ky;
			return { rings, lowerBoundM: Math.hypot(dx, dy) };
		})
		.sort((a, b) => a.lowerBoundM - b.lowerBoundM);
	let min = Infinity;
	let inside = false;
	for (const { rings, lowerBoundM } of near) {
		if (lowerBoundM > 0 && lowerBoundM >= min) break;
		if (pointInRings(lng, lat, rings)) inside = true;
		for (const ring of rings) {
			for (let i = 1; i < ring.length; i++) {
				const ax = ((ring[i - 1]?.[0] ?? 0) - lng) * kx;
				const ay = ((ring[i - 1]?.[1] ?? 0) - lat) * ky;
				const bx = ((ring[i]?.[0] ?? 0) - lng) * kx;
				const by = ((ring[i]?.[1] ?? 0) - lat) * ky;
				const dx = bx - ax;
				const dy = by - ay;
				const len2 = dx * dx + dy * dy;
				const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
				const d = Math.hypot(ax + t * dx, ay + t * dy);
				if (d < min) min = d;
			}
		}
	}
	return inside ? min : -min;
}

/**
 * The extract's coverage: the header bbox when the file has one, else the bbox of its nodes.
 */
export function coverageBbox(osm: OsmData): Bbox {
	if (osm.headerBbox) return osm.headerBbox;
	let w = Infinity;
	let s = Infinity;
	let e = -Infinity;
	let n = -Infinity;
	for (const [x, y] of osm.coords.values()) {
		if (x < w) w = x;
		if (x > e) e = x;
		if (y < s) s = y;
		if (y > n) n = y;
	}
	return [w, s, e, n];
}

/**
 * Builds the origins of an area.
 * @throws InputError when no address lies inside the area, or a neighbourhood with residents has
 *   no address point
 */
export function buildOrigins(
	src: AddressSource,
	neighbourhoods: NeighbourhoodFeature[],
	ages: Map<string, AgeShares> | null,
	osm: OsmData,
	coveragePolygons: Position[][][] | null = null,
): { origins: Origin[]; summary: OriginSummary } {
	const fc = readFeatureCollection(src.path, 'addresses');
	const crs = (src.crs ?? declaredCrs(fc) ?? 'EPSG:4326') as SupportedCrs;
	checkCoordinates(fc, crs, src.path);
	const w = 'sources.addresses.';
	requireProperty(fc.features, src.streetProperty, `${w}streetProperty`, src.path, 'address point');
	requireProperty(
		fc.features,
		src.houseNumberProperty,
		`${w}houseNumberProperty`,
		src.path,
		'address point',
	);
	const muniProp = src.municipalityProperty;
	const areaNis = new Set(neighbourhoods.map((n) => n.properties.municipality_nis));
	if (muniProp) {
		requireProperty(fc.features, muniProp, `${w}municipalityProperty`, src.path, 'address point');
	}

	// Address points inside a neighbourhood, in a stable order. With a municipality property, an
	// address point counts for its own municipality only: one in a polygon of another municipality
	// (the polygons are generalised) joins the nearest polygon of its own within
	// ADDRESS_SNAP_TO_NEIGHBOURHOOD_M, else it is not an origin.
	const locate = neighbourhoodLocator(neighbourhoods);
	const rings = neighbourhoods.map((n) =>
		n.geometry.type === 'Polygon' ? [n.geometry.coordinates] : n.geometry.coordinates,
	);
	let joined = 0;
	let outside = 0;
	let insideAny = 0;
	const raws: RawOrigin[] = [];
	fc.features.forEach((f, i) => {
		if (f.geometry?.type !== 'Point') {
			throw new InputError(
				`${src.path}: address ${i} is a ${f.geometry?.type ?? 'null geometry'}, not a Point`,
			);
		}
		const [lng, lat] = (toWgs84(f.geometry, crs) as Point).coordinates as [number, number];
		let k = locate(lng, lat);
		if (k >= 0) insideAny++;
		const p = (f.properties ?? {}) as Record<string, unknown>;
		if (muniProp && k >= 0) {
			const nis = String(p[muniProp] ?? '').trim();
			if (neighbourhoods[k]?.properties.municipality_nis !== nis) {
				let best = -1;
				let bestM = ADDRESS_SNAP_TO_NEIGHBOURHOOD_M;
				neighbourhoods.forEach((n, j) => {
					if (n.properties.municipality_nis !== nis) return;
					const d = -distanceToPolygonsEdgeM(lng, lat, rings[j] as Position[][][]);
					if (d <= bestM) {
						bestM = d;
						best = j;
					}
				});
				if (best < 0) {
					outside++;
					return;
				}
				k = best;
				joined++;
			}
		}
		if (k < 0) return;
		raws.push({
			lngLat: [lng, lat],
			street: String(p[src.streetProperty] ?? '').trim(),
			houseNumber: String(p[src.houseNumberProperty] ?? '').trim(),
			nb: k,
			weight: 1,
		});
	});
	if (insideAny === 0) {
		throw new InputError(
			`${src.path}: no address point lies inside the area's neighbourhoods (wrong file or CRS?)`,
		);
	}
	if (muniProp) {
		const codes = new Set(fc.features.map((f) => String(f.properties?.[muniProp] ?? '').trim()));
		if (![...codes].some((c) => areaNis.has(c))) {
			throw new InputError(
				`${src.path}: ${w}municipalityProperty "${muniProp}": no address point has one of the area's NIS codes (${[...areaNis].join(', ')}); found e.g. ${[...codes].slice(0, 5).join(', ')}`,
			);
		}
	}
	if (raws.length === 0) {
		throw new InputError(
			`${src.path}: no address point of the area's municipalities lies inside its neighbourhoods`,
		);
	}
	const summary = { addressesRead: fc.features.length };
	const out = finishOrigins(
		raws,
		`${src.path}: neighbourhood`,
		'address point',
		summary,
		neighbourhoods,
		ages,
		osm,
		coveragePolygons,
	);
	if (muniProp) {
		out.summary.addressesJoinedToOwnMunicipality = joined;
		out.summary.addressesOfOtherMunicipalities = outside;
	}
	return out;
}

/** A candidate origin before residents are assigned. `weight` is its share key (1 per address). */
interface RawOrigin {
	lngLat: [number, number];
	street: string;
	houseNumber: string;
	nb: number;
	weight: number;
}

/** Assigns residents (population × weight / Σ weights of the neighbourhood) and edge flags. */
function finishOrigins(
	raws: RawOrigin[],
	wherePrefix: string,
	what: string,
	read: { addressesRead: number },
	neighbourhoods: NeighbourhoodFeature[],
	ages: Map<string, AgeShares> | null,
	osm: OsmData,
	coveragePolygons: Position[][][] | null,
): { origins: Origin[]; summary: OriginSummary } {
	// One collator for the whole sort: localeCompare with a locale builds one per call.
	const houseNumbers = new Intl.Collator('nl', { numeric: true });
	raws.sort(
		(a, b) =>
			a.nb - b.nb ||
			a.street.localeCompare(b.street) ||
			houseNumbers.compare(a.houseNumber, b.houseNumber) ||
			a.lngLat[0] - b.lngLat[0] ||
			a.lngLat[1] - b.lngLat[1],
	);
	const counts = neighbourhoods.map(() => 0);
	const weights = neighbourhoods.map(() => 0);
	for (const r of raws) {
		counts[r.nb] = (counts[r.nb] ?? 0) + 1;
		weights[r.nb] = (weights[r.nb] ?? 0) + r.weight;
	}
	neighbourhoods.forEach((nb, k) => {
		if ((counts[k] ?? 0) === 0 && nb.properties.population > 0) {
			throw new InputError(
				`${wherePrefix} "${nb.properties.id}" has ${nb.properties.population} residents but no ${what} inside it`,
			);
		}
	});

	// Nearest walkable-way node of each origin, and whether that way is cut off by the extract.
	const nodeLng: number[] = [];
	const nodeLat: number[] = [];
	const nodeCut: boolean[] = [];
	for (const w of osm.ways) {
		if (!isWalkableWay(w.tags)) continue;
		const cut = w.refs.some((r) => !osm.coords.has(r));
		for (const r of w.refs) {
			const c = osm.coords.get(r);
			if (!c) continue;
			nodeLng.push(c[0]);
			nodeLat.push(c[1]);
			nodeCut.push(cut);
		}
	}
	const index = new KDBush(Math.max(1, nodeLng.length));
	for (let i = 0; i < nodeLng.length; i++) index.add(nodeLng[i] as number, nodeLat[i] as number);
	if (nodeLng.length === 0) index.add(0, 0);
	index.finish();

	const cover = coverageBbox(osm);
	const summary: OriginSummary = {
		addressesRead: read.addressesRead,
		addressesInArea: raws.length,
		perNeighbourhood: {},
		edgeOfData: 0,
	};
	const origins = raws.map((r, i): Origin => {
		const nb = neighbourhoods[r.nb] as NeighbourhoodFeature;
		const residents = (nb.properties.population * r.weight) / (weights[r.nb] as number);
		// the neighbourhood's own shares (an age table per neighbourhood) before its municipality's
		const share = ages?.get(nb.properties.id) ?? ages?.get(nb.properties.municipality_nis);
		let d = distanceToBboxEdgeM(r.lngLat[0], r.lngLat[1], cover);
		if (coveragePolygons)
			d = Math.min(d, distanceToPolygonsEdgeM(r.lngLat[0], r.lngLat[1], coveragePolygons));
		let edgeReason = '';
		if (d < 0) edgeReason = 'outside_coverage';
		else if (d < EDGE_OF_DATA_M) edgeReason = 'near_coverage_edge';
		else if (nodeLng.length > 0) {
			const [nearest] = around(index, r.lngLat[0], r.lngLat[1], 1);
			if (nearest !== undefined && nodeCut[nearest]) edgeReason = 'street_cut_off';
		} else edgeReason = 'street_cut_off';
		return {
			id: `a${i + 1}`,
			lngLat: r.lngLat,
			street: r.street,
			houseNumber: r.houseNumber,
			neighbourhoodId: nb.properties.id,
			residents,
			residents65: share ? residents * share.share65plus : 0,
			residents80: share ? residents * share.share80plus : 0,
			edgeOfData: edgeReason !== '',
			edgeReason,
		};
	});
	neighbourhoods.forEach((nb, k) => {
		const mine = origins.filter((o) => o.neighbourhoodId === nb.properties.id);
		summary.perNeighbourhood[nb.properties.id] = {
			addresses: counts[k] ?? 0,
			residentsPerAddress:
				Math.round((nb.properties.population / Math.max(1, counts[k] ?? 0)) * 1000) / 1000,
			edgeOfData: mine.filter((o) => o.edgeOfData).length,
		};
	});
	summary.edgeOfData = origins.filter((o) => o.edgeOfData).length;
	return { origins, summary };
}

/** Building values that are dwellings. */
const RESIDENTIAL_BUILDINGS = new Set([
	'house',
	'residential',
	'apartments',
	'detached',
	'semidetached_house',
	'terrace',
	'bungalow',
	'farm',
	'dormitory',
]);
/** Keys that make a building something else than a dwelling (a shop, a school, a barn's use…). */
const NON_RESIDENTIAL_KEYS = [
	'amenity',
	'shop',
	'office',
	'craft',
	'industrial',
	'tourism',
	'leisure',
	'man_made',
];
/** Smallest `building=yes` footprint counted as a dwelling, in m² (sheds and garages are smaller). */
export const MIN_UNTYPED_DWELLING_M2 = 40;

/**
 * Residential origins from OSM buildings, for areas without address points (DESIGN.md: "otherwise
 * residential buildings; a sector's population is spread over its residential buildings by
 * footprint area × levels where known"). Dwellings are buildings tagged as a residential type,
 * and `building=yes` of at least {@link MIN_UNTYPED_DWELLING_M2} m² without a non-residential
 * tag. Each origin is placed at the pole of inaccessibility of the building.
 * @throws InputError when no residential building lies inside the area
 */
export function buildOriginsFromBuildings(
	osmFile: string,
	neighbourhoods: NeighbourhoodFeature[],
	ages: Map<string, AgeShares> | null,
	osm: OsmData,
	coveragePolygons: Position[][][] | null = null,
): { origins: Origin[]; summary: OriginSummary } {
	const locate = neighbourhoodLocator(neighbourhoods);
	const waysById = new Map(osm.ways.map((w) => [w.id, w]));
	const raws: RawOrigin[] = [];
	let read = 0;
	const consider = (tags: Tags, geom: Polygon | MultiPolygon | null) => {
		const b = tags.building;
		if (!b || b === 'no' || !geom) return;
		read++;
		if (NON_RESIDENTIAL_KEYS.some((k) => tags[k] !== undefined)) return;
		const areaM = areaM2(geom);
		if (!RESIDENTIAL_BUILDINGS.has(b) && !(b === 'yes' && areaM >= MIN_UNTYPED_DWELLING_M2)) return;
		const levels = Number(tags['building:levels']);
		const weight = areaM * (Number.isFinite(levels) && levels >= 1 ? levels : 1);
		const poly = largestPolygon(geom);
		if (!poly) return;
		const lngLat = poleOfInaccessibility(poly, 0.5);
		const k = locate(lngLat[0], lngLat[1]);
		if (k < 0) return;
		raws.push({
			lngLat,
			street: (tags['addr:street'] ?? '').trim(),
			houseNumber: (tags['addr:housenumber'] ?? '').trim(),
			nb: k,
			weight,
		});
	};
	for (const w of osm.ways) if (w.tags.building) consider(w.tags, wayPolygon(w, osm));
	for (const r of osm.relations) {
		if (r.tags.building && r.tags.type === 'multipolygon')
			consider(r.tags, relationPolygon(r, osm, waysById));
	}
	if (raws.length === 0) {
		throw new InputError(
			`${osmFile}: no residential building lies inside the area's neighbourhoods`,
		);
	}
	return finishOrigins(
		raws,
		`${osmFile}: neighbourhood`,
		'residential building',
		{ addressesRead: read },
		neighbourhoods,
		ages,
		osm,
		coveragePolygons,
	);
}
