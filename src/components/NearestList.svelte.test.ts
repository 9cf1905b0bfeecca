/**
 * A kind of help with no place in the area (happy-dom, the sample's built areas in tiles/): the
 * panel looks in the neighbouring municipalities' data and says what it found, or that there was
 * nothing, naming the areas it read.
 */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import I18nHost from '../../tests/helpers/I18nHost.svelte';
import {
	openSampleArea,
	ORIGIN,
	renderPanel,
	testAreaState,
	tilesFetch,
} from '../../tests/helpers/panels.ts';
import { CATEGORIES } from '../contracts/taxonomy.ts';
import { parseAreaIndex } from '../data/area-index.ts';
import { loadNeighbourHelp } from '../data/neighbour-help.ts';
import NearestPanel from '../panels/NearestPanel.svelte';
import { I18n } from '../state/i18n.svelte.ts';
import type { Mode } from '../state/modes.ts';
import NearestList from './NearestList.svelte';

const as = (c: unknown) => c as Component<{ mode: Mode }>;

describe('an empty kind: the same help in neighbouring municipalities', () => {
	it('in Vorselaar alone, reads Lille’s data and says that it holds no local service centre either', async () => {
		const area = testAreaState();
		await area.start('vorselaar');
		renderPanel(as(NearestPanel), area, { kind: 'nearest', categoryId: 'local_service_centre' });
		const section = screen.getByTestId('neighbour-help');
		expect(within(section).getByRole('heading').textContent).toBe(
			'Dezelfde hulp in de buurgemeenten',
		);
		await waitFor(
			() =>
				expect(within(section).getByRole('status').textContent).toMatch(
					/^Ook de kaartgegevens van de buurgemeenten \(Lille\) bevatten geen “Lokaal dienstencentrum”\.$/,
				),
			{ timeout: 30_000 },
		);
		area.data?.search.dispose();
		area.analysis?.dispose();
	});

	it('lists the nearest places found there with their municipality and distance, and a call link', async () => {
		const areas = parseAreaIndex(await (await tilesFetch(`${ORIGIN}/tiles/areas.json`)).json());
		const vorselaar = areas.find((a) => a.id === 'vorselaar')!;
		const from: [number, number] = [4.77, 51.2];
		const pharmacy = CATEGORIES.find((c) => c.id === 'pharmacy')!;
		render(I18nHost, {
			props: {
				i18n: new I18n('nl'),
				component: NearestList as unknown as Component<Record<string, unknown>>,
				props: {
					category: pharmacy,
					// as if the area had no pharmacy: Lille's (a built neighbour) are offered
					places: [],
					areaName: vorselaar.name,
					municipalities: vorselaar.municipalities,
					origin: undefined,
					profile: 'walking',
					analysis: undefined,
					findNeighbours: (signal: AbortSignal) =>
						loadNeighbourHelp(areas, vorselaar, 'pharmacy', from, ORIGIN, tilesFetch, signal),
					onlocate: () => {},
					onselect: () => {},
					onclose: () => {},
				},
			},
		});
		const found = await screen.findAllByTestId('neighbour-place', {}, { timeout: 30_000 });
		expect(found).toHaveLength(3);
		const km = found.map((f) => {
			expect(f.textContent).toMatch(/Lille, \d+(,\d)? km in vogelvlucht/);
			return Number(/(\d+(?:,\d)?) km/.exec(f.textContent!)![1]!.replace(',', '.'));
		});
		expect(km).toEqual([...km].sort((a, b) => a - b));
		const calls = screen.getAllByRole('link', { name: /^Bel / });
		for (const c of calls) expect(c.getAttribute('href')).toMatch(/^tel:\+?\d+$/);
	});
});

describe('the list on screen', () => {
	it('stays while the same question is asked again, and clears at once for another one', async () => {
		const area = await openSampleArea();
		const { app } = renderPanel(as(NearestPanel), area, {
			kind: 'nearest',
			categoryId: 'pharmacy',
		});
		// every question the panel asks the worker, awaited below (the real worker answers)
		const asked: Promise<unknown>[] = [];
		const analysis = area.analysis!;
		const nearest = analysis.nearest.bind(analysis);
		analysis.nearest = (...args) => {
			const answer = nearest(...args);
			asked.push(answer.catch(() => undefined));
			return answer;
		};
		// two real points of the sample: its first two pharmacies
		const [a, b] = area.data!.places.filter((p) => p.categoryIds.includes('pharmacy'));
		app.setOrigin({ lngLat: a!.lngLat, label: 'A' });
		await waitFor(() => expect(screen.getAllByTestId('nearest-place').length).toBeGreaterThan(0), {
			timeout: 60_000,
		});
		const before = screen.getAllByTestId('nearest-place').map((e) => e.textContent);
		let gone = 0;
		const observer = new MutationObserver(() => {
			if (!screen.queryByTestId('nearest-list')) gone++;
		});
		observer.observe(document.body, { subtree: true, childList: true });

		// the same question again: the area's data replaced by an equal one (as when it is read again)
		const count = asked.length;
		area.data = { ...area.data! };
		await waitFor(() => expect(asked.length).toBe(count + 1));
		await Promise.all(asked);
		await waitFor(() =>
			expect(screen.getAllByTestId('nearest-place').map((e) => e.textContent)).toEqual(before),
		);
		expect(gone).toBe(0);

		// another question: the old answer leaves at once
		app.setOrigin({ lngLat: b!.lngLat, label: 'B' });
		await waitFor(() => expect(gone).toBeGreaterThan(0));
		await waitFor(() => expect(screen.getAllByTestId('nearest-place').length).toBeGreaterThan(0), {
			timeout: 60_000,
		});
		observer.disconnect();
		area.data?.search.dispose();
		area.analysis?.dispose();
	}, 120_000);
});

describe('an empty kind: the help lines of the resident’s own municipality', () => {
	/** Kerkstraat 1, Lille: a real address point of the sample (CRAB). */
	const LILLE: [number, number] = [4.8236895, 51.2381459];
	/** Gemeentehuis Vorselaar (OSM n1272066637). */
	const VORSELAAR: [number, number] = [4.7736606, 51.20179];
	const lineNames = () =>
		screen.getAllByTestId('help-line').map((l) => l.querySelector('.name')!.textContent);

	it('from an address in Lille offers no line of Vorselaar; from Vorselaar, Vorselaar’s own', async () => {
		const area = await openSampleArea();
		// home care: no place of it in the sample's data
		expect(area.data!.places.some((p) => p.categoryIds.includes('home_care'))).toBe(false);
		const { app } = renderPanel(as(NearestPanel), area, {
			kind: 'nearest',
			categoryId: 'home_care',
		});
		app.setOrigin({ lngLat: LILLE, label: 'Kerkstraat 1' });
		const nearest = screen.getByTestId('nearest');
		await waitFor(() =>
			expect(within(nearest).getAllByRole('heading', { level: 3 })[0]!.textContent?.trim()).toBe(
				'Hier kan je wel terecht vanuit Lille:',
			),
		);
		expect(lineNames()).toEqual(['Huisarts van wacht (1733)']);
		for (const line of screen.getAllByTestId('help-line'))
			expect(line.textContent).not.toContain('Vorselaar');
		// Lille's social house is a place on the map (OSM "OCMW", by Kerkstraat 22): offered, and opens
		const [ocmw, ...more] = screen.getAllByTestId('own-service');
		expect(more).toHaveLength(0);
		expect(ocmw!.querySelector('.name')!.textContent).toBe('OCMW');
		expect(ocmw!.textContent).toContain('Voor wie in Lille woont');
		expect(ocmw!.textContent).toContain('bij Kerkstraat 22');
		within(ocmw!).getByRole('button', { name: 'Toon op de kaart' }).click();
		await waitFor(() => expect(app.mode).toMatchObject({ kind: 'place', placeId: 'n2360236480' }));
		app.setMode({ kind: 'nearest', categoryId: 'home_care' });

		app.setOrigin({ lngLat: VORSELAAR, label: 'Markt 13' });
		await waitFor(() =>
			expect(lineNames()).toEqual(['OCMW Vorselaar', 'Huisarts van wacht (1733)']),
		);
		// Vorselaar's data hold no social house as a place; Lille's is not offered
		expect(screen.queryAllByTestId('own-service')).toHaveLength(0);
		expect(within(nearest).getAllByRole('heading', { level: 3 })[0]!.textContent?.trim()).toBe(
			'Hier kan je wel terecht vanuit Vorselaar:',
		);
		area.data?.search.dispose();
		area.analysis?.dispose();
	}, 60_000);

	it('with no origin, says which municipality a line is for, and how old an old source is', async () => {
		const area = await openSampleArea();
		renderPanel(as(NearestPanel), area, { kind: 'nearest', categoryId: 'home_care' });
		await waitFor(() => expect(lineNames()).toContain('OCMW Vorselaar'));
		const ocmw = screen.getAllByTestId('help-line').find((l) => l.textContent!.includes('OCMW'))!;
		expect(within(ocmw).getByText('Voor wie in Vorselaar woont')).toBeTruthy();
		// and the social house on the map says it is Lille's
		const [house] = screen.getAllByTestId('own-service');
		expect(within(house!).getByText('Voor wie in Lille woont')).toBeTruthy();
		// its source is a news article of 5 May 2020: its date is said plainly, with its age
		const now = new Date();
		const years =
			now.getUTCFullYear() - 2020 - (now < new Date(`${now.getUTCFullYear()}-05-05`) ? 1 : 0);
		expect(within(ocmw).getByRole('link', { name: /^Bron: HLN: .+ \(5 mei 2020\)$/ })).toBeTruthy();
		expect(within(ocmw).getByTestId('old-source').textContent).toBe(
			`Let op: deze bron is van 5 mei 2020, ${years} jaar geleden. Kijk na of het nog klopt.`,
		);
		// a national line says no municipality
		const gp = screen.getAllByTestId('help-line').find((l) => l.textContent!.includes('1733'))!;
		expect(gp.textContent).not.toContain('Voor wie in');
		area.data?.search.dispose();
		area.analysis?.dispose();
	}, 60_000);
});
