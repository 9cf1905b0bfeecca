import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArea } from '../../../scripts/lib/build-area.ts';
import { staleReason } from '../../../scripts/lib/ensure-area.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { derivedConfig, SAMPLE_DIR, tempDir } from './helpers.ts';

describe('ensure-area', () => {
	it('says missing, then up to date, then rebuilds when an input changes', async () => {
		const dir = tempDir();
		// A private copy of the neighbourhoods file, so the test can change it.
		const nbCopy = path.join(dir, 'wijken.geojson');
		copyFileSync(
			path.join(SAMPLE_DIR, 'boundaries', 'wijken_ggw72024_with_pop2019.geojson'),
			nbCopy,
		);
		const cfg = derivedConfig(dir, (c) => {
			c.sources.neighbourhoods!.path = nbCopy;
		});
		const out = path.join(dir, 'tiles');
		expect(staleReason(cfg, out)).toMatch(/manifest\.json is missing/);
		await buildArea(cfg, { outRoot: out, silent: true });
		expect(staleReason(cfg, out)).toBeNull();

		writeFileSync(
			nbCopy,
			readFileSync(nbCopy, 'utf8').replace('"pop_2019": 282', '"pop_2019": 283'),
		);
		expect(staleReason(cfg, out)).toMatch(/input neighbourhoods .* changed/);
	}, 60_000);

	it('prints "area up to date" from the CLI when nothing changed, and exits 0', async () => {
		const dir = tempDir();
		const cfg = derivedConfig(dir, () => {});
		const out = path.join(dir, 'tiles');
		await buildArea(cfg, { outRoot: out, silent: true });
		const r = spawnSync(
			process.execPath,
			['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'ensure-area.ts'), cfg, '--out', out],
			{ cwd: REPO_ROOT, encoding: 'utf8' },
		);
		expect(r.status).toBe(0);
		expect(r.stderr.trim()).toBe('area up to date');
	}, 60_000);
});
