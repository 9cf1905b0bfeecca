/**
 * The analysis worker as the app runs it (AnalysisHost on the worker's global), bundled by the
 * walkshed bench for a plain Chromium page. One bench-only request beside the app's protocol,
 * `walkshedsSplit`: the walksheds' previous answer (the edges reached whole as tile feature ids,
 * only the partly reached pieces as lines), the bench's reference, computed by the same engine
 * function on an engine of the same bundle.
 */
import { decodeAnalysisBundle } from '../../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../../src/analysis/engine.ts';
import { SearchSpace } from '../../../src/analysis/search.ts';
import { roundCoordinates, walkshed } from '../../../src/analysis/walkshed.ts';
import type { ProfileId, UnknownMode } from '../../../src/contracts/profiles.ts';
import { AnalysisHost } from '../../../src/workers/analysis-host.ts';
import type { ToWorker } from '../../../src/workers/protocol.ts';

const scope = self as unknown as {
	postMessage(message: unknown, transfer: Transferable[]): void;
	onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};
const host = new AnalysisHost({ postMessage: (m, t) => scope.postMessage(m, t) });
/** A copy of the bundle loaded; the reference's engine is made from it at its first request. */
let loaded: Uint8Array | undefined;
let engine: AnalysisEngine | undefined;
let space: SearchSpace | undefined;

scope.onmessage = (e) => {
	const m = e.data as ToWorker & { type?: string; params?: unknown };
	if (m.kind === 'request' && m.type === 'load') {
		const bytes = (m.params as { bytes: ArrayBuffer }).bytes;
		loaded = new Uint8Array(bytes.slice(0));
		engine = undefined;
	}
	if (m.kind === 'request' && (m.type as string) === 'walkshedsSplit') {
		const p = m.params as {
			lngLat: [number, number];
			minutes: number;
			profiles: ProfileId[];
			unknownMode: UnknownMode;
		};
		if (!engine) {
			engine = new AnalysisEngine(decodeAnalysisBundle(loaded!));
			engine.prepare();
		}
		const en = engine;
		space ??= new SearchSpace(en.graph.nodeCount);
		const sheds = p.profiles.map((profile) => {
			const w = walkshed(en, p.lngLat, p.minutes, profile, p.unknownMode, {
				polygon: false,
				space,
				split: true,
			});
			if (!w) return null;
			roundCoordinates(w.lines.geometry.coordinates);
			return { profile, lines: w.lines, edges: w.edges, residents: w.residents };
		});
		scope.postMessage(
			{ kind: 'response', id: m.id, ok: true, result: { sheds } },
			sheds.flatMap((s) => (s ? [s.edges.buffer as ArrayBuffer] : [])),
		);
		return;
	}
	host.receive(e.data);
};
