/**
 * The coordinators' saved analyses on this device (no backend), in Chromium, on the real sample:
 * what a coordinator is told when a name is refused (in their language, not the data layer's
 * English) or too long (no silent cut), a right-to-left name kept apart from the date beside it,
 * a comparison of two analyses made with different profiles (each side says what it was computed
 * with, and a warning that the difference is then not a change in the neighbourhood; the older one
 * "before", the same one not comparable with itself), and a delete that asks first, naming the
 * analysis and, for a published one, who loses it, then says it is done.
 */
import { chooseLanguage } from '../helpers/header.ts';
import { savedItem } from '../helpers/saved-analyses.ts';
import { captureMap } from '../helpers/map.ts';
import { expect, test, type Page } from '../helpers/test.ts';

test.beforeEach(async ({ page }) => captureMap(page));

async function analysisDone(page: Page) {
	// Generous: a whole analysis in the worker on software WebGL, on a busy 2-core machine.
	await expect(page.getByTestId('coverage-status')).toHaveAttribute('data-state', 'done', {
		timeout: 240_000,
	});
}

/** The gap analysis of meeting places with the rollator, done: its saved analyses and name field. */
async function openSaved(page: Page) {
	await page.goto('/?mode=coverage&cats=meeting_place&profile=rollator');
	await analysisDone(page);
	const saved = page.getByTestId('saved-analyses');
	return { saved, name: saved.getByTestId('saved-name') };
}

test('saved analyses on the device: a refused or too long name is said in the coordinator’s language, never cut silently; a right-to-left name is isolated', async ({
	page,
}, testInfo) => {
	test.setTimeout(420_000);
	const { saved, name } = await openSaved(page);
	const error = saved.getByTestId('saved-error');

	await test.step('a refused name is said in Dutch, never as the data layer’s English', async () => {
		await name.fill('Plan <script>');
		await saved.getByTestId('saved-save').click();
		await expect(error).toHaveText(
			'De naam bevat “<” gevolgd door een letter, zoals in HTML-code. Dat bewaren we niet: laat het weg of zet een spatie na “<”.',
		);
		await name.fill('Plan \u202eevil');
		await saved.getByTestId('saved-save').click();
		await expect(error).toHaveText(
			'De naam bevat onzichtbare stuur- of richtingstekens. Typ de tekst opnieuw in plaats van hem te plakken.',
		);
		// a pasted long name is not cut: the count says so, saving says why not
		const long = `${'Nulmeting huisarts 2026 '.repeat(14).slice(0, 324)}x`;
		await name.fill(long);
		await expect(name).toHaveValue(long);
		await expect(saved.getByTestId('saved-name-count')).toHaveText('325 van de 120 tekens');
		await saved.getByTestId('saved-save').click();
		await expect(error).toHaveText('De naam is te lang: 325 tekens, maximaal 120.');
		await expect(saved.getByTestId('saved-item')).toHaveCount(0);
		await page.screenshot({ path: testInfo.outputPath('name-too-long.png'), fullPage: true });
	});

	await test.step('in French and English too', async () => {
		await chooseLanguage(page, 'fr');
		await name.fill('<b>x');
		await saved.getByTestId('saved-save').click();
		await expect(error).toContainText('Le nom contient');
		await chooseLanguage(page, 'en');
		await saved.getByTestId('saved-save').click();
		await expect(error).toContainText('The name contains “<” followed by a letter');
		await chooseLanguage(page, 'nl');
	});
	// the first with the rollator, the second on foot (an Arabic name), with the same data
	const first = 'Nulmeting met rollator';
	await name.fill(first);
	await saved.getByTestId('saved-save').click();
	await expect(saved.getByTestId('saved-notice')).toHaveText(`Bewaard: \u2068${first}\u2069`);
	const second = 'خطة الحي';
	await name.fill(second);
	await saved.getByTestId('saved-save').click();
	await expect(savedItem(page, second)).toBeVisible();

	await test.step('a right-to-left name is isolated from the date beside it', async () => {
		// the date stays right of the name (not pulled into the name's right-to-left run)
		const item = savedItem(page, second);
		const nameBox = (await item.getByTestId('saved-item-name').boundingBox())!;
		const dateBox = (await item.getByTestId('saved-item-date').boundingBox())!;
		expect(Math.abs(dateBox.y - nameBox.y)).toBeLessThan(nameBox.height);
		expect(dateBox.x).toBeGreaterThanOrEqual(nameBox.x + nameBox.width - 1);
		await item.screenshot({ path: testInfo.outputPath('rtl-name.png') });
	});

	await test.step('a rename that empties the name is refused in words', async () => {
		await savedItem(page, first).getByTestId('saved-rename').click();
		await saved.getByTestId('saved-new-name').fill('   ');
		await saved.getByTestId('saved-rename-ok').click();
		await expect(error).toHaveText('Geef de analyse een naam.');
		await expect(savedItem(page, first)).toBeVisible();
	});
});

test('saved analyses on the device: a comparison of two profiles says what each side was computed with and warns, the older one first, not one with itself', async ({
	page,
}, testInfo) => {
	test.setTimeout(420_000);
	const { saved, name } = await openSaved(page);

	// the first with the rollator, the second on foot (an Arabic name), with the same data
	const first = 'Nulmeting met rollator';
	await name.fill(first);
	await saved.getByTestId('saved-save').click();
	await expect(saved.getByTestId('saved-notice')).toHaveText(`Bewaard: \u2068${first}\u2069`);
	const panel = page.getByTestId('coverage');
	await panel.getByRole('radio', { name: 'Te voet' }).check();
	await expect(panel.getByTestId('coverage-legend-norm')).toContainText('Te voet');
	await analysisDone(page);
	const second = 'خطة الحي';
	await name.fill(second);
	await saved.getByTestId('saved-save').click();
	await expect(savedItem(page, second)).toBeVisible();

	await test.step('compare: each side says what it was computed with; different profiles are warned about', async () => {
		// chosen the wrong way round: "before" is still the older one
		await saved.getByTestId('compare-before').selectOption({ label: second });
		await saved.getByTestId('compare-after').selectOption({ label: second });
		await expect(saved.getByTestId('compare-same')).toHaveText(
			'Kies twee verschillende analyses om te vergelijken.',
		);
		await expect(saved.getByTestId('compare-run')).toBeDisabled();
		// chosen from the keyboard: the first letter of a name picks it (type-ahead)
		await saved.getByTestId('compare-after').focus();
		await page.keyboard.press(first[0]!);
		await expect(saved.getByTestId('compare-after')).toHaveValue(
			(await savedItem(page, first).getAttribute('data-id'))!,
		);
		await saved.getByTestId('compare-run').click();
		const sides = saved.getByTestId('comparison-side');
		await expect(sides.nth(0)).toHaveAttribute('data-side', 'before');
		await expect(sides.nth(0)).toContainText(first);
		await expect(sides.nth(0).getByTestId('comparison-side-basis')).toContainText(
			/^Met rollator · onbekende gegevens: \p{L}+ · norm [\d.]+\u00a0m/u,
		);
		await expect(sides.nth(1)).toContainText(second);
		await expect(sides.nth(1).getByTestId('comparison-side-basis')).toContainText(/^Te voet · /);
		await expect(saved.getByTestId('comparison-warning')).toHaveText(
			'Let op: deze twee analyses zijn anders berekend (ander profiel). Het verschil hieronder is dus geen verandering in de buurt: het komt (ook) van die keuze.',
		);
		await expect(saved.getByTestId('comparison').locator('caption')).toContainText(
			'(Met rollator → Te voet)',
		);
		await expect(saved.getByTestId('compare-before')).toHaveValue(
			(await savedItem(page, first).getAttribute('data-id'))!,
		);
		await saved.getByTestId('comparison-basis').scrollIntoViewIfNeeded();
		await page.screenshot({ path: testInfo.outputPath('compare-profiles.png'), fullPage: true });
	});
});

test('saved analyses on the device: delete asks first, naming the analysis and who loses a published one, then says it is done', async ({
	page,
}, testInfo) => {
	test.setTimeout(420_000);
	const { saved, name } = await openSaved(page);

	const first = 'Nulmeting met rollator';
	await name.fill(first);
	await saved.getByTestId('saved-save').click();
	await expect(savedItem(page, first)).toBeVisible();
	await name.fill('Tweede');
	await saved.getByTestId('saved-save').click();
	await expect(savedItem(page, 'Tweede')).toBeVisible();
	await test.step('delete asks first, naming the analysis and who loses a published one; then says so', async () => {
		await savedItem(page, first).getByTestId('saved-visibility').selectOption('public');
		await expect(savedItem(page, first)).toHaveAttribute('data-visibility', 'public');
		await savedItem(page, first).getByTestId('saved-delete').click();
		const confirm = savedItem(page, first).getByTestId('saved-delete-confirm');
		await expect(confirm).toContainText(
			`“\u2068${first}\u2069” verwijderen? Dat kan niet ongedaan gemaakt worden. Ze is gepubliceerd: bewoners en andere coördinatoren kunnen ze daarna niet meer openen.`,
		);
		await page.screenshot({ path: testInfo.outputPath('delete-confirm.png'), fullPage: true });
		// not yet deleted; "no" keeps it
		await confirm.getByTestId('saved-delete-cancel').click();
		await expect(confirm).toHaveCount(0);
		await expect(saved.getByTestId('saved-item')).toHaveCount(2);
		await savedItem(page, first).getByTestId('saved-delete').click();
		await savedItem(page, first).getByTestId('saved-delete-yes').click();
		await expect(saved.getByTestId('saved-notice')).toHaveText(`Verwijderd: \u2068${first}\u2069`);
		await expect(saved.getByTestId('saved-item')).toHaveCount(1);
	});
});
