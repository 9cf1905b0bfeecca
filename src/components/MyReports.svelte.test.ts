/**
 * "Mijn meldingen" in the report panel (happy-dom), on the embedded default with the real sample
 * area's municipalities: a stretch drawn outside every municipality is refused and kept; "Aanpassen"
 * draws it again on the map (MapState.drawLine on a stand-in map, tests/helpers/map-stand-in.ts),
 * shows and draws the new stretch, and saving delivers it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { IDBFactory } from 'fake-indexeddb';
import type { Component } from 'svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { standIn } from '../../tests/helpers/map-stand-in.ts';
import { openSampleArea, renderPanel, tilesFetch } from '../../tests/helpers/panels.ts';
import ReportPanel from '../panels/ReportPanel.svelte';
import type { AreaState } from '../state/area-state.svelte.ts';
import { DataState } from '../state/data-state.svelte.ts';
import { MapState } from '../state/map-state.svelte.ts';
import type { Mode } from '../state/modes.ts';

let area: AreaState;
let data: DataState;
let inside: [number, number];

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	vi.stubGlobal('fetch', tilesFetch);
	area = await openSampleArea();
	data = new DataState({});
	await data.useArea(area.tiles!.files.boundaries!.url);
	const boundaries = (await (await tilesFetch(area.tiles!.files.boundaries!.url)).json()) as {
		features: { geometry: Polygon | MultiPolygon }[];
	};
	inside = pointOnFeature(boundaries.features[0]! as never).geometry.coordinates as [
		number,
		number,
	];
}, 60_000);

afterAll(() => vi.unstubAllGlobals());

describe('MyReports', () => {
	it('corrects a refused stretch by drawing it again on the map, then delivers it', async () => {
		const [west] = area.tiles!.bbox;
		const far: [number, number] = [west - 0.05, inside[1]];
		const sent = await data.submitReport({
			kind: 'narrow_path',
			description: 'Te smal, buiten het gebied',
			location: { type: 'LineString', coordinates: [far, [far[0] + 5e-4, far[1]]] },
		});
		expect(sent.refused).toBe(true);

		const map = new MapState();
		const stand = standIn();
		map.attach(stand.map);
		renderPanel(
			ReportPanel as unknown as Component<{ mode: Mode }>,
			area,
			{ kind: 'report' },
			{
				map,
				data,
			},
		);
		const entry = await screen.findByText('Te smal, buiten het gebied');
		const item = entry.closest('li')!;
		expect(item.dataset.state).toBe('refused');
		await fireEvent.click(within(item).getByRole('button', { name: 'Aanpassen' }));
		const where = within(item).getByTestId('my-report-where');
		expect(where.textContent).toMatch(/^Stuk straat: 2 punten, \d+ m$/);
		// the stretch being corrected is drawn on the map
		expect(stand.sources.has('report-edit')).toBe(true);

		await fireEvent.click(within(item).getByTestId('my-report-repick'));
		expect(within(item).getByTestId('my-report-picking')).toBeTruthy();
		stand.fire('click', inside[0], inside[1]);
		stand.fire('click', inside[0] + 3e-4, inside[1]);
		stand.fire('click', inside[0] + 3e-4, inside[1] + 2e-4);
		await waitFor(() => expect(where.textContent).toMatch(/^Stuk straat: 3 punten, \d+ m$/));
		await fireEvent.click(within(item).getByTestId('my-report-draw-done'));
		expect(within(item).queryByTestId('my-report-picking')).toBeNull();
		const drawn = stand.sources.get('report-edit') as {
			data: { features: { geometry: { type: string } }[] };
		};
		expect(drawn.data.features.map((f) => f.geometry.type)).toEqual([
			'LineString',
			'Point',
			'Point',
			'Point',
		]);

		await fireEvent.click(within(item).getByRole('button', { name: 'Opslaan en versturen' }));
		const stored = () => data.myReports.find((r) => r.description === 'Te smal, buiten het gebied');
		await waitFor(() => expect(stored()).toBeDefined());
		expect(data.outbox).toEqual([]);
		expect(stored()!.location).toEqual({
			type: 'LineString',
			coordinates: [
				[Math.round(inside[0] * 1e6) / 1e6, Math.round(inside[1] * 1e6) / 1e6],
				[Math.round((inside[0] + 3e-4) * 1e6) / 1e6, Math.round(inside[1] * 1e6) / 1e6],
				[Math.round((inside[0] + 3e-4) * 1e6) / 1e6, Math.round((inside[1] + 2e-4) * 1e6) / 1e6],
			],
		});
		// the edit is closed, its drawing gone from the map
		await waitFor(() => expect(stand.sources.has('report-edit')).toBe(false));
	});
});
