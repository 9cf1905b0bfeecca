import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleBundleInput } from '../../tests/fixtures/analysis/sample-input.ts';
import { buildAnalysisBundle, decodeAnalysisBundle } from '../analysis/bundle.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { AnalysisClient, type MessageEndpoint } from './analysis-client.ts';

/**
 * Runs the real worker file in a separate thread (tests/fixtures/analysis/worker-thread.mjs gives it
 * a `self` that forwards to the parent port, as a browser's DedicatedWorkerGlobalScope would).
 */
const worker = new Worker(
	new URL('../../tests/fixtures/analysis/worker-thread.mjs', import.meta.url),
);
let workerError: Error | undefined;
worker.on('error', (e) => (workerError = e));
afterAll(() => worker.terminate());

const endpoint: MessageEndpoint = {
	postMessage: (m, t) => worker.postMessage(m, t as never),
	addEventListener: (_type, l) => worker.on('message', (data) => l({ data } as MessageEvent)),
	removeEventListener: () => worker.removeAllListeners('message'),
};

describe('analysis.worker.ts in its own thread', () => {
	it('answers a coverage request with transferred typed arrays equal to the engine run here', async () => {
		const bytes = buildAnalysisBundle(sampleBundleInput());
		const client = new AnalysisClient(endpoint);
		const buffer = bytes.slice().buffer;
		const info = await client.request('load', { bytes: buffer });
		expect(workerError).toBeUndefined();
		expect(buffer.byteLength).toBe(0);
		expect(info.edgeCount).toBe(decodeAnalysisBundle(bytes).graph.edgeCount);
		const key = {
			categoryId: 'grocery',
			profile: 'rollator',
			unknownMode: 'optimistic',
			normM: 500,
		} as const;
		const cov = await client.request('coverage', key);
		const here = new AnalysisEngine(decodeAnalysisBundle(bytes)).coverage(key).result;
		expect([...cov.columns.distanceM]).toEqual([...here.distanceM]);
		expect(cov.summary.length).toBeGreaterThan(0);
		client.dispose();
	}, 30_000);
});
