import { expect, test } from '../helpers/test.ts';
import { expectNoSeriousA11yViolations } from '../helpers/a11y.ts';

test('cold load: the HTML shell offers the search box first, and what was typed carries over', async ({
	page,
}) => {
	// Hold back the app's JavaScript until the resident has typed in the shell.
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/assets/index-*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/', { waitUntil: 'commit' });
	const shell = page.locator('#shell-search');
	await expect(shell).toBeVisible();
	await shell.fill('apotheek');
	release();
	const search = page.getByTestId('search-input');
	await expect(search).toHaveValue('apotheek');
	await expect(search).toBeFocused();
	await expect(
		page.getByRole('group', { name: 'Soort hulp' }).getByRole('option').first(),
	).toHaveText(/Apotheek/);
});

test('cold load: a search before the map is idle reads the manifest once; keeping the area on the device reads it again only after the first view', async ({
	page,
}) => {
	// The moment the map's first view is done, on the page's clock (beside the resource timings).
	await page.addInitScript(() => {
		new MutationObserver((_, observer) => {
			if (document.querySelector('[data-map-ready="true"]')) {
				(window as unknown as { mapReadyAt: number }).mapReadyAt = performance.now();
				observer.disconnect();
			}
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
	});
	const manifestStarts = () =>
		page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.filter((e) => e.name.endsWith('/manifest.json'))
				.map((e) => e.startTime),
		);
	// Hold MapLibre back: the resident searches while there is no map yet.
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/assets/maplibre-gl-*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/');
	// (typing in the shell's search box starts the app at once, without waiting for the map)
	await page.locator('#shell-search').fill('apotheek');
	await expect(page.getByRole('combobox', { name: /Zoek hulp/ })).toHaveValue('apotheek');
	await expect(
		page.getByRole('group', { name: 'Soort hulp' }).getByRole('option').first(),
	).toHaveText(/Apotheek/);
	expect(await manifestStarts()).toHaveLength(1);

	release();
	await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true', {
		timeout: 120_000,
	});
	// The device keeps the area, reading the manifest again to store it: after the first view.
	await expect.poll(async () => (await manifestStarts()).length, { timeout: 60_000 }).toBe(2);
	const readyAt = await page.evaluate(
		() => (window as unknown as { mapReadyAt: number }).mapReadyAt,
	);
	expect((await manifestStarts())[1]).toBeGreaterThanOrEqual(readyAt);
});

// A link is input: a part the app cannot read (a number out of its bounds, a kind this version does
// not know) was dropped without a word, and the user saw another view than the one they were sent.
test('a link with a part the app cannot read opens without it, and says which part', async ({
	page,
}, testInfo) => {
	// the rest points with a gap of 5 m (the app takes 25 m to 1 km) for the rollator
	await page.goto('/?mode=rest&gap=5&profile=rollator&utm_source=nieuwsbrief');
	const notice = page.getByTestId('link-unread');
	await expect(notice).toHaveText(
		/Een deel van deze link kon niet gelezen worden en is overgeslagen: gap=5\.\s*Sluiten/,
	);
	// the rest of the link holds: the rest points at the default gap, for the rollator
	await expect(page.getByTestId('rest-gap')).toHaveValue('125');
	await expect
		.poll(() => Object.fromEntries(new URL(page.url()).searchParams))
		.toMatchObject({ mode: 'rest', gap: '125', profile: 'rollator' });
	await expectNoSeriousA11yViolations(page, ['[data-testid="link-unread"]']);
	await page.screenshot({ path: testInfo.outputPath('link-unread.png') });
	// in the user's language, and closed with the keyboard
	await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
	await expect(notice).toContainText('Part of this link could not be read and was skipped: gap=5.');
	await notice.getByRole('button', { name: 'Close' }).focus();
	await page.keyboard.press('Enter');
	await expect(notice).toHaveCount(0);
});
