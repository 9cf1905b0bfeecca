import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download its own browser here) against
 * `vite preview` of a production build, as users get it.
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * WebGL in software, as there is no GPU here. Mesa's llvmpipe (through ANGLE on EGL; Chromium
 * blocklists it, hence --ignore-gpu-blocklist) draws the app's map with less CPU than Chromium's
 * own SwiftShader: the whole desktop and phone run took 569 s against 623 s, one after the other on
 * the quiet 2-core machine, its GPU process 411 against 540 CPU-seconds. The same tests pass on
 * both. E2E_GL=swiftshader runs on SwiftShader (no Mesa needed); scripts/setup-system.sh installs
 * Mesa's EGL and drivers (libegl-mesa0, libgl1-mesa-dri).
 */
const softwareWebGl =
	process.env.E2E_GL === 'swiftshader'
		? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader']
		: ['--use-gl=angle', '--use-angle=gl-egl', '--ignore-gpu-blocklist'];

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	// One spec at a time. On the 2-core CI machine two workers took as long (11.8 min for the desktop
	// and phone projects, against 11.6 min with one): software WebGL keeps both cores busy either way.
	// E2E_WORKERS=2 runs two spec files side by side on a machine with more cores.
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS ?? 1),
	forbidOnly: !!process.env.CI,
	retries: 0,
	// Generous: software WebGL on a busy shared machine (states are awaited, never slept on).
	timeout: 180_000,
	expect: { timeout: 30_000 },
	reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		// The production build has a service worker. It is blocked here so that every spec sees the
		// network as it is (page.route interception, slow or failing tile servers); the offline
		// specs (tests/e2e/offline.spec.ts) allow it with test.use({ serviceWorkers: 'allow' }).
		serviceWorkers: 'block',
		// A failed test keeps its trace (actions, DOM snapshots, console, network) and a screenshot
		// of the end. The trace's screencast is left out: it encodes frames of the ever-repainting
		// map through the whole test, and planners.spec on the desktop took 161–168 s with it
		// against 147 s without (the browser process 41–44 against 31 CPU-seconds).
		trace: { mode: 'retain-on-failure', screenshots: false },
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				...softwareWebGl,
			],
		},
	},
	projects: [
		{
			name: 'desktop',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
		},
		// At phone size only the journeys whose layout differs there (bottom sheet, header, reflow),
		// tagged @phone in their title: every journey twice would take CI past its time budget.
		// E2E_ALL_PHONE=1 runs every journey at phone size too.
		// The Pixel 7's size, touch and user agent, drawn at 1 device pixel per CSS px instead of its
		// 2.625: the layout in CSS px is the same (every element's box at 0.00 px apart on eight of the
		// app's screens once settled; 0.83 px over a 4,800 px tall panel of bordered rows), and the
		// software WebGL and raster draw 1 Mpx per frame instead of 2.6. The phone project's 40 tests
		// took 474 against 724 CPU-seconds (browser, GPU process and runner together), measured in
		// two whole runs with other work on the 2-core machine (load 5 to 19, so wall times there say
		// little: 1,250 s for the whole run at load 5 to 9). The map's names and icons are checked at
		// the real 2.625 too (map.spec, 'the neighbourhood names at the first view').
		{
			name: 'phone',
			use: { ...devices['Pixel 7'], deviceScaleFactor: 1 },
			...(process.env.E2E_ALL_PHONE === '1' ? {} : { grep: /@phone/ }),
		},
	],
	webServer: {
		command: `npx vite build --logLevel warn && npx vite preview --port ${PORT} --strictPort`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'pipe',
	},
});
