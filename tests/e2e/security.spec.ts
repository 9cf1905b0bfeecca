/**
 * Issue 10 where a user sees it: the app is served with its security headers and runs without a
 * single Content-Security-Policy violation (the shared fixture of tests/helpers/test.ts checks
 * every journey; the second test shows it can fail); a report the backend refuses stays on the
 * device, and the resident retries, edits or deletes it; a stored report is erased for good;
 * user and OSM text is isolated in its own direction.
 */
import { captureMap, waitForMapReady } from '../helpers/map.ts';
import { expect, test, type Page } from '../helpers/test.ts';

// The map reaches the test through the app's `buurtkaart:map` event (no global handle).
test.beforeEach(async ({ page }) => captureMap(page));

async function waitForStorage(page: Page) {
	const status = page.getByTestId('storage-status');
	await expect(status.getByTestId('storage-where')).toHaveText(/^Opgeslagen op dit toestel$/);
	await expect(status).not.toContainText('wordt geopend');
}

/** Centres the map on [lng, lat] at street level. */
const centreOn = (page: Page, lngLat: [number, number]) =>
	page.evaluate((center) => {
		type Handle = { jumpTo(o: { center: [number, number]; zoom: number }): void };
		(window as unknown as { buurtkaartMap: Handle }).buurtkaartMap.jumpTo({ center, zoom: 16 });
	}, lngLat);

test('the app is served with a Content-Security-Policy and the other security headers', async ({
	request,
}) => {
	const response = await request.get('/');
	const headers = response.headers();
	const csp = headers['content-security-policy'] ?? '';
	for (const directive of [
		"script-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"frame-ancestors 'none'",
		"worker-src 'self' blob:",
		"connect-src 'self'",
	]) {
		expect(csp).toContain(directive);
	}
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	// no inline style or script left in the page
	expect(await response.text()).not.toMatch(/<style|<script(?![^>]*\bsrc=)/);
});

test('an inline script is a CSP violation, and the shared fixture fails the test for it', async ({
	page,
}) => {
	test.fail(true, 'the fixture must turn a CSP violation into a failure');
	await page.goto('/', { waitUntil: 'domcontentloaded' });
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.injected = 1';
		document.body.append(script);
	});
	await expect.poll(() => page.evaluate(() => 'injected' in window)).toBe(false);
});

test.describe('reports the backend refuses, and erasure (embedded default) @device', () => {
	test.skip(!!process.env.BUURTKAART_E2E_SUPABASE, 'runs against the embedded default');

	test('a refused report stays on the device: retry, edit, delete; a stored one is erased for good', async ({
		page,
	}, testInfo) => {
		// one journey on one map load instead of several tests each loading the map
		test.setTimeout(180_000);
		await page.goto('/');
		await waitForStorage(page);
		await waitForMapReady(page);

		// OSM text is isolated in its own direction
		await page.getByTestId('search-input').fill('apotheek');
		await page
			.getByRole('group', { name: /^Apotheek: \d+/ })
			.getByRole('option')
			.first()
			.click();
		await expect(page.getByTestId('place-details').locator('h2 bdi')).toHaveCount(1);
		await page.getByTestId('place-details').getByRole('button', { name: 'Sluiten' }).click();

		// A point outside both municipalities: in Belgium, but no area serves it.
		await page.getByTestId('report-open').click();
		const form = page.getByTestId('report-form');
		await expect(form.getByTestId('report-privacy')).toContainText('12 maanden');
		await centreOn(page, [4.7, 51.17]);
		await form.getByTestId('report-use-centre').click();
		await form.getByLabel('Soort probleem').selectOption({ label: 'Geen bank om te rusten' });
		const text = `Geen bank aan de rand (${testInfo.project.name})`;
		await form.getByLabel('Korte beschrijving (niet verplicht)').fill(text);
		await form.getByTestId('report-submit').click();
		await expect(form.getByTestId('report-error')).toHaveText(
			'Deze plaats ligt buiten het gebied van Buurtkaart.',
		);
		const refused = page.getByTestId('my-report').filter({ hasText: 'Geen bank aan de rand' });
		await expect(refused).toHaveAttribute('data-state', 'refused');
		await expect(refused.getByTestId('my-report-reason')).toHaveText(
			'Niet aanvaard: Deze plaats ligt buiten het gebied van Buurtkaart.',
		);
		await expect(refused.locator('.text')).toHaveAttribute('dir', 'auto');
		await page
			.getByTestId('my-reports')
			.screenshot({ path: testInfo.outputPath('report-refused.png') });

		// retry: refused again, still kept
		await refused.getByRole('button', { name: 'Opnieuw proberen' }).click();
		await expect(refused).toHaveAttribute('data-state', 'refused');
		// edit: the new text is kept (the place is still outside, so it is refused again)
		await refused.getByRole('button', { name: 'Aanpassen' }).click();
		const edit = refused.getByTestId('my-report-edit');
		await edit.getByLabel('Korte beschrijving (niet verplicht)').fill(`${text}, aangepast`);
		await edit.getByRole('button', { name: 'Opslaan en versturen' }).click();
		await expect(refused).toContainText('aangepast');
		await expect(refused).toHaveAttribute('data-state', 'refused');
		// delete
		await refused.getByRole('button', { name: 'Verwijderen' }).click();
		await expect(refused).toHaveCount(0);

		// A stored report is erased for good, and stays erased after a reload.
		await centreOn(page, [4.7705, 51.2025]);
		await form.getByTestId('report-use-centre').click();
		const stored = `Te wissen melding (${testInfo.project.name})`;
		await form.getByLabel('Korte beschrijving (niet verplicht)').fill(stored);
		await form.getByTestId('report-submit').click();
		await expect(form.getByTestId('report-done')).toHaveText('Bedankt! Je melding is bewaard.');
		const mine = page.getByTestId('my-report').filter({ hasText: stored });
		await expect(mine).toHaveAttribute('data-state', 'stored');
		await page
			.getByTestId('my-reports')
			.screenshot({ path: testInfo.outputPath('report-stored.png') });
		await mine.getByRole('button', { name: 'Definitief wissen' }).click();
		await expect(mine).toHaveCount(0);
		await page.reload();
		await waitForStorage(page);
		await page.getByTestId('report-open').click();
		await expect(page.getByTestId('my-reports')).toBeVisible();
		await expect(page.getByTestId('my-report').filter({ hasText: stored })).toHaveCount(0);
	});
});
