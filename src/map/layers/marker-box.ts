/**
 * Circle markers (a route's start and ends, a walkshed's point, a fix, a planned place, an
 * initiative, a report) take no part in MapLibre's collision index: symbols never keep out of
 * circles, so a basemap name (a village's, a street's) could be drawn right under a marker the user
 * just placed. Each marker layer gets an invisible twin: a symbol layer over the same features,
 * with a transparent image of the marker's size, always shown and held in the collision index.
 * It sits just below its circle in the z-order (map/z-order.ts), so it is placed after the symbols
 * above it (MapLibre places the top layer first) and before the basemap's names, which then take a
 * free side or are left out.
 */
import type {
	CircleLayerSpecification,
	DataDrivenPropertyValueSpecification,
	ExpressionSpecification,
	SymbolLayerSpecification,
} from 'maplibre-gl';

/** The transparent image the twins show: 1 × 1 px, scaled to the marker's size. */
export const MARKER_BOX_IMAGE = 'marker-box';

/** The transparent image's pixels (RGBA, all zero), for `map.addImage`. */
export function markerBoxImage(): { width: number; height: number; data: Uint8Array } {
	return { width: 1, height: 1, data: new Uint8Array(4) };
}

/** The id of `circleId`'s twin. */
export function markerBoxId<const Id extends string>(circleId: Id): `${Id}-box` {
	return `${circleId}-box`;
}

type Size = DataDrivenPropertyValueSpecification<number> | undefined;

/**
 * The twin of circle layer `circle`: the same source, source layer, filter and zoom range, and a
 * box as wide as the circle with its stroke (`circle-radius` + `circle-stroke-width`, numbers or
 * expressions of the feature).
 */
export function markerBox(circle: CircleLayerSpecification): SymbolLayerSpecification {
	const radius = circle.paint?.['circle-radius'] ?? 5;
	const stroke = circle.paint?.['circle-stroke-width'] ?? 0;
	return {
		id: markerBoxId(circle.id),
		type: 'symbol',
		source: circle.source,
		...(circle['source-layer'] !== undefined && { 'source-layer': circle['source-layer'] }),
		...(circle.filter !== undefined && { filter: circle.filter }),
		...(circle.minzoom !== undefined && { minzoom: circle.minzoom }),
		...(circle.maxzoom !== undefined && { maxzoom: circle.maxzoom }),
		layout: {
			'icon-image': MARKER_BOX_IMAGE,
			'icon-size': diameter(radius, stroke),
			'icon-padding': 0,
			// always shown, whatever it overlaps; in the collision index for what is placed after
			'icon-allow-overlap': true,
		},
		paint: { 'icon-opacity': 0 },
	};
}

function diameter(radius: Size, stroke: Size): DataDrivenPropertyValueSpecification<number> {
	if (typeof radius === 'number' && typeof stroke === 'number') return 2 * (radius + stroke);
	for (const v of [radius, stroke])
		if (typeof v === 'object' && v !== null && !Array.isArray(v))
			throw new Error('markerBox: a circle size must be a number or an expression');
	return ['*', 2, ['+', radius, stroke]] as ExpressionSpecification;
}
