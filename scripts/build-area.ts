/**
 * `npm run tiles:build [-- <area.json>]` → `tsx scripts/build-area.ts [<area.json>] [--out <folder>]`
 *
 * Builds an area's tiles, manifest and analysis inputs into `<out>/<area id>/` (default `tiles/`),
 * and updates the index of built areas (`<out>/areas.json`). Without a config it builds every
 * `area.json` and `*.area.json` under data/. Progress goes to stderr. Any problem prints one
 * message naming the file and exits 1.
 */
import path from 'node:path';
import { findAreaConfigs } from './lib/area-index.ts';
import { buildArea } from './lib/build-area.ts';
import { REPO_ROOT } from './lib/version.ts';

const args = process.argv.slice(2);
let outRoot: string | undefined;
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
	const a = args[i] as string;
	if (a === '--out') outRoot = args[++i];
	else if (a === '--help' || a === '-h') {
		console.log('usage: tsx scripts/build-area.ts [<area.json>] [--out <folder>]');
		process.exit(0);
	} else positional.push(a);
}
if (positional.length > 1 || (args.includes('--out') && !outRoot)) {
	console.error('usage: tsx scripts/build-area.ts [<area.json>] [--out <folder>]');
	process.exit(2);
}
const configs = positional.length > 0 ? positional : findAreaConfigs(path.join(REPO_ROOT, 'data'));
try {
	for (const configPath of configs) await buildArea(configPath, outRoot ? { outRoot } : {});
} catch (e) {
	const err = e as Error;
	console.error(`build-area failed: ${err.message}`);
	if (!['AreaConfigError', 'InputError'].includes(err.name)) console.error(err.stack);
	process.exit(1);
}
