/**
 * The search Web Worker: a thin adapter that feeds messages to {@link SearchHost}. Start it with
 * `new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { SearchHost } from './search-host.ts';
import type { SearchRequest, SearchResponse } from './search-protocol.ts';

const scope = self as unknown as {
	postMessage(message: SearchResponse): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
};

const host = new SearchHost((m) => scope.postMessage(m));
scope.addEventListener('message', (event) => void host.receive(event.data));
