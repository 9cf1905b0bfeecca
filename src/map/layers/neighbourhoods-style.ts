/**
 * Paint and layout of the neighbourhoods overlay, as pure builders (svelte-maplibre's
 * expressions.ts idea) so they can be validated in unit tests without a map.
 */
import type {
	FillLayerSpecification,
	LineLayerSpecification,
	SymbolLayerSpecification,
} from 'maplibre-gl';

export const NEIGHBOURHOODS_SOURCE = 'neighbourhoods';

/** Population classes (residents per neighbourhood) and their fill colours, light to dark. */
export const POPULATION_CLASSES: readonly { minResidents: number; colour: string }[] = [
	{ minResidents: 0, colour: '#e8f1ee' },
	{ minResidents: 1000, colour: '#c6ddd6' },
	{ minResidents: 3000, colour: '#98c3b6' },
	{ minResidents: 5000, colour: '#6aa596' },
];

/** Font stack for labels; the style's `font-faces` maps it to the bundled Noto Sans files. */
export const LABEL_FONT = ['Noto Sans Regular'];

export function neighbourhoodLayers(
	sourceLayer: string,
	labelSourceLayer: string,
): [
	FillLayerSpecification,
	LineLayerSpecification,
	SymbolLayerSpecification,
	SymbolLayerSpecification,
] {
	const steps: (string | number)[] = [];
	POPULATION_CLASSES.forEach((c, i) => {
		if (i === 0) steps.push(c.colour);
		else steps.push(c.minResidents, c.colour);
	});
	return [
		{
			id: 'neighbourhoods-fill',
			type: 'fill',
			source: NEIGHBOURHOODS_SOURCE,
			'source-layer': sourceLayer,
			paint: {
				'fill-color': ['step', ['coalesce', ['get', 'population'], 0], ...steps] as never,
				'fill-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.45, 14, 0.15],
			},
		},
		{
			id: 'neighbourhoods-outline',
			type: 'line',
			source: NEIGHBOURHOODS_SOURCE,
			'source-layer': sourceLayer,
			paint: {
				'line-color': '#1d4e5f',
				'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1, 15, 3],
			},
		},
		{
			id: 'neighbourhoods-label',
			type: 'symbol',
			source: NEIGHBOURHOODS_SOURCE,
			'source-layer': labelSourceLayer,
			layout: {
				...nameLayout,
				// the OSM places' icons (in the collision index) never hide a neighbourhood's name
				'text-allow-overlap': true,
				// drawn above the places' icons (z-order.ts) and so placed before them: the names keep
				// out of the collision index, where they would hide the icons they overlap
				'text-ignore-placement': true,
			},
			paint: { 'text-color': '#123240', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
		},
		{
			// The names once more, invisible, where they were drawn before (below the places): their
			// boxes enter the collision index after the places' icons (overlapping them: they hide
			// none) and before the basemap's own place names, which then keep out of the
			// neighbourhoods' names instead of being drawn across them.
			id: 'neighbourhoods-label-collision',
			type: 'symbol',
			source: NEIGHBOURHOODS_SOURCE,
			'source-layer': labelSourceLayer,
			layout: { ...nameLayout, 'text-allow-overlap': true },
			paint: { 'text-opacity': 0 },
		},
	];
}

/** The neighbourhoods' names, as drawn and as held in the collision index. */
const nameLayout = {
	'text-field': ['get', 'name'],
	'text-font': LABEL_FONT,
	'text-size': ['interpolate', ['linear'], ['zoom'], 10, 12, 15, 18],
	'text-max-width': 8,
} satisfies SymbolLayerSpecification['layout'];
