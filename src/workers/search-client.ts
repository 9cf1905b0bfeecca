/**
 * Main-thread side of the search worker: `load` the area's search source once, then `search` as the
 * resident types. Answers come back as Promises; a query answered after a newer one was sent is
 * still delivered, so the caller keeps the latest (see SearchState).
 */
import type { Localized } from '../contracts/taxonomy.ts';
import type { SearchResult } from '../data/search-index.ts';
import type { SourcePlace } from '../contracts/search-source.ts';
import type { LoadedSource, SearchRequest, SearchResponse } from './search-protocol.ts';

/** What the client talks to: a Worker, or anything with the same three methods in tests. */
export interface SearchEndpoint {
	postMessage(message: SearchRequest): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<SearchResponse>) => void): void;
	terminate?(): void;
}

export class SearchClient {
	#nextId = 1;
	readonly #pending = new Map<
		number,
		{ resolve: (v: never) => void; reject: (e: Error) => void }
	>();
	readonly #endpoint: SearchEndpoint;
	#closed = false;

	constructor(endpoint: SearchEndpoint) {
		this.#endpoint = endpoint;
		endpoint.addEventListener('message', (event) => {
			const msg = event.data;
			const pending = this.#pending.get(msg.id);
			if (!pending) return;
			this.#pending.delete(msg.id);
			if (msg.kind === 'error') pending.reject(new Error(msg.message));
			else
				pending.resolve(
					(msg.kind === 'loaded'
						? msg.source
						: msg.kind === 'extra'
							? msg.count
							: msg.result) as never,
				);
		});
	}

	#send<T>(
		request: SearchRequest extends infer R
			? R extends SearchRequest
				? Omit<R, 'id'>
				: never
			: never,
	): Promise<T> {
		if (this.#closed) return Promise.reject(new Error('the search worker was closed'));
		const id = this.#nextId++;
		return new Promise<T>((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (v: never) => void, reject });
			this.#endpoint.postMessage({ ...request, id } as SearchRequest);
		});
	}

	/** Fetches and indexes the search source at `url` in the worker. */
	load(url: string): Promise<LoadedSource> {
		return this.#send({ kind: 'load', url });
	}

	/**
	 * Has the worker find `places` too (curated initiatives), in place of the extra places sent
	 * before; resolves with their number once the next search sees them.
	 */
	setExtraPlaces(places: SourcePlace[]): Promise<number> {
		return this.#send({ kind: 'extra', places });
	}

	/**
	 * Stops the worker (the area was closed or switched): pending and later requests reject with
	 * "the search worker was closed".
	 */
	dispose(): void {
		if (this.#closed) return;
		this.#closed = true;
		this.#endpoint.terminate?.();
		for (const p of this.#pending.values()) p.reject(new Error('the search worker was closed'));
		this.#pending.clear();
	}

	/** The grouped hits for `query` in `lang`, distances measured from `near` when given. */
	search(query: string, lang: keyof Localized, near?: [number, number]): Promise<SearchResult> {
		return this.#send({ kind: 'search', query, lang, ...(near ? { near } : {}) });
	}
}
