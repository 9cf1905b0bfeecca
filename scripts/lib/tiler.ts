/**
 * Cuts GeoJSON layers into Mapbox Vector Tiles (MVT v2) with @maplibre/geojson-vt, encodes them with
 * @maplibre/vt-pbf and gzips them, ready for {@link writePmtiles}. Every tile stays within the limits
 * (≤ 500 KB encoded, ≤ 20,000 features), so phones can draw it.
 *
 * A tile over the limits below a layer's last zoom is thinned, as tippecanoe's
 * `--drop-densest-as-needed` / `--drop-smallest-as-needed` do: its least important features are left
 * out of that tile, the fewest that bring it within the limits. Importance is ranked once per layer
 * (see {@link layerRanks}): first by a class order given as data (`thin.by` in
 * scripts/config/tiles.ts, e.g. motorway before path), then by size — area for polygons, length for
 * lines, and for points the distance to the nearest more important point, so the densest points go
 * first. At a layer's last zoom nothing is dropped: every feature is there, and a tile that still
 * exceeds the limits stops the build with a message naming the tile and the layers.
 */
import { gzipSync } from 'node:zlib';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Geometry } from 'geojson';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { distanceM, lineLengthM, mercatorX, mercatorY } from '../../src/analysis/geo.ts';
import { eachPosition } from './crs.ts';
import { areaM2 } from './geo.ts';
import type { TileInput } from './pmtiles-writer.ts';

/**
 * Largest encoded (uncompressed) tile allowed, in bytes: 500 KB as tippecanoe counts it
 * (`--maximum-tile-bytes`, default 500000), not 500 KiB.
 */
export const MAX_TILE_BYTES = 500_000;
/** Most features allowed in one tile, all layers together. */
export const MAX_TILE_FEATURES = 20_000;
/** Tile extent in tile units (MVT default). */
export const TILE_EXTENT = 4096;

/** The limits every tile must keep: bytes encoded (before gzip) and features, all layers together. */
export interface TileLimits {
	maxBytes: number;
	maxFeatures: number;
}

/** The project's limits ({@link MAX_TILE_BYTES}, {@link MAX_TILE_FEATURES}). */
export const TILE_LIMITS: TileLimits = { maxBytes: MAX_TILE_BYTES, maxFeatures: MAX_TILE_FEATURES };

/** A tile over the limits that cannot be thinned: every feature it holds must stay at zoom `z`. */
export class TileOverflowError extends Error {
	override name = 'TileOverflowError';
	/**
	 * @param z the tile's zoom
	 * @param wholeLayers the layers in it that keep every feature there (their last zoom, or never
	 *   thinned)
	 */
	constructor(
		message: string,
		readonly z: number,
		readonly wholeLayers: string[],
	) {
		super(message);
	}
}

/** How a layer's features are ranked when a tile must be thinned (scripts/config/tiles.ts). */
export interface ThinRule {
	/** Never drop this layer's features (e.g. the neighbourhoods the analysis is summarised by). */
	never?: boolean;
	/**
	 * Rank first by this property's value in this order, most important first; features with an
	 * absent or unlisted value rank after all listed ones. Size decides within a value.
	 */
	by?: { property: string; order: readonly string[] };
}

type Props = Record<string, string | number | boolean>;

/** One vector-tile layer to cut. */
export interface TileLayerInput {
	/** Layer name inside the tiles (e.g. `neighbourhoods`). */
	name: string;
	/** Features in WGS84; properties must be strings, numbers or booleans. */
	features: Feature<Geometry, Props>[];
	/** First zoom that carries this layer. */
	minZoom: number;
	/** Last zoom that carries it (viewers overzoom beyond it); every feature is in its tiles. */
	maxZoom: number;
	/** Douglas–Peucker tolerance in tile units at each zoom (geojson-vt default 3). */
	tolerance?: number;
	/**
	 * Per-feature first zoom (≥ the layer's): e.g. minor roads from z11, paths from z13. Features are
	 * grouped by it, each group with its own index, and the groups are merged per tile.
	 */
	featureMinZoom?: (f: TileLayerInput['features'][number]) => number;
	/** How to rank the layer's features when a tile over the limits is thinned (default: by size). */
	thin?: ThinRule;
	/** A property whose values the manifest counts features by (`counts` of the layer's entry). */
	countBy?: string;
}

/** Features left out of the tiles of one zoom to keep them within the limits. */
export interface ThinnedZoom {
	z: number;
	/** Tiles of this zoom that were thinned. */
	tiles: number;
	/** Features left out of those tiles, per layer. */
	dropped: Record<string, number>;
}

/** What cutting produced, for the manifest and the benchmark. Sizes in bytes. */
export interface TileCutStats {
	tileCount: number;
	largestTile: { z: number; x: number; y: number; bytes: number; gzipBytes: number };
	mostFeatures: { z: number; x: number; y: number; features: number };
	/** Per layer: features in the source, and the most features of it in one tile. */
	layers: Record<string, { sourceFeatures: number; maxFeaturesInTile: number }>;
	/** Zooms where tiles were thinned (empty when every tile fitted whole). */
	thinned: ThinnedZoom[];
}

/** Tile x/y range covering a lon/lat box at zoom z (inclusive). */
export function tileRange(
	bounds: [number, number, number, number],
	z: number,
): { minX: number; maxX: number; minY: number; maxY: number } {
	const n = 2 ** z;
	const x = (lng: number) => Math.min(n - 1, Math.max(0, Math.floor(mercatorX(lng) * n)));
	const y = (lat: number) => Math.min(n - 1, Math.max(0, Math.floor(mercatorY(lat) * n)));
	const [w, s, e, nn] = bounds;
	return { minX: x(w), maxX: x(e), minY: y(nn), maxY: y(s) };
}

/** Size of a line or polygon in metres: its length, or the square root of its area. */
function sizeM(g: Geometry): number {
	switch (g.type) {
		case 'LineString':
			return lineLengthM(g.coordinates);
		case 'MultiLineString':
			return g.coordinates.reduce((s, l) => s + lineLengthM(l), 0);
		case 'Polygon':
		case 'MultiPolygon':
			return Math.sqrt(Math.max(0, areaM2(g)));
		case 'GeometryCollection':
			return g.geometries.reduce((s, x) => s + sizeM(x), 0);
		default:
			return 0;
	}
}

/**
 * Ranks a layer's features from least important (0) to most important (< 1), as the position in the
 * order a thinned tile drops them: by `thin.by` class (unlisted last), then by size (points: the
 * distance in metres to the nearest point that ranks above it by class and source order — the
 * first of a cluster keeps its distance to other clusters, the rest of the cluster almost none),
 * then by source order (later first).
 * @returns rank per feature, index-aligned with `layer.features`
 */
export function layerRanks(layer: TileLayerInput): Float64Array {
	const fs = layer.features;
	const n = fs.length;
	const ranks = new Float64Array(n);
	if (layer.thin?.never) return ranks.fill(1);
	const by = layer.thin?.by;
	const cls = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const v = by ? (fs[i] as Feature<Geometry, Props>).properties?.[by.property] : undefined;
		const k = v === undefined ? -1 : (by as { order: readonly string[] }).order.indexOf(String(v));
		cls[i] = k < 0 ? (by ? by.order.length : 0) : k;
	}
	const size = new Float64Array(n);
	const points: number[] = [];
	for (let i = 0; i < n; i++) {
		const g = (fs[i] as Feature).geometry;
		if (g.type === 'Point') points.push(i);
		else size[i] = sizeM(g);
	}
	if (points.length > 0) {
		// Isolation: points in order of importance (class, then source order); each one's distance to
		// the nearest point before it in that order.
		points.sort((a, b) => (cls[a] as number) - (cls[b] as number) || a - b);
		const order = new Uint32Array(n);
		points.forEach((i, k) => (order[i] = k));
		const index = new KDBush(points.length);
		for (const i of points) {
			const [lng, lat] = ((fs[i] as Feature).geometry as { coordinates: number[] }).coordinates;
			index.add(lng as number, lat as number);
		}
		index.finish();
		points.forEach((i, k) => {
			if (k === 0) {
				size[i] = Infinity;
				return;
			}
			const [lng = 0, lat = 0] = ((fs[i] as Feature).geometry as { coordinates: number[] })
				.coordinates;
			const [j] = around(index, lng, lat, 1, Infinity, (p: number) => p < k);
			const other = j === undefined ? undefined : points[j];
			const [x = 0, y = 0] =
				other === undefined
					? []
					: ((fs[other] as Feature).geometry as { coordinates: number[] }).coordinates;
			size[i] = other === undefined ? Infinity : distanceM(lng, lat, x, y);
		});
	}
	const idx = Array.from({ length: n }, (_, i) => i);
	idx.sort(
		(a, b) =>
			(cls[b] as number) - (cls[a] as number) || (size[a] as number) - (size[b] as number) || b - a,
	);
	idx.forEach((i, pos) => (ranks[i] = pos / n));
	return ranks;
}

type TileFeature = GeoJSONVTTile['features'][number];

/** Options of {@link cutTiles}. */
export interface CutOptions {
	/** The most bytes and features per tile (default {@link TILE_LIMITS}). */
	limits?: TileLimits;
	/** The chunk zoom (default `maxZoom − 2`, kept within `minZoom..maxZoom`). */
	chunkZoom?: number;
}

/** geojson-vt's tile buffer, in tile units of {@link TILE_EXTENT}. */
const TILE_BUFFER = 64;

/** Web-Mercator x in 0..1 (geojson-vt's projection). */
const mercX = mercatorX;
/** Web-Mercator y in 0..1, north at 0 (geojson-vt's projection), clamped to the map's edges. */
const mercY = (lat: number): number => {
	const y = mercatorY(lat);
	return y < 0 ? 0 : y > 1 ? 1 : y;
};

/** [minX, minY, maxX, maxY] of a geometry in Web-Mercator 0..1. */
function mercBox(g: Geometry): [number, number, number, number] {
	let w = Infinity;
	let s = -Infinity;
	let e = -Infinity;
	let n = Infinity;
	eachPosition(g, (p) => {
		const lng = p[0] as number;
		const lat = p[1] as number;
		if (lng < w) w = lng;
		if (lng > e) e = lng;
		if (lat < n) n = lat;
		if (lat > s) s = lat;
	});
	// n holds the smallest latitude (largest y), s the largest (smallest y).
	return [mercX(w), mercY(s), mercX(e), mercY(n)];
}

/**
 * Cuts all layers into tiles for every zoom in `minZoom..maxZoom` over `bounds`.
 *
 * Memory stays bounded by a part of the area, not the whole: every tile below the chunk zoom
 * (`maxZoom − 2`, at least `minZoom`) is cut from an index of only the features that reach it,
 * and the tiles from the chunk zoom up are cut chunk by chunk (one chunk-zoom tile and all the
 * tiles under it) from an index of that chunk's features; each index is dropped when its tiles are
 * done. geojson-vt converts and simplifies every feature on its own and clips it the same way
 * whatever else is indexed, so the tiles are the same as from one index of everything.
 *
 * @param bounds [west, south, east, north] in degrees: the tiles covering it are visited
 * @returns gzipped tiles (empty tiles left out), in z, x, y order, and statistics
 * @throws when a tile exceeds the limits at the last zoom of the layers that fill it
 */
export function cutTiles(
	layers: TileLayerInput[],
	bounds: [number, number, number, number],
	minZoom: number,
	maxZoom: number,
	options: CutOptions = {},
): { tiles: TileInput[]; stats: TileCutStats } {
	const limits = options.limits ?? TILE_LIMITS;
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
	const chunkZ = Math.min(maxZoom, Math.max(minZoom, options.chunkZoom ?? maxZoom - 2));
	// A tile feature's `tags` is its source feature's properties object (geojson-vt keeps the
	// reference): that object identifies the feature when a tile is thinned. A properties object
	// shared by two features is copied so each feature has its own.
	const seenProps = new Set<object>();
	const sources = layers.map((l) =>
		l.features.map((f) => {
			if (f.properties && !seenProps.has(f.properties)) {
				seenProps.add(f.properties);
				return f;
			}
			const properties = { ...(f.properties ?? {}) };
			seenProps.add(properties);
			return { ...f, properties };
		}),
	);
	// Per layer, its features grouped by first zoom, each group's features listed per chunk (a tile
	// below the chunk zoom, or a chunk-zoom tile) whose buffered box their bbox reaches.
	const key = (z: number, x: number, y: number) => (y * 2 ** z + x) * 32 + z;
	const groupsOf = layers.map((l, li) => {
		const byZoom = new Map<number, number[]>();
		const fs = sources[li] as TileLayerInput['features'];
		fs.forEach((f, i) => {
			const z = Math.max(l.minZoom, l.featureMinZoom ? l.featureMinZoom(f) : l.minZoom);
			if (z > l.maxZoom) return;
			const g = byZoom.get(z);
			if (g) g.push(i);
			else byZoom.set(z, [i]);
		});
		return [...byZoom.entries()]
			.sort(([a], [b]) => a - b)
			.map(([minZ, members]) => {
				// The tiles below the chunk zoom that carry the group, and the chunk zoom when any zoom
				// from it up does.
				const zooms: number[] = [];
				for (let z = Math.max(minZ, minZoom); z < chunkZ && z <= l.maxZoom; z++) zooms.push(z);
				if (Math.max(minZ, chunkZ) <= l.maxZoom) zooms.push(chunkZ);
				const chunks = new Map<number, number[]>();
				for (const i of members) {
					const [x0, y0, x1, y1] = mercBox((fs[i] as Feature).geometry);
					for (const z of zooms) {
						const n = 2 ** z;
						const b = TILE_BUFFER / TILE_EXTENT;
						const ax = Math.max(0, Math.floor(x0 * n - b - 1e-9));
						const bx = Math.min(n - 1, Math.floor(x1 * n + b + 1e-9));
						const ay = Math.max(0, Math.floor(y0 * n - b - 1e-9));
						const by = Math.min(n - 1, Math.floor(y1 * n + b + 1e-9));
						for (let x = ax; x <= bx; x++) {
							for (let y = ay; y <= by; y++) {
								const k = key(z, x, y);
								const list = chunks.get(k);
								if (list) list.push(i);
								else chunks.set(k, [i]);
							}
						}
					}
				}
				return { minZ, chunks };
			});
	});
	// An index of one chunk's features, per layer and group.
	const chunkIndexes = (z: number, x: number, y: number) =>
		layers.map((l, li) => {
			const fs = sources[li] as TileLayerInput['features'];
			const groups: { minZ: number; index: GeoJSONVT }[] = [];
			for (const g of groupsOf[li] ?? []) {
				const members = g.chunks.get(key(z, x, y));
				if (!members) continue;
				groups.push({
					minZ: g.minZ,
					index: new GeoJSONVT(
						{ type: 'FeatureCollection', features: members.map((i) => fs[i] as Feature) },
						{
							maxZoom: l.maxZoom,
							indexMaxZoom: 0,
							tolerance: l.tolerance ?? 3,
							extent: TILE_EXTENT,
							buffer: TILE_BUFFER,
						},
					),
				});
			}
			return { layer: l, groups };
		});
	// Each layer's ranks by properties object, computed the first time one of its tiles is thinned.
	const rankOf: (Map<object, number> | null)[] = layers.map(() => null);
	const ranksOf = (li: number): Map<object, number> => {
		const known = rankOf[li];
		if (known) return known;
		const fs = sources[li] as TileLayerInput['features'];
		const r = layerRanks({ ...(layers[li] as TileLayerInput), features: fs });
		const m = new Map<object, number>();
		fs.forEach((f, i) => m.set(f.properties, r[i] as number));
		rankOf[li] = m;
		return m;
	};

	const stats: TileCutStats = {
		tileCount: 0,
		largestTile: { z: 0, x: 0, y: 0, bytes: 0, gzipBytes: 0 },
		mostFeatures: { z: 0, x: 0, y: 0, features: 0 },
		layers: Object.fromEntries(
			layers.map((l) => [l.name, { sourceFeatures: l.features.length, maxFeaturesInTile: 0 }]),
		),
		thinned: [],
	};
	const thinnedByZoom = new Map<number, ThinnedZoom>();
	const encode = (perLayer: Map<string, TileFeature[]>): Uint8Array => {
		const tileLayers: Record<string, GeoJSONVTTile> = {};
		for (const [name, features] of perLayer)
			if (features.length > 0) tileLayers[name] = { features } as unknown as GeoJSONVTTile;
		return fromGeojsonVt(tileLayers, { version: 2, extent: TILE_EXTENT });
	};
	const done: (TileInput & { bytes: number; features: number })[] = [];
	const cutOne = (indexes: ReturnType<typeof chunkIndexes>, z: number, x: number, y: number) => {
		const perLayer = new Map<string, TileFeature[]>();
		let featureCount = 0;
		for (const { layer, groups } of indexes) {
			if (z < layer.minZoom || z > layer.maxZoom) continue;
			const features: TileFeature[] = [];
			for (const { minZ, index } of groups) {
				if (z < minZ) continue;
				const tile = index.getTile(z, x, y);
				if (tile) for (const f of tile.features) features.push(f);
			}
			if (features.length === 0) continue;
			perLayer.set(layer.name, features);
			featureCount += features.length;
		}
		if (featureCount === 0) return;
		let raw = featureCount <= limits.maxFeatures ? encode(perLayer) : null;
		if (!raw || raw.length > limits.maxBytes) {
			const thinned = thinTile(perLayer, featureCount, z, x, y);
			raw = thinned.raw;
			featureCount = thinned.featureCount;
			const tz = thinnedByZoom.get(z) ?? { z, tiles: 0, dropped: {} };
			thinnedByZoom.set(z, tz);
			tz.tiles++;
			for (const [name, n] of thinned.dropped) tz.dropped[name] = (tz.dropped[name] ?? 0) + n;
		}
		for (const [name, features] of perLayer) {
			const ls = stats.layers[name];
			if (ls) ls.maxFeaturesInTile = Math.max(ls.maxFeaturesInTile, features.length);
		}
		done.push({
			z,
			x,
			y,
			data: gzipSync(raw, { level: 9 }),
			bytes: raw.length,
			features: featureCount,
		});
	};
	for (let z = minZoom; z < chunkZ; z++) {
		const r = tileRange(bounds, z);
		for (let x = r.minX; x <= r.maxX; x++)
			for (let y = r.minY; y <= r.maxY; y++) cutOne(chunkIndexes(z, x, y), z, x, y);
	}
	const c = tileRange(bounds, chunkZ);
	for (let cx = c.minX; cx <= c.maxX; cx++) {
		for (let cy = c.minY; cy <= c.maxY; cy++) {
			const indexes = chunkIndexes(chunkZ, cx, cy);
			if (indexes.every((i) => i.groups.length === 0)) continue;
			for (let z = chunkZ; z <= maxZoom; z++) {
				const r = tileRange(bounds, z);
				const f = 2 ** (z - chunkZ);
				for (let x = Math.max(r.minX, cx * f); x <= Math.min(r.maxX, cx * f + f - 1); x++)
					for (let y = Math.max(r.minY, cy * f); y <= Math.min(r.maxY, cy * f + f - 1); y++)
						cutOne(indexes, z, x, y);
			}
		}
	}
	done.sort((a, b) => a.z - b.z || a.x - b.x || a.y - b.y);
	const tiles: TileInput[] = [];
	for (const t of done) {
		tiles.push({ z: t.z, x: t.x, y: t.y, data: t.data });
		stats.tileCount++;
		if (t.bytes > stats.largestTile.bytes)
			stats.largestTile = { z: t.z, x: t.x, y: t.y, bytes: t.bytes, gzipBytes: t.data.length };
		if (t.features > stats.mostFeatures.features)
			stats.mostFeatures = { z: t.z, x: t.x, y: t.y, features: t.features };
	}
	stats.thinned = [...thinnedByZoom.values()].sort((a, b) => a.z - b.z);
	return { tiles, stats };

	/**
	 * Drops the fewest least-important features (those of layers below their last zoom) that bring
	 * the tile within the limits; `perLayer` is changed in place.
	 */
	function thinTile(
		perLayer: Map<string, TileFeature[]>,
		featureCount: number,
		z: number,
		x: number,
		y: number,
	): { raw: Uint8Array; featureCount: number; dropped: Map<string, number> } {
		const droppable: { layer: string; f: TileFeature; rank: number; order: number }[] = [];
		const whole: string[] = [];
		layers.forEach((l, li) => {
			const fs = perLayer.get(l.name);
			if (!fs) return;
			if (z >= l.maxZoom || l.thin?.never) {
				whole.push(l.name);
				return;
			}
			const r = ranksOf(li);
			for (const f of fs) {
				droppable.push({
					layer: l.name,
					f,
					rank: f.tags ? (r.get(f.tags) ?? 1) : 1,
					order: droppable.length,
				});
			}
		});
		droppable.sort((a, b) => a.rank - b.rank || a.order - b.order);
		const original = new Map(perLayer);
		const dropFirst = (k: number): Map<string, number> => {
			const gone = new Set<TileFeature>();
			const dropped = new Map<string, number>();
			for (let i = 0; i < k; i++) {
				const d = droppable[i] as (typeof droppable)[number];
				gone.add(d.f);
				dropped.set(d.layer, (dropped.get(d.layer) ?? 0) + 1);
			}
			for (const [name, fs] of original)
				perLayer.set(
					name,
					fs.filter((f) => !gone.has(f)),
				);
			return dropped;
		};
		const fail = (what: string): never => {
			const why =
				whole.length > 0
					? `layers ${whole.join(', ')} keep every feature here (their last zoom, or never thinned): raise their max zoom in scripts/config/tiles.ts`
					: 'no layer here can be thinned further';
			throw new TileOverflowError(`tile ${z}/${x}/${y} ${what}; ${why}`, z, whole);
		};
		const lo = Math.max(0, featureCount - limits.maxFeatures);
		if (lo > droppable.length)
			fail(
				`has ${featureCount} features (limit ${limits.maxFeatures}) and only ${droppable.length} of them may be left out at this zoom`,
			);
		// The smallest k (features dropped in rank order) whose tile fits: binary search on bytes.
		const fits = (k: number): Uint8Array | null => {
			dropFirst(k);
			const raw = encode(perLayer);
			return raw.length <= limits.maxBytes ? raw : null;
		};
		// k = lo is the first candidate; with lo = 0 the whole tile is known to be over the bytes.
		let best = lo > 0 ? fits(lo) : null;
		let bestK = lo;
		if (!best) {
			let hi = droppable.length;
			const top = fits(hi);
			if (!top)
				fail(
					`is over ${limits.maxBytes} bytes with every feature left out that may be at this zoom`,
				);
			best = top;
			bestK = hi;
			let low = lo;
			while (hi - low > 1) {
				const mid = (low + hi) >>> 1;
				const raw = fits(mid);
				if (raw) {
					hi = mid;
					best = raw;
					bestK = mid;
				} else low = mid;
			}
		}
		const dropped = dropFirst(bestK);
		return { raw: best as Uint8Array, featureCount: featureCount - bestK, dropped };
	}
}
