/**
 * A routing graph seen through one mobility profile and one unknown-mode: the cost in seconds of
 * every edge (Infinity where the profile may not use it) and whether its length rests on unknown
 * data. Built once per (profile, mode) and shared by all sweeps.
 */
import type { RoutingGraph } from './bundle.ts';
import { LIMITING_REASONS } from './profiles.ts';
import {
	PROFILES,
	PROFILE_IDS,
	REASON_BITS,
	WAY_STATUS_CODES,
	type ProfileId,
	type UnknownMode,
} from '../contracts/profiles.ts';

/**
 * Mask of reasons that make a usable edge cost more: the reasons that only limit
 * ({@link LIMITING_REASONS}) and `surface_rough`, which blocks a wheelchair but limits a rollator
 * (1.5×) or a personal profile that does not avoid it. A surface reason on an edge that is still
 * usable limited it, never blocked it (a person who avoids loose surfaces is blocked by
 * `surface_loose`, and then the edge is impassable).
 */
export const LIMITING_MASK = [...LIMITING_REASONS, 'surface_rough' as const].reduce(
	(m, r) => (m | (1 << REASON_BITS[r])) >>> 0,
	0,
);

/** A profile's view of the graph. */
export interface ProfileNetwork {
	graph: RoutingGraph;
	profile: ProfileId;
	unknownMode: UnknownMode;
	/** Index of the profile in {@link PROFILE_IDS}. */
	profileIndex: number;
	/** Speed in metres per second (for access legs, which are walked at the plain speed). */
	speedMps: number;
	/** Cost of each edge in seconds; Infinity when the edge may not be used. */
	edgeCostS: Float64Array;
	/** 1 when the edge's status for this profile is `unknown` (and it is used: optimistic mode). */
	edgeUnknown: Uint8Array;
	/** Largest finite edge cost in seconds (0 when no edge is usable): sizes the sweep's buckets. */
	maxEdgeCostS: number;
	/**
	 * Per edge [2e]: the extra metres its cost stands for beyond its length, (limitedCostFactor − 1)
	 * × length on limited edges, else 0; [2e + 1]: its length when its status is unknown (used),
	 * else 0. So that length = cost × speedMps − extra (the sweep keeps cost, not length).
	 */
	edgeExtraM: Float64Array;
	/** 1 where either value of {@link edgeExtraM} is not 0. */
	edgeHasExtra: Uint8Array;
	/**
	 * Arc records for the sweeps, 16 bytes per arc in the graph's CSR order (arcs of node n are
	 * `offsets[n] .. offsets[n + 1] - 1`), two views of one buffer: `arcCostS[2a]` the cost of
	 * arc a's edge in seconds; `arcInfo[4a + 2]` its target node, `arcInfo[4a + 3]` its edge with
	 * the top bit set when the edge has extra or unknown metres ({@link edgeHasExtra}). A scan of a
	 * node's arcs then reads one sequential record per arc.
	 */
	arcCostS: Float64Array;
	arcInfo: Uint32Array;
}

/**
 * Builds the profile's view of a graph.
 *
 * Cost of a usable edge = lengthM / speedMps × (limitedCostFactor if a limiting reason applies).
 * `speed` replaces the profile's speed and factor (a personal profile, `personal-profile.ts`).
 * Unusable: status impassable, or status unknown in `cautious` mode.
 *
 * @example const net = profileNetwork(bundle.graph, 'wheelchair', 'optimistic');
 */
export function profileNetwork(
	graph: RoutingGraph,
	profile: ProfileId,
	unknownMode: UnknownMode,
	speed?: { speedMps: number; limitedCostFactor: number },
): ProfileNetwork {
	const builtIn = PROFILES[profile];
	if (!builtIn)
		throw new Error(`unknown profile "${String(profile)}": use walking, rollator or wheelchair`);
	const p = speed ?? builtIn;
	if (unknownMode !== 'optimistic' && unknownMode !== 'cautious') {
		throw new Error(`unknown mode "${String(unknownMode)}": use optimistic or cautious`);
	}
	const pi = PROFILE_IDS.indexOf(profile);
	const E = graph.edgeCount;
	const edgeCostS = new Float64Array(E);
	const edgeUnknown = new Uint8Array(E);
	const edgeExtraM = new Float64Array(2 * E);
	const edgeHasExtra = new Uint8Array(E);
	const base = pi * E;
	let maxEdgeCostS = 0;
	for (let e = 0; e < E; e++) {
		const status = graph.statuses[base + e];
		const len = graph.lengthsM[e] as number;
		if (status === WAY_STATUS_CODES.impassable) {
			edgeCostS[e] = Infinity;
			continue;
		}
		if (status === WAY_STATUS_CODES.unknown) {
			if (unknownMode === 'cautious') {
				edgeCostS[e] = Infinity;
				continue;
			}
			edgeUnknown[e] = 1;
			edgeExtraM[2 * e + 1] = len;
		}
		const limited = ((graph.reasons[base + e] as number) & LIMITING_MASK) !== 0;
		edgeCostS[e] = (len / p.speedMps) * (limited ? p.limitedCostFactor : 1);
		if (limited) edgeExtraM[2 * e] = len * (p.limitedCostFactor - 1);
		if (edgeExtraM[2 * e] !== 0 || edgeExtraM[2 * e + 1] !== 0) edgeHasExtra[e] = 1;
		if ((edgeCostS[e] as number) > maxEdgeCostS) maxEdgeCostS = edgeCostS[e] as number;
	}
	const arcs = graph.targets.length;
	if (E > 0x7fffffff) throw new Error(`graph has ${E} edges: at most 2^31 - 1`);
	const buffer = new ArrayBuffer(16 * arcs);
	const arcCostS = new Float64Array(buffer);
	const arcInfo = new Uint32Array(buffer);
	for (let a = 0; a < arcs; a++) {
		const e = graph.arcEdges[a] as number;
		arcCostS[2 * a] = edgeCostS[e] as number;
		arcInfo[4 * a + 2] = graph.targets[a] as number;
		arcInfo[4 * a + 3] = (e | (edgeHasExtra[e] === 1 ? 0x80000000 : 0)) >>> 0;
	}
	return {
		graph,
		profile,
		unknownMode,
		profileIndex: pi,
		speedMps: p.speedMps,
		edgeCostS,
		edgeUnknown,
		maxEdgeCostS,
		edgeExtraM,
		edgeHasExtra,
		arcCostS,
		arcInfo,
	};
}
