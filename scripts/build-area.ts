/**
 * `npm run tiles:build [-- <area.json>] [--out <folder>]` →
 * `tsx scripts/build-area.ts [--default <area.json>] [<area.json>] [--out <folder>]`
 *
 * Builds an area's tiles, manifest and analysis inputs into `<out>/<area id>/` (default `tiles/`),
 * and prints what it did (stdout: a summary with the counts and the warnings of the manifest).
 * `--default` names the config used when none is given (the npm script passes the sample's).
 * Progress goes to stderr. Any problem prints one message naming the file and exits 1.
 */
import { buildArea } from './lib/build-area.ts';
import { buildSummary } from './lib/build-summary.ts';

const USAGE = 'usage: npm run tiles:build -- <area.json> [--out <folder>]';

const args = process.argv.slice(2);
let outRoot: string | undefined;
let fallback: string | undefined;
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
	const a = args[i] as string;
	if (a === '--out') outRoot = args[++i];
	else if (a === '--default') fallback = args[++i];
	else if (a === '--help' || a === '-h') {
		console.log(USAGE);
		process.exit(0);
	} else positional.push(a);
}
const configPath = positional[0] ?? fallback;
if (!configPath || positional.length > 1 || (args.includes('--out') && !outRoot)) {
	console.error(USAGE);
	process.exit(2);
}
try {
	const r = await buildArea(configPath, outRoot ? { outRoot } : {});
	process.stdout.write(buildSummary(r.manifest, r.outDir));
} catch (e) {
	const err = e as Error;
	console.error(`build-area failed: ${err.message}`);
	if (!['AreaConfigError', 'InputError'].includes(err.name)) console.error(err.stack);
	process.exit(1);
}
