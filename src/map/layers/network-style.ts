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
import type { ProfileId } from '../../analysis/profiles.ts';

export const NETWORK_SOURCE = 'network';

/** Status colours, shared by the map and its legend. */
export const NETWORK_STATUS_COLOURS = {
	passable: '#2e7d32',
	limited: '#d35400',
	impassable: '#b71c1c',
	unknown: '#6b7478',
} as const;

export type NetworkStatus = keyof typeof NETWORK_STATUS_COLOURS;

function statusOf(profile: ProfileId): ExpressionSpecification {
	return ['coalesce', ['get', `${profile}_status`], 'unknown'];
}

/** Paint of the known and the unknown stretches for `profile`. */
export function networkLayers(
	sourceLayer: string,
	profile: ProfileId,
): [LineLayerSpecification, LineLayerSpecification] {
	const width: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 12, 1.5, 16, 4];
	return [
		{
			id: 'network-known',
			type: 'line',
			source: NETWORK_SOURCE,
			'source-layer': sourceLayer,
			filter: ['!=', statusOf(profile), 'unknown'],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': [
					'match',
					statusOf(profile),
					'passable',
					NETWORK_STATUS_COLOURS.passable,
					'limited',
					NETWORK_STATUS_COLOURS.limited,
					NETWORK_STATUS_COLOURS.impassable,
				],
				'line-width': width,
			},
		},
		{
			id: 'network-unknown',
			type: 'line',
			source: NETWORK_SOURCE,
			'source-layer': sourceLayer,
			filter: ['==', statusOf(profile), 'unknown'],
			paint: {
				'line-color': NETWORK_STATUS_COLOURS.unknown,
				'line-width': width,
				'line-dasharray': [1.5, 1.5],
			},
		},
	];
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
