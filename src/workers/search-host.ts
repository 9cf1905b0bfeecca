/**
 * The worker side of the search protocol, independent of the Worker global so it runs in Node tests:
 * loads the search source (fetch, gunzip, parse), builds one index per language on first use, and
 * answers queries. No algorithms here (they live in src/data/search-index.ts).
 */
import type { Localized } from '../contracts/taxonomy.ts';
import { SearchIndex } from '../data/search-index.ts';
import { helpLinesFor, repositoryHelpLines } from '../data/help-lines.ts';
import { areaSearchRecords, municipalitiesOf, searchLocalities } from '../data/search-records.ts';
import {
	readSearchSource,
	type SearchSourceV2,
	type SourcePlace,
} from '../contracts/search-source.ts';
import type { SearchRequest, SearchResponse } from './search-protocol.ts';

export class SearchHost {
	#source: Promise<SearchSourceV2> | undefined;
	readonly #indexes = new Map<keyof Localized, SearchIndex>();
	/** Places from elsewhere (curated initiatives), indexed with the source's. */
	#extra: SourcePlace[] = [];
	readonly #post: (message: SearchResponse) => void;
	readonly #fetch: typeof fetch;

	constructor(
		post: (message: SearchResponse) => void,
		// A worker's fetch must be called on its global, not as a method of this object.
		fetchImpl: typeof fetch = (input, init) => fetch(input, init),
	) {
		this.#post = post;
		this.#fetch = fetchImpl;
	}

	async #load(url: string): Promise<SearchSourceV2> {
		const response = await this.#fetch(url);
		if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
		return readSearchSource(new Uint8Array(await response.arrayBuffer()));
	}

	#index(source: SearchSourceV2, lang: keyof Localized): SearchIndex {
		let index = this.#indexes.get(lang);
		if (!index) {
			const all = this.#extra.length
				? { ...source, places: [...source.places, ...this.#extra] }
				: source;
			// the help lines that answer in the area, found by name and number ("1733")
			const lines = helpLinesFor(repositoryHelpLines(), municipalitiesOf(source));
			index = new SearchIndex(areaSearchRecords(all, lang, lines), searchLocalities(source));
			this.#indexes.set(lang, index);
		}
		return index;
	}

	/** Handles one request; answers through `post`. */
	async receive(request: SearchRequest): Promise<void> {
		try {
			if (request.kind === 'extra') {
				this.#extra = request.places;
				// rebuilt on the next query in each language (the Dutch one now, as at load)
				this.#indexes.clear();
				if (this.#source) this.#index(await this.#source, 'nl');
				this.#post({ kind: 'extra', id: request.id, count: request.places.length });
				return;
			}
			if (request.kind === 'load') {
				this.#source ??= this.#load(request.url);
				this.#indexes.clear();
				const source = await this.#source;
				// The Dutch index is built now, before the first keystroke asks for it.
				const index = this.#index(source, 'nl');
				this.#post({
					kind: 'loaded',
					id: request.id,
					source: {
						areaId: source.areaId,
						places: source.places,
						localities: source.localities,
						centre: [...index.centre],
					},
				});
				return;
			}
			if (!this.#source) throw new Error('no search source loaded');
			const index = this.#index(await this.#source, request.lang);
			const result = index.search(request.query, request.near ? { near: request.near } : {});
			this.#post({ kind: 'result', id: request.id, result });
		} catch (error) {
			this.#source = request.kind === 'load' ? undefined : this.#source;
			this.#post({
				kind: 'error',
				id: request.id,
				message: error instanceof Error ? error.message : String(error),
			});
		}
	}
}
