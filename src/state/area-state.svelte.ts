/**
 * The area the app shows, shared through context: the index of built areas (`tiles/areas.json`),
 * the chosen area's manifest (loaded once) and everything derived from it — the tile archives, the
 * analysis bundle's worker, the search source and places, the municipality boundaries. Every URL of
 * an area comes from its manifest; no area id or file name is written in src/.
 *
 * Which area opens: the one the link names (`?area=`), else the only one built, else the one this
 * device used last (remembered: a resident returning opens their own municipality), else none and
 * the app offers the choice. Opening another area drops everything of the old one: its data, its
 * search index and its worker.
 */
import { createContext } from 'svelte';
import {
	loadAreaData,
	startSearchWorker,
	withExtraPlaces,
	type AreaData,
} from '../data/area-data.ts';
import type { SourcePlace } from '../contracts/search-source.ts';
import type { Place } from '../places/place.ts';
import {
	AREA_KEY,
	loadAreaIndex,
	pickArea,
	readRemembered,
	type AreaSummary,
} from '../data/area-index.ts';
import type { NeighbourHelp } from '../data/neighbour-help.ts';
import {
	ManifestError,
	loadAreaTiles,
	loadMunicipalityBoundaries,
	loadNeighbourhoodPolygons,
	type AreaTiles,
	type NeighbourhoodPolygon,
} from '../data/tiles.ts';
import { neighbourhoodLocator } from '../analysis/neighbourhood-locator.ts';
import type { ValidationIssue } from '../contracts/validation.ts';
import type { SearchEndpoint } from '../workers/search-client.ts';
import { AnalysisState, type StartedWorker } from './analysis.svelte.ts';

export { pickArea };

/** The municipality (NIS code and name) that holds a point [lng, lat], if any. */
export type MunicipalityLocator = (
	lngLat: readonly [number, number],
) => { nis: string; name: string } | undefined;

export interface AreaStateOptions {
	/** Origin the `tiles/` folder is served from (default: the page's). */
	origin?: string;
	fetch?: typeof fetch;
	/** Starts the analysis worker (tests pass a host over a message channel). */
	startWorker?: () => StartedWorker;
	/** Starts the search worker (tests pass a host over a message channel). */
	startSearch?: () => SearchEndpoint;
	/**
	 * Waits with the places and search until {@link AreaState.wantData} (the app: once the first
	 * view's map is idle, or the resident needs them sooner), so a first visit downloads the map
	 * first (issue #12). Off by default: `open` loads them at once.
	 */
	deferData?: boolean;
	/**
	 * What the first view (src/map/first-view.ts) has read already, taken instead of reading it
	 * again (each once): the index, and the manifest of the area it picked.
	 */
	first?: {
		index(): Promise<AreaSummary[]> | undefined;
		tiles(id: string): Promise<AreaTiles> | undefined;
	};
}

export class AreaState {
	/** The built areas; undefined while the index loads. */
	areas = $state.raw<AreaSummary[] | undefined>();
	/** Why the index could not be read. */
	indexError = $state<string | undefined>();
	/** True when {@link areas} are the ones kept on this device (the index could not be read). */
	isIndexKept = $state(false);
	/** The chosen area's id (also while its manifest loads). */
	id = $state<string | undefined>();
	/** The chosen area's manifest. */
	tiles = $state.raw<AreaTiles | undefined>();
	manifestError = $state<string | undefined>();
	/** What rule the manifest broke, where the UI has its own message (another format version). */
	manifestIssue = $state.raw<ValidationIssue | undefined>();
	/** Places and search of the chosen area. */
	data = $state.raw<AreaData | undefined>();
	dataError = $state<string | undefined>();
	/** The analysis engine of the chosen area (its worker starts on first use). */
	analysis = $state.raw<AnalysisState | undefined>();
	/**
	 * True while the area to open, or its manifest, is being read: whether it has an analysis
	 * engine is not known yet (a link's panel waits for it instead of saying there is none).
	 */
	isOpening = $state(false);
	/**
	 * The first view is done (or the resident asked for more): what the map does not need (places,
	 * search, keeping the area offline, other panels) may download now. True at once unless
	 * `deferData`; once true it stays so (another area chosen later loads at once).
	 */
	isDataWanted = $state(false);

	readonly #options: AreaStateOptions;
	/** Counts openings, so an answer for an area no longer chosen is dropped. */
	#generation = 0;

	/** Resolves when the places and search are wanted (see `deferData`). */
	#dataWanted: Promise<void> = Promise.resolve();
	#wantData = () => {};

	constructor(options: AreaStateOptions = {}) {
		this.#options = options;
		if (options.deferData) this.#dataWanted = new Promise((resolve) => (this.#wantData = resolve));
		else this.isDataWanted = true;
	}

	/** The places and search are needed now (search focused, list view, map idle…). */
	wantData(): void {
		this.isDataWanted = true;
		this.#wantData();
	}

	get #origin(): string {
		return this.#options.origin ?? location.origin;
	}

	get #fetch(): typeof fetch {
		return this.#options.fetch ?? ((input, init) => fetch(input, init));
	}

	/** The summary of the chosen area from the index, when known. */
	get summary(): AreaSummary | undefined {
		return this.areas?.find((a) => a.id === this.id);
	}

	/**
	 * The nearest places of a kind in the built areas around the open one that cover other
	 * municipalities (src/data/neighbour-help.ts), measured from `from`.
	 */
	async neighbourHelp(
		categoryId: string,
		from: [number, number],
		signal?: AbortSignal,
	): Promise<NeighbourHelp> {
		const open = this.summary;
		if (!this.areas || !open) return { checked: [], places: [], failed: [] };
		// Loaded when a kind turns out empty: not part of the first visit's JavaScript.
		const { loadNeighbourHelp } = await import('../data/neighbour-help.ts');
		return loadNeighbourHelp(this.areas, open, categoryId, from, this.#origin, this.#fetch, signal);
	}

	#polygons: { url: string; list: Promise<NeighbourhoodPolygon[]> } | undefined;

	/**
	 * The open area's neighbourhood polygons (the manifest's `files.neighbourhoods`), read once per
	 * file; undefined when the manifest lists none (an older build). Rejects naming the problem, and
	 * a later call tries again.
	 */
	async neighbourhoodPolygons(): Promise<NeighbourhoodPolygon[] | undefined> {
		const ref = this.tiles?.files.neighbourhoods;
		if (!ref) return undefined;
		if (this.#polygons?.url !== ref.url)
			this.#polygons = { url: ref.url, list: loadNeighbourhoodPolygons(ref, this.#fetch) };
		const held = this.#polygons;
		try {
			return await held.list;
		} catch (error) {
			if (this.#polygons === held) this.#polygons = undefined;
			throw error;
		}
	}

	#boundaries: { url: string; locate: Promise<MunicipalityLocator> } | undefined;

	/**
	 * Which municipality of the open area holds a point (its NIS code and name), by the
	 * municipality boundaries the pipeline published (the manifest's `files.boundaries`, read once
	 * per file). Resolves to undefined when the manifest lists no boundaries or they cannot be read
	 * (a later call tries again); the locator answers undefined for a point outside them. A caller
	 * that gets no answer does not know the municipality, and says so.
	 */
	async municipalityLocator(): Promise<MunicipalityLocator | undefined> {
		const ref = this.tiles?.files.boundaries;
		if (!ref) return undefined;
		if (this.#boundaries?.url !== ref.url)
			this.#boundaries = {
				url: ref.url,
				locate: loadMunicipalityBoundaries(ref, this.#fetch).then((list) => {
					const at = neighbourhoodLocator(list);
					return ([lng, lat]) => {
						const found = list[at(lng, lat)];
						return found ? { nis: found.nis, name: found.name } : undefined;
					};
				}),
			};
		const held = this.#boundaries;
		try {
			return await held.locate;
		} catch {
			if (this.#boundaries === held) this.#boundaries = undefined;
			return undefined;
		}
	}

	/** Loads the index, then opens the area {@link pickArea} gives (if any). */
	async start(named: string | undefined): Promise<void> {
		this.isOpening = true;
		try {
			this.areas = await (this.#options.first?.index() ?? loadAreaIndex(this.#origin, this.#fetch));
			this.isIndexKept = false;
			void keepIndexCopy(this.#origin, this.areas);
		} catch (error) {
			// Without a connection (the browser says so, or the request found no network): the areas
			// kept on this device, when there are any. A missing or broken index online is an error.
			const isCutOff =
				(typeof navigator !== 'undefined' && !navigator.onLine) ||
				!(error instanceof ManifestError);
			const kept = isCutOff ? await keptIndex(this.#origin) : [];
			if (kept.length > 0) {
				this.areas = kept;
				this.isIndexKept = true;
				// the connection back: the index itself again (all the areas, not only those kept)
				addEventListener('online', () => void this.#rereadIndex(), { once: true });
				const id = pickArea(kept, named, readRemembered());
				if (id) await this.open(id);
				else this.isOpening = false;
				return;
			}
			this.indexError = error instanceof Error ? error.message : String(error);
			this.areas = [];
			// A link that names its area still opens it.
			if (named) await this.open(named);
			else this.isOpening = false;
			return;
		}
		const id = pickArea(this.areas, named, readRemembered());
		if (id) await this.open(id);
		else this.isOpening = false;
	}

	/**
	 * Reads the index again once the connection is back, in place of the areas kept here. The first
	 * request right after the 'online' event can still fail while the network comes up: it is tried
	 * again a few times, then at the next connection.
	 */
	async #rereadIndex(attempt = 0): Promise<void> {
		try {
			const areas = await loadAreaIndex(this.#origin, this.#fetch);
			this.areas = areas;
			this.isIndexKept = false;
			void keepIndexCopy(this.#origin, areas);
		} catch {
			if (navigator.onLine && attempt < 5)
				setTimeout(() => void this.#rereadIndex(attempt + 1), 1000 * 2 ** attempt);
			// still unreadable: the areas kept here stay; try again at the next connection
			else addEventListener('online', () => void this.#rereadIndex(), { once: true });
		}
	}

	/**
	 * Opens area `id`: its manifest, then its places and search. Resolves once both are in (or
	 * failed: see manifestError and dataError). Opening the area already open does nothing.
	 */
	async open(id: string): Promise<void> {
		if (id === this.id && (this.tiles || this.manifestError)) {
			this.isOpening = false;
			return;
		}
		const generation = ++this.#generation;
		this.isOpening = true;
		this.analysis?.dispose();
		this.analysis = undefined;
		this.data?.search.dispose();
		this.id = id;
		this.tiles = undefined;
		this.data = undefined;
		this.manifestError = undefined;
		this.manifestIssue = undefined;
		this.dataError = undefined;
		let tiles: AreaTiles;
		try {
			tiles = await (this.#options.first?.tiles(id) ??
				loadAreaTiles(id, this.#origin, this.#fetch));
		} catch (error) {
			if (generation === this.#generation) {
				this.manifestError = error instanceof Error ? error.message : String(error);
				this.manifestIssue = error instanceof ManifestError ? error.issue : undefined;
				this.isOpening = false;
			}
			return;
		}
		if (generation !== this.#generation) return;
		this.tiles = tiles;
		remember(id);
		const bundle = tiles.files.analysis;
		if (bundle)
			this.analysis = new AnalysisState(bundle.url, {
				expectedBytes: bundle.bytes,
				...(this.#options.fetch ? { fetch: this.#options.fetch } : {}),
				...(this.#options.startWorker ? { startWorker: this.#options.startWorker } : {}),
			});
		this.isOpening = false;
		await this.#dataWanted;
		if (generation !== this.#generation) return;
		try {
			const data = await loadAreaData(tiles, this.#options.startSearch ?? startSearchWorker);
			if (generation === this.#generation) this.data = data;
			else data.search.dispose();
		} catch (error) {
			if (generation === this.#generation)
				this.dataError = error instanceof Error ? error.message : String(error);
		}
	}

	/**
	 * Adds `places` (curated initiatives, as the app shows them) to the open area's places and its
	 * search, in place of those added before. `source` is the same places as the search finds them.
	 */
	async setExtraPlaces(places: readonly Place[], source: SourcePlace[]): Promise<void> {
		const data = this.data;
		if (!data) return;
		this.data = withExtraPlaces(data, places);
		await data.search.setExtraPlaces(source);
	}

	/** Closes the area (the resident chooses again). */
	close(): void {
		this.#generation++;
		this.isOpening = false;
		this.analysis?.dispose();
		this.analysis = undefined;
		this.data?.search.dispose();
		this.id = undefined;
		this.tiles = undefined;
		this.data = undefined;
		this.manifestError = undefined;
		this.manifestIssue = undefined;
		this.dataError = undefined;
	}
}

function remember(id: string): void {
	try {
		localStorage.setItem(AREA_KEY, id);
	} catch {
		// Storage refused (private browsing): the area is not remembered.
	}
}

export const [getAreaState, setAreaState] = createContext<AreaState>();

/** Keeps a copy of the index for use without a connection (where the browser has Cache Storage). */
async function keepIndexCopy(origin: string, index: AreaSummary[]): Promise<void> {
	if (typeof caches === 'undefined') return;
	try {
		await (await import('../data/offline-area.ts')).keepAreaIndex(origin, index);
	} catch {
		// best effort: without the copy, the app offers no area offline, as before
	}
}

/** The areas kept on this device (none where the browser has no Cache Storage). */
async function keptIndex(origin: string): Promise<AreaSummary[]> {
	if (typeof caches === 'undefined') return [];
	try {
		return await (await import('../data/offline-area.ts')).keptAreaIndex(origin);
	} catch {
		return [];
	}
}
