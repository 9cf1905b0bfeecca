/**
 * Zoom ranges and simplification of every tile layer the pipeline writes. A layer is cut from its
 * `minZoom` to its `maxZoom`; viewers overzoom beyond the archive's max zoom (at z13 a tile unit is
 * ≈ 0.75 m in Flanders, finer than OSM's own accuracy for these features). Dense layers start at a
 * higher zoom (buildings z13, paths z13) so no tile exceeds the limits in scripts/lib/tiler.ts.
 * `tolerance` is geojson-vt's Douglas–Peucker tolerance in tile units (of 4096). Where a denser area
 * than these zooms were chosen for still overfills a tile, the tiler thins that tile below the
 * layer's max zoom by the `thin` ranking; every feature is in the tiles of its layer's max zoom.
 */
import type { ThinRule } from '../lib/tiler.ts';

export interface LayerZooms {
	minZoom: number;
	maxZoom: number;
	tolerance?: number;
	/**
	 * How a tile over the limits ranks this layer's features below its max zoom (the least important
	 * are left out of that tile; scripts/lib/tiler.ts): by a class order, then by size (area, length,
	 * or for points the distance to the nearest more important point). Absent: by size only.
	 */
	thin?: ThinRule;
	/** A property whose values the manifest counts the layer's features by (`counts`). */
	countBy?: string;
}

/**
 * Highest zoom a layer's max zoom may be raised to when a tile at its configured last zoom is over
 * the limits (a city denser than these zooms were chosen for): the archive then gets one zoom more,
 * the zoom before is thinned, and the new last zoom holds every feature. z15 tiles are ≈ 0.8 km
 * wide in Flanders.
 */
export const MAX_ZOOM_LIMIT = 15;

/** First zoom of each road class in the basemap's `roads` layer. */
export const ROAD_MIN_ZOOM: Readonly<Record<string, number>> = {
	motorway: 8,
	trunk: 8,
	primary: 8,
	secondary: 9,
	tertiary: 10,
	minor: 11,
	service: 12,
	track: 12,
	path: 13,
};

/** Road classes from the most to the least important (the order of their first zoom above). */
const ROAD_CLASSES = Object.keys(ROAD_MIN_ZOOM);

export const TILE_LAYERS = {
	neighbourhoods: {
		neighbourhoods: { minZoom: 6, maxZoom: 12, tolerance: 2, thin: { never: true } },
		neighbourhood_labels: { minZoom: 6, maxZoom: 12 },
	},
	places: {
		// from z8, as the basemap: the whole area fitted on a small phone's map (320 × 568, under its
		// header and sheet) lands near z9.5, and below the archive's first zoom no place would show
		// (src/map/area-style.ts keepPlacesShown would zoom in and cut the area instead)
		places: { minZoom: 8, maxZoom: 12 },
	},
	network: {
		footways: { minZoom: 12, maxZoom: 13, tolerance: 1 },
		// the manifest counts the points per kind (the planners' layer switches show them)
		network_points: { minZoom: 13, maxZoom: 13, countBy: 'kind' },
	},
	basemap: {
		landuse: { minZoom: 8, maxZoom: 13, tolerance: 4 },
		water: { minZoom: 8, maxZoom: 13, tolerance: 3 },
		waterways: {
			minZoom: 10,
			maxZoom: 13,
			thin: { by: { property: 'class', order: ['river', 'canal', 'stream', 'ditch'] } },
		},
		buildings: { minZoom: 13, maxZoom: 13, tolerance: 2 },
		roads: { minZoom: 8, maxZoom: 13, thin: { by: { property: 'class', order: ROAD_CLASSES } } },
		place_labels: {
			minZoom: 8,
			maxZoom: 13,
			thin: {
				by: {
					property: 'class',
					order: ['town', 'village', 'suburb', 'hamlet', 'neighbourhood', 'locality'],
				},
			},
		},
	},
} as const satisfies Record<string, Record<string, LayerZooms>>;
