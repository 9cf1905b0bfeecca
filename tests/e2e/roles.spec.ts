/**
 * What each role sees, with the role from the real database (Supabase mode against the local stack,
 * playwright.supabase.config.ts; tagged @supabase):
 *
 * - the toolbar's button to the reports panel: a resident (signed in, no membership) has none (the
 *   panel would show them nothing; their own reports are under "Mijn meldingen" in the report
 *   form), a coordinator of the area reads the reports ("Meldingen bekijken"), a planner handles
 *   them ("Meldingen behandelen");
 * - a saved analysis shared with the municipality's team, opened by a planner of it (who may only
 *   read it): said to be the team's, not "published".
 *
 * Without a backend the device's one user plans every municipality: the button says "Meldingen
 * behandelen" (the last test, in the default config).
 */
import type pg from 'pg';
import type { BrowserContextOptions } from '@playwright/test';
import { addMembership, createUser, stackEnv, superuser } from '../helpers/db.ts';
import { rememberArea } from '../helpers/areas.ts';
import { signInPage } from '../helpers/session.ts';
import { expect, test, type Page, type TestInfo } from '../helpers/test.ts';

/** The options of this project's contexts, for more contexts in the same test. */
function contextOptions(testInfo: TestInfo): BrowserContextOptions {
	const use = testInfo.project.use;
	return { baseURL: use.baseURL, viewport: use.viewport, serviceWorkers: use.serviceWorkers };
}

/** Removes the users a test created, with what they stored. */
async function removeUsers(db: pg.Client, users: string[]): Promise<void> {
	await db.query('delete from public.saved_analyses where created_by = any($1)', [users]);
	await db.query('delete from public.audit_events where actor_id = any($1)', [users]);
	await db.query('delete from public.memberships where user_id = any($1)', [users]);
	await db.query('delete from auth.users where id = any($1)', [users]);
}

/** The toolbar, once the data layer has said which role the reports button follows. */
const toolbar = (page: Page) => page.locator('.toolbar[data-reports-role]');

test.describe('roles', () => {
	test('the reports button follows the role in the database: none for a resident, read for a coordinator, handle for a planner @supabase', async ({
		browser,
	}, testInfo) => {
		test.skip(!process.env.BUURTKAART_E2E_SUPABASE, 'runs from playwright.supabase.config.ts');
		test.setTimeout(240_000);
		const env = stackEnv();
		const db = await superuser(env);
		const resident = await createUser(db, 'e2e-resident');
		const coordinator = await createUser(db, 'e2e-coordinator');
		const planner = await createUser(db, 'e2e-planner');
		const users = [resident, coordinator, planner];
		try {
			await addMembership(db, coordinator, 'vorselaar', 'coordinator');
			await addMembership(db, planner, 'vorselaar', 'planner');
			const expected = [
				{ user: resident, role: 'none', text: undefined },
				{ user: coordinator, role: 'coordinator', text: 'Meldingen bekijken' },
				{ user: planner, role: 'planner', text: 'Meldingen behandelen' },
			] as const;
			for (const { user, role, text } of expected) {
				const context = await browser.newContext(contextOptions(testInfo));
				await rememberArea(context);
				try {
					const page = await context.newPage();
					await signInPage(page, env, db, user);
					await page.goto('/');
					await expect(toolbar(page)).toHaveAttribute('data-reports-role', role, {
						timeout: 60_000,
					});
					const button = page.getByTestId('reports-open');
					if (!text) {
						// a resident: no button to a panel that would show them nothing…
						await expect(button).toHaveCount(0);
						// …and their own reports are where they report
						await expect(page.getByTestId('report-open')).toBeVisible();
						continue;
					}
					await expect(button).toHaveText(text);
					await button.click();
					const panel = page.getByTestId('reports-panel');
					await expect(panel).toBeVisible();
					await expect(panel.getByTestId('reports-no-area')).toHaveCount(0);
					if (role === 'coordinator')
						await expect(panel).toContainText(
							'Als coördinator lees je de meldingen; alleen planners behandelen ze.',
						);
				} finally {
					await context.close();
				}
			}
		} finally {
			await removeUsers(db, users);
			await db.end();
		}
	});

	test('a planner opens the team’s saved analysis: read only, said to be the team’s, not published @supabase', async ({
		browser,
	}, testInfo) => {
		test.skip(!process.env.BUURTKAART_E2E_SUPABASE, 'runs from playwright.supabase.config.ts');
		test.setTimeout(240_000);
		const env = stackEnv();
		const db = await superuser(env);
		const coordinator = await createUser(db, 'e2e-coordinator');
		const planner = await createUser(db, 'e2e-planner');
		const users = [coordinator, planner];
		const name = `Teamanalyse ${crypto.randomUUID().slice(0, 8)}`;
		try {
			await addMembership(db, coordinator, 'vorselaar', 'coordinator');
			await addMembership(db, planner, 'vorselaar', 'planner');
			// saved by the coordinator for the team (the record as the app writes it, one category)
			const record = {
				kind: 'coverage',
				version: 1,
				tilesArea: 'vorselaar-lille',
				params: {
					categoryIds: ['meeting_place'],
					profile: 'walking',
					unknownMode: 'cautious',
					norms: {},
				},
				whatIf: null,
				results: [
					{ categoryId: 'meeting_place', normM: 800, state: 'measured', placeCount: 0, rows: [] },
				],
			};
			const { rows } = await db.query<{ id: string }>(
				`insert into public.saved_analyses
				   (area_id, name, parameters, engine_version, data_version, visibility, created_by)
				 select id, $1, $2, 'e2e', 'e2e', 'area_team', $3 from public.areas where slug = 'vorselaar'
				 returning id`,
				[name, record, coordinator],
			);
			const id = rows[0]!.id;

			const context = await browser.newContext(contextOptions(testInfo));
			await rememberArea(context);
			try {
				const page = await context.newPage();
				await signInPage(page, env, db, planner);
				await page.goto(`/?mode=coverage&cats=meeting_place&analysis=${id}`);
				const readOnly = page.getByTestId('coverage-read-only');
				await expect(readOnly).toContainText(
					`Analyse “\u2068${name}\u2069”, gedeeld met het team van de gemeente: alleen lezen.`,
					{ timeout: 60_000 },
				);
				await expect(readOnly).not.toContainText('Gepubliceerd');
				await page.screenshot({ path: testInfo.outputPath('team-read-only.png') });
			} finally {
				await context.close();
			}
		} finally {
			await removeUsers(db, users);
			await db.end();
		}
	});
});

test('on the device its one user plans every municipality: "Meldingen behandelen"', async ({
	page,
}, testInfo) => {
	test.skip(!!process.env.BUURTKAART_E2E_SUPABASE, 'the embedded default');
	test.skip(testInfo.project.name !== 'desktop', 'the toolbar is the same on a phone');
	await page.goto('/');
	await expect(toolbar(page)).toHaveAttribute('data-reports-role', 'planner', { timeout: 60_000 });
	await expect(page.getByTestId('reports-open')).toHaveText('Meldingen behandelen');
});
