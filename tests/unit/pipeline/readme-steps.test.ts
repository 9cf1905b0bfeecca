/**
 * scripts/README.md's "Steps" list describes the rows of BUILD_STEPS (scripts/lib/build-steps.ts),
 * the source of the steps: the same names, in the same order, numbered 1..n. Adding, renaming,
 * removing or moving a step without the README following fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_STEPS } from '../../../scripts/lib/build-steps.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';

/** The numbered items `N. **name**` of the README's "## Steps" section, in order. */
function readmeSteps(markdown: string): { n: number; name: string }[] {
	const start = markdown.indexOf('\n## Steps\n');
	if (start < 0) throw new Error('scripts/README.md has no "## Steps" section');
	const rest = markdown.slice(start + '\n## Steps\n'.length);
	const end = rest.search(/\n## /);
	const section = end < 0 ? rest : rest.slice(0, end);
	return [...section.matchAll(/^(\d+)\. \*\*(.+?)\*\*/gm)].map((m) => ({
		n: Number(m[1]),
		name: m[2]!,
	}));
}

describe('scripts/README.md "Steps"', () => {
	const readme = readFileSync(path.join(REPO_ROOT, 'scripts', 'README.md'), 'utf8');

	it('names every step of BUILD_STEPS, in the table’s order, numbered from 1', () => {
		const listed = readmeSteps(readme);
		expect(listed.map((s) => s.name)).toEqual(BUILD_STEPS.map((s) => s.name));
		expect(listed.map((s) => s.n)).toEqual(BUILD_STEPS.map((_s, i) => i + 1));
	});

	it('says that the table is the source', () => {
		expect(readme).toContain('The table `BUILD_STEPS` in `lib/build-steps.ts` is the source');
	});

	it('notices a step missing from the list', () => {
		const without = readme.replace(/^2\. \*\*age structure\*\*/m, '2. age structure');
		expect(readmeSteps(without).map((s) => s.name)).not.toEqual(BUILD_STEPS.map((s) => s.name));
	});
});
