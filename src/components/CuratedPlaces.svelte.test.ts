/**
 * The coordinators' form for local initiatives (curated places), in happy-dom on the embedded
 * default (fake IndexedDB) with the real sample area: each refused field is named, a saved place is
 * at once in the area's places and search, and an edit changes it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import type { Component } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARE_FUNCTIONS } from '../contracts/taxonomy.ts';
import type { AreaState } from '../state/area-state.svelte.ts';
import type { Mode } from '../state/modes.ts';
import { openSampleArea, renderPanel, tilesFetch } from '../../tests/helpers/panels.ts';
import CuratedPlaces from './CuratedPlaces.svelte';

let area: AreaState;
/** A real address of the sample (Cardijnlaan 2, Vorselaar). */
let home: [number, number];

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	// the device learns the municipalities from the boundaries the pipeline published
	globalThis.fetch = tilesFetch;
	area = await openSampleArea();
	const found = await area.data!.search.search('Cardijnlaan 2', 'nl');
	const address = found.groups.flatMap((g) => g.hits).find((h) => h.record.kind === 'address')
		?.record.lngLat;
	if (!address) throw new Error('no address "Cardijnlaan 2" in the sample');
	home = [address[0], address[1]];
}, 60_000);

const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const alertText = () => screen.getByTestId('curated-error').textContent ?? '';

describe('CuratedPlaces (local initiatives)', () => {
	it('names each refused field, saves an initiative into the places and search, and edits it', async () => {
		const { app, data, curated, i18n } = renderPanel(
			CuratedPlaces as unknown as Component<{ mode: Mode }>,
			area,
			{ kind: 'explore' },
		);
		await data.useArea(area.tiles!.files.boundaries!.url);
		await curated.load();
		expect(screen.getByText('Nog geen lokale initiatieven.')).toBeTruthy();
		await fireEvent.click(await screen.findByTestId('curated-add'));

		// the kinds: the informal initiatives first; the eight care functions with the taxonomy's labels
		const category = screen.getByTestId('curated-category') as HTMLSelectElement;
		expect(category.querySelector('optgroup')?.label).toBe('Buren en vrijwilligers');
		expect(category.value).toBe('neighbour_help');
		const functions = screen.getByTestId('curated-care-functions');
		expect(within(functions).getAllByRole('checkbox')).toHaveLength(8);
		for (const f of CARE_FUNCTIONS)
			expect(within(functions).getByLabelText(f.labels.nl)).toBeTruthy();
		expect(
			within(screen.getByTestId('curated-target-groups')).getAllByRole('checkbox'),
		).toHaveLength(8);

		// refused before saving: the missing name, source and location are named
		await fireEvent.click(screen.getByTestId('curated-save'));
		expect(alertText()).toBe('Vul in: Naam.');
		await fireEvent.input(input('curated-name'), { target: { value: 'Buurtkring Zonnebloem' } });
		await fireEvent.click(screen.getByTestId('curated-save'));
		expect(alertText()).toContain('Bron');
		await fireEvent.input(input('curated-source'), { target: { value: 'gesprek met de OCMW' } });
		await fireEvent.click(screen.getByTestId('curated-save'));
		expect(alertText()).toContain('Kies eerst een plaats');

		// the location at the chosen address
		app.setOrigin({ lngLat: home, label: 'Cardijnlaan 2' });
		await fireEvent.click(await screen.findByTestId('curated-at-address'));
		// named by the address it came from, never as raw coordinates
		expect(screen.getByTestId('curated-location').textContent?.trim()).toBe(
			'Plaats gekozen: Cardijnlaan 2',
		);

		// refused by the data layer: the field is named and what it takes said in the user's
		// language (never the data layer's English "phone is not in the expected form"); nothing
		// is saved
		await fireEvent.input(input('curated-phone'), { target: { value: 'bel maar' } });
		await fireEvent.click(screen.getByTestId('curated-save'));
		await waitFor(() =>
			expect(alertText()).toBe(
				'Telefoon: alleen cijfers, spaties en + . / ( ) -, 6 tot 30 tekens, bijvoorbeeld +32 14 50 00 00.',
			),
		);
		expect(await data.curatedPlaces(curated.areas.map((a) => a.id))).toEqual([]);
		await i18n.setLang('fr');
		await fireEvent.click(screen.getByTestId('curated-save'));
		await waitFor(() =>
			expect(alertText()).toBe(
				'Téléphone\u00a0: uniquement des chiffres, des espaces et + . / ( ) -, de 6 à 30 caractères, par exemple +32 14 50 00 00.',
			),
		);
		await i18n.setLang('nl');
		await fireEvent.input(screen.getByLabelText('E-mail'), {
			target: { value: 'info@zonnebloem' },
		});
		await fireEvent.input(input('curated-phone'), { target: { value: '+32 14 50 00 00' } });
		await fireEvent.click(screen.getByTestId('curated-save'));
		await waitFor(() => expect(alertText()).toBe('E-mail: een adres zoals naam@voorbeeld.be.'));
		await fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: '' } });
		await fireEvent.input(input('curated-phone'), { target: { value: '+32 14 50 00 00' } });
		// opening hours are read by the same parser as place details
		await fireEvent.input(input('curated-hours'), { target: { value: 'Mo-Fr 25:00-99:00' } });
		await fireEvent.click(screen.getByTestId('curated-save'));
		await waitFor(() => expect(alertText()).toContain('openingsuren zijn niet te lezen'));
		await fireEvent.input(input('curated-hours'), { target: { value: 'Tu,Th 14:00-17:00' } });

		await fireEvent.click(within(functions).getByLabelText('Zorgnoden detecteren'));
		await fireEvent.click(within(functions).getByLabelText('Beleidsadvies vanuit de buurt'));
		await fireEvent.click(
			within(screen.getByTestId('curated-target-groups')).getByLabelText('Ouderen'),
		);
		await fireEvent.click(screen.getByTestId('curated-save'));
		await waitFor(() =>
			expect(screen.getByTestId('curated-notice').textContent).toContain('Buurtkring Zonnebloem'),
		);

		// stored on the device in the municipality that holds the point, with what was ticked
		const [saved] = curated.list;
		expect(saved).toMatchObject({
			name: 'Buurtkring Zonnebloem',
			categories: ['neighbour_help'],
			careFunctions: ['detecting_needs', 'policy_advice'],
			targetGroups: ['older_people'],
			openingHours: 'Tu,Th 14:00-17:00',
			phone: '+32 14 50 00 00',
		});
		expect(curated.areas.find((a) => a.id === saved!.areaId)?.name).toBe('Vorselaar');
		expect(screen.getAllByTestId('curated-item')).toHaveLength(1);
		// at once among the area's places and in its search
		expect(area.data!.placesById.get(`curated:${saved!.id}`)?.name).toBe('Buurtkring Zonnebloem');
		const found = await area.data!.search.search('zonnebloem', 'nl');
		expect(found.groups.flatMap((g) => g.hits).map((h) => h.record.id)).toContain(
			`curated:${saved!.id}`,
		);

		// edited: the new name everywhere
		await fireEvent.click(screen.getByTestId('curated-edit'));
		expect(input('curated-name').value).toBe('Buurtkring Zonnebloem');
		// saved without an address of its own: its point is "punt op de kaart", not coordinates
		expect(screen.getByTestId('curated-location').textContent?.trim()).toBe(
			'Plaats gekozen: punt op de kaart',
		);
		await fireEvent.input(input('curated-name'), { target: { value: 'Buurtkring De Zonnebloem' } });
		await fireEvent.click(screen.getByTestId('curated-save'));
		await waitFor(() =>
			expect(screen.getByTestId('curated-item').textContent).toContain('Buurtkring De Zonnebloem'),
		);
		expect(area.data!.placesById.get(`curated:${saved!.id}`)?.name).toBe(
			'Buurtkring De Zonnebloem',
		);
		expect(curated.list).toHaveLength(1);

		// who sees it: the area's team first, then published (residents see it too)
		await waitFor(() => expect(screen.queryByTestId('curated-form')).toBeNull());
		expect(curated.list[0]!.visibility).toBe('area_team');
		expect(screen.getByTestId('curated-item').dataset.visibility).toBe('area_team');
		await fireEvent.click(screen.getByTestId('curated-edit'));
		const who = within(screen.getByTestId('curated-visibility'));
		expect(
			(who.getByLabelText('Het team van de gemeente (nog niet gepubliceerd)') as HTMLInputElement)
				.checked,
		).toBe(true);
		await fireEvent.click(who.getByLabelText('Gepubliceerd: ook bewoners zien het'));
		await fireEvent.click(screen.getByTestId('curated-save'));
		await waitFor(() => expect(screen.queryByTestId('curated-form')).toBeNull(), {
			timeout: 20_000,
		});
		await waitFor(
			() => expect(screen.getByTestId('curated-item').dataset.visibility).toBe('public'),
			{ timeout: 20_000 },
		);
		expect((await data.curatedPlaces(curated.areas.map((a) => a.id)))[0]?.visibility).toBe(
			'public',
		);
	}, 120_000);

	it('picking a point can be stopped by pressing the pick button again', async () => {
		// the button went disabled while picking: the only ways out were a tap on the map (which
		// places the initiative) or closing the form, and a keyboard's focus fell off it
		const { curated } = renderPanel(CuratedPlaces as unknown as Component<{ mode: Mode }>, area, {
			kind: 'explore',
		});
		await curated.load();
		await fireEvent.click(await screen.findByTestId('curated-add'));
		const pick = screen.getByTestId('curated-pick') as HTMLButtonElement;
		expect(pick.getAttribute('aria-pressed')).toBe('false');
		await fireEvent.click(pick);
		// no map here: the pick waits for one, and says so (MapState.pickPoint)
		await waitFor(() => expect(pick.getAttribute('aria-pressed')).toBe('true'));
		expect(pick.disabled).toBe(false);
		const status = screen.getByText(/nog eens op de knop om te stoppen/);
		expect(status.textContent).toContain('De kaart laadt nog');
		await fireEvent.click(pick);
		await waitFor(() => expect(pick.getAttribute('aria-pressed')).toBe('false'));
		expect(screen.queryByText(/nog eens op de knop om te stoppen/)).toBeNull();
		expect(screen.getByTestId('curated-location').textContent?.trim()).toBe(
			'Nog geen plaats gekozen.',
		);
	});
});
