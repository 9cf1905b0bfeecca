/**
 * Run first by `npm run dev`, `npm run build` and `npm test`: builds every area whose output is
 * missing or stale (inputs, config, pipeline version or code changed), else prints "area up to
 * date" for it, then writes the index of built areas (`tiles/areas.json`).
 *
 * usage: tsx scripts/ensure-area.ts [<area.json> …] [--out <folder>]
 *   without a config: every `area.json` and `*.area.json` under data/
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { findAreaConfigs, writeAreaIndex } from './lib/area-index.ts';
import { staleReason } from './lib/ensure-area.ts';
import { REPO_ROOT } from './lib/version.ts';

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outRoot = path.resolve(
	outIdx >= 0 ? (args[outIdx + 1] ?? '') : path.join(REPO_ROOT, 'tiles'),
);
const rest = outIdx >= 0 ? args.filter((_, i) => i !== outIdx && i !== outIdx + 1) : args;
const configs = rest.length > 0 ? rest : findAreaConfigs(path.join(REPO_ROOT, 'data'));
if (configs.length === 0) {
	console.error('ensure-area: no area config (area.json or *.area.json) under data/');
	process.exit(1);
}

let failed = false;
for (const configPath of configs) {
	const name = path.relative(REPO_ROOT, path.resolve(configPath));
	try {
		const reason = staleReason(configPath, outRoot);
		if (reason === null) {
			console.error(configs.length > 1 ? `${name}: area up to date` : 'area up to date');
		} else {
			console.error(`building area ${name}: ${reason}`);
			// Loaded only when needed, so the up-to-date check stays fast.
			const { buildArea } = await import('./lib/build-area.ts');
			await buildArea(configPath, { outRoot });
		}
	} catch (e) {
		const err = e as Error;
		console.error(`ensure-area failed for ${name}: ${err.message}`);
		if (!['AreaConfigError', 'InputError'].includes(err.name)) console.error(err.stack);
		failed = true;
	}
}
mkdirSync(outRoot, { recursive: true });
writeAreaIndex(outRoot);
if (failed) process.exit(1);
