/**
 * Main-thread wrapper of the analysis worker: one typed method per request type, returning a
 * Promise. Each request gets an id; an AbortSignal cancels it (the worker skips it if it has not
 * started, or drops its answer) and rejects the Promise with an AbortError at once.
 */
import { transferables } from './transfer.ts';
import {
	type Params,
	type RequestType,
	type ResponseMessage,
	type Result,
	type ToWorker,
} from './protocol.ts';

/** What the client talks to: a Worker, or a MessagePort in tests. */
export interface MessageEndpoint {
	postMessage(message: unknown, transfer: Transferable[]): void;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

interface Pending {
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
	cleanup: () => void;
}

function abortError(): Error {
	const e = new Error('analysis request cancelled');
	e.name = 'AbortError';
	return e;
}

/** Typed client of the analysis worker. */
export class AnalysisClient {
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();
	private readonly endpoint: MessageEndpoint;
	private readonly onMessage = (event: MessageEvent): void => {
		const msg = event.data as ResponseMessage;
		if (!msg || msg.kind !== 'response') return;
		const p = this.pending.get(msg.id);
		if (!p) return;
		this.pending.delete(msg.id);
		p.cleanup();
		if (msg.ok) p.resolve(msg.result);
		else {
			const e = new Error(msg.error.message);
			e.name = msg.error.name;
			p.reject(e);
		}
	};

	constructor(endpoint: MessageEndpoint) {
		this.endpoint = endpoint;
		endpoint.addEventListener('message', this.onMessage);
	}

	/**
	 * Sends a request. Typed arrays and ArrayBuffers in `params` are transferred (the caller loses them).
	 *
	 * @example const { summary } = await client.request('coverage', { categoryId: 'pharmacy', profile: 'walking', unknownMode: 'optimistic', normM: 800 }, { signal });
	 */
	request<T extends RequestType>(
		type: T,
		params: Params<T>,
		options: { signal?: AbortSignal } = {},
	): Promise<Result<T>> {
		const { signal } = options;
		if (signal?.aborted) return Promise.reject(abortError());
		const id = this.nextId++;
		return new Promise<Result<T>>((resolve, reject) => {
			const onAbort = (): void => {
				if (!this.pending.has(id)) return;
				this.pending.delete(id);
				const cancel: ToWorker = { kind: 'cancel', id };
				this.endpoint.postMessage(cancel, []);
				reject(abortError());
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.pending.set(id, {
				resolve: resolve as (v: unknown) => void,
				reject,
				cleanup: () => signal?.removeEventListener('abort', onAbort),
			});
			const message = { kind: 'request', id, type, params } as ToWorker;
			this.endpoint.postMessage(message, transferables(params));
		});
	}

	/** Stops listening and rejects everything pending. */
	dispose(): void {
		this.endpoint.removeEventListener('message', this.onMessage);
		for (const p of this.pending.values()) {
			p.cleanup();
			p.reject(abortError());
		}
		this.pending.clear();
	}
}
