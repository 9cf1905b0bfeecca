import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArea, type AreaManifest } from '../../../scripts/lib/build-area.ts';
import { openPmtiles, readVectorTile } from '../../helpers/pmtiles-file.ts';
import { tileRange } from '../../../scripts/lib/tiler.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { tempDir } from './helpers.ts';
import { toLambert72 } from './lambert72.ts';
import { decodeAnalysisBundle } from '../../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../../src/analysis/engine.ts';
import { summarizeByNeighbourhood, summaryToCsv } from '../../../src/analysis/summary.ts';

const FIXTURE_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'pipeline', 'sassenhout');
const CONFIG = path.join(FIXTURE_DIR, 'area.json');

/** Every feature of a layer over all tiles of zoom z (by id property, deduplicated). */
async function layerIds(
	file: string,
	layer: string,
	z: number,
	bounds: [number, number, number, number],
) {
	const p = openPmtiles(file);
	const out = new Map<string, Record<string, unknown>>();
	const r = tileRange(bounds, z);
	for (let x = r.minX; x <= r.maxX; x++) {
		for (let y = r.minY; y <= r.maxY; y++) {
			const l = (await readVectorTile(p, z, x, y))?.layers[layer];
			for (let i = 0; l && i < l.length; i++) {
				const props = l.feature(i).properties;
				out.set(String(props.id), props);
			}
		}
	}
	return out;
}

describe('pipeline on the Sassenhout fixture (one wijk of Vorselaar)', () => {
	let outRoot: string;
	let manifest: AreaManifest;
	beforeAll(async () => {
		outRoot = tempDir();
		({ manifest } = await buildArea(CONFIG, { outRoot, silent: true }));
	}, 60_000);

	it('writes the manifest with all archives and files', () => {
		expect(Object.keys(manifest.archives).sort()).toEqual([
			'basemap',
			'neighbourhoods',
			'network',
			'places',
		]);
		expect(manifest.archives.basemap?.layers.map((l) => l.id)).toEqual([
			'landuse',
			'water',
			'waterways',
			'buildings',
			'roads',
			'place_labels',
		]);
		expect(manifest.files.analysis.file).toBe('analysis.bin');
		expect(manifest.inputs.map((i) => i.role)).toEqual([
			'osm',
			'neighbourhoods',
			'addresses',
			'ageStructure',
		]);
		for (const i of manifest.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(manifest.osm.latestEditDate).toMatch(/^20\d\d-\d\d-\d\d$/);
	});

	it('spreads the 282 residents of 13044A1 over its address points', () => {
		const o = manifest.counts.originsPerNeighbourhood['13044A1']!;
		expect(manifest.counts.origins).toBe(o.addresses);
		expect(o.residentsPerAddress * o.addresses).toBeCloseTo(282, 0);
		// The fixture extract is a small bbox: most origins lie within 1.2 km of its edge.
		expect(manifest.counts.originsEdgeOfData).toBeGreaterThan(0);
	});

	it('writes one point per place with its id, source and date', async () => {
		const places = await layerIds(
			path.join(outRoot, 'sassenhout', 'places.pmtiles'),
			'places',
			12,
			manifest.archives.places!.bounds,
		);
		expect(places.size).toBe(manifest.counts.places);
		for (const p of places.values()) {
			expect(String(p.id)).toMatch(/^[nwr]\d+$/);
			expect(p.source).toBe('OpenStreetMap');
			expect(String(p.date)).toMatch(/^20\d\d-\d\d-\d\d$/);
		}
		// Every place has exactly one point, whatever its geometry in OSM.
		expect(new Set([...places.keys()]).size).toBe(places.size);
	});

	it('says "none mapped" for a category with no place in the cut, never 100 % beyond', () => {
		expect(manifest.counts.placesInAnalysisPerCategory.pharmacy).toBe(0);
		expect(manifest.counts.placesInAnalysisPerCategory.public_transport).toBeGreaterThan(0);
		expect(manifest.warnings.map((w) => w.message).join('\n')).toMatch(
			/category "pharmacy": no place in the area's data: "none mapped"/,
		);
		const bundle = decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(outRoot, 'sassenhout', 'analysis.bin'))),
		);
		const engine = new AnalysisEngine(bundle);
		const summary = (categoryId: string, normM: number) =>
			summarizeByNeighbourhood(
				bundle,
				engine.coverage({ categoryId, profile: 'walking' }).result,
				normM,
			);
		const none = summary('pharmacy', 800);
		for (const row of none) {
			expect(row.state).toBe('none_mapped');
			expect(row.beyondResidents).toBeNull();
			expect(row.beyond65Share).toBeNull();
		}
		expect(summaryToCsv(none)).toMatch(/,none_mapped,.*,none mapped,none mapped,/);
		for (const row of summary('public_transport', 500)) {
			expect(row.state).toBe('measured');
			expect(row.beyondShare).not.toBeNull();
		}
	});

	it('classifies every network edge per profile', async () => {
		const a = manifest.archives.network!;
		const z = a.maxzoom;
		const p = openPmtiles(path.join(outRoot, 'sassenhout', 'network.pmtiles'));
		const r = tileRange(a.bounds, z);
		let edges = 0;
		for (let x = r.minX; x <= r.maxX; x++) {
			for (let y = r.minY; y <= r.maxY; y++) {
				const l = (await readVectorTile(p, z, x, y))?.layers.footways;
				for (let i = 0; l && i < l.length; i++) {
					const props = l.feature(i).properties;
					expect(props.id).toMatch(/^[wj]\d+$/); // OSM way, or a connector (j<n>)
					expect(props.walking_status).toBeDefined();
					expect(props.wheelchair_status).toBeDefined();
					edges++;
				}
			}
		}
		expect(edges).toBeGreaterThanOrEqual(manifest.counts.graphEdges);
	});
});

describe('address points in Belgian Lambert 72', () => {
	it('give the same origins as the WGS84 file', async () => {
		const dir = tempDir();
		const fc = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'addresses.geojson'), 'utf8')) as {
			features: { geometry: { coordinates: number[] } }[];
			crs?: unknown;
		};
		for (const f of fc.features) {
			f.geometry.coordinates = toLambert72(f.geometry.coordinates as [number, number]);
		}
		fc.crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::31370' } };
		const l72 = path.join(dir, 'addresses-l72.geojson');
		writeFileSync(l72, JSON.stringify(fc));
		const config = JSON.parse(readFileSync(CONFIG, 'utf8')) as {
			sources: Record<string, Record<string, unknown>>;
		};
		for (const src of Object.values(config.sources))
			src.path = path.resolve(FIXTURE_DIR, src.path as string);
		config.sources.addresses!.path = l72;
		const cfg = path.join(dir, 'area.json');
		writeFileSync(cfg, JSON.stringify(config));
		const { manifest: m } = await buildArea(cfg, {
			outRoot: path.join(dir, 'tiles'),
			silent: true,
		});
		const { manifest: ref } = await buildArea(CONFIG, {
			outRoot: path.join(dir, 'ref'),
			silent: true,
		});
		expect(m.counts.origins).toBe(ref.counts.origins);
		expect(m.counts.originsEdgeOfData).toBe(ref.counts.originsEdgeOfData);
		expect(m.counts.streets).toBe(ref.counts.streets);
	}, 60_000);
});

describe('origins from OSM buildings when an area has no address points', () => {
	it('spreads the population over residential buildings by footprint × levels', async () => {
		const dir = tempDir();
		const config = JSON.parse(readFileSync(CONFIG, 'utf8')) as {
			sources: Record<string, Record<string, unknown>>;
		};
		for (const src of Object.values(config.sources))
			src.path = path.resolve(FIXTURE_DIR, src.path as string);
		delete config.sources.addresses;
		const cfg = path.join(dir, 'area.json');
		writeFileSync(cfg, JSON.stringify(config));
		const { manifest: m, outDir } = await buildArea(cfg, { outRoot: dir, silent: true });
		expect(m.originSource).toBe('buildings');
		expect(m.counts.origins).toBeGreaterThan(20);
		expect(m.assumptions.join(' ')).toMatch(/footprint area × building:levels/);
		const bundle = decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(outDir, 'analysis.bin'))),
		);
		let residents = 0;
		let max = 0;
		let min = Infinity;
		for (let i = 0; i < bundle.origins.count; i++) {
			const r = bundle.origins.residents[i] as number;
			residents += r;
			max = Math.max(max, r);
			min = Math.min(min, r);
		}
		expect(residents).toBeCloseTo(282, 1);
		// Weighted by size: not an equal share per building.
		expect(max).toBeGreaterThan(min * 1.5);
	}, 60_000);
});
