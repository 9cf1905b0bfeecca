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

/**
 * The distinct n-grams of each word of a normalised text: bigrams and trigrams of the word padded
 * with one space at each end. Bigrams keep short words findable through a typo ("makrt" still
 * shares " m", "ma" and "t " with "markt"); trigrams keep long words precise.
 */
export function ngrams(normalised: string): string[] {
	const out = new Set<string>();
	for (const word of normalised.split(' ')) {
		if (!word) continue;
		const padded = ` ${word} `;
		for (let i = 0; i + 2 <= padded.length; i++) out.add(padded.slice(i, i + 2));
		for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
	}
	return [...out];
}

/**
 * Fuse ranks a record's label and keywords, read through `normalise` when its index is built: the
 * index already holds folded text, so Fuse need not strip accents on every search (the query is
 * normalised the same way before it is searched).
 */
export const FUSE_OPTIONS: IFuseOptions<SearchRecord> = {
	keys: [
		{ name: 'label', weight: 3, getFn: (r) => normalise(r.label) },
		{ name: 'keywords', weight: 2, getFn: (r) => r.keywords.map(normalise) },
	],
	ignoreLocation: true,
	includeScore: true,
	threshold: 0.34,
	minMatchCharLength: 2,
};

/** How many candidates of each kind Fuse ranks at most per query. */
const CANDIDATES_PER_KIND: Readonly<Record<SearchKind, number>> = {
	category: 6,
	place: 8,
	street: 6,
	address: 8,
};

/**
 * How many postings a query reads in full. Rare n-grams are read first; once this many postings
 * are read, the remaining (common) n-grams only add to the scores of records already found.
 */
const POSTINGS_BUDGET = 1500;

const KINDS: readonly SearchKind[] = ['category', 'place', 'street', 'address'];

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
	/** n-gram → its id. */
	readonly #gramIds = new Map<string, number>();
	/** Postings (CSR): the records containing gram g are `#postings[#postingOffsets[g] .. [g + 1]]`. */
	readonly #postingOffsets: Uint32Array;
	readonly #postings: Uint32Array;
	/** Each record's gram ids, ascending (CSR by record). */
	readonly #recordGramOffsets: Uint32Array;
	readonly #recordGrams: Uint32Array;
	/** Kind of each record, as an index into KINDS. */
	readonly #kinds: Uint8Array;
	/** Reused per query: 1 for records already found. */
	readonly #seen: Uint8Array;

	constructor(records: readonly SearchRecord[]) {
		records.forEach((r, i) => {
			if (typeof r.id !== 'string' || typeof r.label !== 'string')
				throw new Error(`search record ${i} needs a string id and label`);
			if (!KINDS.includes(r.kind)) throw new Error(`search record ${i} has unknown kind ${r.kind}`);
		});
		this.records = records;
		this.#fuseIndex = Fuse.createIndex(FUSE_OPTIONS.keys ?? [], records);
		this.#kinds = Uint8Array.from(records, (r) => KINDS.indexOf(r.kind));
		this.#seen = new Uint8Array(records.length);
		const perRecord: Uint32Array[] = [];
		const df: number[] = [];
		let total = 0;
		for (const record of records) {
			const grams = ngrams(normalise([record.label, ...record.keywords].join(' ')));
			const ids = new Uint32Array(grams.length);
			grams.forEach((gram, k) => {
				let id = this.#gramIds.get(gram);
				if (id === undefined) {
					id = df.length;
					this.#gramIds.set(gram, id);
					df.push(0);
				}
				df[id]!++;
				ids[k] = id;
			});
			ids.sort();
			perRecord.push(ids);
			total += ids.length;
		}
		this.#recordGramOffsets = new Uint32Array(records.length + 1);
		this.#recordGrams = new Uint32Array(total);
		this.#postingOffsets = new Uint32Array(df.length + 1);
		for (let g = 0; g < df.length; g++) this.#postingOffsets[g + 1] = this.#postingOffsets[g]! + df[g]!;
		this.#postings = new Uint32Array(total);
		const fill = this.#postingOffsets.slice(0, df.length);
		let at = 0;
		perRecord.forEach((ids, i) => {
			this.#recordGramOffsets[i] = at;
			this.#recordGrams.set(ids, at);
			at += ids.length;
			for (const g of ids) this.#postings[fill[g]!++] = i;
		});
		this.#recordGramOffsets[records.length] = at;
	}

	/**
	 * Indices of the records most likely to match, by IDF-weighted n-gram overlap with the query,
	 * the best few of each kind (so a kind of help is never crowded out by thousands of addresses).
	 */
	candidates(query: string): number[] {
		const grams: { id: number; df: number; weight: number }[] = [];
		const n = this.records.length;
		for (const gram of ngrams(normalise(query))) {
			const id = this.#gramIds.get(gram);
			if (id === undefined) continue;
			const df = this.#postingOffsets[id + 1]! - this.#postingOffsets[id]!;
			grams.push({ id, df, weight: Math.log(1 + n / df) });
		}
		if (grams.length === 0) return [];
		// Read the rarest n-grams' postings, within the budget. Postings are in record order (kinds of
		// help, places, streets, then addresses, as the area lists them), so a list longer than the
		// budget gives its first records: a town name matching 10,000 addresses costs what 3,000 do.
		grams.sort((a, b) => a.df - b.df || a.id - b.id);
		const seen = this.#seen;
		const touched: number[] = [];
		let read = 0;
		for (const gram of grams) {
			const take = Math.min(gram.df, POSTINGS_BUDGET - read);
			if (take <= 0) break;
			read += take;
			const from = this.#postingOffsets[gram.id]!;
			for (let k = from; k < from + take; k++) {
				const i = this.#postings[k]!;
				if (seen[i] === 0) {
					seen[i] = 1;
					touched.push(i);
				}
			}
		}
		// Score every record found on all query n-grams, by merging its sorted gram ids with the query's.
		const queryIds = Uint32Array.from(grams, (g) => g.id).sort();
		const queryWeights = Float64Array.from(queryIds, (id) => grams.find((g) => g.id === id)!.weight);
		const scores = new Float64Array(touched.length);
		for (let t = 0; t < touched.length; t++) {
			const i = touched[t]!;
			seen[i] = 0;
			let score = 0;
			let q = 0;
			const begin = this.#recordGramOffsets[i]!;
			const end = this.#recordGramOffsets[i + 1]!;
			for (let k = begin; k < end && q < queryIds.length; k++) {
				const g = this.#recordGrams[k]!;
				while (q < queryIds.length && queryIds[q]! < g) q++;
				if (queryIds[q] === g) score += queryWeights[q]!;
			}
			// Prefer records whose text is mostly the query (a short label over a long one).
			scores[t] = score / Math.sqrt(end - begin + queryIds.length);
		}
		// The best few of each kind (ties: lower index first), kept in small sorted lists, so a query
		// that matches thousands of addresses costs no big sort. Only records scoring at least a third
		// of the best can rank.
		let best = 0;
		for (let t = 0; t < scores.length; t++) if (scores[t]! > best) best = scores[t]!;
		const floor = best / 3;
		const tops: number[][] = KINDS.map(() => []);
		for (let t = 0; t < scores.length; t++) {
			const score = scores[t]!;
			if (score < floor) continue;
			const record = touched[t]!;
			const kind = this.#kinds[record]!;
			const top = tops[kind]!;
			const cap = CANDIDATES_PER_KIND[KINDS[kind]!];
			// Insertion into the small sorted list; records arrive in no order, ties go to lower index.
			let at = top.length;
			while (at > 0) {
				const u = top[at - 1]!;
				if (scores[u]! > score || (scores[u] === score && touched[u]! < record)) break;
				at--;
			}
			if (at >= cap) continue;
			top.splice(at, 0, t);
			if (top.length > cap) top.pop();
		}
		const out = tops.flat().map((t) => touched[t]!);
		return out.sort((a, b) => a - b);
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
		const shown = new Set<string>();
		for (const result of fuse.search(normalise(query))) {
			// A record may stand for one of several words of the same thing (a category's synonyms).
			const key = `${result.item.kind}\u0000${result.item.id}`;
			if (shown.has(key)) continue;
			shown.add(key);
			const n = kindCounts.get(result.item.kind) ?? 0;
			if (n >= perKind) continue;
			kindCounts.set(result.item.kind, n + 1);
			out.push({ record: result.item, score: result.score ?? 1 });
			if (out.length >= limit) break;
		}
		return out;
	}
}
