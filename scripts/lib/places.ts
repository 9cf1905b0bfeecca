/**
 * Places by category: every OSM node, way and multipolygon relation whose tags match a taxonomy
 * category becomes ONE place at one point, plus the places of the configured extra lists.
 *
 * The point of an area (a pharmacy mapped as a building): a node of it tagged `entrance=*` (the
 * main entrance first), else the pole of inaccessibility of its polygon (always inside it), else,
 * for an open way, the middle of the line.
 */
import type { Feature, Point, Polygon } from 'geojson';
import {
	CATEGORY_IDS,
	isCategoryId,
	matchCategories,
	placeKindOf,
} from '../../src/analysis/taxonomy.ts';
import type { ExtraPlaceSource } from './area-config.ts';
import { cleanPlaceText } from './text.ts';
import { checkCoordinates, declaredCrs, toWgs84, type SupportedCrs } from './crs.ts';
import { largestPolygon, poleOfInaccessibility } from './geo.ts';
import { InputError, readFeatureCollection } from './io.ts';
import type { OsmData, OsmWay, Tags } from './osm.ts';
import { isClosed, lineMidpoint, relationPolygon, wayCoords, wayPolygon } from './osm-geometry.ts';

/** A place as the details panel, the search and the analysis need it. */
export interface Place {
	/** `n123` / `w123` / `r123` for OSM objects; `<source>:<n>` for extra lists. */
	id: string;
	/** Matching category ids, in taxonomy order (≥ 1). */
	categoryIds: string[];
	/** Its kind within a category that has kinds (taxonomy `kinds`, e.g. `bank`), or ''. */
	kind: string;
	/** [lng, lat] in degrees. */
	lngLat: [number, number];
	/** How the point was chosen. */
	pointFrom: 'node' | 'entrance' | 'inside' | 'line';
	name: string;
	address: string;
	phone: string;
	website: string;
	openingHours: string;
	/** OSM `wheelchair` value (yes / limited / no / designated), or ''. */
	wheelchair: string;
	operator: string;
	/** Where it comes from, e.g. `OpenStreetMap`. */
	source: string;
	/** Date of the data: the object's last edit in OSM, else the source date (YYYY-MM-DD). */
	date: string;
	/** Extra attributes kept from an extra list (output name → value). */
	extra: Record<string, string>;
}

const first = (tags: Tags, ...keys: string[]): string => {
	for (const k of keys) {
		const v = tags[k]?.trim();
		if (v) return v;
	}
	return '';
};

/** "Street 12, 2275 Lille" from addr:* tags ('' when there is no street or place). */
export function addressOf(tags: Tags): string {
	const street = first(tags, 'addr:street', 'addr:place');
	if (!street) return '';
	const number = first(tags, 'addr:housenumber');
	const city = [first(tags, 'addr:postcode'), first(tags, 'addr:city')].filter(Boolean).join(' ');
	return [[street, number].filter(Boolean).join(' '), city].filter(Boolean).join(', ');
}

const isoDate = (ms: number, fallback: string): string =>
	ms > 0 ? new Date(ms).toISOString().slice(0, 10) : fallback;

function osmPlace(
	id: string,
	tags: Tags,
	categoryIds: string[],
	lngLat: [number, number],
	pointFrom: Place['pointFrom'],
	timestamp: number,
	osmDate: string,
): Place {
	return cleanPlaceText({
		id,
		categoryIds,
		kind: placeKindOf(categoryIds, tags)?.id ?? '',
		lngLat,
		pointFrom,
		name: first(tags, 'name', 'name:nl', 'brand', 'operator'),
		address: addressOf(tags),
		phone: first(tags, 'phone', 'contact:phone'),
		website: first(tags, 'website', 'contact:website', 'url'),
		openingHours: first(tags, 'opening_hours'),
		wheelchair: first(tags, 'wheelchair'),
		operator: first(tags, 'operator'),
		source: 'OpenStreetMap',
		date: isoDate(timestamp, osmDate),
		extra: {},
	});
}

/** An entrance node among `refs` (main entrance first), or null. */
function entranceOf(refs: number[], osm: OsmData): [number, number] | null {
	let any: [number, number] | null = null;
	for (const ref of refs) {
		const n = osm.taggedNodes.get(ref);
		const e = n?.tags.entrance;
		if (!n || !e || e === 'no') continue;
		if (e === 'main') return n.lngLat;
		any ??= n.lngLat;
	}
	return any;
}

/**
 * Places of an OSM extract.
 * @param osmDate the extract's date, used for objects without a timestamp
 */
export function osmPlaces(osm: OsmData, osmDate: string): Place[] {
	const places: Place[] = [];
	for (const n of [...osm.taggedNodes.values()].sort((a, b) => a.id - b.id)) {
		const cats = matchCategories(n.tags);
		if (cats.length > 0)
			places.push(osmPlace(`n${n.id}`, n.tags, cats, n.lngLat, 'node', n.timestamp, osmDate));
	}
	const waysById = new Map<number, OsmWay>();
	for (const w of osm.ways) waysById.set(w.id, w);
	for (const w of osm.ways) {
		const cats = matchCategories(w.tags);
		if (cats.length === 0) continue;
		const coords = wayCoords(w, osm);
		if (coords.length === 0) continue;
		const entrance = entranceOf(w.refs, osm);
		let lngLat: [number, number];
		let from: Place['pointFrom'];
		const poly = wayPolygon(w, osm);
		if (entrance) [lngLat, from] = [entrance, 'entrance'];
		else if (poly) [lngLat, from] = [poleOfInaccessibility(poly, 0.5), 'inside'];
		else if (isClosed(w) || coords.length === 1)
			[lngLat, from] = [coords[0] as [number, number], 'inside'];
		else [lngLat, from] = [lineMidpoint(coords), 'line'];
		places.push(osmPlace(`w${w.id}`, w.tags, cats, lngLat, from, w.timestamp, osmDate));
	}
	for (const r of osm.relations) {
		const cats = matchCategories(r.tags);
		if (cats.length === 0) continue;
		const refs = r.members
			.filter((m) => m.type === 'way')
			.flatMap((m) => waysById.get(m.ref)?.refs ?? []);
		const entrance = entranceOf(refs, osm);
		const geom = r.tags.type === 'multipolygon' ? relationPolygon(r, osm, waysById) : null;
		const nodeMember = r.members.find((m) => m.type === 'node' && osm.coords.has(m.ref));
		let lngLat: [number, number] | null = null;
		let from: Place['pointFrom'] = 'inside';
		if (entrance) [lngLat, from] = [entrance, 'entrance'];
		else if (geom) lngLat = poleOfInaccessibility(largestPolygon(geom) as Polygon, 0.5);
		else if (nodeMember)
			[lngLat, from] = [osm.coords.get(nodeMember.ref) as [number, number], 'node'];
		if (!lngLat) continue; // no member inside the extract: nothing to place
		places.push(osmPlace(`r${r.id}`, r.tags, cats, lngLat, from, r.timestamp, osmDate));
	}
	return places;
}

/**
 * Places of one configured extra list (GeoJSON points, e.g. official hospital sites).
 * @param index position of the list in the config, used in ids (`extra<index>:<n>`)
 */
export function extraPlaces(src: ExtraPlaceSource, index: number): Place[] {
	if (!isCategoryId(src.category)) {
		throw new InputError(
			`${src.path}: category "${src.category}" is not in the taxonomy (${CATEGORY_IDS.join(', ')})`,
		);
	}
	const fc = readFeatureCollection(src.path, 'extra places');
	const fromFile = declaredCrs(fc);
	const crs = (src.crs ?? fromFile ?? 'EPSG:4326') as SupportedCrs;
	checkCoordinates(fc, crs, src.path);
	return fc.features.map((f, i): Place => {
		if (f.geometry?.type !== 'Point') {
			throw new InputError(
				`${src.path}: feature ${i} is a ${f.geometry?.type ?? 'null geometry'}, extra places must be Points`,
			);
		}
		const p = (f.properties ?? {}) as Record<string, unknown>;
		const get = (k: string | undefined): string => {
			const v = k ? p[k] : undefined;
			return v === null || v === undefined ? '' : String(v).trim();
		};
		const name = get(src.nameProperty);
		if (!name)
			throw new InputError(`${src.path}: feature ${i} has no name in "${src.nameProperty}"`);
		const pt = toWgs84(f.geometry, crs) as Point;
		const extra: Record<string, string> = {};
		for (const [out, key] of Object.entries(src.properties).sort(([a], [b]) =>
			a.localeCompare(b),
		)) {
			const v = get(key);
			if (v) extra[out] = v;
		}
		const address = [extra.address, [extra.postcode, extra.city].filter(Boolean).join(' ')]
			.filter(Boolean)
			.join(', ');
		return cleanPlaceText({
			id: `extra${index}:${i + 1}`,
			categoryIds: [src.category],
			kind: '',
			lngLat: pt.coordinates as [number, number],
			pointFrom: 'node',
			name,
			address,
			phone: extra.phone ?? '',
			website: extra.website ?? '',
			openingHours: extra.opening_hours ?? '',
			wheelchair: extra.wheelchair ?? '',
			operator: extra.operator ?? '',
			source: src.attribution,
			date: src.date,
			extra,
		});
	});
}

/** Places as point features for the `places` tile layer (empty attributes left out). */
export function placeFeatures(
	places: Place[],
): Feature<Point, Record<string, string | number | boolean>>[] {
	return places.map((p, i) => {
		const props: Record<string, string | number | boolean> = {
			id: p.id,
			category: p.categoryIds[0] as string,
			categories: p.categoryIds.join(','),
			source: p.source,
			date: p.date,
		};
		const opt: [string, string][] = [
			['name', p.name],
			['address', p.address],
			['phone', p.phone],
			['website', p.website],
			['opening_hours', p.openingHours],
			['wheelchair', p.wheelchair],
			['operator', p.operator],
		];
		for (const [k, v] of opt) if (v) props[k] = v;
		// Attributes kept from an extra list (e.g. a hospital's `emergency`), where not already set.
		for (const [k, v] of Object.entries(p.extra)) if (v && !(k in props)) props[k] = v;
		return {
			type: 'Feature',
			id: i + 1,
			geometry: { type: 'Point', coordinates: p.lngLat },
			properties: props,
		};
	});
}

/** Number of places per category id (a place with two categories counts in both). */
export function countByCategory(places: Place[]): Record<string, number> {
	const counts: Record<string, number> = Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0]));
	for (const p of places) for (const c of p.categoryIds) counts[c] = (counts[c] ?? 0) + 1;
	return counts;
}
