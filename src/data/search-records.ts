/**
 * Turns the taxonomy and an area's search source (built by the pipeline) into search records: kinds
 * of help (categories with their labels and synonyms in nl/fr/en), places, streets and addresses.
 */
import { CATEGORIES, type Localized } from '../analysis/taxonomy.ts';
import type { SearchRecord } from './search-index.ts';

/** The pseudo-category for "rolstoel": places that say they are wheelchair accessible. */
export const WHEELCHAIR_FILTER_ID = 'wheelchair_accessible';

const WHEELCHAIR_LABELS: Localized = {
	nl: 'Rolstoeltoegankelijke plaatsen',
	fr: 'Lieux accessibles en fauteuil roulant',
	en: 'Wheelchair-accessible places',
};
const WHEELCHAIR_SYNONYMS = [
	'rolstoel',
	'rolstoeltoegankelijk',
	'toegankelijk',
	'fauteuil roulant',
	'accessible',
	'wheelchair',
	'PMR',
];

/**
 * The records of the kinds of help: per category one record for its label in `lang` and one per
 * other label and synonym (in every language), all showing the label in `lang`. Splitting the
 * words over records lets the index pick only the words that match and Fuse rank a few short texts
 * instead of every synonym of every category; the search shows each category once. Plus the
 * wheelchair-accessible filter.
 */
export function categoryRecords(lang: keyof Localized): SearchRecord[] {
	const records: SearchRecord[] = [];
	const add = (id: string, label: string, words: readonly string[], categoryIds?: string[]) => {
		records.push({ id, kind: 'category', label, keywords: [], ...(categoryIds ? { categoryIds } : {}) });
		for (const word of new Set(words)) {
			if (word === label) continue;
			records.push({ id, kind: 'category', label, keywords: [word], ...(categoryIds ? { categoryIds } : {}) });
		}
	};
	for (const c of CATEGORIES) {
		add(
			c.id,
			c.labels[lang],
			[c.labels.nl, c.labels.fr, c.labels.en, ...c.synonyms.nl, ...c.synonyms.fr, ...c.synonyms.en],
			[c.id],
		);
	}
	add(WHEELCHAIR_FILTER_ID, WHEELCHAIR_LABELS[lang], [...Object.values(WHEELCHAIR_LABELS), ...WHEELCHAIR_SYNONYMS]);
	return records;
}

/**
 * The search source of an area, `tiles/<area>/search.json`, as the pipeline writes it (version 1;
 * scripts/lib/search-source.ts builds it). Empty strings stand for absent values.
 */
export interface SearchSourceV1 {
	version: 1;
	areaId: string;
	places: {
		id: string;
		name: string;
		categoryIds: string[];
		address: string;
		lngLat: [number, number];
		wheelchair: string;
		phone: string;
		website: string;
		openingHours: string;
		operator: string;
		source: string;
		date: string;
	}[];
	streets: {
		id: string;
		name: string;
		municipality: string;
		nis: string;
		lngLat: [number, number];
		/** [house number, lng, lat] */
		addresses: [string, number, number][];
	}[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLngLat(value: unknown): value is [number, number] {
	return (
		Array.isArray(value) &&
		value.length === 2 &&
		typeof value[0] === 'number' &&
		typeof value[1] === 'number' &&
		Math.abs(value[0]) <= 180 &&
		Math.abs(value[1]) <= 90
	);
}

/** Checks the shape of a search source, naming the first problem. */
export function parseSearchSource(json: unknown): SearchSourceV1 {
	if (!isRecord(json)) throw new Error('search source is not a JSON object');
	if (json.version !== 1) throw new Error(`search source version ${String(json.version)} is not 1`);
	if (!Array.isArray(json.places) || !Array.isArray(json.streets))
		throw new Error('search source has no places or streets lists');
	json.places.forEach((p: unknown, i) => {
		if (!isRecord(p) || typeof p.id !== 'string' || !Array.isArray(p.categoryIds) || !isLngLat(p.lngLat))
			throw new Error(`search source place ${i} is malformed`);
	});
	json.streets.forEach((s: unknown, i) => {
		if (!isRecord(s) || typeof s.name !== 'string' || !Array.isArray(s.addresses) || !isLngLat(s.lngLat))
			throw new Error(`search source street ${i} is malformed`);
	});
	return json as unknown as SearchSourceV1;
}

/**
 * All search records of an area in `lang`: kinds of help, places, streets and addresses.
 * @example areaSearchRecords(parseSearchSource(json), 'nl').length // ≈ 11,800 for the sample
 */
export function areaSearchRecords(source: SearchSourceV1, lang: keyof Localized): SearchRecord[] {
	const categoryLabel = new Map(CATEGORIES.map((c) => [c.id, c.labels[lang]]));
	const records = categoryRecords(lang);
	for (const p of source.places) {
		// A place without a name is found through its kind of help, not listed by itself.
		if (!p.name) continue;
		const kinds = p.categoryIds.map((id) => categoryLabel.get(id) ?? id);
		records.push({
			id: p.id,
			kind: 'place',
			label: p.name,
			keywords: kinds,
			detail: [kinds.join(', '), p.address].filter(Boolean).join(' · '),
			categoryIds: p.categoryIds,
			lngLat: p.lngLat,
		});
	}
	for (const s of source.streets) {
		records.push({
			id: s.id,
			kind: 'street',
			label: s.name,
			keywords: [s.municipality],
			detail: s.municipality,
			lngLat: s.lngLat,
		});
		for (const [number, lng, lat] of s.addresses) {
			records.push({
				id: `${s.id}/${number}`,
				kind: 'address',
				label: `${s.name} ${number}`,
				keywords: [s.municipality],
				detail: s.municipality,
				lngLat: [lng, lat],
			});
		}
	}
	return records;
}
