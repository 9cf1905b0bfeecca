/**
 * The analysis Web Worker: a thin adapter that feeds messages to {@link AnalysisHost} and posts its
 * answers with their typed-array buffers transferred. No algorithms here (they live in
 * src/analysis). Start it with `new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { AnalysisHost } from './analysis-host.ts';
import type { ToWorker } from './protocol.ts';

const scope = self as unknown as {
	postMessage(message: unknown, transfer: Transferable[]): void;
	addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};

const host = new AnalysisHost({ postMessage: (m, t) => scope.postMessage(m, t) });
scope.addEventListener('message', (event) => host.receive(event.data));
