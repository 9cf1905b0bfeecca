/**
 * The analysis engine of the app, in its Web Worker: started and loaded with the area's
 * `analysis.bin` on first use (not at start, so the first load stays light).
 */
import type { ProfileId } from '../analysis/profiles.ts';
import type { Route } from '../analysis/route.ts';
import { AnalysisClient } from '../workers/analysis-client.ts';

export class AnalysisState {
	/** 'idle' until first used, then loading, ready or failed (with the reason). */
	status = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
	error = $state<string | undefined>();
	#ready: Promise<AnalysisClient> | undefined;
	readonly #bundleUrl: string;

	constructor(bundleUrl: string) {
		this.#bundleUrl = bundleUrl;
	}

	/** The loaded engine's client (starts the worker and loads the bundle the first time). */
	client(): Promise<AnalysisClient> {
		this.#ready ??= this.#start();
		return this.#ready;
	}

	async #start(): Promise<AnalysisClient> {
		this.status = 'loading';
		try {
			const response = await fetch(this.#bundleUrl);
			if (!response.ok) throw new Error(`${this.#bundleUrl}: HTTP ${response.status}`);
			const bytes = await response.arrayBuffer();
			// Vite recognises exactly this form and bundles the worker; it is not reactive state.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const worker = new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), {
				type: 'module',
			});
			const client = new AnalysisClient(worker);
			await client.request('load', { bytes });
			this.status = 'ready';
			return client;
		} catch (error) {
			this.status = 'failed';
			this.error = error instanceof Error ? error.message : String(error);
			this.#ready = undefined;
			throw error;
		}
	}

	/** The route from `from` to `to` for a profile (optimistic about unknown data, reported apart). */
	async route(
		from: [number, number],
		to: [number, number],
		profile: ProfileId,
		signal?: AbortSignal,
	): Promise<Route> {
		const client = await this.client();
		const result = await client.request(
			'route',
			{ from, to, profile, unknownMode: 'optimistic' },
			signal ? { signal } : {},
		);
		return result.route;
	}
}
