/**
 * The coordinators' saved analyses on the real sample, in Chromium: keep, reopen, rename, compare,
 * share and export a gap analysis.
 *
 * - With no backend (the embedded default, on this device): save a baseline and a plan with a
 *   planned meeting place, compare them per neighbourhood, rename, reopen (the planned place comes
 *   back), publish, export the table (CSV: BOM, formula cells escaped) and the map layer
 *   (GeoJSON), print the buurtanalyse (print media), delete one; then add a local initiative
 *   (neighbour help, with care functions) at an address: the analysis of neighbour help, none
 *   mapped before, is measured at once, and the initiative is on the map and found in search.
 * - With Supabase (the local stack, tagged @supabase): a coordinator saves a private analysis and
 *   publishes one with a planned change; a resident sees the published one read-only and reopens
 *   it; a coordinator of another municipality sees neither the private one in the app nor through
 *   the API, and cannot change either.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { BrowserContextOptions } from '@playwright/test';
import { addMembership, createUser, stackEnv, superuser, userClient } from '../helpers/db.ts';
import { captureMap, renderedValues } from '../helpers/map.ts';
import { signInPage } from '../helpers/session.ts';
import { expect, recordCspViolations, test, type Page, type TestInfo } from '../helpers/test.ts';

const LINK = '/?mode=coverage&cats=meeting_place';

async function analysisDone(page: Page) {
	await expect(page.getByTestId('coverage-status')).toHaveAttribute('data-state', 'done', {
		timeout: 120_000,
	});
}

/** Plans the first "where next" suggestion; returns the gain in residents 65+ the delta shows. */
async function planSuggestion(page: Page): Promise<number> {
	const panel = page.getByTestId('coverage');
	await panel.getByTestId('coverage-suggest').click();
	await panel.getByTestId('coverage-suggestion').first().getByTestId('coverage-take-over').click();
	const delta = panel.getByTestId('coverage-delta');
	await expect(delta).toContainText(/^\s*\+[\d.]+ inwoners 65\+/);
	return deltaGain(page);
}

async function deltaGain(page: Page): Promise<number> {
	const text = (await page.getByTestId('coverage-delta').textContent()) ?? '';
	return Number(/\+([\d.]+) inwoners 65\+/.exec(text)?.[1]?.replace(/\./g, '') ?? NaN);
}

async function save(page: Page, name: string, note = '') {
	const saved = page.getByTestId('saved-analyses');
	await saved.getByTestId('saved-name').fill(name);
	await saved.getByTestId('saved-note').fill(note);
	await saved.getByTestId('saved-save').click();
	await expect(saved.getByTestId('saved-notice')).toHaveText(`Bewaard: ${name}`);
	await expect(item(page, name)).toBeVisible();
}

const item = (page: Page, name: string) =>
	page
		.getByTestId('saved-item')
		.filter({ has: page.getByTestId('saved-item-name').getByText(name, { exact: true }) });

async function downloaded(page: Page, testId: string): Promise<string> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId(testId).first().click(),
	]);
	return readFile((await file.path())!, 'utf8');
}

test.describe('coordinators: saved analyses', () => {
	test('no backend: save a baseline and a plan, compare, rename, reopen, publish, export, delete', async ({
		page,
	}, testInfo) => {
		test.skip(!!process.env.BUURTKAART_E2E_SUPABASE, 'the embedded default');
		test.slow();
		await captureMap(page);
		await page.goto(LINK);
		await analysisDone(page);
		const saved = page.getByTestId('saved-analyses');
		await expect(saved).toContainText('Nog geen bewaarde analyses.');
		await expect(saved.getByTestId('saved-form')).toContainText('Bewaard op dit toestel.');

		// a name that a spreadsheet would run as a formula, then a plan with a planned place
		await save(page, '+Nulmeting', 'Voor de werkgroep');
		const gain = await planSuggestion(page);
		expect(gain).toBeGreaterThan(0);
		await save(page, 'Met een ontmoetingsplaats');
		await expect(item(page, 'Met een ontmoetingsplaats')).toContainText('1 geplande plaatsen');
		await expect(item(page, '+Nulmeting')).toContainText('Voor de werkgroep');

		// compare: the newest against the one before, per neighbourhood
		await saved.getByTestId('compare-run').click();
		const comparison = saved.getByTestId('comparison');
		await expect(comparison).toContainText('+Nulmeting → Met een ontmoetingsplaats');
		const changes = await comparison
			.getByTestId('comparison-row')
			.evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.change || 0)));
		// residents are fractional (address points share a building's people): equal up to rounding
		expect(Math.abs(changes.reduce((a, b) => a + b, 0) + gain)).toBeLessThanOrEqual(1);
		expect(changes.filter((c) => c < 0).length).toBeGreaterThan(0);
		const total = (await saved.getByTestId('comparison-total').textContent()) ?? '';
		const shownTotal = Number(/In totaal: −([\d.]+)/.exec(total)?.[1]?.replace(/\./g, ''));
		expect(Math.abs(shownTotal - gain)).toBeLessThanOrEqual(1);

		// rename
		await item(page, 'Met een ontmoetingsplaats').getByTestId('saved-rename').click();
		await saved.getByTestId('saved-new-name').fill('Plan ontmoetingsplaats');
		await saved.getByTestId('saved-rename-ok').click();
		await expect(item(page, 'Plan ontmoetingsplaats')).toBeVisible();
		await expect(saved.getByTestId('saved-item')).toHaveCount(2);

		// undo the what-if, then reopen the plan: its planned place comes back
		await page.getByTestId('coverage-reset').click();
		await expect(page.getByTestId('coverage-delta')).toContainText('Nog geen wat-als');
		await item(page, 'Plan ontmoetingsplaats').getByTestId('saved-open').click();
		await expect(page.getByTestId('coverage-delta')).toContainText(/^\s*\+[\d.]+ inwoners 65\+/, {
			timeout: 60_000,
		});
		expect(await deltaGain(page)).toBe(gain);

		// publish
		await item(page, 'Plan ontmoetingsplaats')
			.getByTestId('saved-visibility')
			.selectOption('public');
		await expect(item(page, 'Plan ontmoetingsplaats')).toHaveAttribute('data-visibility', 'public');

		// exports: the table on screen and a saved one as CSV, the layer as GeoJSON
		const csv = await downloaded(page, 'export-csv');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const table = Papa.parse<string[]>(csv.slice(1).trim()).data;
		expect(table[0]).toEqual([
			'analyse',
			'soort hulp',
			'norm (m)',
			'buurt',
			'inwoners',
			'inwoners 65+',
			'inwoners verder dan de norm',
			'65+ verder dan de norm',
			'aandeel 65+ verder dan de norm',
			'inwoners aan de rand van de gegevens',
		]);
		const rows = page.getByTestId('coverage-row');
		expect(table.length - 1).toBe(await rows.count());
		const savedCsv = await downloaded(page, 'saved-csv');
		expect(savedCsv.startsWith('\uFEFF')).toBe(true);
		const savedTable = Papa.parse<string[]>(savedCsv.slice(1).trim()).data;
		// the newest is listed first: the plan; the baseline's name is escaped below
		expect(savedTable[1]?.[0]).toBe('Plan ontmoetingsplaats');
		const [baselineFile] = await Promise.all([
			page.waitForEvent('download'),
			item(page, '+Nulmeting').getByTestId('saved-csv').click(),
		]);
		const baseline = await readFile((await baselineFile.path())!, 'utf8');
		expect(baseline.split('\r\n')[1]?.startsWith(`"'+Nulmeting",`)).toBe(true);
		const geojson = JSON.parse(await downloaded(page, 'export-geojson')) as {
			features: { properties: { category: string; within_norm: boolean | null } }[];
		};
		expect(geojson.features.length).toBeGreaterThan(1000);
		expect(geojson.features.every((f) => f.properties.category === 'meeting_place')).toBe(true);
		expect(geojson.features.some((f) => f.properties.within_norm === false)).toBe(true);
		await page.screenshot({
			path: testInfo.outputPath('saved-analyses-desktop.png'),
			fullPage: true,
		});

		// the printed buurtanalyse: the map as an image, one page per neighbourhood
		await page.getByTestId('coverage-print').click();
		const image = page.getByTestId('print-map');
		await expect(image).toHaveAttribute('src', /^data:image\/png;base64,/, { timeout: 60_000 });
		// a picture of the map, not an empty canvas (an empty 1280×680 PNG is a few KB)
		expect(((await image.getAttribute('src')) ?? '').length).toBeGreaterThan(50_000);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByTestId('print-report')).toBeVisible();
		await expect(page.getByTestId('map')).toBeHidden();
		await expect(page.getByTestId('print-neighbourhood')).toHaveCount(await rows.count());
		await expect(page.getByTestId('print-report')).toContainText('Buurtanalyse Vorselaar en Lille');
		await expect(page.getByTestId('print-neighbourhood').first()).toContainText(
			/[\d.]+ inwoners, waarvan [\d.]+ 65\+ \(\d+ %\)/,
		);
		await expect(page.getByTestId('print-gap').first()).toContainText('Ontmoetingsplaats');
		await page.screenshot({ path: testInfo.outputPath('print-preview.png'), fullPage: true });
		await page.emulateMedia({ media: 'screen' });

		// delete the baseline (what the device keeps: tests/integration/data-contract.test.ts)
		await item(page, '+Nulmeting').getByTestId('saved-delete').click();
		await expect(saved.getByTestId('saved-item')).toHaveCount(1);
		await expect(item(page, 'Plan ontmoetingsplaats')).toHaveAttribute('data-visibility', 'public');

		await test.step('a local initiative: in the analysis, on the map and in search at once', async () => {
			// neighbour help: informal, none in OpenStreetMap, so none mapped in the analysis
			const panel = page.getByTestId('coverage');
			await panel.getByTestId('cat-neighbour_help').check();
			await panel.getByTestId('coverage-run').click();
			await panel.getByTestId('coverage-shown').selectOption('neighbour_help');
			await expect(panel.getByTestId('coverage-none-mapped')).toBeVisible({ timeout: 120_000 });

			// added at a chosen address, with two care functions
			await page.getByTestId('search-input').fill('Markt 10 Vorselaar');
			await page.getByTestId('search-option').filter({ hasText: 'Markt 10' }).first().click();
			const curated = page.getByTestId('curated');
			await curated.getByTestId('curated-add').click();
			await curated.getByTestId('curated-name').fill('Burenhulp De Zonnebloem');
			await expect(curated.getByTestId('curated-category')).toHaveValue('neighbour_help');
			const functions = curated.getByTestId('curated-care-functions');
			await functions.getByLabel('Zorgnoden detecteren').check();
			await functions.getByLabel('Sociale netwerken versterken').check();
			await curated.getByTestId('curated-source').fill('Overleg zorgzame buurt');
			await curated.getByTestId('curated-at-address').click();
			await curated.getByTestId('curated-save').click();
			await expect(curated.getByTestId('curated-notice')).toContainText('Burenhulp De Zonnebloem');
			await expect(curated.getByTestId('curated-item')).toContainText(
				'Sociale netwerken versterken · Zorgnoden detecteren',
			);

			// the analysis runs again with it: neighbour help is measured now
			await expect(panel.getByTestId('coverage-none-mapped')).toBeHidden({ timeout: 120_000 });
			await expect(panel.getByTestId('coverage-legend-norm')).toContainText('Burenhulp');
			await expect(panel.getByTestId('coverage-row').first()).not.toContainText(
				'geen in de gegevens',
			);
			await expect(page.getByTestId('print-curated')).toContainText('Burenhulp De Zonnebloem');

			// on the map, in its own layer
			await expect
				.poll(() => renderedValues(page, ['curated-point'], 'name'), { timeout: 60_000 })
				.toEqual(['Burenhulp De Zonnebloem']);
			await page.screenshot({
				path: testInfo.outputPath('curated-desktop.png'),
				fullPage: true,
			});

			// and found by name in search
			await page.getByTestId('search-input').fill('zonnebloem');
			await expect(page.getByTestId('search-option').first()).toContainText(
				'Burenhulp De Zonnebloem',
			);
		});
	});

	/** The options of this project's contexts, for a second context in the same test. */
	function contextOptions(testInfo: TestInfo): BrowserContextOptions {
		const use = testInfo.project.use;
		return { baseURL: use.baseURL, viewport: use.viewport, serviceWorkers: use.serviceWorkers };
	}

	test('Supabase: a coordinator saves and publishes; a resident reads the published one; another municipality’s coordinator can neither read nor change the private one @supabase', async ({
		page,
		browser,
	}, testInfo) => {
		test.skip(!process.env.BUURTKAART_E2E_SUPABASE, 'runs from playwright.supabase.config.ts');
		test.setTimeout(420_000);
		const env = stackEnv();
		const db = await superuser(env);
		const coordinator = await createUser(db, 'e2e-coordinator');
		const other = await createUser(db, 'e2e-coordinator-other');
		const tag = crypto.randomUUID().slice(0, 8);
		const privateName = `Privé ${tag}`;
		const publicName = `Plan ${tag}`;
		try {
			await addMembership(db, coordinator, 'vorselaar', 'coordinator');
			await addMembership(db, other, 'lille', 'coordinator');

			await signInPage(page, env, db, coordinator);
			await page.goto(LINK);
			await analysisDone(page);
			const saved = page.getByTestId('saved-analyses');
			await expect(saved.getByTestId('saved-form')).toContainText('Bewaard voor Vorselaar.');
			await save(page, privateName);
			const gain = await planSuggestion(page);
			await save(page, publicName, 'Voor de bewoners');
			await item(page, publicName).getByTestId('saved-visibility').selectOption('public');
			await expect(item(page, publicName)).toHaveAttribute('data-visibility', 'public');
			const stored = await db.query<{ name: string; visibility: string }>(
				`select name, visibility from public.saved_analyses where name in ($1, $2) order by name`,
				[publicName, privateName],
			);
			expect(stored.rows).toEqual([
				{ name: publicName, visibility: 'public' },
				{ name: privateName, visibility: 'private' },
			]);

			// a resident (not signed in): the published analysis only, read-only, reopened with its plan
			const residentContext = await browser.newContext(contextOptions(testInfo));
			try {
				const resident = await residentContext.newPage();
				const csp = await recordCspViolations(resident);
				await resident.goto(LINK);
				await analysisDone(resident);
				await expect(item(resident, publicName)).toBeVisible();
				await expect(item(resident, privateName)).toHaveCount(0);
				await expect(resident.getByTestId('saved-form')).toHaveCount(0);
				await expect(item(resident, publicName).getByTestId('saved-read-only')).toHaveText(
					'Gepubliceerd, alleen lezen',
				);
				await expect(item(resident, publicName).getByTestId('saved-rename')).toHaveCount(0);
				await item(resident, publicName).getByTestId('saved-open').click();
				await expect(resident.getByTestId('coverage-delta')).toContainText(
					/^\s*\+[\d.]+ inwoners 65\+/,
					{ timeout: 60_000 },
				);
				expect(await deltaGain(resident)).toBe(gain);
				expect(csp).toEqual([]);
			} finally {
				await residentContext.close();
			}

			// a coordinator of Lille: sees the published one read-only, not the private one
			const otherContext = await browser.newContext(contextOptions(testInfo));
			try {
				const otherPage = await otherContext.newPage();
				await signInPage(otherPage, env, db, other);
				await otherPage.goto(LINK);
				await analysisDone(otherPage);
				await expect(item(otherPage, publicName)).toBeVisible();
				await expect(item(otherPage, publicName).getByTestId('saved-read-only')).toBeVisible();
				await expect(item(otherPage, privateName)).toHaveCount(0);
			} finally {
				await otherContext.close();
			}
			// …nor through the API: no row to read, none changed or removed
			const otherClient = await userClient(other, undefined, env);
			const ids = await db.query<{ id: string; name: string }>(
				`select id, name from public.saved_analyses where name in ($1, $2)`,
				[publicName, privateName],
			);
			for (const { id } of ids.rows) {
				const read = await otherClient.from('saved_analyses').select('id, visibility').eq('id', id);
				const renamed = await otherClient
					.from('saved_analyses')
					.update({ name: 'overgenomen' })
					.eq('id', id)
					.select('id');
				const removed = await otherClient.from('saved_analyses').delete().eq('id', id).select('id');
				expect(renamed.data ?? []).toEqual([]);
				expect(removed.data ?? []).toEqual([]);
				if (read.data?.[0]) expect(read.data[0].visibility).toBe('public');
			}
			const after = await db.query(
				`select name from public.saved_analyses where id = any($1) order by name`,
				[ids.rows.map((r) => r.id)],
			);
			expect(after.rows.map((r) => r.name)).toEqual([publicName, privateName]);
		} finally {
			await db.query(`delete from public.saved_analyses where created_by = any($1)`, [
				[coordinator, other],
			]);
			await db.query(`delete from public.memberships where user_id = any($1)`, [
				[coordinator, other],
			]);
			await db.query(`delete from auth.users where id = any($1)`, [[coordinator, other]]);
			await db.end();
		}
	});
});
