/**
 * Per-feature values of one feature-state key on a source (the coverage overlay's origins and
 * neighbourhoods; the walkshed bench's reference on the network tiles), set on a MapLibre map by
 * difference: only what changed is touched.
 */
import type { FeatureStateTarget } from './layers/network-style.ts';

/**
 * Per-feature values of one feature-state key on a source: a vector source's layer, or a GeoJSON
 * source (no `sourceLayer`). Ids are the features' ids (numbers, or a promoted string property).
 */
export interface FeatureStateValues {
	source: string;
	sourceLayer?: string;
	key: string;
	values: ReadonlyMap<number | string, number | string | boolean>;
}

/**
 * What {@link applyFeatureState} needs of a MapLibre map: feature-state (numeric ids, or a
 * promoted string property), and to see a source.
 */
export interface FeatureStateMap extends FeatureStateTarget<number | string> {
	getSource(id: string): unknown;
}

/**
 * Goes from the feature-state `before` (what was set) to `next`: clears the key on the features
 * no longer listed (or all, for undefined next), sets the listed ones whose value changed; other
 * keys stay. Returns what is now set (undefined when the source is not on the map).
 */
export function applyFeatureState(
	map: FeatureStateMap,
	before: FeatureStateValues | undefined,
	next: FeatureStateValues | undefined,
): FeatureStateValues | undefined {
	const same =
		before !== undefined &&
		next !== undefined &&
		next.source === before.source &&
		next.sourceLayer === before.sourceLayer &&
		next.key === before.key;
	if (before && map.getSource(before.source)) {
		const target: { source: string; sourceLayer?: string; id: number | string } = {
			source: before.source,
			sourceLayer: before.sourceLayer,
			id: 0,
		};
		for (const f of before.values.keys()) {
			if (same && next.values.has(f)) continue;
			target.id = f;
			map.removeFeatureState(target, before.key);
		}
	}
	if (!next || !map.getSource(next.source)) return undefined;
	const target: { source: string; sourceLayer?: string; id: number | string } = {
		source: next.source,
		sourceLayer: next.sourceLayer,
		id: 0,
	};
	for (const [f, value] of next.values) {
		if (same && before.values.get(f) === value) continue;
		target.id = f;
		map.setFeatureState(target, { [next.key]: value });
	}
	return next;
}
