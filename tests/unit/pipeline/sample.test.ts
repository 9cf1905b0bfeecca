import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArea, type AreaManifest } from '../../../scripts/lib/build-area.ts';
import { openPmtiles, readVectorTile } from '../../../scripts/lib/pmtiles-file.ts';
import { tileRange } from '../../../scripts/lib/tiler.ts';
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

describe('neighbourhoods archive of the sample area', () => {
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

	it('writes byte-identical files when run twice on the same inputs', async () => {
		const again = tempDir();
		await buildArea(SAMPLE_CONFIG, { outRoot: again, silent: true });
		for (const f of ['neighbourhoods.pmtiles', 'manifest.json']) {
			const x = readFileSync(path.join(outRoot, 'vorselaar-lille', f));
			const y = readFileSync(path.join(again, 'vorselaar-lille', f));
			expect(x.equals(y), f).toBe(true);
		}
	}, 60_000);
});
