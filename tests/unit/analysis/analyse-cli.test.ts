import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../scripts/analyse.ts';
import { buildAnalysisBundle, decodeAnalysisBundle } from '../../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../../src/analysis/engine.ts';
import { sampleBundleInput } from '../../fixtures/analysis/sample-input.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'analyse-cli-'));
const area = path.join(dir, 'vorselaar-lille');
const bytes = buildAnalysisBundle(sampleBundleInput());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function quiet(): () => string {
	let err = '';
	const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
		err += String(chunk);
		return true;
	});
	return () => {
		spy.mockRestore();
		return err;
	};
}

describe('npm run analyse', () => {
	it('says how to build a missing bundle', async () => {
		const done = quiet();
		const code = await main([
			'--area',
			path.join(dir, 'nowhere'),
			'--category',
			'pharmacy',
			'--profile',
			'walking',
			'--out',
			path.join(dir, 'x.geojson'),
		]);
		const err = done();
		expect(code).toBe(1);
		expect(err).toMatch(/analysis\.bin does not exist: build it with npm run tiles:build/);
	});

	it('rejects an unknown profile and a bad norm', async () => {
		const done = quiet();
		expect(
			await main(['--area', area, '--category', 'pharmacy', '--profile', 'bike', '--out', 'x']),
		).toBe(1);
		expect(
			await main([
				'--area',
				area,
				'--category',
				'pharmacy',
				'--profile',
				'walking',
				'--out',
				'x',
				'--norm',
				'-5',
			]),
		).toBe(1);
		const err = done();
		expect(err).toMatch(/unknown profile "bike"/);
	});

	it('writes every origin with distance, place and residents, and the neighbourhood CSV', async () => {
		const { mkdirSync } = await import('node:fs');
		mkdirSync(area, { recursive: true });
		writeFileSync(path.join(area, 'analysis.bin'), bytes);
		const out = path.join(dir, 'pharmacy.geojson');
		const csv = path.join(dir, 'pharmacy.csv');
		const cells = path.join(dir, 'cells.geojson');
		const done = quiet();
		const code = await main([
			'--area',
			area,
			'--category',
			'pharmacy',
			'--profile',
			'wheelchair',
			'--out',
			out,
			'--summary',
			csv,
			'--norm',
			'800',
			'--cells',
			cells,
		]);
		const err = done();
		expect(code, err).toBe(0);
		const fc = JSON.parse(readFileSync(out, 'utf8')) as GeoJSON.FeatureCollection;
		const b = decodeAnalysisBundle(bytes);
		expect(fc.features).toHaveLength(b.origins.count);
		const run = new AnalysisEngine(b).coverage({ categoryId: 'pharmacy', profile: 'wheelchair' });
		const i = fc.features.findIndex((f) => f.properties?.distance_m !== null);
		const p = fc.features[i]!.properties!;
		expect(p.distance_m).toBeCloseTo(run.result.distanceM[i]!, 1);
		expect(p.place_id).toBe(run.placeId(run.result.placeLabel[i]!));
		expect(Object.keys(p)).toEqual(
			expect.arrayContaining([
				'distance_m',
				'place_id',
				'residents',
				'residents_65',
				'edge_of_data',
				'unknown_share',
			]),
		);
		const lines = readFileSync(csv, 'utf8').trim().split('\n');
		expect(lines[0]).toMatch(
			/^neighbourhood_id,name,state,residents,residents_65,residents_80,beyond_residents,beyond_65/,
		);
		expect(lines).toHaveLength(1 + b.neighbourhoods.length);
		// residents counted + those reported apart (no figure, with a reason) = all residents
		const head = (lines[0] as string).split(',');
		const rows = lines.slice(1).map((l) => l.split(','));
		const col = (r: string[], name: string): number => Number(r[head.indexOf(name)]);
		for (const r of rows) expect(r[head.indexOf('state')]).toBe('measured');
		const total = rows.reduce(
			(s, r) =>
				s +
				col(r, 'residents') +
				col(r, 'edge_of_data_residents') +
				col(r, 'beyond_access_limit_residents') +
				col(r, 'isolated_fragment_residents'),
			0,
		);
		const expected = [...b.origins.residents].reduce((s, r) => s + r, 0);
		expect(total).toBeCloseTo(expected, -1);
		const grid = JSON.parse(readFileSync(cells, 'utf8')) as GeoJSON.FeatureCollection;
		expect(grid.features.length).toBeGreaterThan(50);
	});

	it('says "none mapped" for a category with no place, in the CSV, the GeoJSON and its output', async () => {
		const out = path.join(dir, 'home-care.geojson');
		const csv = path.join(dir, 'home-care.csv');
		const done = quiet();
		const code = await main([
			'--area',
			area,
			'--category',
			'home_care',
			'--profile',
			'walking',
			'--out',
			out,
			'--summary',
			csv,
		]);
		const err = done();
		expect(code, err).toBe(0);
		expect(err).toMatch(/category "home_care": none mapped/);
		const lines = readFileSync(csv, 'utf8').trim().split('\n');
		const head = (lines[0] as string).split(',');
		for (const l of lines.slice(1)) {
			const r = l.split(',');
			expect(r[head.indexOf('state')]).toBe('none_mapped');
			// never a gap, never 0: the beyond columns say so
			expect(r[head.indexOf('beyond_residents')]).toBe('none mapped');
			expect(r[head.indexOf('beyond_65_share')]).toBe('none mapped');
		}
		const fc = JSON.parse(readFileSync(out, 'utf8')) as GeoJSON.FeatureCollection & {
			metadata: { state: string };
		};
		expect(fc.metadata.state).toBe('none_mapped');
		for (const f of fc.features) {
			expect(f.properties?.distance_m).toBeNull();
			expect(f.properties?.beyond_norm).toBeUndefined();
			expect(f.properties?.no_figure_reason).not.toBeNull();
		}
	});

	it('refuses a category that is not in the taxonomy', async () => {
		const done = quiet();
		const code = await main([
			'--area',
			area,
			'--category',
			'pharmacie',
			'--profile',
			'walking',
			'--out',
			'x',
		]);
		expect(code).toBe(1);
		expect(done()).toMatch(/unknown category "pharmacie"/);
	});
});
