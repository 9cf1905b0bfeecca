/**
 * Thinning tiles over the limits, on the real sample: its basemap (without buildings, whose one
 * zoom is their last) and its places, cut with limits lowered so that the densest tiles below the
 * last zoom are over them, exactly as a denser area meets the real limits.
 */
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROAD_MIN_ZOOM } from '../../../scripts/config/tiles.ts';
import { basemapLayers } from '../../../scripts/lib/basemap.ts';
import { areaM2 } from '../../../scripts/lib/geo.ts';
import { coverageBbox } from '../../../scripts/lib/origins.ts';
import { readOsm } from '../../../scripts/lib/osm.ts';
import { osmPlaces, placeFeatures } from '../../../scripts/lib/places.ts';
import type { TileInput } from '../../../scripts/lib/pmtiles-writer.ts';
import { buildArchive } from '../../../scripts/lib/archive.ts';
import { BufferSource } from '../../helpers/pmtiles-file.ts';
import { PMTiles } from 'pmtiles';
import {
	cutTiles,
	layerRanks,
	tileRange as tileRangeOf,
	type TileLayerInput,
	type TileLimits,
} from '../../../scripts/lib/tiler.ts';
import { distanceM } from '../../../src/analysis/geo.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { SAMPLE_DIR } from './helpers.ts';

type Bbox = [number, number, number, number];

/** The layers with a `fid` (index in its layer) on every feature, to recognise it in a tile. */
function withFid(layers: TileLayerInput[]): TileLayerInput[] {
	return layers.map((l) => ({
		...l,
		features: l.features.map((f, i) => ({ ...f, properties: { ...f.properties, fid: i } })),
	}));
}

const key = (t: { z: number; x: number; y: number }) => `${t.z}/${t.x}/${t.y}`;
const byKey = (tiles: TileInput[]) => new Map(tiles.map((t) => [key(t), t]));

/** fids per layer in a tile, and its size and feature count. */
function decode(t: TileInput) {
	const raw = gunzipSync(t.data);
	const vt = new VectorTile(new PbfReader(raw));
	const fids = new Map<string, number[]>();
	let features = 0;
	for (const [name, layer] of Object.entries(vt.layers)) {
		const ids: number[] = [];
		for (let i = 0; i < layer.length; i++) ids.push(Number(layer.feature(i).properties.fid));
		fids.set(name, ids);
		features += layer.length;
	}
	return { bytes: raw.length, features, fids };
}

/**
 * Checks a thinned cut against the cut of the same layers without limits: every tile within the
 * limits, tiles that fitted unchanged, the last zoom unchanged, and in each thinned tile every
 * feature left out ranked below every feature kept.
 * @returns the thinned tiles, with what each kept and dropped
 */
function checkThinned(
	layers: TileLayerInput[],
	whole: TileInput[],
	thin: TileInput[],
	limits: TileLimits,
	maxZoom: number,
) {
	const ranks = new Map(layers.map((l) => [l.name, layerRanks(l)]));
	const w = byKey(whole);
	expect([...byKey(thin).keys()]).toEqual([...w.keys()]);
	const thinned: { tile: string; kept: Map<string, number[]>; dropped: Map<string, number[]> }[] =
		[];
	for (const t of thin) {
		const full = w.get(key(t)) as TileInput;
		const a = decode(full);
		const b = decode(t);
		expect(b.bytes, key(t)).toBeLessThanOrEqual(limits.maxBytes);
		expect(b.features, key(t)).toBeLessThanOrEqual(limits.maxFeatures);
		if ((a.bytes <= limits.maxBytes && a.features <= limits.maxFeatures) || t.z === maxZoom) {
			expect(Buffer.from(t.data).equals(Buffer.from(full.data)), key(t)).toBe(true);
			continue;
		}
		const kept = new Map<string, number[]>();
		const dropped = new Map<string, number[]>();
		let minKept = Infinity;
		let maxDropped = -Infinity;
		for (const [name, all] of a.fids) {
			const k = new Set(b.fids.get(name) ?? []);
			const r = ranks.get(name) as Float64Array;
			kept.set(name, [...k]);
			dropped.set(
				name,
				all.filter((f) => !k.has(f)),
			);
			for (const f of k) minKept = Math.min(minKept, r[f] as number);
			for (const f of dropped.get(name) ?? []) maxDropped = Math.max(maxDropped, r[f] as number);
			expect([...k].every((f) => all.includes(f))).toBe(true);
		}
		expect(maxDropped, key(t)).toBeGreaterThan(-Infinity);
		expect(maxDropped, key(t)).toBeLessThan(minKept);
		thinned.push({ tile: key(t), kept, dropped });
	}
	return thinned;
}

describe('thinning tiles over the limits, on the real sample', () => {
	let layers: TileLayerInput[];
	let bounds: Bbox;
	let whole: ReturnType<typeof cutTiles>;
	let places: TileLayerInput;
	beforeAll(async () => {
		const osm = await readOsm(path.join(SAMPLE_DIR, 'osm', 'vorselaar-lille_buffer1km.osm.pbf'));
		bounds = coverageBbox(osm);
		layers = withFid(basemapLayers(osm).filter((l) => l.name !== 'buildings'));
		whole = cutTiles(layers, bounds, 8, 13);
		places = withFid([
			{
				name: 'places',
				features: placeFeatures(osmPlaces(osm, '2019-11-05')),
				minZoom: 10,
				maxZoom: 12,
			},
		])[0] as TileLayerInput;
	}, 120_000);

	it('leaves every tile of the sample whole under the real limits', () => {
		expect(whole.stats.thinned).toEqual([]);
	});

	it('drops the least important basemap features below the last zoom, and only as many as needed', () => {
		// Limits the tiles of the last zoom just fit (the densest holds ≈ 1,140 features in ≈ 60 KB).
		const last = whole.tiles.filter((t) => t.z === 13).map(decode);
		const limits = {
			maxBytes: Math.max(...last.map((t) => t.bytes)),
			maxFeatures: Math.max(...last.map((t) => t.features)),
		};
		const thin = cutTiles(layers, bounds, 8, 13, { limits });
		expect(thin.stats.thinned.map((t) => t.z)).toEqual([8, 9, 10, 11, 12]);
		const tiles = checkThinned(layers, whole.tiles, thin.tiles, limits, 13);
		expect(tiles.length).toBe(thin.stats.thinned.reduce((s, t) => s + t.tiles, 0));
		const roads = layers.find((l) => l.name === 'roads') as TileLayerInput;
		const landuse = layers.find((l) => l.name === 'landuse') as TileLayerInput;
		const classRank = (fid: number) =>
			Object.keys(ROAD_MIN_ZOOM).indexOf(String(roads.features[fid]?.properties.class));
		for (const { tile, kept, dropped } of tiles) {
			// Roads go by class: none kept of a class less important than one dropped.
			const keptRoads = (kept.get('roads') ?? []).map(classRank);
			const droppedRoads = (dropped.get('roads') ?? []).map(classRank);
			if (keptRoads.length > 0 && droppedRoads.length > 0)
				expect(Math.max(...keptRoads), tile).toBeLessThanOrEqual(Math.min(...droppedRoads));
			// Land use by size: the smallest polygons go first.
			const area = (fid: number) => areaM2(landuse.features[fid]!.geometry);
			const keptLu = (kept.get('landuse') ?? []).map(area);
			const droppedLu = (dropped.get('landuse') ?? []).map(area);
			if (keptLu.length > 0 && droppedLu.length > 0)
				expect(Math.min(...keptLu), tile).toBeGreaterThanOrEqual(Math.max(...droppedLu));
		}
		// The main roads stay in the z8 tile, where only they and land use are drawn.
		const z8 = tiles.find((t) => t.tile.startsWith('8/'));
		expect(z8?.kept.get('roads')?.length).toBeGreaterThan(0);
		expect(z8?.dropped.get('landuse')?.length).toBeGreaterThan(0);
	}, 120_000);

	it('drops the densest places first', () => {
		const full = cutTiles([places], bounds, 10, 12);
		const limits = {
			maxBytes: 500 * 1024,
			maxFeatures: Math.max(...full.tiles.filter((t) => t.z === 12).map((t) => decode(t).features)),
		};
		const thin = cutTiles([places], bounds, 10, 12, { limits });
		const tiles = checkThinned([places], full.tiles, thin.tiles, limits, 12);
		expect(tiles.length).toBeGreaterThan(0);
		const nearest = (fids: number[]) => {
			let min = Infinity;
			for (const a of fids)
				for (const b of fids) {
					if (a === b) continue;
					const [x1 = 0, y1 = 0] = (places.features[a]!.geometry as { coordinates: number[] })
						.coordinates;
					const [x2 = 0, y2 = 0] = (places.features[b]!.geometry as { coordinates: number[] })
						.coordinates;
					min = Math.min(min, distanceM(x1, y1, x2, y2));
				}
			return min;
		};
		for (const { tile, kept, dropped } of tiles) {
			const k = kept.get('places') ?? [];
			const all = [...k, ...(dropped.get('places') ?? [])];
			expect(k.length, tile).toBe(limits.maxFeatures);
			// The closest pair left is farther apart than the closest pair there was.
			expect(nearest(k), tile).toBeGreaterThan(nearest(all));
		}
	});

	it('cuts the same tiles chunk by chunk as from one index per archive zoom', () => {
		const one = cutTiles(layers, bounds, 8, 13, { chunkZoom: 8 });
		expect(one.tiles.length).toBe(whole.tiles.length);
		one.tiles.forEach((t, i) => {
			const u = whole.tiles[i] as TileInput;
			expect(key(t)).toBe(key(u));
			expect(Buffer.from(t.data).equals(Buffer.from(u.data)), key(t)).toBe(true);
		});
		expect(one.stats).toEqual(whole.stats);
	});

	it('gives the layers of a tile over the limits at their last zoom one zoom more, with every feature there', async () => {
		// The whole basemap of the Sassenhout fixture (cut from the sample), buildings included: its
		// densest z13 tile holds 691 features.
		const osm = await readOsm(
			path.join(REPO_ROOT, 'tests', 'fixtures', 'osm', 'sassenhout.osm.pbf'),
		);
		const all = basemapLayers(osm);
		const bbox = coverageBbox(osm);
		const reference = cutTiles(
			all.map((l) => ({ ...l, maxZoom: 14 })),
			bbox,
			8,
			14,
		).tiles.filter((t) => t.z === 14);
		expect(reference.length).toBeGreaterThan(4);
		// Limits its z14 tiles fit, and its densest z13 tile does not.
		const limits = {
			maxBytes: 500 * 1024,
			maxFeatures: Math.max(...reference.map((t) => decode(t).features)),
		};
		expect(limits.maxFeatures).toBeLessThan(691);
		const { buffer, entry } = buildArchive('basemap', all, bbox, 'OSM', 'test', { limits });
		expect([entry.minzoom, entry.maxzoom]).toEqual([8, 14]);
		// The layers of the tile over the limits go on to z14; a layer it does not hold stays.
		const zooms = new Map(entry.layers.map((l) => [l.id, l.maxzoom]));
		expect([zooms.get('buildings'), zooms.get('roads'), zooms.get('place_labels')]).toEqual([
			14, 14, 13,
		]);
		expect(entry.tiles.thinned.map((t) => t.z)).toContain(13);
		expect(entry.tiles.thinned.map((t) => t.z)).not.toContain(14);
		const p = new PMTiles(new BufferSource(buffer, 'basemap'));
		const same = cutTiles(
			all.map((l) => ({ ...l, maxZoom: zooms.get(l.name) ?? l.maxZoom })),
			bbox,
			8,
			14,
		).tiles.filter((t) => t.z === 14);
		expect(same.length).toBe(reference.length);
		for (const t of same) {
			const got = await p.getZxy(14, t.x, t.y);
			// Every feature at the new last zoom: the same tile as without limits.
			expect(Buffer.from(gunzipSync(t.data)).equals(Buffer.from(got!.data)), key(t)).toBe(true);
		}
		// Below it, every tile within the limits.
		for (let z = 8; z <= 13; z++) {
			const r = tileRangeOf(entry.bounds, z);
			for (let x = r.minX; x <= r.maxX; x++)
				for (let y = r.minY; y <= r.maxY; y++) {
					const got = await p.getZxy(z, x, y);
					if (!got) continue;
					const vt = new VectorTile(new PbfReader(new Uint8Array(got.data)));
					const n = Object.values(vt.layers).reduce((s, l) => s + l.length, 0);
					expect(n, `${z}/${x}/${y}`).toBeLessThanOrEqual(limits.maxFeatures);
				}
		}
	}, 120_000);

	it('ranks by class, then size; a layer marked never keeps rank 1', () => {
		const roads = layers.find((l) => l.name === 'roads') as TileLayerInput;
		const r = layerRanks(roads);
		const of = (cls: string) =>
			roads.features.flatMap((f, i) => (f.properties.class === cls ? [r[i] as number] : []));
		expect(Math.min(...of('secondary'))).toBeGreaterThan(Math.max(...of('minor')));
		expect(Math.min(...of('minor'))).toBeGreaterThan(Math.max(...of('path')));
		expect(layerRanks({ ...roads, thin: { never: true } }).every((v) => v === 1)).toBe(true);
		expect(new Set(r).size).toBe(roads.features.length);
	});
});
