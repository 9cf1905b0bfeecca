/**
 * Barrier reports marked on the map, delivered once, and triaged by the area's planners, in Supabase
 * mode against the local stack (playwright.supabase.config.ts; tagged @supabase). The database is
 * checked directly (superuser connection).
 *
 * - A point picked and a stretch drawn on the map, both drawn there, sent with the connection off;
 *   the page reloaded with the API still unreachable; the browser context closed; a new context
 *   opened online with the same storage: each report is stored exactly once.
 * - A planner of the area pages through more than 1,000 reports, filters them, chooses one by
 *   clicking it on the map, acknowledges it with a note, then resolves it, and downloads the filtered reports as CSV and GeoJSON; the
 *   reporter sees the status and the note; a planner of another area sees no list, and their
 *   attempt through the API changes nothing.
 */
import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import Papa from 'papaparse';
import { devices, type BrowserContextOptions } from '@playwright/test';
import {
	addMembership,
	createUser,
	reportInEveryStatus,
	stackEnv,
	superuser,
	userClient,
} from '../helpers/db.ts';
import { REPORT_STATUSES } from '../../src/contracts/enums.ts';
import { STATUS_COLOURS } from '../../src/map/layers/reports-style.ts';
import { cssRgb, expectNoSeriousA11yViolations } from '../helpers/a11y.ts';
import { rememberArea } from '../helpers/areas.ts';
import { captureMap, renderedValues, waitForMapReady } from '../helpers/map.ts';
import { sampleSearchSource } from '../helpers/sample-search.ts';
import { signInPage } from '../helpers/session.ts';
import { expect, recordCspViolations, test, type Page, type TestInfo } from '../helpers/test.ts';

test.skip(
	!process.env.BUURTKAART_E2E_SUPABASE,
	'runs from playwright.supabase.config.ts against the local stack',
);
// Each journey opens the app in two or three browser contexts (software WebGL on a busy machine).
test.describe.configure({ timeout: 420_000 });

/**
 * Removes what a test stored: the reports whose description holds `e2e {tag}`, and the users (with
 * their audit events and memberships); then closes the connection.
 */
async function removeStored(db: pg.Client, tag: string, users: string[]): Promise<void> {
	await db.query(`delete from public.barrier_reports where description like $1`, [`%e2e ${tag}%`]);
	await db.query('delete from public.audit_events where actor_id = any($1)', [users]);
	await db.query('delete from public.memberships where user_id = any($1)', [users]);
	await db.query('delete from auth.users where id = any($1)', [users]);
	await db.end();
}

/** The options of this project's contexts, for a second context in the same test. */
function contextOptions(testInfo: TestInfo): BrowserContextOptions {
	const use = testInfo.project.use;
	return { baseURL: use.baseURL, viewport: use.viewport, serviceWorkers: use.serviceWorkers };
}

async function waitForSupabase(page: Page) {
	const status = page.getByTestId('storage-status');
	await expect(status.getByTestId('storage-where')).toHaveText(
		'Opgeslagen in de gedeelde databank (Supabase)',
	);
	await expect(status).not.toContainText('wordt geopend');
}

/** The report-draft overlay's features on the map: their geometry types. */
function draftTypes(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		type Handle = {
			getStyle(): {
				sources: Record<string, { data?: { features: { geometry: { type: string } }[] } }>;
			};
		};
		const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
		return (map.getStyle().sources['report-draft']?.data?.features ?? []).map(
			(f) => f.geometry.type,
		);
	});
}

test('a point and a stretch picked on the map, sent offline, reloaded, reopened online: stored once @supabase', async ({
	page,
	context,
	browser,
}, testInfo) => {
	const env = stackEnv();
	const db = await superuser(env);
	const tag = crypto.randomUUID();
	const pointText = `Paal midden op het voetpad, e2e ${tag}`;
	const stretchText = `Voetpad te smal over dit stuk, e2e ${tag}`;
	try {
		await captureMap(page);
		await page.goto('/?mode=report');
		await waitForSupabase(page);
		await waitForMapReady(page);
		await page.evaluate(() => {
			const map = (window as unknown as { buurtkaartMap: { jumpTo(o: { zoom: number }): void } })
				.buurtkaartMap;
			map.jumpTo({ zoom: 16 });
		});
		const form = page.getByTestId('report-form');
		const mapBox = (await page.getByTestId('map').boundingBox())!;
		const at = (dx: number, dy: number) => ({
			x: mapBox.x + mapBox.width / 2 + dx,
			y: mapBox.y + mapBox.height / 2 + dy,
		});

		// The point: picked with a click on the map, then drawn there.
		await form.getByTestId('report-pick').click();
		await expect(form.getByTestId('report-picking')).toBeVisible();
		await page.mouse.click(at(-60, 0).x, at(-60, 0).y);
		await expect(form.getByTestId('report-chosen')).toContainText('Punt gekozen');
		await expect(form.getByTestId('report-picking')).toHaveCount(0);
		await expect.poll(() => draftTypes(page)).toEqual(['Point']);
		await form.getByLabel('Soort probleem').selectOption({ label: 'Versperde doorgang' });
		await form.getByLabel('Korte beschrijving (niet verplicht)').fill(pointText);

		await context.setOffline(true);
		await form.getByTestId('report-submit').click();
		await expect(form.getByTestId('report-done')).toContainText('zodra er weer verbinding is');
		// Service workers are blocked here: the form says the app must be opened again to send it.
		await expect(form.getByTestId('report-background-sync')).toContainText(
			'Deze browser verstuurt niets terwijl Buurtkaart gesloten is',
		);

		// The stretch: clicks along the street, ended with "Klaar"; the line and its points are drawn.
		await form.getByLabel('Een stuk straat').check();
		await form.getByTestId('report-draw').click();
		await page.mouse.click(at(20, 0).x, at(20, 0).y);
		await page.mouse.click(at(90, 30).x, at(90, 30).y);
		await expect(form.getByTestId('report-chosen')).toContainText('Stuk straat: 2 punten');
		await expect.poll(() => draftTypes(page)).toEqual(['LineString', 'Point', 'Point']);
		await form.getByTestId('report-draw-done').click();
		await form.getByLabel('Soort probleem').selectOption({ label: 'Te smal pad' });
		await form.getByLabel('Korte beschrijving (niet verplicht)').fill(stretchText);
		await page.screenshot({ path: testInfo.outputPath('report-stretch-drawn.png') });
		await form.getByTestId('report-submit').click();
		await expect(form.getByTestId('report-done')).toContainText('zodra er weer verbinding is');
		await expect(page.getByTestId('outbox-count')).toHaveAttribute('data-count', '2');

		// Reloaded while the API is still unreachable: both still wait on the device.
		await page.route(`${env.SUPABASE_URL}/**`, (route) => route.abort('internetdisconnected'));
		await context.setOffline(false);
		await page.reload();
		await waitForSupabase(page);
		await expect(page.getByTestId('outbox-count')).toHaveAttribute('data-count', '2');
		const stored = await db.query(
			'select 1 from public.barrier_reports where description like $1',
			[`%e2e ${tag}`],
		);
		expect(stored.rowCount).toBe(0);

		// The tab and the browser context closed; a new one opened online with the same storage.
		const storage = await context.storageState({ indexedDB: true });
		await context.close();
		const fresh = await browser.newContext({ ...contextOptions(testInfo), storageState: storage });
		try {
			const again = await fresh.newPage();
			const violations = await recordCspViolations(again);
			await again.goto('/?mode=report');
			await waitForSupabase(again);
			await expect(again.getByTestId('outbox-count')).toHaveCount(0);
			const mine = again.getByTestId('my-report').filter({ hasText: `e2e ${tag}` });
			await expect(mine).toHaveCount(2);
			await expect(mine.first()).toHaveAttribute('data-state', 'stored');
			expect(violations).toEqual([]);
		} finally {
			await fresh.close();
		}

		const rows = await db.query<{ description: string; type: string; points: number }>(
			`select description, extensions.st_geometrytype(geom) as type, extensions.st_npoints(geom) as points
			 from public.barrier_reports where description like $1 order by description`,
			[`%e2e ${tag}`],
		);
		expect(rows.rows).toEqual([
			{ description: pointText, type: 'ST_Point', points: 1 },
			{ description: stretchText, type: 'ST_LineString', points: 2 },
		]);
	} finally {
		await db.query('delete from public.barrier_reports where description like $1', [`%e2e ${tag}`]);
		await db.end();
	}
});

test('a planner of the area triages: pages, filters, acknowledges and resolves with a note, exports; the reporter follows; another area’s planner cannot @supabase', async ({
	page,
	browser,
}, testInfo) => {
	const env = stackEnv();
	const db = await superuser(env);
	const tag = crypto.randomUUID();
	const planner = await createUser(db, 'e2e-planner');
	const otherPlanner = await createUser(db, 'e2e-planner-other');
	const reporter = await createUser(db, 'e2e-reporter');
	const users = [planner, otherPlanner, reporter];
	const text = `=SOM(A1) stoep te smal, e2e ${tag}`;
	// The reporter's report lies on a pharmacy's icon (the real one nearest the village centre,
	// to 6 decimals), so choosing it on the map also shows that one click opens one thing: the
	// report on top, not the place under it.
	const centre: [number, number] = [4.7712, 51.2031];
	const pharmacy = (await sampleSearchSource()).places
		.filter((p) => p.categoryIds.includes('pharmacy'))
		.map((p) => ({ p, d: Math.hypot(p.lngLat[0] - centre[0], p.lngLat[1] - centre[1]) }))
		.sort((a, b) => a.d - b.d)[0]!.p;
	const where = pharmacy.lngLat.map((x) => Math.round(x * 1e6) / 1e6) as [number, number];
	const firstNote = 'We meten het voetpad op 3 december.';
	const lastNote = 'Voetpad verbreed tot 1,5 m.';
	try {
		await addMembership(db, planner, 'vorselaar', 'planner');
		await addMembership(db, otherPlanner, 'lille', 'planner');
		// 1,050 reports in Vorselaar (inserted directly: the API's rate limits are not under test),
		// then the reporter's own, the newest.
		await db.query(
			`insert into public.barrier_reports (id, kind, description, location, client_id, created_at)
			 select gen_random_uuid(), 'other', 'bulk e2e ' || $1 || ' ' || i,
				jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(4.7705 + i * 1e-6, 51.2025)),
				gen_random_uuid(), now() - make_interval(mins => i)
			 from generate_series(1, 1050) as i`,
			[tag],
		);
		const inserted = await db.query<{ id: string }>(
			`insert into public.barrier_reports (id, kind, description, location, client_id, reporter_id)
			 values (gen_random_uuid(), 'narrow_path', $1, $3, gen_random_uuid(), $2)
			 returning id`,
			[text, reporter, JSON.stringify({ type: 'Point', coordinates: where })],
		);
		const reportId = inserted.rows[0]!.id;

		// The planner opens the triage: the list pages through every report of the municipality.
		await captureMap(page);
		await signInPage(page, env, db, planner);
		await page.goto('/?mode=reports');
		const panel = page.getByTestId('reports-panel');
		const count = panel.getByTestId('reports-count');
		await expect(count).toHaveText(/^1–50 van [\d.]+ meldingen$/, { timeout: 120_000 });
		const total = Number((await count.textContent())!.match(/van ([\d.]+)/)![1]!.replace('.', ''));
		expect(total).toBeGreaterThanOrEqual(1051);
		await expect(panel.getByTestId('reports-item')).toHaveCount(50);
		await panel.getByTestId('reports-next').click();
		await expect(count).toHaveText(/^51–100 van [\d.]+ meldingen$/);
		await expect(page).toHaveURL(/[?&]page=2/);
		await panel.getByTestId('reports-previous').click();
		await expect(count).toHaveText(/^1–50 van /);

		// Filtered by kind and status, the reporter's report; acknowledged with a note and a public text.
		await panel.getByTestId('reports-kind').selectOption('narrow_path');
		await panel.getByTestId('reports-status').selectOption('new');
		const item = panel.getByTestId('reports-item').filter({ hasText: `e2e ${tag}` });
		// Chosen on the map: its point clicked there opens it in the list and the URL.
		await test.step('the report chosen on the map', async () => {
			await waitForMapReady(page);
			await page.evaluate((center) => {
				const map = (
					window as unknown as {
						buurtkaartMap: { jumpTo(o: { center: number[]; zoom: number }): void };
					}
				).buurtkaartMap;
				map.jumpTo({ center, zoom: 18 });
			}, where);
			await expect
				.poll(() => renderedValues(page, ['reports-point'], 'id'), { timeout: 60_000 })
				.toContain(reportId);
			await expect
				.poll(() => renderedValues(page, ['places-icon'], 'id'), { timeout: 60_000 })
				.toContain(pharmacy.id);
			const onScreen = await page.evaluate((at) => {
				type Handle = {
					project(p: number[]): { x: number; y: number };
					getCanvas(): HTMLCanvasElement;
				};
				const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
				const p = map.project(at);
				const box = map.getCanvas().getBoundingClientRect();
				return { x: box.left + p.x, y: box.top + p.y };
			}, where);
			await page.mouse.click(onScreen.x, onScreen.y);
			await expect(page).toHaveURL(new RegExp(`report=${reportId}`));
			await expect(item.getByRole('button').first()).toHaveAttribute('aria-current', 'true');
			// the pharmacy under the report did not open as well
			expect(new URL(page.url()).searchParams.get('mode')).toBe('reports');
			expect(new URL(page.url()).searchParams.has('place')).toBe(false);
			await page.screenshot({ path: testInfo.outputPath('triage-chosen-on-map.png') });
		});
		const actions = item.getByTestId('reports-actions');
		await actions.getByTestId('reports-note').fill(firstNote);
		await actions
			.getByTestId('reports-public-text')
			.fill('Voetpad te smal; de gemeente meet het op.');
		await actions.getByRole('button', { name: 'In behandeling nemen' }).click();
		await expect(panel.getByTestId('reports-saved')).toHaveText('Bewaard. Status: In behandeling.');
		await page.screenshot({ path: testInfo.outputPath('triage-acknowledged.png') });

		await panel.getByTestId('reports-status').selectOption('acknowledged');
		await item.getByRole('button').first().click();
		await item.getByTestId('reports-note').fill(lastNote);
		await item.getByRole('button', { name: 'Opgelost' }).click();
		await expect(panel.getByTestId('reports-saved')).toHaveText('Bewaard. Status: Opgelost.');
		const triaged = await db.query(
			'select status::text, planner_note, public_text from public.barrier_reports where id = $1',
			[reportId],
		);
		expect(triaged.rows).toEqual([
			{
				status: 'resolved',
				planner_note: lastNote,
				public_text: 'Voetpad te smal; de gemeente meet het op.',
			},
		]);

		// Exports of the filtered reports, downloaded and opened.
		await panel.getByTestId('reports-status').selectOption('');
		const [csvDownload] = await Promise.all([
			page.waitForEvent('download'),
			panel.getByTestId('reports-export-csv').click(),
		]);
		const csv = await readFile((await csvDownload.path())!, 'utf8');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		// Dutch spreadsheet conventions (src/data/csv.ts, the interface language): a semicolon between cells
		const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
			delimiter: ';',
			header: true,
			skipEmptyLines: true,
		}).data;
		const row = rows.find((r) => r.id === reportId);
		expect(row).toMatchObject({
			kind: 'narrow_path',
			status: 'resolved',
			description: `'${text}`,
			planner_note: lastNote,
			wkt: `POINT (${where[0]} ${where[1]})`,
		});
		expect(rows.every((r) => r.kind === 'narrow_path')).toBe(true);
		const [geoDownload] = await Promise.all([
			page.waitForEvent('download'),
			panel.getByTestId('reports-export-geojson').click(),
		]);
		expect(geoDownload.suggestedFilename()).toMatch(
			/^meldingen-vorselaar-\d{4}-\d{2}-\d{2}\.geojson$/,
		);
		const geojson = JSON.parse(await readFile((await geoDownload.path())!, 'utf8')) as {
			features: { id: string; geometry: { type: string; coordinates: number[] } }[];
		};
		expect(geojson.features.find((f) => f.id === reportId)?.geometry).toEqual({
			type: 'Point',
			coordinates: where,
		});

		// The reporter follows the report: status and note.
		const reporterContext = await browser.newContext(contextOptions(testInfo));
		await rememberArea(reporterContext);
		try {
			const reporterPage = await reporterContext.newPage();
			await signInPage(reporterPage, env, db, reporter);
			await reporterPage.goto('/?mode=report');
			const mine = reporterPage.getByTestId('my-report').filter({ hasText: `e2e ${tag}` });
			await expect(mine).toHaveAttribute('data-status', 'resolved');
			await expect(mine).toContainText('Opgelost');
			await expect(mine.getByTestId('my-report-note')).toHaveText(
				`Notitie van de gemeente: ${lastNote}`,
			);
			await reporterPage.screenshot({ path: testInfo.outputPath('reporter-follows.png') });
		} finally {
			await reporterContext.close();
		}

		// A planner of another area: no list in the app, and the same change through the API is refused.
		const otherContext = await browser.newContext(contextOptions(testInfo));
		try {
			const otherPage = await otherContext.newPage();
			await signInPage(otherPage, env, db, otherPlanner);
			// (the sample's combined area holds their Lille too: Vorselaar alone is the other area)
			await otherPage.goto(`/?area=vorselaar&mode=reports&report=${reportId}`);
			await expect(otherPage.getByTestId('reports-no-area')).toContainText(
				'Je bent geen planner of coördinator van een gemeente in dit gebied',
			);
			await expect(otherPage.getByTestId('reports-item')).toHaveCount(0);
		} finally {
			await otherContext.close();
		}
		const other = await userClient(otherPlanner, undefined, env);
		const attempt = await other
			.from('barrier_reports')
			.update({ status: 'rejected', planner_note: 'niet van mij' })
			.eq('id', reportId)
			.select('id');
		expect(attempt.data ?? []).toEqual([]);
		const { rows: areaRows } = await db.query<{ area_id: string }>(
			'select area_id from public.barrier_reports where id = $1',
			[reportId],
		);
		const list = await other.rpc('area_barrier_reports', { p_area_id: areaRows[0]!.area_id });
		expect(list.error?.code).toBe('42501');
		const after = await db.query(
			'select status::text, planner_note from public.barrier_reports where id = $1',
			[reportId],
		);
		expect(after.rows).toEqual([{ status: 'resolved', planner_note: lastNote }]);
	} finally {
		await removeStored(db, tag, users);
	}
});

for (const size of ['desktop', 'phone'] as const)
	test.describe(`at ${size} size`, () => {
		if (size === 'phone') {
			// the Pixel 7's size, touch and scale in this project's browser
			const { defaultBrowserType: _browser, ...pixel } = devices['Pixel 7'];
			test.use(pixel);
		}
		test(`every status has its own colour in the list, as on the map, with enough contrast (${size}) @supabase`, async ({
			page,
		}, testInfo) => {
			// "Afgewezen" and "Ingetrokken" had no colour in the list (and one grey on the map).
			const env = stackEnv();
			const db = await superuser(env);
			const tag = crypto.randomUUID();
			const planner = await createUser(db, 'e2e-planner');
			const reporter = await createUser(db, 'e2e-reporter');
			try {
				await addMembership(db, planner, 'vorselaar', 'planner');
				const ids = await reportInEveryStatus(db, tag, reporter, [4.7705, 51.2025]);

				await signInPage(page, env, db, planner);
				await page.goto('/?mode=reports&barrier=high_kerb');
				const panel = page.getByTestId('reports-panel');
				const mine = panel.getByTestId('reports-item').filter({ hasText: `e2e ${tag}` });
				await expect(mine).toHaveCount(REPORT_STATUSES.length, { timeout: 120_000 });
				const colours: string[] = [];
				for (const status of REPORT_STATUSES) {
					const item = panel.locator(`[data-testid="reports-item"][data-id="${ids[status]}"]`);
					await expect(item).toHaveAttribute('data-status', status);
					const colour = await item.locator('.status').evaluate((el) => getComputedStyle(el).color);
					expect(colour, status).toBe(cssRgb(STATUS_COLOURS[status]));
					colours.push(colour);
				}
				expect(new Set(colours).size).toBe(REPORT_STATUSES.length);
				await expectNoSeriousA11yViolations(page, ['[data-testid="reports-panel"]']);
				await page.screenshot({ path: testInfo.outputPath(`triage-statuses-${size}.png`) });
			} finally {
				await db.query('rollback').catch(() => {});
				await removeStored(db, tag, [planner, reporter]);
			}
		});

		test(`a stretch chosen in the list shows whole on the map, above the panel (${size}) @supabase`, async ({
			page,
		}, testInfo) => {
			// A chosen report was flown to at zoom 17 on its first point: a stretch longer than the
			// map's part of the screen (on a phone, above the sheet, little more than a third of it)
			// ran out of sight. The stretch is now fitted into the map in sight.
			const env = stackEnv();
			const db = await superuser(env);
			const tag = crypto.randomUUID();
			const planner = await createUser(db, 'e2e-planner');
			// about 700 m of Vorselaar, north to south
			const stretch: [number, number][] = [
				[4.7712, 51.2031],
				[4.7714, 51.1999],
				[4.7712, 51.1968],
			];
			try {
				await addMembership(db, planner, 'vorselaar', 'planner');
				await db.query(
					`insert into public.barrier_reports (id, kind, description, location, client_id)
					 values (gen_random_uuid(), 'narrow_path', $1, $2, gen_random_uuid())`,
					[`e2e ${tag}`, JSON.stringify({ type: 'LineString', coordinates: stretch })],
				);
				await captureMap(page);
				await signInPage(page, env, db, planner);
				await page.goto('/?mode=reports&barrier=narrow_path');
				const panel = page.getByTestId('reports-panel');
				const item = panel.getByTestId('reports-item').filter({ hasText: `e2e ${tag}` });
				await expect(item).toHaveCount(1, { timeout: 120_000 });
				await waitForMapReady(page);
				await item.getByRole('button').first().click();
				await expect(item.getByTestId('reports-actions')).toBeVisible();
				// where the stretch's points lie on the screen once the map has come to rest, against
				// the map in sight: its canvas less what the panel covers of it (under it on a phone)
				const placement = () =>
					page.evaluate((points) => {
						type Handle = {
							project(p: number[]): { x: number; y: number };
							getCanvas(): HTMLCanvasElement;
							isMoving(): boolean;
						};
						const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
						const canvas = map.getCanvas().getBoundingClientRect();
						const s = document
							.querySelector('[data-testid="reports-panel"]')!
							.closest('aside')!
							.getBoundingClientRect();
						const overlaps =
							s.left < canvas.right && s.right > canvas.left && s.bottom > canvas.top;
						const bottom = Math.min(canvas.bottom, overlaps ? s.top : Infinity);
						return {
							moving: map.isMoving(),
							inSight: points.map((at) => {
								const p = map.project(at);
								const x = canvas.left + p.x;
								const y = canvas.top + p.y;
								return x > canvas.left && x < canvas.right && y > canvas.top && y < bottom;
							}),
						};
					}, stretch);
				await expect
					.poll(placement, { timeout: 60_000 })
					.toEqual({ moving: false, inSight: stretch.map(() => true) });
				await page.screenshot({ path: testInfo.outputPath(`triage-chosen-${size}.png`) });
			} finally {
				await removeStored(db, tag, [planner]);
			}
		});

		test(`a report triaged out of the filtered list: the confirmation is in sight and has the focus (${size}) @supabase`, async ({
			page,
		}, testInfo) => {
			// With the status filter on "new", a report acknowledged far down the list left it, and
			// "Bewaard. Status: In behandeling." stood above the list, out of sight (on a phone always):
			// the planner saw the report vanish without a word, and focus fell to the page.
			const env = stackEnv();
			const db = await superuser(env);
			const tag = crypto.randomUUID();
			const planner = await createUser(db, 'e2e-planner');
			try {
				await addMembership(db, planner, 'vorselaar', 'planner');
				await db.query(
					`insert into public.barrier_reports (id, kind, description, location, client_id)
					 select gen_random_uuid(), 'high_kerb', 'e2e ' || $1 || ' ' || i,
						jsonb_build_object('type', 'Point', 'coordinates', jsonb_build_array(4.7705 + i * 1e-5, 51.2025)),
						gen_random_uuid()
					 from generate_series(1, 12) as i`,
					[tag],
				);
				await signInPage(page, env, db, planner);
				await page.goto('/?mode=reports&barrier=high_kerb&status=new');
				const panel = page.getByTestId('reports-panel');
				const mine = panel.getByTestId('reports-item').filter({ hasText: `e2e ${tag}` });
				await expect(mine).toHaveCount(12, { timeout: 120_000 });
				const chosen = mine.nth(10);
				const id = await chosen.getAttribute('data-id');
				await chosen.getByRole('button').first().click();
				await chosen.getByRole('button', { name: 'In behandeling nemen' }).click();
				const saved = panel.getByTestId('reports-saved');
				await expect(saved).toHaveText('Bewaard. Status: In behandeling.');
				await expect(panel.locator(`[data-testid="reports-item"][data-id="${id}"]`)).toHaveCount(0);
				await expect(saved).toBeInViewport();
				await expect(saved).toBeFocused();
				await page.screenshot({ path: testInfo.outputPath(`triage-saved-${size}.png`) });
			} finally {
				await removeStored(db, tag, [planner]);
			}
		});
	});
