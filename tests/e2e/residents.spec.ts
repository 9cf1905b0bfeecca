import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '../helpers/test.ts';
import { chooseLanguage } from '../helpers/header.ts';
import { expectNoSeriousA11yViolations } from '../helpers/a11y.ts';
import { waitForMapReady } from '../helpers/map.ts';

test.describe('residents find help nearby', () => {
	test('search "apotheek" and open a pharmacy; in French every text follows; the link opens the same place, view and language', async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		const search = page.getByRole('combobox', { name: /Zoek hulp/ });
		await search.fill('apotheek');
		const options = page.getByRole('option');
		await expect(options.first()).toBeVisible();
		// The kind of help comes first, then the pharmacies of the sample under it.
		await expect(
			page.getByRole('group', { name: 'Soort hulp' }).getByRole('option').first(),
		).toHaveText(/Apotheek/);
		const pharmacy = page
			.getByRole('group', { name: /^Apotheek: \d+/ })
			.getByRole('option')
			.first();
		const name = (await pharmacy.locator('.label').textContent())!;
		await pharmacy.click();
		const details = page.getByTestId('place-details');
		await expect(details.getByRole('heading', { level: 2 })).toHaveText(name);
		await expect(details).toContainText('Apotheek');
		await expect(details).toContainText('Bron');
		// its address names the town, once: the same street names are found in Lille and Vorselaar
		await expect(details.getByTestId('place-address')).toHaveText(/, \d{4} \p{Lu}[^,]*$/u);
		await expect(page).toHaveURL(/place=[nwr]\d+/);
		await waitForMapReady(page);
		await page.screenshot({ path: testInfo.outputPath('pharmacy.png') });
		await expectNoSeriousA11yViolations(page);

		// French, in the page: every text follows, the place stays open.
		await chooseLanguage(page, 'fr');
		await expect(page.getByRole('combobox', { name: /Chercher une aide/ })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(details.getByRole('heading', { level: 2 })).toHaveText(name);
		await expect(details).toContainText('Pharmacie');
		await expect(page.getByRole('button', { name: 'Liste' })).toBeVisible();
		// The address bar follows the state: wait for it to name the place and the language.
		await expect(page).toHaveURL(/[?&]place=[nwr]\d+/);
		await expect(page).toHaveURL(/[?&]lang=fr/);
		const link = page.url();

		// The link, opened in another tab: the same place, in French.
		const other = await page.context().newPage();
		await other.goto(link);
		await expect(other.getByTestId('place-details').getByRole('heading')).toHaveText(name);
		await expect(other.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(other.getByRole('combobox', { name: /Chercher une aide/ })).toBeVisible();
		// Biopharm has no address in OSM, only the nearest address point, "Dorp 16": there is a Dorp
		// in Poederlee (Lille) and one in Vorselaar, so the town is named
		await other.goto('/?place=n3374626661&lang=nl');
		await expect(other.getByTestId('place-address')).toContainText('Dorp 16, 2275 Poederlee');
		// A bus stop says it is one, names the lines that call there (OSM route_ref:De_Lijn) and asks
		// no opening hours. Poederlee Heikant has a stop on each side of the road, told apart by
		// their nearest address.
		await other.goto('/?place=n757434900&lang=nl');
		const stop = other.getByTestId('place-details');
		await expect(stop.locator('.kind')).toHaveText(['Bushalte']);
		await expect(stop.locator('dt', { hasText: /^Lijnen$/ })).toBeVisible();
		await expect(stop.locator('dt')).not.toContainText(['Openingsuren']);
		await expect(stop.getByTestId('place-lines')).toHaveText('210, 213, 409, 418, 429, 449');
		await expect(stop.getByTestId('place-address')).toContainText('Dorp 69, 2275 Poederlee');
		// A car park names its spaces for disabled people (OSM capacity:disabled, capacity).
		await other.goto('/?place=w377629763&lang=nl');
		await expect(
			stop.locator('dt', { hasText: /^Plaatsen voor personen met een handicap$/ }),
		).toBeVisible();
		await expect(stop.getByTestId('place-spaces')).toHaveText('2 van de 13 plaatsen');
		await expect(stop.locator('dt')).not.toContainText(['Openingsuren']);
		await other.goto('/?place=n2438008027&lang=en');
		await expect(stop.locator('dt', { hasText: /^Lines$/ })).toBeVisible();
		await expect(stop.getByTestId('place-address')).toContainText('Dorp 71, 2275 Poederlee');
		await other.close();

		// Back in the first tab: the legend and the search speak French too.
		await details.getByRole('button', { name: 'Fermer' }).click();
		await expect(page.getByTestId('legend')).toContainText('Pharmacie');
		await page.getByTestId('search-input').fill('medecin');
		await expect(
			page.getByRole('group', { name: 'Type d’aide' }).getByRole('option').first(),
		).toHaveText(/Médecin généraliste/);
		await page.screenshot({ path: testInfo.outputPath('french.png') });
	});

	test('the list view shows the same places, grouped, and opens details @phone', async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		await page.getByRole('button', { name: 'Lijst' }).click();
		const list = page.getByTestId('place-list');
		await expect(list.getByRole('heading', { level: 2 })).toHaveText(
			/Plaatsen in Vorselaar en Lille/,
		);
		await expect(list.getByRole('heading', { level: 3, name: 'Apotheek' })).toBeVisible();
		// The filter fits the screen, whatever the longest kind's name (it ran off a phone's edge).
		const filter = (await list.getByLabel('Soort hulp').boundingBox())!;
		expect(filter.x + filter.width).toBeLessThanOrEqual(page.viewportSize()!.width);
		const count = await list.getByTestId('list-place').count();
		expect(count).toBeGreaterThan(10);
		await expect(list.getByRole('status')).toHaveText(`${count} plaatsen`);
		await list.getByLabel('Soort hulp').selectOption('pharmacy');
		await expect(list.getByTestId('list-place')).toHaveCount(4);
		await list.getByTestId('list-place').first().click();
		await expect(page.getByTestId('place-details')).toContainText('Apotheek');
		await expect(page).toHaveURL(/view=list/);
		await page.screenshot({ path: testInfo.outputPath('list.png'), fullPage: true });
		await expectNoSeriousA11yViolations(page);
	});

	test('keyboard only: search, choose, close, switch to the list, open a place', async ({
		page,
	}) => {
		await page.goto('/');
		await page.keyboard.press('Tab'); // the search box is the first control
		await expect(page.getByTestId('search-input')).toBeFocused();
		await page.keyboard.type('huisarts');
		// The kinds of help come first, then the GPs: arrow down past the kinds to the first GP.
		const gps = page.getByRole('group', { name: /^Huisarts: \d+/ }).getByRole('option');
		await expect(gps.first()).toBeVisible();
		const kinds = await page.getByRole('group', { name: 'Soort hulp' }).getByRole('option').count();
		for (let i = 0; i <= kinds; i++) await page.keyboard.press('ArrowDown');
		await expect(gps.first()).toHaveAttribute('aria-selected', 'true');
		await page.keyboard.press('Enter');
		const details = page.getByTestId('place-details');
		await expect(details).toContainText('Huisarts');
		await details.getByRole('button', { name: 'Sluiten' }).focus();
		await page.keyboard.press('Enter');
		await expect(details).toHaveCount(0);
		await page.getByRole('button', { name: 'Lijst' }).focus();
		await page.keyboard.press('Enter');
		await page.getByTestId('list-place').first().focus();
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('place-details')).toBeVisible();
	});

	test('when tiles fail, a translated message says so and search, list and details still work', async ({
		page,
	}, testInfo) => {
		await page.route('**/*.pmtiles', (route) => route.fulfill({ status: 500, body: 'boom' }));
		await page.goto('/');
		await expect(page.getByTestId('map-error')).toContainText(
			'De kaartgegevens konden niet geladen worden',
		);
		await page.getByTestId('search-input').fill('apotheek');
		await page
			.getByRole('group', { name: /^Apotheek: \d+/ })
			.getByRole('option')
			.first()
			.click();
		await expect(page.getByTestId('place-details')).toContainText('Apotheek');
		await page.getByRole('button', { name: 'Lijst' }).click();
		await expect(page.getByTestId('list-place').first()).toBeVisible();
		await page.screenshot({ path: testInfo.outputPath('tiles-failed.png') });
	});

	test('the first view passes axe-core, in every language', async ({ page }) => {
		// One map load: the language is switched in the page, as a resident does, and each language's
		// first view is checked once its texts (the page's lang, the picker's label, the map's label)
		// are in place. Reloading per language would load the map three times for the same view.
		await page.goto('/?lang=nl');
		await waitForMapReady(page);
		const languages = [
			{ lang: 'nl', label: 'Taal', map: /^Kaart van / },
			{ lang: 'fr', label: 'Langue', map: /^Carte de / },
			{ lang: 'en', label: 'Language', map: /^Map of / },
		] as const;
		for (const { lang, label, map } of languages) {
			// (on a phone the header's menu stays open: the choice is checked, and axe checks the menu)
			await chooseLanguage(page, lang, { keepMenuOpen: true });
			await expect(page.getByRole('combobox', { name: label, exact: true })).toHaveValue(lang);
			await expect(page.locator('.maplibregl-canvas')).toHaveAttribute('aria-label', map);
			await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true');
			await expectNoSeriousA11yViolations(page);
		}
	});

	test('large text (200 %): nothing is cut off and the list still works @phone', async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		// Set through the CSSOM, as a browser's text-size setting does (an inline <style> is refused
		// by the Content-Security-Policy).
		await page.evaluate(() =>
			document.documentElement.style.setProperty('font-size', '200%', 'important'),
		);
		await expect(page.getByTestId('search-input')).toBeInViewport();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.getByRole('button', { name: 'Lijst' }).click();
		await page.getByTestId('list-place').first().click();
		await expect(
			page.getByTestId('place-details').getByRole('heading', { level: 2 }),
		).toBeFocused();
		// On a phone the details sheet may take the screen: not a strip of a scroll window (issue 11).
		// (On a desktop the panel is a column beside the map.)
		if (testInfo.project.use.isMobile) {
			const screen = page.viewportSize()!.height;
			const sheet = await page.locator('.panel').boundingBox();
			expect(sheet!.height).toBeGreaterThan(screen * 0.5);
			// The header is one row (the menu and the search): not a third of the screen.
			const header = (await page.locator('.app-header').boundingBox())!;
			expect(header.height).toBeLessThan(screen * 0.15);
			await expect(page.getByTestId('search-input')).toBeInViewport();
			// The sheet takes the screen below the header and toolbar, and never covers them.
			const toolbar = (await page.locator('.toolbar').boundingBox())!;
			expect(sheet!.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height - 1);
			expect(sheet!.y + sheet!.height).toBeGreaterThan(screen - 2);
			await page.screenshot({ path: testInfo.outputPath('large-text.png') });
			// Area and language are in the header's menu.
			const menu = page.getByRole('button', { name: 'Gebied en taal' });
			await expect(menu).toHaveAttribute('aria-expanded', 'false');
			await expect(page.getByTestId('language')).toBeHidden();
			await menu.click();
			await expect(menu).toHaveAttribute('aria-expanded', 'true');
			await expect(page.getByTestId('language')).toBeInViewport();
			await expect(page.getByTestId('area-select')).toBeInViewport();
			await page.screenshot({ path: testInfo.outputPath('large-text-menu.png') });
			await page.getByTestId('language').selectOption('fr');
			await expect(page.getByRole('button', { name: 'Zone et langue' })).toBeVisible();
		} else await page.screenshot({ path: testInfo.outputPath('large-text.png') });
	});

	test('missing tiles (404) are reported, translated', async ({ page }) => {
		await page.route('**/*.pmtiles', (route) => route.fulfill({ status: 404, body: 'not found' }));
		await page.goto('/?lang=fr');
		await expect(page.getByTestId('map-error')).toContainText(
			'Les données de la carte n’ont pas pu être chargées',
		);
	});

	test('a very slow tile server is reported while search and the list work', async ({ page }) => {
		test.setTimeout(90_000);
		// Every tile answer takes 40 s: no error ever comes, the map just does not appear.
		await page.route('**/*.pmtiles', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 40_000));
			await route.continue().catch(() => {});
		});
		// The app says so after 12 s without a drawn map: the page's clock jumps there instead of the
		// test waiting for it (the fake clock runs on as the real one otherwise).
		await page.clock.install();
		await page.goto('/');
		// The first view's map is there but not drawn; the app loads at the latest after 20 s (it
		// waits for the first view's map otherwise), and says the map is slow at once then.
		await expect(page.locator('.first-map')).toBeAttached();
		await page.clock.fastForward('00:21');
		await expect(page.getByTestId('search-input')).toBeVisible();
		await expect(page.getByTestId('map-error')).toContainText('De kaart laadt erg traag');
		await page.getByTestId('search-input').fill('apotheek');
		await expect(
			page
				.getByRole('group', { name: /^Apotheek: \d+/ })
				.getByRole('option')
				.first(),
		).toBeVisible();
		await page.keyboard.press('Escape'); // close the results, as a resident would
		await page.getByRole('button', { name: 'Lijst' }).click();
		await expect(page.getByTestId('list-place').first()).toBeVisible();
	});

	test('a server that ignores range requests is reported too', async ({ page }) => {
		// Answers every request with the whole archive and 200, as a server without range support does.
		await page.route('**/*.pmtiles', (route) =>
			route.fulfill({
				status: 200,
				body: readFileSync(
					path.join('tiles', new URL(route.request().url()).pathname.slice('/tiles/'.length)),
				),
			}),
		);
		await page.goto('/?lang=en');
		await expect(page.getByTestId('map-error')).toContainText('The map data could not be loaded');
	});
});
