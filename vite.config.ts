import { svelte } from '@sveltejs/vite-plugin-svelte';
import { loadEnv, type Plugin, type Rolldown } from 'vite';
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { headersFile, securityHeaders } from './scripts/lib/security-headers.ts';
import { serveTiles } from './scripts/lib/serve-tiles.ts';
import en from './src/i18n/en.ts';
import fr from './src/i18n/fr.ts';
import { LANGUAGES, NL_MESSAGES } from './src/i18n/messages.ts';
import { manifestFileFor, webManifest } from './src/pwa/web-manifest.ts';

/** The app's texts in every language, for the web manifests. */
const MESSAGES = { nl: NL_MESSAGES, fr, en };

/**
 * Works offline and installs as an app (issue #13): vite-plugin-pwa builds the service worker from
 * src/pwa/sw.ts (Workbox modules; the plugin injects the precache list of this build) and writes
 * the web manifest. The app registers the worker itself after the first paint
 * (src/components/UpdatePrompt.svelte), so `injectRegister` is off.
 */
const pwa = VitePWA({
	strategies: 'injectManifest',
	srcDir: 'src/pwa',
	filename: 'sw.ts',
	registerType: 'prompt',
	injectRegister: false,
	manifestFilename: manifestFileFor('nl'),
	// translations (W3C proposal) is not in the plugin's type; browsers ignore what they don't know.
	manifest: webManifest('nl', MESSAGES) as Partial<ManifestOptions>,
	injectManifest: {
		rollupFormat: 'iife',
		// The app shell: code, styles, fonts, icons, manifests and the municipalities the embedded
		// default stores reports in. Source maps and area data (kept per area, on request) are not.
		globPatterns: ['**/*.{js,css,html,woff2,svg,png,ico,webmanifest,geojson}'],
	},
});

/** The web manifest in the other languages, linked while that language is chosen. */
function otherLanguageManifests(): Plugin {
	return {
		name: 'buurtkaart-language-manifests',
		apply: 'build',
		generateBundle() {
			for (const lang of LANGUAGES.filter((l) => l !== 'nl'))
				this.emitFile({
					type: 'asset',
					fileName: manifestFileFor(lang),
					source: JSON.stringify(webManifest(lang, MESSAGES)),
				});
		},
	};
}

/** The module the entry (src/start.ts) imports dynamically at once: the first view's map. */
const MAP_AT_START = ['src/map/first-map.ts'];

/**
 * The first view's map starts downloading with the entry, not after it (issue #12 point 4): the
 * chunks of the first view's map (src/map/first-map.ts: MapLibre, the pmtiles protocol, the
 * style) and what they import are `modulepreload` links in the HTML, their CSS a `preload`. The
 * entry itself imports no MapLibre, so the app can start before MapLibre is in (a resident who
 * searches at once); the app (src/main.ts) is not preloaded: it loads after the first view.
 * Same-origin links: the Content-Security-Policy (script-src 'self') is unchanged.
 */
function preloadMapAtStart(): Plugin {
	return {
		name: 'buurtkaart-preload-map',
		apply: 'build',
		transformIndexHtml: {
			order: 'post',
			handler(html, ctx) {
				const bundle = ctx.bundle;
				if (!bundle) return html;
				const chunks = Object.values(bundle).filter(
					(c): c is Rolldown.OutputChunk => c.type === 'chunk',
				);
				const byFile = new Map(chunks.map((c) => [c.fileName, c]));
				const js = new Set<string>();
				const css = new Set<string>();
				const add = (chunk: Rolldown.OutputChunk) => {
					if (js.has(chunk.fileName)) return;
					js.add(chunk.fileName);
					for (const f of chunk.viteMetadata?.importedCss ?? []) css.add(f);
					for (const i of chunk.imports) {
						const imported = byFile.get(i);
						if (imported) add(imported);
					}
				};
				for (const chunk of chunks)
					if (chunk.facadeModuleId && MAP_AT_START.some((m) => chunk.facadeModuleId!.endsWith(m)))
						add(chunk);
				const base = ctx.server?.config.base ?? '/';
				const missing = (f: string) => !html.includes(`${base}${f}"`);
				// maplibre-gl first (the largest, and the map waits for it), right after the entry's
				// script: the browser asks for them in this order (six connections per host on HTTP/1.1)
				const ordered = [...js].sort(
					(a, b) => Number(/maplibre-gl/.test(b)) - Number(/maplibre-gl/.test(a)),
				);
				const links = [
					...ordered
						.filter(missing)
						.map((f) => `<link rel="modulepreload" crossorigin href="${base}${f}">`),
					...[...css]
						.filter(missing)
						.map((f) => `<link rel="preload" as="style" crossorigin href="${base}${f}">`),
				].join('\n\t\t');
				const entry = /<script type="module"[^>]*><\/script>/.exec(html);
				if (!entry) throw new Error('preloadMapAtStart: no module script in index.html');
				const at = entry.index + entry[0].length;
				return `${html.slice(0, at)}\n\t\t${links}${html.slice(at)}`;
			},
		},
	};
}

// The Supabase URL the app is built with (connect-src of the Content-Security-Policy).
const env = {
	...loadEnv(process.env.NODE_ENV ?? 'production', process.cwd(), 'VITE_'),
	...process.env,
};
const security = { supabaseUrl: env.VITE_SUPABASE_URL, tileOrigin: env.VITE_TILE_ORIGIN };

export default defineConfig({
	plugins: [
		svelte(),
		serveTiles('tiles'),
		headersFile(security),
		pwa,
		otherLanguageManifests(),
		preloadMapAtStart(),
	],
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
					// One module cache per worker across files: 116 instead of 193 CPU-seconds for the
					// unit project (measured in a cpuacct cgroup), mostly import time. The unit tests keep
					// no module state between files (all pass either way).
					isolate: false,
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
					exclude: ['src/**/*.svelte.test.ts'],
					// IndexedDB's classes for idb (the device database opens fake-indexeddb there)
					setupFiles: ['tests/helpers/idb-classes.ts'],
				},
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					setupFiles: ['tests/helpers/idb-classes.ts'],
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
					// tests/helpers/dom-setup.ts: cleanup after each test, generous waits for lazy panels
					setupFiles: ['tests/helpers/idb-classes.ts', 'tests/helpers/dom-setup.ts'],
					testTimeout: 60_000,
				},
			},
		],
	},
});
