/**
 * The typed message protocol between the app and the analysis worker (after maplibre-gl's
 * actor_messages): one map from request type to its params and result. Every request carries an
 * id (the answer echoes it); a `cancel` message with the same id abandons a request that has not
 * started yet, or drops the answer of one that is running. Results hold typed arrays whose
 * buffers are transferred, never cloned (`transfer.ts`). Types only: what the app does with an
 * answer lives beside the code that uses it (`apply-what-if.ts`).
 */
import type { CompletenessRow } from '../analysis/completeness.ts';
import type { PlannedPlace, WhatIfDelta } from '../analysis/engine.ts';
import type { FixOptions, FixRanking } from '../analysis/fixes.ts';
import type { NetworkLayer } from '../analysis/network-layer.ts';
import type { RestGaps } from '../analysis/rest-points.ts';

export type { WhatIfDelta };
import type { ProfileId, UnknownMode } from '../contracts/profiles.ts';
import type { Route, RouteComparison } from '../analysis/route.ts';
import type {
	CellProperties,
	NeighbourhoodSummary,
	OriginProperties,
} from '../analysis/summary.ts';
import type { WhereNextPick } from '../analysis/where-next.ts';
import type {
	Feature,
	FeatureCollection,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon,
} from 'geojson';

/** Which coverage a request is about. */
export interface CoverageKey {
	categoryId: string;
	profile: ProfileId;
	unknownMode: UnknownMode;
}

/** Per-origin columns of a coverage (buffers transferred). */
export interface CoverageColumns {
	/** Metres, Infinity when unreachable. */
	distanceM: Float64Array;
	/** Seconds for the profile, Infinity when unreachable. */
	timeS: Float64Array;
	/** Metres on unknown data. */
	unknownM: Float64Array;
	/** Index of the nearest place in `placeIds`, -1 when none. */
	place: Int32Array;
	/** Place ids referenced by `place`. */
	placeIds: string[];
	/**
	 * Why each origin has no figure: an index into ORIGIN_REASONS (0: it has one; 1 edge of data,
	 * 2 farther than the access limit from every way, 3 isolated fragment), what the data cannot
	 * say. An origin with no way this run's profile may use near has a figure: nothing reachable.
	 * A what-if never changes it.
	 */
	reason: Uint8Array;
}

/** The origins a what-if changed, with their values after it (buffers transferred). */
export interface ChangedColumns {
	/** Indices of the origins changed, ascending. */
	origins: Uint32Array;
	/** Metres, Infinity when unreachable. */
	distanceM: Float64Array;
	/** Seconds for the profile, Infinity when unreachable. */
	timeS: Float64Array;
	/** Metres on unknown data. */
	unknownM: Float64Array;
	/** Index of the nearest place in `placeIds`, -1 when none. */
	place: Int32Array;
	/** Place ids referenced by `place`. */
	placeIds: string[];
}

/** The answer to a what-if request. */
export interface WhatIfResult {
	changed: ChangedColumns;
	/**
	 * The rows of the neighbourhoods that hold a changed origin, recomputed whole for the norm
	 * (equal to a full summary's rows); every other row is as before.
	 */
	summaryRows: NeighbourhoodSummary[];
	delta: WhatIfDelta;
	elapsedMs: number;
}

/** The request map: type → params and result. */
export interface AnalysisRequestMap {
	/** Loads a bundle (the bytes are transferred to the worker). */
	load: {
		params: { bytes: ArrayBuffer };
		result: {
			areaId: string;
			dataDate: string;
			origins: number;
			places: number;
			nodeCount: number;
			edgeCount: number;
			categoriesWithPlaces: string[];
		};
	};
	/**
	 * Sets the personal profile (its text form, `encodePersonalProfile`) that every later answer
	 * for its base profile respects (coverage, what-if, where-next, walksheds, nearest, routes and
	 * their reasons), or null for the three built-in profiles. Re-classifies every edge here in the
	 * worker from the bundle's per-edge attributes (`personalGraph`) and answers the base
	 * profile's per-edge statuses, reasons and unknowns for the accessible-routes layer.
	 */
	personal: {
		params: { profile: string | null };
		result: {
			base: ProfileId | null;
			statuses: Uint8Array;
			/** The built-in statuses of the same slot (what the tiles draw without feature-state). */
			builtIn: Uint8Array;
			reasons: Uint32Array;
			unknowns: Uint8Array;
			elapsedMs: number;
		};
	};
	/**
	 * Coverage of a category for a profile, with the neighbourhood summary for a norm. Places from
	 * elsewhere than the bundle (curated initiatives) count as existing places of the category.
	 */
	coverage: {
		/**
		 * extraPlaces count as places of the category (curated initiatives, planned ones);
		 * excludePlaceIds are switched off (another profile's run with a what-if's edits).
		 */
		params: CoverageKey & {
			normM: number;
			extraPlaces?: PlannedPlace[];
			excludePlaceIds?: string[];
			/** false: the run is not kept for later what-if edits (a report's other profiles). */
			keep?: boolean;
		};
		result: {
			columns: CoverageColumns;
			summary: NeighbourhoodSummary[];
			placeCount: number;
			/** The whole request in the worker: the sweep, the summary, the columns. */
			elapsedMs: number;
			/** The sweep and per-origin evaluation alone (`engine.coverage`), as the analysis bench times it. */
			engineMs: number;
		};
	};
	/**
	 * Adds planned places and/or removes places from the last coverage of that key, incrementally.
	 * Answers only what changed (the origins and the neighbourhood rows touched, never whole
	 * columns); `applyWhatIf` (apply-what-if.ts) patches them into the coverage the app holds.
	 */
	whatIf: {
		params: CoverageKey & { normM: number; add?: PlannedPlace[]; removePlaceIds?: string[] };
		result: WhatIfResult;
	};
	/** Greedy where-next locations. */
	whereNext: {
		params: CoverageKey & {
			normM: number;
			k: number;
			candidates?: [number, number][];
			weight?: 'residents' | 'residents65' | 'residents80';
		};
		result: { picks: WhereNextPick[] };
	};
	/** Walkshed from a point. */
	walkshed: {
		params: {
			lngLat: [number, number];
			minutes: number;
			profile: ProfileId;
			unknownMode: UnknownMode;
		};
		result: {
			lines: Feature<MultiLineString>;
			polygon: Feature<Polygon | MultiPolygon> | null;
			residents: number;
			residents65: number;
			residents80: number;
			edgeOfDataResidents: number;
			unknownM: number;
		} | null;
	};
	/**
	 * Walksheds of one point for several profiles side by side: the reachable segments (no
	 * polygon) and the residents each reaches, in the order of `profiles`; null where the point is
	 * too far from a way the profile may use.
	 */
	walksheds: {
		params: {
			lngLat: [number, number];
			minutes: number;
			profiles: ProfileId[];
			unknownMode: UnknownMode;
		};
		result: {
			sheds: ({
				profile: ProfileId;
				/**
				 * Every stretch reached, as one MultiLineString the map draws as it comes (one GeoJSON
				 * source for the three profiles); coordinates rounded to 1e-6° (about 0.1 m).
				 */
				lines: Feature<MultiLineString>;
				/** [west, south, east, north] of everything reached. */
				bbox: [number, number, number, number];
				lengthM: number;
				residents: number;
				residents65: number;
				residents80: number;
				edgeOfDataResidents: number;
				unknownM: number;
			} | null)[];
			/** Milliseconds the worker spent on all of them. */
			elapsedMs: number;
		};
	};
	/**
	 * For each point, whether a walkshed or route can start from it for at least one of the
	 * profiles: it snaps to a way the profile may use (the engine's snap, as `walksheds` does).
	 * Lists of starting points offer only these (a service far outside the area's network cannot
	 * be started from for any profile).
	 */
	startable: {
		params: { points: [number, number][]; profiles: ProfileId[]; unknownMode: UnknownMode };
		result: { startable: boolean[] };
	};
	/** Which fix helps most: edges the profile cannot use ranked by the residents they would bring within the norm. */
	fixes: { params: FixOptions; result: FixRanking };
	/** Stretches of the walking network longer than `maxGapM` without a bench. */
	restGaps: { params: { maxGapM: number; onRoutesTo?: string[] }; result: RestGaps };
	/** Share of the network with the tags each profile needs, per neighbourhood. */
	completeness: { params: Record<string, never>; result: { rows: CompletenessRow[] } };
	/**
	 * The accessibility layers for export: every edge with its status, reasons and unknown
	 * attributes for walking, rollator and wheelchair, and for the personal profile when one is set.
	 */
	networkLayer: { params: Record<string, never>; result: NetworkLayer };
	/**
	 * Aggregated grid cells of the last coverage of that key (computed first if needed, what-if
	 * edits included), for the overlay; with `neighbourhoodIds`, of those neighbourhoods' origins only.
	 */
	cells: {
		params: CoverageKey & { normM: number; cellM?: number; neighbourhoodIds?: string[] };
		result: FeatureCollection<Polygon, CellProperties>;
	};
	/** Every origin as a GeoJSON Point with its result, for export. */
	originsGeoJSON: {
		params: CoverageKey & { normM: number };
		result: FeatureCollection<Point, OriginProperties>;
	};
	/**
	 * The k places of a category reachable fastest from `from` for the profile, fastest first, each
	 * with its route (time, distance and unknown metres, access legs as in `route`): one bounded
	 * search that stops once k places are settled (src/analysis/nearest.ts).
	 */
	nearest: {
		params: {
			from: [number, number];
			categoryId: string;
			profile: ProfileId;
			k: number;
			unknownMode?: UnknownMode;
		};
		result: { places: { placeId: string; route: Route }[] };
	};
	/** Route A→B with reasons. */
	route: {
		params: {
			from: [number, number];
			to: [number, number];
			profile: ProfileId;
			unknownMode: UnknownMode;
		};
		result: RouteComparison;
	};
}

export type RequestType = keyof AnalysisRequestMap;
export type Params<T extends RequestType> = AnalysisRequestMap[T]['params'];
export type Result<T extends RequestType> = AnalysisRequestMap[T]['result'];

/** A request from the app. */
export type RequestMessage = {
	[T in RequestType]: { kind: 'request'; id: number; type: T; params: Params<T> };
}[RequestType];

/** Abandons request `id`. */
export interface CancelMessage {
	kind: 'cancel';
	id: number;
}

/** The worker's answer. */
export type ResponseMessage =
	| { kind: 'response'; id: number; ok: true; result: unknown }
	| { kind: 'response'; id: number; ok: false; error: { name: string; message: string } };

export type ToWorker = RequestMessage | CancelMessage;
