/**
 * Names for the ways a planner's lists show. A street has its name (or ref) from the data; a path
 * or track without one is named by the nearest named way it leads to along the network, so that a
 * list can say "weg zonder naam bij Pastoorshof" instead of only an OSM id.
 */
import FlatQueue from 'flatqueue';
import type { RoutingGraph } from './bundle.ts';

/** How far along the network a way without a name looks for a named one (metres). */
export const NEAR_NAME_M = 400;

/**
 * The name of the nearest named way reached along the network from either end of edge `e`
 * (its own way excluded), within `maxM` metres; '' when there is none. Nearness counts the
 * metres walked from the edge's nearer end to the named way's edge.
 *
 * @example nearWayName(engine.graph, fix.edge) // 'Pastoorshof'
 */
export function nearWayName(g: RoutingGraph, e: number, maxM = NEAR_NAME_M): string {
	const own = g.edgeWays[e] as number;
	const seen = new Map<number, number>();
	const q = new FlatQueue<number>();
	for (const n of [g.edgeFrom[e] as number, g.edgeTo[e] as number]) {
		seen.set(n, 0);
		q.push(n, 0);
	}
	while (q.length > 0) {
		const d = q.peekValue() as number;
		const n = q.pop() as number;
		if (d > (seen.get(n) as number)) continue;
		if (d > maxM) break;
		// the named ways at this node first, the shortest edge's way among them
		let best = '';
		let bestLen = Infinity;
		const end = g.offsets[n + 1] as number;
		for (let a = g.offsets[n] as number; a < end; a++) {
			const edge = g.arcEdges[a] as number;
			const way = g.edgeWays[edge] as number;
			const name = way === own ? '' : (g.wayNames[way] ?? '');
			const len = g.lengthsM[edge] as number;
			if (name !== '' && (len < bestLen || (len === bestLen && name < best))) {
				best = name;
				bestLen = len;
			}
		}
		if (best !== '') return best;
		for (let a = g.offsets[n] as number; a < end; a++) {
			const m = g.targets[a] as number;
			const dm = d + (g.lengthsM[g.arcEdges[a] as number] as number);
			if (dm <= maxM && dm < (seen.get(m) ?? Infinity)) {
				seen.set(m, dm);
				q.push(m, dm);
			}
		}
	}
	return '';
}

/**
 * What a list says of edge `e`'s way: its OSM id, its name, and where it has none, the nearest
 * named way it leads to ({@link nearWayName}).
 */
export function wayOfEdge(
	g: RoutingGraph,
	e: number,
): { wayId: string; wayName: string; nearName: string } {
	const way = g.edgeWays[e] as number;
	const wayName = g.wayNames[way] ?? '';
	return {
		wayId: g.wayIds[way] as string,
		wayName,
		nearName: wayName === '' ? nearWayName(g, e) : '',
	};
}
