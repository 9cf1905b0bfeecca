/**
 * Each mode panel, rendered in happy-dom with the real sample area (the pipeline's output in
 * tiles/) and the real analysis engine behind a message channel: what the resident sees and what
 * each control changes in AppState.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import { tick, type Component } from 'svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { displayName, type Place } from '../places/place.ts';
import { AreaState } from '../state/area-state.svelte.ts';
import { modeKey, type Mode } from '../state/modes.ts';
import { standIn } from '../../tests/helpers/map-stand-in.ts';
import {
	channelSearch,
	channelWorker,
	openSampleArea,
	ORIGIN,
	renderPanel,
	tilesFetch,
} from '../../tests/helpers/panels.ts';
import { NETWORK_SOURCE } from '../map/layers/network-style.ts';
import { MapState } from '../state/map-state.svelte.ts';
import CoveragePanel from './CoveragePanel.svelte';
import ExplorePanel from './ExplorePanel.svelte';
import NearestPanel from './NearestPanel.svelte';
import { PANELS, loadPanel } from './panels.ts';
import PlacePanel from './PlacePanel.svelte';
import ReportPanel from './ReportPanel.svelte';
import RoutePanel from './RoutePanel.svelte';
import WalkshedPanel from './WalkshedPanel.svelte';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { decodeAnalysisBundle } from '../analysis/bundle.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { PROFILE_IDS } from '../contracts/profiles.ts';
import { roundCoordinates, walkshed } from '../analysis/walkshed.ts';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';

const as = (c: unknown) => c as Component<{ mode: Mode }>;
/** A name isolated in a sentence: first strong isolate … pop directional isolate. */
const [FSI, PDI] = [String.fromCharCode(0x2068), String.fromCharCode(0x2069)];

let area: AreaState;
let pharmacies: Place[];
/** A real address of the sample (Cardijnlaan 2, Vorselaar, from the CRAB points in its search source). */
let home: [number, number];

beforeAll(async () => {
	// the embedded default's storage, for the panels that show it
	globalThis.indexedDB = new IDBFactory();
	area = await openSampleArea();
	pharmacies = area.data!.places.filter((p) => p.categoryIds.includes('pharmacy'));
	const found = await area.data!.search.search('Cardijnlaan 2', 'nl');
	const address = found.groups.flatMap((g) => g.hits).find((h) => h.record.kind === 'address')
		?.record.lngLat;
	if (!address) throw new Error('no address "Cardijnlaan 2" in the sample');
	home = [address[0], address[1]];
}, 60_000);

describe('the panels', () => {
	it('has one panel for every mode kind', async () => {
		expect(Object.keys(PANELS).sort()).toEqual([
			'completeness',
			'coverage',
			'explore',
			'fixes',
			'line',
			'nearest',
			'place',
			'report',
			'reports',
			'rest',
			'route',
			'walkshed',
		]);
		expect(await loadPanel('place')).toBe(PlacePanel);
		expect(await loadPanel('explore')).toBe(ExplorePanel);
	});
});

describe('ExplorePanel', () => {
	it('sets the profile, the accessible-routes layer and the visible categories', async () => {
		const { app } = renderPanel(as(ExplorePanel), area, { kind: 'explore' });
		await fireEvent.click(screen.getByRole('radio', { name: 'In een rolstoel' }));
		expect(app.profile).toBe('wheelchair');
		const network = within(screen.getByTestId('network-toggle')).getByRole('checkbox');
		await fireEvent.click(network);
		expect(app.showNetwork).toBe(true);
		const legend = screen.getByTestId('legend');
		const pharmacy = within(legend).getByRole('checkbox', { name: /Apotheek/ });
		expect((pharmacy as HTMLInputElement).checked).toBe(true);
		await fireEvent.click(pharmacy);
		expect(app.visible.has('pharmacy')).toBe(false);
		// the counts come from the area's data
		expect(legend.textContent).toContain(String(pharmacies.length));
	});

	it("counts the area's own places; those of its surroundings are said apart, under the name", async () => {
		renderPanel(as(ExplorePanel), area, { kind: 'explore' });
		// inside the area's boundary or not: checked with turf on the pipeline's boundaries.geojson
		const boundary = JSON.parse(
			readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'boundaries.geojson'), 'utf8'),
		) as FeatureCollection<MultiPolygon>;
		const inside = (p: Place) => boundary.features.some((f) => booleanPointInPolygon(p.lngLat, f));
		let aroundSeen = 0;
		for (const count of screen.getAllByTestId(/^legend-count-/)) {
			const id = count.dataset.testid!.slice('legend-count-'.length);
			const places = area.data!.places.filter((p) => p.categoryIds.includes(id));
			const own = places.filter(inside).length;
			expect(Number(count.textContent)).toBe(own);
			const around = screen.queryByTestId(`legend-around-${id}`);
			if (own === places.length) expect(around).toBeNull();
			else {
				expect(around!.textContent).toBe(`${places.length - own} in de omgeving`);
				aroundSeen++;
			}
		}
		// the sample's hospitals all lie around it (the region's, from GISCO)
		expect(aroundSeen).toBeGreaterThan(0);
		expect(screen.getByTestId('legend-count-hospital').textContent).toBe('0');
		// the panel's lazy parts, loaded before the test ends
		expect(await screen.findByTestId('open-route')).toBeDefined();
		expect(await screen.findByTestId('offline-area')).toBeDefined();
	});

	it('before the first view is done: no counts and no planner tools; then both (issue #12)', async () => {
		const deferred = new AreaState({
			origin: ORIGIN,
			fetch: tilesFetch,
			startWorker: channelWorker,
			startSearch: channelSearch,
			deferData: true,
		});
		const opened = deferred.open(SAMPLE_AREA);
		await waitFor(() => expect(deferred.tiles).toBeDefined());
		renderPanel(as(ExplorePanel), deferred, { kind: 'explore' });
		const legend = screen.getByTestId('legend');
		expect(legend.querySelectorAll('.count')).toHaveLength(0);
		expect(screen.queryByTestId('open-route')).toBeNull();
		deferred.wantData();
		await opened;
		await waitFor(() => expect(legend.querySelectorAll('.count').length).toBeGreaterThan(0));
		expect(legend.textContent).toContain(String(pharmacies.length));
		expect(await screen.findByTestId('open-route')).toBeDefined();
		deferred.close();
	});

	it('applies "what I can manage" from the chosen profile, names a bad value, goes back', async () => {
		const { app, i18n } = renderPanel(as(ExplorePanel), area, { kind: 'explore' });
		await fireEvent.click(screen.getByRole('radio', { name: 'In een rolstoel' }));
		const form = screen.getByTestId('personal-profile');
		// starts from the wheelchair profile's own limits
		const kerb = within(form).getByRole('textbox', { name: 'Hoogste stoeprand (cm)' });
		expect((kerb as HTMLInputElement).value).toBe('3');
		// with the Dutch decimal comma
		expect(
			(within(form).getByRole('textbox', { name: 'Smalste doorgang (m)' }) as HTMLInputElement)
				.value,
		).toBe('0,9');
		expect(form.textContent).toContain('hoogstens 2 cm');
		await fireEvent.input(kerb, { target: { value: '2' } });
		await fireEvent.input(within(form).getByRole('textbox', { name: 'Steilste helling (%)' }), {
			target: { value: '5' },
		});
		await fireEvent.click(within(form).getByRole('button', { name: 'Toepassen' }));
		expect(app.personal).toBe('wheelchair.k2.s5.w0.9.st0.avrough.b-.vusual.uo');
		expect(app.profile).toBe('wheelchair');
		await fireEvent.input(kerb, { target: { value: '99' } });
		await fireEvent.click(within(form).getByRole('button', { name: 'Toepassen' }));
		// said in Dutch, naming the field as the form does: no technical English inside
		expect(within(form).getByRole('alert').textContent).toBe(
			'Niet toegepast: vul bij “Hoogste stoeprand (cm)” een getal van 0 tot 30 in, of laat het leeg.',
		);
		expect(kerb.getAttribute('aria-invalid')).toBe('true');
		expect(app.personal).toBe('wheelchair.k2.s5.w0.9.st0.avrough.b-.vusual.uo');
		await fireEvent.input(kerb, { target: { value: 'twee' } });
		await fireEvent.click(within(form).getByRole('button', { name: 'Toepassen' }));
		i18n.lang = 'fr';
		await waitFor(() =>
			expect(within(form).getByRole('alert').textContent).toBe(
				'Non appliqué\u00a0: pour «\u00a0Bordure la plus haute (cm)\u00a0», indiquez un nombre de 0 à 30, ou laissez vide.',
			),
		);
		i18n.lang = 'en';
		await waitFor(() =>
			expect(within(form).getByRole('alert').textContent).toBe(
				'Not applied: for “Highest kerb (cm)”, enter a number from 0 to 30, or leave it empty.',
			),
		);
		i18n.lang = 'nl';
		expect(app.personal).toBe('wheelchair.k2.s5.w0.9.st0.avrough.b-.vusual.uo');
		await fireEvent.click(
			await within(form).findByRole('button', { name: 'Terug naar het gewone profiel' }),
		);
		expect(app.personal).toBeUndefined();
	});
});

describe('PlacePanel', () => {
	it('shows the place and, from an origin, the walking time by the engine; closing goes back', async () => {
		const place = pharmacies[0]!;
		const { app } = renderPanel(as(PlacePanel), area, {
			kind: 'place',
			placeId: place.id,
			categoryId: 'pharmacy',
		});
		expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
			displayName(place, 'nl'),
		);
		app.setOrigin({ lngLat: home, label: 'Cardijnlaan 2' });
		const walk = await screen.findByTestId('walk-time', {}, { timeout: 30_000 });
		expect(walk.textContent).toMatch(/\d+ min te voet/);
		expect(app.route?.coordinates.length).toBeGreaterThan(2);
		await fireEvent.click(screen.getByRole('button', { name: 'Sluiten' }));
		expect(app.mode).toEqual({ kind: 'nearest', categoryId: 'pharmacy' });
	});

	it('says so when the place is not in the area', () => {
		renderPanel(as(PlacePanel), area, { kind: 'place', placeId: 'n0' });
		expect(screen.getByRole('status').textContent).toMatch(/staat niet \(meer\) in de gegevens/);
	});
});

describe('NearestPanel', () => {
	it('lists the nearest pharmacies by walking time from the origin; choosing one opens it', async () => {
		const { app } = renderPanel(as(NearestPanel), area, {
			kind: 'nearest',
			categoryId: 'pharmacy',
		});
		expect(screen.getByTestId('nearest').textContent).toContain('Kies een adres');
		// without an origin: every pharmacy of the area, by name
		expect(screen.getAllByRole('listitem')).toHaveLength(pharmacies.length);
		app.setOrigin({ lngLat: home, label: 'Cardijnlaan 2' });
		await waitFor(() => expect(screen.getAllByTestId('nearest-place').length).toBeGreaterThan(0), {
			timeout: 30_000,
		});
		const items = screen.getAllByTestId('nearest-place');
		expect(items.length).toBeLessThanOrEqual(5);
		const minutes = items.map((i) => Number(/(\d+) min/.exec(i.textContent ?? '')?.[1]));
		expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
		expect(screen.getByTestId('nearest').textContent).toContain('Dichtstbij vanaf Cardijnlaan 2');
		await fireEvent.click(items[0]!);
		expect(app.mode).toMatchObject({ kind: 'place', categoryId: 'pharmacy' });
	});
});

describe('ReportPanel', () => {
	it('opens the report form at the place and closes back to it', async () => {
		const place = pharmacies[0]!;
		const { app } = renderPanel(as(ReportPanel), area, { kind: 'report', placeId: place.id });
		const form = await screen.findByTestId('report-form', {}, { timeout: 30_000 });
		expect(within(form).getByTestId('report-where').textContent).toContain(
			displayName(place, 'nl'),
		);
		await fireEvent.click(within(form).getByRole('button', { name: 'Sluiten' }));
		expect(app.mode).toEqual({ kind: 'place', placeId: place.id });
	});
});

describe('WalkshedPanel', () => {
	/** The walkshed panel on a map holding the area's network tiles, with the engine to check it by. */
	/** A map state on a stand-in map that counts the times it is fitted to an answer. */
	function countingMap() {
		const map = new MapState();
		const stand = standIn();
		let fits = 0;
		const fitBounds = stand.map.fitBounds;
		stand.map.fitBounds = (...args) => {
			fits += 1;
			return fitBounds(...args);
		};
		map.attach(stand.map);
		return { map, stand, fits: () => fits };
	}

	function walkshedOnNetworkMap() {
		const { map, stand, fits } = countingMap();
		const network = area.tiles!.archives.network!;
		stand.map.addSource(NETWORK_SOURCE, { type: 'vector', url: 'pmtiles://network' });
		const { app } = renderPanel(
			as(WalkshedPanel),
			area,
			{ kind: 'walkshed', at: home, minutes: 10 },
			{ map },
		);
		const engine = new AnalysisEngine(
			decodeAnalysisBundle(
				new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
			),
		);
		return { app, stand, network, engine, fits };
	}

	/** The walkshed overlay's features now on the map. */
	const drawnOf = (stand: ReturnType<typeof standIn>) =>
		(
			stand.map.getSource('walkshed') as unknown as {
				data: {
					features: {
						properties: { profile?: string };
						geometry: { coordinates: number[][][] };
					}[];
				};
			}
		).data.features;

	it('shows the three walksheds from a point with the residents the engine counts, every reached stretch in one GeoJSON source', async () => {
		const { app, stand, engine } = walkshedOnNetworkMap();
		const rows = await screen.findAllByTestId('walkshed-row', {}, { timeout: 60_000 });
		expect(rows).toHaveLength(3);
		const nl = (x: number, digits = 0) =>
			new Intl.NumberFormat('nl', {
				minimumFractionDigits: digits,
				maximumFractionDigits: digits,
			}).format(x);
		await waitFor(() => expect(drawnOf(stand).length).toBeGreaterThan(1));
		PROFILE_IDS.forEach((p, k) => {
			const w = walkshed(engine, home, 10, p, 'optimistic', { polygon: false })!;
			expect(within(rows[k]!).getByTestId('walkshed-residents').textContent).toBe(
				nl(Math.round(w.residents)),
			);
			expect(within(rows[k]!).getByTestId('walkshed-km').textContent).toBe(
				nl(w.lines.properties.lengthM / 1000, 1),
			);
			// every stretch the engine reaches, rounded to 1e-6°, in the profile's feature
			const drawn = drawnOf(stand).find((f) => f.properties.profile === p);
			expect(drawn?.geometry.coordinates).toEqual(roundCoordinates(w.lines.geometry.coordinates));
		});
		// nothing drawn through the network tiles: no feature-state, no layer on their source
		expect(stand.featureStates.size).toBe(0);
		expect(stand.layers.filter((l) => l.id.startsWith('walkshed'))).toHaveLength(3);
		expect(stand.layers.map((l) => l.id)).not.toContain('walkshed-edges-wheelchair');
		// a bad number of minutes changes nothing
		await fireEvent.change(screen.getByTestId('walkshed-minutes'), { target: { value: '999' } });
		expect(app.mode).toEqual({ kind: 'walkshed', at: home, minutes: 10 });
		// closed, the panel takes its source off the map
		cleanup();
		expect(stand.map.getSource('walkshed')).toBeUndefined();
	}, 60_000);
	it("a link opened before the area's manifest is in waits for the engine, says no error, and keeps the link's view", async () => {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const opening = new AreaState({
			origin: ORIGIN,
			fetch: async (input, init) => {
				if (String(input).endsWith('/manifest.json')) await held;
				return tilesFetch(input, init);
			},
			startWorker: channelWorker,
			startSearch: channelSearch,
		});
		const opened = opening.start(SAMPLE_AREA);
		const { map, fits } = countingMap();
		const mode: Mode = { kind: 'walkshed', at: home, minutes: 10 };
		// the link carried a view (App.svelte)
		map.keepViewFor(modeKey(mode));
		renderPanel(as(WalkshedPanel), opening, mode, { map });
		await vi.waitFor(() => expect(opening.id).toBe(SAMPLE_AREA));
		await tick();
		expect(opening.isOpening).toBe(true);
		expect(screen.queryByRole('alert')).toBeNull();
		release();
		await opened;
		const rows = await screen.findAllByTestId('walkshed-row', {}, { timeout: 60_000 });
		expect(rows).toHaveLength(3);
		expect(screen.queryByRole('alert')).toBeNull();
		// the first answer kept the link's view; the next one is shown whole
		expect(fits()).toBe(0);
		opening.close();
	}, 60_000);
	it('says under the table what limits each profile, from its own data: pace, what it cannot use, what slows it, how unknown data count', async () => {
		const { engine } = walkshedOnNetworkMap();
		const list = await screen.findByTestId('walkshed-limits', {}, { timeout: 60_000 });
		const lines = within(list).getAllByRole('listitem');
		expect(lines.map((l) => l.dataset.profile)).toEqual([...PROFILE_IDS]);
		const unknownKm = new Intl.NumberFormat('nl', {
			minimumFractionDigits: 1,
			maximumFractionDigits: 1,
		}).format(walkshed(engine, home, 10, 'wheelchair', 'optimistic')!.unknownM / 1000);
		expect(lines.map((l) => l.textContent?.trim())).toEqual([
			'Te voet: 4,5\u00a0km/u.',
			'Met rollator: 3\u00a0km/u; geen trappen; trager (×1,5): meer dan 125\u00a0m zonder bank, ruwe verharding.',
			'In een rolstoel: 3,5\u00a0km/u; geen trappen, stoep ≤\u00a03\u00a0cm (geen stoepranden in de gegevens), helling ≤\u00a06\u00a0%, doorgang ≥\u00a00,9\u00a0m, ' +
				'vermijdt ruwe verharding; trager (×2): halfverharding, helling boven 4\u00a0%, matig effen ' +
				`verharding; onbekende gegevens tellen als in orde (${unknownKm}\u00a0km van dit bereik).`,
		]);
		expect(list.getAttribute('aria-labelledby')).toBe('walkshed-limits-title');
		expect(document.getElementById('walkshed-limits-title')?.textContent).toBe(
			'Wat elk profiel beperkt',
		);
	}, 60_000);
	it("below the network tiles' first zoom draws the whole walkshed, and crossing that zoom changes nothing: the same drawing, the map not moved", async () => {
		const { app, stand, network, engine, fits } = walkshedOnNetworkMap();
		// the map shows the area below the zoom where the network's tiles begin
		app.setViewport({ centre: home, zoom: network.minzoom - 0.5 });
		await screen.findAllByTestId('walkshed-row', {}, { timeout: 60_000 });
		await waitFor(() => expect(drawnOf(stand).length).toBeGreaterThan(1));
		const linesOf = (profile: string) =>
			drawnOf(stand).find((f) => f.properties.profile === profile)?.geometry.coordinates.length ??
			0;
		for (const p of PROFILE_IDS) {
			const whole = walkshed(engine, home, 10, p, 'optimistic', { polygon: false })!;
			expect(linesOf(p)).toBe(whole.lines.geometry.coordinates.length);
		}
		expect(fits()).toBe(1);
		const before = drawnOf(stand);
		// zoomed in to the tiles' first zoom: the same walkshed stays drawn, the view is not fitted again
		app.setViewport({ centre: home, zoom: network.minzoom });
		await tick();
		expect(drawnOf(stand)).toBe(before);
		expect(stand.featureStates.size).toBe(0);
		expect(fits()).toBe(1);
	}, 60_000);
});

describe('CoveragePanel', () => {
	it("runs the analysis of the link, refuses a bad norm naming the category, re-runs with a new norm, and shows a what-if's gain", async () => {
		const { app } = renderPanel(as(CoveragePanel), area, {
			kind: 'coverage',
			categoryIds: ['pharmacy', 'home_care'],
			categoryId: 'pharmacy',
			unknownMode: 'optimistic',
			norms: {},
		});
		const status = screen.getByTestId('coverage-status');
		await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });
		const table = screen.getByTestId('coverage-table');
		expect(within(table).getAllByTestId('coverage-row').length).toBe(
			area.tiles!.ages ? Object.keys(area.tiles!.ages.sources).length : 0,
		);
		expect(screen.getByTestId('coverage-legend-norm').textContent).toContain('Norm: 800 m');
		expect(screen.getByTestId('coverage-ages').textContent).toContain('gemeente');
		// the sample's ages are all the municipalities' shares: the table and the charts say what
		// that means for the 65+ and 80+ shares
		expect(screen.getByTestId('sort-beyond65').textContent).toMatch(/^65\+ verder\*/);
		expect(screen.getByTestId('coverage-ages-note').textContent).toMatch(
			/^\* 65\+ en 80\+ geschat met de leeftijdsverdeling van de gemeente \(\d{4}\): in een buurt is hun aandeel verder dan de norm dan gelijk aan dat van alle inwoners\.$/,
		);
		expect(screen.getByTestId('coverage-charts-ages-note').textContent!.trim()).toBe(
			screen.getByTestId('coverage-ages-note').textContent!.slice(2),
		);
		// the printed report: not in the page until printing (it would render on every what-if)
		expect(screen.queryByTestId('print-report')).toBeNull();
		// the browser's own print command: the report is in the page before it lays the page out
		window.dispatchEvent(new Event('beforeprint'));
		// a section per neighbourhood, the measured gap ranked before none mapped
		const pages = screen.getAllByTestId('print-neighbourhood');
		expect(pages.length).toBe(within(table).getAllByTestId('coverage-row').length);
		// each neighbourhood's residents, all of them, and those counted (the sample's edge of the
		// data leaves some out of every figure)
		const people = pages.map((page) => {
			const m = /([\d.]+) inwoners, van wie ([\d.]+) meegeteld/.exec(page.textContent ?? '');
			expect(m, page.textContent ?? '').not.toBeNull();
			return { all: Number(m![1]!.replace(/\./g, '')), counted: Number(m![2]!.replace(/\./g, '')) };
		});
		expect(people.every((p) => p.all >= p.counted)).toBe(true);
		expect(people.some((p) => p.all > p.counted)).toBe(true);
		for (const page of pages) {
			expect(
				within(page)
					.getAllByTestId('print-gap')
					.map((g) => g.dataset.category),
			).toEqual(['pharmacy', 'home_care']);
			expect(page.textContent).toContain('geen in de gegevens');
			// unknown accessibility per kind of help measured, not one figure for all
			expect(within(page).getByTestId('print-unknown').textContent).toMatch(
				/per soort hulp: Apotheek \d+\u00a0%\.$/,
			);
			// the care functions present and missing there, as in the panel's table
			expect(within(page).getByTestId('print-care-missing').textContent).toMatch(/^Ontbreekt: /);
		}
		// printed: out of the page again
		window.dispatchEvent(new Event('afterprint'));
		await waitFor(() => expect(screen.queryByTestId('print-report')).toBeNull());
		// care functions per neighbourhood: a row each, the eight split between present and missing
		const careRows = screen.getAllByTestId('care-row');
		expect(careRows).toHaveLength(pages.length);
		expect(careRows.some((r) => within(r).getByTestId('care-present').textContent !== 'geen')).toBe(
			true,
		);
		// no kind of place serves "Buurtanalyse" (the taxonomy says so): where missing, it is named
		// as reachable only through initiatives, after the functions a kind of place could serve
		for (const r of careRows)
			expect(within(r).getByTestId('care-missing').textContent).toMatch(
				/(^|; )Buurtanalyse \(alleen via initiatieven\)$/,
			);

		// a norm typed but not yet run: the panel says the map and table still show the last run
		const norm = screen.getByTestId('norm-pharmacy') as HTMLInputElement;
		expect(screen.queryByTestId('coverage-form-changed')).toBeNull();
		await fireEvent.input(norm, { target: { value: '700' } });
		expect(screen.getByTestId('coverage-form-changed').textContent).toContain(
			'kies ‘Analyse uitvoeren’',
		);
		// a bad norm is refused with the category named; nothing runs
		await fireEvent.input(norm, { target: { value: '5' } });
		await fireEvent.click(screen.getByTestId('coverage-run'));
		expect(screen.getByRole('alert').textContent).toContain('De norm voor Apotheek');
		expect(app.mode).toMatchObject({ norms: {} });
		await fireEvent.input(norm, { target: { value: '600' } });
		await fireEvent.click(screen.getByTestId('coverage-run'));
		expect(app.mode).toMatchObject({ kind: 'coverage', norms: { pharmacy: 600 } });
		await waitFor(() => expect(screen.queryByTestId('coverage-form-changed')).toBeNull());
		await waitFor(
			() => expect(screen.getByTestId('coverage-legend-norm').textContent).toContain('600 m'),
			{ timeout: 30_000 },
		);
		await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });

		// what-if at the chosen address: the difference says how many 65+ come within the norm
		app.setOrigin({ lngLat: home, label: 'Cardijnlaan 2' });
		await fireEvent.click(await screen.findByTestId('coverage-add-address'));
		await waitFor(
			() =>
				expect(screen.getByTestId('coverage-delta').textContent).toMatch(
					/[+−]\d+ inwoners 65\+ binnen 600 m/,
				),
			{ timeout: 30_000 },
		);
		const gainWithPlan = screen.getByTestId('coverage-delta').textContent;
		// switching off an existing pharmacy is refused by none and adds to the edits
		const offs = screen.getAllByTestId('coverage-switch-off');
		expect(offs).toHaveLength(pharmacies.length);
		await fireEvent.click(offs[0]!);
		await waitFor(
			() =>
				expect((screen.getByTestId('coverage-reset') as HTMLButtonElement).disabled).toBe(false),
			{ timeout: 30_000 },
		);
		expect((offs[0] as HTMLInputElement).checked).toBe(true);
		// printed now, the report says which plans its figures count with: the planned place
		// where it lies, the switched-off pharmacy by its name
		window.dispatchEvent(new Event('beforeprint'));
		const plans = within(screen.getByTestId('print-what-if')).getAllByRole('listitem');
		expect(plans.map((li) => li.textContent!.trim())).toEqual([
			expect.stringMatching(
				new RegExp(
					`^Apotheek: gepland, ${FSI}Gepland 1${PDI} \\(51,\\d{5}°\u00a0N, 4,\\d{5}°\u00a0O\\)$`,
				),
			),
			`Apotheek: uitgeschakeld, ${displayName(pharmacies[0]!, 'nl')}`,
		]);
		// the whole area: one row per kind of help, home care none in the data
		const totals = screen.getAllByTestId('print-total');
		expect(totals.map((t) => t.dataset.category)).toEqual(['pharmacy', 'home_care']);
		expect(totals[1]!.textContent).toContain('geen in de gegevens');
		window.dispatchEvent(new Event('afterprint'));
		await waitFor(() => expect(screen.queryByTestId('print-report')).toBeNull());
		// one edit undone at a time: the pharmacy back on, the planned place kept
		const planned = () => screen.getByTestId('coverage-planned').querySelectorAll('li').length;
		expect(planned()).toBe(1);
		await fireEvent.click(screen.getAllByTestId('coverage-switch-off')[0]!);
		await waitFor(
			() =>
				expect((screen.getAllByTestId('coverage-switch-off')[0] as HTMLInputElement).checked).toBe(
					false,
				),
			{ timeout: 30_000 },
		);
		await waitFor(
			() => expect(screen.getByTestId('coverage-delta').textContent).toBe(gainWithPlan),
			{ timeout: 30_000 },
		);
		expect(planned()).toBe(1);
		// a second planned place, then the first removed: the second stays, named apart
		await fireEvent.click(screen.getByTestId('coverage-add-address'));
		await waitFor(() => expect(planned()).toBe(2), { timeout: 30_000 });
		await fireEvent.click(screen.getAllByTestId('coverage-remove-planned')[0]!);
		await waitFor(() => expect(planned()).toBe(1), { timeout: 30_000 });
		expect(screen.getByTestId('coverage-planned').textContent).toContain('Gepland 2');
		await fireEvent.click(screen.getByTestId('coverage-reset'));
		await waitFor(
			() => expect(screen.getByTestId('coverage-delta').textContent).toContain('Nog geen wat-als'),
			{ timeout: 30_000 },
		);

		// home care: none mapped in the data, never a share
		await fireEvent.change(screen.getByTestId('coverage-shown'), {
			target: { value: 'home_care' },
		});
		expect(app.mode).toMatchObject({ categoryId: 'home_care' });
		await waitFor(() => expect(screen.getByTestId('coverage-none-mapped')).toBeTruthy());
		expect(screen.getByTestId('coverage-table').textContent).toContain('geen in de gegevens');
	}, 120_000);
});

describe('CoveragePanel: unknown streets counted cautiously', () => {
	it('says what the figures mean instead of a share of unknown data that is nil by construction', async () => {
		renderPanel(as(CoveragePanel), area, {
			kind: 'coverage',
			categoryIds: ['pharmacy'],
			categoryId: 'pharmacy',
			unknownMode: 'cautious',
			norms: {},
		});
		const status = screen.getByTestId('coverage-status');
		await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });
		const table = screen.getByTestId('coverage-table');
		// no column of unknown data (every way avoids it), no row left unranked
		expect(table.querySelectorAll('[data-col="unknown"]')).toHaveLength(0);
		expect(within(table).queryAllByTestId('coverage-row-unranked')).toHaveLength(0);
		const note = screen.getByTestId('coverage-unknown-note').textContent!;
		expect(note).toMatch(/^Voorzichtig gerekend: straten zonder gegevens/);
		// printed: the same words on each neighbourhood's page, no "0 %"
		window.dispatchEvent(new Event('beforeprint'));
		for (const page of screen.getAllByTestId('print-neighbourhood'))
			expect(within(page).getByTestId('print-unknown').textContent).toBe(note);
		window.dispatchEvent(new Event('afterprint'));
		await waitFor(() => expect(screen.queryByTestId('print-report')).toBeNull());
	}, 60_000);
});

describe('CoveragePanel: numbers in the language shown', () => {
	it('writes the table and the edge note as the language does: a comma between thousands in English, as its legend does', async () => {
		// The table, the charts, the saved analyses and the report formatted counts for `${lang}-BE`:
		// "en-BE" writes a thousand as 1.000, which an English reader takes for one, beside the
		// legend's "1,200 m" and every other English figure.
		const { i18n } = renderPanel(as(CoveragePanel), area, {
			kind: 'coverage',
			categoryIds: ['pharmacy'],
			categoryId: 'pharmacy',
			unknownMode: 'optimistic',
			norms: {},
		});
		const status = screen.getByTestId('coverage-status');
		await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });
		const cell = () =>
			within(screen.getByTestId('coverage-total')).getByText(
				(_, el) => el?.getAttribute('data-col') === 'residents',
			).textContent!;
		const residents = Number(cell().replace(/\./g, ''));
		expect(residents, 'a count with a thousands separator').toBeGreaterThanOrEqual(1000);
		const edge = screen.getByTestId('coverage-edge').textContent!;
		const edgeCounts = [...edge.matchAll(/\d[\d.]*/g)].map((m) => Number(m[0].replace(/\./g, '')));
		for (const lang of ['en', 'fr', 'nl'] as const) {
			i18n.lang = lang;
			await tick();
			const format = new Intl.NumberFormat(lang);
			expect(cell(), lang).toBe(format.format(residents));
			for (const n of edgeCounts)
				expect(screen.getByTestId('coverage-edge').textContent, lang).toContain(format.format(n));
		}
	}, 60_000);
});

describe('CoveragePanel: the printed buurtanalyse', () => {
	it('counts the places of each kind per neighbourhood and, once printed, the coverage for every profile', async () => {
		renderPanel(as(CoveragePanel), area, {
			kind: 'coverage',
			categoryIds: ['pharmacy', 'meeting_place'],
			categoryId: 'pharmacy',
			unknownMode: 'optimistic',
			norms: {},
		});
		const status = screen.getByTestId('coverage-status');
		await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });
		// not rendered while hidden: only for printing (here the browser's own print command)
		expect(screen.queryByTestId('print-report')).toBeNull();
		window.dispatchEvent(new Event('beforeprint'));
		const pages = screen.getAllByTestId('print-neighbourhood');
		const placesOf = (category: string) =>
			pages.map((page) =>
				Number(
					within(page)
						.getAllByTestId('print-gap')
						.find((g) => g.dataset.category === category)!
						.querySelector('[data-testid="print-places"]')!.textContent,
				),
			);
		// per neighbourhood, not the area's count: each place in one neighbourhood, all counted, by
		// the polygon that holds it (checked with turf on the pipeline's neighbourhoods.geojson)
		const polygons = JSON.parse(
			readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'neighbourhoods.geojson'), 'utf8'),
		) as FeatureCollection<MultiPolygon, { id: string }>;
		const pageIds = pages.map((page) => page.dataset.neighbourhood);
		for (const category of ['pharmacy', 'meeting_place']) {
			const counts = placesOf(category);
			const places = area.data!.places.filter((p) => p.categoryIds.includes(category));
			expect(Math.max(...counts)).toBeLessThan(places.length);
			const byTurf = pageIds.map(
				(id) =>
					places.filter((p) =>
						booleanPointInPolygon(
							p.lngLat,
							polygons.features.find((f) => f.properties.id === id)!,
						),
					).length,
			);
			expect(counts).toEqual(byTurf);
		}
		// the notes say which rule counted them, and how many places lie outside every neighbourhood
		// (the OSM extract's margin, the province's hospitals), none of them within 100 m of an address
		const outside = area.data!.places.filter(
			(p) => !polygons.features.some((f) => booleanPointInPolygon(p.lngLat, f)),
		).length;
		expect(outside).toBeGreaterThan(0);
		expect(screen.getByTestId('care-count-rule').textContent).toBe(
			`Een plaats of initiatief telt bij de buurt waarin het ligt (de buurtgrenzen). Buiten elke buurt en verder dan 100 m van elk adres: ${outside}, nergens meegeteld.`,
		);
		// the area-wide rule and count once, on the first page; not repeated on each neighbourhood's
		expect(screen.getByTestId('print-count-rule').textContent).toBe(
			screen.getByTestId('care-count-rule').textContent,
		);
		for (const page of pages) expect(page.textContent).not.toContain('nergens geteld');
		// the analysed profile only, until printed; the note says which profile the figures are for
		expect(screen.queryAllByTestId('print-profile-head')).toHaveLength(0);
		expect(pages[0]!.textContent).toContain('Te voet: het geanalyseerde profiel');

		window.dispatchEvent(new Event('afterprint'));
		await waitFor(() => expect(screen.queryByTestId('print-report')).toBeNull());

		// the print button: the report in the page when the browser prints (a copy kept), then
		// out of it again; printing runs the two other profiles in the worker first
		let printed: HTMLElement | undefined;
		window.print = () => {
			printed = screen.getByTestId('print-report').cloneNode(true) as HTMLElement;
		};
		await fireEvent.click(screen.getByTestId('coverage-print'));
		await waitFor(() => expect(printed).toBeDefined(), { timeout: 60_000 });
		await waitFor(() => expect(screen.queryByTestId('print-report')).toBeNull());
		const printedPages = within(printed!).getAllByTestId('print-neighbourhood');
		expect(printedPages).toHaveLength(pages.length);
		expect(
			within(printedPages[0]!)
				.getAllByTestId('print-profile-head')
				.map((h) => h.textContent),
		).toEqual([
			'65+ verder dan de norm — Met rollator',
			'65+ verder dan de norm — In een rolstoel',
		]);
		expect(printedPages[0]!.textContent).toContain('De andere profielen');
		// each figure is the engine's for that profile and neighbourhood
		const client = await area.analysis!.client();
		const wheelchair = await client.request('coverage', {
			categoryId: 'pharmacy',
			profile: 'wheelchair',
			unknownMode: 'optimistic',
			normM: 800,
		});
		const wheelchairCells = within(printed!)
			.getAllByTestId('print-beyond65-other')
			.filter(
				(c) =>
					c.dataset.profile === 'wheelchair' && c.closest('tr')?.dataset.category === 'pharmacy',
			);
		const shown = wheelchairCells.map(
			(c) => c.querySelector('[data-testid="print-other-figure"]')!.textContent,
		);
		// a figure resting mostly on unknown data is marked †, and its page says what that means
		const marked = wheelchairCells.map(
			(c) => c.querySelector('[data-testid="print-other-unranked"]') !== null,
		);
		expect(marked).toEqual(wheelchair.summary.map((r) => r.unknownShare > 0.5));
		expect(marked.some(Boolean)).toBe(true);
		for (const [k, cell] of wheelchairCells.entries()) {
			if (!marked[k]) continue;
			const page = cell.closest('[data-testid="print-neighbourhood"]')!;
			expect(page.querySelector('[data-testid="print-other-unranked-note"]')?.textContent).toMatch(
				/^† Grotendeels onbekend: meer dan 50\u00a0% van de weg/,
			);
		}
		const written = (rows: { beyond65: number | null; beyond65Share: number | null }[]) =>
			rows.map(
				(r) =>
					`${Math.round(r.beyond65!).toLocaleString('nl-BE')} (${Math.round(r.beyond65Share! * 100)}\u00a0%)`,
			);
		expect(shown).toEqual(written(wheelchair.summary));

		// a what-if (the first pharmacy switched off): printed again, the other profiles count with
		// it too, so that no profile's figure is of another plan than the analysed one's
		const first = area.data!.places.find((p) => p.categoryIds.includes('pharmacy'))!;
		await fireEvent.click(screen.getAllByTestId('coverage-switch-off')[0]!);
		await waitFor(() =>
			expect(screen.getByTestId('coverage-delta').textContent).toMatch(/^\s*−[\d.]+ inwoners 65\+/),
		);
		// the browser's own print command right after the edit: the other profiles' tables of the
		// plan before are not printed beside it
		window.dispatchEvent(new Event('beforeprint'));
		expect(screen.getAllByTestId('print-neighbourhood').length).toBe(pages.length);
		expect(screen.queryAllByTestId('print-profile-head')).toHaveLength(0);
		window.dispatchEvent(new Event('afterprint'));
		await waitFor(() => expect(screen.queryByTestId('print-report')).toBeNull());
		printed = undefined;
		await fireEvent.click(screen.getByTestId('coverage-print'));
		await waitFor(() => expect(printed).toBeDefined(), { timeout: 60_000 });
		await waitFor(() => expect(screen.queryByTestId('print-report')).toBeNull());
		const wheelchairOff = await client.request('coverage', {
			categoryId: 'pharmacy',
			profile: 'wheelchair',
			unknownMode: 'optimistic',
			normM: 800,
			excludePlaceIds: [first.id],
		});
		const shownOff = within(printed!)
			.getAllByTestId('print-beyond65-other')
			.filter(
				(c) =>
					c.dataset.profile === 'wheelchair' && c.closest('tr')?.dataset.category === 'pharmacy',
			)
			.map((c) => c.querySelector('[data-testid="print-other-figure"]')!.textContent);
		expect(shownOff).toEqual(written(wheelchairOff.summary));
		expect(shownOff).not.toEqual(shown);
		expect(printed!.textContent).toContain('De andere profielen: met dezelfde geplande');
	}, 180_000);
});

describe('RoutePanel', () => {
	it("names the person's own limits in the reasons of the avoided stretches, nl/fr/en", async () => {
		// two sample origins whose walking route takes a path narrower than 1.5 m
		const from: [number, number] = [4.7839222, 51.2696462];
		const to: [number, number] = [4.8590622, 51.2619214];
		const my = 'wheelchair.k2.s5.w1.5.st0.avrough.b-.vusual.uo';
		const { app, i18n } = renderPanel(as(RoutePanel), area, { kind: 'route', from, to });
		try {
			app.setPersonal(my);
			await area.analysis!.setPersonal(my);
			const avoided = await screen.findByTestId('route-avoided', {}, { timeout: 30_000 });
			await waitFor(() => expect(avoided.textContent).toContain('Smaller dan 1,5 m'));
			// the built-in wheelchair profile's 0,9 m is not what this person asked for
			expect(avoided.textContent).not.toContain('0,9 m');
			i18n.lang = 'fr';
			await waitFor(() => expect(avoided.textContent).toContain('Moins de 1,5 m de large'));
			i18n.lang = 'en';
			await waitFor(() => expect(avoided.textContent).toContain('Narrower than 1.5 m'));
		} finally {
			i18n.lang = 'nl';
			app.setPersonal(undefined);
			await area.analysis!.setPersonal(null);
		}
	});
});
