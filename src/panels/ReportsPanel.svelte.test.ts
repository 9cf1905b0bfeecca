/**
 * The planners' triage panel (mode `reports`) in happy-dom, on the embedded default (the device's
 * one user plans every area) with the real sample area's municipalities: filters by status, kind
 * and age into the mode (the URL), paging by 50, choosing a report, acknowledging with a note the
 * reporter reads, resolving, rejecting, and the CSV download of the filtered reports.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { IDBFactory } from 'fake-indexeddb';
import Papa from 'papaparse';
import type { Component } from 'svelte';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSampleArea, renderPanel, tilesFetch } from '../../tests/helpers/panels.ts';
import type { AreaState } from '../state/area-state.svelte.ts';
import { DataState } from '../state/data-state.svelte.ts';
import { MapState } from '../state/map-state.svelte.ts';
import type { Mode, ModeOf } from '../state/modes.ts';
import ReportsPanel from './ReportsPanel.svelte';

const OLD = 5;
const RECENT = 52;
const DAY_MS = 86_400_000;

let area: AreaState;
let data: DataState;

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	vi.stubGlobal('fetch', tilesFetch);
	area = await openSampleArea();
	data = new DataState({});
	await data.useArea(area.tiles!.files.boundaries!.url);
	// points inside the municipality the panel opens first, from its boundary as the pipeline
	// published it
	const [first] = await data.triageAreas(area.tiles!.municipalities.map((m) => m.nis));
	const boundaries = (await (await tilesFetch(area.tiles!.files.boundaries!.url)).json()) as {
		features: { properties: { name: string }; geometry: Polygon | MultiPolygon }[];
	};
	const shape = boundaries.features.find((f) => f.properties.name === first?.name);
	if (!shape) throw new Error(`no boundary for ${first?.name}`);
	const [x, y] = pointOnFeature(shape as never).geometry.coordinates as [number, number];
	const at = (i: number): [number, number] => {
		const p: [number, number] = [x + (i % 10) * 1e-4, y + Math.floor(i / 10) * 1e-4];
		if (!booleanPointInPolygon(p, shape.geometry)) throw new Error(`${p} lies outside`);
		return p;
	};
	// a few reports of 40 days ago (only the clock is moved), then the recent ones
	vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 40 * DAY_MS });
	for (let i = 0; i < OLD; i++)
		await data.submitReport({
			kind: 'high_kerb',
			description: `oud ${i}`,
			location: { type: 'Point', coordinates: at(i) },
		});
	vi.useRealTimers();
	for (let i = OLD; i < OLD + RECENT; i++)
		await data.submitReport({
			kind: i % 2 === 0 ? 'broken_sidewalk' : 'missing_kerb_ramp',
			description: i === OLD + 1 ? '=HYPERLINK("http://x")' : `melding ${i}`,
			location: { type: 'Point', coordinates: at(i) },
		});
	expect(data.outbox).toEqual([]);
}, 120_000);

afterEach(() => vi.restoreAllMocks());
afterAll(() => vi.unstubAllGlobals());

function renderReports(mode: ModeOf<'reports'>) {
	const map = new MapState();
	const flights: [number, number][] = [];
	vi.spyOn(map, 'flyTo').mockImplementation((lngLat) => void flights.push(lngLat));
	const { app } = renderPanel(ReportsPanel as unknown as Component<{ mode: Mode }>, area, mode, {
		map,
		data,
	});
	return { app, map, flights };
}

const count = () => screen.getByTestId('reports-count').textContent;
const items = () => screen.getAllByTestId('reports-item');

describe('ReportsPanel on the device', () => {
	it('pages by 50 and filters by status, kind and age into the mode', async () => {
		const { app } = renderReports({ kind: 'reports' });
		expect(
			await screen.findByText('Op dit toestel ben jij de planner van elke gemeente.'),
		).toBeTruthy();
		const total = OLD + RECENT;
		await waitFor(() => expect(count()).toBe(`1–50 van ${total} meldingen`));
		expect(items()).toHaveLength(50);
		expect(screen.getByText(`1 / 2`)).toBeTruthy();

		await fireEvent.click(screen.getByTestId('reports-next'));
		expect(app.mode).toEqual({ kind: 'reports', page: 2 });
		// while page 2 loads, the range is still page 1's (it said "51–100" over page 1's reports)
		expect(count()).toMatch(new RegExp(`^(1–50|51–${total}) van ${total} meldingen$`));
		await waitFor(() => expect(count()).toBe(`51–${total} van ${total} meldingen`));
		expect(items()).toHaveLength(total - 50);
		expect((screen.getByTestId('reports-next') as HTMLButtonElement).disabled).toBe(true);
		await fireEvent.click(screen.getByTestId('reports-previous'));
		expect(app.mode).toEqual({ kind: 'reports' });

		// a filter goes back to the first page
		await fireEvent.click(screen.getByTestId('reports-next'));
		await fireEvent.change(screen.getByTestId('reports-kind'), {
			target: { value: 'missing_kerb_ramp' },
		});
		expect(app.mode).toEqual({ kind: 'reports', barrier: 'missing_kerb_ramp' });
		const ramps = RECENT / 2;
		await waitFor(() => expect(count()).toBe(`1–${ramps} van ${ramps} meldingen`));
		expect(screen.queryByTestId('reports-next')).toBeNull();

		await fireEvent.change(screen.getByTestId('reports-kind'), { target: { value: '' } });
		await fireEvent.change(screen.getByTestId('reports-age'), { target: { value: '30' } });
		expect(app.mode).toEqual({ kind: 'reports', ageDays: 30 });
		await waitFor(() => expect(count()).toBe(`1–50 van ${RECENT} meldingen`));
		await fireEvent.change(screen.getByTestId('reports-age'), { target: { value: '' } });
		await fireEvent.change(screen.getByTestId('reports-kind'), { target: { value: 'high_kerb' } });
		await waitFor(() => expect(count()).toBe(`1–${OLD} van ${OLD} meldingen`));

		await fireEvent.change(screen.getByTestId('reports-status'), { target: { value: 'resolved' } });
		expect(app.mode).toEqual({ kind: 'reports', barrier: 'high_kerb', status: 'resolved' });
		expect(await screen.findByTestId('reports-none')).toBeTruthy();
	});

	it('acknowledges a chosen report with a note the reporter reads, resolves it, rejects another', async () => {
		const { app, flights } = renderReports({ kind: 'reports', barrier: 'high_kerb' });
		await waitFor(() => expect(items()).toHaveLength(OLD));
		const [first, second] = items() as [HTMLElement, HTMLElement];
		const id = first.dataset.id!;
		await fireEvent.click(within(first).getByRole('button'));
		expect(app.mode).toEqual({ kind: 'reports', barrier: 'high_kerb', reportId: id });
		expect(flights).toHaveLength(1);
		const actions = await screen.findByTestId('reports-actions');
		await fireEvent.input(within(actions).getByTestId('reports-note'), {
			target: { value: 'We bekijken het' },
		});
		await fireEvent.click(within(actions).getByRole('button', { name: 'In behandeling nemen' }));
		expect((await screen.findByTestId('reports-saved')).textContent).toContain('In behandeling');
		await waitFor(() =>
			expect(screen.getAllByTestId('reports-item')[0]!.dataset.status).toBe('acknowledged'),
		);
		// the reporter (this device) reads the status and the note
		const mine = data.myReports.find((r) => r.id === id)!;
		expect(mine).toMatchObject({ status: 'acknowledged', plannerNote: 'We bekijken het' });
		// acknowledged: no second acknowledge; resolve
		const again = screen.getByTestId('reports-actions');
		expect(within(again).queryByRole('button', { name: 'In behandeling nemen' })).toBeNull();
		await fireEvent.click(within(again).getByRole('button', { name: 'Opgelost' }));
		await waitFor(() => expect(data.myReports.find((r) => r.id === id)!.status).toBe('resolved'));
		await waitFor(() =>
			expect(screen.queryAllByRole('button', { name: 'Afwijzen' })).toHaveLength(0),
		);

		// another one rejected
		await fireEvent.click(within(second).getAllByRole('button')[0]!);
		const other = await screen.findByTestId('reports-actions');
		await fireEvent.click(within(other).getByRole('button', { name: 'Afwijzen' }));
		await waitFor(() =>
			expect(data.myReports.find((r) => r.id === second.dataset.id)!.status).toBe('rejected'),
		);

		// the status filter now finds them
		await fireEvent.change(screen.getByTestId('reports-status'), { target: { value: 'resolved' } });
		await waitFor(() => expect(items().map((li) => li.dataset.id)).toEqual([id]));
	});

	it('downloads the filtered reports as safe CSV', async () => {
		renderReports({ kind: 'reports', barrier: 'broken_sidewalk' });
		await waitFor(() => expect(count()).toBe(`1–${RECENT / 2} van ${RECENT / 2} meldingen`));
		const blobs: Blob[] = [];
		vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
			blobs.push(b as Blob);
			return 'blob:reports';
		});
		let name = '';
		vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
			this: HTMLAnchorElement,
		) {
			name = this.download;
		});
		await fireEvent.click(screen.getByTestId('reports-export-csv'));
		await waitFor(() => expect(blobs).toHaveLength(1));
		expect(name).toMatch(/^meldingen-.+\.csv$/);
		const rows = Papa.parse<Record<string, string>>(
			(await blobs[0]!.text()).replace(/^\uFEFF/, ''),
			{
				header: true,
				skipEmptyLines: true,
			},
		).data;
		expect(rows).toHaveLength(RECENT / 2);
		expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['broken_sidewalk']));
		// the formula a reporter typed stays text
		expect(rows.find((r) => r.description?.includes('HYPERLINK'))?.description).toBe(
			`'=HYPERLINK("http://x")`,
		);
	});

	it('while the next page loads, the old list stays, marked busy, under a loading line; then the new one', async () => {
		// The old list stood with no word while the next page was read (seconds on a slow network).
		const total = OLD + RECENT;
		const read = data.areaReports.bind(data);
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let calls = 0;
		vi.spyOn(data, 'areaReports').mockImplementation(async (...args) => {
			if (calls++ > 0) await held;
			return read(...args);
		});
		renderReports({ kind: 'reports' });
		await waitFor(() => expect(count()).toBe(`1–50 van ${total} meldingen`));
		const list = screen.getByTestId('reports-list');
		expect(list.getAttribute('aria-busy')).toBe('false');
		expect(screen.queryByTestId('reports-loading')).toBeNull();
		const firstIds = items().map((li) => li.dataset.id);
		await fireEvent.click(screen.getByTestId('reports-next'));
		const loading = await screen.findByTestId('reports-loading');
		expect(loading.textContent?.trim()).toBe('Meldingen worden geladen…');
		expect(loading.getAttribute('role')).toBe('status');
		expect(screen.getByTestId('reports-list').getAttribute('aria-busy')).toBe('true');
		expect(items().map((li) => li.dataset.id)).toEqual(firstIds);
		release();
		await waitFor(() => expect(count()).toBe(`51–${total} van ${total} meldingen`));
		expect(screen.queryByTestId('reports-loading')).toBeNull();
		expect(screen.getByTestId('reports-list').getAttribute('aria-busy')).toBe('false');
	});

	it('after "Geen meldingen met deze filters.", a new filter loads under the loading line too', async () => {
		// The loading line was shown only with a list on screen: after an empty result a new filter
		// loaded with no word.
		// none of this file's reports is withdrawn
		renderReports({ kind: 'reports', status: 'withdrawn' });
		expect(await screen.findByTestId('reports-none')).toBeTruthy();
		expect(screen.queryByTestId('reports-loading')).toBeNull();
		const read = data.areaReports.bind(data);
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		vi.spyOn(data, 'areaReports').mockImplementation(async (...args) => {
			await held;
			return read(...args);
		});
		await fireEvent.change(screen.getByTestId('reports-status'), { target: { value: '' } });
		const loading = await screen.findByTestId('reports-loading');
		expect(loading.textContent?.trim()).toBe('Meldingen worden geladen…');
		expect(loading.getAttribute('role')).toBe('status');
		release();
		const total = OLD + RECENT;
		await waitFor(() => expect(count()).toBe(`1–50 van ${total} meldingen`));
		expect(screen.queryByTestId('reports-loading')).toBeNull();
		expect(screen.queryByTestId('reports-none')).toBeNull();
	});

	it('the municipalities not read: says why with a retry, and a retry that reads them clears it', async () => {
		// The error was kept in the pages' state and shown only once the municipalities were read:
		// their failure showed "Meldingen worden geladen…" for ever, and a later success never
		// cleared it.
		vi.spyOn(data, 'triageAreas').mockRejectedValueOnce(new Error('netwerk weg'));
		renderReports({ kind: 'reports' });
		const error = await screen.findByTestId('reports-load-error');
		expect(error.getAttribute('role')).toBe('alert');
		expect(error.textContent).toContain('De meldingen konden niet geladen worden (netwerk weg).');
		await fireEvent.click(within(error).getByRole('button', { name: 'Opnieuw proberen' }));
		await waitFor(() => expect(count()).toMatch(/^1–50 van \d+ meldingen$/));
		expect(screen.queryByTestId('reports-load-error')).toBeNull();
	});

	it('a page past the end (its last report triaged out of the filter, an old link) opens the last page', async () => {
		// It said "51–50 van 50 meldingen" with nothing listed and, on one page, no way back.
		const total = OLD + RECENT;
		const { app } = renderReports({ kind: 'reports', page: 9 });
		await waitFor(() => expect(count()).toBe(`51–${total} van ${total} meldingen`));
		expect(app.mode).toEqual({ kind: 'reports', page: 2 });
		expect(items()).toHaveLength(total - 50);
	});
});
