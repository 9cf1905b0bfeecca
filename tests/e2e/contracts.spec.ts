/**
 * The contract between pipeline and app, as a resident meets it: tiles built by another version of
 * the pipeline (a manifest of another format version) get a clear, translated message, not a
 * broken map. No map loads here: the manifest is refused before it.
 */
import { MANIFEST_SCHEMA_VERSION } from '../../src/contracts/manifest.ts';
import { expect, test } from '../helpers/test.ts';
import { chooseLanguage } from '../helpers/header.ts';

test('tiles of another format version: the message names both versions, in each language', async ({
	page,
}, testInfo) => {
	const found = MANIFEST_SCHEMA_VERSION + 1;
	// The real manifest of the area, as served, with the next format version.
	await page.route('**/tiles/*/manifest.json', async (route) => {
		const response = await route.fetch();
		const manifest = (await response.json()) as Record<string, unknown>;
		await route.fulfill({ response, json: { ...manifest, schemaVersion: found } });
	});
	await page.goto('/');
	const error = page.getByTestId('map-error');
	await expect(error).toHaveRole('alert');
	await expect(error).toContainText(
		`De gegevens van dit gebied hebben een ander formaat (versie ${found}) dan deze versie van Buurtkaart leest (versie ${MANIFEST_SCHEMA_VERSION})`,
	);
	await page.screenshot({ path: testInfo.outputPath('schema-version.png') });
	await chooseLanguage(page, 'fr');
	await expect(error).toContainText(`un autre format (version ${found})`);
	await chooseLanguage(page, 'en');
	await expect(error).toContainText(`another format (version ${found})`);
	await expect(page.locator('.maplibregl-canvas')).toHaveCount(0);
});

test('a manifest that breaks the contract: the message names the field and the rule, in each language', async ({
	page,
}, testInfo) => {
	// The real manifest of the area, as served, with its box turned inside out (west east of east).
	await page.route('**/tiles/*/manifest.json', async (route) => {
		const response = await route.fetch();
		const manifest = (await response.json()) as { area: { bbox: number[] } };
		const [w, s, e, n] = manifest.area.bbox;
		await route.fulfill({
			response,
			json: { ...manifest, area: { ...manifest.area, bbox: [e, s, w, n] } },
		});
	});
	await page.goto('/');
	const error = page.getByTestId('map-error');
	await expect(error).toHaveRole('alert');
	await expect(error).toContainText('area.bbox is geen geldig kader [west, zuid, oost, noord]');
	await page.screenshot({ path: testInfo.outputPath('manifest-issue.png') });
	await chooseLanguage(page, 'fr');
	await expect(error).toContainText('area.bbox n’est pas un cadre valable [ouest, sud, est, nord]');
	await chooseLanguage(page, 'en');
	await expect(error).toContainText('area.bbox is not a valid box [west, south, east, north]');
	await expect(page.locator('.maplibregl-canvas')).toHaveCount(0);
});
