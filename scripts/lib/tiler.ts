/**
 * Cuts GeoJSON layers into Mapbox Vector Tiles (MVT v2) with @maplibre/geojson-vt, encodes them with
 * @maplibre/vt-pbf and gzips them, ready for {@link writePmtiles}. Every tile is checked against the
 * limits (≤ 500 KB encoded, ≤ 20,000 features): a layer that would exceed them must start at a higher
 * zoom, so the pipeline fails loudly instead of writing a tile that phones cannot draw.
 */
import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Geometry } from 'geojson';
import type { TileInput } from './pmtiles-writer.ts';

/** Largest encoded (uncompressed) tile allowed, in bytes. */
export const MAX_TILE_BYTES = 500 * 1024;
/** Most features allowed in one tile, all layers together. */
export const MAX_TILE_FEATURES = 20_000;
/** Tile extent in tile units (MVT default). */
export const TILE_EXTENT = 4096;

/** One vector-tile layer to cut. */
export interface TileLayerInput {
	/** Layer name inside the tiles (e.g. `neighbourhoods`). */
	name: string;
	/** Features in WGS84; properties must be strings, numbers or booleans. */
	features: Feature<Geometry, Record<string, string | number | boolean>>[];
	/** First zoom that carries this layer. */
	minZoom: number;
	/** Last zoom that carries it (viewers overzoom beyond it). */
	maxZoom: number;
	/** Douglas–Peucker tolerance in tile units at each zoom (geojson-vt default 3). */
	tolerance?: number;
	/**
	 * Per-feature first zoom (≥ the layer's): e.g. minor roads from z11, paths from z13. Features are
	 * grouped by it, each group with its own index, and the groups are merged per tile.
	 */
	featureMinZoom?: (f: TileLayerInput['features'][number]) => number;
}

/** What cutting produced, for the manifest and the benchmark. Sizes in bytes. */
export interface TileCutStats {
	tileCount: number;
	largestTile: { z: number; x: number; y: number; bytes: number; gzipBytes: number };
	mostFeatures: { z: number; x: number; y: number; features: number };
	/** Per layer: features in the source, and the most features of it in one tile. */
	layers: Record<string, { sourceFeatures: number; maxFeaturesInTile: number }>;
}

/** Tile x/y range covering a lon/lat box at zoom z (inclusive). */
export function tileRange(
	bounds: [number, number, number, number],
	z: number,
): { minX: number; maxX: number; minY: number; maxY: number } {
	const n = 2 ** z;
	const x = (lng: number) => Math.min(n - 1, Math.max(0, Math.floor(((lng + 180) / 360) * n)));
	const y = (lat: number) => {
		const r = (lat * Math.PI) / 180;
		const v = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n;
		return Math.min(n - 1, Math.max(0, Math.floor(v)));
	};
	const [w, s, e, nn] = bounds;
	return { minX: x(w), maxX: x(e), minY: y(nn), maxY: y(s) };
}

/**
 * Cuts all layers into tiles for every zoom in `minZoom..maxZoom` over `bounds`.
 *
 * @param bounds [west, south, east, north] in degrees: the tiles covering it are visited
 * @returns gzipped tiles (empty tiles left out) and statistics
 * @throws when a tile exceeds {@link MAX_TILE_BYTES} or {@link MAX_TILE_FEATURES}
 */
export function cutTiles(
	layers: TileLayerInput[],
	bounds: [number, number, number, number],
	minZoom: number,
	maxZoom: number,
): { tiles: TileInput[]; stats: TileCutStats } {
	const names = new Set<string>();
	for (const l of layers) {
		if (names.has(l.name)) throw new Error(`duplicate tile layer name "${l.name}"`);
		names.add(l.name);
		if (l.minZoom < minZoom || l.maxZoom > maxZoom || l.minZoom > l.maxZoom) {
			throw new Error(
				`layer "${l.name}" zooms ${l.minZoom}..${l.maxZoom} must lie within ${minZoom}..${maxZoom}`,
			);
		}
	}
	const indexes = layers.map((l) => {
		const groups = new Map<number, TileLayerInput['features']>();
		for (const f of l.features) {
			const z = Math.max(l.minZoom, l.featureMinZoom ? l.featureMinZoom(f) : l.minZoom);
			const g = groups.get(z);
			if (g) g.push(f);
			else groups.set(z, [f]);
		}
		return {
			layer: l,
			groups: [...groups.entries()]
				.sort(([a], [b]) => a - b)
				.map(([minZ, features]) => ({
					minZ,
					index: new GeoJSONVT(
						{ type: 'FeatureCollection', features },
						{
							maxZoom: l.maxZoom,
							indexMaxZoom: Math.min(5, l.maxZoom),
							tolerance: l.tolerance ?? 3,
							extent: TILE_EXTENT,
							buffer: 64,
						},
					),
				})),
		};
	});

	const stats: TileCutStats = {
		tileCount: 0,
		largestTile: { z: 0, x: 0, y: 0, bytes: 0, gzipBytes: 0 },
		mostFeatures: { z: 0, x: 0, y: 0, features: 0 },
		layers: Object.fromEntries(
			layers.map((l) => [l.name, { sourceFeatures: l.features.length, maxFeaturesInTile: 0 }]),
		),
	};
	const tiles: TileInput[] = [];
	for (let z = minZoom; z <= maxZoom; z++) {
		const { minX, maxX, minY, maxY } = tileRange(bounds, z);
		for (let x = minX; x <= maxX; x++) {
			for (let y = minY; y <= maxY; y++) {
				const tileLayers: Record<string, GeoJSONVTTile> = {};
				let featureCount = 0;
				for (const { layer, groups } of indexes) {
					if (z < layer.minZoom || z > layer.maxZoom) continue;
					const features: GeoJSONVTTile['features'] = [];
					for (const { minZ, index } of groups) {
						if (z < minZ) continue;
						const tile = index.getTile(z, x, y);
						if (tile) for (const f of tile.features) features.push(f);
					}
					if (features.length === 0) continue;
					tileLayers[layer.name] = { features } as GeoJSONVTTile;
					featureCount += features.length;
					const ls = stats.layers[layer.name];
					if (ls) ls.maxFeaturesInTile = Math.max(ls.maxFeaturesInTile, features.length);
				}
				if (featureCount === 0) continue;
				if (featureCount > MAX_TILE_FEATURES) {
					throw new Error(
						`tile ${z}/${x}/${y} has ${featureCount} features (limit ${MAX_TILE_FEATURES}); raise the minimum zoom of its densest layer`,
					);
				}
				const raw = fromGeojsonVt(tileLayers, { version: 2, extent: TILE_EXTENT });
				if (raw.length > MAX_TILE_BYTES) {
					throw new Error(
						`tile ${z}/${x}/${y} is ${raw.length} bytes (limit ${MAX_TILE_BYTES}); raise the minimum zoom of its largest layer`,
					);
				}
				const data = gzipSync(raw, { level: 9 });
				tiles.push({ z, x, y, data });
				stats.tileCount++;
				if (raw.length > stats.largestTile.bytes) {
					stats.largestTile = { z, x, y, bytes: raw.length, gzipBytes: data.length };
				}
				if (featureCount > stats.mostFeatures.features) {
					stats.mostFeatures = { z, x, y, features: featureCount };
				}
			}
		}
	}
	return { tiles, stats };
}
