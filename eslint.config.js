import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/**
 * The analysis engine must run unchanged in the browser worker, in Node tests, in benchmarks and
 * in the pipeline: no DOM, Svelte, MapLibre or Supabase in src/analysis. The contracts between
 * pipeline and app (src/contracts) obey the same rules, and may not depend on src/analysis either
 * (src/analysis imports them, not the other way round).
 */
function pureBoundary(folder, appFolders) {
	const where = `src/${folder}`;
	return {
		files: [`${where}/**/*.ts`],
		languageOptions: { globals: { ...globals.es2022 } },
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['svelte', 'svelte/*'], message: `${where} is pure TypeScript: no Svelte.` },
						{
							group: ['maplibre-gl', 'maplibre-gl/*', 'pmtiles'],
							message: `${where} is pure TypeScript: no MapLibre.`,
						},
						{ group: ['@supabase/*'], message: `${where} is pure TypeScript: no Supabase.` },
						{
							group: [...appFolders.map((f) => `**/${f}/*`), '*.svelte'],
							message: `${where} may not depend on the app.`,
						},
					],
				},
			],
			'no-restricted-globals': [
				'error',
				...[
					'window',
					'document',
					'navigator',
					'localStorage',
					'indexedDB',
					'location',
					'HTMLElement',
				].map((name) => ({
					name,
					message: `${where} is pure TypeScript: no DOM.`,
				})),
			],
		},
	};
}

const APP_FOLDERS = ['data', 'state', 'map', 'components', 'workers'];

export default ts.config(
	{
		ignores: [
			'node_modules',
			'dist',
			'tiles',
			'data',
			'.local',
			'test-results',
			'playwright-report',
			'bench-results',
		],
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'@typescript-eslint/consistent-type-imports': 'error',
		},
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig,
			},
		},
	},
	{ files: ['src/**/*.ts', 'src/**/*.svelte'], rules: { 'no-console': 'error' } },
	pureBoundary('analysis', APP_FOLDERS),
	pureBoundary('contracts', [...APP_FOLDERS, 'analysis']),
);
