/**
 * Search for residents: places by name, categories by name and synonym, streets and addresses, in
 * their own words, accent- and case-insensitive, tolerant of a typo.
 *
 * Fuse.js ranks. To keep each keystroke well under a millisecond on a municipality and a few
 * milliseconds on a whole region, Fuse does not scan every record: a trigram index over the same
 * normalised text first picks the records that share enough trigrams with the query (a typo changes
 * at most three trigrams of a word, so the right record keeps most of its), and Fuse then ranks only
 * those, over its own prebuilt index (a subset of its records, so nothing is re-tokenised per query).
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';

/** What a search result points at. */
export type SearchKind = 'category' | 'place' | 'street' | 'address';

export interface SearchRecord {
	/** Stable id: a category id, an OSM id (`n123`, `w45`) or an address/street id. */
	id: string;
	kind: SearchKind;
	/** The text shown for the result (a place's name, a category's label, a street name). */
	label: string;
	/** Other words that find it: synonyms in nl/fr/en, category labels of a place, the municipality. */
	keywords: readonly string[];
	/** Secondary text (category or address of a place, municipality of a street). */
	detail?: string;
	/** For places: its categories; for categories: the category itself. */
	categoryIds?: readonly string[];
	/** Where it is, [lng, lat], for places, streets and addresses. */
	lngLat?: readonly [number, number];
}

export interface SearchHit {
	record: SearchRecord;
	/** Fuse score: 0 is a perfect match, 1 no match at all. */
	score: number;
}

/** Lower case, accents removed, punctuation folded to spaces: the form every text is indexed in. */
export function normalise(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The distinct trigrams of each word of a normalised text, words padded with one space at each end. */
export function trigrams(normalised: string): string[] {
	const out = new Set<string>();
	for (const word of normalised.split(' ')) {
		if (!word) continue;
		const padded = ` ${word} `;
		for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
	}
	return [...out];
}

export const FUSE_OPTIONS: IFuseOptions<SearchRecord> = {
	keys: [
		{ name: 'label', weight: 3 },
		{ name: 'keywords', weight: 2 },
		{ name: 'detail', weight: 0.5 },
	],
	ignoreDiacritics: true,
	ignoreLocation: true,
	includeScore: true,
	threshold: 0.34,
	minMatchCharLength: 2,
};

/** How many candidates Fuse ranks at most per query. */
const MAX_CANDIDATES = 256;

export interface SearchOptions {
	/** At most this many hits in all (default 20). */
	limit?: number;
	/** At most this many hits per kind (default 8). */
	perKind?: number;
}

/**
 * A search index over places, categories, streets and addresses.
 * @example
 * const index = new SearchIndex(records);
 * index.search('apoteek'); // → pharmacies first, despite the typo
 */
export class SearchIndex {
	readonly records: readonly SearchRecord[];
	readonly #fuseIndex: FuseIndex<SearchRecord>;
	/** For each trigram, the indices of the records whose text contains it, ascending. */
	readonly #postings = new Map<string, Uint32Array>();
	/** Per-record trigram hit counter, reused across queries (reset after each). */
	readonly #hits: Uint16Array;
	/** How many distinct trigrams each record's text has, for normalising the overlap. */
	readonly #trigramCounts: Uint16Array;

	constructor(records: readonly SearchRecord[]) {
		records.forEach((r, i) => {
			if (typeof r.id !== 'string' || typeof r.label !== 'string')
				throw new Error(`search record ${i} needs a string id and label`);
		});
		this.records = records;
		this.#fuseIndex = Fuse.createIndex(FUSE_OPTIONS.keys ?? [], records);
		this.#hits = new Uint16Array(records.length);
		this.#trigramCounts = new Uint16Array(records.length);
		const lists = new Map<string, number[]>();
		records.forEach((record, i) => {
			const text = normalise([record.label, ...record.keywords].join(' '));
			const grams = trigrams(text);
			this.#trigramCounts[i] = Math.min(grams.length, 65535);
			for (const gram of grams) {
				let list = lists.get(gram);
				if (!list) lists.set(gram, (list = []));
				list.push(i);
			}
		});
		for (const [gram, list] of lists) this.#postings.set(gram, Uint32Array.from(list));
	}

	/** Indices of the records most likely to match, by trigram overlap with the query. */
	candidates(query: string): number[] {
		const grams = trigrams(normalise(query));
		if (grams.length === 0) return [];
		const hits = this.#hits;
		const touched: number[] = [];
		for (const gram of grams) {
			const list = this.#postings.get(gram);
			if (!list) continue;
			for (let k = 0; k < list.length; k++) {
				const i = list[k]!;
				if (hits[i] === 0) touched.push(i);
				hits[i]!++;
			}
		}
		// Short queries ("ap") have one or two trigrams: any shared trigram counts. Longer ones need
		// about a third of them, which a single typo leaves standing.
		const minHits = grams.length <= 3 ? 1 : Math.ceil(grams.length / 3);
		let chosen = touched.filter((i) => hits[i]! >= minHits);
		if (chosen.length > MAX_CANDIDATES) {
			const counts = this.#trigramCounts;
			const rank = (i: number) => hits[i]! / Math.sqrt(counts[i]! + grams.length);
			chosen.sort((a, b) => rank(b) - rank(a) || a - b);
			chosen = chosen.slice(0, MAX_CANDIDATES);
		}
		for (const i of touched) hits[i] = 0;
		return chosen.sort((a, b) => a - b);
	}

	/** Ranked hits for `query`, best first, limited overall and per kind. */
	search(query: string, options: SearchOptions = {}): SearchHit[] {
		const limit = options.limit ?? 20;
		const perKind = options.perKind ?? 8;
		const ids = this.candidates(query);
		if (ids.length === 0) return [];
		const subset = Fuse.parseIndex<SearchRecord>({
			keys: this.#fuseIndex.keys,
			records: ids.map((i) => this.#fuseIndex.records[i]!),
		});
		const fuse = new Fuse(this.records, FUSE_OPTIONS, subset);
		const kindCounts = new Map<SearchKind, number>();
		const out: SearchHit[] = [];
		for (const result of fuse.search(normalise(query))) {
			const n = kindCounts.get(result.item.kind) ?? 0;
			if (n >= perKind) continue;
			kindCounts.set(result.item.kind, n + 1);
			out.push({ record: result.item, score: result.score ?? 1 });
			if (out.length >= limit) break;
		}
		return out;
	}
}
