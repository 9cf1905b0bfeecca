/**
 * A long trip in the place details names a public transport stop on the way, with its walking
 * time (happy-dom, the real sample and analysis engine behind a message channel).
 */
import { screen, waitFor } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSampleArea, renderPanel } from '../../tests/helpers/panels.ts';
import { distanceM } from '../analysis/geo.ts';
import type { AreaState } from '../state/area-state.svelte.ts';
import type { Mode } from '../state/modes.ts';
import type { Place } from '../places/place.ts';
import PlacePanel from './PlacePanel.svelte';

let area: AreaState;
let home: [number, number];

beforeAll(async () => {
	area = await openSampleArea();
	const found = await area.data!.search.search('Cardijnlaan 2', 'nl');
	const address = found.groups.flatMap((g) => g.hits).find((h) => h.record.kind === 'address')
		?.record.lngLat;
	if (!address) throw new Error('no address "Cardijnlaan 2" in the sample');
	home = [address[0], address[1]];
}, 60_000);

describe('PlacePanel: a long trip', () => {
	it('by wheelchair to the farthest pharmacy: marked as long, with the stop on the way and its time', async () => {
		const pharmacies = area.data!.places.filter((p) => p.categoryIds.includes('pharmacy'));
		const far = pharmacies.sort(
			(a, b) =>
				distanceM(...home, ...b.lngLat) - distanceM(...home, ...a.lngLat) ||
				a.id.localeCompare(b.id),
		)[0]!;
		const { app } = renderPanel(PlacePanel as unknown as Component<{ mode: Mode }>, area, {
			kind: 'place',
			placeId: far.id,
		});
		app.setProfile('wheelchair');
		app.setOrigin({ lngLat: home, label: 'Cardijnlaan 2' });
		await waitFor(() => expect(screen.getByTestId('long-trip')).toBeTruthy(), { timeout: 30_000 });
		const stop = await screen.findByTestId('stop-on-the-way', {}, { timeout: 30_000 });
		expect(stop.textContent).toMatch(
			/^(Bushalte op de weg: .+, na|Dichtste bushalte: .+,) \d+ min met de rolstoel\.$/,
		);
		// with the lines that call there (every De Lijn stop of the sample has them)
		const withLines = (p: Place) =>
			`: ${p.name} (${p.lines!.length === 1 ? 'lijn' : 'lijnen'} ${p.lines!.join(', ')}),`;
		const named = area.data!.places.find(
			(p) => p.kind === 'bus_stop' && p.lines && stop.textContent!.includes(withLines(p)),
		);
		expect(named, stop.textContent!).toBeDefined();
		const tripMin = Number(
			/^(\d+) min/.exec(screen.getByTestId('walk-time').textContent!.trim())![1],
		);
		const stopMin = Number(/(\d+) min met de rolstoel\.$/.exec(stop.textContent!)![1]);
		expect(tripMin).toBeGreaterThan(30);
		expect(stopMin).toBeLessThan(tripMin);
	});
});
