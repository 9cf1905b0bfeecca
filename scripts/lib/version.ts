/**
 * The pipeline's identity, recorded in every manifest. `ensure-area` rebuilds an area when the
 * version or the hash of the pipeline code that produced it changes, so pulling new pipeline code
 * never leaves stale tiles behind.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Semantic version of the output format; bump on any change to file layouts or properties. */
export const PIPELINE_VERSION = '0.2.0';
export const PIPELINE_NAME = 'buurtkaart-pipeline';

/** Repository root (two folders above scripts/lib). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Source folders/files whose content defines what the pipeline writes. */
const CODE_PATHS = [
	'scripts/lib',
	'scripts/config',
	'scripts/build-area.ts',
	'src/analysis',
	'src/map/style',
];
const EXCLUDE = [/\.test\.ts$/, /serve-tiles\.ts$/, /[/\\]stack[/\\]/, /\.bench\.ts$/];

function listFiles(abs: string): string[] {
	let st;
	try {
		st = statSync(abs);
	} catch {
		return [];
	}
	if (st.isFile()) return [abs];
	return readdirSync(abs)
		.sort()
		.flatMap((n) => listFiles(path.join(abs, n)));
}

/**
 * sha256 over the pipeline's source files (path + content, sorted), hex. Tests and the analysis
 * engine's own tests are left out.
 */
export function pipelineCodeHash(root = REPO_ROOT): string {
	const h = createHash('sha256');
	for (const rel of CODE_PATHS) {
		for (const file of listFiles(path.join(root, rel))) {
			const r = path.relative(root, file).split(path.sep).join('/');
			if (!/\.(ts|json)$/.test(r) || EXCLUDE.some((re) => re.test(r))) continue;
			h.update(r).update('\0').update(readFileSync(file)).update('\0');
		}
	}
	return h.digest('hex');
}
