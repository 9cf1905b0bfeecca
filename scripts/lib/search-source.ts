/**
 * The search index source, `tiles/<area>/search.json`: what the app's search indexes (with
 * fuse.js) — categories with labels and synonyms, places, and streets with their address points.
 *
 * Format (version 1):
 * ```
 * { version: 1, areaId, taxonomyVersion,
 *   categories: [{ id, labels: {nl,fr,en}, synonyms: {nl:[],fr:[],en:[]}, icon, colour, places }],
 *   places: [{ id, name, categoryIds, address, lngLat, wheelchair, phone, website, openingHours,
 *              operator, source, date }],
 *   streets: [{ id, name, municipality, nis, lngLat, addresses: [[houseNumber, lng, lat], …] }] }
 * ```
 * Places without a name are kept (findable by category) with `name` ''. A street's `lngLat` is
 * its address point nearest to the mean of its addresses. A house number appears once per street
 * (apartment units with the same number share it).
 */
import { CATEGORIES, TAXONOMY_VERSION } from '../../src/analysis/taxonomy.ts';
import type { SearchSourceV1 } from '../../src/data/search-records.ts';
import type { Municipality } from './area-config.ts';
import type { Origin } from './origins.ts';
import type { Place } from './places.ts';

export const SEARCH_SOURCE_VERSION = 1;

/** The format is defined once, where the app reads it. */
export type SearchSource = SearchSourceV1 & {
	taxonomyVersion: string;
	categories: {
		id: string;
		labels: { nl: string; fr: string; en: string };
		synonyms: { nl: readonly string[]; fr: readonly string[]; en: readonly string[] };
		icon: string;
		colour: string;
		places: number;
	}[];
};

/**
 * Builds the search source.
 * @param originsNis municipality NIS code of each origin's neighbourhood, by origin id
 */
export function buildSearchSource(
	areaId: string,
	places: Place[],
	origins: Origin[],
	originsNis: Map<string, string>,
	municipalities: Municipality[],
): SearchSource {
	const muniName = new Map(municipalities.map((m) => [m.nis, m.name]));
	const perCategory = new Map<string, number>();
	for (const p of places)
		for (const c of p.categoryIds) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
	const streets = new Map<
		string,
		{ name: string; nis: string; addresses: [string, number, number][] }
	>();
	for (const o of origins) {
		if (!o.street) continue;
		const nis = originsNis.get(o.id) ?? '';
		const key = `${nis}\u0000${o.street}`;
		let s = streets.get(key);
		if (!s) {
			s = { name: o.street, nis, addresses: [] };
			streets.set(key, s);
		}
		// Apartment units share their house number: one search entry per number (the first point).
		if (!s.addresses.some((a) => a[0] === o.houseNumber)) {
			s.addresses.push([o.houseNumber, o.lngLat[0], o.lngLat[1]]);
		}
	}
	const streetList = [...streets.values()]
		.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.nis.localeCompare(b.nis))
		.map((s, i) => {
			const mx = s.addresses.reduce((t, a) => t + a[1], 0) / s.addresses.length;
			const my = s.addresses.reduce((t, a) => t + a[2], 0) / s.addresses.length;
			let best = s.addresses[0] as [string, number, number];
			let bestD = Infinity;
			for (const a of s.addresses) {
				const d = (a[1] - mx) ** 2 + (a[2] - my) ** 2;
				if (d < bestD) [best, bestD] = [a, d];
			}
			return {
				id: `s${i + 1}`,
				name: s.name,
				municipality: muniName.get(s.nis) ?? '',
				nis: s.nis,
				lngLat: [best[1], best[2]] as [number, number],
				addresses: s.addresses,
			};
		});
	return {
		version: SEARCH_SOURCE_VERSION,
		areaId,
		taxonomyVersion: TAXONOMY_VERSION,
		categories: CATEGORIES.map((c) => ({
			id: c.id,
			labels: { ...c.labels },
			synonyms: { ...c.synonyms },
			icon: c.icon,
			colour: c.colour,
			places: perCategory.get(c.id) ?? 0,
		})),
		places: places.map((p) => ({
			id: p.id,
			name: p.name,
			categoryIds: p.categoryIds,
			address: p.address,
			lngLat: p.lngLat,
			wheelchair: p.wheelchair,
			phone: p.phone,
			website: p.website,
			openingHours: p.openingHours,
			operator: p.operator,
			source: p.source,
			date: p.date,
		})),
		streets: streetList,
	};
}
