import { svelte } from '@sveltejs/vite-plugin-svelte';
import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';
import { headersFile, securityHeaders } from './scripts/lib/security-headers.ts';
import { serveTiles } from './scripts/lib/serve-tiles.ts';

// The Supabase URL the app is built with (connect-src of the Content-Security-Policy).
const env = {
	...loadEnv(process.env.NODE_ENV ?? 'production', process.cwd(), 'VITE_'),
	...process.env,
};
const security = { supabaseUrl: env.VITE_SUPABASE_URL, tileOrigin: env.VITE_TILE_ORIGIN };

export default defineConfig({
	plugins: [svelte(), serveTiles('tiles'), headersFile(security)],
	server: { host: '127.0.0.1', port: 5173 },
	preview: { host: '127.0.0.1', port: 4173, headers: securityHeaders(security) },
	build: {
		target: 'es2022',
		sourcemap: true,
		// maplibre-gl in its own chunk: it is cached apart from the app, and the app's own JavaScript
		// can be measured beside it (issue #6 budget: ≤ 60 KB gzip).
		chunkSizeWarningLimit: 1200,
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [{ name: 'maplibre-gl', test: /node_modules[\\/]maplibre-gl[\\/]/ }],
				},
			},
		},
	},
	worker: { format: 'es' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
				},
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
				},
			},
			{
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'dom',
					environment: 'happy-dom',
					include: ['src/**/*.svelte.test.ts'],
				},
			},
		],
	},
});
