/**
 * The header's choices as a resident makes them. On a phone the area and language choices fold
 * into the header's menu (the ☰ button, "Gebied en taal"): it is opened first and closed again after
 * the choice; on a desktop they sit in the header row.
 *
 *   await chooseLanguage(page, 'fr');
 */
import { expect, type Page } from '@playwright/test';

async function inHeaderMenu(
	page: Page,
	choose: () => Promise<void>,
	keepMenuOpen = false,
): Promise<void> {
	const toggle = page.getByTestId('header-menu-toggle');
	await expect(page.locator('.app-header')).toBeVisible();
	const folded = await toggle.isVisible();
	if (folded && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	await choose();
	if (folded && !keepMenuOpen && (await toggle.getAttribute('aria-expanded')) === 'true')
		await toggle.click();
}

/**
 * Chooses the app's language (nl, fr or en) in the header, through its menu on a phone (left open
 * with `keepMenuOpen`, so that the choice stays visible).
 */
export async function chooseLanguage(
	page: Page,
	lang: 'nl' | 'fr' | 'en',
	{ keepMenuOpen = false } = {},
): Promise<void> {
	await inHeaderMenu(
		page,
		async () => {
			await page.getByTestId('language').selectOption(lang);
		},
		keepMenuOpen,
	);
	await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * Types `text` into the search box and picks the first address whose option matches `option`, in
 * the addresses' group (`group`: its name in the page's language): where the resident walks from.
 *
 *   await chooseAddress(page, 'Cardijnlaan 2', /Cardijnlaan 2\b.*Vorselaar/);
 */
export async function chooseAddress(
	page: Page,
	text: string,
	option: RegExp,
	group = 'Adressen',
): Promise<void> {
	await page.getByTestId('search-input').fill(text);
	await page
		.getByRole('group', { name: group })
		.getByRole('option', { name: option })
		.first()
		.click();
}
