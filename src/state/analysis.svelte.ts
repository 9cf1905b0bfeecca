/**
 * The analysis engine of one area, in its Web Worker: started and loaded with the area's
 * `analysis.bin` on first use (not at start, so the first load stays light). While the bundle
 * downloads, `progress` counts its bytes (a streamed fetch); then it says the worker decodes it.
 */
import { unknownModeOf } from '../analysis/personal-profile.ts';
import type { ProfileId, UnknownMode } from '../contracts/profiles.ts';
import type { Route } from '../analysis/route.ts';
import { AnalysisClient, type MessageEndpoint } from '../workers/analysis-client.ts';
import type { Result } from '../workers/protocol.ts';

/** Where loading the bundle is. `total` is 0 when neither the server nor the manifest says. */
export type AnalysisProgress =
	{ phase: 'download'; loaded: number; total: number } | { phase: 'decode'; total: number };

/** A started worker (or, in tests, the host behind a message channel). */
export interface StartedWorker {
	endpoint: MessageEndpoint;
	terminate(): void;
}

export interface AnalysisOptions {
	/** The bundle's size from the manifest, for progress when the response has no length. */
	expectedBytes?: number;
	fetch?: typeof fetch;
	/** Starts the worker; by default the app's analysis.worker.ts. */
	startWorker?: () => StartedWorker;
}

function startAppWorker(): StartedWorker {
	// Vite recognises exactly this form and bundles the worker.
	const worker = new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), {
		type: 'module',
	});
	return { endpoint: worker, terminate: () => worker.terminate() };
}

export class AnalysisState {
	/** 'idle' until first used, then loading, ready or failed (with the reason). */
	status = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
	error = $state<string | undefined>();
	/** While loading: bytes received, then the decode step. */
	progress = $state.raw<AnalysisProgress | undefined>();
	/** What the loaded bundle holds (data date, counts, categories with places). */
	info = $state.raw<Result<'load'> | undefined>();
	#ready: Promise<AnalysisClient> | undefined;
	#worker: StartedWorker | undefined;
	#client: AnalysisClient | undefined;
	#isDisposed = false;
	#personal: string | null = null;
	/** The worker's statuses for the personal profile (for the accessible-routes layer). */
	personal = $state.raw<Result<'personal'> | undefined>();
	readonly #bundleUrl: string;
	readonly #options: AnalysisOptions;

	constructor(bundleUrl: string, options: AnalysisOptions = {}) {
		this.#bundleUrl = bundleUrl;
		this.#options = options;
	}

	/** The loaded engine's client (starts the worker and loads the bundle the first time). */
	client(): Promise<AnalysisClient> {
		if (this.#isDisposed) return Promise.reject(new Error('the analysis of this area was closed'));
		this.#ready ??= this.#start();
		return this.#ready;
	}

	/**
	 * Sets the personal profile every later answer respects (text form, null: the built-in
	 * profiles). Sent to the worker now when it is loaded (requests run in order, so every later
	 * request sees it), else right after the load.
	 */
	async setPersonal(profile: string | null): Promise<void> {
		if (profile === this.#personal) return;
		this.#personal = profile;
		const client = this.#client;
		if (this.status !== 'ready' || !client) return;
		const result = await client.request('personal', { profile });
		if (this.#personal === profile) this.personal = result;
	}

	/** Reads the bundle, counting bytes as they arrive. */
	async #download(): Promise<ArrayBuffer> {
		const response = await (this.#options.fetch ?? fetch)(this.#bundleUrl);
		if (!response.ok) throw new Error(`${this.#bundleUrl}: HTTP ${response.status}`);
		const length = Number(response.headers.get('Content-Length') ?? 0);
		const total = length > 0 ? length : (this.#options.expectedBytes ?? 0);
		this.progress = { phase: 'download', loaded: 0, total };
		if (!response.body) return response.arrayBuffer();
		const reader = response.body.getReader();
		const chunks: Uint8Array[] = [];
		let loaded = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			loaded += value.byteLength;
			this.progress = { phase: 'download', loaded, total: Math.max(total, loaded) };
		}
		const bytes = new Uint8Array(loaded);
		let at = 0;
		for (const c of chunks) {
			bytes.set(c, at);
			at += c.byteLength;
		}
		return bytes.buffer;
	}

	async #start(): Promise<AnalysisClient> {
		this.status = 'loading';
		this.error = undefined;
		try {
			const bytes = await this.#download();
			this.progress = { phase: 'decode', total: bytes.byteLength };
			this.#worker = (this.#options.startWorker ?? startAppWorker)();
			const client = new AnalysisClient(this.#worker.endpoint);
			this.#client = client;
			this.info = await client.request('load', { bytes });
			if (this.#isDisposed) throw new Error('the analysis of this area was closed');
			if (this.#personal !== null) {
				this.personal = await client.request('personal', { profile: this.#personal });
			}
			this.status = 'ready';
			return client;
		} catch (error) {
			this.status = 'failed';
			this.error = error instanceof Error ? error.message : String(error);
			this.#ready = undefined;
			this.#worker?.terminate();
			this.#worker = undefined;
			throw error;
		} finally {
			this.progress = undefined;
		}
	}

	/**
	 * How unknown data counts in routes, nearest help and walking times: the personal profile's
	 * choice (optimistic without one). Unknown metres are reported apart either way.
	 */
	get unknownMode(): UnknownMode {
		return unknownModeOf(this.#personal);
	}

	/** The route from `from` to `to` for a profile (unknown data counted as {@link unknownMode}). */
	async route(
		from: [number, number],
		to: [number, number],
		profile: ProfileId,
		signal?: AbortSignal,
	): Promise<Route> {
		const client = await this.client();
		const result = await client.request(
			'route',
			{ from, to, profile, unknownMode: this.unknownMode },
			signal ? { signal } : {},
		);
		return result.route;
	}

	/**
	 * Walking times in seconds from `from` to each of `to` for a profile (undefined: no route), as
	 * the search ranks places by them (places/rank.ts).
	 */
	walkingTimes(
		from: [number, number],
		to: readonly [number, number][],
		profile: ProfileId,
		signal?: AbortSignal,
	): Promise<(number | undefined)[]> {
		return Promise.all(
			to.map((lngLat) =>
				this.route(from, lngLat, profile, signal).then(
					(r) => r.timeS,
					() => undefined,
				),
			),
		);
	}

	/** The k places of a category reachable fastest from `from`, fastest first, with their routes. */
	async nearest(
		from: [number, number],
		categoryId: string,
		profile: ProfileId,
		k: number,
		signal?: AbortSignal,
	): Promise<{ placeId: string; route: Route }[]> {
		const client = await this.client();
		const result = await client.request(
			'nearest',
			{ from, categoryId, profile, k, unknownMode: this.unknownMode },
			signal ? { signal } : {},
		);
		return result.places;
	}

	/** Stops the worker (another area was opened); later requests are refused. */
	dispose(): void {
		this.#isDisposed = true;
		this.#client?.dispose();
		this.#client = undefined;
		this.#worker?.terminate();
		this.#worker = undefined;
	}
}
