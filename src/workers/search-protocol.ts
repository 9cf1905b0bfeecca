/**
 * The messages between the app and the search worker. The worker fetches and decodes an area's
 * search source and builds its index off the main thread, so no keystroke waits for either; the
 * app posts queries and gets grouped hits back. Every request carries an id that its answer echoes.
 */
import type { Localized } from '../contracts/taxonomy.ts';
import type { SearchResult } from '../data/search-index.ts';
import type { SourceLocality, SourcePlace } from '../contracts/search-source.ts';

export type SearchRequest =
	| { kind: 'load'; id: number; url: string }
	/**
	 * Places from elsewhere than the source (curated initiatives), found as its own places are;
	 * each request replaces the previous extra places.
	 */
	| { kind: 'extra'; id: number; places: SourcePlace[] }
	| {
			kind: 'search';
			id: number;
			query: string;
			lang: keyof Localized;
			near?: [number, number];
	  };

/** What the app needs of the source without searching: the places and the localities. */
export interface LoadedSource {
	areaId: string;
	places: SourcePlace[];
	localities: SourceLocality[];
	/** The area's centre (the mean of its streets' points), the default reference for distances. */
	centre: [number, number];
}

export type SearchResponse =
	| { kind: 'loaded'; id: number; source: LoadedSource }
	| { kind: 'result'; id: number; result: SearchResult }
	| { kind: 'extra'; id: number; count: number }
	| { kind: 'error'; id: number; message: string };
