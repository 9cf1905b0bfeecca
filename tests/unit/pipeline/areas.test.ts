/**
 * More than one area from the same inputs: the sample's one-municipality configs
 * (data/vorselaar-lille/vorselaar.area.json and lille.area.json), the municipality boundaries
 * published per area, and the index of built areas (tiles/areas.json) that the app offers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { area as areaM2 } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	findAreaConfigs,
	writeAreaIndex,
	type AreaIndex,
} from '../../../scripts/lib/area-index.ts';
import { buildArea, type AreaManifest } from '../../../scripts/lib/build-area.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { parseSearchSource } from '../../../src/contracts/search-source.ts';
import { parseAreaIndex } from '../../../src/data/area-index.ts';
import { areaName } from '../../../src/i18n/messages.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** The real municipal boundary of the sample (SOURCES.md: gebiedsniveaus gemeente.shp), by NIS. */
function realMunicipalityM2(nis: string): number {
	const fc = readJson(
		path.join(SAMPLE_DIR, 'boundaries', 'municipalities.geojson'),
	) as FeatureCollection<Polygon | MultiPolygon, { nis: string }>;
	const f = fc.features.find((x) => String(x.properties.nis) === nis);
	if (!f) throw new Error(`no municipality ${nis} in the sample`);
	return areaM2(f);
}

describe('area configs under data/', () => {
	it('finds the combined sample and each municipality alone', () => {
		const found = findAreaConfigs(path.join(REPO_ROOT, 'data')).map((p) =>
			path.relative(REPO_ROOT, p),
		);
		expect(found).toEqual(
			expect.arrayContaining([
				'data/vorselaar-lille/area.json',
				'data/vorselaar-lille/lille.area.json',
				'data/vorselaar-lille/vorselaar.area.json',
			]),
		);
	});

	it('keep every source of area.json: only id, name and municipalities differ', () => {
		const all = readJson(path.join(SAMPLE_DIR, 'area.json')) as Record<string, unknown>;
		for (const [file, nis] of [
			['vorselaar.area.json', '13044'],
			['lille.area.json', '13019'],
		] as const) {
			const one = readJson(path.join(SAMPLE_DIR, file)) as Record<string, unknown>;
			expect(one.sources).toEqual(all.sources);
			expect((one.municipalities as { nis: string }[]).map((m) => m.nis)).toEqual([nis]);
		}
	});
});

describe('Vorselaar and Lille built as two areas', () => {
	let outRoot: string;
	const manifests: Record<string, AreaManifest> = {};
	beforeAll(async () => {
		outRoot = tempDir();
		for (const id of ['vorselaar', 'lille']) {
			const { manifest } = await buildArea(path.join(SAMPLE_DIR, `${id}.area.json`), {
				outRoot,
				silent: true,
			});
			manifests[id] = manifest;
		}
	}, 120_000);

	it('holds only its own neighbourhoods, residents and streets', () => {
		const v = manifests.vorselaar!;
		const l = manifests.lille!;
		expect(v.counts.neighbourhoods).toBe(2);
		expect(l.counts.neighbourhoods).toBe(4);
		// SOURCES.md: Vorselaar 7,861 and Lille 16,529 residents (2019; wijken sum 7,858 / 16,527)
		expect(v.counts.population).toBe(7858);
		expect(l.counts.population).toBe(16527);
		// a street's first locality is its municipality
		const municipalities = (id: string) => {
			const source = parseSearchSource(
				JSON.parse(gunzipSync(readFileSync(path.join(outRoot, id, 'search.json.gz'))).toString()),
			);
			return new Set(source.streets.map((s) => source.localities[s.localities[0]!]!.name));
		};
		expect(municipalities('vorselaar')).toEqual(new Set(['Vorselaar']));
		expect(municipalities('lille')).toEqual(new Set(['Lille']));
	});

	it('publishes its municipality boundary, matching the real one within 1 %', () => {
		for (const [id, nis] of [
			['vorselaar', '13044'],
			['lille', '13019'],
		] as const) {
			const file = manifests[id]!.files.boundaries.file;
			const fc = readJson(path.join(outRoot, id, file)) as FeatureCollection<
				MultiPolygon,
				{ nis: string; name: string }
			>;
			expect(fc.features.map((f) => f.properties.nis)).toEqual([nis]);
			expect(fc.features[0]!.geometry.type).toBe('MultiPolygon');
			const ratio = areaM2(fc.features[0]!) / realMunicipalityM2(nis);
			expect(Math.abs(ratio - 1)).toBeLessThan(0.01);
		}
	});

	it('lists both in tiles/areas.json with name, bbox and build date, and keeps the date on rewrite', () => {
		const index = readJson(path.join(outRoot, 'areas.json')) as AreaIndex;
		expect(index.areas.map((a) => a.id)).toEqual(['lille', 'vorselaar']);
		for (const a of index.areas) {
			expect(a.bbox).toEqual(manifests[a.id]!.area.bbox);
			expect(a.name).toBe(manifests[a.id]!.area.name);
			expect(Number.isNaN(Date.parse(a.builtAt))).toBe(false);
		}
		expect(writeAreaIndex(outRoot)).toEqual(index);
	});

	it("carries the names by language of an area's config to its manifest and the index, where the app reads them", async () => {
		// Lille's config with a name per language (a marker, not a real name: Lille has one name in
		// every language), its paths made absolute so that it can live outside data/
		const config = readJson(path.join(SAMPLE_DIR, 'lille.area.json')) as Record<string, unknown>;
		const absolute = (node: unknown): unknown => {
			if (Array.isArray(node)) return node.map(absolute);
			if (node === null || typeof node !== 'object') return node;
			return Object.fromEntries(
				Object.entries(node).map(([k, v]) => [
					k,
					(k === 'path' || k === 'coveragePolygon') && typeof v === 'string'
						? path.resolve(SAMPLE_DIR, v)
						: absolute(v),
				]),
			);
		};
		const named = { ...(absolute(config) as object), names: { fr: 'Lille (nom de test)' } };
		const dir = tempDir();
		const file = path.join(dir, 'lille.area.json');
		writeFileSync(file, JSON.stringify(named));
		const { manifest } = await buildArea(file, { outRoot: dir, silent: true });
		expect(manifest.area.names).toEqual({ fr: 'Lille (nom de test)' });
		const entry = writeAreaIndex(dir).areas.find((x) => x.id === 'lille')!;
		expect(entry.names).toEqual({ fr: 'Lille (nom de test)' });
		const [read] = parseAreaIndex({ areas: [entry] });
		expect(areaName(read!, 'fr')).toBe('Lille (nom de test)');
		expect(areaName(read!, 'en')).toBe('Lille');
		// without names in the config, none in the manifest
		expect(manifests.lille!.area.names).toBeUndefined();
	}, 120_000);

	it('drops a folder without a readable manifest from the index', () => {
		writeFileSync(path.join(outRoot, 'lille', 'manifest.json'), '{');
		expect(writeAreaIndex(outRoot).areas.map((a) => a.id)).toEqual(['vorselaar']);
	});
});
