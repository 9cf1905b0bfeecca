import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from './bundle.ts';
import { NEAR_NAME_M, nearWayName, wayOfEdge } from './way-names.ts';

const { graph: g } = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);

/** Network metres from edge e's nearer end to every node (a plain scan Dijkstra, for the check). */
function distancesFrom(e: number): Float64Array {
	const d = new Float64Array(g.nodeCount).fill(Infinity);
	const done = new Uint8Array(g.nodeCount);
	d[g.edgeFrom[e]!] = 0;
	d[g.edgeTo[e]!] = 0;
	const reached = [g.edgeFrom[e]!, g.edgeTo[e]!];
	for (;;) {
		let n = -1;
		for (const m of reached) if (!done[m] && (n < 0 || d[m]! < d[n]!)) n = m;
		if (n < 0 || d[n]! > NEAR_NAME_M) return d;
		done[n] = 1;
		for (let a = g.offsets[n]!; a < g.offsets[n + 1]!; a++) {
			const m = g.targets[a]!;
			const dm = d[n]! + g.lengthsM[g.arcEdges[a]!]!;
			if (dm < d[m]!) {
				if (d[m] === Infinity) reached.push(m);
				d[m] = dm;
			}
		}
	}
}

describe('nearWayName on the sample', () => {
	const unnamed: number[] = [];
	for (let e = 0; e < g.edgeCount; e++) if (g.wayNames[g.edgeWays[e]!] === '') unnamed.push(e);

	it('names an unnamed way by the nearest named way along the network, or by none', () => {
		expect(unnamed.length).toBeGreaterThan(50);
		let named = 0;
		// every 7th unnamed edge: enough to meet both cases, few enough for the scan
		for (const e of unnamed.filter((_, k) => k % 7 === 0)) {
			const d = distancesFrom(e);
			// the nearest named way's distance: the smallest distance of a node where one starts
			let nearest = Infinity;
			const namesThere = new Set<string>();
			for (let n = 0; n < g.nodeCount; n++) {
				if (d[n]! > NEAR_NAME_M) continue;
				for (let a = g.offsets[n]!; a < g.offsets[n + 1]!; a++) {
					const way = g.edgeWays[g.arcEdges[a]!]!;
					const name = way === g.edgeWays[e] ? '' : g.wayNames[way]!;
					if (name === '') continue;
					if (d[n]! < nearest) {
						nearest = d[n]!;
						namesThere.clear();
					}
					if (d[n] === nearest) namesThere.add(name);
				}
			}
			const found = nearWayName(g, e);
			if (nearest === Infinity) expect(found).toBe('');
			else {
				expect(namesThere).toContain(found);
				named++;
			}
		}
		expect(named).toBeGreaterThan(5);
	});

	it('gives a named way its own name and no other', () => {
		const e = g.wayNames.findIndex((n) => n !== '');
		const edge = [...g.edgeWays].indexOf(e);
		expect(wayOfEdge(g, edge)).toEqual({
			wayId: g.wayIds[e],
			wayName: g.wayNames[e],
			nearName: '',
		});
		const u = unnamed.find((x) => nearWayName(g, x) !== '')!;
		expect(wayOfEdge(g, u).nearName).toBe(nearWayName(g, u));
		// within a shorter reach, fewer unnamed ways find a name
		const within = (m: number) => unnamed.filter((x) => nearWayName(g, x, m) !== '').length;
		expect(within(20)).toBeLessThan(within(NEAR_NAME_M));
	});
});
