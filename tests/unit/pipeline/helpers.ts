/**
 * Shared helpers for pipeline tests: temporary output folders and area configs derived from the
 * sample's config with some fields replaced.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';

export const SAMPLE_DIR = path.join(REPO_ROOT, 'data', 'vorselaar-lille');
export const SAMPLE_CONFIG = path.join(SAMPLE_DIR, 'area.json');

/** A fresh temporary folder. */
export function tempDir(prefix = 'buurtkaart-pipeline-'): string {
	return mkdtempSync(path.join(tmpdir(), prefix));
}

type Json = Record<string, unknown>;

/**
 * Writes a copy of the sample config into `dir` with source paths made absolute, after `edit` has
 * changed it. Returns the new config's path.
 */
export function derivedConfig(
	dir: string,
	edit: (c: Json & { sources: Record<string, Json> }) => void,
): string {
	const c = JSON.parse(readFileSync(SAMPLE_CONFIG, 'utf8')) as Json & {
		sources: Record<string, Json>;
	};
	for (const [k, v] of Object.entries(c.sources)) {
		if (Array.isArray(v))
			for (const e of v as Json[]) e.path = path.join(SAMPLE_DIR, e.path as string);
		else if (v && typeof v === 'object')
			(v as Json).path = path.join(SAMPLE_DIR, (v as Json).path as string);
		void k;
	}
	const osm = c.sources.osm as Json;
	if (typeof osm.coveragePolygon === 'string')
		osm.coveragePolygon = path.join(SAMPLE_DIR, osm.coveragePolygon);
	edit(c);
	const file = path.join(dir, 'area.json');
	writeFileSync(file, JSON.stringify(c, null, '\t'));
	return file;
}

/** The Sassenhout pipeline fixture (tests/fixtures/pipeline/sassenhout). */
export const FIXTURE_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'pipeline', 'sassenhout');

/**
 * The fixture's config with absolute paths, edited by `edit`, written into a fresh folder.
 * Returns the config's path and the folder.
 */
export function fixtureConfig(
	edit: (c: Json & { sources: Record<string, Json> }, dir: string) => void,
): { config: string; dir: string } {
	const dir = tempDir();
	const c = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'area.json'), 'utf8')) as Json & {
		sources: Record<string, Json>;
	};
	for (const s of Object.values(c.sources)) s.path = path.resolve(FIXTURE_DIR, s.path as string);
	edit(c, dir);
	const config = path.join(dir, 'area.json');
	writeFileSync(config, JSON.stringify(c));
	return { config, dir };
}
