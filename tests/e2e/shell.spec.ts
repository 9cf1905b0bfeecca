import { expect, test } from '../helpers/test.ts';

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
