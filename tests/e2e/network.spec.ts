import { expect, test } from '../helpers/test.ts';
import { renderedValues, waitForMapReady } from '../helpers/map.ts';

test('the accessible-routes layer colours streets per profile and shows unknown apart', async ({
	page,
}, testInfo) => {
	await page.goto('/?profile=wheelchair');
	await waitForMapReady(page);
	await page.getByTestId('network-toggle').getByRole('checkbox').check();
	await expect(page.getByTestId('network-toggle')).toContainText(
		'Onbekend: de gegevens zeggen het niet',
	);
	// Zoom in on the centre of Vorselaar (the network tiles start at zoom 12).
	await page.evaluate(() => {
		const map = (window as unknown as { buurtkaartMap: { jumpTo: (o: unknown) => void } })
			.buurtkaartMap;
		map.jumpTo({ center: [4.7718, 51.2024], zoom: 15 });
	});
	await expect
		.poll(() => renderedValues(page, ['network-known', 'network-unknown'], 'wheelchair_status'))
		.toEqual(expect.arrayContaining(['unknown']));
	const statuses = await renderedValues(
		page,
		['network-known', 'network-unknown'],
		'wheelchair_status',
	);
	for (const status of statuses)
		expect(['passable', 'limited', 'impassable', 'unknown']).toContain(status);
	await page.screenshot({ path: testInfo.outputPath('network-wheelchair.png') });
});
