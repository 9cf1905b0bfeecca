import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArea, type AreaManifest } from '../../../scripts/lib/build-area.ts';
import { archiveTiles, openPmtiles, readVectorTile } from '../../helpers/pmtiles-file.ts';
import { MAX_TILE_BYTES, MAX_TILE_FEATURES, tileRange } from '../../../scripts/lib/tiler.ts';
import {
	decodeAnalysisBundle,
	edgeStatus,
	type AnalysisBundle,
} from '../../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../../src/analysis/engine.ts';
import { WALKABLE_RULES, isWalkableWay } from '../../../src/analysis/profiles.ts';
import { NETWORK_POINT_RULES, networkPointKind } from '../../../src/analysis/network-points.ts';
import { readOsm } from '../../../scripts/lib/osm.ts';
import { sha256 } from '../../../scripts/lib/io.ts';
import { CATEGORY_IDS, matchCategories } from '../../../src/contracts/taxonomy.ts';
import type { SearchSource } from '../../../scripts/lib/search-source.ts';
import { decodeStreet, readSearchSource } from '../../../src/contracts/search-source.ts';
import { placesOf } from '../../../src/data/area-data.ts';
import { plainName } from '../../../scripts/lib/localities.ts';
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { NeighbourhoodPolygonProps } from '../../../scripts/lib/boundaries.ts';
import { careFunctionsByNeighbourhood } from '../../../src/analysis/care-functions.ts';
import { neighbourhoodLocator } from '../../../src/analysis/neighbourhood-locator.ts';
import { derivedConfig, SAMPLE_CONFIG, SAMPLE_DIR, tempDir } from './helpers.ts';

/** Population per wijk, summed independently from the Statbel sector table (population/…csv). */
function statbelPopulationByWijk(): Map<string, number> {
	const lines = readFileSync(
		path.join(SAMPLE_DIR, 'population', 'statbel_population_by_sector_2019.csv'),
		'utf8',
	)
		.trim()
		.split('\n');
	const head = (lines[0] as string).split(',');
	const iPop = head.indexOf('POPULATION');
	const iWijk = head.indexOf('ggw72024');
	const out = new Map<string, number>();
	for (const l of lines.slice(1)) {
		const cols = l.split(',');
		const w = cols[iWijk] as string;
		out.set(w, (out.get(w) ?? 0) + Number(cols[iPop]));
	}
	return out;
}

describe('the whole sample area (Vorselaar + Lille)', () => {
	let outRoot: string;
	let manifest: AreaManifest;
	beforeAll(async () => {
		outRoot = tempDir();
		({ manifest } = await buildArea(SAMPLE_CONFIG, { outRoot, silent: true }));
	}, 60_000);

	it('lists the archive with its layers, zooms and bounds in the manifest', () => {
		const a = manifest.archives.neighbourhoods;
		expect(a?.file).toBe('neighbourhoods.pmtiles');
		expect(a?.layers.map((l) => l.id)).toEqual(['neighbourhoods', 'neighbourhood_labels']);
		expect(a?.layers[0]?.features).toBe(6);
		expect(a?.layers[0]?.fields).toMatchObject({
			id: 'String',
			name: 'String',
			population: 'Number',
			osm_coverage_share: 'Number',
		});
		expect(manifest.counts.neighbourhoods).toBe(6);
	});

	it('writes a PMTiles v3 header with the data bounds and zoom range', async () => {
		const p = openPmtiles(path.join(outRoot, 'vorselaar-lille', 'neighbourhoods.pmtiles'));
		const h = await p.getHeader();
		const a = manifest.archives.neighbourhoods!;
		expect(h.specVersion).toBe(3);
		expect([h.minZoom, h.maxZoom]).toEqual([a.minzoom, a.maxzoom]);
		expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual(a.bounds);
		// The wijken of Vorselaar and Lille (SOURCES.md bbox 4.72613, 51.1829, 4.90748, 51.29896).
		expect(h.minLon).toBeCloseTo(4.72613, 4);
		expect(h.minLat).toBeCloseTo(51.1829, 4);
		expect(h.maxLon).toBeCloseTo(4.90748, 4);
		expect(h.maxLat).toBeCloseTo(51.29896, 4);
		expect(h.centerLon).toBeGreaterThan(h.minLon);
		expect(h.centerLon).toBeLessThan(h.maxLon);
		const meta = (await p.getMetadata()) as { vector_layers: { id: string }[] };
		expect(meta.vector_layers.map((l) => l.id)).toEqual(['neighbourhoods', 'neighbourhood_labels']);
	});

	it('holds all six wijken with Statbel populations in the z9 tiles', async () => {
		const p = openPmtiles(path.join(outRoot, 'vorselaar-lille', 'neighbourhoods.pmtiles'));
		const r = tileRange(manifest.archives.neighbourhoods!.bounds, 9);
		const seen = new Map<string, Record<string, unknown>>();
		const labels = new Set<string>();
		for (let x = r.minX; x <= r.maxX; x++) {
			for (let y = r.minY; y <= r.maxY; y++) {
				const vt = await readVectorTile(p, 9, x, y);
				const l = vt?.layers.neighbourhoods;
				for (let i = 0; l && i < l.length; i++) {
					const props = l.feature(i).properties;
					seen.set(String(props.id), props);
				}
				const lab = vt?.layers.neighbourhood_labels;
				for (let i = 0; lab && i < lab.length; i++)
					labels.add(String(lab.feature(i).properties.name));
			}
		}
		expect([...seen.keys()].sort()).toEqual([
			'1301901',
			'1301902',
			'1301903',
			'1301904',
			'13044A0',
			'13044A1',
		]);
		expect(labels.size).toBe(6);
		const statbel = statbelPopulationByWijk();
		for (const [id, props] of seen) expect(props.population).toBe(statbel.get(id));
		expect(seen.get('1301901')).toMatchObject({
			name: 'Gierle (Lille)',
			osm_coverage_share: 0.53,
			municipality_nis: '13019',
		});
		// 65+ estimate: Lille's 2015 share (2,755 / 16,386) applied to 4,488 residents.
		expect(seen.get('1301901')?.population_65plus).toBe(Math.round((4488 * 2755) / 16386));
	});

	it('totals the wijk populations to Statbel 2019 minus the residents not localised in a wijk', () => {
		const statbel = statbelPopulationByWijk();
		const all = [...statbel.values()].reduce((s, v) => s + v, 0);
		expect(all).toBe(7861 + 16529);
		// Statbel's sectors "not localised" (code …ZZZZ) belong to wijk code <NIS>ONB (onbekend).
		const unlocalised = [...statbel]
			.filter(([w]) => w.endsWith('ONB'))
			.reduce((s, [, v]) => s + v, 0);
		expect(unlocalised).toBe(5);
		expect(manifest.counts.population).toBe(all - unlocalised);
		expect(manifest.counts.population).toBe(24_385);
	});

	it('gives the same neighbourhoods from the EPSG:31370 variant, reprojected with proj4', async () => {
		const dir = tempDir();
		const cfg = derivedConfig(dir, (c) => {
			c.sources.neighbourhoods!.path = path.join(
				SAMPLE_DIR,
				'boundaries',
				'wijken_ggw72024_with_pop2019_epsg31370.geojson',
			);
			delete c.sources.neighbourhoods!.crs; // taken from the file's crs member
		});
		const { manifest: m } = await buildArea(cfg, { outRoot: dir, silent: true });
		const a = m.archives.neighbourhoods!.bounds;
		const b = manifest.archives.neighbourhoods!.bounds;
		// The WGS84 file was made from the same Lambert 72 polygons: within ~2 m.
		for (let i = 0; i < 4; i++)
			expect(Math.abs((a[i] as number) - (b[i] as number))).toBeLessThan(3e-5);
		expect(m.counts).toEqual(manifest.counts);
	}, 60_000);

	it('counts places per category exactly as an independent count of the same tags in the POI export', () => {
		// vorselaar-lille_pois.geojson was exported by osmium from the same extract (SOURCES.md): a
		// reading path independent of ours (no PBF reader, no polygon-to-point step of ours).
		const fc = JSON.parse(
			readFileSync(path.join(SAMPLE_DIR, 'osm', 'vorselaar-lille_pois.geojson'), 'utf8'),
		) as { features: { properties: Record<string, unknown> }[] };
		const expected: Record<string, number> = Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0]));
		const catsOf = new Map<string, string[]>();
		for (const f of fc.features) {
			const tags = Object.fromEntries(
				Object.entries(f.properties).filter(([k]) => !k.startsWith('@')),
			) as Record<string, string>;
			const cats = matchCategories(tags);
			catsOf.set(`${String(f.properties['@type']).charAt(0)}${String(f.properties['@id'])}`, cats);
			for (const id of cats) expected[id] = (expected[id] ?? 0) + 1;
		}
		// Objects of one facility are one place (scripts/config/same-facility.ts), with the union
		// of their categories: the sample's Albert Heijn of Gierle (3 objects), the library of
		// Gierle and the church of Vorselaar (2 each).
		const merges = manifest.sameFacility.merges;
		expect(merges.map((m) => m.keptId).sort()).toEqual(['w174989682', 'w242554764', 'w377877885']);
		for (const m of merges) {
			const ids = [m.keptId, ...m.merged.map((x) => x.id)];
			for (const id of ids) for (const c of catsOf.get(id) ?? []) expected[c]! -= 1;
			for (const c of new Set(ids.flatMap((id) => catsOf.get(id) ?? []))) expected[c]! += 1;
		}
		const got = { ...manifest.counts.placesPerCategory };
		// The 32 hospitals come from the configured GISCO list, not from OSM (which has none here).
		expect(got.hospital).toBe(32);
		got.hospital = 0;
		expect(got).toEqual(expected);
		// Figures of SOURCES.md: pharmacies 4, bus stops 110, benches 50 (+1 bus stop with bench=yes).
		expect(got.pharmacy).toBe(4);
		expect(got.public_transport).toBe(110);
		expect(got.bench).toBe(51);
	});

	it('spreads each wijk population over its address points and keeps the totals', () => {
		const c = manifest.counts;
		expect(c.origins).toBeGreaterThan(11_000);
		const bundle = decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(outRoot, 'vorselaar-lille', 'analysis.bin'))),
		);
		expect(bundle.origins.count).toBe(c.origins);
		let residents = 0;
		let r65 = 0;
		for (let i = 0; i < bundle.origins.count; i++) {
			residents += bundle.origins.residents[i] as number;
			r65 += bundle.origins.residents65[i] as number;
		}
		expect(residents).toBeCloseTo(24_385, 0);
		// 65+ = Σ wijk population × municipal 2015 share.
		const expected65 = (5297 + 4488 + 2845 + 3897) * (2755 / 16386) + (7576 + 282) * (1377 / 7773);
		expect(r65).toBeCloseTo(expected65, 0);
		// CRAB counts of SOURCES.md: Vorselaar 3,597 and Lille 7,792 addresses in the municipalities;
		// the wijk polygons are generalised, so a few fall just outside them, and a few of other
		// municipalities inside them (the address municipality field keeps those out).
		expect(Math.abs(c.origins - (3597 + 7792))).toBeLessThan(60);
		expect(c.addressesOfOtherMunicipalities).toBeGreaterThanOrEqual(0);
		expect(c.originsEdgeOfData).toBeGreaterThan(0);
		expect(c.originsPerNeighbourhood['1301901']?.edgeOfData).toBeGreaterThan(
			c.originsPerNeighbourhood['1301903']?.edgeOfData ?? Infinity,
		);
	});

	it('reads every archive back with the pmtiles package, within the tile limits', async () => {
		const dir = path.join(outRoot, 'vorselaar-lille');
		const files = readdirSync(dir)
			.filter((f) => f.endsWith('.pmtiles'))
			.sort();
		expect(files).toEqual([
			'basemap.pmtiles',
			'neighbourhoods.pmtiles',
			'network.pmtiles',
			'places.pmtiles',
		]);
		for (const f of files) {
			const entry = manifest.archives[f.replace('.pmtiles', '')]!;
			const p = openPmtiles(path.join(dir, f));
			const h = await p.getHeader();
			expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual(entry.bounds);
			expect([h.minZoom, h.maxZoom]).toEqual([entry.minzoom, entry.maxzoom]);
			const meta = (await p.getMetadata()) as { vector_layers: { id: string }[] };
			expect(meta.vector_layers.map((l) => l.id)).toEqual(entry.layers.map((l) => l.id));
			let tiles = 0;
			for await (const t of archiveTiles(p, entry.bounds, h.minZoom, h.maxZoom)) {
				tiles++;
				expect(t.bytes, `${f} ${t.z}/${t.x}/${t.y}`).toBeLessThanOrEqual(MAX_TILE_BYTES);
				expect(t.features, `${f} ${t.z}/${t.x}/${t.y}`).toBeLessThanOrEqual(MAX_TILE_FEATURES);
			}
			expect(tiles, f).toBe(entry.tiles.addressed);
			// Nothing of the sample is left out of any tile: every zoom holds every feature.
			expect(entry.tiles.thinned, f).toEqual([]);
		}
	}, 60_000);

	it('counts the network points per kind in the manifest, as the tiles hold them', async () => {
		const entry = manifest.archives.network!;
		const layer = entry.layers.find((l) => l.id === 'network_points')!;
		const p = openPmtiles(path.join(outRoot, 'vorselaar-lille', 'network.pmtiles'));
		const idsByKind = new Map<string, Set<string>>();
		for await (const t of archiveTiles(p, entry.bounds, layer.maxzoom, layer.maxzoom)) {
			const points = (await readVectorTile(p, t.z, t.x, t.y))?.layers.network_points;
			for (let i = 0; i < (points?.length ?? 0); i++) {
				const f = points!.feature(i).properties;
				const kind = String(f.kind);
				if (!idsByKind.has(kind)) idsByKind.set(kind, new Set());
				idsByKind.get(kind)!.add(String(f.id));
			}
		}
		const inTiles = Object.fromEntries([...idsByKind].map(([k, ids]) => [k, ids.size]));
		expect(layer.counts).toEqual(inTiles);
		expect(Object.values(layer.counts!).reduce((a, b) => a + b, 0)).toBe(layer.features);
		expect(Object.keys(layer.counts!).length).toBeGreaterThan(1);
	});

	it('counts a network point by the documented rule: a distinct OSM node on a walkable way, its kind by the first matching rule', async () => {
		// The rule scripts/README.md and SOURCES.md give (why an earlier note's "64 barriers" is not a
		// count of it): every node of the extract with a kind by NETWORK_POINT_RULES, once, if it lies
		// on a way pedestrians may use by WALKABLE_RULES. Nodes only on other ways (fences, roads
		// closed to pedestrians) or on no way, and the copies a tile's buffer holds, do not count.
		const config = JSON.parse(readFileSync(SAMPLE_CONFIG, 'utf8')) as {
			sources: { osm: { path: string } };
		};
		const osm = await readOsm(path.join(SAMPLE_DIR, config.sources.osm.path));
		const onWalkable = new Set<number>();
		for (const w of osm.ways) if (isWalkableWay(w.tags)) for (const r of w.refs) onWalkable.add(r);
		const byRule: Record<string, number> = {};
		const anywhere: Record<string, number> = {};
		for (const n of osm.taggedNodes.values()) {
			const kind = networkPointKind(n.tags);
			if (!kind) continue;
			anywhere[kind] = (anywhere[kind] ?? 0) + 1;
			if (onWalkable.has(n.id)) byRule[kind] = (byRule[kind] ?? 0) + 1;
		}
		const layer = manifest.archives.network!.layers.find((l) => l.id === 'network_points')!;
		expect(layer.counts).toEqual(byRule);
		// the rule leaves some out on the sample: the place-on-the-way condition matters
		expect(anywhere.barrier!).toBeGreaterThan(byRule.barrier!);
		expect(NETWORK_POINT_RULES[0]!.kind).toBe('kerb'); // a kerb tagged barrier=kerb is a kerb
	});

	it('draws the basemap, places and network layers with their attributes', async () => {
		const dir = path.join(outRoot, 'vorselaar-lille');
		// The z13 tile around Vorselaar's Markt.
		const [lng, lat] = [4.7707, 51.2024];
		const z = 13;
		const n = 2 ** z;
		const x = Math.floor(((lng + 180) / 360) * n);
		const y = Math.floor(
			((1 -
				Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) /
				2) *
				n,
		);
		const base = await readVectorTile(openPmtiles(path.join(dir, 'basemap.pmtiles')), z, x, y);
		expect(Object.keys(base!.layers)).toEqual(
			expect.arrayContaining(['roads', 'buildings', 'landuse']),
		);
		const roads = base!.layers.roads!;
		const names = new Set<string>();
		for (let i = 0; i < roads.length; i++) {
			const p = roads.feature(i).properties;
			if (typeof p.name === 'string') names.add(p.name);
		}
		expect(names.size).toBeGreaterThan(5);
		const net = await readVectorTile(openPmtiles(path.join(dir, 'network.pmtiles')), z, x, y);
		const fw = net!.layers.footways!;
		expect(fw.length).toBeGreaterThan(10);
		const statuses = new Set<string>();
		// Each line's feature id is its bundle edge's index (the map sets per-edge feature-state by
		// it): the edge's way, length and statuses are the line's.
		const g = decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(dir, 'analysis.bin'))),
		).graph;
		const ids = new Set<number>();
		for (let i = 0; i < fw.length; i++) {
			const f = fw.feature(i);
			const p = f.properties;
			const e = f.id as number;
			expect(Number.isInteger(e) && e >= 0 && e < g.edgeCount, `feature id ${e}`).toBe(true);
			ids.add(e);
			expect(p.id).toBe(g.wayIds[g.edgeWays[e] as number]);
			expect(p.length_m).toBeCloseTo(g.lengthsM[e] as number, 0);
			['walking', 'rollator', 'wheelchair'].forEach((k, pi) => {
				expect(['passable', 'limited', 'impassable', 'unknown']).toContain(p[`${k}_status`]);
				expect(p[`${k}_status`]).toBe(edgeStatus(g, pi, e));
			});
			statuses.add(String(p.wheelchair_status));
		}
		expect(statuses.size).toBeGreaterThan(1);
		expect(ids.size).toBeGreaterThan(10);
	});

	it('writes a compressed search source with every category, place, street and locality', async () => {
		const bytes = readFileSync(path.join(outRoot, 'vorselaar-lille', 'search.json.gz'));
		expect(manifest.files.search).toMatchObject({ file: 'search.json.gz', bytes: bytes.length });
		expect(manifest.files.search.jsonBytes).toBeGreaterThan(2 * bytes.length);
		const s: SearchSource = await readSearchSource(bytes);
		expect(s.categories.map((c) => c.id)).toEqual([...CATEGORY_IDS]);
		expect(s.places).toHaveLength(manifest.counts.places);
		expect(s.streets.length).toBe(manifest.counts.streets);
		const apotheken = s.places.filter((p) => p.categoryIds.includes('pharmacy'));
		expect(apotheken).toHaveLength(4);
		const name = (i: number | undefined) => s.localities[i ?? -1]?.name;
		expect(
			s.streets.some((st) => st.name === 'Markt' && name(st.localities[0]) === 'Vorselaar'),
		).toBe(true);
		// Sub-municipalities from the boundaries (the qualifier in brackets dropped), postcodes from OSM.
		expect(s.localities.map((l) => `${l.kind} ${l.name} ${l.postcodes.join(',')}`)).toEqual([
			'municipality Vorselaar 2290',
			'municipality Lille 2275',
			'submunicipality Lille 2275',
			'submunicipality Wechelderzande 2275',
			'submunicipality Gierle 2275',
			'submunicipality Poederlee 2275',
			'submunicipality Vorselaar 2290',
		]);
		expect(
			s.streets.find((st) => st.name === 'Dorp' && name(st.localities[1]) === 'Poederlee'),
		).toBeTruthy();
		// Banks are "other daily shops" of kind bank.
		expect(s.places.filter((p) => p.kind === 'bank').length).toBeGreaterThanOrEqual(5);
	});

	it('publishes the neighbourhood polygons: every place in the area in exactly one, counted by polygon', async () => {
		const dir = path.join(outRoot, 'vorselaar-lille');
		const text = readFileSync(path.join(dir, 'neighbourhoods.geojson'), 'utf8');
		expect(manifest.files.neighbourhoods).toEqual({
			file: 'neighbourhoods.geojson',
			bytes: Buffer.byteLength(text),
			sha256: sha256(text),
		});
		const fc = JSON.parse(text) as FeatureCollection<MultiPolygon, NeighbourhoodPolygonProps>;
		// the statistical codes the analysis and the database use, in the pipeline's order
		const bundle = decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(dir, 'analysis.bin'))),
		);
		expect(fc.features.map((f) => f.properties.id)).toEqual(bundle.neighbourhoods.map((n) => n.id));
		expect(fc.features.every((f) => f.geometry.type === 'MultiPolygon')).toBe(true);
		// rounded to 1e-6° (about 0.1 m)
		const coords = fc.features.flatMap((f) => f.geometry.coordinates.flat(2));
		expect(
			coords.every(
				([x, y]) => Math.round(x! * 1e6) / 1e6 === x && Math.round(y! * 1e6) / 1e6 === y,
			),
		).toBe(true);

		const s = await readSearchSource(readFileSync(path.join(dir, 'search.json.gz')));
		const boundaries = JSON.parse(
			readFileSync(path.join(dir, 'boundaries.geojson'), 'utf8'),
		) as FeatureCollection<MultiPolygon>;
		const at = neighbourhoodLocator(fc.features);
		let inside = 0;
		for (const p of s.places) {
			const holders = fc.features.filter((f) => booleanPointInPolygon(p.lngLat, f)).length;
			const inArea = boundaries.features.some((b) => booleanPointInPolygon(p.lngLat, b));
			// inside the municipalities: in exactly one neighbourhood; outside: in none
			expect(holders, p.id).toBe(inArea ? 1 : 0);
			expect(at(p.lngLat[0], p.lngLat[1]) >= 0, p.id).toBe(inArea);
			if (inArea) inside++;
		}

		// the same places counted per neighbourhood by polygon and by the nearest address (the rule
		// before the polygons were published): how many change neighbourhood
		const ids = fc.features.map((f) => f.properties.id);
		const origins = {
			lngLat: bundle.origins.lngLat,
			neighbourhoodId: [...bundle.origins.neighbourhood].map(
				(k) => bundle.neighbourhoods[k]?.id ?? null,
			),
		};
		const places = s.places.map((p) => ({ lngLat: p.lngLat, categoryIds: p.categoryIds }));
		const byPolygon = careFunctionsByNeighbourhood(
			ids,
			origins,
			places,
			(lng, lat) => ids[at(lng, lat)] ?? null,
		);
		const byNearest = careFunctionsByNeighbourhood(ids, origins, places);
		const where = (rows: typeof byPolygon) => {
			const out = new Map<number, string>();
			for (const r of rows) for (const k of r.placeIndexes) out.set(k, r.neighbourhoodId);
			return out;
		};
		const polygonOf = where(byPolygon);
		const nearestOf = where(byNearest);
		expect(polygonOf.size).toBe(inside);
		expect(byPolygon.every((r) => r.byNearest.length === 0)).toBe(true);
		const moved = [...polygonOf].filter(([k, id]) => nearestOf.get(k) !== id).length;
		const dropped = nearestOf.size - polygonOf.size;
		console.log(
			`places per neighbourhood by polygon vs nearest address: ${s.places.length} places, ${inside} inside the neighbourhoods, ${moved} of them in another neighbourhood than by the nearest address; ${dropped} outside every neighbourhood (the nearest address counted them in a border neighbourhood); per neighbourhood ${byPolygon.map((r, i) => `${r.neighbourhoodId} ${r.places} (was ${byNearest[i]!.places})`).join(', ')}`,
		);
		expect(nearestOf.size).toBe(s.places.length);
		expect(dropped).toBe(s.places.length - inside);
	});

	it("names a near address's own town where it lies in another one than the place", async () => {
		const dir = path.join(outRoot, 'vorselaar-lille');
		const s = await readSearchSource(readFileSync(path.join(dir, 'search.json.gz')));
		const subs = JSON.parse(
			readFileSync(
				path.join(SAMPLE_DIR, 'boundaries', 'deelgemeenten_2024_with_pop2019.geojson'),
				'utf8',
			),
		) as FeatureCollection<MultiPolygon, { name: string }>;
		const subOf = (lngLat: [number, number]) =>
			plainName(subs.features.find((f) => booleanPointInPolygon(lngLat, f))?.properties.name ?? '');
		const points = new Map<string, [number, number][]>();
		for (const street of s.streets)
			for (const [n, lng, lat] of decodeStreet(street).addresses)
				points.set(`${street.name} ${n}`, [
					...(points.get(`${street.name} ${n}`) ?? []),
					[lng, lat],
				]);
		const shown = placesOf(s.places, s.localities);
		let elsewhere = 0;
		let checked = 0;
		s.places.forEach((p, i) => {
			if (!p.nearAddress) return;
			const written = p.nearAddress.split(',')[0]!;
			// the address point: the one of that street and number nearest the place (75 m at most)
			const point = (points.get(written) ?? [])
				.map((q) => ({ q, d: distance(p.lngLat, q, { units: 'meters' }) }))
				.sort((a, b) => a.d - b.d)[0];
			expect(point, `${p.id}: ${p.nearAddress}`).toBeDefined();
			expect(point!.d).toBeLessThanOrEqual(75);
			const town = subOf(point!.q);
			if (town === '') return;
			checked++;
			expect(shown[i]!.nearAddress, p.id).toMatch(new RegExp(`, \\d{4} ${town}$`, 'u'));
			if (town !== subOf(p.lngLat)) elsewhere++;
		});
		// the sample: the stop "Lille Hoogland" lies in Poederlee, its nearest address in Lille
		const stop = s.places.findIndex((p) => p.name === 'Lille Hoogland');
		expect(subOf(s.places[stop]!.lngLat)).toBe('Poederlee');
		expect(shown[stop]!.nearAddress).toBe('Hoogland 65, 2275 Lille');
		expect(checked).toBeGreaterThan(100);
		expect(elsewhere).toBeGreaterThanOrEqual(1);
	});

	it('splits the search source per municipality: every place and street in exactly one part', async () => {
		const dir = path.join(outRoot, 'vorselaar-lille');
		const parts = manifest.files.municipalities;
		expect(parts.map((p) => [p.nis, p.name])).toEqual([
			['13044', 'Vorselaar'],
			['13019', 'Lille'],
		]);
		const whole = await readSearchSource(readFileSync(path.join(dir, 'search.json.gz')));
		const sources: SearchSource[] = [];
		for (const p of parts) {
			const bytes = readFileSync(path.join(dir, p.search.file));
			expect(p.search.file).toBe(`search-${p.nis}.json.gz`);
			expect(sha256(bytes)).toBe(p.search.sha256);
			expect(bytes.length).toBe(p.search.bytes);
			sources.push(await readSearchSource(bytes));
		}
		const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
		expect(sorted(sources.flatMap((s) => s.places))).toEqual(sorted(whole.places));
		expect(sorted(sources.flatMap((s) => s.streets))).toEqual(sorted(whole.streets));
		sources.forEach((s, i) => {
			expect(s.localities).toEqual(whole.localities);
			const nis = (st: { localities: number[] }) => s.localities[st.localities[0] as number]?.nis;
			expect(s.streets.every((st) => nis(st) === parts[i]?.nis)).toBe(true);
			expect(s.categories.map((c) => c.id)).toEqual(whole.categories.map((c) => c.id));
		});
		// SOURCES.md: pharmacies in Vorselaar 1, in Lille 3.
		const pharmacies = sources.map(
			(s) => s.places.filter((p) => p.categoryIds.includes('pharmacy')).length,
		);
		expect(pharmacies).toEqual([1, 3]);
		expect(sources.map((s) => s.categories.find((c) => c.id === 'pharmacy')?.places)).toEqual([
			1, 3,
		]);
		// The 32 hospitals of the GISCO list (up to 25 km away) go to the nearer municipality.
		expect(
			sources.reduce(
				(n, s) => n + s.places.filter((p) => p.categoryIds.includes('hospital')).length,
				0,
			),
		).toBe(32);
	});

	it("gives the same gap answers from a municipality's analysis part as from the whole bundle", () => {
		const dir = path.join(outRoot, 'vorselaar-lille');
		const whole = decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(dir, 'analysis.bin'))),
		);
		const wholeEngine = new AnalysisEngine(whole);
		const wholeIndex = new Map(whole.origins.ids.map((id, i) => [id, i]));
		let compared = 0;
		const edges: number[] = [];
		for (const m of manifest.files.municipalities) {
			const bytes = readFileSync(path.join(dir, m.analysis.file));
			expect(sha256(bytes)).toBe(m.analysis.sha256);
			const part = decodeAnalysisBundle(new Uint8Array(bytes));
			const nbIds = Object.keys(manifest.counts.originsPerNeighbourhood).filter((id) =>
				id.startsWith(m.nis),
			);
			expect(part.neighbourhoods.map((n) => n.id)).toEqual(nbIds);
			expect(part.origins.count).toBe(
				nbIds.reduce(
					(n, id) => n + (manifest.counts.originsPerNeighbourhood[id]?.addresses ?? 0),
					0,
				),
			);
			edges.push(part.graph.edgeCount);
			const engine = new AnalysisEngine(part);
			for (const categoryId of ['pharmacy', 'gp', 'grocery', 'bench']) {
				for (const profile of ['walking', 'wheelchair'] as const) {
					const a = wholeEngine.coverage({ categoryId, profile }).result;
					const b = engine.coverage({ categoryId, profile }).result;
					part.origins.ids.forEach((id, i) => {
						const w = wholeIndex.get(id) as number;
						expect(part.origins.edgeOfData[i]).toBe(whole.origins.edgeOfData[w]);
						// Within the part's 3 km margin a route cannot leave it.
						if (!((a.distanceM[w] as number) <= 2_500)) return;
						compared++;
						expect(b.distanceM[i], `${m.nis} ${categoryId} ${profile} ${id}`).toBeCloseTo(
							a.distanceM[w] as number,
							6,
						);
					});
				}
			}
		}
		expect(compared).toBeGreaterThan(50_000);
		// Lille and 3 km around it hold the whole extract's network; Vorselaar's part is smaller.
		expect(edges[0]).toBeLessThan(whole.graph.edgeCount);
		expect(edges[1]).toBeLessThanOrEqual(whole.graph.edgeCount);
	}, 120_000);

	it('writes byte-identical files when run twice on the same inputs', async () => {
		const again = tempDir();
		await buildArea(SAMPLE_CONFIG, { outRoot: again, silent: true });
		const a = path.join(outRoot, 'vorselaar-lille');
		const b = path.join(again, 'vorselaar-lille');
		const files = readdirSync(a).sort();
		expect(readdirSync(b).sort()).toEqual(files);
		expect(files).toContain('analysis.bin');
		for (const f of files) {
			expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))), f).toBe(true);
		}
	}, 60_000);

	it('gives every origin a figure or a reason, and says so in the manifest', () => {
		const r = manifest.counts.originsPerReason;
		expect(r.none + r.edge_of_data + r.beyond_access_limit + r.isolated_fragment).toBe(
			manifest.counts.origins,
		);
		expect(r.edge_of_data).toBe(manifest.counts.originsEdgeOfData);
		// SOURCES.md: parts of Lille lie outside the extract: more than 10 % at the edge, warned
		expect(manifest.warnings.map((w) => w.code)).toEqual(
			expect.arrayContaining(['edge_of_data_share', 'osm_old', 'category_none_mapped']),
		);
		// SOURCES.md: no home-care office, no social facility in the OSM data
		const none = manifest.warnings
			.filter((w) => w.code === 'category_none_mapped')
			.map((w) => /category "([^"]+)"/.exec(w.message)?.[1]);
		expect(none).toEqual(expect.arrayContaining(['home_care', 'local_service_centre']));
		expect(manifest.walkableRules).toEqual(WALKABLE_RULES.map((x) => ({ ...x })));
		for (const j of manifest.network.joins) expect(j.lengthM).toBeLessThanOrEqual(20);
	});

	it('names the wijken whose polygons carry only a code by their Statbel sectors', async () => {
		expect(manifest.neighbourhoodSources['13044A0']?.name).toBe('sectors');
		expect(manifest.neighbourhoodSources['1301901']?.name).toBe('polygons');
		const s = await readSearchSource(
			readFileSync(path.join(outRoot, 'vorselaar-lille', 'search.json.gz')),
		);
		expect(JSON.stringify(s)).not.toMatch(/13044A[01] \(Vorselaar\)/);
	});

	describe('Vorselaar alone, built from the same inputs', () => {
		let alone: AreaManifest;
		let a: AnalysisBundle;
		let b: AnalysisBundle;
		beforeAll(async () => {
			const dir = tempDir();
			// the committed one-municipality config: the same files, the other municipality left out
			const cfg = path.join(SAMPLE_DIR, 'vorselaar.area.json');
			({ manifest: alone } = await buildArea(cfg, { outRoot: dir, silent: true }));
			a = decodeAnalysisBundle(
				new Uint8Array(readFileSync(path.join(outRoot, 'vorselaar-lille', 'analysis.bin'))),
			);
			b = decodeAnalysisBundle(
				new Uint8Array(readFileSync(path.join(dir, 'vorselaar', 'analysis.bin'))),
			);
		}, 120_000);

		it('holds the Vorselaar wijken and their addresses only, named as in the sample', () => {
			expect(alone.counts.neighbourhoods).toBe(2);
			expect(alone.neighbourhoodSources['13044A0']?.name).toBe('sectors');
			expect(alone.neighbourhoodSources['13044A1']?.name).toBe(
				manifest.neighbourhoodSources['13044A1']?.name,
			);
			expect(alone.counts.population).toBe(7576 + 282);
			expect(alone.counts.origins).toBe(
				(manifest.counts.originsPerNeighbourhood['13044A0']?.addresses ?? 0) +
					(manifest.counts.originsPerNeighbourhood['13044A1']?.addresses ?? 0),
			);
		});

		it('gives the same distance (within 1 m) wherever the nearest place lies inside both builds', () => {
			const ea = new AnalysisEngine(a);
			const eb = new AnalysisEngine(b);
			const key = (x: AnalysisBundle, i: number) =>
				`${x.origins.lngLat[i * 2]},${x.origins.lngLat[i * 2 + 1]}`;
			const inA = new Map<string, number>();
			for (let i = 0; i < a.origins.count; i++) inA.set(key(a, i), i);
			let compared = 0;
			let worst = 0;
			for (const categoryId of ['pharmacy', 'gp', 'grocery', 'bench', 'public_transport']) {
				const ra = ea.coverage({ categoryId, profile: 'walking' });
				const rb = eb.coverage({ categoryId, profile: 'walking' });
				for (let j = 0; j < b.origins.count; j++) {
					const i = inA.get(key(b, j));
					expect(i, `origin ${b.origins.ids[j]} of Vorselaar alone is in the sample`).toBeDefined();
					const da = ra.result.distanceM[i!]!;
					const db = rb.result.distanceM[j]!;
					if (!Number.isFinite(da) || !Number.isFinite(db)) continue;
					if (ra.placeId(ra.result.placeLabel[i!]!) !== rb.placeId(rb.result.placeLabel[j]!))
						continue;
					compared++;
					worst = Math.max(worst, Math.abs(da - db));
				}
			}
			process.stderr.write(
				`cross-build (sample vs Vorselaar alone, walking, 5 categories): ${compared} origin×category pairs compared, largest difference ${worst.toFixed(3)} m\n`,
			);
			expect(compared).toBeGreaterThan(10_000);
			expect(worst).toBeLessThanOrEqual(1);
		});

		it('reaches every place of a category in the main network from every origin in it (both builds)', () => {
			for (const x of [a, b]) {
				const engine = new AnalysisEngine(x);
				const off = new Set(x.network.placesOffMainNetwork.map((p) => p.placeId));
				let runs = 0;
				for (const categoryId of engine.categoriesWithPlaces()) {
					const ids = engine.placesOf(categoryId).map((k) => x.places.ids[k]!);
					for (const id of ids) {
						if (off.has(id)) continue;
						const run = engine.coverage({
							categoryId,
							profile: 'walking',
							excludePlaceIds: ids.filter((o) => o !== id),
						});
						runs++;
						for (let i = 0; i < x.origins.count; i++) {
							if (x.origins.reason[i] !== 0) continue;
							if (!Number.isFinite(run.result.distanceM[i]!)) {
								throw new Error(
									`${x.meta.areaId}: ${id} (${categoryId}) unreachable from ${x.origins.ids[i]}`,
								);
							}
						}
					}
				}
				expect(runs).toBeGreaterThan(100);
			}
		}, 120_000);
	});
});
