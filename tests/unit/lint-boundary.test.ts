/**
 * The lint rule that keeps src/analysis and src/contracts pure TypeScript (no DOM, Svelte, MapLibre or
 * Supabase), run with the project's own ESLint config on code placed in those folders; src/analysis
 * may import src/contracts, not the other way round.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function messages(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('src/analysis boundary', () => {
	// Loading ESLint, its config and plugins takes many seconds on a cold, busy machine: do it once,
	// here, with room, so that no single case pays for it within the default 5 s.
	beforeAll(async () => {
		await eslint.lintText('export const warm = 1;', { filePath: 'src/analysis/warm-up-probe.ts' });
	}, 120_000);

	it.each([
		["import { Map } from 'maplibre-gl';\nexport const m = Map;", /no MapLibre/],
		["import { mount } from 'svelte';\nexport const m = mount;", /no Svelte/],
		[
			"import { createClient } from '@supabase/supabase-js';\nexport const c = createClient;",
			/no Supabase/,
		],
		[
			"import { AppState } from '../state/app-state.svelte.ts';\nexport const a = AppState;",
			/may not depend on the app/,
		],
		['export const w = window.innerWidth;', /no DOM/],
		['export const d = document.title;', /no DOM/],
	])('refuses %s', async (code, expected) => {
		const found = await messages(code, 'src/analysis/boundary-probe.ts');
		expect(found.join('\n')).toMatch(expected);
	});

	it('allows the same code outside src/analysis, and pure code inside it', async () => {
		expect(
			await messages(
				"import { Map } from 'maplibre-gl';\nexport const m = Map;",
				'src/map/probe.ts',
			),
		).toEqual([]);
		expect(
			await messages(
				"import { CATEGORIES } from './taxonomy.ts';\nexport const n = CATEGORIES.length;",
				'src/contracts/probe.ts',
			),
		).toEqual([]);
	});

	it.each([
		[
			"import { Map } from 'maplibre-gl';\nexport const m = Map;",
			/src\/contracts is pure TypeScript: no MapLibre/,
		],
		['export const w = window.innerWidth;', /src\/contracts is pure TypeScript: no DOM/],
		[
			"import { PROFILE_LIMITS } from '../analysis/profiles.ts';\nexport const l = PROFILE_LIMITS;",
			/src\/contracts may not depend on the app/,
		],
		[
			"import { AppState } from '../state/app-state.svelte.ts';\nexport const a = AppState;",
			/src\/contracts may not depend on the app/,
		],
	])('refuses in src/contracts: %s', async (code, expected) => {
		const found = await messages(code, 'src/contracts/boundary-probe.ts');
		expect(found.join('\n')).toMatch(expected);
	});

	it('lets src/analysis import src/contracts', async () => {
		expect(
			await messages(
				"import { PROFILE_IDS } from '../contracts/profiles.ts';\nexport const n = PROFILE_IDS.length;",
				'src/analysis/probe.ts',
			),
		).toEqual([]);
	});
});
