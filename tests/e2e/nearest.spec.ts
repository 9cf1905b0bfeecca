import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSearchSource } from '../../src/contracts/search-source.ts';
import { decodeAnalysisBundle } from '../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../src/analysis/engine.ts';
import { nearestPlaces } from '../../src/analysis/nearest.ts';
import { PROFILE_LIMITS, reasonLabel } from '../../src/analysis/profiles.ts';
import { expect, test, type Page } from '../helpers/test.ts';
import { expectNoSeriousA11yViolations } from '../helpers/a11y.ts';
import { SAMPLE_AREA } from '../helpers/areas.ts';
import { waitForMapReady, captureMap } from '../helpers/map.ts';
import { chooseAddress } from '../helpers/header.ts';
import { leastHit, smallControls } from '../helpers/hit-size.ts';

/** The captured map's visible box [[west, south], [east, north]] and zoom, once it stands still. */
async function mapView(page: Page) {
	await page.waitForFunction(() => {
		const map = (
			window as unknown as {
				buurtkaartMap?: { isMoving: () => boolean; loaded: () => boolean };
			}
		).buurtkaartMap;
		return map !== undefined && map.loaded() && !map.isMoving();
	});
	return page.evaluate(() => {
		const map = (
			window as unknown as {
				buurtkaartMap: {
					getBounds: () => { toArray: () => [[number, number], [number, number]] };
					getZoom: () => number;
				};
			}
		).buurtkaartMap;
		return { bounds: map.getBounds().toArray(), zoom: map.getZoom() };
	});
}

// The map reaches the test through the app's `buurtkaart:map` event (no global handle).
test.beforeEach(async ({ page }) => captureMap(page));

/** Types "apotheek" in the search and chooses the kind of help (the nearest list opens). */
async function choosePharmacy(page: Page): Promise<void> {
	await page.getByTestId('search-input').fill('apotheek');
	await page
		.getByRole('group', { name: 'Soort hulp' })
		.getByRole('option', { name: /^Apotheek/ })
		.first()
		.click();
}

test.describe('nearest help by walking time', () => {
	test('the nearest GP from an address, with the wheelchair profile, and the route on the map; a long trip names the bus stop on the way; an empty kind reads the neighbouring area @phone', async ({
		page,
	}, testInfo) => {
		// Vorselaar alone: Lille, its neighbour, is another built area (data/vorselaar-lille/lille.area.json).
		await page.goto('/?area=vorselaar');
		await page.getByRole('radio', { name: 'In een rolstoel' }).check();
		const search = page.getByTestId('search-input');
		await search.fill('huisarts');
		await page.getByRole('group', { name: 'Soort hulp' }).getByRole('option').first().click();
		const nearest = page.getByTestId('nearest');
		await expect(nearest.getByRole('heading', { level: 2 })).toHaveText(/Huisarts/);
		await expect(nearest).toContainText('Kies een adres');

		// A real CRAB address in Vorselaar.
		await chooseAddress(page, 'Cardijnlaan 2', /Cardijnlaan 2\b.*Vorselaar/);
		await expect(nearest).toContainText('Dichtstbij vanaf Cardijnlaan 2 — In een rolstoel');
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

		// A long trip (issue 11, point 6): by wheelchair from Cardijnlaan 2 to the farthest pharmacy
		// takes over 30 minutes; it is marked so, and the bus stop on the way is named with its time.
		await choosePharmacy(page);
		await expect(nearest.getByRole('heading', { level: 2 })).toHaveText(/Apotheek/);
		const farthest = nearest.getByRole('button', { name: /een lange tocht/ }).last();
		await expect(farthest).toContainText(/\d+ min met de rolstoel/);
		const farName = (await farthest.locator('.name').textContent())!.trim();
		await farthest.click();
		await expect(details.getByRole('heading', { level: 2 })).toHaveText(farName);
		await expect(details.getByTestId('walk-time')).toContainText(
			'Verder dan 30 min met de rolstoel: een lange tocht.',
		);
		const stop = details.getByText(
			/^(Bushalte op de weg: .+, na|Dichtste bushalte: .+,) \d+ min met de rolstoel\.$/,
		);
		await expect(stop).toBeVisible({ timeout: 60_000 });
		const tripMin = Number(
			/^(\d+) min/.exec((await details.getByTestId('walk-time').textContent())!.trim())![1],
		);
		const stopMin = Number(/(\d+) min met de rolstoel\.$/.exec((await stop.textContent())!)![1]);
		expect(tripMin).toBeGreaterThan(30);
		expect(stopMin).toBeLessThan(tripMin);
		// (the screenshot once the map has moved to the route and drawn it)
		await page.waitForFunction(() => {
			const map = (
				window as unknown as {
					buurtkaartMap: { isMoving: () => boolean; areTilesLoaded: () => boolean };
				}
			).buurtkaartMap;
			return !map.isMoving() && map.areTilesLoaded();
		});
		await page.screenshot({ path: testInfo.outputPath('stop-on-the-way.png') });

		// A kind with no place in the data: help lines, and the neighbouring area's data are read.
		await search.fill('eenzaam');
		await page
			.getByRole('group', { name: 'Soort hulp' })
			.getByRole('option', { name: /Lokaal dienstencentrum/ })
			.click();
		await expect(nearest.getByRole('status').first()).toHaveText(
			'Geen “Lokaal dienstencentrum” in de kaartgegevens voor Vorselaar',
		);
		await expect(nearest.getByRole('link', { name: 'Bel 106' })).toHaveAttribute('href', 'tel:106');
		const neighbours = nearest.getByRole('region', { name: 'Dezelfde hulp in de buurgemeenten' });
		await expect(neighbours.getByRole('status')).toHaveText(
			/^Ook de kaartgegevens van de buurgemeenten \(Lille\) bevatten geen “Lokaal dienstencentrum”\.$/,
			{ timeout: 60_000 },
		);
		await neighbours.scrollIntoViewIfNeeded();
		await page.screenshot({ path: testInfo.outputPath('neighbour-help.png') });
		await nearest.getByRole('heading', { level: 2 }).scrollIntoViewIfNeeded();
		await page.screenshot({ path: testInfo.outputPath('help-lines.png') });
	});

	test('the nearest list changes profile in place, and the map shows the address with the first places @phone', async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		await choosePharmacy(page);
		const nearest = page.getByTestId('nearest');
		await expect(nearest.getByRole('heading', { level: 2 })).toHaveText(/Apotheek/);
		// A real CRAB address in Lille.
		await chooseAddress(page, 'Kerkstraat 1', /Kerkstraat 1\b.*Lille/);
		await expect(nearest).toContainText('Dichtstbij vanaf Kerkstraat 1 — Te voet');
		const items = nearest.getByTestId('nearest-place');
		await expect(items.first()).toContainText(/\d+ min te voet/);

		// The map shows the address and the first three places of the list, not the street alone.
		await waitForMapReady(page);
		const names = (await items.locator('.name').allTextContents()).slice(0, 3);
		const source = await readSearchSource(
			new Uint8Array(readFileSync(path.join('tiles', SAMPLE_AREA, 'search.json.gz'))),
		);
		const points = names.map((name) => {
			const found = source.places.filter((p) => p.name === name);
			expect(found, name).toHaveLength(1);
			return found[0]!.lngLat;
		});
		const origin: [number, number] = [4.8236895, 51.2381459];
		await expect
			.poll(
				async () => {
					const { bounds } = await mapView(page);
					return [origin, ...points].every(
						([lng, lat]) =>
							lng >= bounds[0][0] &&
							lng <= bounds[1][0] &&
							lat >= bounds[0][1] &&
							lat <= bounds[1][1],
					);
				},
				{ timeout: 30_000 },
			)
			.toBe(true);
		expect((await mapView(page)).zoom).toBeLessThan(17);
		await page.screenshot({ path: testInfo.outputPath('nearest-fitted.png') });

		// The profile is chosen here, without closing the panel; the list follows it.
		const profiles = nearest.getByRole('group', { name: 'Hoe verplaats je je?' });
		const { small } = await smallControls(profiles, await leastHit(page));
		expect(small).toEqual([]);
		await profiles.getByRole('radio', { name: 'In een rolstoel' }).check();
		await expect(nearest).toContainText('Dichtstbij vanaf Kerkstraat 1 — In een rolstoel');
		await expect(items.first()).toContainText(/\d+ min met de rolstoel/);
		await expect(page).toHaveURL(/profile=wheelchair/);
		await profiles.getByRole('radio', { name: 'Met rollator' }).check();
		await expect(items.first()).toContainText(/\d+ min met de rollator/);
		// why the rollator's time is longer than its pace gives: the stretches it takes slower, as
		// the engine's route for the first place has them
		const engine = new AnalysisEngine(
			decodeAnalysisBundle(
				new Uint8Array(readFileSync(path.join('tiles', SAMPLE_AREA, 'analysis.bin'))),
			),
		);
		const [first] = nearestPlaces(engine, origin, 'pharmacy', 'rollator', 1);
		const limited = first!.route.segments.filter((x) => x.status === 'limited');
		const metres = limited.reduce((m, x) => m + x.lengthM, 0);
		const reasons = [...new Set(limited.flatMap((x) => x.reasons))].map((c) =>
			reasonLabel(c, 'nl', PROFILE_LIMITS.rollator),
		);
		expect(metres).toBeGreaterThan(10);
		await expect(items.first().getByTestId('walk-slower')).toHaveText(
			`Trager over ${Math.round(metres).toLocaleString('nl-BE')} m: ${reasons.join(', ')}`,
		);
		await expectNoSeriousA11yViolations(page);
	});

	test('the first place of the list is in sight when it answers, the profile choice above it on one line @phone', async ({
		page,
	}, testInfo) => {
		// On a phone the profile choice took three lines (a heading, then its three buttons over two
		// rows) and pushed the first place below the bottom sheet's edge.
		await page.goto('/');
		await choosePharmacy(page);
		await chooseAddress(page, 'Kerkstraat 1', /Kerkstraat 1\b.*Lille/);
		const nearest = page.getByTestId('nearest');
		const first = nearest.getByTestId('nearest-place').first();
		await expect(first).toContainText(/\d+ min te voet/);
		/** The first place's box and the part of the screen where the panel shows it. */
		const inSight = () =>
			first.evaluate((el) => {
				let sheet = el.parentElement;
				while (sheet && !/auto|scroll/.test(getComputedStyle(sheet).overflowY))
					sheet = sheet.parentElement;
				const shown = sheet?.getBoundingClientRect();
				const box = el.getBoundingClientRect();
				return {
					top: box.top,
					bottom: box.bottom,
					from: Math.max(0, shown?.top ?? 0),
					to: Math.min(window.innerHeight, shown?.bottom ?? window.innerHeight),
					scrolled: sheet?.scrollTop ?? 0,
				};
			});
		const view = await inSight();
		expect(view.scrolled, 'the panel as it opens').toBe(0);
		// the whole first place, its name and its time, without scrolling the panel
		expect(view.top, 'its top').toBeGreaterThanOrEqual(view.from);
		expect(view.bottom, 'its bottom').toBeLessThanOrEqual(view.to + 0.5);
		await page.screenshot({ path: testInfo.outputPath('nearest-first-in-sight.png') });

		// the choice is still there, big enough to hit, on one line on a phone, and works
		const profiles = nearest.getByRole('group', { name: 'Hoe verplaats je je?' });
		const choices = profiles.getByRole('radio');
		await expect(choices).toHaveCount(3);
		const { small } = await smallControls(profiles, await leastHit(page));
		expect(small).toEqual([]);
		if (testInfo.project.name === 'phone') {
			const tops = await profiles
				.locator('label')
				.evaluateAll((labels) => labels.map((l) => Math.round(l.getBoundingClientRect().top)));
			expect(new Set(tops).size, `rows of the profile choice (tops ${tops.join(', ')})`).toBe(1);
		}
		await expect(profiles.getByRole('radio', { name: 'Te voet' })).toBeChecked();
		await profiles.getByRole('radio', { name: 'In een rolstoel' }).check();
		await expect(nearest).toContainText('Dichtstbij vanaf Kerkstraat 1 — In een rolstoel');
		await expect(first).toContainText(/\d+ min met de rolstoel/);
		await expect(profiles.getByRole('radio', { name: 'In een rolstoel' })).toBeChecked();
		// by keyboard, as a radio group: the arrow keys choose the next
		await page.keyboard.press('ArrowLeft');
		await expect(profiles.getByRole('radio', { name: 'Met rollator' })).toBeChecked();
		await expect(first).toContainText(/\d+ min met de rollator/);
		await expectNoSeriousA11yViolations(page);
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
		await expect(page.getByTestId('nearest')).toContainText('Nearest to my location — Walking');
	});
});
