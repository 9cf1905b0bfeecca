/**
 * The search source, `tiles/<area>/search.json.gz`: places, streets with their address points, and
 * the localities (municipalities, sub-municipalities, postcodes) residents add to an address. The
 * format is defined where the app reads it (src/contracts/search-source.ts); this module writes it.
 *
 * Places without a name are kept (findable by their kind) without `name`. A house number appears
 * once per street (apartment units with the same number share its first point). A street is one
 * per municipality and name; its sub-municipality is the one that holds most of its addresses.
 * A place without an address of its own gets the nearest address point within
 * {@link NEAR_ADDRESS_MAX_M} as `nearAddress` (so an unnamed pharmacy is "Apotheek, Kerkstraat"
 * and its details say which address it is near, and that this is a guess from the address register),
 * with the point's own town where it lies in another one than the place.
 */
import { gzipSync } from 'node:zlib';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { CATEGORIES, TAXONOMY_VERSION } from '../../src/contracts/taxonomy.ts';
import {
	SEARCH_SOURCE_VERSION,
	encodeCoords,
	parseSearchSource,
	type SearchSourceV2,
	type SourcePlace,
} from '../../src/contracts/search-source.ts';
import { localityText } from '../../src/data/search-records.ts';
import type { Localities } from './localities.ts';
import type { Origin } from './origins.ts';
import type { Place } from './places.ts';

export { SEARCH_SOURCE_VERSION };
export type SearchSource = SearchSourceV2;

/** How far the nearest address point may lie from a place without an address, in metres. */
export const NEAR_ADDRESS_MAX_M = 75;

/**
 * Builds the search source.
 * @param originsNis municipality NIS code of each origin's neighbourhood, by origin id
 */
export function buildSearchSource(
	areaId: string,
	places: Place[],
	origins: Origin[],
	originsNis: Map<string, string>,
	localities: Localities,
): SearchSource {
	const index = new Map(localities.list.map((l, i) => [l.id, i]));
	const municipalityIndex = new Map(
		localities.list
			.map((l, i) => [l, i] as const)
			.filter(([l]) => l.kind === 'municipality')
			.map(([l, i]) => [l.nis, i]),
	);
	const perCategory = new Map<string, number>();
	for (const p of places)
		for (const c of p.categoryIds) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);

	const streets = new Map<
		string,
		{ name: string; nis: string; addresses: [string, number, number][]; subs: Map<number, number> }
	>();
	for (const o of origins) {
		if (!o.street) continue;
		const nis = originsNis.get(o.id) ?? '';
		const key = `${nis}\u0000${o.street}`;
		let s = streets.get(key);
		if (!s) streets.set(key, (s = { name: o.street, nis, addresses: [], subs: new Map() }));
		// Apartment units share their house number: one search entry per number (the first point).
		if (s.addresses.some((a) => a[0] === o.houseNumber)) continue;
		s.addresses.push([o.houseNumber, o.lngLat[0], o.lngLat[1]]);
		const sub = localities.at(o.lngLat).sub;
		const k = sub ? index.get(sub.id) : undefined;
		if (k !== undefined) s.subs.set(k, (s.subs.get(k) ?? 0) + 1);
	}
	const streetList = [...streets.values()]
		.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.nis.localeCompare(b.nis))
		.map((s) => {
			const own: number[] = [];
			const m = municipalityIndex.get(s.nis);
			if (m !== undefined) own.push(m);
			const sub = [...s.subs.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
			if (sub) own.push(sub[0]);
			return {
				name: s.name,
				localities: own,
				numbers: s.addresses.map((a) => a[0].replace(/\s+/g, '')).join(' '),
				coords: encodeCoords(s.addresses.map((a) => [a[1], a[2]] as const)),
			};
		});

	const withNumbers = origins.filter((o) => o.street && o.houseNumber);
	const addressIndex = new KDBush(Math.max(1, withNumbers.length));
	for (const o of withNumbers) addressIndex.add(o.lngLat[0], o.lngLat[1]);
	addressIndex.finish();
	const nearAddress = (p: Place, own: ReturnType<Localities['at']>): string => {
		if (p.address || withNumbers.length === 0) return '';
		const [i] = around(addressIndex, p.lngLat[0], p.lngLat[1], 1, NEAR_ADDRESS_MAX_M / 1000);
		const o = i === undefined ? undefined : withNumbers[i];
		if (!o) return '';
		// Near a border the address point may lie in another town than the place: it is then
		// written with its own town, which the app keeps (the place's town is added otherwise).
		const its = localities.at(o.lngLat);
		const town = its.sub ?? its.municipality;
		const differs =
			town !== undefined &&
			(its.municipality !== own.municipality || (its.sub !== undefined && its.sub !== own.sub));
		return differs
			? `${o.street} ${o.houseNumber}, ${localityText(town)}`
			: `${o.street} ${o.houseNumber}`;
	};

	const placeList = places.map((p): SourcePlace => {
		const where = localities.at(p.lngLat);
		const out: SourcePlace = {
			id: p.id,
			categoryIds: p.categoryIds,
			lngLat: p.lngLat,
			localities: [where.municipality, where.sub]
				.filter((l) => l !== undefined)
				.map((l) => index.get(l.id)!),
		};
		const optional = {
			name: p.name,
			kind: p.kind,
			address: p.address,
			nearAddress: nearAddress(p, where),
			wheelchair: p.wheelchair,
			phone: p.phone,
			website: p.website,
			openingHours: p.openingHours,
			operator: p.operator,
			lines: p.lines,
			emergency: p.emergency,
			accessibleSpaces: p.accessibleSpaces,
			totalSpaces: p.totalSpaces,
			source: p.source,
			date: p.date,
		};
		for (const [k, v] of Object.entries(optional))
			if (v) (out as unknown as Record<string, string>)[k] = v;
		return out;
	});

	return {
		version: SEARCH_SOURCE_VERSION,
		areaId,
		taxonomyVersion: TAXONOMY_VERSION,
		localities: localities.list.map((l) => ({ ...l, postcodes: [...l.postcodes] })),
		categories: CATEGORIES.map((c) => ({ id: c.id, places: perCategory.get(c.id) ?? 0 })),
		places: placeList,
		streets: streetList,
	};
}

/**
 * The bytes of `search.json.gz`: the source as JSON, gzip-compressed (deterministic: no mtime).
 * Checked first against the contract the app reads it with (src/contracts/search-source.ts), so
 * the pipeline never writes a source the app would refuse: a ValidationError names the first problem.
 */
export function encodeSearchSource(source: SearchSource): { gzip: Buffer; jsonBytes: number } {
	const json = `${JSON.stringify(source)}\n`;
	parseSearchSource(JSON.parse(json));
	return { gzip: gzipSync(json, { level: 9 }), jsonBytes: Buffer.byteLength(json) };
}
