/**
 * Barrier reports in the browser, through the outbox. Tests tagged @device run against the embedded
 * default (no Supabase configured: everything in IndexedDB on the device), in the main config at
 * phone and desktop sizes. The test tagged @supabase runs only from playwright.supabase.config.ts,
 * against a build configured with the local stack's URL and anon key; it checks over REST with the
 * service-role key that the report was stored exactly once.
 */
import { devices } from '@playwright/test';
import { REPORT_STATUSES } from '../../src/contracts/enums.ts';
import { STATUS_COLOURS } from '../../src/map/layers/reports-style.ts';
import { cssRgb, expectNoSeriousA11yViolations } from '../helpers/a11y.ts';
import { expect, recordCspViolations, test, type Page } from '../helpers/test.ts';
import { chooseLanguage } from '../helpers/header.ts';
import { createUser, reportInEveryStatus, stackEnv, superuser } from '../helpers/db.ts';
import {
	captureMap,
	holdMapTiles,
	mapSettled,
	screenPixelsAround,
	waitForMapReady,
} from '../helpers/map.ts';
import { signInPage } from '../helpers/session.ts';

// The map reaches the test through the app's `buurtkaart:map` event (no global handle).
test.beforeEach(async ({ page }) => captureMap(page));

/** Opens the app and the details of the first pharmacy found by the search. */
async function openPharmacy(page: Page): Promise<string> {
	await page.goto('/');
	await page.getByTestId('search-input').fill('apotheek');
	const pharmacy = page
		.getByRole('group', { name: /^Apotheek: \d+/ })
		.getByRole('option')
		.first();
	const name = (await pharmacy.locator('.label').textContent())!;
	await pharmacy.click();
	await expect(page.getByTestId('place-details').getByRole('heading', { level: 2 })).toHaveText(
		name,
	);
	return name;
}

/** From a place's details, opens the report form and fills it in. */
async function fillReportAtPlace(page: Page, placeName: string, kind: string, text: string) {
	await page.getByRole('button', { name: 'Meld hier een probleem' }).click();
	const form = page.getByTestId('report-form');
	await expect(form.getByTestId('report-where')).toHaveText(`Waar: bij ${placeName}`);
	await form.getByLabel('Soort probleem').selectOption({ label: kind });
	await form.getByLabel('Korte beschrijving (niet verplicht)').fill(text);
}

/** The entries of "Mijn meldingen" whose text contains `text`. */
const myReports = (page: Page, text: string) =>
	page.getByTestId('my-report').filter({ hasText: text });

/** Waits until the data layer is open (the status no longer says it is opening). */
async function waitForStorage(page: Page, where: RegExp) {
	const status = page.getByTestId('storage-status');
	await expect(status).toBeVisible();
	await expect(status.getByTestId('storage-where')).toHaveText(where);
	await expect(status).not.toContainText('wordt geopend');
}

/** The statuses of the reports with this text in the device's IndexedDB, read in the page. */
function storedStatuses(page: Page, text: string): Promise<string[]> {
	return page.evaluate(
		(text) =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('buurtkaart');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result
						.transaction('barrier_reports')
						.objectStore('barrier_reports')
						.getAll();
					all.onerror = () => reject(all.error);
					all.onsuccess = () => {
						open.result.close();
						resolve(
							(all.result as { description: string; status: string }[])
								.filter((r) => r.description === text)
								.map((r) => r.status),
						);
					};
				};
			}),
		text,
	);
}

test.describe('barrier reports on the device (embedded default) @device', () => {
	test.skip(!!process.env.BUURTKAART_E2E_SUPABASE, 'runs against the embedded default');

	// One page load: the report's list is shown in the page after sending, and what the device stored
	// is read from its IndexedDB there (a reload's "still there" is the offline test's, below).
	test('report at a place: stored on the device, listed, axe-clean; then withdraw it', async ({
		page,
	}, testInfo) => {
		const text = `Stoep opgebroken voor de ingang (${testInfo.project.name})`;
		const name = await openPharmacy(page);
		await waitForStorage(page, /^Opgeslagen op dit toestel$/);
		await fillReportAtPlace(page, name, 'Kapotte stoep', text);
		// The filled-in form passes axe-core (WCAG 2.1 A/AA) without serious or critical findings.
		await expectNoSeriousA11yViolations(page, [
			'[data-testid="report-form"]',
			'[data-testid="storage-status"]',
		]);
		await page.getByTestId('report-submit').click();
		await expect(page.getByTestId('report-done')).toHaveText('Bedankt! Je melding is bewaard.');
		const stored = myReports(page, text);
		await expect(stored).toHaveCount(1);
		await expect(stored).toHaveAttribute('data-state', 'stored');
		await expect(stored).toHaveAttribute('data-status', 'new');
		await expect(stored).toContainText('Kapotte stoep');
		await expect(stored).toContainText('Nieuw');
		await expect(page.getByTestId('outbox-count')).toHaveCount(0);
		expect(await storedStatuses(page, text)).toEqual(['new']);
		await page.screenshot({ path: testInfo.outputPath('report-saved.png') });
		// The sent form and the list pass axe-core too.
		await expectNoSeriousA11yViolations(page, [
			'[data-testid="report-form"]',
			'[data-testid="storage-status"]',
		]);

		await stored.getByRole('button', { name: 'Intrekken' }).click();
		await expect(stored).toHaveAttribute('data-status', 'withdrawn');
		await expect(stored).toContainText('Ingetrokken');
		await expect(stored.getByRole('button', { name: 'Intrekken' })).toHaveCount(0);
		await expect.poll(() => storedStatuses(page, text)).toEqual(['withdrawn']);
	});

	test('offline: the report waits in the outbox with the count shown, then is delivered once', async ({
		page,
		context,
	}, testInfo) => {
		const text = `Geen verlaagde stoeprand aan het kruispunt (${testInfo.project.name})`;
		const name = await openPharmacy(page);
		await waitForStorage(page, /^Opgeslagen op dit toestel$/);
		await fillReportAtPlace(page, name, 'Geen verlaagde stoeprand', text);

		await context.setOffline(true);
		await page.getByTestId('report-submit').click();
		await expect(page.getByTestId('report-done')).toContainText(
			'wordt verstuurd zodra er weer verbinding is',
		);
		await expect(page.getByTestId('outbox-count')).toHaveText(
			'· 1 melding wacht om verstuurd te worden',
		);
		await expect(page.getByTestId('offline')).toBeVisible();
		await expect(myReports(page, text)).toHaveAttribute('data-state', 'queued');
		await page.screenshot({ path: testInfo.outputPath('report-waiting.png') });

		await context.setOffline(false);
		await expect(page.getByTestId('outbox-count')).toHaveCount(0);
		await expect(myReports(page, text)).toHaveCount(1);
		await expect(myReports(page, text)).toHaveAttribute('data-state', 'stored');

		// Delivered exactly once: after a reload the device holds one report with this text.
		await page.reload();
		await waitForStorage(page, /^Opgeslagen op dit toestel$/);
		await page.getByTestId('report-open').click();
		await expect(page.getByTestId('my-reports')).toBeVisible();
		await expect(myReports(page, text)).toHaveCount(1);
	});

	test('written offline, the browser context closed, a new context opened online: stored once', async ({
		page,
		context,
		browser,
	}, testInfo) => {
		const text = `Trottoir geblokkeerd door werken (${testInfo.project.name} ${crypto.randomUUID()})`;
		const name = await openPharmacy(page);
		await waitForStorage(page, /^Opgeslagen op dit toestel$/);
		await fillReportAtPlace(page, name, 'Versperde doorgang', text);
		await context.setOffline(true);
		await page.getByTestId('report-submit').click();
		await expect(page.getByTestId('report-done')).toContainText('zodra er weer verbinding is');
		await expect(myReports(page, text)).toHaveAttribute('data-state', 'queued');

		// The context closes with the report waiting; a new one opens with the same storage, online.
		const storage = await context.storageState({ indexedDB: true });
		await context.close();
		const { baseURL, viewport, serviceWorkers } = testInfo.project.use;
		const fresh = await browser.newContext({
			baseURL,
			viewport,
			serviceWorkers,
			storageState: storage,
		});
		try {
			const again = await fresh.newPage();
			const violations = await recordCspViolations(again);
			await again.goto('/?mode=report');
			await waitForStorage(again, /^Opgeslagen op dit toestel$/);
			await expect(again.getByTestId('outbox-count')).toHaveCount(0);
			await expect(myReports(again, text)).toHaveCount(1);
			await expect(myReports(again, text)).toHaveAttribute('data-state', 'stored');
			// Exactly once in the device's report store, read straight from IndexedDB.
			const stored = await again.evaluate(
				(text) =>
					new Promise<number>((resolve, reject) => {
						const open = indexedDB.open('buurtkaart');
						open.onerror = () => reject(open.error);
						open.onsuccess = () => {
							const all = open.result
								.transaction('barrier_reports')
								.objectStore('barrier_reports')
								.getAll();
							all.onsuccess = () =>
								resolve(
									(all.result as { description: string }[]).filter((r) => r.description === text)
										.length,
								);
						};
					}),
				text,
			);
			expect(stored).toBe(1);
			expect(violations).toEqual([]);
		} finally {
			await fresh.close();
		}
	});

	test('hostile or over-long text gets a message naming the problem and is never run as HTML', async ({
		page,
	}) => {
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		const name = await openPharmacy(page);
		await waitForStorage(page, /^Opgeslagen op dit toestel$/);

		const hostile = '<img src=x onerror=alert(1)>';
		await fillReportAtPlace(page, name, 'Versperde doorgang', hostile);
		await page.getByTestId('report-submit').click();
		await expect(page.getByTestId('report-error')).toContainText(
			'Je beschrijving bevat “<” gevolgd door een letter, zoals in HTML-code.',
		);
		// Nothing is lost: the text stays in the form; nothing was queued or stored.
		const description = page.getByTestId('report-description');
		await expect(description).toHaveValue(hostile);
		await expect(myReports(page, 'onerror')).toHaveCount(0);

		const tooLong = 'a'.repeat(1001);
		await description.fill(tooLong);
		await page.getByTestId('report-submit').click();
		await expect(page.getByTestId('report-error')).toHaveText(
			'Je beschrijving is te lang: 1.001 tekens, maximaal 1.000.',
		);
		await expect(description).toHaveValue(tooLong);

		// Text that looks like an attack but is not markup is stored and shown exactly as typed.
		// (Entities would turn into other text if it were ever rendered as HTML.)
		const allowed = `"'> onerror=alert(1) &lt;img src=x&gt; & 5 < 6 cm; © "Kerkstraat"`;
		await description.fill(allowed);
		await page.getByTestId('report-submit').click();
		await expect(page.getByTestId('report-done')).toBeVisible();
		const shown = myReports(page, 'onerror=alert(1)');
		await expect(shown.locator('.text')).toHaveText(allowed);
		await expect(shown.locator('img, b, script')).toHaveCount(0);
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
		expect(dialogs).toEqual([]);
	});

	test('a report on the map: a point under the cross, or a stretch of street @phone', async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		await waitForStorage(page, /^Opgeslagen op dit toestel$/);
		await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true');
		await page.getByTestId('report-open').click();
		const form = page.getByTestId('report-form');
		await expect(page.getByTestId('report-crosshair')).toBeVisible();

		// No location yet: the form says what is missing.
		await form.getByTestId('report-submit').click();
		await expect(form.getByTestId('report-error')).toHaveText('Kies eerst waar het probleem is.');

		// A stretch: two centres of the map at street level, moved about 40 m in between.
		await form.getByLabel('Een stuk straat').check();
		const move = (pan: [number, number]) =>
			page.evaluate((pan) => {
				type Handle = {
					jumpTo(o: { zoom: number }): void;
					panBy(offset: [number, number], o: { animate: boolean }): void;
				};
				const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
				map.jumpTo({ zoom: 17 });
				map.panBy(pan, { animate: false });
			}, pan);
		await move([0, 0]);
		await form.getByTestId('report-add-point').click();
		await move([40, 0]);
		await form.getByTestId('report-add-point').click();
		await expect(form.getByTestId('report-error')).toHaveCount(0);
		await expect(form.getByTestId('report-chosen')).toContainText('Stuk straat: 2 punten');
		await form.getByLabel('Soort probleem').selectOption({ label: 'Te smal pad' });
		const text = `Voetpad te smal over dit stuk (${testInfo.project.name})`;
		await form.getByLabel('Korte beschrijving (niet verplicht)').fill(text);
		await page.screenshot({ path: testInfo.outputPath('report-stretch.png') });
		await form.getByTestId('report-submit').click();
		await expect(form.getByTestId('report-done')).toHaveText('Bedankt! Je melding is bewaard.');
		await expect(myReports(page, text)).toHaveAttribute('data-state', 'stored');

		await test.step('a refused point corrected on the map', async () => {
			// A point picked outside every municipality is refused and kept with the reason.
			type Handle = {
				getCenter(): { lng: number; lat: number };
				getMaxBounds(): { getWest(): number };
				jumpTo(o: { center: [number, number] }): void;
				project(p: [number, number]): { x: number; y: number };
				getCanvas(): HTMLCanvasElement;
				getSource(id: string): { serialize(): { data: unknown } } | undefined;
			};
			const go = (center: [number, number]) =>
				page.evaluate((center) => {
					const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
					map.jumpTo({ center });
				}, center);
			/** A click on the map where the point `at` is drawn (the map is centred on it). */
			const clickAt = async (at: [number, number]) => {
				const xy = await page.evaluate((at) => {
					const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
					const p = map.project(at);
					const box = map.getCanvas().getBoundingClientRect();
					return { x: box.left + p.x, y: box.top + p.y };
				}, at);
				await page.mouse.click(xy.x, xy.y);
			};
			const [inside, outside] = await page.evaluate(() => {
				const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
				const c = map.getCenter();
				// where the stretch was stored, and beyond the area (the map lets one pan past it)
				return [
					[c.lng, c.lat],
					[map.getMaxBounds().getWest() + 0.05, c.lat],
				] as [number, number][];
			});
			const refusedText = `Paal midden op het pad (${testInfo.project.name})`;
			await form.getByLabel('Een punt', { exact: true }).check();
			await go(outside!);
			await form.getByTestId('report-pick').click();
			await clickAt(outside!);
			await expect(form.getByTestId('report-chosen')).toContainText('Punt gekozen');
			await form.getByLabel('Soort probleem').selectOption({ label: 'Versperde doorgang' });
			await form.getByLabel('Korte beschrijving (niet verplicht)').fill(refusedText);
			await form.getByTestId('report-submit').click();
			await expect(form.getByTestId('report-error')).toHaveText(
				'Deze plaats ligt buiten het gebied van Buurtkaart.',
			);
			const refused = myReports(page, refusedText);
			await expect(refused).toHaveAttribute('data-state', 'refused');

			// "Aanpassen": the point picked again on the map, drawn there, then saved and stored.
			await refused.getByRole('button', { name: 'Aanpassen' }).click();
			const edit = refused.getByTestId('my-report-edit');
			const was = edit.getByTestId('my-report-where');
			await expect(was).toHaveText(/^Punt gekozen: /);
			const before = await was.textContent();
			await go(inside!);
			await edit.getByTestId('my-report-repick').click();
			await expect(edit.getByTestId('my-report-picking')).toBeVisible();
			await clickAt(inside!);
			await expect(edit.getByTestId('my-report-picking')).toHaveCount(0);
			await expect(was).not.toHaveText(before!);
			const [lng, lat] = inside!;
			await expect(was).toHaveText(`Punt gekozen: ${lat!.toFixed(5)}, ${lng!.toFixed(5)}`);
			const drawn = await page.evaluate(() => {
				const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
				const data = map.getSource('report-edit')?.serialize().data as
					{ features: { geometry: { type: string; coordinates: number[] } }[] } | undefined;
				return data?.features.map((f) => f.geometry);
			});
			expect(drawn).toHaveLength(1);
			expect(drawn![0]!.type).toBe('Point');
			expect(drawn![0]!.coordinates[0]).toBeCloseTo(lng!, 5);
			expect(drawn![0]!.coordinates[1]).toBeCloseTo(lat!, 5);
			// The point was picked at the map's centre, where the form's cross sits: the cross leaves
			// its middle open, so the corrected point's white middle is seen there, not hidden.
			const onScreen = await page.evaluate(
				(at) => {
					const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
					const p = map.project(at);
					const box = map.getCanvas().getBoundingClientRect();
					return { x: box.left + p.x, y: box.top + p.y };
				},
				drawn![0]!.coordinates as [number, number],
			);
			await expect(page.getByTestId('report-crosshair')).toBeVisible();
			// The source holds the point before MapLibre has drawn it: wait for the frame that shows it.
			await mapSettled(page);
			const notWhite = async () =>
				(await screenPixelsAround(page, onScreen, 4)).filter((rgb) => rgb.some((c) => c < 235));
			await expect.poll(notWhite).toEqual([]);
			// and the point's red ring around it (a white middle alone could be a white road); the
			// cross's arms begin 14 px from the centre, beyond the ring's 12 px
			const ring = async () =>
				(await screenPixelsAround(page, onScreen, 11)).filter(
					([r, g, b]) => r > 140 && g < 90 && b < 90,
				).length;
			await expect.poll(ring).toBeGreaterThan(20);
			await page.screenshot({ path: testInfo.outputPath('report-refused-corrected.png') });
			await edit.getByRole('button', { name: 'Opslaan en versturen' }).click();
			await expect(refused).toHaveAttribute('data-state', 'stored');
			await expect(refused).toHaveAttribute('data-status', 'new');
		});
	});

	test('a stretch drawn before the map is ready is kept, says the map is loading, and draws once it is @phone', async ({
		page,
	}, testInfo) => {
		// The map's tiles held back: on a slow phone the form opens before the map. Drawing was
		// refused at once, while the form still said "click on the map", and no click ever drew.
		// A link that carries a profile is not a plain visit, so the app starts at once, while the
		// map waits for its tiles (a plain visit would start it only after the first view's map, or
		// after src/start.ts's fallback of 20 s).
		const release = await holdMapTiles(page);
		await page.goto('/?profile=wheelchair');
		await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'false');
		await page.getByTestId('report-open').click();
		const form = page.getByTestId('report-form');
		await form.getByLabel('Een stuk straat').check();
		await form.getByTestId('report-draw').click();
		const status = form.getByTestId('report-picking');
		await expect(status).toContainText('De kaart laadt nog');
		await page.screenshot({ path: testInfo.outputPath('report-draw-waiting.png') });
		release();
		await waitForMapReady(page);
		await expect(status).not.toContainText('De kaart laadt nog');
		// the clicks that follow draw the stretch
		const box = (await page.getByTestId('map').boundingBox())!;
		const y = box.y + Math.min(box.height / 2, 100);
		await page.mouse.click(box.x + box.width / 2 - 30, y);
		await page.mouse.click(box.x + box.width / 2 + 30, y);
		await expect(form.getByTestId('report-chosen')).toContainText('Stuk straat: 2 punten');
		await form.getByTestId('report-draw-done').click();
		await expect(status).toHaveCount(0);
	});

	test('where things are saved is always shown, and signing in is explained', async ({
		page,
	}, testInfo) => {
		const scripts: string[] = [];
		page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
		await page.goto('/');
		await waitForStorage(page, /^Opgeslagen op dit toestel$/);
		// The embedded default never loads supabase-js.
		expect(scripts.filter((u) => /\/assets\/supabase-[^/]*\.js$/.test(u))).toEqual([]);
		expect(scripts.some((u) => /\/assets\/repositories-[^/]*\.js$/.test(u))).toBe(true);
		await expect(page.getByTestId('sign-in-device-note')).toContainText(
			'Aanmelden kan alleen met de gedeelde databank (Supabase).',
		);
		await chooseLanguage(page, 'fr');
		await expect(page.getByTestId('storage-where')).toHaveText('Enregistré sur cet appareil');
		await chooseLanguage(page, 'en');
		await expect(page.getByTestId('storage-where')).toHaveText('Saved on this device');
		await page.screenshot({ path: testInfo.outputPath('storage-status.png') });
	});
});

test.describe('barrier reports in the shared database (Supabase, local stack) @supabase', () => {
	test.skip(
		!process.env.BUURTKAART_E2E_SUPABASE,
		'runs from playwright.supabase.config.ts against the local stack',
	);

	test('an anonymous resident reports a barrier: stored exactly once in Supabase', async ({
		page,
	}, testInfo) => {
		const url = process.env.SUPABASE_URL!;
		const serviceKey = process.env.SUPABASE_SERVICE_ROLE_KEY!;
		const text = `Stoep opgebroken, e2e ${crypto.randomUUID()}`;
		const rest = (method: string) =>
			fetch(
				`${url}/rest/v1/barrier_reports?description=eq.${encodeURIComponent(text)}&select=id,kind,status,location`,
				{ method, headers: { apikey: serviceKey, Authorization: `Bearer ${serviceKey}` } },
			);
		try {
			const name = await openPharmacy(page);
			await waitForStorage(page, /^Opgeslagen in de gedeelde databank \(Supabase\)$/);
			await fillReportAtPlace(page, name, 'Kapotte stoep', text);
			await page.getByTestId('report-submit').click();
			await expect(page.getByTestId('report-done')).toHaveText('Bedankt! Je melding is bewaard.');
			await expect(page.getByTestId('outbox-count')).toHaveCount(0);
			// An anonymous resident reads back the reports sent from this device (by its device id).
			await expect(page.getByTestId('my-reports')).toContainText('van dit toestel verstuurd');
			await expect(myReports(page, text)).toHaveAttribute('data-state', 'stored');
			await page.screenshot({ path: testInfo.outputPath('report-supabase.png') });

			const response = await rest('GET');
			expect(response.status).toBe(200);
			const rows = (await response.json()) as {
				kind: string;
				status: string;
				location: { type: string };
			}[];
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ kind: 'broken_sidewalk', status: 'new' });
			expect(rows[0]?.location.type).toBe('Point');

			await page.getByTestId('report-form').getByRole('button', { name: 'Sluiten' }).click();
			await page.getByTestId('place-details').getByRole('button', { name: 'Sluiten' }).click();
			// Signing in is offered; bad input gets a translated message before anything is sent.
			await page.getByText('Aanmelden voor coördinatoren en planners').click();
			await page.getByLabel('E-mailadres').fill('geen-adres');
			await page.getByLabel('Wachtwoord').fill('kort');
			await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
			await expect(page.getByTestId('sign-in').getByRole('alert')).toHaveText(
				'Controleer je e-mailadres en wachtwoord (6 tot 72 tekens).',
			);
			await page.screenshot({ path: testInfo.outputPath('sign-in.png') });
		} finally {
			await rest('DELETE');
		}
	});

	test('a signed-in user sees their own report in Supabase and withdraws it', async ({ page }) => {
		const env = stackEnv();
		const db = await superuser(env);
		const userId = await createUser(db, 'e2e-reporter');
		try {
			const email = await signInPage(page, env, db, userId);

			const text = `Te hoge stoeprand, e2e ${crypto.randomUUID()}`;
			const name = await openPharmacy(page);
			await waitForStorage(page, /^Opgeslagen in de gedeelde databank \(Supabase\)$/);
			await fillReportAtPlace(page, name, 'Te hoge stoeprand', text);
			await page.getByTestId('report-submit').click();
			await expect(page.getByTestId('report-done')).toHaveText('Bedankt! Je melding is bewaard.');
			const mine = myReports(page, text);
			await expect(mine).toHaveAttribute('data-status', 'new');
			await mine.getByRole('button', { name: 'Intrekken' }).click();
			await expect(mine).toHaveAttribute('data-status', 'withdrawn');

			const stored = await db.query<{ status: string; reporter_id: string }>(
				'select status, reporter_id from public.barrier_reports where description = $1',
				[text],
			);
			expect(stored.rows).toEqual([{ status: 'withdrawn', reporter_id: userId }]);

			await page.getByTestId('report-form').getByRole('button', { name: 'Sluiten' }).click();
			await page.getByTestId('place-details').getByRole('button', { name: 'Sluiten' }).click();
			await expect(page.getByText(`Aangemeld als ${email}`)).toBeVisible();
		} finally {
			await db.query('delete from public.audit_events where actor_id = $1', [userId]);
			await db.query('delete from public.barrier_reports where reporter_id = $1', [userId]);
			await db.query('delete from auth.users where id = $1', [userId]);
			await db.end();
		}
	});

	for (const size of ['desktop', 'phone'] as const)
		test.describe(`at ${size} size`, () => {
			if (size === 'phone') {
				// the Pixel 7's size, touch and scale in this project's browser
				const { defaultBrowserType: _browser, ...pixel } = devices['Pixel 7'];
				test.use(pixel);
			}
			test(`"Mijn meldingen" gives each status its own colour, the triage list's and the map's (${size})`, async ({
				page,
			}, testInfo) => {
				// The reporter's own list showed every status in one colour (the text's).
				const env = stackEnv();
				const db = await superuser(env);
				const tag = crypto.randomUUID();
				const reporter = await createUser(db, 'e2e-reporter');
				try {
					const ids = await reportInEveryStatus(db, tag, reporter, [4.7705, 51.2025]);

					await signInPage(page, env, db, reporter);
					await page.goto('/?mode=report');
					const mine = page.getByTestId('my-report').filter({ hasText: `e2e ${tag}` });
					await expect(mine).toHaveCount(REPORT_STATUSES.length, { timeout: 120_000 });
					const colours: string[] = [];
					for (const status of REPORT_STATUSES) {
						const item = page.locator(`[data-testid="my-report"][data-id="${ids[status]}"]`);
						await expect(item).toHaveAttribute('data-status', status);
						const look = await item
							.locator('.status')
							.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontStyle]);
						expect(look, status).toEqual([
							cssRgb(STATUS_COLOURS[status]),
							status === 'withdrawn' ? 'italic' : 'normal',
						]);
						colours.push(look[0]!);
					}
					expect(new Set(colours).size).toBe(REPORT_STATUSES.length);
					await expectNoSeriousA11yViolations(page, ['[data-testid="my-reports"]']);
					await mine.first().scrollIntoViewIfNeeded();
					await page.screenshot({ path: testInfo.outputPath(`my-reports-statuses-${size}.png`) });
				} finally {
					await db.query('rollback').catch(() => {});
					await db.query(`delete from public.barrier_reports where description like $1`, [
						`%e2e ${tag}%`,
					]);
					await db.query('delete from public.audit_events where actor_id = $1', [reporter]);
					await db.query('delete from auth.users where id = $1', [reporter]);
					await db.end();
				}
			});
		});
});
