/**
 * One thematic or basemap archive: layers → tiles → PMTiles bytes + its manifest entry.
 */
import type { Feature } from 'geojson';
import { bboxOf, type Bbox } from './geo.ts';
import { sha256 } from './io.ts';
import { COMPRESSION, TILE_TYPE, writePmtiles } from './pmtiles-writer.ts';
import { MAX_ZOOM_LIMIT } from '../config/tiles.ts';
import {
	cutTiles,
	TileOverflowError,
	type ThinnedZoom,
	type TileLayerInput,
	type TileLimits,
} from './tiler.ts';

/** MVT field types as in TileJSON `vector_layers`. */
export type FieldType = 'String' | 'Number' | 'Boolean';

/** A layer as described in the manifest and in the archive's `vector_layers` metadata. */
export interface LayerEntry {
	id: string;
	geometry: 'point' | 'line' | 'polygon';
	minzoom: number;
	maxzoom: number;
	/** Features in the source (before tiling). */
	features: number;
	/** The most features of this layer in one tile. */
	maxFeaturesInTile: number;
	fields: Record<string, FieldType>;
	/**
	 * Features per value of the layer's `countBy` property (e.g. network points per `kind`), values
	 * in sorted order; absent when the layer counts by none.
	 */
	counts?: Record<string, number>;
}

/** Features per value of `key` (a missing value counts as ''), keys sorted. */
function countsBy(features: TileLayerInput['features'], key: string): Record<string, number> {
	const counts = new Map<string, number>();
	for (const f of features) {
		const v = String(f.properties?.[key] ?? '');
		counts.set(v, (counts.get(v) ?? 0) + 1);
	}
	return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** An archive as listed in the manifest. Sizes in bytes, bounds in degrees. */
export interface ArchiveEntry {
	/** File name next to the manifest, e.g. `neighbourhoods.pmtiles`. */
	file: string;
	bytes: number;
	sha256: string;
	minzoom: number;
	maxzoom: number;
	bounds: Bbox;
	center: [number, number, number];
	layers: LayerEntry[];
	tiles: {
		addressed: number;
		contents: number;
		largestTile: string;
		largestTileBytes: number;
		largestTileGzipBytes: number;
		mostFeaturesTile: string;
		mostFeatures: number;
		/**
		 * Zooms whose tiles over the limits were thinned (least important features left out below
		 * each layer's last zoom; scripts/lib/tiler.ts); empty when every tile holds every feature.
		 */
		thinned: ThinnedZoom[];
	};
	/** Size of the same layers written as plain GeoJSON, for comparison. */
	geojsonBytes: number;
}

function geometryKind(features: Feature[]): LayerEntry['geometry'] {
	const t = features[0]?.geometry?.type ?? 'Point';
	if (t.includes('Polygon')) return 'polygon';
	if (t.includes('LineString')) return 'line';
	return 'point';
}

function fieldsOf(features: Feature[]): Record<string, FieldType> {
	const fields: Record<string, FieldType> = {};
	for (const f of features) {
		for (const [k, v] of Object.entries(f.properties ?? {})) {
			if (v === null || v === undefined) continue;
			fields[k] = typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String';
		}
	}
	return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Builds one PMTiles archive from layers.
 * @param bounds the area's bbox: tiles covering it are cut; header bounds are the data's own bbox
 *   intersected with nothing (so the app can fit to them)
 * @param options.limits tile limits (default the project's, scripts/lib/tiler.ts)
 */
export function buildArchive(
	name: string,
	inputLayers: TileLayerInput[],
	areaBounds: Bbox,
	attribution: string,
	description: string,
	options: { limits?: TileLimits } = {},
): { buffer: Buffer; entry: ArchiveEntry } {
	const minZoom = Math.min(...inputLayers.map((l) => l.minZoom));
	const all = inputLayers.flatMap((l) => l.features);
	const bounds = all.length > 0 ? bboxOf(all) : areaBounds;
	// A tile over the limits at the last zoom of its layers (a city denser than the configured
	// zooms allow) gets those layers one zoom more, up to MAX_ZOOM_LIMIT: the zoom before can then
	// be thinned and the new last zoom holds every feature.
	let layers = inputLayers;
	let maxZoom = Math.max(...layers.map((l) => l.maxZoom));
	let cut: ReturnType<typeof cutTiles>;
	for (;;) {
		try {
			cut = cutTiles(layers, bounds, minZoom, maxZoom, { limits: options.limits });
			break;
		} catch (e) {
			if (!(e instanceof TileOverflowError)) throw e;
			const raise = new Set(
				layers
					.filter(
						(l) =>
							e.wholeLayers.includes(l.name) &&
							l.maxZoom === e.z &&
							!l.thin?.never &&
							l.maxZoom < MAX_ZOOM_LIMIT,
					)
					.map((l) => l.name),
			);
			if (raise.size === 0)
				throw new Error(`${name}: ${e.message} (max zoom ${MAX_ZOOM_LIMIT} at most)`, { cause: e });
			layers = layers.map((l) => (raise.has(l.name) ? { ...l, maxZoom: l.maxZoom + 1 } : l));
			maxZoom = Math.max(...layers.map((l) => l.maxZoom));
		}
	}
	const { tiles, stats } = cut;
	const center: [number, number, number] = [
		Math.round(((bounds[0] + bounds[2]) / 2) * 1e7) / 1e7,
		Math.round(((bounds[1] + bounds[3]) / 2) * 1e7) / 1e7,
		Math.max(minZoom, Math.min(maxZoom, 12)),
	];
	const layerEntries: LayerEntry[] = layers.map((l) => ({
		id: l.name,
		geometry: geometryKind(l.features),
		minzoom: l.minZoom,
		maxzoom: l.maxZoom,
		features: l.features.length,
		maxFeaturesInTile: stats.layers[l.name]?.maxFeaturesInTile ?? 0,
		fields: fieldsOf(l.features),
		...(l.countBy ? { counts: countsBy(l.features, l.countBy) } : {}),
	}));
	const metadata = {
		name,
		description,
		attribution,
		type: 'overlay',
		format: 'pbf',
		vector_layers: layerEntries.map((l) => ({
			id: l.id,
			minzoom: l.minzoom,
			maxzoom: l.maxzoom,
			fields: l.fields,
		})),
	};
	const { buffer, stats: pm } = writePmtiles(
		tiles,
		{
			minZoom,
			maxZoom,
			bounds,
			center,
			tileCompression: COMPRESSION.gzip,
			tileType: TILE_TYPE.mvt,
		},
		metadata,
	);
	const lt = stats.largestTile;
	const mf = stats.mostFeatures;
	const geojsonBytes = layers.reduce(
		(s, l) =>
			s + Buffer.byteLength(JSON.stringify({ type: 'FeatureCollection', features: l.features })),
		0,
	);
	return {
		buffer,
		entry: {
			file: `${name}.pmtiles`,
			bytes: buffer.length,
			sha256: sha256(buffer),
			minzoom: minZoom,
			maxzoom: maxZoom,
			bounds,
			center,
			layers: layerEntries,
			tiles: {
				addressed: pm.addressedTiles,
				contents: pm.tileContents,
				largestTile: `${lt.z}/${lt.x}/${lt.y}`,
				largestTileBytes: lt.bytes,
				largestTileGzipBytes: lt.gzipBytes,
				mostFeaturesTile: `${mf.z}/${mf.x}/${mf.y}`,
				mostFeatures: mf.features,
				thinned: stats.thinned,
			},
			geojsonBytes,
		},
	};
}
