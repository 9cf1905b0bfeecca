/**
 * The app shell (issue #9): links that carry the whole view, Back and Forward between modes, the
 * map's layer order from the z-order registry, and more than one area (Vorselaar and Lille built
 * from the sample's own inputs, beside the combined sample). Each journey checks several things
 * on one map load, to keep the suite short.
 */
import {
	expect,
	recordCspViolations,
	test,
	type Browser,
	type Page,
	type TestInfo,
} from '../helpers/test.ts';
import { Z_ORDER } from '../../src/map/z-order.ts';
import {
	captureMap,
	mapSettled,
	mapView,
	renderedLayerOrder,
	renderedValues,
	waitForMapReady,
} from '../helpers/map.ts';
import { chooseAddress } from '../helpers/header.ts';

/**
 * A browser context like the test's project (size, touch), with nothing remembered (only the test's
 * own context remembers the sample area, tests/helpers/test.ts). `close()` checks that its page
 * reported no Content-Security-Policy violation, as the `test` fixture does for `page`.
 */
async function freshPage(browser: Browser, page: Page, testInfo: TestInfo) {
	const { isMobile, hasTouch, deviceScaleFactor } = testInfo.project.use;
	const context = await browser.newContext({
		storageState: { cookies: [], origins: [] },
		viewport: page.viewportSize(),
		...(isMobile ? { isMobile, hasTouch: hasTouch ?? true, deviceScaleFactor } : {}),
	});
	const fresh = await context.newPage();
	const violations = await recordCspViolations(fresh);
	await captureMap(fresh);
	return {
		page: fresh,
		close: async () => {
			await context.close();
			expect(violations, 'Content-Security-Policy violations (fresh context)').toEqual([]);
		},
	};
}

test.beforeEach(async ({ page }) => captureMap(page));

test('a shared link (nearest pharmacy from a Lille address, wheelchair, French) opens the same view; Back and Forward move between modes; layers are drawn in registry order', async ({
	page,
	browser,
	context,
}, testInfo) => {
	test.setTimeout(420_000); // two map loads (one in a fresh context) on software WebGL
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/?area=lille&lang=fr');
	await waitForMapReady(page);
	await page.getByRole('radio', { name: 'En fauteuil roulant' }).check();
	const search = page.getByTestId('search-input');
	await search.fill('pharmacie');
	await page.getByRole('group', { name: 'Type d’aide' }).getByRole('option').first().click();
	const nearest = page.getByTestId('nearest');
	await expect(nearest.getByRole('heading', { level: 2 })).toHaveText(/Pharmacie/);
	// A real CRAB address in Lille (the view before it: the answer's view is another).
	await mapSettled(page);
	const before = new URL(page.url()).searchParams.get('at');
	await chooseAddress(page, 'Kerkstraat 1', /Kerkstraat 1\b.*Lille/, 'Adresses');
	await expect(nearest).toContainText('Les plus proches de Kerkstraat 1');
	await expect(nearest).toContainText('En fauteuil roulant');
	const items = nearest.getByTestId('nearest-place');
	await expect(items.first()).toContainText(
		/\d+ min en fauteuil roulant \(\d[\d.\u00a0\u202f]* m par les rues\)/,
	);
	const listed = await items.allTextContents();
	// The map has arrived at the answer's view (the address with the first places, fitted) and the
	// URL holds that view: only then is what is shared the same as what the page shows (a link
	// copied mid-flight has no view yet).
	const address: [number, number] = [4.8236895, 51.2381459];
	await expect
		.poll(
			async () => {
				const shown = await page.evaluate((at) => {
					const map = (
						window as unknown as {
							buurtkaartMap: {
								isMoving(): boolean;
								getBounds(): { contains(p: [number, number]): boolean };
								getCenter(): { lng: number; lat: number };
								getZoom(): number;
							};
						}
					).buurtkaartMap;
					const c = map.getCenter();
					return {
						still: !map.isMoving(),
						holdsAddress: map.getBounds().contains(at),
						view: [c.lng, c.lat, map.getZoom()],
					};
				}, address);
				const at = new URL(page.url()).searchParams.get('at')?.split(',').map(Number);
				return (
					shown.still &&
					shown.holdsAddress &&
					at !== undefined &&
					at.join(',') !== before &&
					Math.abs(at[0]! - shown.view[0]!) < 1e-4 &&
					Math.abs(at[1]! - shown.view[1]!) < 1e-4 &&
					Math.abs(at[2]! - shown.view[2]!) < 0.01
				);
			},
			{ timeout: 60_000 },
		)
		.toBe(true);

	// Share: no Web Share API in this browser, so the link is copied, and the app says so.
	await page.getByTestId('share').click();
	await expect(page.getByTestId('share-status')).toHaveText(/Lien copié/);
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toBe(page.url());
	for (const part of [
		'area=lille',
		'mode=nearest',
		'cat=pharmacy',
		'profile=wheelchair',
		'lang=fr',
	])
		expect(link).toContain(part);
	expect(link).toMatch(/from=4\.\d+%2C51\.\d+/);
	await page.screenshot({ path: testInfo.outputPath('shared-view.png') });

	// A fresh browser: nothing remembered, the link alone gives the same view.
	const fresh = await freshPage(browser, page, testInfo);
	await fresh.page.goto(link);
	const other = fresh.page.getByTestId('nearest');
	await expect(other.getByRole('heading', { level: 2 })).toHaveText(/Pharmacie/);
	await expect(other).toContainText('Les plus proches de Kerkstraat 1');
	await expect(other.getByTestId('nearest-place').first()).toContainText(/min en fauteuil roulant/);
	expect(await other.getByTestId('nearest-place').allTextContents()).toEqual(listed);
	await expect(fresh.page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(fresh.page.getByTestId('area-select')).toHaveValue('lille');
	await waitForMapReady(fresh.page);
	const at = new URL(link).searchParams.get('at');
	if (at) {
		const [lng, lat, zoom] = at.split(',').map(Number);
		const view = await mapView(fresh.page);
		expect(view.lng).toBeCloseTo(lng!, 3);
		expect(view.lat).toBeCloseTo(lat!, 3);
		expect(view.zoom).toBeCloseTo(zoom!, 1);
	}
	await fresh.page.screenshot({ path: testInfo.outputPath('shared-view-fresh.png') });
	await fresh.close();

	// Modes are history entries: place ← nearest ← explore.
	await items.first().click();
	const details = page.getByTestId('place-details');
	await expect(details.getByTestId('walk-time')).toContainText(/min en fauteuil roulant/);
	await expect(page).toHaveURL(/mode=place/);
	// The route overlay, added at run time, sits where the registry puts it.
	await expect.poll(() => renderedLayerOrder(page)).toContain('route-line');
	const order = await renderedLayerOrder(page);
	expect(order).toEqual(Z_ORDER.filter((id) => order.includes(id)));
	expect(order.indexOf('route-line')).toBeLessThan(order.indexOf('places-icon'));
	expect(order.indexOf('neighbourhoods-fill')).toBeLessThan(order.indexOf('route-casing'));
	// the street names above the route that follows the streets
	expect(order.indexOf('route-line')).toBeLessThan(order.indexOf('basemap-road-labels'));

	await page.goBack();
	await expect(page).toHaveURL(/mode=nearest/);
	await expect(details).toHaveCount(0);
	await expect(nearest.getByTestId('nearest-place').first()).toBeVisible();
	await page.goBack();
	await expect(page).not.toHaveURL(/mode=/);
	await expect(nearest).toHaveCount(0);
	await expect(page.getByTestId('legend')).toBeVisible();
	await page.goForward();
	await expect(page).toHaveURL(/mode=nearest/);
	await expect(nearest.getByTestId('nearest-place')).toHaveText(listed);
});

test('more than one area: choose one, then switch; the other area shows its own neighbourhoods, places and search, and nothing of the old one stays', async ({
	page,
	browser,
}, testInfo) => {
	test.setTimeout(420_000); // two map loads (one in a fresh context) on software WebGL
	const fresh = await freshPage(browser, page, testInfo);
	const p = fresh.page;
	await p.goto('/');
	const chooser = p.getByTestId('area-chooser');
	await expect(chooser.getByRole('heading', { level: 2 })).toHaveText('Kies je gemeente');
	await expect(chooser.getByTestId('area-option')).toHaveCount(3);
	await p.screenshot({ path: testInfo.outputPath('area-chooser.png') });
	await chooser.getByRole('button', { name: /^Vorselaar gegevens verwerkt op/ }).click();
	await expect(p).toHaveURL(/area=vorselaar(&|$)/);
	await waitForMapReady(p);
	// its two wijken, whose polygons carry only a code, named by their Statbel sectors
	const vorselaarWijken = await renderedValues(p, ['neighbourhoods-fill'], 'name');
	expect(vorselaarWijken).toEqual(['Sassenhout', 'Vorselaar-Centrum e.o.']);
	const vorselaarPlaces = await renderedValues(p, ['places-icon'], 'id');
	expect(vorselaarPlaces.length).toBeGreaterThan(0);

	// Something chosen in Vorselaar: an address to walk from, and a place.
	const search = p.getByTestId('search-input');
	await chooseAddress(p, 'Cardijnlaan 2', /Cardijnlaan 2\b.*Vorselaar/);
	await expect(p).toHaveURL(/from=/);
	await search.fill('apotheek');
	await p
		.getByRole('group', { name: /^Apotheek: \d+/ })
		.getByRole('option')
		.first()
		.click();
	await expect(p.getByTestId('place-details')).toBeVisible();

	await p.getByTestId('area-select').selectOption({ label: 'Lille' });
	await expect(p).toHaveURL(/area=lille(&|$)/);
	await expect(p).not.toHaveURL(/from=|place=|mode=/);
	await expect(p.getByTestId('place-details')).toHaveCount(0);
	await expect(p.getByTestId('legend')).toBeVisible();
	await expect(search).toHaveValue('');
	await waitForMapReady(p);
	await expect
		.poll(() => renderedValues(p, ['neighbourhoods-fill'], 'name'))
		.toEqual(['Gierle (Lille)', 'Lille (wijk)', 'Poederlee (Lille)', 'Wechelderzande (Lille)']);
	const lillePlaces = await renderedValues(p, ['places-icon'], 'id');
	expect(lillePlaces.length).toBeGreaterThan(0);
	expect(lillePlaces).not.toEqual(vorselaarPlaces);
	// Lille's search: its own addresses, none of Vorselaar's.
	await search.fill('Kerkstraat 1');
	await expect(
		p
			.getByRole('group', { name: 'Adressen' })
			.getByRole('option', { name: /Kerkstraat 1\b.*Lille/ })
			.first(),
	).toBeVisible();
	await search.fill('Cardijnlaan 2');
	await expect(p.getByRole('option').first()).toBeVisible();
	await expect(p.getByRole('option', { name: /Cardijnlaan.*Vorselaar/ })).toHaveCount(0);
	await search.press('Escape');
	await p.getByRole('button', { name: 'Lijst' }).click();
	await expect(p.getByTestId('place-list').getByRole('heading', { level: 2 })).toHaveText(
		/Plaatsen in Lille/,
	);
	await p.screenshot({ path: testInfo.outputPath('area-lille-list.png') });
	// The device remembers the area: the next visit opens Lille without asking.
	await p.goto('/');
	await expect(p).toHaveURL(/area=lille(&|$)/);
	await expect(p.getByTestId('area-chooser')).toHaveCount(0);
	await fresh.close();
});

test('a shared link to a place with the route from an address opens where its sender looked; a new route is shown whole', async ({
	page,
}) => {
	const details = page.getByTestId('place-details');
	/** Waits until the whole route from `start` to the chosen place is in view, the map still. */
	const routeShownWhole = async (start: [number, number]) => {
		await expect(details.getByTestId('walk-time')).toBeVisible({ timeout: 120_000 });
		await expect
			.poll(
				() =>
					page.evaluate((start) => {
						const map = (
							window as unknown as {
								buurtkaartMap: {
									isMoving(): boolean;
									getBounds(): { contains(ll: [number, number]): boolean };
									queryRenderedFeatures(o: { layers: string[] }): unknown[];
								};
							}
						).buurtkaartMap;
						return (
							!map.isMoving() &&
							map.getBounds().contains(start) &&
							map.queryRenderedFeatures({ layers: ['places-selected'] }).length > 0
						);
					}, start),
				{ timeout: 60_000 },
			)
			.toBe(true);
		expect((await mapView(page)).zoom).toBeLessThan(17);
	};
	const linkedFrom = () =>
		new URL(page.url()).searchParams.get('from')!.split(',').map(Number) as [number, number];
	// An address point of the sample (Vorselaar); its nearest pharmacy, opened from the list.
	const from: [number, number] = [4.835264, 51.228472];
	await page.goto(`/?mode=nearest&cat=pharmacy&from=${from.join(',')}`);
	await page.getByTestId('nearest').getByTestId('nearest-place').first().click();
	await expect(details.getByTestId('walk-time')).toBeVisible({ timeout: 120_000 });
	await expect(page).toHaveURL(/[?&]place=[nwr]\d+/);
	// The sender looked closely at the start of the route (zoom 17.5), not at the whole route.
	const link = new URL(page.url());
	link.searchParams.set('at', `${from.join(',')},17.5`);
	await page.goto(link.toString());
	await expect(details.getByTestId('walk-time')).toBeVisible({ timeout: 120_000 });
	await waitForMapReady(page);
	await expect.poll(() => renderedLayerOrder(page), { timeout: 60_000 }).toContain('route-line');
	await mapSettled(page);
	const opened = await mapView(page);
	expect(opened.lng).toBeCloseTo(from[0], 4);
	expect(opened.lat).toBeCloseTo(from[1], 4);
	expect(opened.zoom).toBeCloseTo(17.5, 2);
	await expect(page).toHaveURL(/[?&]at=[^&]*%2C17\.5(&|$)/);
	// Another starting point, chosen in search (a real CRAB address in Lille): a new route, shown
	// whole again, from the address to the pharmacy.
	await chooseAddress(page, 'Kerkstraat 1', /Kerkstraat 1\b.*Lille/);
	await expect(page).not.toHaveURL(new RegExp(`from=${from[0]}%2C`));
	await routeShownWhole(linkedFrom());

	// The place's link without a starting point: no route to keep the view for. The address the
	// resident then chooses moves the map for them, and its route is shown whole.
	link.searchParams.delete('from');
	await page.goto(link.toString());
	await expect(details.getByRole('heading', { level: 2 })).toBeVisible({ timeout: 120_000 });
	await waitForMapReady(page);
	await expect(details.getByTestId('walk-time')).toHaveCount(0);
	await chooseAddress(page, 'Cardijnlaan 2', /Cardijnlaan 2\b.*Vorselaar/);
	await expect(page).toHaveURL(/[?&]from=/);
	await routeShownWhole(linkedFrom());
});
