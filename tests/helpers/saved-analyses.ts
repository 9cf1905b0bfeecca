/**
 * Steps of the coordinators' saved analyses that the journeys share (tests/e2e/coverage.spec.ts
 * without a backend, tests/e2e/saved-analyses.spec.ts with Supabase): plan a "where next"
 * suggestion, read the what-if's gain, save, find a saved analysis by name, download a file.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Page } from './test.ts';

/** The gain in residents 65+ that the what-if's delta shows. */
export async function deltaGain(page: Page): Promise<number> {
	const text = (await page.getByTestId('coverage-delta').textContent()) ?? '';
	return Number(/\+([\d.]+) inwoners 65\+/.exec(text)?.[1]?.replace(/\./g, '') ?? NaN);
}

/** Plans the first "where next" suggestion; returns the gain in residents 65+ the delta shows. */
export async function planSuggestion(page: Page): Promise<number> {
	const panel = page.getByTestId('coverage');
	await panel.getByTestId('coverage-suggest').click();
	await panel.getByTestId('coverage-suggestion').first().getByTestId('coverage-take-over').click();
	await expect(panel.getByTestId('coverage-delta')).toContainText(/^\s*\+[\d.]+ inwoners 65\+/);
	return deltaGain(page);
}

/** The saved analysis named `name` in the list. */
export const savedItem = (page: Page, name: string) =>
	page
		.getByTestId('saved-item')
		.filter({ has: page.getByTestId('saved-item-name').getByText(name, { exact: true }) });

/** Saves the analysis on screen as `name` with `note`; waits until it is listed. */
export async function saveAnalysis(page: Page, name: string, note = ''): Promise<void> {
	const saved = page.getByTestId('saved-analyses');
	await saved.getByTestId('saved-name').fill(name);
	await saved.getByTestId('saved-note').fill(note);
	await saved.getByTestId('saved-save').click();
	await expect(saved.getByTestId('saved-notice')).toHaveText(`Bewaard: \u2068${name}\u2069`);
	await expect(savedItem(page, name)).toBeVisible();
}

/** Clicks the first element with `testId` and returns the text of the file it downloads. */
export async function downloaded(page: Page, testId: string): Promise<string> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId(testId).first().click(),
	]);
	return readFile((await file.path())!, 'utf8');
}
