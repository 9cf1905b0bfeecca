/**
 * The places overlay: one symbol per place, its category's icon (map/icons.ts, the same drawing as
 * the legend), filtered by the legend's choice. Pure builders, validated in unit tests.
 */
import type {
	CircleLayerSpecification,
	FilterSpecification,
	SymbolLayerSpecification,
} from 'maplibre-gl';
import { CATEGORIES } from '../../contracts/taxonomy.ts';
import { LABEL_FONT } from './neighbourhoods-style.ts';
import { markerBox } from './marker-box.ts';

export const PLACES_SOURCE = 'places';

/** The categories shown when the link does not say: all but public-space furniture. */
export const DEFAULT_VISIBLE: readonly string[] = CATEGORIES.filter(
	(c) => c.group !== 'public_space',
).map((c) => c.id);

/** The map image name of a category's icon. */
export function iconImageId(categoryId: string): string {
	return `category-${categoryId}`;
}

/**
 * The filter for the places to show: primary category among `visible`, or, when a kind of help
 * was chosen, every place of it, first category or another (a bus stop with a bench for the
 * benches; the lists count those too); and only wheelchair-accessible places when asked. A
 * place's `categories` are its category ids joined by commas.
 */
export function placesFilter(
	visible: ReadonlySet<string>,
	categoryId: string | undefined,
	onlyWheelchair: boolean,
): FilterSpecification {
	const byCategory: FilterSpecification = categoryId
		? ['in', `,${categoryId},`, ['concat', ',', ['get', 'categories'], ',']]
		: ['in', ['get', 'category'], ['literal', [...visible].sort()]];
	if (!onlyWheelchair) return byCategory;
	return ['all', byCategory, ['in', ['get', 'wheelchair'], ['literal', ['yes', 'designated']]]];
}

export function placesLayers(
	sourceLayer: string,
	filter: FilterSpecification,
): [CircleLayerSpecification, SymbolLayerSpecification, SymbolLayerSpecification] {
	// the ring around the chosen place is wider than its icon: its invisible twin keeps the basemap's
	// names out of it too (marker-box.ts); the map sets both filters to the chosen place
	const selected: CircleLayerSpecification = {
		id: 'places-selected',
		type: 'circle',
		source: PLACES_SOURCE,
		'source-layer': sourceLayer,
		filter: ['==', ['get', 'id'], ''],
		paint: {
			'circle-radius': 20,
			'circle-color': '#f6c445',
			'circle-opacity': 0.9,
			'circle-stroke-color': '#0d2a35',
			'circle-stroke-width': 2,
		},
	};
	return [
		selected,
		{
			id: 'places-icon',
			type: 'symbol',
			source: PLACES_SOURCE,
			'source-layer': sourceLayer,
			filter,
			layout: {
				'icon-image': ['concat', 'category-', ['get', 'category']],
				'icon-size': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 15, 1],
				// Every place shows, at every zoom, its icon over the ones it overlaps (sort key below).
				// The icons are in the collision index (no icon-ignore-placement): MapLibre places
				// symbols from the top layer down, so every label below them in the z-order (the
				// curated initiatives' names, the basemap's village and street names) takes a side
				// where no icon is, or is left out, instead of being drawn under one. The
				// neighbourhoods' names above the icons ignore placement, so they hide none.
				'icon-allow-overlap': true,
				'symbol-sort-key': [
					'match',
					['get', 'category'],
					...CATEGORIES.flatMap((c, i) => [c.id, i]),
					99,
				] as never,
				'text-field': ['step', ['zoom'], '', 15, ['coalesce', ['get', 'name'], '']],
				'text-font': LABEL_FONT,
				'text-size': 12,
				'text-offset': [0, 1.3],
				'text-anchor': 'top',
				'text-optional': true,
			},
			paint: { 'text-color': '#1b1f23', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
		},
		markerBox(selected),
	];
}
