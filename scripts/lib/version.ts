/**
 * The pipeline's identity, recorded in every manifest. `ensure-area` rebuilds an area when the
 * version or the hash of the pipeline code that produced it changes, so pulling new pipeline code
 * never leaves stale tiles behind.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Semantic version of the output format; bump on any change to file layouts or properties. */
export const PIPELINE_VERSION = '0.2.0';
export const PIPELINE_NAME = 'buurtkaart-pipeline';

/** Repository root (two folders above scripts/lib). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The pipeline's entry module: the hash covers it and every local module it imports. */
const ENTRY = 'scripts/lib/build-area.ts';

const IMPORT_RE = /(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Repository-relative paths of the modules {@link pipelineCodeHash} covers (for docs and tests). */
export function pipelineModules(root = REPO_ROOT): string[] {
	const seen = new Set<string>();
	const stack = [path.join(root, ENTRY)];
	while (stack.length > 0) {
		const file = stack.pop() as string;
		if (seen.has(file)) continue;
		seen.add(file);
		for (const m of readFileSync(file, 'utf8').matchAll(IMPORT_RE)) {
			const target = path.resolve(path.dirname(file), m[1] as string);
			if (/\.(ts|js|json)$/.test(target)) stack.push(target);
		}
	}
	return [...seen].map((f) => path.relative(root, f).split(path.sep).join('/')).sort();
}

/**
 * sha256 over the source of the pipeline: the entry module and, recursively, every relative import
 * (path + content, in sorted order), hex. So an edit to the taxonomy, the profiles or the bundle
 * format triggers a rebuild, and an edit elsewhere in the app does not.
 */
export function pipelineCodeHash(root = REPO_ROOT): string {
	const h = createHash('sha256');
	for (const r of pipelineModules(root)) {
		h.update(r)
			.update('\0')
			.update(readFileSync(path.join(root, r)))
			.update('\0');
	}
	return h.digest('hex');
}
