/**
 * Search for residents: kinds of help by name and synonym, places by name and by what they are,
 * streets and addresses as people type them ("Markt 10 Herentals", "dorp 16, 2200 noorderwijk"), in
 * their own words, accent- and case-insensitive, tolerant of a typo.
 *
 * Words, not whole strings: the query is split into words, and each word is looked up in a
 * dictionary of the words of every record — exactly, as the beginning of a longer word (from three
 * letters), or with a typo (one letter added, dropped, changed or two swapped, from five letters;
 * two from nine). A record must hold every word of the query (when none does, the most words).
 * A word that matches only through a typo never stands beside a word that matches as typed: for a
 * single short word, an empty answer beats an unrelated one ("kapper" finds no "kapel").
 *
 * Addresses are not words in the dictionary: a query with a house number is read as street words +
 * house number + place name or postcode (in any order, commas or not); the streets that hold all
 * street words are found in the dictionary, then the house number in each street's own table. An
 * exact address ranks first. Place names and postcodes come from the area's data (localities), and
 * narrow streets and places to that municipality or sub-municipality.
 *
 * Why not Fuse.js or MiniSearch: Fuse.js scores whole strings (150 ms a query over 12 k records,
 * and fuzzy matches of short words everywhere); MiniSearch's edit distance has no transposition
 * ("doketr" finds nothing) and ranks every match of every record (tens of ms at 100 k records).
 * `npm run bench -- search` runs both beside this one on the same records and queries.
 */
import { metresPerDegree } from '../analysis/geo.ts';
import { normalise } from './normalise.ts';

/** What a search result points at: a help line is one to call (data/help-lines). */
export type SearchKind = 'category' | 'line' | 'place' | 'street' | 'address';

export interface SearchRecord {
	/**
	 * Stable id: a category id, a help line's id, an OSM id (`n123`, `w45`), a street id (`s12`) or
	 * `s12/10A`.
	 */
	id: string;
	kind: SearchKind;
	/** The text shown for the result (a place's name, a category's label, a street name). */
	label: string;
	/** Other words that find it: synonyms in nl/fr/en, what a place is. */
	keywords: readonly string[];
	/** Secondary text (what a place is and its address, the locality of a street). */
	detail?: string;
	/** For places: its categories; for categories: the category itself. */
	categoryIds?: readonly string[];
	/** Where it is, [lng, lat], for places, streets and addresses. */
	lngLat?: readonly [number, number];
	/** Ids of the localities it lies in (places, streets, addresses); absent for kinds of help. */
	localities?: readonly string[];
	/** For an address: the id of its street's record, and its house number as labelled. */
	street?: string;
	houseNumber?: string;
}

/** A municipality or sub-municipality, as people add it to an address. */
export interface SearchLocality {
	id: string;
	name: string;
	postcodes: readonly string[];
	/** The id of the municipality it is (part of). */
	municipality: string;
}

export interface SearchHit {
	record: SearchRecord;
	/** Higher is better; an exact address scores above 2. */
	score: number;
	/** Straight-line distance from the reference point, metres (records with a location). */
	distanceM?: number;
}

/** The hits of one kind, best first; `total` counts them all, `hits` holds at most maxPerGroup. */
export interface SearchGroup {
	kind: SearchKind;
	hits: SearchHit[];
	total: number;
}

/** How a query was read. */
export interface QueryReading {
	/** Normalised words matched against names. */
	words: string[];
	/** House numbers. */
	numbers: string[];
	/** Localities named (by name or postcode). */
	localities: string[];
	postcodes: string[];
}

export interface SearchResult {
	query: string;
	/** Non-empty groups, the group of the best hit first. */
	groups: SearchGroup[];
	/**
	 * The places of the kind of help the query names (all of its words matched as typed), nearest
	 * to the reference point first; these places are not repeated in the places group.
	 */
	kindPlaces?: { category: SearchRecord; hits: SearchHit[]; total: number };
	reading: QueryReading;
	/**
	 * The house numbers typed that no street the query names holds ("Kerkstraat 999"): the
	 * streets are still offered, and the reader is told the number is not among their addresses.
	 */
	numbersNotFound?: string[];
}

export interface SearchOptions {
	/** Reference point [lng, lat] for ordering equal hits and the places of a kind (default: the area's centre). */
	near?: readonly [number, number];
	/** At most this many hits per group (default 200); `total` counts them all. */
	maxPerGroup?: number;
}

export { normalise };

/**
 * Whether the optimal-string-alignment distance (edits: insert, delete, change a letter, swap two
 * neighbours) between `a` and `b` is at most `max`.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
	const n = a.length;
	const m = b.length;
	if (Math.abs(n - m) > max) return false;
	let prev2 = new Array<number>(m + 1).fill(0);
	let prev = Array.from({ length: m + 1 }, (_, j) => j);
	let cur = new Array<number>(m + 1).fill(0);
	for (let i = 1; i <= n; i++) {
		cur[0] = i;
		let rowMin = i;
		for (let j = 1; j <= m; j++) {
			const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
			let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
			if (
				i > 1 &&
				j > 1 &&
				a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
				a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
			)
				v = Math.min(v, prev2[j - 2]! + 1);
			cur[j] = v;
			if (v < rowMin) rowMin = v;
		}
		if (rowMin > max) return false;
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	return prev[m]! <= max;
}

const KINDS: readonly SearchKind[] = ['category', 'line', 'place', 'street', 'address'];
/** Group order when best scores tie. */
const KIND_ORDER: Readonly<Record<SearchKind, number>> = {
	address: 0,
	category: 1,
	line: 2,
	place: 3,
	street: 4,
};
const LABEL_WEIGHT = 1;
const KEYWORD_WEIGHT = 0.8;
const EXACT = 1;
/** A prefix scores between these, more the more of the word was typed. */
const PREFIX_MIN = 0.78;
const PREFIX_SPAN = 0.17;
const TYPO_1 = 0.6;
const TYPO_2 = 0.45;
/** A long word that matches nothing may still share its stem with a compound ("lilse…"). */
const STEM = 0.3;
const PREFIX_FROM = 3;
const TYPO_FROM = 5;
const TWO_TYPOS_FROM = 9;
const STEM_FROM = 8;
const STEM_MIN = 4;
const HOUSE_NUMBER = /^\d{1,4}[a-z]{0,2}$/;
const POSTCODE = /^\d{4}$/;

function popcount(x: number): number {
	let n = 0;
	for (let v = x; v; v &= v - 1) n++;
	return n;
}

/** The distinct words of a normalised text. */
function wordsOf(text: string): string[] {
	return normalise(text).split(' ').filter(Boolean);
}

/**
 * A search index over kinds of help, places, streets and addresses.
 * @example
 * const index = new SearchIndex(records, localities);
 * index.search('apoteek').kindPlaces?.category.id; // 'pharmacy', despite the typo
 * index.search('markt 10, herentals').groups[0]?.hits[0]?.record.label; // 'Markt 10'
 */
export class SearchIndex {
	readonly records: readonly SearchRecord[];
	/** Word → id; ids in alphabetical order of the words (for prefix ranges). */
	readonly #wordIds = new Map<string, number>();
	readonly #words: string[];
	/** Word ids by word length, for the two-typo scan. */
	readonly #byLength: number[][] = [];
	/** A word with one letter dropped → the ids of the words of ≥ TYPO_FROM letters it comes from. */
	readonly #deletes = new Map<string, number[]>();
	/** Postings (CSR): the records holding word w are `#postRecord[#postStart[w] .. [w + 1]]`. */
	readonly #postStart: Uint32Array;
	readonly #postRecord: Uint32Array;
	/** 1 when the word is in the record's label, else in its keywords. */
	readonly #postInLabel: Uint8Array;
	readonly #labelWords: Uint16Array;
	/** Street record index → house number (lower case) → address record index. */
	readonly #numbers = new Map<number, Map<string, number>>();
	readonly #recordIndex = new Map<string, number>();
	/** Category id → indices of its place records. */
	readonly #placesOf = new Map<string, number[]>();
	/** Normalised locality name → localities; postcode → localities. */
	readonly #localityByName = new Map<string, SearchLocality[]>();
	readonly #localityByPostcode = new Map<string, SearchLocality[]>();
	readonly #maxLocalityWords: number;
	readonly #centre: readonly [number, number];
	// Per-query scratch, sized to the records and reset after use.
	readonly #score: Float64Array;
	readonly #mask: Uint32Array;
	readonly #exactMask: Uint32Array;
	readonly #termBest: Float32Array;
	readonly #termExact: Uint8Array;
	/** 1 where a word of the query was found in the record's label (not only in its keywords). */
	readonly #inLabel: Uint8Array;

	constructor(records: readonly SearchRecord[], localities: readonly SearchLocality[] = []) {
		records.forEach((r, i) => {
			if (typeof r.id !== 'string' || typeof r.label !== 'string')
				throw new Error(`search record ${i} needs a string id and label`);
			if (!KINDS.includes(r.kind))
				throw new Error(`search record ${i} has unknown kind ${String(r.kind)}`);
		});
		this.records = records;
		const n = records.length;
		this.#labelWords = new Uint16Array(n);
		this.#score = new Float64Array(n);
		this.#mask = new Uint32Array(n);
		this.#exactMask = new Uint32Array(n);
		this.#termBest = new Float32Array(n);
		this.#termExact = new Uint8Array(n);
		this.#inLabel = new Uint8Array(n);

		// Words of every record but addresses (they are found through their street).
		const perRecord: [string[], string[]][] = records.map((r, i) => {
			this.#recordIndex.set(`${r.kind}\u0000${r.id}`, i);
			if (r.kind === 'address') return [[], []];
			const label = [...new Set(wordsOf(r.label))];
			const keywords = [...new Set(r.keywords.flatMap(wordsOf))].filter((w) => !label.includes(w));
			this.#labelWords[i] = Math.min(label.length, 65535);
			return [label, keywords];
		});
		const vocabulary = [...new Set(perRecord.flatMap(([a, b]) => [...a, ...b]))].sort();
		this.#words = vocabulary;
		vocabulary.forEach((w, id) => {
			this.#wordIds.set(w, id);
			(this.#byLength[w.length] ??= []).push(id);
			if (w.length >= TYPO_FROM)
				for (const d of new Set(deletions(w))) {
					const list = this.#deletes.get(d);
					if (list) list.push(id);
					else this.#deletes.set(d, [id]);
				}
		});
		const count = new Uint32Array(vocabulary.length + 1);
		for (const [label, keywords] of perRecord)
			for (const w of [...label, ...keywords]) count[this.#wordIds.get(w)! + 1]!++;
		for (let w = 0; w < vocabulary.length; w++) count[w + 1]! += count[w]!;
		this.#postStart = count;
		this.#postRecord = new Uint32Array(count[vocabulary.length]!);
		this.#postInLabel = new Uint8Array(count[vocabulary.length]!);
		const fill = count.slice(0, vocabulary.length);
		perRecord.forEach(([label, keywords], i) => {
			for (const w of label) {
				const at = fill[this.#wordIds.get(w)!]!++;
				this.#postRecord[at] = i;
				this.#postInLabel[at] = 1;
			}
			for (const w of keywords) this.#postRecord[fill[this.#wordIds.get(w)!]!++] = i;
		});

		// House numbers per street; a range "27-29" is also found as 27 and as 29.
		const ranges: [number, string, number][] = [];
		records.forEach((r, i) => {
			if (r.kind === 'place')
				for (const c of r.categoryIds ?? []) {
					const list = this.#placesOf.get(c);
					if (list) list.push(i);
					else this.#placesOf.set(c, [i]);
				}
			if (r.kind !== 'address' || !r.street || !r.houseNumber) return;
			const street = this.#recordIndex.get(`street\u0000${r.street}`);
			if (street === undefined) throw new Error(`address ${r.id} names unknown street ${r.street}`);
			let table = this.#numbers.get(street);
			if (!table) this.#numbers.set(street, (table = new Map()));
			const number = r.houseNumber.toLowerCase().replace(/\s+/g, '');
			table.set(number, i);
			for (const part of number.split(/[-_/]/)) if (part !== number) ranges.push([street, part, i]);
		});
		for (const [street, part, i] of ranges) {
			const table = this.#numbers.get(street)!;
			if (!table.has(part)) table.set(part, i);
		}

		let maxWords = 0;
		for (const l of localities) {
			const key = normalise(l.name);
			maxWords = Math.max(maxWords, key.split(' ').length);
			this.#localityByName.set(key, [...(this.#localityByName.get(key) ?? []), l]);
			for (const p of l.postcodes)
				this.#localityByPostcode.set(p, [...(this.#localityByPostcode.get(p) ?? []), l]);
		}
		this.#maxLocalityWords = maxWords;

		let sx = 0;
		let sy = 0;
		let k = 0;
		for (const r of records)
			if (r.kind === 'street' && r.lngLat) {
				sx += r.lngLat[0];
				sy += r.lngLat[1];
				k++;
			}
		if (k === 0)
			for (const r of records)
				if (r.lngLat) {
					sx += r.lngLat[0];
					sy += r.lngLat[1];
					k++;
				}
		this.#centre = k ? [sx / k, sy / k] : [0, 0];
	}

	/** The area's centre: the mean of its streets' points (the default reference point). */
	get centre(): readonly [number, number] {
		return this.#centre;
	}

	/** Dictionary words matching a query word, with the quality of each match. */
	#wordMatches(term: string): [number, number, boolean][] {
		const out: [number, number, boolean][] = [];
		const exact = this.#wordIds.get(term);
		if (exact !== undefined) out.push([exact, EXACT, true]);
		if (term.length >= PREFIX_FROM) {
			for (let id = this.#lowerBound(term); id < this.#words.length; id++) {
				const w = this.#words[id]!;
				if (!w.startsWith(term)) break;
				if (w.length > term.length)
					out.push([id, PREFIX_MIN + (PREFIX_SPAN * term.length) / w.length, true]);
			}
		}
		if (out.length > 0 || term.length < TYPO_FROM || HOUSE_NUMBER.test(term)) return out;
		// One typo: the query word and a dictionary word share a word with at most one letter dropped.
		const found = new Set<number>();
		const consider = (id: number | undefined) => {
			if (id === undefined || found.has(id)) return;
			if (withinEdits(term, this.#words[id]!, 1)) {
				found.add(id);
				out.push([id, TYPO_1, false]);
			}
		};
		for (const id of this.#deletes.get(term) ?? []) consider(id);
		for (const d of new Set(deletions(term))) {
			consider(this.#wordIds.get(d));
			for (const id of this.#deletes.get(d) ?? []) consider(id);
		}
		if (out.length > 0) return out;
		if (term.length >= TWO_TYPOS_FROM) {
			for (let len = term.length - 2; len <= term.length + 2; len++)
				for (const id of this.#byLength[len] ?? [])
					if (withinEdits(term, this.#words[id]!, 2)) out.push([id, TYPO_2, false]);
		}
		if (out.length === 0 && term.length >= STEM_FROM) {
			const stem = term.slice(0, Math.max(STEM_MIN, Math.ceil(term.length / 2)));
			for (let id = this.#lowerBound(stem); id < this.#words.length; id++) {
				if (!this.#words[id]!.startsWith(stem)) break;
				out.push([id, STEM, false]);
			}
		}
		return out;
	}

	#lowerBound(term: string): number {
		let lo = 0;
		let hi = this.#words.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.#words[mid]! < term) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Splits the query into place names / postcodes, house numbers and words. */
	#read(tokens: string[]): QueryReading & { filter: SearchLocality[] } {
		const used = new Array<boolean>(tokens.length).fill(false);
		const filter: SearchLocality[] = [];
		const names: string[] = [];
		const postcodes: string[] = [];
		const isWord = (t: string) => !HOUSE_NUMBER.test(t) && !POSTCODE.test(t);
		// A place name or postcode narrows the search only beside other words.
		if (tokens.length > 1) {
			for (let i = 0; i < tokens.length; i++) {
				const byCode = POSTCODE.test(tokens[i]!)
					? this.#localityByPostcode.get(tokens[i]!)
					: undefined;
				if (byCode) {
					used[i] = true;
					postcodes.push(tokens[i]!);
					filter.push(...byCode);
				}
			}
			for (let len = this.#maxLocalityWords; len >= 1; len--) {
				for (let i = 0; i + len <= tokens.length; i++) {
					if (used.slice(i, i + len).some(Boolean)) continue;
					const key = tokens.slice(i, i + len).join(' ');
					const found = this.#localityByName.get(key);
					if (!found) continue;
					// Keep at least one street or place word.
					const rest = tokens.filter((t, k) => !used[k] && (k < i || k >= i + len) && isWord(t));
					if (rest.length === 0) continue;
					for (let k = i; k < i + len; k++) used[k] = true;
					names.push(...found.map((l) => l.name));
					filter.push(...found);
				}
			}
		}
		const numbers: string[] = [];
		const words: string[] = [];
		tokens.forEach((t, i) => {
			if (used[i]) return;
			if (HOUSE_NUMBER.test(t) && tokens.some((u, k) => k !== i && !used[k] && isWord(u))) {
				// "10 a" is house number 10a.
				const next = tokens[i + 1];
				if (next && /^[a-z]$/.test(next) && !used[i + 1]) {
					used[i + 1] = true;
					numbers.push(t + next);
				} else numbers.push(t);
				return;
			}
			words.push(t);
		});
		return { words, numbers, localities: [...new Set(names)], postcodes, filter };
	}

	/** Ranked hits for `query`, grouped by kind. */
	search(query: string, options: SearchOptions = {}): SearchResult {
		const maxPerGroup = options.maxPerGroup ?? 200;
		const near = options.near ?? this.#centre;
		const tokens = normalise(query).split(' ').filter(Boolean);
		const reading = this.#read(tokens);
		const empty: SearchResult = {
			query,
			groups: [],
			reading: {
				words: reading.words,
				numbers: reading.numbers,
				localities: reading.localities,
				postcodes: reading.postcodes,
			},
		};
		const terms = reading.words.slice(0, 31);
		if (terms.length === 0) return empty;

		// Score every record on every word: the best match of the word in the record.
		const touched: number[] = [];
		const score = this.#score;
		const mask = this.#mask;
		const exactMask = this.#exactMask;
		const best = this.#termBest;
		const bestExact = this.#termExact;
		const inLabel = this.#inLabel;
		const postStart = this.#postStart;
		const postRecord = this.#postRecord;
		const postInLabel = this.#postInLabel;
		const labelWords = this.#labelWords;
		terms.forEach((term, t) => {
			const hit: number[] = [];
			const matches = this.#wordMatches(term);
			// A word typed whole ("bank") does not also find the longer words it begins in the
			// synonyms ("banketbakker"); names still match by their beginning ("kerk" → Kerkstraat).
			const typedWhole = matches[0]?.[1] === EXACT;
			for (const [word, quality, isExact] of matches) {
				const end = postStart[word + 1]!;
				const namesOnly = typedWhole && quality !== EXACT;
				for (let k = postStart[word]!; k < end; k++) {
					if (namesOnly && !postInLabel[k]) continue;
					const r = postRecord[k]!;
					if (postInLabel[k]) inLabel[r] = 1;
					const v = quality * (postInLabel[k] ? LABEL_WEIGHT : KEYWORD_WEIGHT);
					if (best[r] === 0) hit.push(r);
					if (v > best[r]!) {
						best[r] = v;
						bestExact[r] = isExact ? 1 : 0;
					}
				}
			}
			for (const r of hit) {
				if (mask[r] === 0) touched.push(r);
				score[r]! += best[r]!;
				mask[r]! |= 1 << t;
				if (bestExact[r]) exactMask[r]! |= 1 << t;
				best[r] = 0;
				bestExact[r] = 0;
			}
		});

		const full = terms.length === 31 ? 0x7fffffff : (1 << terms.length) - 1;
		let maxWords = 0;
		let anyAllExact = false;
		const filterIds = new Set(reading.filter.flatMap((l) => [l.id, l.municipality]));
		const exactIds = new Set(reading.filter.map((l) => l.id));
		const inFilter = (r: number) => {
			const own = this.records[r]!.localities;
			return filterIds.size === 0 || !own || own.some((id) => filterIds.has(id));
		};
		for (const r of touched) {
			if (!inFilter(r)) continue;
			maxWords = Math.max(maxWords, popcount(mask[r]!));
			if (exactMask[r] === full) anyAllExact = true;
		}
		const needed =
			maxWords === terms.length ? terms.length : Math.max(maxWords, Math.ceil(terms.length / 2));
		// Kept records by kind, as [record index, score]; hit objects are made only for those returned.
		const kept: [number, number][][] = KINDS.map(() => []);
		const streetHits: [number, number][] = [];
		/** Records that hold every word of the query. */
		const allWords = new Set<number>();
		for (const r of touched) {
			const words = popcount(mask[r]!);
			const keep =
				words >= needed &&
				inFilter(r) &&
				// A record found only through typos never stands beside one found as typed.
				!(anyAllExact && exactMask[r] === 0);
			if (keep) {
				const record = this.records[r]!;
				let s = score[r]! / terms.length;
				// a short label that the query fills counts more; records found only by their
				// keywords ("spoed" for a hospital with an emergency department) stay equal, nearest first
				if (inLabel[r])
					s +=
						0.05 * Math.min(1, terms.length / Math.max(1, labelWords[r]!)) * (words / terms.length);
				if (exactIds.size && record.localities?.some((id) => exactIds.has(id))) s += 0.02;
				kept[KINDS.indexOf(record.kind)]!.push([r, s]);
				if (words === terms.length) allWords.add(r);
				if (record.kind === 'street' && words === terms.length) streetHits.push([r, s]);
			}
			score[r] = 0;
			mask[r] = 0;
			exactMask[r] = 0;
			inLabel[r] = 0;
		}

		// Addresses: the house number in each street that holds every street word.
		const numbersFound = new Set<string>();
		if (reading.numbers.length && streetHits.length) {
			streetHits.sort((a, b) => b[1] - a[1]);
			const addresses = kept[KINDS.indexOf('address')]!;
			for (const [street, s] of streetHits.slice(0, 10)) {
				const table = this.#numbers.get(street);
				for (const number of reading.numbers) {
					const i = table?.get(number);
					if (i === undefined) continue;
					numbersFound.add(number);
					const exactNumber = this.records[i]!.houseNumber?.toLowerCase() === number ? 0.01 : 0;
					addresses.push([i, 2 + s + exactNumber]);
				}
			}
		}

		const groups: SearchGroup[] = [];
		let kindPlaces: SearchResult['kindPlaces'];
		const category = this.#ranked(kept[KINDS.indexOf('category')]!, near, 1)[0];
		const underKind = new Set<number>();
		// A kind of help named with every word of the query opens its places at once.
		const categoryId =
			category?.record.categoryIds?.length === 1 ? category.record.categoryIds[0]! : undefined;
		if (
			category &&
			categoryId &&
			allWords.has(this.#recordIndex.get(`category\u0000${category.record.id}`)!)
		) {
			const places = (this.#placesOf.get(categoryId) ?? []).filter((p) => inFilter(p));
			for (const p of places) underKind.add(p);
			if (places.length)
				kindPlaces = {
					category: category.record,
					hits: this.#nearest(places, near, maxPerGroup),
					total: places.length,
				};
		}
		KINDS.forEach((kind, k) => {
			const list = kind === 'place' ? kept[k]!.filter(([r]) => !underKind.has(r)) : kept[k]!;
			if (list.length)
				groups.push({ kind, hits: this.#ranked(list, near, maxPerGroup), total: list.length });
		});
		const ordered = groups.sort(
			(a, b) =>
				(b.hits[0]?.score ?? 0) - (a.hits[0]?.score ?? 0) ||
				KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
		);
		// a number typed that none of the streets named holds (every one, not only those whose
		// addresses are offered; a street whose addresses the index lacks says nothing of it):
		// said, with the streets still offered
		const withNumbers = streetHits
			.map(([street]) => this.#numbers.get(street))
			.filter((t) => t !== undefined);
		const notFound = withNumbers.length
			? reading.numbers.filter((n) => !numbersFound.has(n) && !withNumbers.some((t) => t.has(n)))
			: [];
		return {
			...empty,
			groups: ordered,
			...(kindPlaces ? { kindPlaces } : {}),
			...(notFound.length ? { numbersNotFound: notFound } : {}),
		};
	}

	/**
	 * The `max` records of `indices` nearest to `near` (ties: record order), as hits. Distance and
	 * position are packed into one number per record, so a native numeric sort orders thousands.
	 */
	#nearest(indices: readonly number[], near: readonly [number, number], max: number): SearchHit[] {
		const { kx, ky } = metresPerDegree(near[1]);
		const keys = new Float64Array(indices.length);
		const distance = new Float64Array(indices.length);
		indices.forEach((r, j) => {
			const ll = this.records[r]!.lngLat;
			const d = ll ? Math.hypot((ll[0] - near[0]) * kx, (ll[1] - near[1]) * ky) : 1e9;
			distance[j] = d;
			// Whole decimetres above, the position below: exact in a double up to 2^53.
			keys[j] = Math.min(Math.round(d * 10), 2 ** 32) * 2 ** 20 + j;
		});
		keys.sort();
		const out: SearchHit[] = [];
		for (let k = 0; k < Math.min(max, keys.length); k++) {
			const j = keys[k]! % 2 ** 20;
			const hit: SearchHit = { record: this.records[indices[j]!]!, score: 0 };
			if (distance[j]! < 1e9) hit.distanceM = distance[j]!;
			out.push(hit);
		}
		return out;
	}

	/** The best `max` of `[record index, score]`: higher score first, then nearest, then by label. */
	#ranked(list: [number, number][], near: readonly [number, number], max: number): SearchHit[] {
		const { kx, ky } = metresPerDegree(near[1]);
		const distance = new Float64Array(list.length);
		list.forEach(([r], j) => {
			const ll = this.records[r]!.lngLat;
			distance[j] = ll ? Math.hypot((ll[0] - near[0]) * kx, (ll[1] - near[1]) * ky) : Infinity;
		});
		const order = Array.from(list.keys()).sort((a, b) => {
			const d = list[b]![1] - list[a]![1] || distance[a]! - distance[b]!;
			if (d) return d;
			const ra = this.records[list[a]![0]]!;
			const rb = this.records[list[b]![0]]!;
			// Equal kinds of help: the one with places in the area first.
			const places = this.#placeCount(rb) - this.#placeCount(ra);
			if (places) return places;
			return ra.label < rb.label
				? -1
				: ra.label > rb.label
					? 1
					: ra.id < rb.id
						? -1
						: ra.id > rb.id
							? 1
							: 0;
		});
		return order.slice(0, max).map((j) => {
			const hit: SearchHit = { record: this.records[list[j]![0]]!, score: list[j]![1] };
			if (Number.isFinite(distance[j]!)) hit.distanceM = distance[j]!;
			return hit;
		});
	}

	#placeCount(record: SearchRecord): number {
		if (record.kind !== 'category' || record.categoryIds?.length !== 1) return 0;
		return this.#placesOf.get(record.categoryIds[0]!)?.length ?? 0;
	}

	/** The place records of a category (all of them), for a list. */
	placesOf(categoryId: string): SearchRecord[] {
		return (this.#placesOf.get(categoryId) ?? []).map((i) => this.records[i]!);
	}
}

/** The word with each one letter dropped. */
function deletions(word: string): string[] {
	const out: string[] = [];
	for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
	return out;
}
