/**
 * The worker side of the analysis protocol, independent of the Worker global so it runs in Node
 * tests over a MessageChannel: it keeps the engine and the last coverage run per key (for what-if)
 * and maps each request type onto the engine's functions. No algorithms here.
 */
import { decodeAnalysisBundle } from '../analysis/bundle.ts';
import {
	AnalysisEngine,
	whatIfDelta,
	type CoverageRun,
	type WhatIfChange,
} from '../analysis/engine.ts';
import { completenessByNeighbourhood } from '../analysis/completeness.ts';
import { networkLayer } from '../analysis/network-layer.ts';
import {
	decodePersonalProfile,
	encodePersonalProfile,
	hasBuiltInLimits,
} from '../analysis/personal-profile.ts';
import { PROFILE_IDS } from '../contracts/profiles.ts';
import { rankFixes } from '../analysis/fixes.ts';
import { nearestPlaces } from '../analysis/nearest.ts';
import { restGaps } from '../analysis/rest-points.ts';
import { routeWithReasons } from '../analysis/route.ts';
import { SearchSpace } from '../analysis/search.ts';
import {
	cellsToGeoJSON,
	neighbourhoodIndex,
	originsToGeoJSON,
	summarizeByNeighbourhood,
	summarizeNeighbourhoodsOf,
	type NeighbourhoodIndex,
} from '../analysis/summary.ts';
import { roundCoordinates, walkshed } from '../analysis/walkshed.ts';
import { whereNext } from '../analysis/where-next.ts';
import { transferables } from './transfer.ts';
import {
	type ChangedColumns,
	type CoverageColumns,
	type CoverageKey,
	type Params,
	type RequestType,
	type Result,
	type ResponseMessage,
	type ToWorker,
} from './protocol.ts';

/** Where the host posts its answers (a Worker scope or a MessagePort). */
export interface PostTarget {
	postMessage(message: unknown, transfer: Transferable[]): void;
}

type Handlers = { [T in RequestType]: (params: Params<T>) => Result<T> };

const runKey = (k: CoverageKey): string => `${k.categoryId}/${k.profile}/${k.unknownMode}`;

/** The origins changed by any of `changes`, ascending, each once. */
function unionOf(changes: readonly WhatIfChange[]): Uint32Array {
	let n = 0;
	for (const c of changes) n += c.origins.length;
	const all = new Uint32Array(n);
	let k = 0;
	for (const c of changes) {
		all.set(c.origins, k);
		k += c.origins.length;
	}
	all.sort();
	let m = 0;
	for (let j = 0; j < n; j++) if (j === 0 || all[j] !== all[j - 1]) all[m++] = all[j] as number;
	return all.slice(0, m);
}

/**
 * Runs a function after the messages already queued (a cancel sent behind a request is seen before
 * the next request runs), through a MessageChannel rather than `setTimeout(0)`: browsers make a
 * chain of nested zero timeouts wait 4 ms from the fifth on, so between the requests of a whole
 * analysis (one per category and profile) the worker sat idle, and a job run by a CPU back from
 * idle took up to twice as long (issue #17: the engine part of the whole analysis).
 */
export function yielder(): (fn: () => void) => void {
	if (typeof MessageChannel === 'undefined') return (fn) => void setTimeout(fn, 0);
	const channel = new MessageChannel();
	const waiting: (() => void)[] = [];
	channel.port1.onmessage = () => waiting.shift()?.();
	// Node (tests, benches): a port listened to keeps the process alive; this one must not
	(channel.port1 as { unref?: () => void }).unref?.();
	return (fn) => {
		waiting.push(fn);
		channel.port2.postMessage(null);
	};
}

/** The analysis service behind the worker. */
export class AnalysisHost {
	private engine: AnalysisEngine | undefined;
	/** The engine of the loaded bundle with the built-in profiles (personal engines derive from it). */
	private builtInEngine: AnalysisEngine | undefined;
	/** Snapping every origin and place once (engine.prepareSteps), one step whenever idle. */
	private preparing: Iterator<unknown> | undefined;
	private nbIndex: NeighbourhoodIndex | undefined;
	/** Reused by every nearest request (one per loaded graph). */
	private space: SearchSpace | undefined;
	private readonly runs = new Map<string, CoverageRun>();
	private readonly cancelled = new Set<number>();
	private readonly queue: Extract<ToWorker, { kind: 'request' }>[] = [];
	private draining = false;
	private readonly target: PostTarget;
	private readonly soon = yielder();

	constructor(target: PostTarget) {
		this.target = target;
	}

	/** Feed every incoming message here. Requests run one at a time, after a yield so that cancels queued behind them are seen first. */
	receive(message: ToWorker): void {
		if (message.kind === 'cancel') {
			this.cancelled.add(message.id);
			return;
		}
		this.queue.push(message);
		if (!this.draining) {
			this.draining = true;
			this.soon(() => this.drain());
		}
	}

	private drain(): void {
		const next = this.queue.shift();
		if (!next) {
			if (this.preparing) {
				if (this.preparing.next().done) this.preparing = undefined;
				this.soon(() => this.drain());
				return;
			}
			this.draining = false;
			return;
		}
		if (this.cancelled.delete(next.id)) {
			this.soon(() => this.drain());
			return;
		}
		let response: ResponseMessage;
		try {
			const handler = this.handlers[next.type] as (p: unknown) => unknown;
			const result = handler(next.params);
			response = { kind: 'response', id: next.id, ok: true, result };
		} catch (err) {
			const e = err instanceof Error ? err : new Error(String(err));
			response = {
				kind: 'response',
				id: next.id,
				ok: false,
				error: { name: e.name, message: e.message },
			};
		}
		// a cancel that arrived while it ran: the answer is dropped
		if (!this.cancelled.delete(next.id)) {
			this.target.postMessage(response, response.ok ? transferables(response.result) : []);
		}
		this.soon(() => this.drain());
	}

	private need(): AnalysisEngine {
		if (!this.engine) throw new Error('no analysis bundle loaded: send a load request first');
		return this.engine;
	}

	/** The engine with every origin and place snapped (the rest of the steps run now if needed). */
	private prepared(): AnalysisEngine {
		const engine = this.need();
		while (this.preparing && !this.preparing.next().done);
		this.preparing = undefined;
		return engine;
	}

	/** Forgets every kept run, handing its arrays back to its engine for the next runs. */
	private dropRuns(): void {
		for (const run of this.runs.values()) run.release();
		this.runs.clear();
	}

	/** The last run of a key (with its what-if edits), computed when there is none. */
	private runFor(key: CoverageKey): CoverageRun {
		let run = this.runs.get(runKey(key));
		if (!run) {
			run = this.prepared().coverage(key);
			this.runs.set(runKey(key), run);
		}
		return run;
	}

	private columns(run: CoverageRun): CoverageColumns {
		const r = run.result;
		const ids: string[] = [];
		const index = new Map<number, number>();
		const place = new Int32Array(r.placeLabel.length);
		for (let i = 0; i < r.placeLabel.length; i++) {
			const l = r.placeLabel[i] as number;
			if (l < 0) {
				place[i] = -1;
				continue;
			}
			let k = index.get(l);
			if (k === undefined) {
				k = ids.length;
				index.set(l, k);
				ids.push(run.placeId(l) ?? '');
			}
			place[i] = k;
		}
		// copies: the run keeps its own arrays for later what-ifs; the copies are transferred
		return {
			distanceM: r.distanceM.slice(),
			timeS: r.timeS.slice(),
			unknownM: r.unknownM.slice(),
			place,
			placeIds: ids,
			reason: r.originReason.slice(),
		};
	}

	/** The values now of the origins `origins` (copies, transferred). */
	private changed(run: CoverageRun, origins: Uint32Array): ChangedColumns {
		const r = run.result;
		const ids: string[] = [];
		const index = new Map<number, number>();
		const n = origins.length;
		const out: ChangedColumns = {
			origins,
			distanceM: new Float64Array(n),
			timeS: new Float64Array(n),
			unknownM: new Float64Array(n),
			place: new Int32Array(n),
			placeIds: ids,
		};
		for (let j = 0; j < n; j++) {
			const i = origins[j] as number;
			out.distanceM[j] = r.distanceM[i] as number;
			out.timeS[j] = r.timeS[i] as number;
			out.unknownM[j] = r.unknownM[i] as number;
			const l = r.placeLabel[i] as number;
			let k = -1;
			if (l >= 0) {
				k = index.get(l) ?? -1;
				if (k < 0) {
					k = ids.length;
					index.set(l, k);
					ids.push(run.placeId(l) ?? '');
				}
			}
			out.place[j] = k;
		}
		return out;
	}

	private readonly handlers: Handlers = {
		load: ({ bytes }) => {
			const bundle = decodeAnalysisBundle(new Uint8Array(bytes));
			this.engine = new AnalysisEngine(bundle);
			this.builtInEngine = this.engine;
			// every origin and place snapped once for every profile and unknown mode, in steps while
			// the worker is idle (a route does not wait for it); no job snaps them again
			this.preparing = this.engine.prepareSteps();
			this.nbIndex = undefined;
			this.space = undefined;
			this.dropRuns();
			return {
				areaId: bundle.meta.areaId,
				dataDate: bundle.meta.dataDate,
				origins: bundle.origins.count,
				places: bundle.places.count,
				nodeCount: bundle.graph.nodeCount,
				edgeCount: bundle.graph.edgeCount,
				categoriesWithPlaces: this.engine.categoriesWithPlaces(),
			};
		},
		personal: ({ profile }) => {
			const t0 = performance.now();
			const builtIn = this.builtInEngine;
			if (!builtIn) throw new Error('no analysis bundle loaded: send a load request first');
			const person = profile === null ? undefined : decodePersonalProfile(profile);
			const engine = person && !hasBuiltInLimits(person) ? builtIn.withPersonal(person) : builtIn;
			if (engine !== this.engine) {
				this.engine = engine;
				// in idle steps: the built-in snaps are taken over, and only points whose snapped edge
				// the person cannot use are snapped again (engine.withPersonal)
				this.preparing = engine.prepareSteps();
				this.dropRuns();
			}
			// the built-in profiles: nothing to send, the layer reads their statuses from the tiles
			const E = person ? engine.graph.edgeCount : 0;
			const pi = person ? PROFILE_IDS.indexOf(person.base) : 0;
			const slot = <T extends Uint8Array | Uint32Array>(a: T): T =>
				a.slice(pi * E, (pi + 1) * E) as T;
			return {
				base: person?.base ?? null,
				statuses: slot(engine.graph.statuses),
				// the tiles' statuses for the same profile: the layer sets feature-state only where
				// the person's differ (drawEdgeStatuses)
				builtIn: slot(builtIn.graph.statuses),
				reasons: slot(engine.graph.reasons),
				unknowns: slot(engine.graph.unknowns),
				elapsedMs: performance.now() - t0,
			};
		},
		coverage: (p) => {
			const engine = this.prepared();
			const keep = p.keep !== false;
			// the run this one replaces hands its arrays back (the page got copies), so the new run
			// fills them instead of allocating (CoverageRun.release)
			const replaced = keep ? this.runs.get(runKey(p)) : undefined;
			if (replaced) {
				this.runs.delete(runKey(p));
				replaced.release();
			}
			const t0 = performance.now();
			const run = engine.coverage(p);
			const engineMs = performance.now() - t0;
			if (keep) this.runs.set(runKey(p), run);
			const answer = {
				engineMs,
				columns: this.columns(run),
				summary: summarizeByNeighbourhood(engine.bundle, run.result, p.normM),
				placeCount: run.result.placeCount,
				elapsedMs: performance.now() - t0,
			};
			// not kept: its arrays go back to the engine once read (columns and summary are copies)
			if (!keep) run.release();
			return answer;
		},
		whatIf: (p) => {
			const engine = this.prepared();
			const t0 = performance.now();
			const run = this.runFor(p);
			const changes: WhatIfChange[] = [];
			for (const id of p.removePlaceIds ?? []) {
				let label: number | undefined;
				for (const l of run.sources.keys()) {
					if (run.placeId(l) === id) {
						label = l;
						break;
					}
				}
				// a place that is not part of this run (no way this profile may use near it, or gone
				// from the area's data): switching it off changes nothing here, and the edits keep it
				// for a run it is part of (another profile)
				if (label === undefined) continue;
				changes.push(run.removePlace(label));
			}
			for (const place of p.add ?? []) {
				const c = run.addPlace(place);
				if (c) changes.push(c);
			}
			const delta = whatIfDelta(run, changes, p.normM);
			const origins = unionOf(changes);
			this.nbIndex ??= neighbourhoodIndex(engine.bundle);
			return {
				changed: this.changed(run, origins),
				summaryRows: summarizeNeighbourhoodsOf(
					engine.bundle,
					run.result,
					p.normM,
					origins,
					this.nbIndex,
				),
				delta,
				elapsedMs: performance.now() - t0,
			};
		},
		whereNext: (p) => {
			const run = this.runFor(p);
			const opts: Parameters<typeof whereNext>[1] = { k: p.k, normM: p.normM };
			if (p.candidates) opts.candidates = p.candidates;
			if (p.weight) opts.weight = p.weight;
			return { picks: whereNext(run, opts) };
		},
		walkshed: (p) => {
			const w = walkshed(this.prepared(), p.lngLat, p.minutes, p.profile, p.unknownMode);
			if (!w) return null;
			return {
				lines: w.lines,
				polygon: w.polygon,
				residents: w.residents,
				residents65: w.residents65,
				residents80: w.residents80,
				edgeOfDataResidents: w.edgeOfDataResidents,
				unknownM: w.unknownM,
			};
		},
		walksheds: (p) => {
			const engine = this.prepared();
			const t0 = performance.now();
			const space = (this.space ??= new SearchSpace(engine.graph.nodeCount));
			const sheds = p.profiles.map((profile) => {
				const w = walkshed(engine, p.lngLat, p.minutes, profile, p.unknownMode, {
					polygon: false,
					space,
				});
				if (!w) return null;
				roundCoordinates(w.lines.geometry.coordinates);
				return {
					profile,
					lines: w.lines,
					bbox: w.bbox,
					lengthM: w.lines.properties.lengthM,
					residents: w.residents,
					residents65: w.residents65,
					residents80: w.residents80,
					edgeOfDataResidents: w.edgeOfDataResidents,
					unknownM: w.unknownM,
				};
			});
			return { sheds, elapsedMs: performance.now() - t0 };
		},
		startable: (p) => {
			const engine = this.need();
			return {
				startable: p.points.map(([lng, lat]) =>
					p.profiles.some((profile) => engine.snapPoint(lng, lat, profile, p.unknownMode)),
				),
			};
		},
		fixes: (p) => rankFixes(this.prepared(), p),
		restGaps: (p) =>
			restGaps(this.need(), {
				maxGapM: p.maxGapM,
				...(p.onRoutesTo ? { onRoutesTo: p.onRoutesTo } : {}),
			}),
		completeness: () => ({ rows: completenessByNeighbourhood(this.prepared()) }),
		networkLayer: () => {
			const engine = this.need();
			const builtIn = this.builtInEngine ?? engine;
			const person = engine.personal;
			return networkLayer(
				builtIn.graph,
				person && engine !== builtIn
					? { graph: engine.graph, base: person.base, text: encodePersonalProfile(person) }
					: undefined,
			);
		},
		cells: (p) => {
			const engine = this.need();
			const run = this.runFor(p);
			return cellsToGeoJSON(engine.bundle, run.result, p.normM, p.cellM ?? 200, p.neighbourhoodIds);
		},
		originsGeoJSON: (p) => {
			const engine = this.need();
			const run = this.runFor(p);
			return originsToGeoJSON(engine.bundle, run.result, (l) => run.placeId(l), p.normM);
		},
		nearest: (p) => {
			const engine = this.need();
			this.space ??= new SearchSpace(engine.graph.nodeCount);
			const found = nearestPlaces(engine, p.from, p.categoryId, p.profile, p.k, {
				unknownMode: p.unknownMode ?? 'optimistic',
				space: this.space,
			});
			return { places: found.map((f) => ({ placeId: f.placeId, route: f.route })) };
		},
		route: (p) => routeWithReasons(this.need(), p.from, p.to, p.profile, p.unknownMode),
	};
}
