/**
 * The neighbourhood table's mark for estimated ages (happy-dom): where 65+ and 80+ come from the
 * municipality's age shares, a neighbourhood's share of them beyond the norm is that of all its
 * residents, and the table says so: the 65+ and 80+ headers carry an asterisk when every
 * neighbourhood is estimated, the names of those estimated when only some are, with the note
 * under the table; none estimated, no mark and no note. (The sample's figures, all estimated, in
 * src/panels/panels.svelte.test.ts.)
 */
import { render, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import I18nHost from '../../tests/helpers/I18nHost.svelte';
import { blankSummary, type NeighbourhoodSummary } from '../analysis/summary.ts';
import { I18n } from '../state/i18n.svelte.ts';
import CoverageTable from './CoverageTable.svelte';

/** A measured row: 400 residents, 100 of them 65+, 30 80+; a quarter of each beyond the norm. */
const row = (id: string, name: string): NeighbourhoodSummary => ({
	...blankSummary(id, name, 1),
	residents: 400,
	residents65: 100,
	residents80: 30,
	beyondResidents: 100,
	beyond65: 25,
	beyond80: 7.5,
	beyondShare: 0.25,
	beyond65Share: 0.25,
	beyond80Share: 0.25,
});

const rows = [row('1', 'Heide'), row('2', 'Gierle'), row('', '')];
const NOTE = '* geschat';
const SOME = '* sommige geschat';

const host = (estimated: string[]) =>
	render(I18nHost, {
		props: {
			i18n: new I18n('nl'),
			component: CoverageTable as unknown as Component<Record<string, unknown>>,
			props: {
				rows,
				caption: 'Apotheek',
				onzoom: () => {},
				estimated: new Set(estimated),
				estimatedNotes: { all: NOTE, some: SOME },
			},
		},
	});

const headers = (c: HTMLElement) =>
	within(c)
		.getAllByRole('columnheader')
		.map((h) => h.textContent!.replace(/[▼▲]/g, '').replace(/\s+/g, ' ').trim());

describe('CoverageTable: estimated ages', () => {
	it('marks the 65+ and 80+ headers when every neighbourhood is estimated, with the note', () => {
		const { container, getByTestId, queryAllByTestId } = host(['1', '2']);
		expect(headers(container)).toEqual([
			'Buurt',
			'65+ verder*',
			'80+ verder*',
			'Inwoners meegeteld',
			'Verder dan de norm',
			'Rand van de gegevens (inwoners)',
		]);
		expect(queryAllByTestId('coverage-row-estimated')).toHaveLength(0);
		expect(getByTestId('coverage-ages-note').textContent).toBe(NOTE);
	});

	it('marks the names of the neighbourhoods estimated when only some are', () => {
		const { container, getByTestId, getAllByTestId } = host(['2']);
		expect(headers(container)[1]).toBe('65+ verder');
		expect(
			getAllByTestId('coverage-row-estimated').map((m) => m.closest('tr')!.dataset.neighbourhood),
		).toEqual(['2']);
		expect(getByTestId('coverage-ages-note').textContent).toBe(SOME);
	});

	it('marks nothing where every neighbourhood has its own age table', () => {
		const { container, queryByTestId, queryAllByTestId } = host([]);
		expect(headers(container)[1]).toBe('65+ verder');
		expect(queryAllByTestId('coverage-row-estimated')).toHaveLength(0);
		expect(queryByTestId('coverage-ages-note')).toBeNull();
	});
});
