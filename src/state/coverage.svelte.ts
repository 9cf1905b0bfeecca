/**
 * The coordinators' gap analysis as one state object: its parameters (categories, profile, how
 * unknown data counts, the norms), its results per category (per-origin columns and the
 * neighbourhood table, from the analysis worker), the what-if edits of each category (a planned
 * place belongs to its category: looking at or editing another leaves it), and the "where next"
 * suggestions. `snapshot()` is plain JSON (part 2 saves and shares it).
 *
 * Every figure comes from the worker (src/analysis/summary.ts): an origin without a figure keeps
 * its reason (edge of data, farther than the access limit from every way, isolated fragment) and
 * counts in no gap, while one with no way the profile may use near reaches nothing (beyond); a
 * category with no place in the data is `none_mapped`, never "100 % beyond the norm".
 */
import type { PlannedPlace } from '../analysis/engine.ts';
import { PROFILE_IDS, type ProfileId, type UnknownMode } from '../contracts/profiles.ts';
import type { CellProperties, NeighbourhoodSummary } from '../analysis/summary.ts';
import type { FeatureCollection, Polygon } from 'geojson';
import type { AnalysisCellInput } from '../data/types.ts';
import { categoryById, isCategoryId } from '../contracts/taxonomy.ts';
import type { WhereNextPick } from '../analysis/where-next.ts';
import type { AnalysisClient } from '../workers/analysis-client.ts';
import { applyWhatIf } from '../workers/apply-what-if.ts';
import { unknownShareOf } from './table-figures.ts';
import type { CoverageColumns, Params } from '../workers/protocol.ts';

export interface CoverageParams {
	categoryIds: string[];
	profile: ProfileId;
	unknownMode: UnknownMode;
	/** Norms changed from the taxonomy's defaults, metres per category id. */
	norms: Record<string, number>;
	/**
	 * The personal profile the worker answered with (text form, `encodePersonalProfile`), based on
	 * `profile`; absent: the built-in profile. Saved with the analysis and set again on reopen.
	 */
	personal?: string;
}

/** The norm of a category: the analysis's own, else the taxonomy's default. */
export function normOf(params: Pick<CoverageParams, 'norms'>, categoryId: string): number {
	return (
		params.norms[categoryId] ??
		(isCategoryId(categoryId) ? categoryById(categoryId).defaultNormM : 800)
	);
}

/** One category's result. `summary` includes the what-if edits; `baseSummary` is without them. */
export interface CategoryResult {
	categoryId: string;
	normM: number;
	state: 'measured' | 'none_mapped';
	placeCount: number;
	columns: CoverageColumns;
	summary: NeighbourhoodSummary[];
	baseSummary: NeighbourhoodSummary[];
	elapsedMs: number;
	/** Of which the engine's sweep and per-origin evaluation. */
	engineMs: number;
	/**
	 * Set on a result made by a what-if from `previous` (the columns are the same arrays, patched
	 * in place): the origins whose figures it changed, ascending. The map's overlay then updates
	 * only those. Absent on a result computed whole.
	 */
	changedBy?: { previous: CategoryResult; origins: Uint32Array };
}

/**
 * The origins' places and what changes with neither the category nor the profile (from the worker
 * once). Why an origin has no figure depends on the profile: each result's `columns.reason`.
 */
export interface OriginPoints {
	/** [lng, lat] interleaved. */
	lngLat: Float64Array;
	neighbourhoodId: (string | null)[];
}

/** What-if edits of one category: planned places added, existing places switched off. */
export interface WhatIfEdits {
	categoryId: string;
	add: PlannedPlace[];
	removePlaceIds: string[];
}

/** Totals of a table (the neighbourhoods' rows summed). */
export interface Totals {
	residents: number;
	residents65: number;
	residents80: number;
	beyondResidents: number;
	beyond65: number;
	beyond80: number;
	edgeOfDataResidents: number;
	originsEdgeOfData: number;
	originsNoFigure: number;
	/**
	 * The share of the way on unknown data over the rows: each row's share weighted by the
	 * residents it weights (NeighbourhoodSummary.unknownWeight), as if summed over every origin.
	 */
	unknownShare: number;
}

export function totalsOf(rows: readonly NeighbourhoodSummary[]): Totals {
	const t: Totals = {
		residents: 0,
		residents65: 0,
		residents80: 0,
		beyondResidents: 0,
		beyond65: 0,
		beyond80: 0,
		edgeOfDataResidents: 0,
		originsEdgeOfData: 0,
		originsNoFigure: 0,
		unknownShare: 0,
	};
	for (const r of rows) {
		t.residents += r.residents;
		t.residents65 += r.residents65;
		t.residents80 += r.residents80;
		t.beyondResidents += r.beyondResidents ?? 0;
		t.beyond65 += r.beyond65 ?? 0;
		t.beyond80 += r.beyond80 ?? 0;
		t.edgeOfDataResidents += r.edgeOfDataResidents;
		t.originsEdgeOfData += r.originsEdgeOfData;
		t.originsNoFigure += r.originsBeyondAccessLimit + r.originsIsolatedFragment;
	}
	t.unknownShare = unknownShareOf(rows) ?? 0;
	return t;
}

/**
 * Residents (all, 65+) within the norm in a table: the counted residents minus those beyond it; none
 * where no place of the category is mapped. The what-if's gain is the difference of two of these,
 * so that a first planned place of a kind the data lack gains everyone it brings within the norm.
 */
export function withinNormOf(rows: readonly NeighbourhoodSummary[]): { all: number; r65: number } {
	let all = 0;
	let r65 = 0;
	let beyond = 0;
	let beyond65 = 0;
	for (const r of rows) {
		if (r.state === 'none_mapped') continue;
		all += r.residents;
		r65 += r.residents65;
		beyond += r.beyondResidents ?? 0;
		beyond65 += r.beyond65 ?? 0;
	}
	// of the whole numbers the table's totals write: the what-if's gain is their difference
	return {
		all: Math.round(all) - Math.round(beyond),
		r65: Math.round(r65) - Math.round(beyond65),
	};
}

/** The JSON form of an analysis (parameters, tables, edits), for saving and sharing. */
export interface CoverageSnapshot {
	params: CoverageParams;
	results: {
		categoryId: string;
		normM: number;
		state: 'measured' | 'none_mapped';
		placeCount: number;
		summary: NeighbourhoodSummary[];
		baseSummary: NeighbourhoodSummary[];
	}[];
	/** The edits of the category edited last (what saves before per-category edits kept). */
	whatIf: WhatIfEdits | undefined;
	/** The edits of every category edited, in the order first edited. */
	whatIfs: WhatIfEdits[];
}

/**
 * The neighbourhood tables of the analysed categories for the built-in profiles other than the
 * analysed one (the printed report's coverage per profile): the existing places and the curated
 * initiatives, with the same what-if edits as the analysed profile. Per profile id, per category id.
 */
export type OtherProfiles = Partial<Record<ProfileId, Record<string, NeighbourhoodSummary[]>>>;

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === 'AbortError';

/**
 * `p`'s value, or the abort as soon as `signal` aborts: a run waiting for the area's analysis data
 * (a slow connection) stops at the coordinator's Cancel, not when the data has come.
 */
function orAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
	if (signal.aborted) return Promise.reject(signal.reason);
	return new Promise((resolve, reject) => {
		const onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
		const done = () => signal.removeEventListener('abort', onAbort);
		p.then(
			(v) => {
				done();
				resolve(v);
			},
			(e: unknown) => {
				done();
				reject(e);
			},
		);
	});
}

export class CoverageAnalysis {
	params = $state.raw<CoverageParams>({
		categoryIds: [],
		profile: 'walking',
		unknownMode: 'optimistic',
		norms: {},
	});
	status = $state<RunStatus>('idle');
	error = $state<string | undefined>();
	/** Categories done of the run in progress (real progress: one worker answer per category). */
	progress = $state.raw<{ done: number; total: number } | undefined>();
	/** Results per category of the last run (in the order analysed). */
	results = $state.raw<CategoryResult[]>([]);
	/**
	 * The parameters of `results` (`params` is the run in progress's from its start: a cancelled or
	 * failed run leaves the results of the one before).
	 */
	resultsParams = $state.raw<CoverageParams | undefined>();
	origins = $state.raw<OriginPoints | undefined>();
	/** Grid cells (200 m) holding addresses at the edge of the data: hatched on the map. */
	edgeCells = $state.raw<FeatureCollection<Polygon, CellProperties> | undefined>();
	/** What-if edits per category, in the order first edited (a category without edits: absent). */
	edits = $state.raw<WhatIfEdits[]>([]);
	/** The category edited last, whose edits {@link whatIf} gives. */
	#lastEdited = $state<string | undefined>();
	/** "Where next" suggestions for the category shown, best first. */
	suggestions = $state.raw<WhereNextPick[] | undefined>();
	busy = $state(false);
	/** Milliseconds of the last what-if's engine work, in the worker. */
	lastWhatIfMs = $state<number | undefined>();
	#controller: AbortController | undefined;
	readonly #client: () => Promise<AnalysisClient>;
	readonly #extraPlaces: (categoryId: string) => PlannedPlace[];
	/** The other profiles' tables of the last run, once {@link loadOtherProfiles} has them. */
	#otherProfiles = $state.raw<OtherProfiles | undefined>();
	/** Counts the runs, so that the other profiles' tables of an earlier run are never shown. */
	#runCount = 0;
	#otherProfilesOf = -1;
	/** The what-if edits the other profiles' tables were made with. */
	#otherProfilesEdits = $state.raw<WhatIfEdits[] | undefined>();
	/**
	 * The other profiles' tables of the last run, once {@link loadOtherProfiles} has them, and
	 * only while the what-if is the one they were made with: after an edit none (a report printed
	 * meanwhile shows the analysed profile alone, never another plan's figures beside it).
	 */
	get otherProfiles(): OtherProfiles | undefined {
		return this.#otherProfilesEdits === this.edits ? this.#otherProfiles : undefined;
	}

	/**
	 * @param extraPlaces places from elsewhere than the area's data (curated initiatives) that
	 *   count as existing places of a category in every run
	 */
	constructor(
		client: () => Promise<AnalysisClient>,
		extraPlaces: (categoryId: string) => PlannedPlace[] = () => [],
	) {
		this.#client = client;
		this.#extraPlaces = extraPlaces;
	}

	/** The coverage request of a category: its norm and its extra places. */
	#coverageParams(categoryId: string, normM: number): Params<'coverage'> {
		const extra = this.#extraPlaces(categoryId);
		return {
			categoryId,
			profile: this.params.profile,
			unknownMode: this.params.unknownMode,
			normM,
			...(extra.length > 0 ? { extraPlaces: extra } : {}),
		};
	}

	/** The what-if edits of a category, if it has any. */
	whatIfOf(categoryId: string): WhatIfEdits | undefined {
		return this.edits.find((e) => e.categoryId === categoryId);
	}

	/** The what-if edits of the category edited last (undefined: none). */
	get whatIf(): WhatIfEdits | undefined {
		return this.#lastEdited === undefined ? undefined : this.whatIfOf(this.#lastEdited);
	}

	/** The result of a category of the last run. */
	resultOf(categoryId: string): CategoryResult | undefined {
		return this.results.find((r) => r.categoryId === categoryId);
	}

	/**
	 * Runs the analysis for `params`: one coverage request per category, so progress is real and a
	 * cancel stops between (and drops the answer of) requests. Earlier results stay until it ends.
	 * With `keepEdits` (the analysis run again with another profile, norm or unknown mode, or
	 * because its extra places changed: a curated initiative added, changed or removed), the what-if
	 * edits on screen are applied again to the new result, for the categories it still has, instead
	 * of being dropped; a switched-off place the new run does not have stays in them (the worker
	 * skips it there).
	 */
	async run(params: CoverageParams, options: { keepEdits?: boolean } = {}): Promise<void> {
		const kept = options.keepEdits ? this.edits : [];
		const keptLast = this.#lastEdited;
		this.cancel();
		const controller = new AbortController();
		this.#controller = controller;
		const { signal } = controller;
		this.params = params;
		this.#runCount += 1;
		this.#otherProfiles = undefined;
		this.status = 'running';
		this.error = undefined;
		this.suggestions = undefined;
		this.progress = { done: 0, total: params.categoryIds.length };
		try {
			const client = await orAbort(this.#client(), signal);
			const out: CategoryResult[] = [];
			// Every category's request is sent at once: the worker runs them one after the other
			// without waiting for the page between them (a cancel skips those not yet run); the
			// answers are taken in order, each one counted in the progress as it comes.
			const requests = params.categoryIds.map((categoryId) => {
				const normM = normOf(params, categoryId);
				const answer = client.request('coverage', this.#coverageParams(categoryId, normM), {
					signal,
				});
				answer.catch(() => {}); // a cancelled run's later answers: rejected, awaited by no one
				return { categoryId, normM, answer };
			});
			for (const { categoryId, normM, answer } of requests) {
				const key = { categoryId, profile: params.profile, unknownMode: params.unknownMode };
				const r = await answer;
				if (!this.origins) await this.#loadOrigins(client, { ...key, normM }, signal);
				out.push({
					categoryId,
					normM,
					state: r.summary.some((row) => row.state === 'none_mapped') ? 'none_mapped' : 'measured',
					placeCount: r.placeCount,
					columns: r.columns,
					summary: r.summary,
					baseSummary: r.summary.map((row) => ({ ...row })),
					elapsedMs: r.elapsedMs,
					engineMs: r.engineMs,
				});
				this.progress = { done: out.length, total: params.categoryIds.length };
			}
			this.results = out;
			this.resultsParams = params;
			this.edits = [];
			this.#lastEdited = undefined;
			this.status = 'done';
			for (const k of kept) {
				if (!out.some((x) => x.categoryId === k.categoryId)) continue;
				// every switched-off place stays in the edits, also one this run does not have (the
				// worker skips it): back on the profile that has it, it is off again
				await this.applyEdits(k.categoryId, { add: k.add, removePlaceIds: k.removePlaceIds });
			}
			if (keptLast && this.whatIfOf(keptLast)) this.#lastEdited = keptLast;
		} catch (error) {
			if (isAbort(error)) this.status = 'cancelled';
			else {
				this.status = 'failed';
				this.error = error instanceof Error ? error.message : String(error);
			}
		} finally {
			if (this.#controller === controller) {
				this.#controller = undefined;
				this.progress = undefined;
			}
		}
	}

	/** Stops the run in progress (its results so far are dropped; the last finished run stays). */
	cancel(): void {
		this.#controller?.abort();
	}

	async #loadOrigins(
		client: AnalysisClient,
		key: Params<'originsGeoJSON'>,
		signal: AbortSignal,
	): Promise<void> {
		const fc = await client.request('originsGeoJSON', key, { signal });
		const n = fc.features.length;
		const lngLat = new Float64Array(2 * n);
		const neighbourhoodId: (string | null)[] = [];
		fc.features.forEach((f, i) => {
			const [lng, lat] = f.geometry.coordinates as [number, number];
			lngLat[2 * i] = lng;
			lngLat[2 * i + 1] = lat;
			neighbourhoodId.push(f.properties.neighbourhood_id);
		});
		const cells = await client.request('cells', key, { signal });
		this.edgeCells = {
			type: 'FeatureCollection',
			features: cells.features.filter((c) => c.properties.edge_of_data_residents > 0),
		};
		this.origins = { lngLat, neighbourhoodId };
	}

	/**
	 * A new id for a planned place: one more than the highest `planned-N` of the edits (of every
	 * category), so a reopened analysis's planned places keep their own ids.
	 */
	nextPlannedId(): string {
		let max = 0;
		for (const p of this.edits.flatMap((e) => e.add)) {
			const n = /^planned-(\d+)$/.exec(p.id)?.[1];
			if (n !== undefined) max = Math.max(max, Number(n));
		}
		return `planned-${max + 1}`;
	}

	/**
	 * Runs the analysed categories for the built-in profiles other than the analysed one (a
	 * personal profile is analysed on its base profile's key, so that one is left out too), for
	 * the printed report: one coverage request per category and profile, with the category's
	 * what-if edits (its planned places counted, its switched-off places not), so that every
	 * profile's figures in the report count with the same plan. Once per run and edits.
	 */
	async loadOtherProfiles(): Promise<void> {
		if (
			this.status !== 'done' ||
			(this.#otherProfilesOf === this.#runCount && this.#otherProfilesEdits === this.edits)
		)
			return;
		const run = this.#runCount;
		const edits = this.edits;
		const params = this.params;
		const out: OtherProfiles = {};
		try {
			const client = await this.#client();
			// sent at once, the worker runs them back to back (as in run)
			const requests = PROFILE_IDS.filter((profile) => profile !== params.profile).flatMap(
				(profile) =>
					this.results.map((r) => {
						const base = this.#coverageParams(r.categoryId, r.normM);
						const plan = edits.find((e) => e.categoryId === r.categoryId);
						// a curated initiative switched off is left out here (it is not in the engine's
						// data, which excludePlaceIds filters)
						const off = plan?.removePlaceIds ?? [];
						const extra = [
							...(base.extraPlaces ?? []).filter((p) => !off.includes(p.id)),
							...(plan?.add ?? []),
						];
						const answer = client.request('coverage', {
							...base,
							profile,
							// for the report only: the worker does not keep it (what-if edits go to the
							// analysed profile's run, never to one made with a plan's places)
							keep: false,
							...(extra.length > 0 ? { extraPlaces: extra } : {}),
							...(plan && plan.removePlaceIds.length > 0
								? { excludePlaceIds: plan.removePlaceIds }
								: {}),
						});
						answer.catch(() => {}); // awaited below; a failure is caught there once
						return { profile, categoryId: r.categoryId, answer };
					}),
			);
			for (const { profile, categoryId, answer } of requests) {
				const tables = (out[profile] ??= {});
				tables[categoryId] = (await answer).summary;
			}
			if (run !== this.#runCount || edits !== this.edits) return;
			this.#otherProfilesOf = run;
			this.#otherProfilesEdits = edits;
			this.#otherProfiles = out;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		}
	}

	/**
	 * Applies what-if edits to the category's result, incrementally in the worker (which keeps one
	 * run per category): planned places added, existing places switched off. Edits add up until
	 * {@link resetWhatIf}; the other categories' edits and results stay as they are.
	 */
	async applyEdits(
		categoryId: string,
		edit: { add?: PlannedPlace[]; removePlaceIds?: string[] },
	): Promise<void> {
		const result = this.resultOf(categoryId);
		if (!result) return;
		this.busy = true;
		this.error = undefined;
		try {
			const client = await this.#client();
			const answer = await client.request('whatIf', {
				categoryId,
				profile: this.params.profile,
				unknownMode: this.params.unknownMode,
				normM: result.normM,
				...(edit.add ? { add: edit.add } : {}),
				...(edit.removePlaceIds ? { removePlaceIds: edit.removePlaceIds } : {}),
			});
			const summary = result.summary.map((r) => ({ ...r }));
			applyWhatIf(result.columns, summary, answer);
			const next: CategoryResult = {
				...result,
				summary,
				state: summary.some((r) => r.state === 'none_mapped') ? 'none_mapped' : 'measured',
				changedBy: { previous: result, origins: answer.changed.origins },
			};
			// one step back only: results made by earlier what-ifs are let go
			delete result.changedBy;
			this.results = this.results.map((r) => (r.categoryId === categoryId ? next : r));
			const before = this.whatIfOf(categoryId) ?? { categoryId, add: [], removePlaceIds: [] };
			const after: WhatIfEdits = {
				categoryId,
				add: [...before.add, ...(edit.add ?? [])],
				removePlaceIds: [...before.removePlaceIds, ...(edit.removePlaceIds ?? [])],
			};
			this.edits = this.whatIfOf(categoryId)
				? this.edits.map((e) => (e.categoryId === categoryId ? after : e))
				: [...this.edits, after];
			this.#lastEdited = categoryId;
			this.lastWhatIfMs = answer.elapsedMs;
			this.suggestions = undefined;
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.busy = false;
		}
	}

	/**
	 * Undoes every what-if edit of a category (default: the one edited last) with a fresh
	 * coverage of it in the worker; the other categories keep theirs.
	 */
	async resetWhatIf(categoryId = this.#lastEdited): Promise<void> {
		const edits = categoryId === undefined ? undefined : this.whatIfOf(categoryId);
		if (!edits) return;
		const result = this.resultOf(edits.categoryId);
		this.edits = this.edits.filter((e) => e.categoryId !== edits.categoryId);
		if (this.#lastEdited === edits.categoryId) this.#lastEdited = this.edits.at(-1)?.categoryId;
		this.suggestions = undefined;
		if (!result) return;
		this.busy = true;
		try {
			const client = await this.#client();
			const r = await client.request(
				'coverage',
				this.#coverageParams(edits.categoryId, result.normM),
			);
			const { changedBy: _, ...whole } = result;
			const next: CategoryResult = {
				...whole,
				columns: r.columns,
				summary: r.summary,
				state: r.summary.some((row) => row.state === 'none_mapped') ? 'none_mapped' : 'measured',
			};
			this.results = this.results.map((x) => (x.categoryId === edits.categoryId ? next : x));
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.busy = false;
		}
	}

	/**
	 * Undoes one edit of a category's what-if: a planned place (`plannedId`) or a switched-off place
	 * (`placeId`, back on). The category is computed again with the other edits.
	 */
	async undoEdit(
		categoryId: string,
		which: { plannedId?: string; placeId?: string },
	): Promise<void> {
		const edits = this.whatIfOf(categoryId);
		if (!edits) return;
		const add = edits.add.filter((p) => p.id !== which.plannedId);
		const removePlaceIds = edits.removePlaceIds.filter((id) => id !== which.placeId);
		await this.resetWhatIf(categoryId);
		if (add.length > 0 || removePlaceIds.length > 0)
			await this.applyEdits(categoryId, { add, removePlaceIds });
	}

	/** "Where next" for a category: `k` locations with their gain in residents 65+. */
	async suggest(categoryId: string, k = 5): Promise<void> {
		const result = this.resultOf(categoryId);
		if (!result) return;
		this.busy = true;
		this.error = undefined;
		try {
			const client = await this.#client();
			const answer = await client.request('whereNext', {
				categoryId,
				profile: this.params.profile,
				unknownMode: this.params.unknownMode,
				normM: result.normM,
				k,
				weight: 'residents65',
			});
			this.suggestions = answer.picks.filter((p) => p.gain > 0);
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.busy = false;
		}
	}

	/**
	 * The overlay as it is saved (`analysis_cells`): per analysed category, the 200 m grid cells of
	 * the origins of `neighbourhoodIds` (the municipality the analysis is saved for; absent: every
	 * origin), from the
	 * worker's last coverage of that category (curated places and what-if edits included). A cell's
	 * value is the residents-weighted mean walking distance in metres (null: none reachable or none
	 * mapped); its properties are the cell's figures with `category` and `norm_m`.
	 */
	async overlayCells(neighbourhoodIds?: string[]): Promise<AnalysisCellInput[]> {
		const client = await this.#client();
		const out: AnalysisCellInput[] = [];
		for (const r of this.results) {
			const fc = await client.request('cells', {
				categoryId: r.categoryId,
				profile: this.params.profile,
				unknownMode: this.params.unknownMode,
				normM: r.normM,
				...(neighbourhoodIds ? { neighbourhoodIds } : {}),
			});
			for (const f of fc.features)
				out.push({
					geometry: f.geometry,
					value: f.properties.mean_distance_m,
					properties: { category: r.categoryId, norm_m: r.normM, ...f.properties },
				});
		}
		return out;
	}

	/** Parameters, tables and edits as plain JSON. */
	snapshot(): CoverageSnapshot {
		return {
			params: structuredClone($state.snapshot(this.params)),
			results: this.results.map((r) => ({
				categoryId: r.categoryId,
				normM: r.normM,
				state: r.state,
				placeCount: r.placeCount,
				summary: r.summary,
				baseSummary: r.baseSummary,
			})),
			whatIf: this.whatIf,
			whatIfs: this.edits,
		};
	}

	dispose(): void {
		this.cancel();
	}
}
