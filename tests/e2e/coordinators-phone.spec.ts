/**
 * The coordinators' workspace on a phone (Pixel 7, no backend): the comparison of two saves, the
 * form for a local initiative and the printed buurtanalyse fit the screen or say that they scroll.
 * Found by looking at phone screenshots (issue #18): a long name in the comparison's selects
 * widened the bottom sheet past the screen's edge (the fieldset kept its content's width), wide
 * tables were cut at the edge with no hint, the initiative's visibility select cut its words, the
 * chosen location showed as raw coordinates, and printed figures broke over two lines. Under
 * print media the report's table ran past a phone's width (the page 631 px wide on a 412 px
 * screen); narrower than its columns, it now lists each kind of help's figures under it.
 * The screenshots are kept in the test's output folder.
 */
import { waitForMapReady } from '../helpers/map.ts';
import { planSuggestion, saveAnalysis, savedItem } from '../helpers/saved-analyses.ts';
import type { Locator } from '@playwright/test';
import { expect, test, type Page } from '../helpers/test.ts';

/** Whether an element lies within the screen's width (0.5 px of rounding allowed). */
async function withinScreen(locator: Locator): Promise<boolean> {
	return locator.evaluate((el) => {
		const box = el.getBoundingClientRect();
		return box.left >= -0.5 && box.right <= window.innerWidth + 0.5;
	});
}

/** Whether the panel (the bottom sheet) is as wide as it shows: nothing in it pushes it sideways. */
async function sheetFits(page: Page): Promise<boolean> {
	return page
		.getByTestId('coverage')
		.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().left >= 0);
}

/** On a phone: the pharmacies' gap analysis of a link, run; its panel. */
async function pharmacyAnalysis(page: Page, project: string): Promise<Locator> {
	test.skip(project !== 'phone', 'the phone layout only');
	test.setTimeout(300_000);
	await page.goto('/?mode=coverage&cats=pharmacy');
	const panel = page.getByTestId('coverage');
	await expect(panel.getByTestId('coverage-status')).toHaveAttribute('data-state', 'done', {
		timeout: 240_000,
	});
	return panel;
}

test.describe('coordinators on a phone', () => {
	test('the printed report fits a phone, a small one too, each figure beside its header @phone', async ({
		page,
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'phone', 'the phone layout only');
		test.setTimeout(300_000);
		await page.goto('/?mode=coverage&cats=meeting_place,pharmacy');
		await expect(page.getByTestId('coverage-status')).toHaveAttribute('data-state', 'done', {
			timeout: 240_000,
		});
		// the print button: the report with the other built-in profiles' columns, its widest form
		await page.getByTestId('coverage-print').click();
		await page.emulateMedia({ media: 'print' });
		const report = page.getByTestId('print-report');
		await expect(report).toBeVisible();
		await expect(report.getByTestId('print-beyond65-other').first()).toBeVisible();
		const phone = page.viewportSize()!;
		for (const size of [phone, { width: 360, height: 640 }]) {
			await page.setViewportSize(size);
			// nothing wider than the screen: the page keeps the phone's width (before: 631 px on 412)
			const width = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				inner: window.innerWidth,
			}));
			expect(width, `${size.width} px`).toEqual({ scroll: size.width, inner: size.width });
			// each figure whole, on one line, within the page, beside its column's header
			const figures = await report
				.locator('[data-testid="print-beyond65"], [data-testid="print-beyond65-other"]')
				.evaluateAll((cells) =>
					cells.map((c) => {
						const range = document.createRange();
						range.selectNodeContents(c);
						const rects = [...range.getClientRects()];
						return {
							lines: new Set(rects.map((r) => Math.round(r.top))).size,
							right: Math.max(...rects.map((r) => r.right)),
							label: getComputedStyle(c, '::before').content,
						};
					}),
				);
			expect(figures.length).toBeGreaterThan(0);
			for (const f of figures) {
				expect(f.lines).toBe(1);
				expect(f.right).toBeLessThanOrEqual(size.width);
				expect(f.label).toMatch(/^"65\+ verder dan de norm — .+"$/);
			}
			await page.screenshot({
				path: testInfo.outputPath(`print-${size.width}.png`),
				fullPage: true,
				scale: 'css',
			});
		}
	});

	test('printed from the full-screen sheet, the report shows the whole map, not the strip left beside it @phone', async ({
		page,
	}, testInfo) => {
		const panel = await pharmacyAnalysis(page, testInfo.project.name);
		await waitForMapReady(page);
		const mapHeight = (await page.getByTestId('map').boundingBox())!.height;
		await panel.getByTestId('coverage-full-screen').click();
		await expect(panel.getByTestId('coverage-full-screen')).toHaveAttribute('aria-pressed', 'true');
		const strip = (await page.getByTestId('map').boundingBox())?.height ?? 0;
		expect(strip).toBeLessThan(mapHeight / 2);
		await panel.getByTestId('coverage-print').click();
		await page.emulateMedia({ media: 'print' });
		const image = page.getByTestId('print-map');
		await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/, { timeout: 60_000 });
		// the picture is of the map as the sheet leaves it outside full screen (in device pixels),
		// not of the strip
		const size = await image.evaluate(async (img: HTMLImageElement) => {
			await img.decode();
			return { height: img.naturalHeight, ratio: window.devicePixelRatio };
		});
		expect(size.height / size.ratio).toBeGreaterThan(Math.max(2 * strip, mapHeight / 2));
		await page.emulateMedia({ media: 'screen' });
		// and the sheet is full screen again
		await expect(panel.getByTestId('coverage-full-screen')).toHaveAttribute('aria-pressed', 'true');
	});

	test('a planned place is tapped on the map from the full-screen sheet, which steps back for it @phone', async ({
		page,
	}, testInfo) => {
		const panel = await pharmacyAnalysis(page, testInfo.project.name);
		const sheetTop = async () => (await page.locator('.panel').boundingBox())!.y;
		const screen = page.viewportSize()!;
		await panel.getByTestId('coverage-full-screen').click();
		await expect(panel.getByTestId('coverage-full-screen')).toHaveAttribute('aria-pressed', 'true');
		// full screen: the map is a strip above the sheet
		await expect.poll(sheetTop).toBeLessThan(screen.height * 0.3);
		const add = panel.getByTestId('coverage-add-click');
		await add.click();
		// picking: the sheet is back to its usual height, the map above it free to tap, and the
		// note that says so in view
		await expect.poll(sheetTop).toBeGreaterThan(screen.height * 0.5);
		await expect(
			panel.getByRole('status').filter({ hasText: 'Klik op de kaart' }),
		).toBeInViewport();
		await page.screenshot({ path: testInfo.outputPath('picking.png') });
		const map = (await page.getByTestId('map').boundingBox())!;
		expect(map.y + map.height).toBeLessThanOrEqual((await sheetTop()) + 1);
		await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
		await expect(panel.getByTestId('coverage-planned').getByRole('listitem')).toHaveCount(1);
		await expect(panel.getByTestId('coverage-delta')).toContainText(/inwoners 65\+ binnen 800 m/);
		// done: full screen again, as the coordinator left it
		await expect(add).toHaveAttribute('aria-pressed', 'false');
		await expect.poll(sheetTop).toBeLessThan(screen.height * 0.3);
		await page.screenshot({ path: testInfo.outputPath('planned-from-full-screen.png') });
	});

	test('compare, a local initiative and the print preview fit the screen or say they scroll @phone', async ({
		page,
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'phone', 'the phone layout only');
		test.setTimeout(420_000);
		await page.goto('/?mode=coverage&cats=meeting_place,pharmacy');
		await expect(page.getByTestId('coverage-status')).toHaveAttribute('data-state', 'done', {
			timeout: 300_000,
		});
		const saved = page.getByTestId('saved-analyses');
		await saveAnalysis(page, 'Nulmeting voorjaar 2026 voor de werkgroep van het dorp');
		await planSuggestion(page);
		const later = 'Met een nieuwe ontmoetingsplaats in het centrum van het dorp';
		await saveAnalysis(page, later);

		await test.step('compare: the selects and the table within the screen', async () => {
			await saved.getByTestId('compare-run').click();
			const comparison = saved.getByTestId('comparison');
			await expect(comparison).toBeVisible();
			await saved.getByTestId('saved-compare').scrollIntoViewIfNeeded();
			for (const id of ['compare-before', 'compare-after'])
				expect(await withinScreen(saved.getByTestId(id)), id).toBe(true);
			// the caption names both analyses in full, whatever the selects show
			await expect(comparison.locator('caption')).toContainText(later);
			expect(await sheetFits(page)).toBe(true);
			await page.screenshot({ path: testInfo.outputPath('compare-phone.png') });
		});

		await test.step('a wide table is cut at the edge with a hint that it scrolls', async () => {
			const table = page.getByTestId('coverage-table');
			const region = page.locator('.scroll-region').filter({ has: table });
			await region.scrollIntoViewIfNeeded();
			await expect(region).toHaveAttribute('data-overflows', 'true');
			// (the note on estimated ages follows the hint, under the table)
			const hint = region
				.locator('xpath=following-sibling::p[1]')
				.filter({ hasText: 'Schuif opzij' });
			await expect(hint).toHaveText('Schuif opzij voor de andere kolommen →');
			expect(await withinScreen(region)).toBe(true);
			await page.screenshot({ path: testInfo.outputPath('table-phone.png') });
			// scrolled to its end, the hint goes
			await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
			await expect(hint).toHaveCount(0);
		});

		await test.step('published and reopened: the stored figures', async () => {
			await savedItem(page, later).getByTestId('saved-visibility').selectOption('public');
			await savedItem(page, later).getByTestId('saved-open').click();
			const stored = page.getByTestId('stored-summaries');
			await expect(stored.getByTestId('stored-title')).toContainText(
				'Opgeslagen resultaat, berekend op',
			);
			await expect(stored.getByTestId('stored-row')).not.toHaveCount(0);
			await stored.scrollIntoViewIfNeeded();
			expect(await sheetFits(page)).toBe(true);
			await page.screenshot({ path: testInfo.outputPath('stored-phone.png') });
			await page.getByTestId('coverage-own').click();
		});

		await test.step('a local initiative: its location by the address, its choices in full', async () => {
			await page.getByTestId('search-input').fill('Markt 10 Vorselaar');
			await page.getByTestId('search-option').filter({ hasText: 'Markt 10' }).first().click();
			const curated = page.getByTestId('curated');
			await curated.getByTestId('curated-add').click();
			await curated.getByTestId('curated-name').fill('Burenhulp De Zonnebloem');
			await curated.getByTestId('curated-at-address').click();
			await expect(curated.getByTestId('curated-location')).toHaveText(
				/^\s*Plaats gekozen: Markt 10/,
			);
			const who = curated.getByTestId('curated-visibility');
			await who.scrollIntoViewIfNeeded();
			await expect(who.getByText('Het team van de gemeente (nog niet gepubliceerd)')).toBeVisible();
			expect(await withinScreen(who)).toBe(true);
			for (const select of await curated.locator('select').all())
				expect(await withinScreen(select)).toBe(true);
			expect(await sheetFits(page)).toBe(true);
			await page.screenshot({ path: testInfo.outputPath('initiative-phone.png') });
			await curated.getByRole('button', { name: 'Annuleren' }).click();
		});

		await test.step('print preview: the report alone, each figure on one line', async () => {
			await page.emulateMedia({ media: 'print' });
			const report = page.getByTestId('print-report');
			await expect(report).toBeVisible();
			await expect(page.getByTestId('coverage-run')).toBeHidden();
			// a figure over two lines has text boxes at two heights
			const lines = await report.locator('[data-testid="print-beyond65"]').evaluateAll((cells) =>
				cells.map((c) => {
					const range = document.createRange();
					range.selectNodeContents(c);
					return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
				}),
			);
			expect(lines.length).toBeGreaterThan(0);
			expect(Math.max(...lines)).toBe(1);
			// What a phone prints: the report once. A full-page screenshot at the Pixel 7's 2.625 device
			// pixels per px (about 11,800 px tall) repeats its first half below it, though the page holds
			// one report; at 1 px per CSS px it shows the report once, so the screenshot is taken so.
			await expect(report).toHaveCount(1);
			await page.screenshot({
				path: testInfo.outputPath('print-phone.png'),
				fullPage: true,
				scale: 'css',
			});
			// Printing lays the report out on paper, whatever the screen: the same pages from a phone
			// as from a desktop's window (a second copy at phone size would add pages).
			const pages = (pdf: Buffer) =>
				pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
			const fromPhone = pages(await page.pdf({ format: 'A4' }));
			const phoneSize = page.viewportSize()!;
			await page.setViewportSize({ width: 1280, height: 800 });
			await expect(report).toBeVisible();
			const fromDesktop = pages(await page.pdf({ format: 'A4' }));
			await page.setViewportSize(phoneSize);
			expect(fromPhone).toBeGreaterThan(1);
			expect(fromPhone).toBe(fromDesktop);
		});
	});
});
