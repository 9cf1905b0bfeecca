/**
 * Run first by `npm run dev` and `npm run build`: builds the sample area when its output is missing
 * or stale (inputs, config, pipeline version or code changed), else prints "area up to date".
 *
 * usage: tsx scripts/ensure-area.ts [<area.json>] [--out <folder>]
 */
import path from 'node:path';
import { staleReason } from './lib/ensure-area.ts';
import { REPO_ROOT } from './lib/version.ts';

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outRoot = path.resolve(
	outIdx >= 0 ? (args[outIdx + 1] ?? '') : path.join(REPO_ROOT, 'tiles'),
);
const rest = outIdx >= 0 ? args.filter((_, i) => i !== outIdx && i !== outIdx + 1) : args;
const configPath = rest[0] ?? path.join(REPO_ROOT, 'data', 'vorselaar-lille', 'area.json');

try {
	const reason = staleReason(configPath, outRoot);
	if (reason === null) {
		console.error('area up to date');
	} else {
		console.error(`building area: ${reason}`);
		// Loaded only when needed, so the up-to-date check stays fast.
		const { buildArea } = await import('./lib/build-area.ts');
		await buildArea(configPath, { outRoot });
	}
} catch (e) {
	const err = e as Error;
	console.error(`ensure-area failed: ${err.message}`);
	if (!['AreaConfigError', 'InputError'].includes(err.name)) console.error(err.stack);
	process.exit(1);
}
