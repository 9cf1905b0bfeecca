/**
 * The curated places (local and informal initiatives that coordinators add) as a map overlay: a
 * ringed dot in their first category's colour with their name beside it, above OSM's places.
 */
import type {
	CircleLayerSpecification,
	ExpressionSpecification,
	SymbolLayerSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Point } from 'geojson';
import { CATEGORIES } from '../../contracts/taxonomy.ts';
import { markerBox } from './marker-box.ts';
import { LABEL_FONT } from './neighbourhoods-style.ts';

export const CURATED_SOURCE = 'curated';

export interface CuratedProps {
	id: string;
	name: string;
	category: string;
}

/** The places as GeoJSON for the overlay. */
export function curatedGeoJson(
	places: readonly { id: string; name?: string; categoryIds: string[]; lngLat: [number, number] }[],
): FeatureCollection<Point, CuratedProps> {
	return {
		type: 'FeatureCollection',
		features: places.map((p) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: p.lngLat },
			properties: { id: p.id, name: p.name ?? '', category: p.categoryIds[0] ?? '' },
		})),
	};
}

const colourByCategory = [
	'match',
	['get', 'category'],
	...CATEGORIES.flatMap((c) => [c.id, c.colour]),
	'#4d5656',
] as unknown as ExpressionSpecification;

export function curatedLayers(): [
	CircleLayerSpecification,
	SymbolLayerSpecification,
	SymbolLayerSpecification,
] {
	const point: CircleLayerSpecification = {
		id: 'curated-point',
		type: 'circle',
		source: CURATED_SOURCE,
		paint: {
			'circle-radius': 8,
			'circle-color': colourByCategory,
			'circle-stroke-color': '#ffffff',
			'circle-stroke-width': 3,
		},
	};
	return [
		point,
		{
			id: 'curated-label',
			type: 'symbol',
			source: CURATED_SOURCE,
			minzoom: 13,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': LABEL_FONT,
				'text-size': 12,
				// beside the dot rather than under it (where the OSM place it adds to often has its
				// icon), on whichever side collides with no other label
				'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
				'text-radial-offset': 1.1,
				'text-justify': 'auto',
				'text-optional': true,
			},
			paint: { 'text-color': '#1f1f1f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
		},
		markerBox(point),
	];
}
