import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeAnalysisBundle, edgeStatus } from '../../src/analysis/bundle.ts';
import {
	decodePersonalProfile,
	limitsFor,
	personalGraph,
} from '../../src/analysis/personal-profile.ts';
import { reasonLabel, reasonsFromMask } from '../../src/analysis/profiles.ts';
import { PROFILE_IDS } from '../../src/contracts/profiles.ts';
import { edgeCoordinates } from '../../src/analysis/snap.ts';
import { SAMPLE_AREA } from '../helpers/areas.ts';
import { captureMap, waitForMapReady } from '../helpers/map.ts';
import { expect, test, type Page } from '../helpers/test.ts';
import { chooseLanguage } from '../helpers/header.ts';
import { expectNoSeriousA11yViolations } from '../helpers/a11y.ts';

const graph = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join('tiles', SAMPLE_AREA, 'analysis.bin'))),
).graph;

/**
 * The first edge whose status the engine in Node gives differently for the personal profile `my`
 * than for its base profile, with its statuses, reasons and middle.
 */
function changedEdge(my: string) {
	const person = decodePersonalProfile(my);
	const mine = personalGraph(graph, person);
	const pi = PROFILE_IDS.indexOf(person.base);
	for (let e = 0; e < graph.edgeCount; e++) {
		const builtIn = edgeStatus(graph, pi, e);
		const status = edgeStatus(mine, pi, e);
		if (builtIn === status) continue;
		const line = edgeCoordinates(graph, e);
		return {
			edge: e,
			base: person.base,
			builtIn,
			status,
			reasons: reasonsFromMask(mine.reasons[pi * graph.edgeCount + e] as number),
			middle: line[Math.floor(line.length / 2) - (line.length % 2 === 0 ? 1 : 0)]!,
			line,
		};
	}
	return undefined;
}

/** The nearest pharmacies from a real CRAB address in Vorselaar, as the list shows them. */
async function nearestPharmacies(page: Page): Promise<string[]> {
	const search = page.getByTestId('search-input');
	await search.fill('apotheek');
	await page.getByRole('group', { name: 'Soort hulp' }).getByRole('option').first().click();
	await search.fill('Cardijnlaan 2');
	await page
		.getByRole('group', { name: 'Adressen' })
		.getByRole('option', { name: /Cardijnlaan 2\b.*Vorselaar/ })
		.first()
		.click();
	const items = page.getByTestId('nearest').getByTestId('nearest-place');
	await expect(items.first()).toContainText(/\d+ min/, { timeout: 60_000 });
	return items.allTextContents();
}

const MY = /my=wheelchair\.k2\.s5\.w1\.5\..*vslow/;
/** Two sample origins whose walking route takes a path narrower than 1.5 m (width=1 in OSM). */
const A = [4.783922, 51.269646];
const B = [4.859062, 51.261921];

test.describe('a personal mobility profile', () => {
	// The answers come from the worker; the map is waited for once, for the accessible-routes layer.
	test('set "kerb ≤ 2 cm, slope ≤ 5 %", width and pace by keyboard; the accessible-routes layer shows the worker\'s statuses; nearest pharmacies change; a route names the own width; a shared link in a fresh context keeps it', async ({
		page,
		browser,
	}) => {
		// the map's first drawing (software WebGL) comes on top of the worker's answers
		test.setTimeout(300_000);
		await captureMap(page);
		await page.goto('/?profile=wheelchair');
		const builtIn = await nearestPharmacies(page);
		// back to the explore panel, where "what I can manage" is
		await page.getByTestId('nearest').getByRole('button', { name: 'Sluiten' }).click();

		const form = page.getByTestId('personal-profile');
		await form.locator('summary').press('Enter');
		const pace = form.getByRole('combobox', { name: 'Wandeltempo' });
		await expect(pace).toBeVisible();
		// walking pace "slow" (the arrow key on the closed list)
		await pace.focus();
		await page.keyboard.press('ArrowDown');
		await expect(pace).toHaveValue('slow');
		const kerb = form.getByRole('textbox', { name: 'Hoogste stoeprand (cm)' });
		await expect(kerb).toHaveValue('3');
		await kerb.focus();
		await expect(kerb).toBeFocused();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('2');
		await page.keyboard.press('Tab');
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('5');
		await page.keyboard.press('Tab');
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('1.5');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(MY);
		await expect(form).toContainText('eigen profiel actief');
		await expectNoSeriousA11yViolations(page);
		const shared = page.url();

		// The sample's OSM data (2019) tag no kerb and no incline above 0 %, and its narrow ways lie
		// off these routes: on this data the pace is what changes the nearest answer.
		const mine = await nearestPharmacies(page);
		expect(mine).not.toEqual(builtIn);

		// a route link opened in the same page (as Back and Forward do: no new load, the same
		// worker): its reasons name this person's width (1,5 m), not the wheelchair profile's 0,9 m
		const link = new URL(shared);
		link.searchParams.set('mode', 'route');
		link.searchParams.set('a', A.join(','));
		link.searchParams.set('b', B.join(','));
		await page.evaluate((url) => {
			history.pushState(null, '', url);
			dispatchEvent(new PopStateEvent('popstate'));
		}, link.pathname + link.search);
		await expect(page).toHaveURL(MY);
		const avoided = page.getByTestId('route-avoided');
		await expect(avoided).toContainText('Smaller dan 1,5 m', { timeout: 60_000 });
		await expect(avoided).not.toContainText('0,9 m');
		await chooseLanguage(page, 'fr');
		await expect(avoided).toContainText('Moins de 1,5 m de large');
		await page.screenshot({ path: test.info().outputPath('personal-route-reasons.png') });

		// a shared link in a fresh context carries it
		const other = await browser.newContext();
		try {
			const fresh = await other.newPage();
			await fresh.goto(shared);
			await expect(fresh).toHaveURL(MY);
			await expect(fresh.getByTestId('personal-profile')).toContainText('eigen profiel actief');
		} finally {
			await other.close();
		}

		// The accessible-routes layer draws the worker's statuses for this profile (feature-state
		// by edge index): a stretch the engine in Node classifies differently than for the built-in
		// wheelchair profile shows its personal status, and its popup says why.
		// Last, so the map's drawing does not slow the answers above: back to the explore panel
		// in the same page (no new load).
		const changed = changedEdge(new URL(shared).searchParams.get('my')!);
		expect(changed).toBeDefined();
		await chooseLanguage(page, 'nl');
		await page.evaluate(
			(url) => {
				history.pushState(null, '', url);
				dispatchEvent(new PopStateEvent('popstate'));
			},
			new URL(shared).pathname + new URL(shared).search,
		);
		await expect(page).toHaveURL(MY);
		await page.getByTestId('network-toggle').getByRole('checkbox').check();
		await waitForMapReady(page);
		await page.evaluate(
			(centre) =>
				(
					window as unknown as { buurtkaartMap: { jumpTo: (o: unknown) => void } }
				).buurtkaartMap.jumpTo({ center: centre, zoom: 16 }),
			changed!.middle,
		);
		await expect
			.poll(
				() =>
					page.evaluate((edge) => {
						type Feature = { id?: number; properties: Record<string, unknown> };
						const map = (
							window as unknown as {
								buurtkaartMap: {
									queryRenderedFeatures: (o: unknown) => Feature[];
									getFeatureState: (f: unknown) => Record<string, unknown>;
								};
							}
						).buurtkaartMap;
						const f = map
							.queryRenderedFeatures({ layers: ['network-known'] })
							.find((x) => x.id === edge);
						if (!f) return null;
						const state = map.getFeatureState({
							source: 'network',
							sourceLayer: 'footways',
							id: edge,
						});
						return { tile: f.properties.wheelchair_status, drawn: state.status ?? null };
					}, changed!.edge),
				{ timeout: 120_000 },
			)
			.toEqual({ tile: changed!.builtIn, drawn: changed!.status });
		// its popup: the same status and the engine's reasons (clicked where only it lies)
		const at = await page.evaluate((line) => {
			const map = (
				window as unknown as {
					buurtkaartMap: {
						project: (p: [number, number]) => { x: number; y: number };
						getCanvas: () => HTMLCanvasElement;
					};
				}
			).buurtkaartMap;
			const box = map.getCanvas().getBoundingClientRect();
			for (let i = 0; i + 1 < line.length; i++) {
				const [a, b] = [line[i]!, line[i + 1]!];
				const p = map.project([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
				if (document.elementFromPoint(box.left + p.x, box.top + p.y) === map.getCanvas())
					return { x: box.left + p.x, y: box.top + p.y };
			}
			return null;
		}, changed!.line);
		expect(at).not.toBeNull();
		await page.mouse.click(at!.x, at!.y);
		const popup = page.getByTestId('network-popup');
		await expect(popup).toContainText(
			changed!.status === 'impassable' ? 'Niet begaanbaar' : 'Beperkt',
		);
		const limits = limitsFor(changed!.base, new URL(shared).searchParams.get('my'));
		for (const code of changed!.reasons)
			await expect(popup).toContainText(reasonLabel(code, 'nl', limits));
		await expect(popup).not.toContainText('0,9 m');
		await page.screenshot({ path: test.info().outputPath('personal-network-layer.png') });
		await popup
			.locator('xpath=ancestor::div[contains(@class,"maplibregl-popup")]')
			.getByRole('button')
			.click();
	});
});
