/**
 * The basemap style as code (protomaps/basemaps style): layers drawing the pipeline's
 * `basemap.pmtiles` (schema in src/contracts/tile-schema.ts) with a {@link Theme}. Typed with
 * @maplibre/maplibre-gl-style-spec and validated with `validateStyleMin` in basemap.test.ts.
 */
import type {
	ExpressionSpecification,
	LayerSpecification,
	StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP_SCHEMA } from '../../contracts/tile-schema.ts';
import { LIGHT, type Theme } from './theme.ts';

/** Source id of the basemap in the style. */
export const BASEMAP_SOURCE = 'basemap';

/** Font stack of basemap labels (the app declares it in the style's `font-faces`). */
export const BASEMAP_FONT = ['Noto Sans Regular'];

const get = (k: string): ExpressionSpecification => ['get', k];
const cls = get('class');

/** Road width in pixels by class at zoom 12 and 16 (interpolated exponentially). */
const ROAD_WIDTH: Record<string, [number, number]> = {
	motorway: [2.5, 12],
	trunk: [2.2, 11],
	primary: [2, 10],
	secondary: [1.8, 9],
	tertiary: [1.5, 8],
	minor: [1, 6],
	service: [0.6, 3.5],
};

function roadWidth(extra = 0): ExpressionSpecification {
	const at = (i: 0 | 1): ExpressionSpecification =>
		[
			'match',
			cls,
			...Object.entries(ROAD_WIDTH).flatMap(([c, w]) => [c, w[i] + extra]),
			1,
		] as unknown as ExpressionSpecification;
	return ['interpolate', ['exponential', 1.6], ['zoom'], 12, at(0), 16, at(1)];
}

/** The basemap's ground (land, water, buildings, ways), bottom first. */
export const BASEMAP_GROUND_LAYER_IDS = [
	'basemap-background',
	'basemap-landuse',
	'basemap-water',
	'basemap-waterways',
	'basemap-buildings',
	'basemap-tracks',
	'basemap-paths',
	'basemap-roads-casing',
	'basemap-roads',
] as const;

/**
 * The basemap's names, bottom first. The app's z-order registry draws them above the areas and
 * lines it lays over the streets (a route, walksheds, fixes), so a street's name stays readable on
 * the route that follows it.
 */
export const BASEMAP_LABEL_LAYER_IDS = ['basemap-road-labels', 'basemap-place-labels'] as const;

/** The ids of the basemap layers, bottom first: the order of {@link basemapLayers}. */
export const BASEMAP_LAYER_IDS = [...BASEMAP_GROUND_LAYER_IDS, ...BASEMAP_LABEL_LAYER_IDS] as const;

/**
 * The basemap's layers for source `source` in `theme`, bottom first.
 * @example map.setStyle({ ...style, layers: [...basemapLayers('basemap', LIGHT), ...overlays] })
 */
export function basemapLayers(
	source: string = BASEMAP_SOURCE,
	theme: Theme = LIGHT,
): LayerSpecification[] {
	const landuseColour = [
		'match',
		cls,
		...BASEMAP_SCHEMA.landuse.flatMap((c) => [c, theme[c]]),
		theme.background,
	] as unknown as ExpressionSpecification;
	const majorMinor: ExpressionSpecification = [
		'match',
		cls,
		['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'minor', 'service'],
		true,
		false,
	];
	return [
		{
			id: 'basemap-background',
			type: 'background',
			paint: { 'background-color': theme.background },
		},
		{
			id: 'basemap-landuse',
			type: 'fill',
			source,
			'source-layer': 'landuse',
			paint: { 'fill-color': landuseColour, 'fill-opacity': 0.9 },
		},
		{
			id: 'basemap-water',
			type: 'fill',
			source,
			'source-layer': 'water',
			paint: { 'fill-color': theme.water },
		},
		{
			id: 'basemap-waterways',
			type: 'line',
			source,
			'source-layer': 'waterways',
			paint: {
				'line-color': theme.waterway,
				'line-width': [
					'interpolate',
					['linear'],
					['zoom'],
					10,
					['match', cls, ['river', 'canal'], 1.5, 0.5],
					16,
					['match', cls, ['river', 'canal'], 6, 2],
				],
			},
		},
		{
			id: 'basemap-buildings',
			type: 'fill',
			source,
			'source-layer': 'buildings',
			minzoom: 13,
			paint: { 'fill-color': theme.building, 'fill-outline-color': theme.buildingOutline },
		},
		{
			id: 'basemap-tracks',
			type: 'line',
			source,
			'source-layer': 'roads',
			filter: ['==', cls, 'track'],
			minzoom: 12,
			paint: {
				'line-color': theme.track,
				'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.5, 16, 2],
				'line-dasharray': [3, 2],
			},
		},
		{
			id: 'basemap-paths',
			type: 'line',
			source,
			'source-layer': 'roads',
			filter: ['==', cls, 'path'],
			minzoom: 13,
			paint: {
				'line-color': theme.path,
				'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.6, 16, 1.8],
				'line-dasharray': [2, 1.5],
			},
		},
		{
			id: 'basemap-roads-casing',
			type: 'line',
			source,
			'source-layer': 'roads',
			filter: majorMinor,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': theme.roadCasing, 'line-width': roadWidth(1.5) },
		},
		{
			id: 'basemap-roads',
			type: 'line',
			source,
			'source-layer': 'roads',
			filter: majorMinor,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': [
					'match',
					cls,
					...(
						['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'minor', 'service'] as const
					).flatMap((c) => [c, theme[c]]),
					theme.minor,
				] as unknown as ExpressionSpecification,
				'line-width': roadWidth(),
			},
		},
		{
			id: 'basemap-road-labels',
			type: 'symbol',
			source,
			'source-layer': 'roads',
			filter: ['has', 'name'],
			minzoom: 14,
			layout: {
				'symbol-placement': 'line',
				'text-field': get('name'),
				'text-font': BASEMAP_FONT,
				'text-size': ['interpolate', ['linear'], ['zoom'], 14, 11, 17, 14],
				'text-max-angle': 30,
			},
			paint: {
				'text-color': theme.roadLabel,
				'text-halo-color': theme.labelHalo,
				'text-halo-width': 1.5,
			},
		},
		{
			id: 'basemap-place-labels',
			type: 'symbol',
			source,
			'source-layer': 'place_labels',
			layout: {
				'text-field': get('name'),
				'text-font': BASEMAP_FONT,
				'text-size': ['match', cls, ['town', 'village'], 15, ['suburb', 'hamlet'], 13, 11.5],
				'symbol-sort-key': ['match', cls, ['town', 'village'], 0, 1],
				// beside its point where the places' icons (or a neighbourhood's name) take the centre:
				// the app's markers cluster on a village's centre, where its name sits
				'text-variable-anchor': ['center', 'bottom', 'top', 'left', 'right'],
				// far enough (1.2 em, 13–18 px) to clear a marker of up to 9 px radius or an icon's
				// half: at 0.6 em every side still touched it, and the name was left out
				'text-radial-offset': 1.2,
				'text-justify': 'auto',
			},
			paint: {
				'text-color': theme.placeLabel,
				'text-halo-color': theme.labelHalo,
				'text-halo-width': 1.5,
			},
		},
	];
}

/** What {@link basemapStyle} needs. */
export interface BasemapStyleOptions {
	/** URL of basemap.pmtiles, e.g. `pmtiles:///tiles/<area id>/basemap.pmtiles`. */
	url: string;
	/** Attribution shown on the map (HTML), e.g. "© OpenStreetMap contributors". */
	attribution: string;
	/** Zoom range of the archive (from the manifest). */
	minzoom: number;
	maxzoom: number;
	/** [west, south, east, north] of the archive (degrees). */
	bounds?: [number, number, number, number];
	/** The style's `font-faces` (fonts bundled with the app). */
	fontFaces?: StyleSpecification['font-faces'];
	/** Optional glyphs URL when fonts are served as PBF ranges instead. */
	glyphs?: string;
	theme?: Theme;
}

/**
 * A complete MapLibre style with only the basemap: the app adds its thematic sources and layers.
 */
export function basemapStyle(o: BasemapStyleOptions): StyleSpecification {
	const style: StyleSpecification = {
		version: 8,
		name: 'Buurtkaart basemap',
		sources: {
			[BASEMAP_SOURCE]: {
				type: 'vector',
				url: o.url,
				attribution: o.attribution,
				minzoom: o.minzoom,
				maxzoom: o.maxzoom,
				...(o.bounds ? { bounds: o.bounds } : {}),
			},
		},
		layers: basemapLayers(BASEMAP_SOURCE, o.theme ?? LIGHT),
	};
	if (o.fontFaces) style['font-faces'] = o.fontFaces;
	if (o.glyphs) style.glyphs = o.glyphs;
	return style;
}
