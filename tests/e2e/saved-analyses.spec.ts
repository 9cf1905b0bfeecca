/**
 * The coordinators' saved analyses on the real sample, in Chromium, with Supabase (the local
 * stack, tagged @supabase): a coordinator runs the gap analysis with the wheelchair profile (a
 * category none mapped, the hatched edge of the data, a planned meeting place's gain), saves it, then one with a planned change, reopens
 * it, renames it (the database row follows), compares it with the earlier save and publishes it;
 * reopened, the published one shows its stored figures (analysis_summaries) read-only, to its owner
 * too. The coordinator adds a local initiative (stored as a row for the municipality, found in
 * search at once); a resident opens the published one read-only, as its stored overlay (the
 * analysis_cells saved with it, read through PostgREST) with its legend and no control that
 * changes it; a coordinator of another municipality sees neither the private one
 * in the app nor through the API, and cannot change either.
 *
 * The same without a backend (save, compare, rename, reopen, publish, export, print, delete, a
 * local initiative) is a part of the gap analysis's journey in tests/e2e/coverage.spec.ts, which
 * waits for the same analysis.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { BrowserContextOptions } from '@playwright/test';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { addMembership, createUser, stackEnv, superuser, userClient } from '../helpers/db.ts';
import { rememberArea } from '../helpers/areas.ts';
import { captureMap, waitForMapReady } from '../helpers/map.ts';
import { deltaGain, planSuggestion, saveAnalysis, savedItem } from '../helpers/saved-analyses.ts';
import { signInPage } from '../helpers/session.ts';
import { expect, recordCspViolations, test, type Page, type TestInfo } from '../helpers/test.ts';

// Meeting places (mapped in the sample) and home care (none in its data), the wheelchair profile.
const LINK = '/?mode=coverage&cats=meeting_place,home_care&profile=wheelchair';

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

			await test.step('the analysis in Supabase mode: none mapped, the hatched edge of the data, a planned meeting place', async () => {
				const panel = page.getByTestId('coverage');
				await panel.getByTestId('coverage-shown').selectOption('home_care');
				await expect(panel.getByTestId('coverage-none-mapped')).toContainText(
					'Geen enkele plaats van deze soort in de gegevens',
				);
				await expect(panel.getByTestId('coverage-table')).not.toContainText('100 %');
				await panel.getByTestId('coverage-shown').selectOption('meeting_place');
				await expect(panel.getByTestId('coverage-legend-norm')).toContainText('In een rolstoel');
				const edge = panel.getByTestId('coverage-edge');
				await expect(edge).toContainText(/Rand van de gegevens \(gearceerd\): [\d.]+ adressen/);
				expect(
					Number(
						/([\d.]+) adressen/.exec((await edge.textContent()) ?? '')![1]!.replace(/\./g, ''),
					),
				).toBeGreaterThan(0);
				// a planned meeting place, clicked on the map: its gain
				await panel.getByTestId('coverage-add-click').click();
				const box = (await page.getByTestId('map').boundingBox())!;
				await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
				await expect(panel.getByTestId('coverage-delta')).toContainText(
					/^\s*\+[\d.]+ inwoners 65\+ binnen 500 m/,
				);
				expect(await deltaGain(page)).toBeGreaterThan(0);
				await panel.getByTestId('coverage-reset').click();
				await expect(panel.getByTestId('coverage-delta')).toContainText('Nog geen wat-als');
			});

			const saved = page.getByTestId('saved-analyses');
			await expect(saved.getByTestId('saved-form')).toContainText('Bewaard voor Vorselaar.');
			await saveAnalysis(page, privateName);
			const gain = await planSuggestion(page);
			const draftName = `Ontwerp ${tag}`;
			await saveAnalysis(page, draftName, 'Voor de bewoners');

			await test.step('reopened with its planned change, renamed (the database row follows), compared with the earlier save', async () => {
				const panel = page.getByTestId('coverage');
				// the what-if undone, then reopened: the save brings its planned place back
				await panel.getByTestId('coverage-reset').click();
				await expect(panel.getByTestId('coverage-delta')).toContainText('Nog geen wat-als');
				await savedItem(page, draftName).getByTestId('saved-open').click();
				await expect(panel.getByTestId('coverage-delta')).toContainText(
					/^\s*\+[\d.]+ inwoners 65\+/,
					{ timeout: 60_000 },
				);
				expect(await deltaGain(page)).toBe(gain);
				// not yet published: the coordinator's own, every control stays
				await expect(panel.getByTestId('coverage-read-only')).toHaveCount(0);
				await expect(panel.getByTestId('coverage-add-click')).toBeVisible();

				type Row = {
					id: string;
					name: string;
					description: string;
					visibility: string;
					parameters: unknown;
					summaries: number;
					cells: number;
				};
				const rowSql = `select a.id, a.name, a.description, a.visibility::text as visibility, a.parameters,
				        (select count(*)::int from public.analysis_summaries s where s.analysis_id = a.id) as summaries,
				        (select count(*)::int from public.analysis_cells c where c.analysis_id = a.id) as cells
				   from public.saved_analyses a where a.created_by = $1 and a.name = $2`;
				const draft = (await db.query<Row>(rowSql, [coordinator, draftName])).rows;
				expect(draft).toHaveLength(1);
				await savedItem(page, draftName).getByTestId('saved-rename').click();
				await saved.getByTestId('saved-new-name').fill(publicName);
				await saved.getByTestId('saved-rename-ok').click();
				await expect(savedItem(page, publicName)).toBeVisible();
				await expect(savedItem(page, draftName)).toHaveCount(0);
				// the same row renamed: its id, note, visibility, parameters, summaries and cells kept
				await expect
					.poll(async () => (await db.query<Row>(rowSql, [coordinator, publicName])).rows)
					.toEqual([{ ...draft[0], name: publicName }]);
				expect((await db.query<Row>(rowSql, [coordinator, draftName])).rows).toEqual([]);
				expect(draft[0]!.summaries).toBeGreaterThan(0);
				expect(draft[0]!.cells).toBeGreaterThan(10);
				// …and PostgREST gives the coordinator the new name
				const own = await userClient(coordinator, undefined, env);
				const read = await own.from('saved_analyses').select('name').eq('id', draft[0]!.id);
				expect(read.data).toEqual([{ name: publicName }]);

				// compare: the renamed one (newest) against the earlier save, per neighbourhood
				await saved.getByTestId('compare-run').click();
				const comparison = saved.getByTestId('comparison');
				await expect(comparison).toContainText(`${privateName} → ${publicName}`);
				const changes = await comparison
					.getByTestId('comparison-row')
					.evaluateAll((rs) => rs.map((r) => Number((r as HTMLElement).dataset.change || 0)));
				// residents are fractional (address points share a building's people): equal up to rounding
				expect(Math.abs(changes.reduce((a, b) => a + b, 0) + gain)).toBeLessThanOrEqual(1);
				expect(changes.filter((c) => c < 0).length).toBeGreaterThan(0);
			});

			await savedItem(page, publicName).getByTestId('saved-visibility').selectOption('public');
			await expect(savedItem(page, publicName)).toHaveAttribute('data-visibility', 'public');

			await test.step('the owner reopens the published one: its stored figures, read-only', async () => {
				const panel = page.getByTestId('coverage');
				await savedItem(page, publicName).getByTestId('saved-open').click();
				await expect(panel.getByTestId('coverage-read-only')).toContainText(
					`Gepubliceerde analyse “\u2068${publicName}\u2069”: alleen lezen.`,
				);
				await expect(panel.getByTestId('stored-title')).toHaveText(
					/^Opgeslagen resultaat, berekend op \d{1,2} \p{L}+ \d{4}$/u,
				);
				for (const id of ['coverage-run', 'coverage-add-click', 'coverage-suggest'])
					await expect(page.getByTestId(id)).toHaveCount(0);
				// exactly the stored rows (analysis_summaries), not the table recomputed
				const summaries = await db.query<{ code: string; beyond65: number; beyond80: number }>(
					`select s.summary ->> 'code' as code,
					        (s.summary -> 'categories' -> 'meeting_place' ->> 'beyond65')::float8 as beyond65,
					        (s.summary -> 'categories' -> 'meeting_place' ->> 'beyond80')::float8 as beyond80
					   from public.analysis_summaries s join public.saved_analyses a on a.id = s.analysis_id
					  where a.name = $1 order by 1`,
					[publicName],
				);
				const shown = await panel.getByTestId('stored-row').evaluateAll((rows) =>
					rows.map((r) => {
						const figure = (id: string) =>
							Number(
								/^[\d.]+/
									.exec(r.querySelector(`[data-testid="${id}"]`)!.textContent!.trim())![0]
									.replace(/\./g, ''),
							);
						return {
							code: (r as HTMLElement).dataset.neighbourhood,
							beyond65: figure('stored-beyond65'),
							beyond80: figure('stored-beyond80'),
						};
					}),
				);
				expect(shown.sort((a, b) => (a.code! < b.code! ? -1 : 1))).toEqual(
					summaries.rows.map((r) => ({
						code: r.code,
						beyond65: Math.round(r.beyond65),
						beyond80: Math.round(r.beyond80),
					})),
				);
				await expect(panel.getByTestId('coverage-table')).toHaveCount(0);
				await page.screenshot({
					path: testInfo.outputPath('published-owner-stored-desktop.png'),
					fullPage: true,
				});
				// "Zelf een analyse maken": editable again
				await panel.getByTestId('coverage-own').click();
				await expect(panel.getByTestId('coverage-add-click')).toBeVisible();
			});
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
			await rememberArea(residentContext);
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
				// its figures as stored
				await expect(resident.getByTestId('stored-title')).toContainText('Opgeslagen resultaat');
				await expect(resident.getByTestId('stored-row')).not.toHaveCount(0);
				// read-only: the overlay with its legend, no control that changes an analysis
				await expect(resident.getByTestId('coverage-read-only')).toContainText(
					`Gepubliceerde analyse “\u2068${publicName}\u2069”: alleen lezen.`,
				);
				await expect(resident.getByTestId('coverage-legend')).toContainText('Norm: 500 m');
				for (const id of [
					'coverage-run',
					'coverage-add-click',
					'coverage-reset',
					'coverage-switch-off',
					'coverage-remove-planned',
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
			await rememberArea(otherContext);
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

			await test.step('deleted elsewhere: renaming or deleting it says so in words, not the data layer’s English', async () => {
				await db.query(`delete from public.saved_analyses where name = $1`, [privateName]);
				await savedItem(page, privateName).getByTestId('saved-rename').click();
				await saved.getByTestId('saved-new-name').fill(`${privateName} bis`);
				await saved.getByTestId('saved-rename-ok').click();
				const notFound =
					'Deze analyse bestaat niet meer of je mag ze niet meer wijzigen: misschien is ze intussen elders verwijderd. Er is niets veranderd.';
				await expect(saved.getByTestId('saved-error')).toHaveText(notFound);
				await savedItem(page, privateName).getByTestId('saved-delete').click();
				await savedItem(page, privateName).getByTestId('saved-delete-yes').click();
				await expect(saved.getByTestId('saved-error')).toHaveText(notFound);
			});
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

	test('Supabase: a plan in the other municipality of the area: the save says which neighbourhoods it leaves out, the stored table names them, a shared link opens the plan read-only, the print names it @supabase', async ({
		page,
		browser,
	}, testInfo) => {
		test.skip(!process.env.BUURTKAART_E2E_SUPABASE, 'runs from playwright.supabase.config.ts');
		test.setTimeout(420_000);
		const env = stackEnv();
		const db = await superuser(env);
		const coordinator = await createUser(db, 'e2e-coordinator-lille-plan');
		const name = `Plan: huisartsenpraktijk Lille ${crypto.randomUUID().slice(0, 8)}`;
		// the sample's Lille (wijk): a point in the village centre, checked against its boundary
		const hoods = JSON.parse(
			readFileSync('tiles/vorselaar-lille/neighbourhoods.geojson', 'utf8'),
		) as FeatureCollection<MultiPolygon, { id: string; name: string; municipality_nis: string }>;
		const lilleWijk = hoods.features.find((f) => f.properties.name === 'Lille (wijk)')!;
		const at: [number, number] = [4.8247, 51.2415];
		expect(booleanPointInPolygon(at, lilleWijk)).toBe(true);
		const lille = hoods.features.filter((f) => f.properties.municipality_nis === '13019');
		try {
			await addMembership(db, coordinator, 'vorselaar', 'coordinator');
			await signInPage(page, env, db, coordinator);
			await captureMap(page);
			await page.goto('/?mode=coverage&cats=gp,pharmacy&cat=gp&profile=rollator');
			await analysisDone(page);
			const panel = page.getByTestId('coverage');
			const saved = page.getByTestId('saved-analyses');

			// before saving: which neighbourhoods the save leaves out, and why
			await expect(saved.getByTestId('saved-form')).toContainText('Bewaard voor Vorselaar.');
			await expect(saved.getByTestId('saved-left-out')).toHaveText([
				`De buurten van Lille (${lille.length}) worden niet bewaard: je bent buurtzorgregisseur van Vorselaar.`,
			]);
			await saved.getByTestId('saved-left-out').scrollIntoViewIfNeeded();
			await page.screenshot({ path: testInfo.outputPath('save-form-left-out.png') });

			// a planned GP in Lille (wijk), clicked on the map
			await waitForMapReady(page);
			await page.evaluate(
				([lng, lat]) =>
					(
						window as unknown as {
							buurtkaartMap: { jumpTo(o: { center: [number, number]; zoom: number }): void };
						}
					).buurtkaartMap.jumpTo({ center: [lng, lat], zoom: 14 }),
				at,
			);
			await panel.getByTestId('coverage-add-click').click();
			const box = (await page.getByTestId('map').boundingBox())!;
			const pt = await page.evaluate(
				([lng, lat]) =>
					(
						window as unknown as {
							buurtkaartMap: { project(p: [number, number]): { x: number; y: number } };
						}
					).buurtkaartMap.project([lng, lat]),
				at,
			);
			await page.mouse.click(box.x + pt.x, box.y + pt.y);
			await expect(panel.getByTestId('coverage-delta')).toContainText(
				/^\s*\+[\d.]+ inwoners 65\+ binnen 800 m/,
			);
			const gain = await deltaGain(page);
			expect(gain).toBeGreaterThan(0);
			await saveAnalysis(page, name);
			await savedItem(page, name).getByTestId('saved-visibility').selectOption('public');
			await expect(savedItem(page, name)).toHaveAttribute('data-visibility', 'public');
			const id = (
				await db.query<{ id: string }>('select id from public.saved_analyses where name = $1', [
					name,
				])
			).rows[0]!.id;
			// what the database keeps: Vorselaar's neighbourhoods only (RLS: one's own municipality)
			const storedCodes = (
				await db.query<{ code: string }>(
					`select s.summary ->> 'code' as code from public.analysis_summaries s where s.analysis_id = $1 order by 1`,
					[id],
				)
			).rows.map((r) => r.code);
			const missing = hoods.features
				.filter((f) => !storedCodes.includes(f.properties.id))
				.map((f) => f.properties.id)
				.sort();
			expect(missing).toEqual(lille.map((f) => f.properties.id).sort());

			await test.step('reopened: the stored table names the neighbourhoods it lacks; the difference says where it happens', async () => {
				await savedItem(page, name).getByTestId('saved-open').click();
				await expect(panel.getByTestId('coverage-read-only')).toContainText(name);
				await expect(page).toHaveURL(new RegExp(`[?&]analysis=${id}(&|$)`));
				await expect(panel.getByTestId('stored-row')).toHaveCount(storedCodes.length);
				const leftOut = panel.getByTestId('stored-left-out');
				await expect(leftOut).toHaveCount(1);
				expect(((await leftOut.getAttribute('data-codes')) ?? '').split(',').sort()).toEqual(
					missing,
				);
				await expect(leftOut).toContainText('Lille (wijk)');
				await expect(leftOut).toContainText('De analyse is bewaard voor Vorselaar');
				await expect(panel.getByTestId('coverage-delta')).toContainText(
					/^\s*\+[\d.]+ inwoners 65\+/,
					{ timeout: 60_000 },
				);
				expect(await deltaGain(page)).toBe(gain);
				const split = panel.getByTestId('coverage-delta-split');
				await expect(split).toContainText(
					'over het hele geanalyseerde gebied (Vorselaar en Lille)',
				);
				await expect(split).toContainText('Lille (wijk)');
				const kept = Number(await split.getAttribute('data-kept'));
				const away = Number(await split.getAttribute('data-missing'));
				// the parts as written add up to the headline as written
				expect(kept + away).toBe(gain);
				expect(away).toBeGreaterThan(0);
				// read-only: no instructions for controls that are not there; the plan named
				await expect(panel.getByTestId('coverage-what-if-intro')).not.toContainText('Plaats een');
				await expect(panel.getByTestId('coverage-what-if-intro')).toContainText('Alleen lezen');
				await expect(panel.getByTestId('coverage-planned')).toHaveCount(1);
				await expect(panel.getByTestId('coverage-remove-planned')).toHaveCount(0);
				await panel.getByTestId('stored-summaries').scrollIntoViewIfNeeded();
				await page.screenshot({ path: testInfo.outputPath('plan-other-municipality-stored.png') });
				await panel.getByTestId('coverage-what-if').screenshot({
					path: testInfo.outputPath('plan-other-municipality-what-if.png'),
				});
			});

			await test.step('printed: the first page names the saved analysis', async () => {
				await panel.getByTestId('coverage-print').click();
				await page.emulateMedia({ media: 'print' });
				await expect(page.getByTestId('print-saved')).toHaveText(
					new RegExp(
						`^\\s*Bewaarde analyse “\u2068${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\u2069”, berekend op \\d{1,2} \\p{L}+ \\d{4}\\s*$`,
						'u',
					),
				);
				await page.getByTestId('print-first').screenshot({
					path: testInfo.outputPath('print-first.png'),
				});
				await page.emulateMedia({ media: 'screen' });
			});

			// the link "Delen" copies: a resident opens the plan, read-only; an unknown one says so
			const link = page.url();
			const residentContext = await browser.newContext(contextOptions(testInfo));
			await rememberArea(residentContext);
			try {
				const resident = await residentContext.newPage();
				await resident.goto(link);
				await expect(resident.getByTestId('coverage-read-only')).toContainText(
					`Gepubliceerde analyse “\u2068${name}\u2069”: alleen lezen.`,
					{ timeout: 240_000 },
				);
				await expect(resident.getByTestId('coverage-delta')).toContainText(
					/^\s*\+[\d.]+ inwoners 65\+/,
					{ timeout: 240_000 },
				);
				expect(await deltaGain(resident)).toBe(gain);
				await expect(resident.getByTestId('stored-left-out')).toContainText('Lille (wijk)');
				await expect(resident.getByTestId('coverage-run')).toHaveCount(0);

				const unknown = link.replace(id, crypto.randomUUID());
				await resident.goto(unknown);
				await expect(resident.getByTestId('coverage-link')).toContainText(
					'De gedeelde analyse kan niet geopend worden',
					{ timeout: 240_000 },
				);
				await expect(resident).not.toHaveURL(/[?&]analysis=/);
				await expect(resident.getByTestId('coverage-read-only')).toHaveCount(0);
				await resident.screenshot({ path: testInfo.outputPath('link-unknown.png') });
			} finally {
				await residentContext.close();
			}
		} finally {
			await db.query(`delete from public.saved_analyses where created_by = $1`, [coordinator]);
			await db.query(`delete from public.memberships where user_id = $1`, [coordinator]);
			await db.query(`delete from auth.users where id = $1`, [coordinator]);
			await db.end();
		}
	});
});
