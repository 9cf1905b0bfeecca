import type { Feature, Point, Polygon } from 'geojson';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { toWgs84 } from '../../../scripts/lib/crs.ts';
import { pointInRings, poleOfInaccessibility } from '../../../scripts/lib/geo.ts';
import { cutTiles, MAX_TILE_FEATURES, tileRange } from '../../../scripts/lib/tiler.ts';
import { distanceToBboxEdgeM, distanceToPolygonsEdgeM } from '../../../scripts/lib/origins.ts';

type F = Feature<Point, Record<string, string | number | boolean>>;

describe('cutTiles', () => {
	it('refuses a tile with more than 20,000 features at its last zoom, naming the tile', () => {
		const features: F[] = [];
		for (let i = 0; i < MAX_TILE_FEATURES + 1; i++) {
			features.push({
				type: 'Feature',
				geometry: {
					type: 'Point',
					coordinates: [4.8 + (i % 200) * 1e-5, 51.2 + Math.floor(i / 200) * 1e-5],
				},
				properties: { i },
			});
		}
		const bounds: [number, number, number, number] = [4.8, 51.2, 4.802, 51.202];
		expect(() =>
			cutTiles([{ name: 'dense', features, minZoom: 12, maxZoom: 12 }], bounds, 12, 12),
		).toThrow(
			/tile 12\/\d+\/\d+ has 20001 features \(limit 20000\) and only 0 of them may be left out at this zoom; layers dense keep every feature here \(their last zoom, or never thinned\): raise their max zoom/,
		);
		// The same points from a higher zoom only, split over more tiles, are accepted.
		const ok = cutTiles(
			[{ name: 'dense', features: features.slice(0, 5000), minZoom: 12, maxZoom: 12 }],
			bounds,
			12,
			12,
		);
		expect(ok.stats.mostFeatures.features).toBe(5000);
	}, 60_000);

	it('starts each feature at its own first zoom', () => {
		const features: F[] = [
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [4.8, 51.2] },
				properties: { kind: 'major' },
			},
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [4.8001, 51.2001] },
				properties: { kind: 'minor' },
			},
		];
		const { stats } = cutTiles(
			[
				{
					name: 'p',
					features,
					minZoom: 10,
					maxZoom: 12,
					featureMinZoom: (f) => (f.properties.kind === 'minor' ? 12 : 10),
				},
			],
			[4.8, 51.2, 4.8001, 51.2001],
			10,
			12,
		);
		expect(stats.layers.p?.maxFeaturesInTile).toBe(2);
		const r = tileRange([4.8, 51.2, 4.8001, 51.2001], 10);
		expect(r.minX).toBe(r.maxX);
	});
});

describe('geometry helpers', () => {
	it('finds a point inside a C-shaped polygon whose centroid lies outside it', () => {
		const c: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[3, 0],
					[3, 1],
					[1, 1],
					[1, 2],
					[3, 2],
					[3, 3],
					[0, 3],
					[0, 0],
				],
			],
		};
		const [x, y] = poleOfInaccessibility(c, 1);
		expect(pointInRings(x, y, c.coordinates)).toBe(true);
		expect(pointInRings(1.5, 1.5, c.coordinates)).toBe(false); // the centroid region
	});

	it('finds a point inside a polygon narrower than the precision asked for', () => {
		// 20 m × 0.2 m at 51° N, asked at 0.5 m: polylabel alone would give the box's corner.
		const [w, s, e, n] = [4.78, 51.2, 4.78 + 0.000286, 51.2 + 0.0000018];
		const strip: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[w, s],
					[e, s],
					[e, n],
					[w, n],
					[w, s],
				],
			],
		};
		const [x, y] = poleOfInaccessibility(strip, 0.5);
		expect(pointInRings(x, y, strip.coordinates)).toBe(true);
		expect(y).toBeGreaterThan(s);
		expect(y).toBeLessThan(n);
	});

	it('reprojects Belgian Lambert 72 like proj4 with the EPSG:31370 definition', () => {
		// First vertex of wijk Gierle in both sample files (SOURCES.md: same polygons, reprojected by GDAL).
		const p = toWgs84(
			{ type: 'Point', coordinates: [187441.13, 219912.41] },
			'EPSG:31370',
		) as Point;
		expect(p.coordinates[0]).toBeCloseTo(4.9054394, 6);
		expect(p.coordinates[1]).toBeCloseTo(51.2878485, 6);
		expect(proj4.defs('EPSG:31370')).toBeDefined();
	});

	it('measures the distance to the edge of the data coverage, negative outside', () => {
		// A 0.02° square at 51°N: 0.01° of latitude ≈ 1,113 m.
		const square = [
			[
				[4.8, 51.19],
				[4.82, 51.19],
				[4.82, 51.21],
				[4.8, 51.21],
				[4.8, 51.19],
			],
		];
		expect(distanceToPolygonsEdgeM(4.81, 51.2, [square])).toBeCloseTo(
			Math.cos((51.2 * Math.PI) / 180) * 1113.2,
			-1,
		);
		expect(distanceToPolygonsEdgeM(4.81, 51.22, [square])).toBeCloseTo(-1113.2, -1);
		expect(distanceToBboxEdgeM(4.81, 51.2095, [4.8, 51.19, 4.82, 51.21])).toBeCloseTo(55.7, 0);
		expect(distanceToBboxEdgeM(4.79, 51.2, [4.8, 51.19, 4.82, 51.21])).toBeLessThan(0);
	});
});
