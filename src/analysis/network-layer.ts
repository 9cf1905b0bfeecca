/**
 * The accessibility layers as data: every edge of the routing network with its status, reasons and
 * unknown attributes per profile (walking, rollator, wheelchair, and the personal profile when one
 * is set), straight from the graph's per-profile arrays, the same the engine routes on and the
 * pipeline writes into the network tiles. The planners export it (src/data/network-export.ts).
 */
import type { RoutingGraph } from './bundle.ts';
import { reasonsFromMask, unknownFromMask } from './profiles.ts';
import {
	PROFILE_IDS,
	type ProfileId,
	type ReasonCode,
	type UnknownAttribute,
	type WayStatus,
} from '../contracts/profiles.ts';
import { edgeCoordinates } from './snap.ts';

/** The statuses in code order ({@link WAY_STATUS_CODES}). */
export const WAY_STATUSES: readonly WayStatus[] = ['passable', 'limited', 'impassable', 'unknown'];

/** A column of the layer: a built-in profile, or `personal` (the personal profile on its base). */
export type LayerProfile = ProfileId | 'personal';

/** One edge for one profile. */
export interface EdgeState {
	status: WayStatus;
	reasons: ReasonCode[];
	unknown: UnknownAttribute[];
}

/** One edge of the network. */
export interface NetworkLayerEdge {
	/** Edge index in the graph. */
	edge: number;
	/** The OSM way (`w123`) or connector (`j1`) it comes from. */
	wayId: string;
	lengthM: number;
	/** [lng, lat] along the edge. */
	coordinates: [number, number][];
	/** Its state per column, in the order of {@link NetworkLayer.profiles}. */
	states: EdgeState[];
}

export interface NetworkLayer {
	profiles: LayerProfile[];
	/** The personal profile's base profile, when the layer has a `personal` column. */
	personalBase: ProfileId | null;
	/** The personal profile's text (encodePersonalProfile), when it is given: the UI names it. */
	personalText: string | null;
	edges: NetworkLayerEdge[];
}

function stateOf(g: RoutingGraph, profile: ProfileId, e: number): EdgeState {
	const k = PROFILE_IDS.indexOf(profile) * g.edgeCount + e;
	const reasons = g.reasons[k] as number;
	const unknown = g.unknowns[k] as number;
	return {
		status: WAY_STATUSES[g.statuses[k] as number] as WayStatus,
		reasons: reasons === 0 ? [] : reasonsFromMask(reasons),
		unknown: unknown === 0 ? [] : unknownFromMask(unknown),
	};
}

/**
 * The layer of `graph` for the three built-in profiles, plus a `personal` column from
 * `personal.graph` (the graph re-classified for a personal profile: its base profile's slot).
 *
 * @example networkLayer(engine.graph).edges[0].states[2].status // the wheelchair status of edge 0
 */
export function networkLayer(
	graph: RoutingGraph,
	personal?: { graph: RoutingGraph; base: ProfileId; text?: string },
): NetworkLayer {
	if (personal && personal.graph.edgeCount !== graph.edgeCount)
		throw new Error(
			`the personal graph has ${personal.graph.edgeCount} edges, the network ${graph.edgeCount}`,
		);
	const edges: NetworkLayerEdge[] = [];
	for (let e = 0; e < graph.edgeCount; e++) {
		const states = PROFILE_IDS.map((p) => stateOf(graph, p, e));
		if (personal) states.push(stateOf(personal.graph, personal.base, e));
		edges.push({
			edge: e,
			wayId: graph.wayIds[graph.edgeWays[e] as number] as string,
			lengthM: graph.lengthsM[e] as number,
			coordinates: edgeCoordinates(graph, e),
			states,
		});
	}
	return {
		profiles: personal ? [...PROFILE_IDS, 'personal'] : [...PROFILE_IDS],
		personalBase: personal?.base ?? null,
		personalText: personal?.text ?? null,
		edges,
	};
}

/** Edges per status of one profile of a graph (what the engine routes on). */
export function statusCounts(graph: RoutingGraph, profile: ProfileId): Record<WayStatus, number> {
	const counts: Record<WayStatus, number> = { passable: 0, limited: 0, impassable: 0, unknown: 0 };
	const E = graph.edgeCount;
	const offset = PROFILE_IDS.indexOf(profile) * E;
	for (let e = 0; e < E; e++) counts[WAY_STATUSES[graph.statuses[offset + e] as number]!]++;
	return counts;
}
