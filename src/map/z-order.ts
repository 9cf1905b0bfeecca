/**
 * Every map layer id in draw order, bottom first (a-b-street/ltn's z-order registry). Adding a
 * layer means adding its id here; `placeLayer` throws for an id that is not listed, so no layer is
 * drawn in an accidental place.
 */
import { BASEMAP_GROUND_LAYER_IDS, BASEMAP_LABEL_LAYER_IDS } from './style/basemap.ts';

export const Z_ORDER = [
	'background',
	...BASEMAP_GROUND_LAYER_IDS,
	'neighbourhoods-fill',
	'coverage-neighbourhoods',
	// a published analysis's stored overlay (analysis_cells), in place of the address points
	'coverage-stored-cells',
	'coverage-edge',
	'completeness-fill',
	'neighbourhoods-outline',
	'network-unknown',
	'network-known',
	'rest-gap',
	// each profile's reached stretches (one GeoJSON source), walking widest and lowest
	'walkshed-walking',
	'walkshed-rollator',
	'walkshed-wheelchair',
	'planner-walking',
	'planner-route',
	'planner-avoided',
	'fixes-line',
	'coverage-origins',
	'route-casing',
	'route-line',
	'route-unknown',
	// the basemap's names above the areas and lines the app draws over the streets: the name of
	// the street a route, a walkshed or a fix follows stays readable on it (as on any road map)
	...BASEMAP_LABEL_LAYER_IDS,
	// the neighbourhoods' names' boxes, invisible: the basemap's place names keep out of them
	// (neighbourhoods-style). Just above those names, so placed before them (MapLibre places the
	// top layer first)
	'neighbourhoods-label-collision',
	// barriers, kerbs, crossings and lifts: points a planner looks for, never under a name
	'network-points',
	'origin-point-box',
	'origin-point',
	'places-selected-box',
	'places-selected',
	// the curated initiatives' dots' twin below their names, so that a name never collides with its
	// own dot (placed after it: MapLibre places the top layer first)
	'curated-point-box',
	// the curated initiatives' names below the OSM places' icons: placed after them, so a name
	// takes a side where no icon is
	'curated-label',
	'places-icon',
	// curated initiatives: few, and what OSM lacks, so above OSM's places
	'curated-point',
	// the points a planner picked (a route's A and B, a walkshed's start): above the places' icons,
	// which hid a route's end picked at a bus stop. Each circle marker's invisible twin just below
	// it, in the collision index (marker-box.ts)
	'planner-points-box',
	'planner-points',
	'planner-points-label',
	// the neighbourhoods' names (and their completeness share) above the places' and initiatives'
	// markers, which covered them at the first view: readable on their halo, hiding no marker
	'neighbourhoods-label',
	'completeness-label',
	// the top fixes, the subject of their mode: above the places' icons, which hid their ranks where
	// fixes cluster in a village's centre, and above the neighbourhoods' names, whose text ran
	// across the rank "1" in a village's centre (as the reports below, the subject is on top)
	'fixes-point-box',
	'fixes-point',
	'fixes-label',
	// barrier reports, shown only while they are triaged: the subject then, so above the places
	'reports-line',
	'reports-point-box',
	'reports-point',
	// planned places and "where next" suggestions: one layer (the origins' shader program)
	'coverage-marks-circle-box',
	'coverage-marks-circle',
	'coverage-marks-label',
	// the report being written: on top, so the picked point is never hidden under a place
	'report-draft-line',
	'report-draft-point-box',
	'report-draft-point',
	// a refused report's location being corrected ("Mijn meldingen", Aanpassen)
	'report-edit-line',
	'report-edit-point-box',
	'report-edit-point',
] as const;

export type LayerId = (typeof Z_ORDER)[number];

/** The position of `id` in the registry; throws for an id that is not listed. */
export function zIndexOf(id: string): number {
	const index = (Z_ORDER as readonly string[]).indexOf(id);
	if (index < 0) throw new Error(`Layer "${id}" is not in map/z-order.ts`);
	return index;
}

/** The ids of the layers a style has. */
export function layerIdsOf(style: { layers?: readonly { id: string }[] }): ReadonlySet<string> {
	return new Set((style.layers ?? []).map((l) => l.id));
}

/**
 * Layers in registry order, bottom first: the order of a style's `layers` array. Throws for a
 * layer whose id is not listed.
 */
export function orderLayers<L extends { id: string }>(layers: readonly L[]): L[] {
	return [...layers].sort((a, b) => zIndexOf(a.id) - zIndexOf(b.id));
}

/**
 * The id of the first layer above `id` that is already on the map, to pass as MapLibre's
 * `beforeId`, or undefined when nothing listed above it is present.
 */
export function beforeIdFor(id: string, presentIds: ReadonlySet<string>): string | undefined {
	return Z_ORDER.slice(zIndexOf(id) + 1).find((above) => presentIds.has(above));
}
