import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeAnalysisBundle, edgeStatus } from '../../src/analysis/bundle.ts';
import {
	FLEMISH_NORMS,
	decodePersonalProfile,
	limitsFor,
	personalGraph,
} from '../../src/analysis/personal-profile.ts';
import { reasonLabel, reasonsFromMask } from '../../src/analysis/profiles.ts';
import { PROFILE_IDS } from '../../src/contracts/profiles.ts';
import { edgeCoordinates } from '../../src/analysis/snap.ts';
import { SAMPLE_AREA } from '../helpers/areas.ts';
import { captureMap, waitForMapReady } from '../helpers/map.ts';
import type { Locator } from '@playwright/test';
import { expect, test, type Page } from '../helpers/test.ts';
import { chooseAddress, chooseLanguage } from '../helpers/header.ts';
import { expectNoSeriousA11yViolations } from '../helpers/a11y.ts';
import en from '../../src/i18n/en.ts';
import fr from '../../src/i18n/fr.ts';
import { NL_MESSAGES, formatNumber, type Messages } from '../../src/i18n/messages.ts';

const TEXTS: Record<'nl' | 'fr' | 'en', Messages> = { nl: NL_MESSAGES, fr, en };

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
	await chooseAddress(page, 'Cardijnlaan 2', /Cardijnlaan 2\b.*Vorselaar/);
	const items = page.getByTestId('nearest').getByTestId('nearest-place');
	await expect(items.first()).toContainText(/\d+ min/, { timeout: 60_000 });
	return items.allTextContents();
}

/**
 * Every field of the form lies within the screen, and every choice of each list can be read
 * whole in its closed list (its widest option, measured in the list's font, fits beside the arrow).
 */
async function expectFieldsFit(page: Page, form: Locator): Promise<void> {
	for (const field of await form.locator('input[type=text], select').all()) {
		const box = (await field.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
	}
	for (const list of await form.locator('select').all()) {
		const { widest, width, text } = await list.evaluate((el: HTMLSelectElement) => {
			const ctx = document.createElement('canvas').getContext('2d')!;
			const cs = getComputedStyle(el);
			ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
			const sizes = [...el.options].map((o) => ({ w: ctx.measureText(o.text).width, t: o.text }));
			const max = sizes.reduce((a, b) => (b.w > a.w ? b : a));
			return { widest: max.w, width: el.clientWidth, text: max.t };
		});
		expect(widest + 12, `"${text}" fits in its list`).toBeLessThanOrEqual(width);
	}
}

const MY = /my=wheelchair\.k2\.s5\.w1\.5\..*vslow/;
/** That profile's name, wherever it is in use (I18n.profileName). */
const MY_NAME = {
	nl: 'Mijn profiel (op basis van: rolstoel) — tempo traag, stoep ≤ 2 cm, helling ≤ 5 %, doorgang ≥ 1,5 m',
	fr: 'Mon profil (à partir de : fauteuil roulant) — allure lente, bordure ≤ 2 cm, pente ≤ 5 %, passage ≥ 1,5 m',
	en: 'My profile (based on: wheelchair) — slow pace, kerb ≤ 2 cm, slope ≤ 5 %, passage ≥ 1.5 m',
};
/** Two sample origins whose walking route takes a path narrower than 1.5 m (width=1 in OSM). */
const A = [4.783922, 51.269646];
const B = [4.859062, 51.261921];

/**
 * Opens the route A→B of the link `from` in the same page (as Back and Forward do: no new load,
 * the same worker), keeping the link's profile.
 */
async function openRouteInPage(page: Page, from: string): Promise<void> {
	const link = new URL(from);
	link.searchParams.set('mode', 'route');
	link.searchParams.set('a', A.join(','));
	link.searchParams.set('b', B.join(','));
	await page.evaluate((url) => {
		history.pushState(null, '', url);
		dispatchEvent(new PopStateEvent('popstate'));
	}, link.pathname + link.search);
}

test.describe('a personal mobility profile', () => {
	test('the summary shows it opens (its disclosure marker), its text centred in its box @phone', async ({
		page,
	}, testInfo) => {
		// The summary was a flex box: no disclosure marker (▸/▾), unlike every other summary of the app.
		await page.goto('/');
		const form = page.getByTestId('personal-profile');
		const summary = form.locator('summary');
		await summary.scrollIntoViewIfNeeded();
		await expect(summary).toBeVisible();
		const measure = () =>
			summary.evaluate((el) => {
				const range = document.createRange();
				range.selectNodeContents(el);
				const t = range.getBoundingClientRect();
				const b = el.getBoundingClientRect();
				const style = getComputedStyle(el);
				return {
					off: (t.top + t.bottom) / 2 - (b.top + b.bottom) / 2,
					textHeight: t.bottom - t.top,
					height: b.bottom - b.top,
					display: style.display,
					marker: style.listStyleType,
				};
			});
		for (const [state, marker] of [
			['closed', 'disclosure-closed'],
			['open', 'disclosure-open'],
		] as const) {
			if (state === 'open') {
				await summary.click();
				await expect(form.getByRole('combobox', { name: 'Tempo' })).toBeVisible();
			}
			const m = await measure();
			// a list item: the disclosure marker is drawn, ▸ closed and ▾ open
			expect({ display: m.display, marker: m.marker }, state).toEqual({
				display: 'list-item',
				marker,
			});
			expect(m.textHeight, state).toBeGreaterThan(0);
			expect(
				Math.abs(m.off),
				`${state}: text ${m.off.toFixed(1)} px off the centre`,
			).toBeLessThanOrEqual(2);
			expect(m.height, state).toBeGreaterThanOrEqual(43.5);
			await summary.scrollIntoViewIfNeeded();
			await page.screenshot({ path: testInfo.outputPath(`personal-summary-${state}.png`) });
		}
	});

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
		const pace = form.getByRole('combobox', { name: 'Tempo' });
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
		// the answer names the profile it is for: the person's, not "In een rolstoel"
		await expect(page.getByTestId('nearest')).toContainText(`${MY_NAME.nl}:`);

		// a route link opened in the same page (as Back and Forward do: no new load, the same
		// worker): its reasons name this person's width (1,5 m), not the wheelchair profile's 0,9 m
		await openRouteInPage(page, shared);
		await expect(page).toHaveURL(MY);
		const avoided = page.getByTestId('route-avoided');
		await expect(avoided).toContainText('Smaller dan 1,5 m', { timeout: 60_000 });
		await expect(avoided).not.toContainText('0,9 m');
		// the route is named for the person's profile (it said "In een rolstoel")
		const routeProfile = page.getByTestId('route-profile');
		await expect(routeProfile).toContainText(`${MY_NAME.nl}:`);
		await expect(routeProfile).not.toContainText('In een rolstoel');
		await chooseLanguage(page, 'fr');
		await expect(avoided).toContainText('Moins de 1,5 m de large');
		await expect(routeProfile).toContainText(`${MY_NAME.fr} :`);
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
		await expect(page.getByTestId('network-toggle')).toContainText(MY_NAME.nl);
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
		await expect(popup).toContainText(`${MY_NAME.nl}: `);
		await page.screenshot({ path: test.info().outputPath('personal-network-layer.png') });
		await popup
			.locator('xpath=ancestor::div[contains(@class,"maplibregl-popup")]')
			.getByRole('button')
			.click();
	});

	// On a phone (Pixel 7; also run on the desktop): the form filled by keyboard only, then a route
	// with reasons, each looked at (screenshots named by project) and axe-checked in nl, fr and en. One page load: the route is opened
	// in the same page, as Back and Forward do.
	test('on a phone: the form by keyboard and a route with its reasons, axe-clean in nl, fr and en @phone', async ({
		page,
	}) => {
		test.setTimeout(300_000);
		await page.goto('/?profile=wheelchair');
		const form = page.getByTestId('personal-profile');
		const summary = form.locator('summary');
		await summary.focus();
		await page.keyboard.press('Enter');
		const t = TEXTS.nl;
		const pace = form.getByRole('combobox', { name: t.mySpeed });
		await expect(pace).toBeVisible();
		// Tab from the summary through every field, in order, typing the issue's "kerb ≤ 2 cm,
		// slope ≤ 5 %" and the Flemish width; the pace by arrow key
		await page.keyboard.press('Tab');
		await expect(pace).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await expect(pace).toHaveValue('slow');
		for (const [name, value] of [
			[t.myKerb, '2'],
			[t.mySlope, '5'],
			[t.myWidth, '1,5'],
		] as const) {
			await page.keyboard.press('Tab');
			await expect(form.getByRole('textbox', { name })).toBeFocused();
			await page.keyboard.press('ControlOrMeta+a');
			await page.keyboard.type(value);
		}
		await page.keyboard.press('Tab');
		await expect(form.getByRole('textbox', { name: t.myBench })).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(form.getByRole('checkbox', { name: t.mySteps })).toBeFocused();
		await expectFieldsFit(page, form);
		await page.screenshot({
			path: test.info().outputPath(`${test.info().project.name}-form-nl.png`),
		});
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(MY);
		await expect(form).toContainText(t.myOn);
		const my = new URL(page.url()).searchParams.get('my')!;
		const limits = limitsFor('wheelchair', my);

		for (const lang of ['fr', 'en', 'nl'] as const) {
			await chooseLanguage(page, lang);
			const tl = TEXTS[lang];
			await expect(form.locator('summary')).toContainText(tl.myTitle);
			await expect(form.getByRole('textbox', { name: tl.myKerb })).toHaveValue('2');
			// as applied in Dutch, with its decimal comma (a language chosen later keeps it)
			await expect(form.getByRole('textbox', { name: tl.myWidth })).toHaveValue('1,5');
			// the norm in the width's help is written as the language writes numbers (not "1.50" in Dutch)
			await expect(form).toContainText(
				tl.myWidthHelp.replace('{m}', formatNumber(lang, FLEMISH_NORMS.sidewalkWidthM, 2)),
			);
			await expectFieldsFit(page, form);
			await form.getByRole('button', { name: tl.myApply }).scrollIntoViewIfNeeded();
			await page.screenshot({
				path: test.info().outputPath(`${test.info().project.name}-form-end-${lang}.png`),
			});
			await expectNoSeriousA11yViolations(page);
		}

		// a route with reasons, opened in the same page
		await openRouteInPage(page, page.url());
		await expect(page).toHaveURL(MY);
		const avoided = page.getByTestId('route-avoided');
		for (const lang of ['nl', 'fr', 'en'] as const) {
			await chooseLanguage(page, lang);
			// the person's own width, not the wheelchair profile's 0.9 m
			await expect(avoided).toContainText(reasonLabel('width_narrow', lang, limits), {
				timeout: 60_000,
			});
			await expect(page.getByTestId('route-profile')).toContainText(MY_NAME[lang]);
			await expect(avoided).not.toContainText(
				reasonLabel('width_narrow', lang, limitsFor('wheelchair', null)),
			);
			await avoided.scrollIntoViewIfNeeded();
			await page.screenshot({
				path: test.info().outputPath(`${test.info().project.name}-route-reasons-${lang}.png`),
			});
			await expectNoSeriousA11yViolations(page);
		}
		// keyboard only: from the panel's heading, Tab reaches its close button, Enter closes it
		const close = page.getByTestId('route-panel').getByRole('button', { name: TEXTS.en.close });
		await page.locator('#route-title').focus();
		await page.keyboard.press('Tab');
		await expect(close).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(avoided).toBeHidden();
	});
});
