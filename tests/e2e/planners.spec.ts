/**
 * The planners' workspace on the real sample area: a wheelchair route with its reasons beside the
 * walking route, walksheds compared with the residents reached, the top fixes (each gain equal to
 * a full recomputation), the rest-point layer and the completeness table. Every number the page
 * shows is compared with the engine run here in Node on the same bundle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeAnalysisBundle } from '../../src/analysis/bundle.ts';
import { completenessByNeighbourhood } from '../../src/analysis/completeness.ts';
import { AnalysisEngine } from '../../src/analysis/engine.ts';
import { FIX_KINDS, gainByRecompute, rankFixes } from '../../src/analysis/fixes.ts';
import { statusCounts } from '../../src/analysis/network-layer.ts';
import { NETWORK_POINT_VALUE_LABELS } from '../../src/analysis/network-points.ts';
import { REASON_LABELS } from '../../src/analysis/profiles.ts';
import { leastHit, smallControls } from '../helpers/hit-size.ts';
import { PROFILE_IDS, UNKNOWN_REASONS, type ReasonCode } from '../../src/contracts/profiles.ts';
import { readSearchSource } from '../../src/contracts/search-source.ts';
import { CATEGORIES, REST_ROUTE_CATEGORY_IDS } from '../../src/contracts/taxonomy.ts';
import { restGaps } from '../../src/analysis/rest-points.ts';
import { routeWithReasons } from '../../src/analysis/route.ts';
import { walkshed } from '../../src/analysis/walkshed.ts';
import { builtInProfile, encodePersonalProfile } from '../../src/analysis/personal-profile.ts';
import { chooseLanguage } from '../helpers/header.ts';
import { SAMPLE_AREA } from '../helpers/areas.ts';
import {
	captureMap,
	holdAnalysisData,
	holdMapTiles,
	paintProperty,
	renderedValues,
	waitForMapReady,
	mapSettled,
	mapView,
} from '../helpers/map.ts';
import {
	COMPLETENESS_CLASSES,
	completenessLayers,
	fixesMinZooms,
} from '../../src/map/layers/planner-style.ts';
import type { Locator } from '@playwright/test';
import { expect, test, type Page } from '../helpers/test.ts';

const engine = new AnalysisEngine(
	decodeAnalysisBundle(
		new Uint8Array(readFileSync(path.join('tiles', SAMPLE_AREA, 'analysis.bin'))),
	),
);
engine.prepare();

// Two real places in Vorselaar; the wheelchair route leaves the walking route on rough surfaces.
/** A whole number as the Dutch texts write it (Intl.NumberFormat: 1.334). */
const nl = (x: number) => new Intl.NumberFormat('nl').format(Math.round(x));
/** A count's difference with walking's as the panel writes it: "−927", "+3", "0". */
const signed = (x: number, walked: number) => {
	const d = Math.round(x) - Math.round(walked);
	return d === 0 ? '0' : `${d < 0 ? '\u2212' : '+'}${nl(Math.abs(d))}`;
};
/** Metres as kilometres with one decimal, as `lang` writes them ("528,3" in Dutch and French). */
const km = (lang: string, m: number) =>
	new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
		m / 1000,
	);
const A: [number, number] = [4.835264, 51.228472];
const B: [number, number] = [4.832985, 51.218921];

test.beforeEach(async ({ page }) => captureMap(page));

/** A way as the planners' lists name it in Dutch (src/panels/planner.ts wayLabel). */
const wayText = (w: { wayId: string; wayName: string; nearName: string }) =>
	w.wayName ||
	(w.nearName ? `weg zonder naam bij ${w.nearName} (${w.wayId})` : `weg zonder naam (${w.wayId})`);

/** The lines each element's text takes (distinct tops of its line boxes). */
async function textLines(elements: Locator): Promise<number[]> {
	return elements.evaluateAll((all) =>
		all.map((el) => {
			const tops: number[] = [];
			const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const range = document.createRange();
				range.selectNodeContents(n);
				for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
			}
			tops.sort((a, b) => a - b);
			return tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 4).length;
		}),
	);
}

/** Number of features of a GeoJSON overlay source on the map. */
async function overlayFeatures(page: Page, source: string): Promise<number> {
	return page.evaluate((id) => {
		const map = (
			window as unknown as {
				buurtkaartMap: {
					getSource: (
						id: string,
					) => { serialize: () => { data: { features: unknown[] } } } | undefined;
				};
			}
		).buurtkaartMap;
		return map.getSource(id)?.serialize().data.features.length ?? -1;
	}, source);
}

/**
 * The walkshed overlay on the map: per profile, the number of stretches its feature holds; and the
 * ids of the map's layers that draw walksheds.
 */
async function walkshedDrawing(
	page: Page,
): Promise<{ stretches: Record<string, number>; layers: string[]; networkLayers: string[] }> {
	return page.evaluate(() => {
		const map = (
			window as unknown as {
				buurtkaartMap: {
					getStyle: () => { layers: { id: string; source?: string }[] };
					getSource: (id: string) =>
						| {
								serialize: () => {
									data: {
										features: {
											properties: { profile?: string };
											geometry: { type: string; coordinates: unknown[] };
										}[];
									};
								};
						  }
						| undefined;
				};
			}
		).buurtkaartMap;
		const stretches: Record<string, number> = {};
		for (const f of map.getSource('walkshed')?.serialize().data.features ?? [])
			if (f.properties.profile) stretches[f.properties.profile] = f.geometry.coordinates.length;
		const layers = map.getStyle().layers.filter((l) => l.id.startsWith('walkshed'));
		return {
			stretches,
			layers: layers.map((l) => l.id),
			networkLayers: layers.filter((l) => l.source !== 'walkshed').map((l) => l.id),
		};
	});
}

/**
 * A point of the page where a click hits a rendered feature of `layer` that `wanted` accepts, with
 * that layer on top and no place icon there; null when none is in view.
 */
async function clickableFeature(
	page: Page,
	layer: string,
	wanted: { property: string; values: string[]; has?: string },
): Promise<{ x: number; y: number; props: Record<string, string> } | null> {
	return page.evaluate(
		({ layer, wanted }) => {
			type Feature = {
				layer: { id: string };
				properties: Record<string, string>;
				geometry: { type: string; coordinates: unknown };
			};
			const map = (
				window as unknown as {
					buurtkaartMap: {
						queryRenderedFeatures: (a?: unknown, b?: unknown) => Feature[];
						project: (p: [number, number]) => { x: number; y: number };
						getCanvas: () => HTMLCanvasElement;
					};
				}
			).buurtkaartMap;
			const box = map.getCanvas().getBoundingClientRect();
			for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
				if (!wanted.values.includes(String(f.properties[wanted.property]))) continue;
				if (wanted.has && !f.properties[wanted.has]) continue;
				const g = f.geometry;
				const lines = (
					g.type === 'Point'
						? [[g.coordinates]]
						: g.type === 'LineString'
							? [g.coordinates]
							: g.type === 'MultiLineString'
								? g.coordinates
								: []
				) as [number, number][][];
				for (const line of lines)
					for (let i = 0; i < line.length; i++) {
						const a = line[i]!;
						const b = line[Math.min(i + 1, line.length - 1)]!;
						const at = map.project([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
						if (at.x < 60 || at.y < 60 || at.x > box.width - 60 || at.y > box.height - 60) continue;
						const here = map.queryRenderedFeatures([at.x, at.y]);
						if (here[0]?.layer.id !== layer) continue;
						if (here.some((h) => h.layer.id === 'places-icon')) continue;
						// nothing over the map there (a popup, a panel)
						if (document.elementFromPoint(box.left + at.x, box.top + at.y) !== map.getCanvas())
							continue;
						return { x: box.left + at.x, y: box.top + at.y, props: f.properties };
					}
			}
			return null;
		},
		{ layer, wanted },
	);
}

test.describe("planners' workspace", () => {
	test('route with reasons, walksheds, top fixes, rest points and completeness, equal to the engine', async ({
		page,
	}, testInfo) => {
		const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(name) });

		// --- a wheelchair route with its reasons, the walking route beside it
		const link = `/?mode=route&a=${A.join(',')}&b=${B.join(',')}&profile=wheelchair`;
		await page.goto(link);
		const routePanel = page.getByTestId('route-panel');
		const ref = routeWithReasons(engine, A, B, 'wheelchair');
		expect(ref.avoided.length).toBeGreaterThan(0);
		await expect(routePanel.getByTestId('route-profile')).toHaveText(
			`In een rolstoel: ${nl(ref.route.distanceM)} m, ${nl(ref.route.timeS / 60)} min`,
			{ timeout: 120_000 },
		);
		await expect(routePanel.getByTestId('route-walking')).toContainText(
			`${nl(ref.walking.distanceM)} m`,
		);
		await expect(routePanel.getByTestId('route-extra')).toContainText(
			`${nl(Math.round(ref.route.distanceM) - Math.round(ref.walking.distanceM))} m`,
		);
		// what the lines on the map are
		await expect(routePanel.getByTestId('route-legend').getByRole('listitem')).toHaveText([
			'In een rolstoel',
			'de looproute (te voet)',
			'vermeden stukken van de looproute',
		]);
		await expect(routePanel.getByTestId('route-unknown')).toContainText(
			`${Math.round((100 * ref.route.unknownM) / ref.route.distanceM)} %`,
		);
		const items = routePanel.getByTestId('route-avoided-item');
		await expect(items).toHaveCount(ref.avoided.length);
		for (const [k, s] of ref.avoided.entries()) {
			// what the data say is wrong, then what they do not know ("…; ook breedte onbekend")
			for (const reason of s.reasons) {
				const label = REASON_LABELS[reason].nl;
				await expect(items.nth(k)).toContainText(
					UNKNOWN_REASONS.has(reason) && s.reasons.some((r) => !UNKNOWN_REASONS.has(r))
						? `ook ${label.charAt(0).toLowerCase()}${label.slice(1)}`
						: label,
				);
			}
			// the street's name from the data, else honestly the way id (and the street it leads to)
			await expect(items.nth(k)).toContainText(wayText(s));
		}
		await waitForMapReady(page);
		// walking line, profile line, the avoided stretches, A and B
		await expect.poll(() => overlayFeatures(page, 'planner-route')).toBe(4 + ref.avoided.length);
		await mapSettled(page);
		// A and B carry their letter, as the panel names them
		await expect
			.poll(() => renderedValues(page, ['planner-points-label'], 'label'))
			.toEqual(['A', 'B']);
		await shot('planner-route-desktop.png');

		// --- walksheds from a point picked on the map, side by side
		await routePanel.getByRole('button', { name: 'Sluiten' }).click();
		await page.getByTestId('open-walkshed').click();
		const shedPanel = page.getByTestId('walkshed-panel');
		await shedPanel.getByTestId('pick-point').click();
		await page.getByTestId('map').locator('canvas').click();
		await expect(page).toHaveURL(/pt=/);
		const pt = new URL(page.url()).searchParams.get('pt')!.split(',').map(Number) as [
			number,
			number,
		];
		const rows = shedPanel.getByTestId('walkshed-row');
		await expect(rows).toHaveCount(3, { timeout: 120_000 });
		const sheds = PROFILE_IDS.map((p) =>
			walkshed(engine, pt, 10, p, 'optimistic', { polygon: false }),
		);
		const stretches: Record<string, number> = {};
		for (const [k, s] of sheds.entries()) {
			if (!s) {
				await expect(rows.nth(k)).toContainText('te ver');
				continue;
			}
			stretches[PROFILE_IDS[k]!] = s.lines.geometry.coordinates.length;
			await expect(rows.nth(k).getByTestId('walkshed-residents')).toHaveText(nl(s.residents));
			await expect(rows.nth(k).getByTestId('walkshed-residents65')).toHaveText(nl(s.residents65));
			// under each count of the other profiles, its difference with walking (the deficit)
			const walked = sheds[0];
			const differences = rows.nth(k).getByTestId('walkshed-difference');
			if (k === 0 || !walked) await expect(differences).toHaveCount(0);
			else
				await expect(differences).toHaveText([
					`Verschil met te voet: ${signed(s.residents, walked.residents)}`,
					`Verschil met te voet: ${signed(s.residents65, walked.residents65)}`,
				]);
		}
		expect(Object.keys(stretches).length).toBeGreaterThan(0);
		// the wheelchair's kerb limit says so where the area's data hold no kerb (the manifest counts
		// the network's points per kind)
		const pointKinds = (
			JSON.parse(readFileSync(path.join('tiles', SAMPLE_AREA, 'manifest.json'), 'utf8')) as {
				archives: { network: { layers: { id: string; counts?: Record<string, number> }[] } };
			}
		).archives.network.layers.find((l) => l.counts)?.counts;
		const wheelchairLimits = shedPanel
			.getByTestId('walkshed-limits')
			.locator('li[data-profile="wheelchair"]');
		if (pointKinds && !pointKinds.kerb)
			await expect(wheelchairLimits).toContainText(
				'stoep ≤ 3 cm (geen stoepranden in de gegevens)',
			);
		else await expect(wheelchairLimits).not.toContainText('geen stoepranden');
		// the difference split: the walking network at the profile's own pace (the same minutes, as
		// far as its speed goes), then what public space takes away besides
		const walked = sheds[0]!;
		const split = shedPanel.getByTestId('walkshed-split').getByRole('listitem');
		const expected: string[] = [];
		for (const [k, p] of PROFILE_IDS.entries()) {
			const s = sheds[k];
			if (k === 0 || !s) continue;
			const pace = engine.network(p, 'optimistic').speedMps / engine.network('walking').speedMps;
			const atPace = walkshed(engine, pt, 10 * pace, 'walking', 'optimistic', { polygon: false })!;
			const name = p === 'rollator' ? 'Met rollator' : 'In een rolstoel';
			expected.push(
				`${name}: ${signed(atPace.residents, walked.residents)} inwoners door het tragere tempo alleen, ${signed(s.residents, atPace.residents)} door wat de openbare ruimte tegenhoudt of vertraagt.`,
			);
		}
		await expect(split).toHaveText(expected);
		// every stretch each profile reaches, in one GeoJSON source (a feature per profile, and the
		// point); no layer draws from the network tiles
		await expect
			.poll(() => overlayFeatures(page, 'walkshed'))
			.toBe(1 + sheds.filter(Boolean).length);
		expect(await walkshedDrawing(page)).toEqual({
			stretches,
			layers: PROFILE_IDS.map((p) => `walkshed-${p}`),
			networkLayers: [],
		});
		await mapSettled(page);
		await shot('planner-walksheds-desktop.png');

		// --- which fix helps most: each gain equal to a full recomputation
		await shedPanel.getByRole('button', { name: 'Sluiten' }).click();
		await page.getByTestId('open-fixes').click();
		const fixPanel = page.getByTestId('fixes-panel');
		// the pharmacy's norm of the gap analysis (the taxonomy's 800 m)
		await expect(page).toHaveURL(/mode=fixes&cat=pharmacy&norm=800/);
		const options = {
			categoryId: 'pharmacy',
			profile: 'wheelchair',
			unknownMode: 'cautious',
			normM: 800,
		} as const;
		const ranking = rankFixes(engine, { ...options, limit: 10 });
		expect(ranking.fixes.length).toBeGreaterThan(0);
		const fixes = fixPanel.getByTestId('fix');
		await expect(fixes).toHaveCount(ranking.fixes.length, { timeout: 120_000 });
		// two lists, each ranked 1..n with its count: what to build or adapt (a physical barrier),
		// then what to measure first (unknown data only), as the engine classifies the stretches
		const groups = fixPanel.getByTestId('fixes-group');
		await expect(groups.getByRole('heading')).toHaveText([
			'Bouwen of aanpassen',
			'Eerst nameten (gegevens onbekend)',
		]);
		for (const [g, kind] of FIX_KINDS.entries()) {
			const group = groups.nth(g);
			await expect(group).toHaveAttribute('data-kind', kind);
			const own = ranking.fixes.filter((f) => f.kind === kind);
			// the sample has stretches of both kinds with a gain for this question
			expect(own.length).toBeGreaterThan(0);
			const { withGain } = ranking.byKind[kind];
			await expect(group.getByTestId('fixes-group-count')).toHaveText(
				own.length < withGain
					? `De ${own.length} beste van ${withGain} stukken die inwoners binnen de norm brengen.`
					: withGain === 1
						? '1 stuk brengt inwoners binnen de norm.'
						: `${withGain} stukken brengen inwoners binnen de norm.`,
			);
			const items = group.getByTestId('fix');
			await expect(items).toHaveCount(own.length);
			for (const [k, f] of own.entries()) {
				expect(f.rank).toBe(k + 1);
				const recomputed = gainByRecompute(engine, options, f.edge);
				expect(f.residents).toBeCloseTo(recomputed.residents, 6);
				await expect(items.nth(k)).toHaveAttribute('data-edge', String(f.edge));
				await expect(items.nth(k).getByTestId('fix-gain')).toHaveText(
					`+${nl(recomputed.residents)} inwoners, van wie ${nl(recomputed.residents65)} van 65+`,
				);
				// a stretch to measure first names what the data do not know (its list's heading says
				// measuring may settle it); one to build names what the data know is wrong
				const why = items.nth(k).locator('.why');
				if (kind === 'survey') await expect(why).toContainText('onbekend');
				await expect(why).not.toContainText('nameten kan volstaan');
			}
		}
		// each kind's mark on the map, and its legend line
		await expect(fixPanel.getByTestId('fixes-legend').getByRole('listitem')).toHaveText([
			'stuk om te bouwen of aan te passen',
			'stuk om eerst na te meten (gegevens onbekend)',
		]);
		await expect.poll(() => overlayFeatures(page, 'fixes')).toBe(2 * ranking.fixes.length);
		const download = page.waitForEvent('download');
		await fixPanel.getByTestId('fixes-export-csv').click();
		const csv = readFileSync(await (await download).path(), 'utf8');
		expect(csv.startsWith('\uFEFFrank;way_id;way_name;near_name;')).toBe(true);
		const [header, ...csvRows] = csv.trim().split('\r\n');
		expect(csvRows).toHaveLength(ranking.fixes.length);
		// each row says which list it is in (its rank is within that list)
		expect(header!.endsWith(';fix_kind')).toBe(true);
		expect(csvRows.map((r) => [r.split(';')[0], r.split(';').at(-1)])).toEqual(
			ranking.fixes.map((f) => [String(f.rank), f.kind]),
		);
		await shot('planner-fixes-desktop.png');
		// a fix tapped on the map: its entry in the list, focused (the map shows only its rank)
		await mapSettled(page);
		// the map shows the pharmacies the ranking measures the distance to, no other places
		const shownCategories = await renderedValues(page, ['places-icon'], 'categories');
		expect(shownCategories.length).toBeGreaterThan(0);
		for (const c of shownCategories) expect(c.split(',')).toContain('pharmacy');
		// where fixes cluster (most of these lie in one village), the numbers drawn at the view
		// fitted to them cover no other: the best ones are numbered, every line is drawn
		const numbers = await page.evaluate(() => {
			const map = (
				window as unknown as {
					buurtkaartMap: {
						project(at: [number, number]): { x: number; y: number };
						queryRenderedFeatures(o?: unknown): {
							geometry: { coordinates: [number, number] };
							properties: Record<string, unknown>;
						}[];
					};
				}
			).buurtkaartMap;
			// a number is a rank within its kind's list: each point by its kind and rank
			const seen = new Map<string, { x: number; y: number }>();
			for (const f of map.queryRenderedFeatures({ layers: ['fixes-point'] }))
				seen.set(
					`${String(f.properties.kind)} ${String(f.properties.rank)}`,
					map.project(f.geometry.coordinates),
				);
			return [...seen.entries()];
		});
		expect(numbers.length).toBeGreaterThan(0);
		// the greatest gain, of either kind, is numbered at every zoom
		const best = ranking.fixes.reduce((a, b) => (b.residents > a.residents ? b : a));
		expect(numbers.map(([mark]) => mark)).toContain(`${best.kind} ${best.rank}`);
		// the list says how many of its fixes have no number on the map yet, at this zoom
		const zoom = await page.evaluate(() =>
			(window as unknown as { buurtkaartMap: { getZoom(): number } }).buurtkaartMap.getZoom(),
		);
		const unnumbered = fixesMinZooms(ranking.fixes).filter((z) => zoom < z).length;
		expect(numbers.length).toBeLessThanOrEqual(ranking.fixes.length - unnumbered);
		if (unnumbered > 1)
			await expect(fixPanel.getByTestId('fixes-unnumbered')).toHaveText(
				`Nog ${unnumbered} nummers staan niet op de kaart: ze liggen dicht bij een beter stuk. Zoom in, of kies er een in de lijst.`,
			);
		else if (unnumbered === 0)
			await expect(fixPanel.getByTestId('fixes-unnumbered')).toHaveCount(0);
		for (const [a, p] of numbers)
			for (const [b, q] of numbers)
				if (a < b)
					expect(Math.hypot(p.x - q.x, p.y - q.y), `fixes ${a} and ${b}`).toBeGreaterThanOrEqual(
						26,
					);
		const tapped = await page.evaluate(() => {
			const map = (
				window as unknown as {
					buurtkaartMap: {
						project(at: [number, number]): { x: number; y: number };
						queryRenderedFeatures(
							at: unknown,
							o?: unknown,
						): {
							geometry: { coordinates: [number, number] };
							properties: Record<string, unknown>;
						}[];
					};
				}
			).buurtkaartMap;
			const [any] = map.queryRenderedFeatures({ layers: ['fixes-point'] });
			if (!any) return undefined;
			const p = map.project(any.geometry.coordinates);
			// the topmost fix there (fixes can overlap)
			const [top] = map.queryRenderedFeatures([p.x, p.y], { layers: ['fixes-point'] });
			return {
				x: p.x,
				y: p.y,
				kind: String(top!.properties.kind),
				rank: Number(top!.properties.rank),
			};
		});
		expect(tapped).toBeDefined();
		await page
			.getByTestId('map')
			.locator('canvas')
			.click({ position: { x: tapped!.x, y: tapped!.y } });
		// its entry in its own kind's list, at its rank there
		const tappedItem = fixPanel
			.locator(`[data-testid="fixes-group"][data-kind="${tapped!.kind}"]`)
			.getByTestId('fix')
			.nth(tapped!.rank - 1);
		await expect(tappedItem.getByRole('button')).toBeFocused();
		// marked, as a pointer's focus shows no ring: that entry only
		await expect(fixPanel.locator('[data-testid="fix"].chosen')).toHaveCount(1);
		await expect(tappedItem).toHaveClass(/chosen/);
		await expect(tappedItem.getByRole('button')).toHaveAttribute('aria-current', 'true');
		await expect(page).toHaveURL(/mode=fixes/);

		// --- rest points: on the routes to the important places (the default), then everywhere
		await fixPanel.getByRole('button', { name: 'Sluiten' }).click();
		await page.getByTestId('open-rest').click();
		const restPanel = page.getByTestId('rest-panel');
		const rest = restGaps(engine, { maxGapM: 125, onRoutesTo: REST_ROUTE_CATEGORY_IDS });
		await expect(restPanel.getByTestId('rest-summary')).toContainText(
			`${km('nl', rest.gapM)} van ${km('nl', rest.networkM)} km looproute`,
			{ timeout: 120_000 },
		);
		await expect(restPanel.getByTestId('rest-on-routes')).toBeChecked();
		await expect(restPanel.getByTestId('rest-routes-note')).toContainText(
			'naar de dichtstbijzijnde plaats van elke soort: huisarts, apotheek,',
		);
		// the stretches the most older residents walk first, each with that number
		for (const k of [0, 1]) {
			const g = rest.gaps[k]!;
			await expect(restPanel.getByTestId('rest-item').nth(k)).toContainText(
				`${wayText(g)}: ${nl(g.lengthM)} m verder dan 62,5 m van een bank`,
			);
			await expect(restPanel.getByTestId('rest-walkers').nth(k)).toHaveText(
				`minstens ${nl(Math.floor(g.residents65!))} 65-plussers lopen hier`,
			);
		}
		// a path without a name is named by the street it leads to
		const unnamed = rest.gaps.slice(0, 25).findIndex((g) => g.wayName === '' && g.nearName !== '');
		expect(unnamed).toBeGreaterThanOrEqual(0);
		await expect(restPanel.getByTestId('rest-item').nth(unnamed)).toContainText(
			`${wayText(rest.gaps[unnamed]!)}: ${nl(rest.gaps[unnamed]!.lengthM)} m`,
		);
		// half the gap as it is (62,5 m), not rounded
		await expect(restPanel.getByTestId('rest-summary')).toContainText('zonder bank binnen 62,5 m.');
		await expect.poll(() => overlayFeatures(page, 'rest')).toBe(rest.gaps.length);
		await mapSettled(page);
		// the map shows the benches the distances are measured to (a bus stop with one too), no
		// other places
		// (polled: the filter set on leaving the fixes, through the explore panel, is re-laid out by
		// MapLibre's worker after the map may have said it was idle; CI once read a bakery here)
		await expect
			.poll(async () => {
				const shown = await renderedValues(page, ['places-icon'], 'categories');
				return shown.length > 0 && shown.every((c) => c.split(',').includes('bench'));
			})
			.toBe(true);
		await shot('planner-rest-desktop.png');
		// the whole network: more of it, the longest stretches first, no count of walkers; the link
		// keeps the choice
		await restPanel.getByTestId('rest-whole').check();
		await expect(page).toHaveURL(/mode=rest&gap=125&net=all/);
		const whole = restGaps(engine, { maxGapM: 125 });
		expect(whole.networkM).toBeGreaterThan(rest.networkM);
		await expect(restPanel.getByTestId('rest-summary')).toContainText(
			`${km('nl', whole.gapM)} van ${km('nl', whole.networkM)} km netwerk`,
			{ timeout: 120_000 },
		);
		await expect(restPanel.getByTestId('rest-item').first()).toContainText(
			`${wayText(whole.gaps[0]!)}: ${nl(whole.gaps[0]!.lengthM)} m verder`,
		);
		await expect(restPanel.getByTestId('rest-walkers')).toHaveCount(0);
		await expect(restPanel.getByTestId('rest-routes-note')).toHaveCount(0);
		await expect.poll(() => overlayFeatures(page, 'rest')).toBe(whole.gaps.length);

		// --- data completeness per neighbourhood
		await restPanel.getByRole('button', { name: 'Sluiten' }).click();
		await page.getByTestId('open-completeness').click();
		const table = page.getByTestId('completeness-table');
		const compl = completenessByNeighbourhood(engine);
		await expect(table.getByTestId('completeness-row')).toHaveCount(compl.length, {
			timeout: 120_000,
		});
		for (const r of compl) {
			const row = table.locator(`[data-testid="completeness-row"][data-id="${r.id}"]`);
			await expect(row.locator('td[data-profile="wheelchair"]')).toHaveText(
				r.share.wheelchair === null ? 'geen netwerk' : `${Math.round(100 * r.share.wheelchair)} %`,
			);
		}
		// ... and on the map for the profile (wheelchair, from the link): the same shares, a legend
		await expect(page.getByTestId('completeness-legend')).toContainText('In een rolstoel');
		const shares = Object.fromEntries(
			compl.filter((r) => r.id !== '').map((r) => [r.id, r.share.wheelchair]),
		);
		const [fill] = completenessLayers('neighbourhoods', 'neighbourhood_labels', shares, 'x');
		await expect
			.poll(() => paintProperty(page, 'completeness-fill', 'fill-color'))
			.toEqual(fill.paint!['fill-color']);
		await mapSettled(page);
		expect((await renderedValues(page, ['completeness-fill'], 'id')).length).toBeGreaterThan(0);
		await shot('planner-completeness-desktop.png');

		// ... and the accessibility layers as files: every edge once, its status per profile as the
		// engine here classifies it (GeoJSON), the same rows as safe CSV with a BOM.
		const exporter = page.getByTestId('network-export');
		const geojsonDownload = page.waitForEvent('download');
		await exporter.getByTestId('network-export-geojson').click();
		const layer = JSON.parse(readFileSync(await (await geojsonDownload).path(), 'utf8')) as {
			features: { properties: Record<string, unknown> }[];
		};
		expect(layer.features).toHaveLength(engine.graph.edgeCount);
		for (const profile of PROFILE_IDS) {
			const counts: Record<string, number> = {};
			for (const f of layer.features) {
				const status = String(f.properties[`${profile}_status`]);
				counts[status] = (counts[status] ?? 0) + 1;
			}
			const expected = statusCounts(engine.graph, profile);
			expect(counts, profile).toEqual(
				Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0)),
			);
		}
		const csvDownload = page.waitForEvent('download');
		await exporter.getByTestId('network-export-csv').click();
		const layerCsv = readFileSync(await (await csvDownload).path(), 'utf8');
		expect(layerCsv.startsWith('\uFEFF')).toBe(true);
		expect(layerCsv.trim().split('\r\n')).toHaveLength(1 + engine.graph.edgeCount);
		await expect(exporter.getByTestId('network-export-done')).toContainText(
			nl(engine.graph.edgeCount),
		);

		await test.step('map popups and the point layers', async () => {
			// --- back on the map: the accessible-routes layer says why on a click; the planners' point
			// layers (barriers, kerbs, crossings) and public-space places switch on from their panel
			await page.getByTestId('completeness-panel').getByRole('button', { name: 'Sluiten' }).click();
			await page.getByTestId('network-toggle').getByRole('checkbox').check();
			await page.getByTestId('layer-barrier').check();
			await page.getByTestId('layer-crossing').check();
			// each switch says how many points of its kind the pipeline counted (the manifest)
			const pointCounts = (
				JSON.parse(readFileSync(path.join('tiles', SAMPLE_AREA, 'manifest.json'), 'utf8')) as {
					archives: { network: { layers: { id: string; counts?: Record<string, number> }[] } };
				}
			).archives.network.layers.find((l) => l.id === 'network_points')!.counts!;
			for (const kind of ['barrier', 'kerb', 'crossing', 'elevator'])
				await expect(page.getByTestId(`count-${kind}`)).toHaveText(`(${pointCounts[kind] ?? 0})`);
			expect(pointCounts.barrier).toBeGreaterThan(0);
			await expect(page).toHaveURL(/pts=barrier%2Ccrossing|pts=barrier,crossing/);
			await page.evaluate(() =>
				(
					window as unknown as { buurtkaartMap: { jumpTo: (o: unknown) => void } }
				).buurtkaartMap.jumpTo({ center: [4.7718, 51.2024], zoom: 15.5 }),
			);
			await mapSettled(page);
			const limited = await clickableFeature(page, 'network-known', {
				property: 'wheelchair_status',
				values: ['limited', 'impassable'],
				has: 'wheelchair_reasons',
			});
			expect(limited).not.toBeNull();
			await page.mouse.click(limited!.x, limited!.y);
			const reasonPopup = page.getByTestId('network-popup');
			await expect(reasonPopup).toContainText(
				limited!.props.wheelchair_status === 'limited' ? 'Beperkt' : 'Niet begaanbaar',
			);
			for (const code of limited!.props.wheelchair_reasons!.split(','))
				await expect(reasonPopup).toContainText(REASON_LABELS[code as ReasonCode].nl);
			await shot(`planner-network-popup-${testInfo.project.name}.png`);
			await reasonPopup
				.locator('xpath=ancestor::div[contains(@class,"maplibregl-popup")]')
				.getByRole('button')
				.click();
			await expect(reasonPopup).toHaveCount(0);
			const point = await clickableFeature(page, 'network-points', {
				property: 'kind',
				values: ['barrier', 'crossing'],
			});
			expect(point).not.toBeNull();
			await page.mouse.click(point!.x, point!.y);
			const pointPopup = page.getByTestId('network-point-popup');
			await expect(pointPopup).toBeVisible();
			// one popup: the point's, not also the stretch it lies on
			await expect(page.getByTestId('network-popup')).toHaveCount(0);
			await expect(pointPopup).toContainText(
				point!.props.kind === 'barrier' ? 'Hindernis' : 'Oversteekplaats',
			);
			const value = point!.props.barrier ?? point!.props.crossing;
			if (value) {
				const key = point!.props.barrier ? 'barrier' : 'crossing';
				const words = NETWORK_POINT_VALUE_LABELS[`${key}=${value}`]?.nl ?? `${key}=${value}`;
				await expect(pointPopup).toContainText(words);
			}
			// benches: the planners' switch and the legend are one choice
			const bench = page.getByTestId('layer-bench');
			const wasOn = await bench.isChecked();
			await bench.setChecked(!wasOn);
			await expect(page).toHaveURL(wasOn ? /show=(?![^&]*bench)/ : /show=[^&]*bench/);
			await shot(`planner-points-${testInfo.project.name}.png`);
		});
	});

	test('a shared link to a wheelchair route opens the route with its reasons; a tap on its end over a stop opens nothing @phone', async ({
		page,
	}, testInfo) => {
		// the desktop journey above opens the same link; this one is for the phone's bottom sheet
		test.skip(testInfo.project.name !== 'phone', 'phone layout only');
		await page.goto(`/?mode=route&a=${A.join(',')}&b=${B.join(',')}&profile=wheelchair`);
		const ref = routeWithReasons(engine, A, B, 'wheelchair');
		const panel = page.getByTestId('route-panel');
		await expect(panel.getByTestId('route-avoided-item')).toHaveCount(ref.avoided.length, {
			timeout: 120_000,
		});
		await expect(panel.getByTestId('route-walking')).toContainText(
			`${nl(ref.walking.distanceM)} m`,
		);
		await waitForMapReady(page);
		await mapSettled(page);
		await page.screenshot({
			path: testInfo.outputPath(`planner-route-${testInfo.project.name}.png`),
		});
		// B lies on a bus stop's icon, drawn above it: a tap on B opens nothing (it opened the stop)
		const b = await page.evaluate((b) => {
			const map = (
				window as unknown as {
					buurtkaartMap: {
						project(at: [number, number]): { x: number; y: number };
						queryRenderedFeatures(at: unknown, o: unknown): { layer: { id: string } }[];
					};
				}
			).buurtkaartMap;
			const p = map.project(b);
			const under = map.queryRenderedFeatures([p.x, p.y], {
				layers: ['planner-points', 'places-icon'],
			});
			return { x: p.x, y: p.y, under: under.map((f) => f.layer.id) };
		}, B);
		expect(b.under).toEqual(['planner-points', 'places-icon']);
		// the map's own click listener, added last, answers after the layers' handlers have acted
		const handled = page.evaluate(
			() =>
				new Promise<void>((resolve) =>
					(
						window as unknown as {
							buurtkaartMap: { once(event: string, listener: () => void): void };
						}
					).buurtkaartMap.once('click', () => setTimeout(resolve, 0)),
				),
		);
		await page
			.getByTestId('map')
			.locator('canvas')
			.click({ position: { x: b.x, y: b.y } });
		await handled;
		await expect(page.getByTestId('route-panel')).toBeVisible();
		await expect(page.getByTestId('place-details')).toHaveCount(0);
		await expect(page).toHaveURL(/mode=route/);
	});

	test('a shared link to walksheds draws them with the residents reached @phone', async ({
		page,
	}, testInfo) => {
		// the desktop journey above picks its point on the map; this one is for the phone's sheet
		test.skip(testInfo.project.name !== 'phone', 'phone layout only');
		await page.goto(`/?mode=walkshed&pt=${A.join(',')}&min=10`);
		const sheds = PROFILE_IDS.map((p) =>
			walkshed(engine, A, 10, p, 'optimistic', { polygon: false }),
		);
		const rows = page.getByTestId('walkshed-panel').getByTestId('walkshed-row');
		await expect(rows).toHaveCount(3, { timeout: 120_000 });
		const stretches: Record<string, number> = {};
		for (const [k, s] of sheds.entries()) {
			if (!s) continue;
			stretches[PROFILE_IDS[k]!] = s.lines.geometry.coordinates.length;
			await expect(rows.nth(k).getByTestId('walkshed-residents')).toHaveText(nl(s.residents));
		}
		await expect.poll(async () => (await walkshedDrawing(page)).stretches).toEqual(stretches);
		await waitForMapReady(page);
		await mapSettled(page);
		await page.screenshot({
			path: testInfo.outputPath(`planner-walksheds-${testInfo.project.name}.png`),
		});
	});

	test('a shared link with a view opens there, not fitted to its walksheds; a new answer is shown whole', async ({
		page,
	}) => {
		const view = () => mapView(page);
		// the area's manifest comes in after the panel is there (a slow connection): the panel waits
		// for the engine instead of saying there is none, and that says nothing about the view
		let releaseManifest!: () => void;
		const manifestHeld = new Promise<void>((resolve) => (releaseManifest = resolve));
		await page.route('**/manifest.json', async (route) => {
			await manifestHeld;
			await route.continue().catch(() => {});
		});
		// the sender looked closely at the point (zoom 17.5), not at the whole walkshed
		await page.goto(`/?mode=walkshed&pt=${A.join(',')}&min=10&at=${A.join(',')},17.5`);
		const panel = page.getByTestId('walkshed-panel');
		await expect(panel).toBeVisible({ timeout: 60_000 });
		await expect(panel.getByRole('alert')).toHaveCount(0);
		releaseManifest();
		await expect(panel.getByTestId('walkshed-row')).toHaveCount(3, { timeout: 120_000 });
		await waitForMapReady(page);
		await mapSettled(page);
		const opened = await view();
		expect(opened.lng).toBeCloseTo(A[0], 4);
		expect(opened.lat).toBeCloseTo(A[1], 4);
		expect(opened.zoom).toBeCloseTo(17.5, 2);
		await expect(page).toHaveURL(/[?&]at=[^&]*%2C17\.5(&|$)/);
		// another time: a new answer, shown whole again (the map fits the 20 minutes' stretches)
		await panel.getByTestId('walkshed-minutes').fill('20');
		await panel.getByTestId('walkshed-minutes').press('Tab');
		await expect(page).toHaveURL(/[?&]min=20(&|$)/);
		await expect.poll(async () => (await view()).zoom, { timeout: 60_000 }).toBeLessThan(16);
	});

	test('walksheds with a personal profile: its row says the short name, the note under the table the rest (nl, fr, en) @phone', async ({
		page,
	}, testInfo) => {
		// A full personal profile's name in the row header took seven lines on a Pixel 7.
		const my = encodePersonalProfile({
			...builtInProfile('wheelchair'),
			speed: 'slow',
			kerbCm: 2,
			slopePct: 5,
			minWidthM: 1.5,
		});
		await page.goto(
			`/?mode=walkshed&pt=${A.join(',')}&min=10&profile=wheelchair&my=${encodeURIComponent(my)}`,
		);
		const panel = page.getByTestId('walkshed-panel');
		const rows = panel.getByTestId('walkshed-row');
		await expect(rows).toHaveCount(3, { timeout: 120_000 });
		const header = rows.and(page.locator('[data-profile="wheelchair"]')).locator('th');
		const expected = {
			nl: ['Mijn profiel (rolstoel)', 'tempo traag, stoep ≤ 2 cm, helling ≤ 5 %, doorgang ≥ 1,5 m'],
			fr: [
				'Mon profil (fauteuil roulant)',
				'allure lente, bordure ≤ 2 cm, pente ≤ 5 %, passage ≥ 1,5 m',
			],
			en: ['My profile (wheelchair)', 'slow pace, kerb ≤ 2 cm, slope ≤ 5 %, passage ≥ 1.5 m'],
		} as const;
		const plain = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ');
		for (const lang of ['nl', 'fr', 'en'] as const) {
			if (lang !== 'nl') await chooseLanguage(page, lang);
			const [short, rest] = expected[lang];
			await expect.poll(async () => plain(await header.textContent()).trim()).toBe(short);
			const note = panel.getByTestId('walkshed-my-profile');
			await expect.poll(async () => plain(await note.textContent())).toContain(rest);
			expect(plain(await note.textContent())).toContain(short);
			// the full profile is what the row header is described by
			await expect(header).toHaveAttribute('aria-describedby', 'walkshed-my-profile');
			expect(
				(await textLines(header))[0],
				`${lang}: "${short}" in at most three lines`,
			).toBeLessThanOrEqual(3);
			// and nothing of the table is cut: it fits, or its region scrolls sideways and says so
			const region = panel.getByTestId('walkshed-scroll');
			const wider = await region.evaluate((r) => r.scrollWidth > r.clientWidth + 1);
			await expect(region).toHaveAttribute('data-overflows', String(wider));
			await expect(panel.getByTestId('scroll-hint')).toHaveCount(wider ? 1 : 0);
			if (testInfo.project.name === 'desktop') {
				// a desktop's panel holds the whole table, no column header over two lines (the deficit's
				// header took four in Dutch; in French and English the table scrolled)
				expect(wider, `${lang}: the table fits the panel`).toBe(false);
				const headerLines = await textLines(panel.locator('thead th'));
				expect(Math.max(...headerLines), `${lang}: header lines`).toBeLessThanOrEqual(2);
			}
			if (lang === 'nl') {
				await panel.getByTestId('walkshed-table').scrollIntoViewIfNeeded();
				await page.screenshot({
					path: testInfo.outputPath(`walkshed-my-profile-${testInfo.project.name}.png`),
				});
			}
		}
	});

	test('the rest points and the completeness table write kilometres as the language does (nl, fr, en)', async ({
		page,
	}, testInfo) => {
		// Both wrote "528.3" with a decimal point in Dutch and French (toFixed), beside the
		// walksheds' "13,7" and the Dutch "1.334 m" of every other figure: a Dutch reader takes
		// "528.3 km" for 528 300 m.
		test.skip(testInfo.project.name !== 'desktop', 'the same text at every size');
		const rest = restGaps(engine, { maxGapM: 200, onRoutesTo: REST_ROUTE_CATEGORY_IDS });
		const compl = completenessByNeighbourhood(engine);
		const words = { nl: 'van', fr: 'sur', en: 'of' } as const;
		const walkers = {
			nl: (n: string) => `minstens ${n} 65-plussers lopen hier`,
			fr: (n: string) => `au moins ${n} personnes de 65\u00a0ans et plus passent ici`,
			en: (n: string) => `at least ${n} residents aged 65+ walk here`,
		} as const;
		// a link in Dutch, then the language switched in the header as a planner would: the figures
		// follow without a reload
		await page.goto('/?mode=rest&gap=200&lang=nl');
		for (const lang of ['nl', 'fr', 'en'] as const) {
			if (lang !== 'nl') await chooseLanguage(page, lang);
			await expect(page.getByTestId('rest-summary')).toContainText(
				`${km(lang, rest.gapM)} ${words[lang]} ${km(lang, rest.networkM)} km`,
				{ timeout: 120_000 },
			);
			// the walkers grouped as the language groups thousands
			const n = new Intl.NumberFormat(lang).format(Math.floor(rest.gaps[0]!.residents65!));
			expect(n).toMatch(/\d\D\d{3}/);
			await expect(page.getByTestId('rest-walkers').first()).toHaveText(walkers[lang](n));
		}
		// on to the completeness table (still in English), then back through French to Dutch
		await page.getByTestId('rest-panel').getByRole('button', { name: 'Close' }).click();
		await page.getByTestId('open-completeness').click();
		const rows = page.getByTestId('completeness-row');
		for (const lang of ['en', 'fr', 'nl'] as const) {
			if (lang !== 'en') await chooseLanguage(page, lang);
			await expect(rows).toHaveCount(compl.length, { timeout: 120_000 });
			for (const r of compl)
				await expect(
					page.locator(`[data-testid="completeness-row"][data-id="${r.id}"] td`).first(),
				).toHaveText(km(lang, r.networkM));
		}
	});

	test('data completeness for walking and the rollator says they need no extra tags, not 100 %; wheelchair keeps its shares (nl, fr, en) @phone', async ({
		page,
	}, testInfo) => {
		// Walking needs no tags: its share was "100 %" everywhere, in the table, the legend and on
		// the map, as if the data were complete. It tells the planner nothing and looks like a claim.
		const compl = completenessByNeighbourhood(engine);
		const fill = () => paintProperty(page, 'completeness-fill', 'fill-color');
		const noTags = {
			nl: 'Geen extra kenmerken nodig, dus altijd 100 % en niet in de tabel: Te voet.',
			fr: 'Aucune caractéristique en plus requise, donc toujours 100 % et pas dans le tableau : À pied.',
			en: 'Need no extra tags, so always 100 % and not in the table: Walking.',
		};
		// the rollator asks nothing either, but reads surfaces and benches: what it takes for granted
		const assumed = {
			nl: 'Geen ontbrekend kenmerk maakt een stuk onbekend, dus niet in de tabel: Met rollator. Een stuk zonder verharding in de gegevens telt dan als verhard: hoeveel er bekend is, staat in de kolom ‘Verharding bekend’. Een bank die niet in de gegevens staat, telt niet.',
			fr: 'Aucune caractéristique manquante ne rend un tronçon inconnu, donc pas dans le tableau : Avec déambulateur. Un tronçon sans revêtement dans les données compte alors comme revêtu : la part connue figure dans la colonne « Revêtement connu ». Un banc absent des données ne compte pas.',
			en: 'No missing tag makes a stretch unknown, so not in the table: With a rollator. A stretch without a surface in the data then counts as paved: how much is known is in the column ‘Surface known’. A bench that is not in the data does not count.',
		};
		const legends = {
			nl: 'Profiel: Te voet. Dit profiel heeft geen extra kenmerken nodig',
			fr: 'Profil : À pied. Ce profil ne requiert aucune caractéristique en plus',
			en: 'Profile: Walking. This profile needs no extra tags',
		};
		// the languages switched in the header after one link (on a phone Dutch only); then the
		// profiles chosen in the panel, as a planner would
		await page.goto('/?mode=completeness&lang=nl');
		for (const lang of ['nl', 'fr', 'en'] as const) {
			if (lang !== 'nl' && testInfo.project.name !== 'desktop') break;
			if (lang !== 'nl') await chooseLanguage(page, lang);
			const rows = page.getByTestId('completeness-row');
			await expect(rows).toHaveCount(compl.length, { timeout: 120_000 });
			// no column of "100 %" for walking and the rollator (whose untagged ways are never unknown
			// either, asksNoTags): they are named once above the table; the wheelchair's column stays
			const table = page.getByTestId('completeness-table');
			await expect(page.getByTestId('completeness-no-tags')).toHaveText(noTags[lang]);
			await expect(page.getByTestId('completeness-assumed')).toHaveText(assumed[lang]);
			await expect(table.locator('td[data-profile="walking"]')).toHaveCount(0);
			await expect(table.locator('td[data-profile="rollator"]')).toHaveCount(0);
			// neighbourhood, network, wheelchair, surface known
			await expect(table.locator('thead th')).toHaveCount(4);
			// four columns are wider than a phone: the table scrolls sideways and says so while cut
			const region = page.getByTestId('completeness-scroll');
			if ((await region.getAttribute('data-overflows')) === 'true')
				await expect(
					region.locator('xpath=following-sibling::p[1]').filter({ hasText: /→/ }),
				).toBeVisible();
			if (testInfo.project.name === 'phone')
				await expect(region).toHaveAttribute('data-overflows', 'true');
			await expect(table.locator('td[data-profile="wheelchair"]')).toHaveCount(compl.length);
			for (const r of compl) {
				const row = page.locator(`[data-testid="completeness-row"][data-id="${r.id}"]`);
				if (r.share.wheelchair !== null)
					await expect(row.locator('td[data-profile="wheelchair"]')).toHaveText(
						`${Math.round(100 * r.share.wheelchair)} %`,
					);
				if (r.surfaceShare !== null)
					await expect(row.getByTestId('completeness-surface')).toHaveText(
						`${Math.round(100 * r.surfaceShare)} %`,
					);
			}
			const legend = page.getByTestId('completeness-legend');
			await expect(legend).toContainText(legends[lang]);
			await expect(legend.locator('li')).toHaveCount(0);
			// on the map: nothing shaded for walking
			await expect
				.poll(fill)
				.toEqual(completenessLayers('n', 'l', {}, 'x')[0].paint!['fill-color']);
			await waitForMapReady(page);
			await mapSettled(page);
			await page.screenshot({
				path: testInfo.outputPath(`completeness-walking-${lang}-${testInfo.project.name}.png`),
			});
		}
		if (testInfo.project.name === 'desktop') await chooseLanguage(page, 'nl');
		const picker = page.getByTestId('completeness-panel').getByTestId('profile-picker');
		await picker.getByLabel('Met rollator').check();
		await expect(page).toHaveURL(/profile=rollator/);
		await expect(page.getByTestId('completeness-legend')).toContainText(
			'Profiel: Met rollator. Dit profiel heeft geen extra kenmerken nodig',
			{ timeout: 120_000 },
		);
		await expect(page.getByTestId('completeness-legend').locator('li')).toHaveCount(0);
		// wheelchair: its shares in the table, the legend's classes and on the map, as before
		await picker.getByLabel('In een rolstoel').check();
		await expect(page).toHaveURL(/profile=wheelchair/);
		await expect(page.getByTestId('completeness-row')).toHaveCount(compl.length, {
			timeout: 120_000,
		});
		const legend = page.getByTestId('completeness-legend');
		await expect(legend).toContainText('Profiel: In een rolstoel. Op de kaart:');
		await expect(legend.locator('li')).toHaveCount(COMPLETENESS_CLASSES.length + 1);
		const shares = Object.fromEntries(
			compl.filter((r) => r.id !== '').map((r) => [r.id, r.share.wheelchair]),
		);
		await expect
			.poll(fill)
			.toEqual(completenessLayers('n', 'l', shares, 'x')[0].paint!['fill-color']);
		await waitForMapReady(page);
		await mapSettled(page);
		await page.screenshot({
			path: testInfo.outputPath(`completeness-wheelchair-nl-${testInfo.project.name}.png`),
		});
	});

	test("every control of a planner's panel and the map's buttons are big enough to hit: 44 px on a phone @phone", async ({
		page,
	}, testInfo) => {
		// On a phone the fixes' and rest points' list items were 32 px, the selects 40 px and the
		// map's zoom buttons 29 px; every other phone control is 44 px (2.75rem).
		const least = await leastHit(page);
		expect(least).toBe(testInfo.project.name === 'phone' ? 44 : 24);
		for (const [link, id] of [
			['/?mode=fixes&cat=pharmacy&norm=800&unknown=cautious&profile=wheelchair', 'fixes-panel'],
			['/?mode=rest&gap=125', 'rest-panel'],
			[`/?mode=route&a=${A.join(',')}&b=${B.join(',')}&profile=wheelchair`, 'route-panel'],
			['/?mode=walkshed&pt=4.835264,51.228472&min=10', 'walkshed-panel'],
			['/?mode=completeness', 'completeness-panel'],
		] as const) {
			await page.goto(link);
			const panel = page.getByTestId(id);
			await expect(panel.getByRole('status')).toHaveCount(0, { timeout: 120_000 });
			await expect(
				panel
					.locator('.fly, table, [data-testid="route-profile"], [data-testid="walkshed-table"]')
					.first(),
			).toBeVisible({ timeout: 120_000 });
			const { small, measured } = await smallControls(panel, least);
			expect(measured, id).toBeGreaterThan(3);
			expect(small, `${id}: controls under ${least} px`).toEqual([]);
		}
		const map = await smallControls(page.locator('.maplibregl-ctrl-top-right'), least);
		expect(map.measured).toBeGreaterThan(2);
		expect(map.small, `the map's buttons under ${least} px`).toEqual([]);
	});

	test('which fix helps most starts from the norm of the gap analysis, and each kind of help from its own', async ({
		page,
	}) => {
		await page.goto('/');
		await page.getByTestId('open-fixes').click();
		await expect(page).toHaveURL(/mode=fixes&cat=pharmacy&norm=800\b/);
		await expect(page.getByTestId('fixes-norm')).toHaveValue('800');
		await page.getByTestId('fixes-category').selectOption('hospital');
		const norm = String(CATEGORIES.find((c) => c.id === 'hospital')!.defaultNormM);
		await expect(page.getByTestId('fixes-norm')).toHaveValue(norm);
		await expect(page).toHaveURL(new RegExp(`mode=fixes&cat=hospital&norm=${norm}\\b`));
	});

	test('the walking route is not compared with itself, and a route that cannot be found says why', async ({
		page,
	}) => {
		await page.goto(`/?mode=route&a=${A.join(',')}&b=${B.join(',')}&profile=walking`);
		const panel = page.getByTestId('route-panel');
		await expect(panel.getByTestId('route-is-walking')).toHaveText(
			'Dit is de looproute zelf. Kies een ander profiel om te zien wat er voor dat profiel verandert.',
			{ timeout: 120_000 },
		);
		await expect(panel.getByTestId('route-profile')).toContainText('Te voet: ');
		for (const id of ['route-walking', 'route-extra', 'route-avoided-none'])
			await expect(panel.getByTestId(id)).toHaveCount(0);
		// B far outside the area's data: not even on foot, and the panel says why
		await page.goto(`/?mode=route&a=${A.join(',')}&b=4.6,51.4&profile=wheelchair`);
		await expect(panel.getByTestId('route-none')).toHaveText(
			'Geen route tussen A en B, ook niet te voet: A of B ligt te ver van een weg in de gegevens van dit gebied, of de twee zijn er niet met elkaar verbonden.',
			{ timeout: 120_000 },
		);
	});

	test('which fix helps most, for a profile that can use every stretch: says why the list is empty and what to do @phone', async ({
		page,
	}, testInfo) => {
		// Walking (the app's default profile) has no stretch it cannot use; the panel said only "No
		// stretch brings anyone within the norm" and "0 unusable stretches", as if the area had no
		// gap, when the question has no answer for walking.
		const options = { categoryId: 'pharmacy', normM: 800, unknownMode: 'cautious' } as const;
		expect(rankFixes(engine, { ...options, profile: 'walking', limit: 10 }).candidates).toBe(0);
		await page.goto(`/?mode=fixes&cat=${options.categoryId}&norm=${options.normM}`);
		const panel = page.getByTestId('fixes-panel');
		await expect(panel.getByTestId('fixes-none')).toHaveText(
			'Profiel: Te voet. Elk stuk van het netwerk is bruikbaar, er valt niets te herstellen. Kies een ander profiel (met rollator, in een rolstoel) om te zien welke stukken daar ontbreken.',
			{ timeout: 120_000 },
		);
		// one clear message: not "0 onbruikbare stukken …" under it, nor the note on what a fix's
		// figure means (there is none)
		await expect(panel.getByTestId('fixes-searched')).toHaveCount(0);
		await expect(panel.getByTestId('fixes-note')).toHaveCount(0);
		await page.screenshot({
			path: testInfo.outputPath(`fixes-walking-${testInfo.project.name}.png`),
		});
		// ... and the profile it points to answers, its note naming it as a label, in nl, fr, en
		await panel.getByRole('radio', { name: 'In een rolstoel' }).check();
		const ranking = rankFixes(engine, { ...options, profile: 'wheelchair', limit: 10 });
		expect(ranking.candidates).toBeGreaterThan(0);
		await expect(panel.getByTestId('fixes-searched')).toContainText(
			`${nl(ranking.candidates)} onbruikbare stukken`,
			{ timeout: 120_000 },
		);
		await expect(panel.getByText('er valt niets te herstellen')).toHaveCount(0);
		// what to build apart from what to measure first, each list titled
		const titles = {
			nl: ['Bouwen of aanpassen', 'Eerst nameten (gegevens onbekend)'],
			fr: ['Construire ou aménager', 'Mesurer d’abord (données inconnues)'],
			en: ['Build or adapt', 'Measure first (data unknown)'],
		};
		const notes = {
			nl: 'Per stuk: de inwoners die binnen de norm komen als alleen dat stuk begaanbaar wordt. Profiel: In een rolstoel.',
			fr: 'Par tronçon : les habitants qui entrent dans la norme si seul ce tronçon devient praticable. Profil : En fauteuil roulant.',
			en: 'Per stretch: the residents who come within the norm if only that stretch becomes passable. Profile: In a wheelchair.',
		};
		for (const lang of ['nl', 'fr', 'en'] as const) {
			if (lang !== 'nl') await chooseLanguage(page, lang);
			await expect(panel.getByTestId('fixes-note')).toHaveText(notes[lang]);
			await expect(panel.getByTestId('fixes-group').getByRole('heading')).toHaveText(titles[lang]);
		}
		await page.screenshot({
			path: testInfo.outputPath(`fixes-wheelchair-en-${testInfo.project.name}.png`),
		});
	});

	// The box "unknown stretches count as not usable" was the panel's own: a planner who cleared it
	// and shared the link sent a ranking the receiver did not see.
	test('which fix helps most: unknown stretches counted as usable is carried in the link, and in the exports', async ({
		page,
	}) => {
		const options = { categoryId: 'pharmacy', normM: 1000, profile: 'wheelchair' } as const;
		const edges = (unknownMode: 'optimistic' | 'cautious') =>
			rankFixes(engine, { ...options, unknownMode, limit: 10 }).fixes.map((f) => String(f.edge));
		const cautious = edges('cautious');
		const optimistic = edges('optimistic');
		expect(optimistic.length).toBeGreaterThan(0);
		expect(optimistic).not.toEqual(cautious);
		const shown = (p: Page) =>
			p
				.getByTestId('fixes-panel')
				.getByTestId('fix')
				.evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset.edge));

		await page.goto('/?mode=fixes&cat=pharmacy&norm=1000&profile=wheelchair');
		const box = page.getByTestId('fixes-cautious');
		await expect(box).toBeChecked();
		await expect.poll(() => shown(page), { timeout: 120_000 }).toEqual(cautious);
		await box.uncheck();
		await expect(page).toHaveURL(/[?&]unknown=optimistic(&|$)/);
		await expect.poll(() => shown(page), { timeout: 120_000 }).toEqual(optimistic);
		// unknown data counted as usable: nothing to measure first, and the list says why
		await expect(
			page.locator(
				'[data-testid="fixes-group"][data-kind="survey"] [data-testid="fixes-group-none"]',
			),
		).toHaveText(
			'Stukken met onbekende gegevens tellen nu als bruikbaar: er is niets eerst na te meten. Vink hierboven het vakje aan om ze als niet bruikbaar te tellen.',
		);
		const download = page.waitForEvent('download');
		await page.getByTestId('fixes-export-geojson').click();
		const file = await download;
		expect(file.suggestedFilename()).toBe(
			`buurtkaart-fixes-${SAMPLE_AREA}-pharmacy-wheelchair-1000m-optimistic.geojson`,
		);
		const layer = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
			features: { properties: Record<string, unknown> }[];
		};
		expect(new Set(layer.features.map((f) => f.properties.unknown_mode))).toEqual(
			new Set(['optimistic']),
		);
		// each feature says which list it is in: all to build here
		expect(layer.features.map((f) => f.properties.fix_kind)).toEqual(optimistic.map(() => 'build'));

		// the link, opened in another tab: the same box, the same ranking
		const other = await page.context().newPage();
		try {
			await other.goto(page.url());
			await expect(other.getByTestId('fixes-cautious')).not.toBeChecked();
			await expect.poll(() => shown(other), { timeout: 120_000 }).toEqual(optimistic);
		} finally {
			await other.close();
		}
	});

	test('walksheds from a service: places that share a name are told apart by their address', async ({
		page,
	}, testInfo) => {
		// Two options read "Sint-Pieterskerk" (Lille's and Vorselaar's): the planner could not tell
		// which one the walksheds would start from.
		test.skip(testInfo.project.name !== 'desktop', 'the same list at every size');
		await page.goto(`/?mode=walkshed&pt=${A.join(',')}&min=10`);
		const options = page.getByTestId('walkshed-place').locator('option:not([value=""])');
		await expect.poll(() => options.count(), { timeout: 120_000 }).toBeGreaterThan(1);
		const labels = await options.allTextContents();
		const repeated = labels.filter((l, k) => labels.indexOf(l) !== k);
		expect(repeated, 'labels that appear more than once').toEqual([]);
	});

	test('walksheds from a service: only services the engine can start from, the area’s own all there @phone', async ({
		page,
	}, testInfo) => {
		// The list offered every named service of the data, some far outside the area (Antwerp):
		// chosen, the map flew off the tiles to "too far from a usable way" for all three profiles.
		// Expected here from the engine in Node: the services whose point (rounded as the panel
		// takes it) snaps to a way at least one profile may use.
		const search = await readSearchSource(
			new Uint8Array(readFileSync(path.join('tiles', SAMPLE_AREA, 'search.json.gz'))),
		);
		const round = (x: number) => Math.round(x * 1e6) / 1e6;
		const named = search.places.filter(
			(p) =>
				p.name &&
				CATEGORIES.some((c) => c.group !== 'public_space' && p.categoryIds.includes(c.id)),
		);
		const startable = (p: (typeof named)[number]) =>
			PROFILE_IDS.some((profile) =>
				engine.snapPoint(round(p.lngLat[0]), round(p.lngLat[1]), profile, 'optimistic'),
			);
		const expected = named.filter(startable).map((p) => p.id);
		// the sample holds both kinds, so the test can fail both ways
		expect(expected.length).toBeGreaterThan(0);
		expect(named.length).toBeGreaterThan(expected.length);
		await page.goto('/?mode=walkshed&min=10');
		const select = page.getByTestId('walkshed-place');
		const options = select.locator('option:not([value=""])');
		await expect.poll(() => options.count(), { timeout: 120_000 }).toBeGreaterThan(0);
		const offered = await options.evaluateAll((all) =>
			all.map((o) => (o as HTMLOptionElement).value),
		);
		expect([...offered].sort()).toEqual([...expected].sort());
		// grouped by their first kind of help, in the taxonomy's order
		const groups = await select.locator('optgroup').evaluateAll((all) =>
			all.map((g) => ({
				label: (g as HTMLOptGroupElement).label,
				ids: [...(g as HTMLOptGroupElement).querySelectorAll('option')].map((o) => o.value),
			})),
		);
		const kinds = CATEGORIES.filter((c) => c.group !== 'public_space');
		const firstKind = (id: string) =>
			kinds.find((c) => named.find((p) => p.id === id)!.categoryIds.includes(c.id))!;
		expect(groups.map((g) => g.label)).toEqual(
			kinds.filter((c) => expected.some((id) => firstKind(id).id === c.id)).map((c) => c.labels.nl),
		);
		for (const g of groups)
			for (const id of g.ids) expect(firstKind(id).labels.nl, id).toBe(g.label);
		// one of them chosen: walksheds, no "too far from a usable way"
		await select.selectOption(offered[0]!);
		const rows = page.getByTestId('walkshed-panel').getByTestId('walkshed-row');
		await expect(rows).toHaveCount(3, { timeout: 120_000 });
		await expect(page.getByTestId('walkshed-residents').first()).toBeVisible();
		await expect(page.getByTestId('walkshed-panel')).not.toContainText(
			'te ver van een bruikbare weg',
		);
		await waitForMapReady(page);
		await mapSettled(page);
		await page.screenshot({
			path: testInfo.outputPath(`walkshed-from-service-${testInfo.project.name}.png`),
		});
	});

	test('picking a point for a route or walksheds stops when its button is pressed again @phone', async ({
		page,
	}) => {
		// A pressed (aria-pressed) pick button pressed again started picking anew: on a phone the
		// only way out was a tap on the map.
		const stops = 'Tik of klik op de kaart, of nog eens op de knop om te stoppen.';
		await page.goto('/?mode=route');
		await waitForMapReady(page);
		for (const id of ['pick-a', 'pick-b', 'pick-point']) {
			if (id === 'pick-point') {
				await page.goto(`/?mode=walkshed&pt=${A.join(',')}&min=10`);
				await waitForMapReady(page);
			}
			const button = page.getByTestId(id);
			await button.click();
			await expect(button).toHaveAttribute('aria-pressed', 'true');
			await expect(page.getByRole('status').filter({ hasText: stops })).toHaveCount(1);
			await button.click();
			await expect(button).toHaveAttribute('aria-pressed', 'false');
			await expect(page.getByRole('status').filter({ hasText: stops })).toHaveCount(0);
		}
	});

	test('a point of a route picked before the map is ready is kept, and set once the map is there @phone', async ({
		page,
	}) => {
		// MapState refused a pick without a map: pressed while the map loaded, the button did
		// nothing and said nothing. The map's tiles are held back here, so the map does not load.
		const release = await holdMapTiles(page);
		await page.goto('/?mode=route');
		const button = page.getByTestId('pick-a');
		await expect(button).toBeVisible();
		await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'false');
		await button.click();
		await expect(button).toHaveAttribute('aria-pressed', 'true');
		const waiting = page.getByRole('status').filter({ hasText: 'De kaart laadt nog' });
		await expect(waiting).toHaveText(
			'De kaart laadt nog… Je kunt erop kiezen zodra ze er is. Tik of klik op de kaart, of nog eens op de knop om te stoppen.',
		);
		release();
		await waitForMapReady(page);
		await expect(waiting).toHaveCount(0);
		const box = (await page.getByTestId('map').boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + Math.min(box.height / 2, 120));
		await expect(button).toHaveAttribute('aria-pressed', 'false');
		await expect(page).toHaveURL(/[?&]a=[\d.]+(,|%2C)[\d.]+/);
	});

	test('the list of services of the walksheds says it is being prepared until the worker has answered @phone', async ({
		page,
	}) => {
		// the list is empty until the worker says which services the walksheds can start from; it
		// said nothing about why. The analysis data are held back here, so the worker cannot answer.
		const release = await holdAnalysisData(page);
		await page.goto('/?mode=walkshed');
		const panel = page.getByTestId('walkshed-panel');
		const select = panel.getByTestId('walkshed-place');
		const note = panel.getByTestId('walkshed-services-preparing');
		await expect(note).toHaveText('De lijst van voorzieningen wordt voorbereid…');
		await expect(note).toHaveRole('status');
		await expect(select).toHaveAttribute('aria-describedby', 'walkshed-services-preparing');
		await expect(select.locator('option')).toHaveCount(1);
		release();
		await expect(note).toHaveCount(0, { timeout: 120_000 });
		await expect(select).not.toHaveAttribute('aria-describedby');
		expect(await select.locator('option').count()).toBeGreaterThan(1);
	});

	test("the list of services of the walksheds says it is being prepared until the area's places are in", async ({
		page,
	}) => {
		// the engine is there, the places (with the search source) are not yet: the list waits for
		// them with the same note, instead of showing an empty list for a while
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(/\/search(-\d+)?\.json\.gz$/, async (route) => {
			await held;
			await route.continue().catch(() => {});
		});
		await page.goto(`/?mode=walkshed&pt=${A.join(',')}&min=10`);
		const panel = page.getByTestId('walkshed-panel');
		const select = panel.getByTestId('walkshed-place');
		const note = panel.getByTestId('walkshed-services-preparing');
		await expect(note).toHaveText('De lijst van voorzieningen wordt voorbereid…');
		// the worker answers in order: once it has answered a walkshed asked after the panel was
		// there, it has answered everything the panel asked before; the list still waits
		const residents = panel.getByTestId('walkshed-row').first().getByTestId('walkshed-residents');
		await expect(residents).toHaveText(/\d/, { timeout: 120_000 });
		const tenMinutes = await residents.textContent();
		await panel.getByTestId('walkshed-minutes').fill('20');
		await panel.getByTestId('walkshed-minutes').press('Tab');
		await expect(residents).not.toHaveText(tenMinutes!, { timeout: 120_000 });
		await expect(select.locator('option')).toHaveCount(1);
		await expect(note).toBeVisible();
		release();
		await expect(note).toHaveCount(0, { timeout: 120_000 });
		expect(await select.locator('option').count()).toBeGreaterThan(1);
	});
});
