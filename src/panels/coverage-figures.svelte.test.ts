/**
 * The coordinators' table says the same figures everywhere (happy-dom, the real sample area and
 * engine): its neighbourhood rows add up to its total row as written,
 * column by column; the printed report's area figures and the legend's residents at the edge of
 * the data are that total (the table's edge column counts residents, as the stored table's).
 * On the sample, general practitioners on foot: the 80+ rows, each rounded, add up to 659 where
 * the exact sum rounds to 658 — the total row used to say 658.
 */
import { screen, waitFor, within } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import type { Component } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSampleArea, renderPanel } from '../../tests/helpers/panels.ts';
import type { AreaState } from '../state/area-state.svelte.ts';
import type { Mode } from '../state/modes.ts';
import CoveragePanel from './CoveragePanel.svelte';

const as = (c: unknown) => c as Component<{ mode: Mode }>;
let area: AreaState;

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	area = await openSampleArea();
}, 60_000);

/** A count as the Dutch table writes it ("1.234"), as a number. */
const count = (text: string) => Number(text.trim().replace(/\./g, ''));
/** The count of a cell: its figure (before the share in brackets), or the cell's whole text. */
const cellCount = (row: Element, col: string) => {
	const cell = row.querySelector(`[data-col="${col}"]`)!;
	return count((cell.querySelector('[data-testid="count"]') ?? cell).textContent!);
};
const COUNTED = ['residents', 'beyond', 'beyond65', 'beyond80', 'edge'] as const;

async function gpOnFoot() {
	const rendered = renderPanel(as(CoveragePanel), area, {
		kind: 'coverage',
		categoryIds: ['gp'],
		categoryId: 'gp',
		unknownMode: 'optimistic',
		norms: {},
	});
	const status = screen.getByTestId('coverage-status');
	await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });
	return rendered;
}

describe('CoveragePanel: the table adds up', () => {
	it('writes each column’s total as the sum of its rows as written; the printed report and the legend say the same', async () => {
		const { unmount } = await gpOnFoot();
		const table = screen.getByTestId('coverage-table');
		const rows = within(table).getAllByTestId('coverage-row');
		const total = within(table).getByTestId('coverage-total');
		const sums = Object.fromEntries(
			COUNTED.map((c) => [c, rows.reduce((s, r) => s + cellCount(r, c), 0)]),
		);
		const totals = Object.fromEntries(COUNTED.map((c) => [c, cellCount(total, c)]));
		expect(totals).toEqual(sums);
		expect(totals.beyond80).toBe(659);
		// the legend's residents at the edge of the data: the edge column's total
		const edge = screen.getByTestId('coverage-edge').textContent!;
		expect(edge).toContain(`${totals.edge!.toLocaleString('nl')} inwoners`);
		// the printed report's area figures: the same total
		window.dispatchEvent(new Event('beforeprint'));
		const printed = await screen.findByTestId('print-total-beyond65');
		expect(count(/^[\d.]+/.exec(printed.textContent!.trim())![0])).toBe(totals.beyond65);
		window.dispatchEvent(new Event('afterprint'));
		unmount();
	}, 60_000);
});
