/**
 * The analysis worker as the app runs it (AnalysisHost on the worker's global), bundled by the
 * walkshed bench for a plain Chromium page.
 */
import { AnalysisHost } from '../../../src/workers/analysis-host.ts';
import type { ToWorker } from '../../../src/workers/protocol.ts';

const scope = self as unknown as {
	postMessage(message: unknown, transfer: Transferable[]): void;
	onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};
const host = new AnalysisHost({ postMessage: (m, t) => scope.postMessage(m, t) });
scope.onmessage = (e) => host.receive(e.data);
