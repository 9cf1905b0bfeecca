/**
 * The C++ reference of the sweep bench: scripts/bench/lib/dijkstra.cpp (std::priority_queue
 * Dijkstra), compiled here with `g++ -O3 -march=native` when g++ exists, run in its own process on
 * the same CSR graph (offsets, targets, one weight per arc: the arc costs of the same profile
 * network) and the same sources. It times itself (one untimed run first) and writes its distances
 * to a file, which the bench compares with the sweep outside every timed region.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileNetwork } from '../../../src/analysis/network.ts';

const SOURCE = fileURLToPath(new URL('./dijkstra.cpp', import.meta.url));
export const CPP_FLAGS = ['-O3', '-march=native', '-std=c++17'];

/** A compiled reference, ready to run on one graph. */
export interface CppReference {
	/** The compiler's first line (`g++ (Debian 12.2.0-14) 12.2.0`). */
	compiler: string;
	/** One run in a fresh process: its own timing of the search (wall and thread CPU, ms). */
	run(): { ms: number; cpuMs: number };
	/** Distances of the last run (seconds per node, Infinity where unreachable). */
	lastDistances(): Float64Array;
	/** Removes the temporary folder. */
	dispose(): void;
}

/**
 * Compiles the reference and writes the graph for it, or returns why it cannot (no g++: the bench
 * then skips the C++ comparison with that message).
 */
export function prepareCppReference(
	net: ProfileNetwork,
	sourceNodes: readonly number[],
): CppReference | { skipped: string } {
	let compiler: string;
	try {
		compiler = execFileSync('g++', ['--version'], { encoding: 'utf8' }).split('\n')[0] ?? 'g++';
	} catch {
		return {
			skipped:
				'g++ not found: the C++ comparison is skipped (bash scripts/setup-system.sh --bench installs it)',
		};
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'buurtkaart-bench-'));
	const exe = path.join(dir, 'dijkstra');
	execFileSync('g++', [...CPP_FLAGS, '-o', exe, SOURCE], {
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	const g = net.graph;
	const n = g.nodeCount;
	const m = g.targets.length;
	const weights = new Float64Array(m);
	for (let a = 0; a < m; a++) weights[a] = net.arcCostS[2 * a] as number;
	const head = Uint32Array.from([n, m, sourceNodes.length]);
	const graphFile = path.join(dir, 'graph.bin');
	const outFile = path.join(dir, 'dist.bin');
	writeFileSync(
		graphFile,
		Buffer.concat([
			Buffer.from(head.buffer),
			Buffer.from(g.offsets.buffer, g.offsets.byteOffset, g.offsets.byteLength),
			Buffer.from(g.targets.buffer, g.targets.byteOffset, g.targets.byteLength),
			Buffer.from(weights.buffer),
			Buffer.from(Uint32Array.from(sourceNodes).buffer),
		]),
	);
	return {
		compiler,
		run(): { ms: number; cpuMs: number } {
			const out = execFileSync(exe, [graphFile, outFile], { encoding: 'utf8' });
			return JSON.parse(out) as { ms: number; cpuMs: number };
		},
		lastDistances(): Float64Array {
			const b = readFileSync(outFile);
			return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8).slice();
		},
		dispose(): void {
			rmSync(dir, { recursive: true, force: true });
		},
	};
}
