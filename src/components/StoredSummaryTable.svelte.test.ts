/**
 * The stored table of a reopened analysis (happy-dom): a save keeps the neighbourhoods of the
 * municipality it is saved for only, so the table names those of the analysis it lacks, by
 * municipality and with why, under the stored rows; none left out, no such line.
 */
import { render, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import I18nHost from '../../tests/helpers/I18nHost.svelte';
import { I18n } from '../state/i18n.svelte.ts';
import type { LeftOut, StoredRow } from '../state/saved-analysis.ts';
import StoredSummaryTable from './StoredSummaryTable.svelte';

const row = (code: string, name: string): StoredRow => ({
	code,
	name,
	residents: 400,
	residents65: 100,
	residents80: 30,
	edgeOfDataResidents: 0,
	normM: 800,
	state: 'measured',
	beyondResidents: 100,
	beyond65: 25,
	beyond80: 7,
	beyond65Share: 0.25,
});

const lille: LeftOut = {
	nis: '13019',
	municipality: 'Lille',
	names: ['Gierle (Lille)', 'Lille (wijk)'],
	codes: ['1301901', '1301902'],
};

const host = (
	lang: 'nl' | 'fr' | 'en',
	leftOut: LeftOut[],
	saved: { savedFor?: string; savedForNis?: string } = {
		savedFor: 'Vorselaar',
		savedForNis: '13044',
	},
) =>
	render(I18nHost, {
		props: {
			i18n: new I18n(lang),
			component: StoredSummaryTable as unknown as Component<Record<string, unknown>>,
			props: {
				rows: [row('13044A0', 'Vorselaar-Centrum e.o.'), row('13044A1', 'Sassenhout')],
				computedAt: '2026-12-07T10:00:00Z',
				category: 'Huisarts',
				leftOut,
				...saved,
			},
		},
	});

describe('StoredSummaryTable', () => {
	it('names the neighbourhoods of the analysis it does not hold, and why', () => {
		const { getAllByTestId, getByTestId } = host('nl', [lille]);
		expect(getAllByTestId('stored-row')).toHaveLength(2);
		const note = getByTestId('stored-left-out');
		expect(note.textContent?.trim()).toBe(
			'Niet in deze tabel: Gierle (Lille), Lille (wijk) — de buurten van Lille. De analyse is bewaard voor Vorselaar; alleen de buurten van die gemeente zijn opgeslagen.',
		);
		expect(note.dataset.codes).toBe('1301901,1301902');
	});

	it('says so in French and English too', () => {
		const note = (lang: 'fr' | 'en') =>
			within(host(lang, [lille]).container).getByTestId('stored-left-out').textContent;
		expect(note('fr')).toContain('Absents de ce tableau\u00a0: Gierle (Lille), Lille (wijk)');
		expect(note('en')).toContain('Not in this table: Gierle (Lille), Lille (wijk)');
	});

	it('has no such line when it holds every neighbourhood', () => {
		expect(host('nl', []).queryByTestId('stored-left-out')).toBeNull();
	});

	it('says the neighbourhoods of the municipality saved for that the data lacks are unknown there', () => {
		const own: LeftOut = {
			nis: '13044',
			municipality: 'Vorselaar',
			names: ['Nieuwe wijk'],
			codes: ['13044Z9'],
		};
		const notes = host('nl', [own, lille]).getAllByTestId('stored-left-out');
		expect(notes[0]!.textContent?.trim()).toBe(
			'Niet in deze tabel, want onbekend in de gegevens van Vorselaar: Nieuwe wijk.',
		);
		expect(notes[1]!.textContent).toContain('de buurten van Lille');
	});

	it('leaves out "saved for" when it does not know the municipality saved for', () => {
		const note = host('nl', [lille], {}).getByTestId('stored-left-out').textContent ?? '';
		expect(note).not.toContain('—.');
		expect(note).not.toContain('bewaard voor —');
		expect(note.trim()).toBe(
			'Niet in deze tabel: Gierle (Lille), Lille (wijk) — de buurten van Lille. Alleen de buurten van de gemeente waarvoor de analyse bewaard is, zijn opgeslagen.',
		);
	});
});
