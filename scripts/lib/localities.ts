/**
 * The place names residents put after a street ("Dorp 16 Poederlee", "Markt 10, 2290 Vorselaar"):
 * the area's municipalities, their sub-municipalities (deelgemeenten) when a source gives them, and
 * the postcodes of each, all from data:
 * - municipalities: the area config (`municipalities`), located by the neighbourhood polygons;
 * - sub-municipalities: the optional `sources.subMunicipalities` polygons (a qualifier in brackets
 *   after a name, as in "Gierle (Lille)" or "Lille (Dg.)", is not part of the name people type);
 *   each belongs to the municipality named by `municipalityProperty`, else to the one whose
 *   neighbourhoods hold a point inside it;
 * - postcodes: OpenStreetMap, the `postal_code` of place nodes (village, town, …) and the
 *   `addr:postcode` of addressed objects inside each locality. A code counts for a locality when it
 *   carries at least a fifth of the locality's votes (a place node's `postal_code` weighs
 *   {@link PLACE_NODE_WEIGHT} addresses), so a stray neighbour's postcode near a border does not.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { SubMunicipalitySource } from './area-config.ts';
import { checkCoordinates, toWgs84 } from './crs.ts';
import { largestPolygon, pointInGeometry, poleOfInaccessibility } from './geo.ts';
import { InputError, readFeatureCollection } from './io.ts';
import { resolveCrs, type NeighbourhoodFeature } from './neighbourhoods.ts';
import type { OsmData } from './osm.ts';

/** A municipality or sub-municipality with its postcodes. */
export interface Locality {
	/** `m:<NIS>` for a municipality, `d:<id>` for a sub-municipality. */
	id: string;
	kind: 'municipality' | 'submunicipality';
	name: string;
	/** NIS code of the municipality (of itself, or the one it belongs to). */
	nis: string;
	/** Four-digit postcodes, ascending. */
	postcodes: string[];
}

/** The weight of a place node's `postal_code` against one object's `addr:postcode`. */
export const PLACE_NODE_WEIGHT = 5;
/** A postcode counts for a locality from this share of its votes. */
const MIN_POSTCODE_SHARE = 0.2;
const PLACE_VALUES = new Set(['city', 'town', 'village', 'suburb', 'hamlet', 'neighbourhood']);

interface Shape {
	locality: Locality;
	geometry: Polygon | MultiPolygon;
}

/** The localities of an area and a lookup of where a point lies. */
export interface Localities {
	list: Locality[];
	/** The municipality and sub-municipality holding a point (either may be undefined). */
	at(lngLat: readonly [number, number]): { municipality?: Locality; sub?: Locality };
}

/** A name without a trailing qualifier in brackets: "Gierle (Lille)" → "Gierle". */
export function plainName(name: string): string {
	return name.replace(/\s*\([^()]*\)\s*$/u, '').trim() || name.trim();
}

function readSubMunicipalities(
	src: SubMunicipalitySource,
	municipalities: Map<string, Locality>,
	neighbourhoods: readonly NeighbourhoodFeature[],
): Shape[] {
	const fc = readFeatureCollection(src.path, 'sub-municipalities');
	const crs = resolveCrs(src, fc);
	checkCoordinates(fc, crs, src.path);
	return fc.features.map((f, i) => {
		const where = `${src.path}: sub-municipality ${i}`;
		if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon')
			throw new InputError(
				`${where} is a ${f.geometry?.type ?? 'null geometry'}, not a (Multi)Polygon`,
			);
		const p = (f.properties ?? {}) as Record<string, unknown>;
		const id = p[src.idProperty];
		const name = p[src.nameProperty];
		if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '')
			throw new InputError(`${where} has no "${src.idProperty}" (its id)`);
		if (typeof name !== 'string' || name.trim() === '')
			throw new InputError(`${where} ("${String(id)}") has no name in "${src.nameProperty}"`);
		const geometry = toWgs84(f.geometry as Geometry, crs) as Polygon | MultiPolygon;
		let nis: string | undefined;
		if (src.municipalityProperty) {
			nis = String(p[src.municipalityProperty] ?? '');
			if (!municipalities.has(nis))
				throw new InputError(
					`${where} ("${String(id)}") lies in municipality "${nis}" (${src.municipalityProperty}), which the area config does not list`,
				);
		} else {
			const inside = poleOfInaccessibility(largestPolygon(geometry) as Polygon, 5);
			nis = neighbourhoods.find((n) => pointInGeometry(inside[0], inside[1], n.geometry))
				?.properties.municipality_nis;
			if (!nis)
				throw new InputError(
					`${where} ("${String(id)}") lies in no neighbourhood of the area; give "municipalityProperty"`,
				);
		}
		return {
			locality: {
				id: `d:${String(id)}`,
				kind: 'submunicipality' as const,
				name: plainName(name),
				nis,
				postcodes: [],
			},
			geometry,
		};
	});
}

/**
 * The localities of an area, with postcodes voted by the OSM objects inside each.
 * @param sub the sub-municipality polygons, when the area config names them
 */
export function buildLocalities(
	municipalityList: readonly { nis: string; name: string }[],
	neighbourhoods: readonly NeighbourhoodFeature[],
	sub: SubMunicipalitySource | null,
	osm: OsmData,
): Localities {
	const municipalities = new Map<string, Locality>(
		municipalityList.map((m) => [
			m.nis,
			{ id: `m:${m.nis}`, kind: 'municipality', name: m.name, nis: m.nis, postcodes: [] },
		]),
	);
	const subs = sub ? readSubMunicipalities(sub, municipalities, neighbourhoods) : [];
	const at = (lngLat: readonly [number, number]) => {
		const [x, y] = lngLat;
		const nb = neighbourhoods.find((n) => pointInGeometry(x, y, n.geometry));
		const municipality = nb ? municipalities.get(nb.properties.municipality_nis) : undefined;
		const s = subs.find((d) => pointInGeometry(x, y, d.geometry))?.locality;
		return { ...(municipality ? { municipality } : {}), ...(s ? { sub: s } : {}) };
	};
	const votes = new Map<Locality, Map<string, number>>();
	const vote = (lngLat: readonly [number, number] | undefined, code: string, weight: number) => {
		if (!lngLat || !/^\d{4}$/.test(code)) return;
		const { municipality, sub: s } = at(lngLat);
		for (const l of [municipality, s]) {
			if (!l) continue;
			let v = votes.get(l);
			if (!v) votes.set(l, (v = new Map()));
			v.set(code, (v.get(code) ?? 0) + weight);
		}
	};
	for (const n of osm.taggedNodes.values()) {
		if (PLACE_VALUES.has(n.tags.place ?? '') && n.tags.postal_code)
			vote(n.lngLat, n.tags.postal_code.trim(), PLACE_NODE_WEIGHT);
		if (n.tags['addr:postcode']) vote(n.lngLat, n.tags['addr:postcode'].trim(), 1);
	}
	for (const w of osm.ways) {
		const code = w.tags['addr:postcode'];
		if (code) vote(osm.coords.get(w.refs[0] ?? -1), code.trim(), 1);
	}
	const list = [...municipalities.values(), ...subs.map((s) => s.locality)];
	for (const l of list) {
		const v = votes.get(l);
		if (!v) continue;
		const total = [...v.values()].reduce((a, b) => a + b, 0);
		l.postcodes = [...v.entries()]
			.filter(([, n]) => n >= MIN_POSTCODE_SHARE * total)
			.map(([code]) => code)
			.sort();
	}
	return { list, at };
}
