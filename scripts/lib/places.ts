/**
 * Places by category: every OSM node, way and multipolygon relation whose tags match a taxonomy
 * category becomes ONE place at one point, plus the places of the configured extra lists.
 *
 * The point of an area (a pharmacy mapped as a building): a node of it tagged `entrance=*` (the
 * main entrance first), else the pole of inaccessibility of its polygon (always inside it), else,
 * for an open way, the middle of the line.
 */
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import {
	CATEGORIES,
	CATEGORY_IDS,
	isCategoryId,
	matchCategories,
	placeKindOf,
} from '../../src/contracts/taxonomy.ts';
import type { ExtraPlaceSource } from './area-config.ts';
import { cleanPlaceText, fromCapitals } from './text.ts';
import { checkCoordinates, declaredCrs, toWgs84, type SupportedCrs } from './crs.ts';
import { distanceM } from '../../src/analysis/geo.ts';
import type { SameFacilityRule } from '../config/same-facility.ts';
import { largestPolygon, pointInGeometry, poleOfInaccessibility } from './geo.ts';
import { InputError, readFeatureCollection, requireProperty } from './io.ts';
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
	/** The lines calling at a stop (its category's `lineTags`), in order, separated by ";"; or ''. */
	lines: string;
	/** Whether it has an emergency department (its category's `emergencyTag`): 'yes', 'no' or ''. */
	emergency: string;
	/**
	 * A car park's spaces for disabled people and all its spaces (its category's `spacesTags`), as
	 * whole numbers in text ("1", "12"); '' where unknown.
	 */
	accessibleSpaces: string;
	totalSpaces: string;
	/** Where it comes from, e.g. `OpenStreetMap`. */
	source: string;
	/** Date of the data: the object's last edit in OSM, else the source date (YYYY-MM-DD). */
	date: string;
	/** Extra attributes kept from an extra list (output name → value). */
	extra: Record<string, string>;
	/**
	 * Other names a listed place goes by, matched against OSM as well as `name`: a facility's
	 * name without its site, and the site alone.
	 */
	otherNames?: string[];
	/** When merged from several sources (an OSM object and an official list): each of them. */
	sources?: { source: string; id: string; name: string; date: string }[];
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

/** The taxonomy's categories among `categoryIds`, in taxonomy order. */
const categoriesOf = (categoryIds: readonly string[]) =>
	CATEGORIES.filter((c) => categoryIds.includes(c.id));

const lineOrder = new Intl.Collator('nl', { numeric: true });

/**
 * The lines calling at a stop, from the tags its categories name (`lineTags`), each once, in
 * natural order ("2;10;210"); '' for a place of no such category.
 * @example linesOf({ 'route_ref:De_Lijn': '429;210;213' }, ['public_transport']) === '210;213;429'
 */
export function linesOf(tags: Tags, categoryIds: readonly string[]): string {
	const keys = categoriesOf(categoryIds).flatMap((c) => c.lineTags ?? []);
	if (keys.length === 0) return '';
	const lines = new Set<string>();
	for (const [k, value] of Object.entries(tags)) {
		const named = keys.some((key) =>
			key.endsWith(':*') ? k.startsWith(key.slice(0, -1)) : k === key,
		);
		if (!named) continue;
		for (const line of value.split(';')) if (line.trim()) lines.add(line.trim());
	}
	return [...lines].sort(lineOrder.compare).join(';');
}

/** 'yes' or 'no' from a value that says so ("Yes", "no"); '' from any other. */
const yesNo = (value: string | undefined): string => {
	const v = value?.trim().toLowerCase();
	return v === 'yes' || v === 'no' ? v : '';
};

/**
 * Whether a place has an emergency department, from the tag its categories name (`emergencyTag`):
 * 'yes', 'no', or '' when a category has no such tag or the value says neither.
 * @example emergencyOf({ amenity: 'hospital', emergency: 'yes' }, ['hospital']) === 'yes'
 */
export function emergencyOf(tags: Tags, categoryIds: readonly string[]): string {
	for (const c of categoriesOf(categoryIds)) {
		if (!c.emergencyTag) continue;
		const v = yesNo(tags[c.emergencyTag]);
		if (v) return v;
	}
	return '';
}

/** A count as OSM writes it ("12"); '' for anything else ("yes", "2-3", "0"). */
const count = (value: string | undefined): string => {
	const v = value?.trim() ?? '';
	return /^[1-9]\d{0,5}$/u.test(v) ? v : '';
};

/**
 * A car park's spaces for disabled people and all its spaces, from the tags its categories name
 * (`spacesTags`); '' where a tag is missing or not a count, and both '' for other places.
 * @example spacesOf({ capacity: '12', 'capacity:disabled': '1' }, ['accessible_parking']) // { accessibleSpaces: '1', totalSpaces: '12' }
 */
export function spacesOf(
	tags: Tags,
	categoryIds: readonly string[],
): { accessibleSpaces: string; totalSpaces: string } {
	for (const c of categoriesOf(categoryIds)) {
		if (!c.spacesTags) continue;
		const accessibleSpaces = count(tags[c.spacesTags.accessible]);
		if (!accessibleSpaces) continue;
		const total = count(tags[c.spacesTags.total]);
		// a total below the reserved spaces says nothing reliable
		const totalSpaces = total && Number(total) >= Number(accessibleSpaces) ? total : '';
		return { accessibleSpaces, totalSpaces };
	}
	return { accessibleSpaces: '', totalSpaces: '' };
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
		lines: linesOf(tags, categoryIds),
		emergency: emergencyOf(tags, categoryIds),
		...spacesOf(tags, categoryIds),
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

/** The outline of a place mapped as a way or relation, by place id. */
export type PlaceOutlines = Map<string, Polygon | MultiPolygon>;

/**
 * Places of an OSM extract.
 * @param osmDate the extract's date, used for objects without a timestamp
 * @param outlines filled with the outline of each place mapped as a closed way or multipolygon
 */
export function osmPlaces(osm: OsmData, osmDate: string, outlines?: PlaceOutlines): Place[] {
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
		if (poly) outlines?.set(`w${w.id}`, poly);
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
		if (geom) outlines?.set(`r${r.id}`, geom);
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
 * A facility's name with its site after it, unless the name already says it.
 * @example withSite('Algemeen Ziekenhuis Turnhout', 'St. Elisabeth') === 'Algemeen Ziekenhuis Turnhout – St. Elisabeth'
 */
function withSite(name: string, site: string): string {
	// word for word: a site "Dam" is not named by "AZ Damiaan"
	const words = (s: string) =>
		` ${s
			.toLocaleLowerCase('nl')
			.split(/[^\p{L}\p{N}]+/u)
			.filter(Boolean)
			.join(' ')} `;
	if (!site.trim() || words(name).includes(words(site))) return name;
	return `${name} – ${site}`;
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
	const [category] = categoriesOf([src.category]);
	const fc = readFeatureCollection(src.path, 'extra places');
	const fromFile = declaredCrs(fc);
	const crs = (src.crs ?? fromFile ?? 'EPSG:4326') as SupportedCrs;
	checkCoordinates(fc, crs, src.path);
	const w = `sources.extraPlaces[${index}].`;
	requireProperty(fc.features, src.nameProperty, `${w}nameProperty`, src.path, 'listed place');
	if (src.siteProperty) {
		requireProperty(fc.features, src.siteProperty, `${w}siteProperty`, src.path, 'listed place');
	}
	for (const [out, key] of Object.entries(src.properties).sort(([a], [b]) => a.localeCompare(b))) {
		requireProperty(fc.features, key, `${w}properties.${out}`, src.path, 'listed place');
	}
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
		// a field the list writes in capitals, in ordinary letter case
		const caps = src.capitals;
		const text = (field: string, v: string): string =>
			caps && caps.fields.includes(field) ? fromCapitals(v, caps) : v;
		const name = text('name', get(src.nameProperty));
		if (!name)
			throw new InputError(`${src.path}: feature ${i} has no name in "${src.nameProperty}"`);
		const site = text('site', get(src.siteProperty ?? undefined));
		const pt = toWgs84(f.geometry, crs) as Point;
		const extra: Record<string, string> = {};
		for (const [out, key] of Object.entries(src.properties).sort(([a], [b]) =>
			a.localeCompare(b),
		)) {
			const v = text(out, get(key));
			if (v) extra[out] = v;
		}
		const address = [extra.address, [extra.postcode, extra.city].filter(Boolean).join(' ')]
			.filter(Boolean)
			.join(', ');
		const full = withSite(name, site);
		// a list's emergency department is the category's tag, for the kind rules too
		const emergency = category?.emergencyTag ? yesNo(extra.emergency) : '';
		const asTags =
			category?.emergencyTag && emergency ? { [category.emergencyTag]: emergency } : {};
		return cleanPlaceText({
			...(full !== name ? { otherNames: [name, site] } : {}),
			id: `extra${index}:${i + 1}`,
			categoryIds: [src.category],
			kind: placeKindOf([src.category], asTags)?.id ?? '',
			lngLat: pt.coordinates as [number, number],
			pointFrom: 'node',
			name: full,
			address,
			phone: extra.phone ?? '',
			website: extra.website ?? '',
			openingHours: extra.opening_hours ?? '',
			wheelchair: extra.wheelchair ?? '',
			operator: extra.operator ?? '',
			lines: '',
			emergency,
			accessibleSpaces: '',
			totalSpaces: '',
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
			['lines', p.lines],
			['emergency', p.emergency],
			['accessible_spaces', p.accessibleSpaces],
			['total_spaces', p.totalSpaces],
		];
		for (const [k, v] of opt) if (v) props[k] = v;
		// A place merged from an OSM object and an official list: the ids of both.
		if (p.sources) props.source_ids = p.sources.map((x) => x.id).join(';');
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

/**
 * Words that name the kind of a place rather than the place itself ("Apotheek Lille", "AZ
 * Herentals"): left out when names are compared, in the languages of Belgian registers.
 */
export const GENERIC_NAME_WORDS: readonly string[] = [
	'apotheek',
	'pharmacie',
	'pharmacy',
	'az',
	'algemeen',
	'ziekenhuis',
	'hopital',
	'hospital',
	'centre',
	'center',
	'centrum',
	'chu',
	'chr',
	'huisarts',
	'huisartsen',
	'huisartsenpraktijk',
	'groepspraktijk',
	'praktijk',
	'dokter',
	'dr',
	'cabinet',
	'medical',
	'medisch',
	'vzw',
	'asbl',
	'bv',
	'nv',
	'sa',
	'srl',
	'de',
	'het',
	'la',
	'le',
	'les',
	'van',
	'der',
	'den',
	'st',
	'sint',
];
const GENERIC = new Set(GENERIC_NAME_WORDS);

/** Lower case, no accents or punctuation, generic words left out ({@link GENERIC_NAME_WORDS}). */
export function nameKey(name: string): string {
	const words = name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
	const specific = words.filter((w) => !GENERIC.has(w));
	return (specific.length > 0 ? specific : words).join(' ');
}

/**
 * Similarity 0..1 of two place names: the Dice coefficient of the character bigrams of their
 * {@link nameKey}s (1: the same specific words; order and case do not matter much). Hand-written
 * (ten lines): the search library (Fuse.js) scores a query against records, not two names.
 *
 * @example nameSimilarity('ALGEMEEN ZIEKENHUIS HERENTALS', 'AZ Herentals') // 1
 */
export function nameSimilarity(a: string, b: string): number {
	const bigrams = (s: string): Map<string, number> => {
		const m = new Map<string, number>();
		const t = ` ${s} `;
		for (let i = 0; i + 1 < t.length; i++)
			m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
		return m;
	};
	const ka = nameKey(a);
	const kb = nameKey(b);
	if (!ka || !kb) return 0;
	if (ka === kb) return 1;
	const x = bigrams(ka);
	const y = bigrams(kb);
	let common = 0;
	let nx = 0;
	let ny = 0;
	for (const v of x.values()) nx += v;
	for (const v of y.values()) ny += v;
	for (const [g, v] of x) common += Math.min(v, y.get(g) ?? 0);
	return (2 * common) / (nx + ny);
}

/** A place's details: the object of a facility with the most of them is kept (mergeSameFacility). */
const DETAIL_KEYS = [
	'address',
	'phone',
	'website',
	'openingHours',
	'wheelchair',
	'operator',
] as const;
/**
 * What a place takes from another of the same facility where it lacks it: the details, and the
 * facts that do not rank the objects of one facility (a stop's lines, a hospital's emergency
 * department, a car park's spaces).
 */
const FILLED_KEYS = [
	...DETAIL_KEYS,
	'lines',
	'emergency',
	'accessibleSpaces',
	'totalSpaces',
] as const;

/** A listed place matches an OSM place of its category that has no name within this many metres. */
export const UNNAMED_MATCH_M = 25;

/** One listed place merged into an OSM place (recorded in the manifest). */
export interface PlaceMerge {
	listedId: string;
	listedName: string;
	osmId: string;
	osmName: string;
	distanceM: number;
	nameSimilarity: number;
}

/**
 * Adds the places of an official list to `places` without doubling them: a listed place that
 * lies within `match.maxDistanceM` of a place of the same category with a name similarity of at
 * least `match.minNameSimilarity` (or an unnamed one within {@link UNNAMED_MATCH_M}) is merged into
 * it (best pairs first, each place merged once):
 * the place keeps its point and id, gains the list's attributes it lacked, and names both
 * sources (`source` "OpenStreetMap; <list>", `sources` with each one's id, name and date). The
 * other listed places are added as places of their own.
 *
 * @returns the merges made
 */
export function mergeListedPlaces(
	places: Place[],
	listed: readonly Place[],
	match: { maxDistanceM: number; minNameSimilarity: number },
): PlaceMerge[] {
	const pairs: { l: number; p: number; d: number; s: number }[] = [];
	listed.forEach((lp, l) => {
		places.forEach((p, pi) => {
			if (!p.categoryIds.some((c) => lp.categoryIds.includes(c))) return;
			const d = distanceM(lp.lngLat[0], lp.lngLat[1], p.lngLat[0], p.lngLat[1]);
			if (d > match.maxDistanceM) return;
			// an OSM place without a name matches a listed one on the same spot (the list names it)
			const s =
				p.name === ''
					? d <= UNNAMED_MATCH_M
						? match.minNameSimilarity
						: 0
					: Math.max(...[lp.name, ...(lp.otherNames ?? [])].map((n) => nameSimilarity(n, p.name)));
			if (s < match.minNameSimilarity || s === 0) return;
			pairs.push({ l, p: pi, d, s });
		});
	});
	pairs.sort((a, b) => b.s - a.s || a.d - b.d || a.l - b.l || a.p - b.p);
	const usedL = new Set<number>();
	const usedP = new Set<number>();
	const merges: PlaceMerge[] = [];
	for (const { l, p, d, s } of pairs) {
		if (usedL.has(l) || usedP.has(p)) continue;
		usedL.add(l);
		usedP.add(p);
		const lp = listed[l] as Place;
		const op = places[p] as Place;
		merges.push({
			listedId: lp.id,
			listedName: lp.name,
			osmId: op.id,
			osmName: op.name,
			distanceM: Math.round(d * 10) / 10,
			nameSimilarity: Math.round(s * 1000) / 1000,
		});
		for (const k of ['name', ...FILLED_KEYS] as const) if (!op[k]) op[k] = lp[k];
		if (!op.kind) op.kind = lp.kind;
		op.categoryIds = [...new Set([...op.categoryIds, ...lp.categoryIds])];
		op.sources = [
			...(op.sources ?? [{ source: op.source, id: op.id, name: op.name, date: op.date }]),
			{ source: lp.source, id: lp.id, name: lp.name, date: lp.date },
		];
		op.source = [...new Set(op.sources.map((x) => x.source))].join('; ');
		for (const [k, v] of Object.entries(lp.extra)) if (v && !(k in op.extra)) op.extra[k] = v;
	}
	listed.forEach((lp, l) => {
		if (!usedL.has(l)) places.push(lp);
	});
	return merges;
}

/** Objects of one facility made one place (recorded in the manifest, `sameFacility`). */
export interface SameFacilityMerge {
	/** The place kept: its id (OSM link), point and name. */
	keptId: string;
	keptName: string;
	/** The objects merged into it, with how each was matched to the group. */
	merged: { id: string; name: string; how: 'node inside outline' | 'stacked'; distanceM: number }[];
}

/**
 * Makes one place of the OSM objects that describe one facility, by the rule `rule`
 * (scripts/config/same-facility.ts: a node inside the outline of a place of a shared category, or
 * points stacked within a few metres with an outline among them; at most one name per facility).
 * The named object is kept (then the one with the most details, an outline before a node, the
 * lower id): its id, point and name; the others' details fill what it lacks, their categories are
 * added, and `sources` names every object. Changes `places` in place.
 *
 * @param outlines the outlines of the places mapped as areas ({@link osmPlaces})
 * @returns the merges made, in the order of the places kept
 */
export function mergeSameFacility(
	places: Place[],
	outlines: PlaceOutlines,
	rule: SameFacilityRule,
): SameFacilityMerge[] {
	const separate = new Set(rule.separateCategories);
	const shared = (a: Place, b: Place): boolean =>
		a.categoryIds.some((c) => !separate.has(c) && b.categoryIds.includes(c));
	const isNode = (p: Place): boolean => p.id.startsWith('n');
	type Pair = { a: number; b: number; d: number; how: 'node inside outline' | 'stacked' };
	const pairs: Pair[] = [];
	const osmIdx = places.flatMap((p, i) => (/^[nwr]\d+$/.test(p.id) ? [i] : []));
	for (let x = 0; x < osmIdx.length; x++) {
		const a = places[osmIdx[x] as number] as Place;
		for (let y = x + 1; y < osmIdx.length; y++) {
			const b = places[osmIdx[y] as number] as Place;
			if (isNode(a) && isNode(b)) continue;
			if (!shared(a, b)) continue;
			const d = distanceM(a.lngLat[0], a.lngLat[1], b.lngLat[0], b.lngLat[1]);
			let how: Pair['how'] | null = null;
			if (d <= rule.stackedWithinM) how = 'stacked';
			else if (rule.nodeInsideOutline) {
				const [node, area] = isNode(a) ? [a, b] : isNode(b) ? [b, a] : [null, null];
				const outline = area && outlines.get(area.id);
				if (node && outline && pointInGeometry(node.lngLat[0], node.lngLat[1], outline))
					how = 'node inside outline';
			}
			if (how) pairs.push({ a: osmIdx[x] as number, b: osmIdx[y] as number, d, how });
		}
	}
	pairs.sort((p, q) => p.d - q.d || p.a - q.a || p.b - q.b);
	// Groups (union–find), each holding at most one name.
	const parent = places.map((_, i) => i);
	const find = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
		return i;
	};
	const names = new Map<number, string>();
	places.forEach((p, i) => {
		if (p.name) names.set(i, nameKey(p.name));
	});
	const how = new Map<number, { how: Pair['how']; d: number }>();
	for (const pair of pairs) {
		const ra = find(pair.a);
		const rb = find(pair.b);
		if (ra === rb) continue;
		const na = names.get(ra);
		const nb = names.get(rb);
		if (na !== undefined && nb !== undefined && na !== nb) continue;
		parent[rb] = ra;
		if (na === undefined && nb !== undefined) names.set(ra, nb);
		for (const i of [pair.a, pair.b]) if (!how.has(i)) how.set(i, { how: pair.how, d: pair.d });
	}
	const groups = new Map<number, number[]>();
	places.forEach((_, i) => {
		const r = find(i);
		groups.set(r, [...(groups.get(r) ?? []), i]);
	});
	const details = (p: Place): number => DETAIL_KEYS.filter((k) => p[k]).length;
	const order = new Map(CATEGORY_IDS.map((c, i) => [c, i]));
	const drop = new Set<number>();
	const merges: SameFacilityMerge[] = [];
	for (const members of groups.values()) {
		if (members.length < 2) continue;
		const ranked = [...members].sort((i, j) => {
			const p = places[i] as Place;
			const q = places[j] as Place;
			return (
				Number(!p.name) - Number(!q.name) ||
				details(q) - details(p) ||
				Number(isNode(p)) - Number(isNode(q)) ||
				p.id.localeCompare(q.id)
			);
		});
		const kept = places[ranked[0] as number] as Place;
		const others = ranked.slice(1).map((i) => places[i] as Place);
		for (const o of others) {
			for (const k of FILLED_KEYS) if (!kept[k]) kept[k] = o[k];
			if (!kept.kind) kept.kind = o.kind;
		}
		kept.categoryIds = [...new Set([kept, ...others].flatMap((p) => p.categoryIds))].sort(
			(a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
		);
		kept.sources = [kept, ...others].map((p) => ({
			source: p.source,
			id: p.id,
			name: p.name,
			date: p.date,
		}));
		merges.push({
			keptId: kept.id,
			keptName: kept.name,
			merged: ranked.slice(1).map((i) => {
				const m = how.get(i) ?? { how: 'stacked' as const, d: 0 };
				const p = places[i] as Place;
				return { id: p.id, name: p.name, how: m.how, distanceM: Math.round(m.d * 10) / 10 };
			}),
		});
		for (const i of ranked.slice(1)) drop.add(i);
	}
	const keep = places.filter((_, i) => !drop.has(i));
	places.length = 0;
	places.push(...keep);
	return merges;
}
