import type { Locator, Page } from '@playwright/test';

/**
 * The visible controls under `within` shorter than `least` px (a checkbox's or radio's hit area is
 * its label), each named with its height, and how many were measured.
 */
export async function smallControls(
	within: Locator,
	least: number,
): Promise<{ small: string[]; measured: number }> {
	const controls = within.locator(
		'button, select, input, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])',
	);
	const count = await controls.count();
	const small: string[] = [];
	let measured = 0;
	for (let i = 0; i < count; i++) {
		const control = controls.nth(i);
		if (!(await control.isVisible())) continue;
		const target = (await control.evaluate(
			(el) => el instanceof HTMLInputElement && /^(checkbox|radio)$/.test(el.type),
		))
			? control.locator('xpath=ancestor::label[1]')
			: control;
		const box = await target.boundingBox();
		if (!box) continue;
		measured++;
		if (box.height < least - 0.5)
			small.push(
				`${await control.evaluate((el) => `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${(el.getAttribute('aria-label') ?? (el.closest('label') ?? el).textContent ?? '').trim().slice(0, 40)}"`)}: ${box.height.toFixed(1)} px`,
			);
	}
	return { small, measured };
}

/** The height a control needs on this page: 44 px for a finger (coarse pointer), else 24 px. */
export async function leastHit(page: Page): Promise<number> {
	return (await page.evaluate(() => matchMedia('(pointer: coarse)').matches)) ? 44 : 24;
}
