/**
 * Works offline and installs as an app (issue #13), against the production build with its service
 * worker (allowed here; blocked in every other spec, see playwright.config.ts). Every test starts in
 * a fresh browser context, so each first visit installs the worker anew.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectNoSeriousA11yViolations } from '../helpers/a11y.ts';
import { addMembership, createUser, stackEnv, superuser } from '../helpers/db.ts';
import { signInPage } from '../helpers/session.ts';
import { chooseAddress, chooseLanguage } from '../helpers/header.ts';
import { captureMap, renderedValues, waitForMapReady } from '../helpers/map.ts';
import { expect, test, type Page } from '../helpers/test.ts';

test.use({ serviceWorkers: 'allow' });

/** The service worker of the build that the preview server serves (playwright.config.ts). */
const SW_FILE = path.join(process.cwd(), 'dist', 'sw.js');

/** Waits until the service worker is active (the app shell is precached: ~3 MB on a busy machine). */
async function waitForServiceWorker(page: Page): Promise<void> {
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					const registration = await navigator.serviceWorker.getRegistration();
					return registration?.active?.state ?? 'none';
				}),
			{ timeout: 120_000 },
		)
		.toBe('activated');
}

interface ManifestEntry {
	file: string;
	bytes: number;
	minzoom?: number;
	maxzoom?: number;
}

/** The area's manifest, read over HTTP as the app reads it: what keeping the area must store. */
async function areaManifest(page: Page, areaId: string) {
	const response = await page.request.get(`/tiles/${areaId}/manifest.json`);
	const text = await response.text();
	const json = JSON.parse(text) as {
		archives: Record<string, ManifestEntry>;
		files: Record<string, ManifestEntry>;
	};
	// Every file the manifest names; the per-municipality parts (an array) repeat the whole-area files
	// and are not kept.
	const entries = [...Object.values(json.archives), ...Object.values(json.files)].filter(
		(e) => !Array.isArray(e),
	);
	const archives = Object.values(json.archives);
	return {
		bytes: entries.reduce((t, e) => t + e.bytes, Buffer.byteLength(text)),
		minzoom: Math.min(...archives.map((a) => a.minzoom!)),
		maxzoom: Math.max(...archives.map((a) => a.maxzoom!)),
	};
}

/** The area id the app shows (from the URL of the manifest it loaded). */
async function shownAreaId(page: Page): Promise<string> {
	return page.evaluate(() => {
		const entry = performance
			.getEntriesByType('resource')
			.find((e) => /\/tiles\/[^/]+\/manifest\.json$/.test(e.name));
		if (!entry) throw new Error('the app loaded no area manifest');
		return /\/tiles\/([^/]+)\/manifest\.json$/.exec(entry.name)![1]!;
	});
}

test('first visit online; offline, a reload: the map, search, details, nearest and the list work @phone', async ({
	page,
	context,
}, testInfo) => {
	// A long journey (two loads, offline reloads, keeping the area twice): generous on a busy machine.
	test.setTimeout(600_000);
	await captureMap(page);
	await page.goto('/');
	await waitForServiceWorker(page);
	await waitForMapReady(page);
	const areaId = await shownAreaId(page);
	const manifest = await areaManifest(page, areaId);

	// The area is kept on the device, the panel says how much and which zooms.
	const panel = page.getByTestId('offline-area');
	await expect(panel).toHaveAttribute('data-state', 'stored', { timeout: 120_000 });
	expect(Number(await panel.getAttribute('data-bytes'))).toBe(manifest.bytes);
	const mb = new Intl.NumberFormat('nl', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	await expect(panel.getByTestId('offline-stored')).toContainText(
		`(${mb.format(manifest.bytes / 1_000_000)} MB)`,
	);
	await expect(panel.getByTestId('offline-stored')).toContainText(
		`zoom ${manifest.minzoom} tot ${manifest.maxzoom}`,
	);
	const hoodsOnline = await renderedValues(page, ['neighbourhoods-fill'], 'name');
	const placesOnline = await renderedValues(page, ['places-icon'], 'category');
	expect(hoodsOnline.length).toBeGreaterThan(0);
	expect(placesOnline.length).toBeGreaterThan(0);

	await context.setOffline(true);
	await page.reload();
	await waitForMapReady(page);
	// Nothing comes from the network: a file that was never kept cannot be had.
	const probe = await page.evaluate(
		(id) =>
			fetch(`/tiles/${id}/manifest.json?never-kept=1`).then(
				(r) => `HTTP ${r.status}`,
				() => 'failed',
			),
		areaId,
	);
	expect(probe).toBe('failed');
	await expect(page.getByTestId('offline')).toBeVisible();
	// The map draws the same neighbourhoods and kinds of places from the kept archives.
	expect(await renderedValues(page, ['neighbourhoods-fill'], 'name')).toEqual(hoodsOnline);
	expect(await renderedValues(page, ['places-icon'], 'category')).toEqual(placesOnline);
	await page.screenshot({ path: testInfo.outputPath('offline-map.png') });

	// Search finds a pharmacy and its details open.
	const search = page.getByTestId('search-input');
	await search.fill('apotheek');
	const pharmacy = page
		.getByRole('group', { name: /^Apotheek: \d+/ })
		.getByRole('option')
		.first();
	const name = (await pharmacy.locator('.label').textContent())!;
	await pharmacy.click();
	const details = page.getByTestId('place-details');
	await expect(details.getByRole('heading', { level: 2 })).toHaveText(name);
	await expect(details).toContainText('Apotheek');

	// Nearest by walking time, from a real CRAB address, with the analysis bundle kept offline.
	await search.fill('apotheek');
	await page.getByRole('group', { name: 'Soort hulp' }).getByRole('option').first().click();
	await chooseAddress(page, 'Cardijnlaan 2', /Cardijnlaan 2\b.*Vorselaar/);
	const nearest = page.getByTestId('nearest');
	await expect(nearest.getByTestId('nearest-place').first()).toContainText(
		/\d+ min te voet \(\d[\d.\u00a0\u202f]* m langs de straten\)/,
	);
	await page.screenshot({ path: testInfo.outputPath('offline-nearest.png') });
	await nearest.getByRole('button', { name: 'Sluiten' }).click();

	// The list view shows the places.
	await page.getByTestId('view-list').click();
	await expect(page.getByTestId('list-place').first()).toBeVisible();
	await page.getByTestId('view-map').click();
	await waitForMapReady(page);

	// Removing the area: the panel says it is gone; a reload without a connection says why the
	// area does not open instead of failing silently.
	await page.getByTestId('offline-remove').click();
	await expect(panel).toHaveAttribute('data-state', 'not-stored');
	await expect(panel).toHaveAttribute('data-bytes', '0');
	await expect(panel.getByTestId('offline-keep')).toBeDisabled();
	await expect(panel).toContainText('Bewaren kan alleen met verbinding.');
	await page.reload();
	await expect(page.getByTestId('map-error')).toContainText(
		'Geen verbinding, en dit gebied is niet bewaard op dit toestel',
	);
	await page.screenshot({ path: testInfo.outputPath('offline-not-stored.png') });

	// Back online, the removal is remembered until the resident stores the area again.
	await context.setOffline(false);
	await page.reload();
	await expect(panel).toHaveAttribute('data-state', 'not-stored');
	await expect(panel.getByTestId('offline-keep')).toHaveText(
		/^Bewaren voor gebruik zonder verbinding \(\d+,\d MB\)$/,
	);
	await panel.getByTestId('offline-keep').click();
	await expect(panel).toHaveAttribute('data-state', 'stored', { timeout: 120_000 });
	expect(Number(await panel.getAttribute('data-bytes'))).toBe(manifest.bytes);
	await expectNoSeriousA11yViolations(page, ['[data-testid="offline-area"]']);
	await panel.scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('offline-panel.png') });
});

test('installable: Chromium reports no installability error and reads the manifest', async ({
	playwright,
}, testInfo) => {
	test.skip(testInfo.project.name !== 'desktop', 'the manifest is the same at every size');
	test.setTimeout(120_000);
	// Chromium never offers installing from an incognito profile, which every Playwright context
	// is; a persistent profile is what a resident's browser has.
	const profile = mkdtempSync(path.join(tmpdir(), 'buurtkaart-install-'));
	const browser = await playwright.chromium.launchPersistentContext(profile, {
		...testInfo.project.use.launchOptions,
		baseURL: testInfo.project.use.baseURL!,
		serviceWorkers: 'allow',
	});
	try {
		const page = browser.pages()[0] ?? (await browser.newPage());
		await page.goto('/');
		await expect(page.getByTestId('search-input')).toBeVisible();
		const cdp = await browser.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
			installabilityErrors: { errorId: string }[];
		};
		expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
		const manifest = (await cdp.send('Page.getAppManifest')) as {
			url: string;
			errors: { message: string }[];
			parsed?: {
				name?: string;
				shortName?: string;
				display?: string;
				icons?: { sizes?: string[] }[];
			};
		};
		expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
		expect(manifest.errors).toEqual([]);
		// The French manifest is linked while French is chosen.
		await chooseLanguage(page, 'fr');
		await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
			'href',
			'/manifest-fr.webmanifest',
		);
		const fr = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
		expect(fr.url).toMatch(/\/manifest-fr\.webmanifest$/);
		expect(fr.errors).toEqual([]);
	} finally {
		await browser.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('a new version of the service worker shows the reload prompt; reloading switches to it', async ({
	page,
	context,
}, testInfo) => {
	// A long journey (two loads, offline reloads, keeping the area twice): generous on a busy machine.
	test.setTimeout(600_000);
	await captureMap(page);
	await page.goto('/');
	await waitForServiceWorker(page);

	// A new version is published: the served service worker gets one more line (the preview server
	// reads dist/ on every request), then the app checks for updates as it does every hour.
	const served = await (await page.request.get('/sw.js')).text();
	expect(readFileSync(SW_FILE, 'utf8')).toBe(served);
	writeFileSync(SW_FILE, `${served}\nself.newVersion = 2;\n`);
	try {
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())?.update();
		});
		const prompt = page.getByTestId('update-prompt');
		await expect(prompt).toContainText('Er is een nieuwe versie van Buurtkaart.', {
			timeout: 120_000,
		});
		await expect(prompt.getByRole('button', { name: 'Herladen' })).toBeVisible();
		await expectNoSeriousA11yViolations(page, ['[data-testid="update-prompt"]']);
		await page.screenshot({ path: testInfo.outputPath('update-prompt.png') });

		// Reloading activates the new version and reloads the page.
		await page.evaluate(() => ((window as { beforeReload?: boolean }).beforeReload = true));
		const reloaded = page.waitForEvent('framenavigated', {
			predicate: (frame) => frame === page.mainFrame(),
			timeout: 60_000,
		});
		await prompt.getByRole('button', { name: 'Herladen' }).click();
		await reloaded;
		await page.waitForLoadState();
		expect(await page.evaluate(() => (window as { beforeReload?: boolean }).beforeReload)).toBe(
			undefined,
		);
		await expect(page.getByTestId('search-input')).toBeVisible();
		await expect(prompt).toHaveCount(0);
		await expect
			.poll(
				async () => {
					const versions = await Promise.all(
						context
							.serviceWorkers()
							.map((w) =>
								w
									.evaluate(() => (self as unknown as { newVersion?: number }).newVersion)
									.catch(() => undefined),
							),
					);
					return versions.includes(2);
				},
				{ timeout: 60_000 },
			)
			.toBe(true);
		await expect
			.poll(
				() =>
					page.evaluate(async () => {
						const registration = await navigator.serviceWorker.getRegistration();
						return [registration?.waiting ?? null, navigator.serviceWorker.controller?.state];
					}),
				{ timeout: 60_000 },
			)
			.toEqual([null, 'activated']);
	} finally {
		// The server is back to the build's own worker for the specs that follow.
		writeFileSync(SW_FILE, served);
	}
});

test('offline on a phone: a banner on the first screen says so; after a reload with one area kept here, no area chooser @phone', async ({
	page,
	context,
}, testInfo) => {
	test.setTimeout(420_000);
	await page.goto('/');
	await waitForServiceWorker(page);
	await waitForMapReady(page);
	const areaId = await shownAreaId(page);
	const panel = page.getByTestId('offline-area');
	await expect(panel).toHaveAttribute('data-state', 'stored', { timeout: 120_000 });
	await expect(panel).toHaveAttribute('data-shell', 'ready');
	const banner = page.getByTestId('offline-banner');
	await expect(banner).toHaveCount(0);

	await context.setOffline(true);
	await expect(banner).toHaveText('Geen verbinding: je werkt met wat op dit toestel bewaard is.');
	// on a phone the banner says it on the first screen (the toolbar's status is swiped away);
	// on a wide screen the toolbar's status shows it, and the banner is not drawn
	const isPhone = (page.viewportSize()?.width ?? 0) <= 768;
	const offlineSign = isPhone ? banner : page.getByTestId('storage-status').getByTestId('offline');
	await expect(offlineSign).toBeInViewport();
	if (!isPhone) await expect(banner).toBeHidden();
	await expect(page.getByTestId('map')).toBeInViewport();

	// A reload without a connection: the index of areas cannot be read, the areas kept here can:
	// only the one open. A chooser with one choice would be noise; the offline sign says enough.
	await page.reload();
	await waitForMapReady(page);
	await expect(offlineSign).toBeInViewport();
	expect(await shownAreaId(page)).toBe(areaId);
	await page.screenshot({ path: testInfo.outputPath('offline-banner-phone.png') });
	await expect(page.getByTestId('area-select')).toHaveCount(0);
	await expect(page.getByTestId('area-offline-only')).toHaveCount(0);

	await context.setOffline(false);
	await expect(banner).toHaveCount(0);
});

test('the offline panel says the area is ready without a connection only once the app itself is stored and in control', async ({
	page,
	context,
}) => {
	test.setTimeout(420_000);
	// The service worker's script is held back: the area is stored, the app shell is not yet.
	let release: () => void = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await context.route('**/sw.js', async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/');
	await waitForMapReady(page);
	const panel = page.getByTestId('offline-area');
	await expect(panel).toHaveAttribute('data-state', 'stored', { timeout: 120_000 });
	await expect(panel).toHaveAttribute('data-shell', 'storing');
	await expect(panel.getByTestId('offline-shell-storing')).toContainText(
		'maar de app zelf wordt nog bewaard: herlaad de pagina nog niet zonder verbinding.',
	);
	await expect(panel.getByTestId('offline-stored')).toHaveCount(0);
	expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

	release();
	await expect(panel).toHaveAttribute('data-shell', 'ready', { timeout: 120_000 });
	await expect(panel.getByTestId('offline-stored')).toContainText('Zonder verbinding werken');
	await context.unroute('**/sw.js');
	// What the panel now says holds: a reload without a connection opens the app and the area.
	await context.setOffline(true);
	await page.reload();
	await waitForMapReady(page);
	await expect(page.getByTestId('offline')).toBeVisible();
});

test('after a hard reload (the page not under the service worker) the panel still says the app opens without a connection', async ({
	page,
	context,
}) => {
	test.setTimeout(420_000);
	await page.goto('/');
	await waitForServiceWorker(page);
	await waitForMapReady(page);
	const panel = page.getByTestId('offline-area');
	await expect(panel).toHaveAttribute('data-state', 'stored', { timeout: 120_000 });
	await expect(panel).toHaveAttribute('data-shell', 'ready');
	// Shift+Reload: the browser bypasses its caches and the service worker for this load
	const cdp = await context.newCDPSession(page);
	await cdp.send('Page.reload', { ignoreCache: true });
	await waitForMapReady(page);
	expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
	await expect(panel).toHaveAttribute('data-state', 'stored', { timeout: 120_000 });
	await expect(panel).toHaveAttribute('data-shell', 'ready');
	await expect(panel.getByTestId('offline-shell-storing')).toHaveCount(0);
	await expect(panel.getByTestId('offline-stored')).toContainText('Zonder verbinding werken');
});

test('with two areas kept, the area chooser says "only the areas kept here" only without a connection, as its description, and reads the list again once the connection is back', async ({
	page,
	context,
}) => {
	test.setTimeout(420_000);
	await page.goto('/');
	await waitForServiceWorker(page);
	await waitForMapReady(page);
	const panel = page.getByTestId('offline-area');
	await expect(panel).toHaveAttribute('data-state', 'stored', { timeout: 120_000 });
	const note = page.getByTestId('area-offline-only');
	const select = page.getByTestId('area-select');

	// A second area opened, and so kept too: the chooser has two choices offline (with one, none)
	const first = await shownAreaId(page);
	const other = (
		await select
			.locator('option')
			.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
	).find((id) => id !== first)!;
	const otherBytes = (await areaManifest(page, other)).bytes;
	await select.selectOption(other);
	await waitForMapReady(page);
	await expect(panel).toHaveAttribute('data-bytes', String(otherBytes), { timeout: 120_000 });
	await expect(panel).toHaveAttribute('data-state', 'stored');

	// Without a connection: the areas kept here, the note describing the chooser (not naming it)
	await context.setOffline(true);
	await page.reload();
	await waitForMapReady(page);
	await expect(select).toHaveValue(other);
	await expect(select.locator('option')).toHaveCount(2);
	expect(
		await select
			.locator('option')
			.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).sort()),
	).toEqual([first, other].sort());
	await expect(select).toHaveAccessibleName('Gebied');
	await expect(select).toHaveAccessibleDescription(
		'Zonder verbinding: alleen de gebieden die op dit toestel bewaard zijn.',
	);
	await expect(note).toBeVisible();

	// The connection back: the list itself again, the note gone
	await context.setOffline(false);
	await expect(note).toHaveCount(0);
	await expect(select).not.toHaveAttribute('aria-describedby');
	expect(await select.locator('option').count()).toBeGreaterThanOrEqual(2);
});

test.describe('what needs a connection says so, in Supabase mode @supabase', () => {
	test.skip(
		!process.env.BUURTKAART_E2E_SUPABASE,
		'runs from playwright.supabase.config.ts against the local stack',
	);
	// The limits are the app's, not the service worker's: the network as it is.
	test.use({ serviceWorkers: 'block' });

	test('without a connection, signing in is disabled with a note and a report says it waits on the device', async ({
		page,
		context,
	}, testInfo) => {
		await page.goto('/?lang=en');
		const status = page.getByTestId('storage-status');
		await expect(status.getByTestId('storage-where')).toHaveText(
			'Saved in the shared database (Supabase)',
		);
		await expect(status).not.toContainText('Opening storage');
		await page.getByText('Sign in for coordinators and planners').click();
		const signIn = page.getByTestId('sign-in');
		await expect(signIn.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
		await expect(signIn.getByTestId('sign-in-offline')).toHaveCount(0);

		await context.setOffline(true);
		await expect(status.getByTestId('offline')).toBeVisible();
		await expect(signIn.getByTestId('sign-in-offline')).toHaveText(
			'Signing in needs a connection.',
		);
		await expect(signIn.getByRole('button', { name: 'Sign in', exact: true })).toBeDisabled();
		await expect(signIn.getByRole('button', { name: 'Email me a sign-in link' })).toBeDisabled();

		await page.getByTestId('report-open').click();
		await expect(page.getByTestId('report-offline')).toHaveText(
			'No connection: your report stays on this device and is sent to the shared database as soon as there is a connection again.',
		);
		await expectNoSeriousA11yViolations(page, ['[data-testid="report-form"]']);
		await page.screenshot({ path: testInfo.outputPath('supabase-offline-limits.png') });

		await context.setOffline(false);
		await expect(page.getByTestId('report-offline')).toHaveCount(0);
	});

	test('a signed-in coordinator offline: saved analyses and initiatives say they need a connection, not that there are none or that the role is missing', async ({
		page,
		context,
	}, testInfo) => {
		test.setTimeout(420_000);
		const env = stackEnv();
		const db = await superuser(env);
		const coordinator = await createUser(db, 'e2e-coordinator-offline');
		try {
			await addMembership(db, coordinator, 'vorselaar', 'coordinator');
			await signInPage(page, env, db, coordinator);
			await page.goto('/?mode=coverage&cats=meeting_place&profile=wheelchair');
			const saved = page.getByTestId('saved-analyses');
			const curated = page.getByTestId('curated');
			await expect(saved.getByTestId('saved-form')).toContainText('Bewaard voor Vorselaar.', {
				timeout: 240_000,
			});
			await expect(curated.getByTestId('curated-add')).toBeVisible();

			// someone typing a name when the connection drops: the form stays, text and focus too;
			// only saving waits, and the note beside it says why
			const name = saved.getByTestId('saved-name');
			await name.fill('Half getypt');
			await name.focus();
			await context.setOffline(true);
			await expect(saved.getByTestId('saved-offline')).toHaveText(
				'Geen verbinding: bewaarde analyses openen en nieuwe bewaren kan pas als er weer verbinding is. Wat al bewaard is, blijft veilig in de gedeelde databank.',
			);
			await expect(name).toHaveValue('Half getypt');
			await expect(name).toBeFocused();
			await expect(saved.getByTestId('saved-save')).toBeDisabled();
			await expect(saved.getByTestId('saved-save')).toHaveAccessibleDescription(
				/^Geen verbinding: bewaarde analyses openen/,
			);
			await expect(saved).not.toContainText('Nog geen bewaarde analyses.');
			await expect(curated.getByTestId('curated-offline')).toContainText(
				'Geen verbinding: initiatieven toevoegen en wijzigen kan pas als er weer verbinding is.',
			);
			await expect(curated).not.toContainText('Alleen buurtzorgregisseurs');
			await expect(curated).not.toContainText('Nog geen lokale initiatieven');
			await saved.scrollIntoViewIfNeeded();
			await page.screenshot({ path: testInfo.outputPath('supabase-offline-saved.png') });

			await context.setOffline(false);
			await expect(saved.getByTestId('saved-form')).toContainText('Bewaard voor Vorselaar.');
			await expect(saved.getByTestId('saved-offline')).toHaveCount(0);
			await expect(saved.getByTestId('saved-save')).toBeEnabled();
			await expect(name).toHaveValue('Half getypt');
			await expect(curated.getByTestId('curated-add')).toBeVisible();
		} finally {
			await db.query('delete from auth.users where id = $1', [coordinator]);
			await db.end();
		}
	});
});
