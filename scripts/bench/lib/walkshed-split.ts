/**
 * The walksheds' previous way of drawing, kept only as the walkshed bench's reference (issue #19):
 * the edges reached whole drawn from the area's network tiles by one numeric feature-state per
 * edge (a mask of the profiles reaching it), read by three layers that hold EVERY network edge and
 * show it through `line-opacity` (a filter cannot read feature-state); only the partly reached
 * pieces came as GeoJSON. The app now draws the reached stretches as one GeoJSON source
 * (src/map/layers/planner-style.ts); the bench times both in the same run.
 */
import type { ExpressionSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { ProfileId } from '../../../src/contracts/profiles.ts';
import { NETWORK_SOURCE } from '../../../src/map/layers/network-style.ts';
import { WALKSHED_COLOURS, WALKSHED_WIDTHS } from '../../../src/map/layers/planner-style.ts';

/** The feature-state key on the network tiles that marks the edges a walkshed reaches whole. */
export const WALKSHED_STATE = 'walkshed';

/** The bit of each profile in {@link WALKSHED_STATE}'s mask. */
const WALKSHED_BITS: Record<ProfileId, number> = { walking: 1, rollator: 2, wheelchair: 4 };

/**
 * The edges the walksheds reach whole, as feature-state values: edge index (the network tiles'
 * feature id) → mask of the profiles that reach it (walking 1, rollator 2, wheelchair 4).
 */
export function walkshedEdgeStates(
	sheds: readonly ({ profile: ProfileId; edges: Uint32Array } | null)[],
): Map<number, number> {
	const masks = new Map<number, number>();
	for (const s of sheds) {
		if (!s) continue;
		const bit = WALKSHED_BITS[s.profile];
		for (const e of s.edges) masks.set(e, (masks.get(e) ?? 0) | bit);
	}
	return masks;
}

/**
 * The edges reached whole, drawn from the network tiles: every edge, shown by its
 * {@link WALKSHED_STATE} mask through `line-opacity`, in the walkshed colours and widths.
 */
export function walkshedEdgeLayers(sourceLayer: string): LineLayerSpecification[] {
	const profiles: ProfileId[] = ['walking', 'rollator', 'wheelchair'];
	return profiles.map((p): LineLayerSpecification => {
		const bit = WALKSHED_BITS[p];
		const masks = [1, 2, 3, 4, 5, 6, 7].filter((m) => (m & bit) !== 0);
		return {
			id: `walkshed-edges-${p}`,
			type: 'line',
			source: NETWORK_SOURCE,
			'source-layer': sourceLayer,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': WALKSHED_COLOURS[p],
				'line-width': WALKSHED_WIDTHS[p],
				'line-opacity': [
					'match',
					['coalesce', ['feature-state', WALKSHED_STATE], 0],
					masks,
					1,
					0,
				] as ExpressionSpecification,
			},
		};
	});
}
