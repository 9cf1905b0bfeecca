/**
 * The import rewrite of the contracts' move (scripts/tools/contracts-imports.ts), which the lead
 * re-runs after merging branches written against the old paths: old imports are pointed at
 * src/contracts, split imports keep what stayed, and a second run changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { rewrite } from '../../scripts/tools/contracts-imports.ts';

describe('contracts import rewrite', () => {
	it('points a moved module at its new home, in code and in prose', async () => {
		const code = [
			"import { CATEGORIES } from '../analysis/taxonomy.ts';",
			"vi.mock('../data/enums.ts');",
			'// the categories of src/analysis/taxonomy.ts',
			'export const n = CATEGORIES.length;',
			'',
		].join('\n');
		const out = await rewrite('src/state/x.ts', code);
		expect(out).toContain("import { CATEGORIES } from '../contracts/taxonomy.ts';");
		expect(out).toContain("vi.mock('../contracts/enums.ts');");
		expect(out).toContain('// the categories of src/contracts/taxonomy.ts');
		expect(await rewrite('src/state/x.ts', out)).toBe(out);
	});

	it('splits an import of moved and staying names, merging into an import already there', async () => {
		const code = [
			'import {',
			'\tPROFILE_IDS,',
			'\tclassifyWay,',
			'\ttype ProfileId,',
			"} from '../analysis/profiles.ts';",
			"import { PROFILES } from '../contracts/profiles.ts';",
			'export const all = [PROFILE_IDS, classifyWay, PROFILES] as const;',
			'export type P = ProfileId;',
			'',
		].join('\n');
		const out = await rewrite('src/state/x.ts', code);
		expect(out).toContain("import { classifyWay } from '../analysis/profiles.ts';");
		expect(out).toContain(
			"import { PROFILE_IDS, type ProfileId, PROFILES } from '../contracts/profiles.ts';",
		);
		expect(out.match(/contracts\/profiles/g)).toHaveLength(1);
		expect(await rewrite('src/state/x.ts', out)).toBe(out);
	});

	it('moves a whole import when every name moved, inside a .svelte script too', async () => {
		const code = [
			'<script lang="ts">',
			"\timport { BASEMAP_SCHEMA } from '../map/style/basemap.ts';",
			"\timport { PROFILE_IDS } from '../analysis/profiles.ts';",
			'\tconst n = Object.keys(BASEMAP_SCHEMA).length + PROFILE_IDS.length;',
			'</script>',
			'',
			'<p>{n}</p>',
			'',
		].join('\n');
		const out = await rewrite('src/components/X.svelte', code);
		expect(out).toContain("\timport { BASEMAP_SCHEMA } from '../contracts/tile-schema.ts';");
		expect(out).toContain("\timport { PROFILE_IDS } from '../contracts/profiles.ts';");
		expect(out).not.toContain('analysis/profiles');
	});

	it('leaves unrelated imports alone', async () => {
		const code = "import { distanceM } from '../analysis/geo.ts';\nexport const d = distanceM;\n";
		expect(await rewrite('src/state/x.ts', code)).toBe(code);
	});
});
