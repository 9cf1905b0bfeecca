/**
 * The accessible-routes overlay: footways and streets coloured by their status for the chosen
 * profile (DESIGN.md: passable / limited / impassable), and unknown drawn dashed in grey, never as
 * passable or impassable ("unknown is not inaccessible, and not accessible either"); and the
 * points on it that matter on foot (barriers, kerbs, crossings, elevators).
 */
import type {
	CircleLayerSpecification,
	ExpressionSpecification,
	LineLayerSpecification,
} from 'maplibre-gl';
import type { NetworkPointKind } from '../../analysis/network-points.ts';
import { WAY_STATUSES } from '../../analysis/network-layer.ts';
import { REASON_LABELS, reasonsFromMask } from '../../analysis/profiles.ts';
import { type ProfileId, type ReasonCode } from '../../contracts/profiles.ts';

export const NETWORK_SOURCE = 'network';

/** Status colours, shared by the map and its legend. */
export const NETWORK_STATUS_COLOURS = {
	passable: '#2e7d32',
	limited: '#d35400',
	impassable: '#b71c1c',
	unknown: '#6b7478',
} as const;

export type NetworkStatus = keyof typeof NETWORK_STATUS_COLOURS;

/**
 * Per-edge statuses computed in the worker for a personal profile (the `personal` answer): the
 * base profile's slot of the re-classified graph, indexed by the network tiles' feature id (the
 * bundle's edge index).
 */
export interface EdgeStatuses {
	base: ProfileId | null;
	statuses: Uint8Array;
	reasons: Uint32Array;
	/**
	 * The built-in statuses of the same profile, as the tiles carry them: only edges whose status
	 * differs from them need feature-state ({@link drawEdgeStatuses}). Absent: every edge is set.
	 */
	builtIn?: Uint8Array;
}

/** The feature-state key that carries an edge's status for the personal profile. */
export const STATUS_STATE = 'status';

/**
 * An edge's status: the worker's (feature-state, set per edge for a personal profile) over the
 * tile's baked status of `profile` (the three built-in profiles; proven equal to the worker's edge
 * for edge by src/analysis/personal-profile.test.ts and tests/unit/pipeline/sample.test.ts).
 */
function statusOf(profile: ProfileId): ExpressionSpecification {
	return ['coalesce', ['feature-state', STATUS_STATE], ['get', `${profile}_status`], 'unknown'];
}

/**
 * Paint of the known and the unknown stretches for `profile`. Both layers hold every edge and
 * show or hide it by its status (no filter: a filter cannot read feature-state), so a personal
 * profile's statuses are drawn by `setFeatureState` alone, without MapLibre laying the tiles out
 * again. The known layer hides an unknown edge through its colour (transparent), which it binds
 * per feature anyway; the unknown layer hides a known edge through `line-opacity`. So each edge
 * carries one state-dependent value per layer: a profile change re-evaluates and re-uploads the
 * colour of the known layer and the opacity of the unknown one, not also an opacity for the known
 * layer (a quarter fewer bytes re-uploaded per tile, one expression fewer per changed edge), for
 * the same picture. The known layer lies on top: a click or a query at a stretch finds it first.
 */
export function networkLayers(
	sourceLayer: string,
	profile: ProfileId,
): [LineLayerSpecification, LineLayerSpecification] {
	const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 12, 1.5, 16, 4];
	const isUnknown: ExpressionSpecification = ['==', statusOf(profile), 'unknown'];
	return [
		{
			id: 'network-known',
			type: 'line',
			source: NETWORK_SOURCE,
			'source-layer': sourceLayer,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': [
					'match',
					statusOf(profile),
					'passable',
					NETWORK_STATUS_COLOURS.passable,
					'limited',
					NETWORK_STATUS_COLOURS.limited,
					'impassable',
					NETWORK_STATUS_COLOURS.impassable,
					'unknown',
					'rgba(0, 0, 0, 0)',
					NETWORK_STATUS_COLOURS.unknown,
				],
				'line-width': width,
			},
		},
		{
			id: 'network-unknown',
			type: 'line',
			source: NETWORK_SOURCE,
			'source-layer': sourceLayer,
			paint: {
				'line-color': NETWORK_STATUS_COLOURS.unknown,
				'line-opacity': ['case', isUnknown, 1, 0],
				'line-width': width,
				'line-dasharray': [1.5, 1.5],
			},
		},
	];
}

/**
 * The status and reason codes of a clicked stretch for `profile`: the worker's for a personal
 * profile on that base (by the feature id, the edge index), else the tile's baked ones.
 */
export function stretchState(
	props: Record<string, unknown>,
	featureId: unknown,
	profile: ProfileId,
	personal: EdgeStatuses | undefined,
): { status: NetworkStatus; reasons: ReasonCode[] } {
	if (personal?.base === profile && typeof featureId === 'number') {
		const code = personal.statuses[featureId];
		if (code !== undefined)
			return {
				status: WAY_STATUSES[code] as NetworkStatus,
				reasons: reasonsFromMask(personal.reasons[featureId] ?? 0),
			};
	}
	const status = String(props[`${profile}_status`] ?? 'unknown');
	return {
		status: (Object.hasOwn(NETWORK_STATUS_COLOURS, status) ? status : 'unknown') as NetworkStatus,
		reasons: String(props[`${profile}_reasons`] ?? '')
			.split(',')
			.filter((c): c is ReasonCode => Object.hasOwn(REASON_LABELS, c)),
	};
}

/** Colours of the network points by kind, shared by the map and the planners' layer switches. */
export const NETWORK_POINT_COLOURS: Record<NetworkPointKind, string> = {
	barrier: '#8e1b1b',
	kerb: '#e65100',
	crossing: '#1565c0',
	elevator: '#2e7d32',
};

/**
 * Barriers, kerbs, crossings and elevators on the network (the archive's `network_points`), a dot
 * each coloured by kind; only the `kinds` switched on (hidden when none is).
 */
export function networkPointLayer(
	sourceLayer: string,
	kinds: readonly NetworkPointKind[],
): CircleLayerSpecification {
	return {
		id: 'network-points',
		type: 'circle',
		source: NETWORK_SOURCE,
		'source-layer': sourceLayer,
		filter: ['in', ['get', 'kind'], ['literal', [...kinds]]],
		layout: { visibility: kinds.length > 0 ? 'visible' : 'none' },
		paint: {
			'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 4, 17, 8],
			'circle-color': [
				'match',
				['get', 'kind'],
				...Object.entries(NETWORK_POINT_COLOURS).flat(),
				'#4a5558',
			] as unknown as ExpressionSpecification,
			'circle-stroke-color': '#ffffff',
			'circle-stroke-width': 1.5,
		},
	};
}

/** What {@link drawEdgeStatuses} needs of a MapLibre map (feature ids: numbers by default). */
export interface FeatureStateTarget<Id = number> {
	setFeatureState(
		feature: { source: string; sourceLayer?: string; id: Id },
		state: Record<string, unknown>,
	): void;
	removeFeatureState(
		feature: { source: string; sourceLayer?: string; id?: Id },
		key?: string,
	): void;
}

/** Per map: the status code + 1 that {@link drawEdgeStatuses} last set on each edge (0: none). */
const drawnEdges = new WeakMap<object, Uint8Array>();

/**
 * Draws a personal profile's per-edge statuses on the accessible-routes layer as feature-state
 * (`status` of the edge's feature, the edge index being the feature id); undefined clears them,
 * so the tiles' built-in statuses show again. Other feature-state keys (walksheds) stay.
 *
 * Only what changes is touched: an edge gets feature-state only where the person's status differs
 * from the built-in one the tile already draws (`statuses.builtIn`), and only when that differs
 * from what this map was last given; an edge given before whose status is now the tile's is
 * cleared. A profile change that changes 893 edges sets at most those, not every edge of the area.
 *
 * @returns how many edges were set or cleared.
 */
export function drawEdgeStatuses(
	map: FeatureStateTarget,
	sourceLayer: string,
	statuses: EdgeStatuses | undefined,
): number {
	const target = { source: NETWORK_SOURCE, sourceLayer, id: 0 };
	const codes = statuses?.statuses;
	const builtIn = statuses?.builtIn;
	const count = codes?.length ?? 0;
	let drawn = drawnEdges.get(map);
	if (!drawn || drawn.length < count) {
		const bigger = new Uint8Array(count);
		if (drawn) bigger.set(drawn);
		drawn = bigger;
		drawnEdges.set(map, drawn);
	}
	let touched = 0;
	for (let e = 0; e < drawn.length; e++) {
		let want = 0;
		if (e < count) {
			const code = codes![e] as number;
			if (!builtIn || builtIn[e] !== code) want = code + 1;
		}
		if (want === drawn[e]) continue;
		target.id = e;
		if (want === 0) map.removeFeatureState(target, STATUS_STATE);
		else map.setFeatureState(target, { [STATUS_STATE]: WAY_STATUSES[want - 1] });
		drawn[e] = want;
		touched++;
	}
	return touched;
}
