import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config.ts';
import { stackEnv } from './tests/helpers/db.ts';

/**
 * End-to-end tests of the app in Supabase mode, against the local stack (`npm run db:start`): the app
 * is built with VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY from the stack into its own folder and
 * previewed on its own port, so the embedded-default build of playwright.config.ts is untouched.
 * Runs the tests tagged @supabase; they check the database over REST with the service-role key.
 *
 *   npx playwright test -c playwright.supabase.config.ts
 */
const env = stackEnv(); // throws "local stack not running: npm run db:start" without the stack
process.env.BUURTKAART_E2E_SUPABASE = '1';
process.env.SUPABASE_URL = env.SUPABASE_URL;
process.env.SUPABASE_SERVICE_ROLE_KEY = env.SUPABASE_SERVICE_ROLE_KEY;

const PORT = Number(process.env.E2E_SUPABASE_PORT ?? 4174);
const OUT_DIR = '.local/e2e-supabase-dist';

export default defineConfig({
	...base,
	grep: /@supabase/,
	// one at a time: the journeys share the local stack's database
	workers: 1,
	outputDir: 'test-results/e2e-supabase',
	reporter: [['list']],
	use: {
		...base.use,
		baseURL: `http://127.0.0.1:${PORT}`,
	},
	projects: [
		{
			name: 'desktop-supabase',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
		},
	],
	webServer: {
		command: `npx vite build --logLevel warn --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --port ${PORT} --strictPort`,
		url: `http://127.0.0.1:${PORT}/`,
		// Never reuse a server on this port: it could be a build without Supabase.
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		env: {
			VITE_SUPABASE_URL: env.SUPABASE_URL,
			VITE_SUPABASE_ANON_KEY: env.SUPABASE_ANON_KEY,
		},
	},
});
