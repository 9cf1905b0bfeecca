/**
 * The stored table of a reopened analysis (happy-dom): a save keeps the neighbourhoods of the
 * municipality it is saved for only, so the table names those of the analysis it lacks, by
 * municipality and with why, under the stored rows; none left out, no such line. On the sample
 * (its engine, general practitioners on foot, saved): the live table's columns with their meaning
 * (the edge of the data in residents), its order and its total row, figure for figure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import I18nHost from '../../tests/helpers/I18nHost.svelte';
import { decodeAnalysisBundle } from '../analysis/bundle.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { summarizeByNeighbourhood } from '../analysis/summary.ts';
import { categoryById } from '../contracts/taxonomy.ts';
import { I18n } from '../state/i18n.svelte.ts';
import {
	recordOf,
	storedRowsOf,
	summariesOf,
	type LeftOut,
	type StoredRow,
} from '../state/saved-analysis.ts';
import CoverageTable from './CoverageTable.svelte';
import StoredSummaryTable from './StoredSummaryTable.svelte';

const row = (code: string, name: string): StoredRow => ({
	code,
	neighbourhoodId: code,
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
	beyondShare: 0.25,
	beyond65Share: 0.25,
	beyond80Share: 7 / 30,
	unknownShare: 0.1,
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
				unknownMode: 'optimistic',
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

/** A table's column headers, without the sort marks. */
const headers = (table: HTMLElement) =>
	within(table)
		.getAllByRole('columnheader')
		.map((h) => h.textContent!.replace(/[▼▲]/g, '').replace(/\s+/g, ' ').trim());
/** Each row (the total row too): its neighbourhood and the text of its figures, by column. */
const figures = (table: HTMLElement) =>
	[...table.querySelectorAll('tbody tr, tfoot tr')].map((r) => [
		(r as HTMLElement).dataset.neighbourhood ?? 'total',
		...[...r.querySelectorAll('td')].map((td) => `${td.dataset.col}:${td.textContent!.trim()}`),
	]);

describe('StoredSummaryTable on the sample: reads as the live table did when saved', () => {
	it('has its columns, their meaning, its order and its total row', () => {
		const bundle = decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
		);
		const { result } = new AnalysisEngine(bundle).coverage({
			categoryId: 'gp',
			profile: 'walking',
			unknownMode: 'optimistic',
		});
		const normM = categoryById('gp').defaultNormM;
		const summary = summarizeByNeighbourhood(bundle, result, normM);
		const params = {
			categoryIds: ['gp'],
			profile: 'walking' as const,
			unknownMode: 'optimistic' as const,
			norms: {},
		};
		const record = recordOf(SAMPLE_AREA, {
			params,
			results: [
				{
					categoryId: 'gp',
					normM,
					state: 'measured',
					placeCount: result.placeCount,
					summary,
					baseSummary: summary,
				},
			],
			whatIf: undefined,
			whatIfs: [],
		});
		// saved for every neighbourhood of the area (the database knows each by its code)
		const named = summary.filter((r) => r.neighbourhoodId !== '');
		const summaries = summariesOf(
			record,
			named.map((r) => ({ id: `db-${r.neighbourhoodId}`, code: r.neighbourhoodId })),
		);
		const names = new Map(named.map((r) => [r.neighbourhoodId, r.name]));
		const render2 = (component: unknown, props: Record<string, unknown>) =>
			render(I18nHost, {
				props: {
					i18n: new I18n('nl'),
					component: component as Component<Record<string, unknown>>,
					props: { onzoom: () => {}, unknownMode: 'optimistic', ...props },
				},
			}).container.querySelector('table')!;
		const live = render2(CoverageTable, { rows: named, caption: 'Huisarts' });
		const stored = render2(StoredSummaryTable, {
			rows: storedRowsOf(summaries, 'gp', names),
			computedAt: '2026-12-07T10:00:00Z',
			category: 'Huisarts',
		});
		expect(headers(stored)).toEqual(headers(live));
		expect(headers(live)).toContain('Rand van de gegevens (inwoners)');
		expect(figures(live).length).toBeGreaterThan(2);
		expect(figures(stored)).toEqual(figures(live));
	});
});
