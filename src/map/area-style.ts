/**
 * The style of an area's map and its icons, shared by the first view (src/map/first-view.ts, which
 * draws the map before the app's own code has arrived) and MapView (which takes that map over, or
 * makes its own). Only what the first view needs is imported here: maplibre-gl's types, the style
 * builders of the basemap, the neighbourhoods and the places, the fonts and the icons. The network
 * layer (hidden on a first visit) is passed in by MapView.
 */
import type {
	LayerSpecification,
	Map as MapLibreMap,
	SourceSpecification,
	StyleSpecification,
} from 'maplibre-gl';
import { CATEGORIES } from '../contracts/taxonomy.ts';
import type { AreaTiles } from '../data/tiles.ts';
import { fontFaces } from './fonts.ts';
import { iconSvg } from './icons.ts';
import { MARKER_BOX_IMAGE, markerBoxImage } from './layers/marker-box.ts';
import { neighbourhoodLayers, NEIGHBOURHOODS_SOURCE } from './layers/neighbourhoods-style.ts';
import { iconImageId, placesLayers, PLACES_SOURCE } from './layers/places-style.ts';
import { BASEMAP_SOURCE, basemapLayers } from './style/basemap.ts';
import { UI_PALETTE } from './style/theme.ts';
import { orderLayers } from './z-order.ts';

export interface AreaStyleOptions {
	/** The places layer's filter (placesFilter). */
	placesFilter: NonNullable<Parameters<typeof placesLayers>[1]>;
	/** The network's source and layers, when it is shown (its archive is opened only then). */
	network?: { id: string; source: SourceSpecification; layers: LayerSpecification[] };
}

/** The whole style of an area's map: basemap, neighbourhoods, the network when shown, places. */
export function areaStyle(area: AreaTiles, options: AreaStyleOptions): StyleSpecification {
	const hoods = area.archives.neighbourhoods;
	const [fill, outline, label, labelCollision] = neighbourhoodLayers(
		hoods.layers.polygons,
		hoods.layers.labels,
	);
	const sources: Record<string, SourceSpecification> = {
		// the neighbourhood id as the features' id: overlays shade neighbourhoods through
		// feature-state (the coverage analysis), without laying the tiles out again
		[NEIGHBOURHOODS_SOURCE]: {
			type: 'vector',
			url: `pmtiles://${hoods.url}`,
			promoteId: { [hoods.layers.polygons]: 'id' },
		},
	};
	const layers: LayerSpecification[] = [];
	const basemap = area.archives.basemap;
	if (basemap) {
		// The area's own basemap, built from the same extract: no outside tile service.
		sources[BASEMAP_SOURCE] = {
			type: 'vector',
			url: `pmtiles://${basemap.url}`,
			minzoom: basemap.minzoom,
			maxzoom: basemap.maxzoom,
		};
		layers.push(...basemapLayers(BASEMAP_SOURCE));
	} else {
		layers.push({
			id: 'background',
			type: 'background',
			paint: { 'background-color': UI_PALETTE.canvas },
		});
	}
	layers.push(fill, outline, label, labelCollision);
	if (options.network) {
		sources[options.network.id] = options.network.source;
		layers.push(...options.network.layers);
	}
	const places = area.archives.places;
	if (places) {
		sources[PLACES_SOURCE] = { type: 'vector', url: `pmtiles://${places.url}` };
		layers.push(...placesLayers(places.layer, options.placesFilter));
	}
	return {
		version: 8,
		'font-faces': fontFaces(),
		sources,
		// The z-order registry decides the order; a layer it does not list throws here.
		layers: orderLayers(layers),
	} as StyleSpecification;
}

/** The area's whole extent with a margin: the map cannot be panned far from it. */
export function areaMaxBounds(area: AreaTiles): [[number, number], [number, number]] {
	const [west, south, east, north] = area.bbox;
	return [
		[west - 0.2, south - 0.1],
		[east + 0.2, north + 0.1],
	];
}

/**
 * Should the whole area fitted on a small screen (a phone's map under its sheet) land below the zoom
 * where the places archive starts, the view would show no place: zooms in to it then. The pipeline
 * starts that archive low enough (z8, scripts/config/tiles.ts) for the whole area to fit a 320 ×
 * 568 phone; only a larger area on a smaller map is zoomed in, and cut.
 */
export function keepPlacesShown(map: MapLibreMap, area: AreaTiles): void {
	const placesFrom = area.archives.places?.minzoom;
	if (placesFrom !== undefined && map.getZoom() < placesFrom) map.setZoom(placesFrom);
}

/** The category of each place icon's image id. */
const CATEGORY_OF_IMAGE = new Map(CATEGORIES.map((c) => [iconImageId(c.id), c]));

/**
 * Rasterises a category's icon (the legend's drawing) into a map image, when a tile first needs
 * it: MapLibre waits for it before laying the tile out (setMissingStyleImageResolver), so the
 * icons are there at the map's first `idle`, and no icon is drawn before a place shows. Also the
 * circle markers' transparent box (layers/marker-box.ts), when a marker is first drawn.
 */
export async function addIcon(target: MapLibreMap, id: string): Promise<void> {
	if (id === MARKER_BOX_IMAGE) {
		// the circle markers' invisible twins (layers/marker-box.ts)
		if (!target.hasImage(id)) target.addImage(id, markerBoxImage());
		return;
	}
	const category = CATEGORY_OF_IMAGE.get(id);
	if (!category) return;
	const pixelRatio = 2;
	const sizePx = 28;
	const image = new Image(sizePx * pixelRatio, sizePx * pixelRatio);
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
		iconSvg(category.icon, category.colour, sizePx * pixelRatio),
	)}`;
	await image.decode();
	if (!target.hasImage(id)) target.addImage(id, image, { pixelRatio });
}
