/**
 * The coordinators' saved analyses on the real sample, in Chromium, with Supabase (the local
 * stack, tagged @supabase): a coordinator saves a private analysis and publishes one with a
 * planned change, and adds a local initiative (stored as a row for the municipality, found in
 * search at once); a resident opens the published one read-only, as its stored overlay (the
 * analysis_cells saved with it, read through PostgREST) with its legend and no control that
 * changes it; a coordinator of another municipality sees neither the private one
 * in the app nor through the API, and cannot change either.
 *
 * The same without a backend (save, compare, rename, reopen, publish, export, print, delete, a
 * local initiative) is a part of the gap analysis's journey in tests/e2e/coverage.spec.ts, which
 * waits for the same analysis.
 */
import type { BrowserContextOptions } from '@playwright/test';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { addMembership, createUser, stackEnv, superuser, userClient } from '../helpers/db.ts';
import { captureMap } from '../helpers/map.ts';
import { deltaGain, planSuggestion, saveAnalysis, savedItem } from '../helpers/saved-analyses.ts';
import { signInPage } from '../helpers/session.ts';
import { expect, recordCspViolations, test, type Page, type TestInfo } from '../helpers/test.ts';

const LINK = '/?mode=coverage&cats=meeting_place';

async function analysisDone(page: Page) {
	// Generous: a whole analysis in the worker on software WebGL, on a busy 2-core machine.
	await expect(page.getByTestId('coverage-status')).toHaveAttribute('data-state', 'done', {
		timeout: 240_000,
	});
}

/** The address chosen in search, as the link holds it (`from=lng,lat`). */
async function chosenAddress(page: Page): Promise<[number, number]> {
	await expect(page).toHaveURL(/[?&]from=/);
	const from = new URL(page.url()).searchParams.get('from') ?? '';
	const [lng, lat] = from.split(',').map(Number);
	return [lng as number, lat as number];
}

test.describe('coordinators: saved analyses', () => {
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
			await saveAnalysis(page, privateName);
			const gain = await planSuggestion(page);
			await saveAnalysis(page, publicName, 'Voor de bewoners');
			await savedItem(page, publicName).getByTestId('saved-visibility').selectOption('public');
			await expect(savedItem(page, publicName)).toHaveAttribute('data-visibility', 'public');
			const stored = await db.query<{ name: string; visibility: string }>(
				`select name, visibility from public.saved_analyses where name in ($1, $2) order by name`,
				[publicName, privateName],
			);
			expect(stored.rows).toEqual([
				{ name: publicName, visibility: 'public' },
				{ name: privateName, visibility: 'private' },
			]);

			await test.step('a local initiative: stored in Supabase, found in search at once', async () => {
				await page.getByTestId('search-input').fill('Markt 10 Vorselaar');
				await page.getByTestId('search-option').filter({ hasText: 'Markt 10' }).first().click();
				const curated = page.getByTestId('curated');
				await curated.getByTestId('curated-add').click();
				await curated.getByTestId('curated-name').fill(`Dorpsdienst ${tag}`);
				await curated.getByTestId('curated-category').selectOption('village_service');
				await curated
					.getByTestId('curated-care-functions')
					.getByLabel('Zorgnoden detecteren')
					.check();
				await curated.getByTestId('curated-source').fill('Overleg zorgzame buurt');
				await curated.getByTestId('curated-at-address').click();
				await curated.getByTestId('curated-save').click();
				await expect(curated.getByTestId('curated-notice')).toContainText(`Dorpsdienst ${tag}`);
				// the row, for Vorselaar, with its kind and care function, at the address chosen
				const row = await db.query<{
					slug: string;
					categories: string[];
					care_functions: string[];
					created_by: string;
					near: boolean;
				}>(
					`select a.slug, p.categories::text[] as categories,
					        p.care_functions::text[] as care_functions, p.created_by,
					        extensions.st_dwithin(p.geom::extensions.geography,
					          extensions.st_setsrid(extensions.st_makepoint($2, $3), 4326)::extensions.geography, 1) as near
					   from public.curated_places p join public.areas a on a.id = p.area_id
					  where p.name = $1`,
					[`Dorpsdienst ${tag}`, ...(await chosenAddress(page))],
				);
				expect(row.rows).toEqual([
					{
						slug: 'vorselaar',
						categories: ['village_service'],
						care_functions: ['detecting_needs'],
						created_by: coordinator,
						near: true,
					},
				]);
				await page.getByTestId('search-input').fill(`dorpsdienst ${tag}`);
				await expect(page.getByTestId('search-option').first()).toContainText(`Dorpsdienst ${tag}`);
			});

			// a resident (not signed in): the published analysis only, read-only, reopened with its plan
			const residentContext = await browser.newContext(contextOptions(testInfo));
			try {
				const resident = await residentContext.newPage();
				await captureMap(resident);
				const csp = await recordCspViolations(resident);
				await resident.goto(LINK);
				await analysisDone(resident);
				await expect(savedItem(resident, publicName)).toBeVisible();
				await expect(savedItem(resident, privateName)).toHaveCount(0);
				await expect(resident.getByTestId('saved-form')).toHaveCount(0);
				await expect(savedItem(resident, publicName).getByTestId('saved-read-only')).toHaveText(
					'Gepubliceerd, alleen lezen',
				);
				await expect(savedItem(resident, publicName).getByTestId('saved-rename')).toHaveCount(0);
				await savedItem(resident, publicName).getByTestId('saved-open').click();
				await expect(resident.getByTestId('coverage-delta')).toContainText(
					/^\s*\+[\d.]+ inwoners 65\+/,
					{ timeout: 60_000 },
				);
				expect(await deltaGain(resident)).toBe(gain);
				// read-only: the overlay with its legend, no control that changes an analysis
				await expect(resident.getByTestId('coverage-read-only')).toContainText(
					`Gepubliceerde analyse “${publicName}”: alleen lezen.`,
				);
				await expect(resident.getByTestId('coverage-legend')).toContainText('Norm: 500 m');
				for (const id of [
					'coverage-run',
					'coverage-add-click',
					'coverage-reset',
					'coverage-switch-off',
					'coverage-suggest',
					'saved-form',
					'saved-rename',
					'saved-delete',
					'saved-visibility',
					'curated-add',
				])
					await expect(resident.getByTestId(id)).toHaveCount(0);
				// on the map: the overlay as stored (analysis_cells of Vorselaar, read through
				// PostgREST), not the addresses recomputed; the neighbourhoods shaded; the planned place
				const cells = await db.query<{ value: number | null }>(
					`select c.value from public.analysis_cells c join public.saved_analyses a on a.id = c.analysis_id
					  where a.name = $1 and c.properties ->> 'category' = 'meeting_place' order by c.cell_index`,
					[publicName],
				);
				expect(cells.rows.length).toBeGreaterThan(10);
				await expect(resident.getByTestId('coverage-stored')).toHaveAttribute(
					'data-cells',
					String(cells.rows.length),
				);
				const overlay = await resident.waitForFunction(() => {
					const map = (window as unknown as { buurtkaartMap?: MapLibreMap }).buurtkaartMap;
					const marks = map?.getSource('coverage-marks') as GeoJSONSource | undefined;
					const stored = map?.getSource('coverage-stored') as GeoJSONSource | undefined;
					if (!map || !marks || !stored || !map.getLayer('coverage-neighbourhoods')) return;
					const kinds = (
						marks.serialize().data as unknown as { features: { properties: { kind: string } }[] }
					).features.map((f) => f.properties.kind);
					const values = (
						stored.serialize().data as unknown as { features: { properties: { v: number } }[] }
					).features.map((f) => f.properties.v);
					return kinds.length > 0
						? { kinds, values, origins: map.getSource('coverage') !== undefined }
						: undefined;
				});
				expect(await overlay.jsonValue()).toEqual({
					kinds: ['planned'],
					values: cells.rows.map((r) => r.value),
					origins: false,
				});
				await resident.screenshot({
					path: testInfo.outputPath('published-read-only-desktop.png'),
					fullPage: true,
				});
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
				await expect(savedItem(otherPage, publicName)).toBeVisible();
				await expect(savedItem(otherPage, publicName).getByTestId('saved-read-only')).toBeVisible();
				await expect(savedItem(otherPage, privateName)).toHaveCount(0);
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
			await db.query(`delete from public.curated_places where created_by = any($1)`, [
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
