/**
 * The route to a chosen place and the resident's starting point. Stretches whose accessibility
 * for the profile is unknown are dashed, so the map never claims more certainty than the data.
 */
import type { FeatureCollection, LineString, Point } from 'geojson';
import type {
	CircleLayerSpecification,
	LineLayerSpecification,
	SymbolLayerSpecification,
} from 'maplibre-gl';
import type { Route } from '../../analysis/route.ts';
import { markerBox } from './marker-box.ts';

export const ROUTE_SOURCE = 'route';

/** The route as GeoJSON: the whole line, each unknown stretch, and the start point. */
export function routeGeoJson(
	route: Route | undefined,
	origin: [number, number] | undefined,
): FeatureCollection<LineString | Point> {
	const features: FeatureCollection<LineString | Point>['features'] = [];
	if (route && route.coordinates.length >= 2) {
		features.push({
			type: 'Feature',
			properties: { role: 'line' },
			geometry: { type: 'LineString', coordinates: route.coordinates },
		});
		for (const segment of route.segments) {
			if (segment.status !== 'unknown' || segment.coordinates.length < 2) continue;
			features.push({
				type: 'Feature',
				properties: { role: 'unknown' },
				geometry: { type: 'LineString', coordinates: segment.coordinates },
			});
		}
	}
	if (origin) {
		features.push({
			type: 'Feature',
			properties: { role: 'origin' },
			geometry: { type: 'Point', coordinates: origin },
		});
	}
	return { type: 'FeatureCollection', features };
}

export function routeLayers(): [
	LineLayerSpecification,
	LineLayerSpecification,
	LineLayerSpecification,
	CircleLayerSpecification,
	SymbolLayerSpecification,
] {
	const origin: CircleLayerSpecification = {
		id: 'origin-point',
		type: 'circle',
		source: ROUTE_SOURCE,
		filter: ['==', ['get', 'role'], 'origin'],
		paint: {
			'circle-radius': 8,
			'circle-color': '#1a5fb4',
			'circle-stroke-color': '#ffffff',
			'circle-stroke-width': 3,
		},
	};
	return [
		{
			id: 'route-casing',
			type: 'line',
			source: ROUTE_SOURCE,
			filter: ['==', ['get', 'role'], 'line'],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': '#ffffff', 'line-width': 9 },
		},
		{
			id: 'route-line',
			type: 'line',
			source: ROUTE_SOURCE,
			filter: ['==', ['get', 'role'], 'line'],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': '#1a5fb4', 'line-width': 5 },
		},
		{
			id: 'route-unknown',
			type: 'line',
			source: ROUTE_SOURCE,
			filter: ['==', ['get', 'role'], 'unknown'],
			paint: { 'line-color': '#f6c445', 'line-width': 3, 'line-dasharray': [1, 1.5] },
		},
		origin,
		markerBox(origin),
	];
}
