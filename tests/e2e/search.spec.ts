import { expect, test, type Page } from '../helpers/test.ts';

/** The search box, once the search worker has loaded and indexed the area's search data. */
async function readySearch(page: Page) {
	const search = page.getByRole('combobox', { name: /Zoek hulp/ });
	await expect(search).toHaveAttribute('data-search-ready', 'true', { timeout: 60_000 });
	return search;
}

test.describe('search as residents type', () => {
	test('addresses as typed, a kind with its places ranked by walking time, show all, an honest empty answer, and the search engine in the worker, not on the page', async ({
		page,
	}, testInfo) => {
		test.setTimeout(120_000);
		await page.goto('/');
		const search = await readySearch(page);
		const listbox = page.getByRole('listbox', { name: 'Zoekresultaten' });

		// Real CRAB addresses, typed as people type them: the exact address is the first result.
		for (const [typed, label] of [
			['dorp 16 poederlee', /^Dorp 16\s*2275 Poederlee\s*$/],
			['Kerkstraat 18, 2290', /^Kerkstraat 18-20\s*2290 Vorselaar\s*$/],
			['markt 10, vorselaar', /^Markt 10\s*2290 Vorselaar\s*$/],
		] as const) {
			await search.fill(typed);
			await expect(listbox.getByRole('option').first()).toHaveText(label);
			await expect(listbox.getByRole('group').first()).toHaveAccessibleName('Adressen');
		}
		await page.screenshot({ path: testInfo.outputPath('search-address.png') });
		await search.press('Enter'); // Markt 10, Vorselaar: where the resident walks from

		// "dokter": the kind, and the doctors under it at once, by walking time from the address.
		await search.fill('dokter');
		await expect(
			page.getByRole('group', { name: 'Soort hulp' }).getByRole('option').first(),
		).toHaveText('Huisarts');
		const doctors = page.getByRole('group', {
			name: /^Huisarts: \d+ · Op wandeltijd vanaf Markt 10$/,
		});
		await expect(doctors.getByRole('option').first()).toContainText(/\d+ min te voet/);
		const minutes = (await doctors.getByRole('option').allTextContents())
			.map((t) => /(\d+) min te voet/.exec(t)?.[1])
			.filter((m) => m !== undefined)
			.map(Number);
		expect(minutes.length).toBeGreaterThan(0);
		expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
		await page.screenshot({ path: testInfo.outputPath('search-dokter-ranked.png') });

		// "ziekenhuis": the nearest general hospital first, said to lie beyond the map's streets.
		await search.fill('ziekenhuis');
		const hospitals = page.getByRole('group', { name: /^Ziekenhuis: \d+/ });
		await expect(hospitals.getByRole('option').first()).toContainText(
			'Algemeen Ziekenhuis Herentals',
		);
		await expect(hospitals.getByRole('option').first()).toContainText('in vogelvlucht');
		// it has an emergency department (GISCO's list says so): the search and its details say it
		await expect(hospitals.getByRole('option').first()).toContainText('Ziekenhuis met spoeddienst');
		await hospitals.getByRole('option').first().click();
		const details = page.getByTestId('place-details');
		await expect(details.getByTestId('place-emergency')).toHaveText('Ja');
		await details.getByRole('button', { name: 'Sluiten' }).click();
		// "spoed": only the hospitals with an emergency department, the nearest first
		await search.fill('spoed');
		const emergency = page.getByRole('group', { name: /^Plaatsen/ }).getByRole('option');
		await expect(emergency.first()).toContainText('Algemeen Ziekenhuis Herentals');
		for (const text of await emergency.allTextContents()) {
			if (!/^Toon alle/.test(text)) expect(text).toContain('Ziekenhuis met spoeddienst');
		}
		await search.fill('');

		// "bank": banks as well as benches.
		await search.fill('bank');
		await expect(page.getByRole('group', { name: /^Zitbank: \d+/ })).toBeVisible();
		await expect(
			page
				.getByRole('group', { name: /^Plaatsen/ })
				.getByRole('option')
				.first(),
		).toContainText('Bank');
		await expect(page.getByRole('group', { name: 'Soort hulp' }).getByRole('option')).toHaveText([
			'Zitbank',
		]);

		// Six supermarkets, then "show all 9": the seventh and later appear. (9 shops: the Albert Heijn
		// of Gierle, mapped as a node, a shop outline and a building, is one place.)
		await search.fill('supermarkt');
		const shops = page.getByRole('group', { name: /^Supermarkt en kruidenier: 9\b/ });
		await expect(shops.getByRole('option')).toHaveCount(7);
		await shops.getByRole('option', { name: 'Toon alle 9' }).click();
		await expect(shops.getByRole('option')).toHaveCount(9);
		await expect(shops.getByRole('option', { name: /GB Vorselaar/ })).toBeVisible();
		await page.screenshot({ path: testInfo.outputPath('search-show-all.png') });

		// A short word with no match: nothing unrelated, and a hint.
		await search.fill('kapper');
		const status = listbox.getByRole('status');
		await expect(status).toContainText('Niets gevonden voor “kapper”.');
		await expect(status).toContainText('Probeer een soort hulp');
		await expect(listbox.getByRole('option')).toHaveCount(0);
		await page.screenshot({ path: testInfo.outputPath('search-empty.png') });

		// Typing goes to the worker. How long the main thread is busy while typing (≤ 50 ms at 4× CPU
		// slowdown) is a timing figure: `npm run bench -- typing`, beside a bare text box in the same run.
		await search.fill('');
		await search.pressSequentially('apotheek');
		await expect(listbox.getByRole('option').first()).toHaveText(/Apotheek/);
		// The index is built in the worker: no script of the page holds the search engine.
		const engineOnPage = await page.evaluate(async () => {
			const urls = performance
				.getEntriesByType('resource')
				.map((e) => e.name)
				.filter((u) => /\/assets\/.*\.js$/.test(u) && !/\.worker-/.test(u));
			const texts = await Promise.all(urls.map((u) => fetch(u).then((r) => r.text())));
			return urls.filter((_, i) => texts[i]!.includes('needs a string id and label'));
		});
		expect(engineOnPage).toEqual([]);

		// The list view, with the address chosen: walking times, and every group ordered by them.
		await page.getByRole('button', { name: 'Lijst' }).click();
		const list = page.getByRole('region', { name: /^Plaatsen in / });
		await expect(list.getByTestId('list-order')).toHaveText('Op wandeltijd vanaf Markt 10');
		const firstGroup = list.getByRole('list').first();
		await expect(firstGroup.getByTestId('list-time').first()).toHaveText(/^\d+ min te voet$/);
		const listMinutes = (await firstGroup.getByTestId('list-time').allTextContents()).map((t) =>
			Number(/(\d+) min/.exec(t)![1]),
		);
		expect(listMinutes.length).toBeGreaterThan(1);
		expect(listMinutes).toEqual([...listMinutes].sort((a, b) => a - b));
	});

	test('the search box says what it finds in words that fit it, on a phone too, in each language @phone', async ({
		page,
	}) => {
		for (const lang of ['nl', 'fr', 'en']) {
			await page.goto(`/?lang=${lang}`);
			const input = page.locator('#search-input');
			await expect(input).toBeVisible();
			// the placeholder's width in the input's font, against the room inside the input
			const fit = await input.evaluate((el: HTMLInputElement) => {
				const style = getComputedStyle(el);
				const ctx = document.createElement('canvas').getContext('2d')!;
				ctx.font = style.font;
				const room =
					el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
				return { text: el.placeholder, width: ctx.measureText(el.placeholder).width, room };
			});
			expect(fit.text, lang).toMatch(/…$/);
			expect(fit.width, `${lang}: ${fit.text}`).toBeLessThanOrEqual(fit.room);
		}
	});
});
