import { expect, test, type Page } from '../helpers/test.ts';
import { chooseAddress, chooseLanguage } from '../helpers/header.ts';
import { expectNoSeriousA11yViolations } from '../helpers/a11y.ts';
import { captureMap, waitForMapReady } from '../helpers/map.ts';

/** The search box, once the search worker has loaded and indexed the area's search data. */
async function readySearch(page: Page) {
	const search = page.getByRole('combobox', { name: /Zoek hulp/ });
	await expect(search).toHaveAttribute('data-search-ready', 'true', { timeout: 60_000 });
	return search;
}

test.describe('residents: no dead ends, honest data, usable at 400 % zoom', () => {
	test('an empty kind leads to help lines with sources; a town hall is found; details say what is unknown and Escape closes them', async ({
		page,
	}, testInfo) => {
		await captureMap(page);
		await page.goto('/');
		const search = await readySearch(page);

		// "eenzaam": the local service centre, which the sample's data do not have: no dead end.
		await search.fill('eenzaam');
		await page
			.getByRole('group', { name: 'Soort hulp' })
			.getByRole('option', { name: /Lokaal dienstencentrum/ })
			.click();
		const nearest = page.getByTestId('nearest');
		await expect(nearest.getByRole('status').first()).toHaveText(
			'Geen “Lokaal dienstencentrum” in de kaartgegevens voor Vorselaar en Lille',
		);
		await expect(nearest).not.toContainText('bereikbaar langs de straten');
		const teleOnthaal = nearest.getByTestId('help-line').filter({ hasText: 'Tele-Onthaal' });
		await expect(teleOnthaal.getByRole('link', { name: 'Bel 106' })).toHaveAttribute(
			'href',
			'tel:106',
		);
		// The source's date, as people write it.
		await expect(
			teleOnthaal.getByRole('link', { name: /^Bron: .+ \(\d{1,2} [a-z]+ \d{4}\)$/ }),
		).toHaveAttribute('href', /^https:\/\//);
		// With no address chosen, a municipality's own line comes first (Vorselaar's OCMW,
		// data/help-lines) and says whom it is for; its old source says its date and age.
		const ocmw = nearest.getByTestId('help-line').first();
		await expect(ocmw).toContainText('OCMW Vorselaar');
		await expect(ocmw).toContainText('Voor wie in Vorselaar woont');
		await expect(ocmw.getByTestId('old-source')).toHaveText(
			/^Let op: deze bron is van 5 mei 2020, \d+ jaar geleden\. Kijk na of het nog klopt\.$/,
		);
		// The same help in neighbouring municipalities: the other built areas are read; the sample's
		// (Vorselaar, Lille) cover no municipality beyond this area, and the panel says so.
		const neighbours = nearest.getByTestId('neighbour-help');
		await expect(
			neighbours.getByRole('heading', { name: 'Dezelfde hulp in de buurgemeenten' }),
		).toBeVisible();
		await expect(neighbours.getByRole('status')).toHaveText(
			'Van de buurgemeenten zijn geen kaartgegevens beschikbaar.',
			{ timeout: 30_000 },
		);
		await page.screenshot({ path: testInfo.outputPath('empty-kind.png') });
		await expectNoSeriousA11yViolations(page);

		// The same in French.
		await chooseLanguage(page, 'fr');
		await expect(nearest.getByRole('status').first()).toHaveText(
			'Aucun « Centre de services local » dans les données de la carte pour Vorselaar et Lille',
		);
		await expect(teleOnthaal.getByRole('link', { name: 'Appeler le 106' })).toBeVisible();
		await chooseLanguage(page, 'nl');
		await nearest.getByRole('button', { name: 'Sluiten' }).click();
		await expect(nearest).toHaveCount(0);

		// "gemeentehuis lille" finds the town hall; its details say what the data do not.
		await search.fill('gemeentehuis lille');
		await expect(page.getByRole('listbox')).toHaveAttribute('aria-busy', 'false');
		await page
			.getByRole('group', { name: /^Gemeentehuis: \d+/ })
			.getByRole('option', { name: /Gemeentehuis Lille/ })
			.click();
		const details = page.getByTestId('place-details');
		const heading = details.getByRole('heading', { level: 2, name: 'Gemeentehuis Lille' });
		await expect(heading).toBeFocused();
		await expect(details).toContainText('Gemeentehuis');
		await expect(details.locator('dt', { hasText: 'Openingsuren' })).toBeVisible();
		await expect(details.locator('dt', { hasText: 'Openingsuren' }).locator('+ dd')).toHaveText(
			'Niet bekend',
		);
		await expect(details.locator('dt', { hasText: 'Rolstoel' }).locator('+ dd')).toHaveText(
			'Niet bekend',
		);
		await expect(details).not.toContainText('Functies in de buurtzorg');
		await expect(
			details.getByRole('link', { name: /Vul het aan op OpenStreetMap/ }),
		).toHaveAttribute('href', 'https://www.openstreetmap.org/edit?way=148953425');
		// MapLibre's own texts follow the language.
		await waitForMapReady(page);
		await expect(page.getByRole('button', { name: 'Inzoomen' })).toBeVisible();
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OpenStreetMap-bijdragers');
		await expect(page.locator('canvas.maplibregl-canvas')).toHaveAttribute(
			'aria-label',
			'Kaart van Vorselaar en Lille',
		);
		await page.screenshot({ path: testInfo.outputPath('town-hall.png') });
		// Escape closes the details: back to the first view.
		await heading.press('Escape');
		await expect(details).toHaveCount(0);
		await expect(page.getByTestId('legend')).toBeVisible();
		await chooseLanguage(page, 'en');
		await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText(
			'OpenStreetMap contributors',
		);
		await expect(page.locator('canvas.maplibregl-canvas')).toHaveAttribute(
			'aria-label',
			'Map of Vorselaar and Lille',
		);

		// The wheelchair filter says why the map would be empty, instead of emptying it silently.
		await page.getByRole('checkbox', { name: 'Only places with wheelchair access' }).check();
		await expect(page.getByTestId('wheelchair-filter').getByRole('status')).toContainText(
			/No place in Vorselaar and Lille has data on wheelchair access|places are wheelchair accessible/,
		);
		// A skip link jumps past the legend's checkboxes.
		await page.getByRole('link', { name: 'Skip to the map (past the legend)' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('#legend-end')).toBeFocused();
	});

	test('from an address in Lille, a kind with no place offers the lines for Lille, not Vorselaar’s social service', async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		const search = await readySearch(page);
		// A real CRAB address in Lille.
		await chooseAddress(page, 'Kerkstraat 1', /Kerkstraat 1\b.*Lille/);
		// Home care: the sample's data hold no place of it.
		await search.fill('thuiszorg');
		await page
			.getByRole('group', { name: 'Soort hulp' })
			.getByRole('option', { name: /Thuiszorg/ })
			.first()
			.click();
		const nearest = page.getByTestId('nearest');
		await expect(nearest.getByRole('heading', { level: 3 }).first()).toHaveText(
			'Hier kan je wel terecht vanuit Lille:',
		);
		const lines = nearest.getByTestId('help-line');
		await expect(lines.filter({ hasText: '1733' })).toHaveCount(1);
		await expect(lines.filter({ hasText: 'Vorselaar' })).toHaveCount(0);
		await expect(nearest).not.toContainText('OCMW Vorselaar');
		// Lille's own social house, a place on the map 50 m away, is offered and opens.
		const house = nearest.getByTestId('own-service');
		await expect(house).toHaveCount(1);
		await expect(house).toContainText('Voor wie in Lille woont');
		await page.screenshot({ path: testInfo.outputPath('empty-kind-lille.png') });
		await house.getByRole('button', { name: 'Toon op de kaart' }).click();
		await expect(page.getByTestId('place-details').getByRole('heading', { level: 2 })).toHaveText(
			'OCMW',
		);
	});

	test('the doctor on call as an older resident asks for it: "1733" and "dokter van wacht" reach the line and the GPs', async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		const search = await readySearch(page);
		await search.fill('1733');
		const lines = page.getByRole('group', { name: 'Hulplijnen' });
		await expect(lines.getByRole('option')).toHaveCount(1);
		await expect(lines.getByRole('option')).toContainText('Huisarts van wacht (1733)');
		await expect(lines.getByRole('option')).toContainText('Bel 1733');
		await page.screenshot({ path: testInfo.outputPath('search-1733.png') });
		await lines.getByRole('option').click();
		const panel = page.getByTestId('help-line-panel');
		await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Huisarts van wacht (1733)');
		await expect(panel.getByRole('link', { name: 'Bel 1733' })).toHaveAttribute('href', 'tel:1733');
		await expect(panel.getByRole('link', { name: /^Bron: Gezond België/ })).toHaveAttribute(
			'href',
			/^https:\/\//,
		);
		await expect(page).toHaveURL(/mode=line&line=1733/);
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({ path: testInfo.outputPath('line-1733.png') });
		// The kinds it is for, that the map has places of: the nearest GPs, one tap away.
		await panel.getByRole('button', { name: 'Huisarts' }).click();
		await expect(page.getByTestId('nearest').getByRole('heading', { level: 2 })).toHaveText(
			/Huisarts/,
		);

		// In words: the kind of help and the line, both.
		await search.fill('dokter van wacht');
		await expect(
			page.getByRole('group', { name: 'Soort hulp' }).getByRole('option').first(),
		).toHaveText(/^Huisarts/);
		await expect(
			page.getByRole('group', { name: 'Hulplijnen' }).getByRole('option').first(),
		).toContainText('Huisarts van wacht (1733)');
	});

	test('400 % zoom (320 × 256): the header scrolls away, every control is reachable, the details scroll with the page; focus and Back', async ({
		page,
	}, testInfo) => {
		await page.setViewportSize({ width: 320, height: 256 });
		await page.goto('/');
		await readySearch(page);
		// No horizontal scrolling, and the page (not a strip of it) scrolls.
		const sizes = () =>
			page.evaluate(() => {
				const e = document.scrollingElement!;
				return {
					overflowX: e.scrollWidth - e.clientWidth,
					scrollable: e.scrollHeight - e.clientHeight,
				};
			});
		expect((await sizes()).overflowX).toBeLessThanOrEqual(0);
		expect((await sizes()).scrollable).toBeGreaterThan(0);
		// Every control of the header, toolbar and panel can be scrolled to and lies inside the width.
		const controls = page.locator(
			'.app-header :is(input, select, button), .toolbar button, .panel :is(button, select, input, a:not(.skip))',
		);
		const count = await controls.count();
		expect(count).toBeGreaterThan(10);
		for (let i = 0; i < count; i++) {
			const control = controls.nth(i);
			if (!(await control.isVisible())) continue;
			await control.scrollIntoViewIfNeeded();
			await expect(control).toBeInViewport();
			const box = (await control.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(320 + 1);
		}
		// The area and language choices fold into the header's menu, within the width too.
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.getByRole('button', { name: 'Gebied en taal' }).click();
		for (const select of [page.getByTestId('area-select'), page.getByTestId('language')]) {
			await select.scrollIntoViewIfNeeded();
			await expect(select).toBeInViewport();
			const box = (await select.boundingBox())!;
			expect(box.x + box.width).toBeLessThanOrEqual(320 + 1);
		}
		await page.getByRole('button', { name: 'Gebied en taal' }).click();
		await expect(page.getByTestId('language')).toBeHidden();
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.screenshot({ path: testInfo.outputPath('reflow-320.png') });

		// Open a place from the list: focus on its name, the details scroll with the page.
		await page.getByRole('button', { name: 'Lijst' }).click();
		const first = page.getByTestId('list-place').first();
		const name = (await first.locator('.name').textContent())!.trim();
		await first.click();
		const details = page.getByTestId('place-details');
		await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
		await expect(details.getByRole('heading', { level: 2 })).toHaveText(name);
		await expect(details.getByRole('heading', { level: 2 })).toBeInViewport();
		await page.screenshot({ path: testInfo.outputPath('reflow-320-details-top.png') });
		const panelScroll = await page
			.locator('.panel')
			.evaluate((el) => el.scrollHeight - el.clientHeight);
		expect(panelScroll).toBeLessThanOrEqual(1);
		await details
			.getByRole('link', { name: /OpenStreetMap/ })
			.last()
			.scrollIntoViewIfNeeded();
		await expect(details.getByRole('link', { name: /OpenStreetMap/ }).last()).toBeInViewport();
		await page.screenshot({ path: testInfo.outputPath('reflow-320-details.png') });

		// Back returns to the list.
		await page.goBack();
		await expect(details).toHaveCount(0);
		await expect(page.getByTestId('list-place').first()).toBeVisible();
	});
});
