import { expect, test } from '../helpers/test.ts';
import { chooseLanguage } from '../helpers/header.ts';

/**
 * The toolbar (map or list, report, analysis, reports, share, storage) on a phone: one row that
 * scrolls sideways. It says so while buttons are cut off, and a button reached by Tab shows whole.
 */
test.describe('the toolbar', () => {
	test('@phone on a phone the row says there are more buttons, and Tab brings each one fully into view', async ({
		page,
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'phone', 'the phone layout only');
		await page.goto('/');
		const region = page.getByRole('region', { name: 'Werkbalk' });
		await expect(page.getByTestId('view-map')).toBeVisible();
		const hint = page.getByTestId('toolbar').locator('xpath=..').getByTestId('scroll-hint');
		await expect(hint).toHaveText('Schuif opzij voor meer knoppen →');
		await page.screenshot({ path: testInfo.outputPath('toolbar-phone.png') });

		// The row itself is no tab stop (its buttons are); each button Tab reaches lies inside it.
		await expect(region).not.toHaveAttribute('tabindex');
		const buttons = region.getByRole('button');
		const count = await buttons.count();
		expect(count).toBeGreaterThanOrEqual(4);
		await buttons.first().focus();
		for (let i = 1; i < count; i++) {
			await page.keyboard.press('Tab');
			await expect(buttons.nth(i)).toBeFocused();
			const outer = (await region.boundingBox())!;
			const box = (await buttons.nth(i).boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(outer.x - 1);
			expect(box.x + box.width).toBeLessThanOrEqual(outer.x + outer.width + 1);
		}
		// At the end of the row nothing is cut off any more: the hint goes.
		await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
		await expect(hint).toBeHidden();
		await region.evaluate((el) => el.scrollTo({ left: 0 }));
		await expect(hint).toBeVisible();

		await chooseLanguage(page, 'fr');
		await expect(hint).toHaveText('Faites glisser pour voir d’autres boutons →');
		await page.screenshot({ path: testInfo.outputPath('toolbar-phone-fr.png') });
	});

	test('on a wide screen the toolbar fits and shows no hint', async ({ page }, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'the desktop layout only');
		await page.goto('/');
		await expect(page.getByTestId('view-map')).toBeVisible();
		await expect(page.getByTestId('toolbar')).toHaveAttribute('data-overflows', 'false');
		await expect(page.getByTestId('scroll-hint')).toHaveCount(0);
	});
});
