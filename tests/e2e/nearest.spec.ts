import { expect, test } from '../helpers/test.ts';
import { expectNoSeriousA11yViolations } from '../helpers/a11y.ts';
import { waitForMapReady, captureMap } from '../helpers/map.ts';

// The map reaches the test through the app's `buurtkaart:map` event (no global handle).
test.beforeEach(async ({ page }) => captureMap(page));

test.describe('nearest help by walking time', () => {
	test('the nearest GP from an address, with the wheelchair profile, and the route on the map @phone', async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		await page.getByRole('radio', { name: 'In een rolstoel' }).check();
		const search = page.getByTestId('search-input');
		await search.fill('huisarts');
		await page.getByRole('group', { name: 'Soort hulp' }).getByRole('option').first().click();
		const nearest = page.getByTestId('nearest');
		await expect(nearest.getByRole('heading', { level: 2 })).toHaveText(/Huisarts/);
		await expect(nearest).toContainText('Kies een adres');

		// A real CRAB address in Vorselaar.
		await search.fill('Cardijnlaan 2');
		await page
			.getByRole('group', { name: 'Adressen' })
			.getByRole('option', { name: /Cardijnlaan 2\b.*Vorselaar/ })
			.first()
			.click();
		await expect(nearest).toContainText('Dichtstbij vanaf Cardijnlaan 2, In een rolstoel');
		const items = nearest.getByTestId('nearest-place');
		await expect(items.first()).toContainText(
			/\d+ min met de rolstoel \(\d[\d.\u00a0\u202f]* m langs de straten\)/,
		);
		// Ordered by walking time.
		const minutes = (await items.allTextContents()).map((t) => Number(/(\d+) min/.exec(t)?.[1]));
		expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
		await expect(page).toHaveURL(/profile=wheelchair/);
		await expectNoSeriousA11yViolations(page);

		await items.first().click();
		const details = page.getByTestId('place-details');
		await expect(details.getByTestId('walk-time')).toContainText(/min met de rolstoel/);
		await waitForMapReady(page);
		const routeDrawn = await page.evaluate(() => {
			const map = (
				window as unknown as {
					buurtkaartMap: {
						getSource: (id: string) => { serialize: () => { data: { features: unknown[] } } };
					};
				}
			).buurtkaartMap;
			return map.getSource('route').serialize().data.features.length;
		});
		expect(routeDrawn).toBeGreaterThanOrEqual(2);
		await page.screenshot({ path: testInfo.outputPath('nearest-gp.png') });
	});

	test('"use my location" orders by walking time from the browser\'s position', async ({
		page,
		context,
	}) => {
		await context.grantPermissions(['geolocation']);
		// Lille centre (a real address point: Kerkstraat 1, Lille).
		await context.setGeolocation({ longitude: 4.8236895, latitude: 51.2381459 });
		await page.goto('/?lang=en');
		await page.getByTestId('search-input').fill('pharmacy');
		await page.getByRole('group', { name: 'Kind of help' }).getByRole('option').first().click();
		await page.getByRole('button', { name: 'Use my location' }).click();
		const items = page.getByTestId('nearest').getByTestId('nearest-place');
		await expect(items.first()).toContainText(/\d+ min on foot/);
		await expect(page.getByTestId('nearest')).toContainText('Nearest from my location, Walking');
	});
});
