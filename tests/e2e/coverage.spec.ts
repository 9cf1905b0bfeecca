/**
 * The coordinators' gap analysis on the real sample, in Chromium (no backend, and in Supabase mode
 * through the local stack: the journey is tagged @supabase). The figures on screen are checked
 * against the analysis CLI (`npm run analyse`) for the same parameters.
 */
import { execFileSync } from 'node:child_process';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectNoSeriousA11yViolations } from '../helpers/a11y.ts';
import { SAMPLE_AREA } from '../helpers/areas.ts';
import { captureMap, waitForMapReady } from '../helpers/map.ts';
import { expect, test, type Page } from '../helpers/test.ts';

test.beforeEach(async ({ page }) => captureMap(page));

/** The CLI's neighbourhood table and origins for a category and profile. */
function analyseCli(category: string, profile: string) {
	const dir = mkdtempSync(path.join(tmpdir(), 'buurtkaart-coverage-'));
	const out = path.join(dir, 'origins.geojson');
	const summary = path.join(dir, 'summary.csv');
	execFileSync(
		'npx',
		[
			'tsx',
			'scripts/analyse.ts',
			'--area',
			path.join('tiles', SAMPLE_AREA),
			'--category',
			category,
			'--profile',
			profile,
			'--out',
			out,
			'--summary',
			summary,
		],
		{ stdio: 'pipe' },
	);
	const [header, ...lines] = readFileSync(summary, 'utf8').trim().split('\n');
	const cols = (header as string).split(',');
	const rows = lines.map((line) => {
		const cells = line.split(',');
		return Object.fromEntries(cols.map((c, i) => [c, cells[i] as string]));
	});
	const origins = JSON.parse(readFileSync(out, 'utf8')) as {
		features: {
			geometry: { coordinates: [number, number] };
			properties: {
				distance_m: number | null;
				no_figure_reason: string | null;
				residents_65: number;
			};
		}[];
	};
	return { rows, origins };
}

/** The neighbourhood table as shown: per neighbourhood id, the whole numbers of its cells. */
async function shownTable(page: Page) {
	return page.getByTestId('coverage-row').evaluateAll((rows) =>
		Object.fromEntries(
			rows.map((r) => {
				const num = (col: string) => {
					const text = r.querySelector(`[data-col="${col}"]`)?.textContent ?? '';
					const first = /^\s*([\d.\s\u202f]+)/.exec(text)?.[1] ?? '';
					return first.replace(/[.\s\u202f]/g, '') === ''
						? text.trim()
						: Number(first.replace(/[.\s\u202f]/g, ''));
				};
				return [
					(r as HTMLElement).dataset.neighbourhood as string,
					{ residents: num('residents'), beyond65: num('beyond65'), edge: num('edge') },
				];
			}),
		),
	);
}

async function totalBeyond65(page: Page): Promise<number> {
	const text =
		(await page
			.getByTestId('coverage-total')
			.locator('[data-col="beyond65"] [data-testid="count"]')
			.textContent()) ?? '';
	return Number(text.replace(/[.\s\u202f]/g, ''));
}

test.describe('coordinators: where the neighbourhood falls short', () => {
	test('gap analysis with the wheelchair profile, the table as the CLI has it, edge of data and none mapped, a planned meeting place and a "where next" taken over @supabase', async ({
		page,
	}, testInfo) => {
		// heavy on software WebGL on a busy machine: every step waits for a state, never a time
		test.slow();
		// A coordinator's link: meeting places (mapped in the sample) and home care (none in its
		// data), the wheelchair profile. The analysis runs on opening.
		await page.goto('/?mode=coverage&cats=home_care,meeting_place&profile=wheelchair');
		const panel = page.getByTestId('coverage');
		await expect(panel.getByRole('heading', { level: 2 })).toContainText('Buurtanalyse');
		await expect(panel.getByTestId('cat-meeting_place')).toBeChecked();
		await expect(panel.getByTestId('norm-meeting_place')).toHaveValue('500');
		await expect(panel.getByRole('radio', { name: 'In een rolstoel' })).toBeChecked();
		await expect(panel.getByTestId('coverage-status')).toHaveAttribute('data-state', 'done', {
			timeout: 120_000,
		});

		// The shown category is the first analysed: home care, none mapped in the data.
		await panel.getByTestId('coverage-shown').selectOption('home_care');
		await expect(panel.getByTestId('coverage-none-mapped')).toContainText(
			'Geen enkele plaats van deze soort in de gegevens',
		);
		await expect(panel.getByTestId('coverage-table')).toContainText('geen in de gegevens');
		await expect(panel.getByTestId('coverage-table')).not.toContainText('100 %');

		await panel.getByTestId('coverage-shown').selectOption('meeting_place');
		const legend = panel.getByTestId('coverage-legend');
		await expect(legend.getByTestId('coverage-legend-norm')).toContainText(
			'Norm: 500 m langs de straten · In een rolstoel · onbekende gegevens optimistisch',
		);
		await expect(legend).toContainText('OpenStreetMap van 2019-11-05');
		await expect(legend.getByTestId('coverage-ages')).toContainText(
			'leeftijdsverdeling van de gemeente (2015)',
		);

		// The figures equal the CLI's for the same category and profile.
		const cli = analyseCli('meeting_place', 'wheelchair');
		const table = await shownTable(page);
		expect(Object.keys(table).sort()).toEqual(cli.rows.map((r) => r.neighbourhood_id).sort());
		let edgeOrigins = 0;
		for (const r of cli.rows) {
			const shown = table[r.neighbourhood_id as string]!;
			// the page shows whole residents, the CSV tenths: equal up to rounding
			expect(Math.abs((shown.residents as number) - Number(r.residents))).toBeLessThanOrEqual(0.55);
			expect(Math.abs((shown.beyond65 as number) - Number(r.beyond_65))).toBeLessThanOrEqual(0.55);
			expect(shown.edge).toBe(Number(r.origins_edge_of_data));
			edgeOrigins += Number(r.origins_edge_of_data);
		}
		expect(edgeOrigins).toBeGreaterThan(0);
		await expect(legend.getByTestId('coverage-edge')).toContainText(
			`Rand van de gegevens (gearceerd): ${edgeOrigins.toLocaleString('nl-BE')} adressen`,
		);

		// The overlay: hatched edge cells, the origins, the neighbourhoods shaded, in registry order.
		await waitForMapReady(page);
		const onMap = await page.waitForFunction(() => {
			const map = (window as unknown as { buurtkaartMap: MapLibreMap }).buurtkaartMap;
			const edge = map.getLayer('coverage-edge');
			const src = map.getSource('coverage-edge') as GeoJSONSource | undefined;
			if (!edge || !src || !map.getLayer('coverage-origins')) return undefined;
			return {
				pattern: map.getPaintProperty('coverage-edge', 'fill-pattern'),
				order: map
					.getStyle()
					.layers.map((l) => l.id)
					.filter((id) => id.startsWith('coverage-')),
			};
		});
		expect(await onMap.jsonValue()).toEqual({
			pattern: 'coverage-hatch',
			order: [
				'coverage-neighbourhoods',
				'coverage-edge',
				'coverage-origins',
				'coverage-suggested',
				'coverage-planned',
				'coverage-marks-label',
			],
		});

		// A row zooms the map to its neighbourhood.
		const zoomBefore = await page.evaluate(() =>
			(window as unknown as { buurtkaartMap: MapLibreMap }).buurtkaartMap.getZoom(),
		);
		await panel.getByTestId('coverage-row').first().getByRole('button').click();
		await page.waitForFunction(
			(z) =>
				(window as unknown as { buurtkaartMap: MapLibreMap }).buurtkaartMap.getZoom() > z + 0.3,
			zoomBefore,
		);

		// Sorting by 65+ beyond, ascending then descending.
		await panel.getByTestId('sort-beyond65').click();
		await expect(panel.locator('th[aria-sort]')).toHaveAttribute('aria-sort', 'ascending');

		// What-if: a planned meeting place at the address farthest from one (not at the edge of the data).
		// (the address beyond the norm with the most residents 65+ beyond it within 250 m)
		const beyond = cli.origins.features.filter(
			(f) => f.properties.no_figure_reason === null && (f.properties.distance_m ?? Infinity) > 500,
		);
		const near = (a: [number, number], b: [number, number]) =>
			Math.hypot((a[0] - b[0]) * 70_000, (a[1] - b[1]) * 111_000) < 250;
		const weight = (f: (typeof beyond)[number]) =>
			beyond
				.filter((g) => near(f.geometry.coordinates, g.geometry.coordinates))
				.reduce((sum, g) => sum + g.properties.residents_65, 0);
		const far = beyond
			.filter((_, i) => i % 7 === 0)
			.map((f) => ({ f, w: weight(f) }))
			.sort((a, b) => b.w - a.w)[0]?.f;
		expect(far).toBeDefined();
		const before = await totalBeyond65(page);
		await page.evaluate(
			(lngLat) =>
				(window as unknown as { buurtkaartMap: MapLibreMap }).buurtkaartMap.jumpTo({
					center: lngLat,
					zoom: 15,
				}),
			far!.geometry.coordinates,
		);
		await panel.getByTestId('coverage-add-click').click();
		const box = (await page.getByTestId('map').boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		const delta = panel.getByTestId('coverage-delta');
		await expect(delta).toContainText(/^\s*\+[\d.]+ inwoners 65\+ binnen 500 m/);
		const gain = Number(
			/\+([\d.]+) inwoners 65\+/.exec((await delta.textContent()) ?? '')?.[1]?.replace(/\./g, ''),
		);
		expect(gain).toBeGreaterThan(0);
		// the table's total fell by the gain (each rounded to whole residents apart)
		await expect
			.poll(async () => Math.abs(before - gain - (await totalBeyond65(page))))
			.toBeLessThanOrEqual(1);
		await page.screenshot({ path: testInfo.outputPath('coverage-what-if-desktop.png') });

		// Where next: suggestions with their gain; the first taken over as a what-if.
		await panel.getByTestId('coverage-suggest').click();
		const suggestion = panel.getByTestId('coverage-suggestion').first();
		await expect(suggestion).toContainText(/Voorstel 1: \+[\d.]+ inwoners 65\+ binnen de norm/);
		await suggestion.getByTestId('coverage-take-over').click();
		// the suggestion's residents come within the norm too (its gain counts paths bounded by the
		// norm, the what-if the cheapest path's length: they can differ for the wheelchair)
		await expect
			.poll(async () =>
				Number(
					/\+([\d.]+) inwoners 65\+/
						.exec((await delta.textContent()) ?? '')?.[1]
						?.replace(/\./g, ''),
				),
			)
			.toBeGreaterThan(gain);
		const marks = await page.evaluate(() => {
			const map = (window as unknown as { buurtkaartMap: MapLibreMap }).buurtkaartMap;
			const src = map.getSource('coverage-marks') as GeoJSONSource;
			return (
				src.serialize().data as unknown as { features: { properties: { kind: string } }[] }
			).features.map((f) => f.properties.kind);
		});
		expect(marks).toEqual(['planned', 'planned']);
		await expectNoSeriousA11yViolations(page);
		await page.screenshot({
			path: testInfo.outputPath('coverage-where-next-desktop.png'),
			fullPage: true,
		});
	});
});
