/**
 * A bench-only worker for the `coverage` bench: both sides of the whole analysis's ratio run in
 * Chromium, in a worker of the same page, on the same bundle, bundled by Vite from the same
 * sources as the app's worker. Messages (each answered with `{ ms }` or `{ error }`):
 *
 * - `{ type: 'load', bytes, referenceOrigins }`: decodes the bundle, snaps every origin and place
 *   (engine.prepare, as the app's worker does while idle) and sets up the per-origin reference
 *   (scripts/bench/lib/per-origin.ts) over the categories with places; untimed.
 * - `{ type: 'engine', unknownMode }`: the engine part of the whole analysis as the app's worker
 *   times it (`engine.coverage` per request, AnalysisHost's `engineMs`), for every category of the
 *   taxonomy × the three profiles, summed.
 * - `{ type: 'reference' }`: one timed run of the per-origin reference, scaled to every connected
 *   origin (`PerOriginReference.time`).
 * - `{ type: 'host', unknownMode }`: the same requests through the app's worker code
 *   (AnalysisHost, loaded with the same bytes): per profile, every category's request sent at
 *   once as the app sends them, each answered with its columns and summary (structured-cloned
 *   with its transfer list, as posting them would); the sum of the answers' `engineMs`. Beside
 *   `engine`, it shows what the work between the jobs costs the engine part, with no page busy.
 *
 * The bench starts a fresh worker per side, so a side's first request runs on code never run in
 * that worker (cold) and its second on code already run there (a re-run): both sides alike.
 */
import { decodeAnalysisBundle } from '../../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../../src/analysis/engine.ts';
import { PROFILE_IDS, type UnknownMode } from '../../../src/contracts/profiles.ts';
import { CATEGORIES } from '../../../src/contracts/taxonomy.ts';
import { AnalysisHost } from '../../../src/workers/analysis-host.ts';
import type { ToWorker } from '../../../src/workers/protocol.ts';
import { perOriginReference, type PerOriginReference } from './per-origin.ts';

type Message =
	| { type: 'load'; bytes: ArrayBuffer; referenceOrigins: number }
	| { type: 'engine'; unknownMode: UnknownMode }
	| { type: 'reference' }
	| { type: 'host'; unknownMode: UnknownMode };

const scope = self as unknown as {
	postMessage(message: unknown): void;
	onmessage: ((e: MessageEvent<Message>) => void) | null;
};
let engine: AnalysisEngine | undefined;
let reference: PerOriginReference | undefined;
let host: AnalysisHost | undefined;
let waiting = new Map<number, (m: { result?: { engineMs?: number } }) => void>();
let nextId = 1;

/** One request to the host, answered as the app's worker answers it. */
function ask(type: string, params: unknown): Promise<{ result?: { engineMs?: number } }> {
	return new Promise((resolve) => {
		const id = nextId++;
		waiting.set(id, resolve);
		host!.receive({ kind: 'request', id, type, params } as ToWorker);
	});
}

async function viaHost(bytes: ArrayBuffer, unknownMode: UnknownMode): Promise<number> {
	if (!host) {
		waiting = new Map();
		host = new AnalysisHost({
			postMessage: (m, transfer) => {
				const r = structuredClone(m, { transfer }) as { id: number };
				const done = waiting.get(r.id);
				waiting.delete(r.id);
				done?.(r as { result?: { engineMs?: number } });
			},
		});
		await ask('load', { bytes: bytes.slice(0) });
	}
	let sum = 0;
	for (const profile of PROFILE_IDS) {
		const answers = CATEGORIES.map(({ id: categoryId }) =>
			ask('coverage', { categoryId, profile, unknownMode, normM: 500 }),
		);
		for (const a of await Promise.all(answers)) sum += a.result?.engineMs ?? NaN;
	}
	return sum;
}

let loadedBytes: ArrayBuffer | undefined;

function handle(m: Message): number | Promise<number> {
	if (m.type === 'host') return viaHost(loadedBytes!, m.unknownMode);
	if (m.type === 'load') {
		loadedBytes = m.bytes.slice(0);
		const t0 = performance.now();
		const bundle = decodeAnalysisBundle(new Uint8Array(m.bytes));
		engine = new AnalysisEngine(bundle);
		engine.prepare();
		reference = perOriginReference(
			engine,
			bundle,
			engine.categoriesWithPlaces(),
			m.referenceOrigins,
		);
		return performance.now() - t0;
	}
	if (!engine || !reference) throw new Error('send a load message first');
	if (m.type === 'reference') return reference.time();
	let sum = 0;
	for (const profile of PROFILE_IDS) {
		for (const { id: categoryId } of CATEGORIES) {
			const t0 = performance.now();
			engine.coverage({ categoryId, profile, unknownMode: m.unknownMode });
			sum += performance.now() - t0;
		}
	}
	return sum;
}

scope.onmessage = async (e) => {
	try {
		scope.postMessage({ ms: await handle(e.data) });
	} catch (err) {
		scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
	}
};
