/**
 * The panel of a help line chosen in the search (happy-dom, the sample area as built in tiles/):
 * its number to call and source, the kinds it is for that the map has places of, and an honest
 * answer for a link to a line the data no longer hold.
 */
import { screen, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import { openSampleArea, renderPanel } from '../../tests/helpers/panels.ts';
import type { Mode } from '../state/modes.ts';
import LinePanel from './LinePanel.svelte';

const as = (c: unknown) => c as Component<{ mode: Mode }>;

describe('a help line’s panel', () => {
	it('calls the line, and opens the nearest places of the kinds it is for that the map has', async () => {
		const area = await openSampleArea();
		const { app } = renderPanel(as(LinePanel), area, { kind: 'line', lineId: '1733' });
		const panel = screen.getByTestId('help-line-panel');
		expect(within(panel).getByRole('heading', { level: 2 }).textContent?.trim()).toBe(
			'Huisarts van wacht (1733)',
		);
		expect(within(panel).getByRole('link', { name: 'Bel 1733' }).getAttribute('href')).toBe(
			'tel:1733',
		);
		// home care and physiotherapy have no place in the sample: not offered
		const kinds = within(panel.querySelector('.kinds') as HTMLElement)
			.getAllByRole('button')
			.map((b) => b.textContent?.trim());
		expect(kinds).toEqual(['Huisarts', 'Apotheek', 'Tandarts', 'Ziekenhuis']);
		within(panel).getByRole('button', { name: 'Apotheek' }).click();
		expect(app.mode).toEqual({ kind: 'nearest', categoryId: 'pharmacy' });
		area.data?.search.dispose();
		area.analysis?.dispose();
	});

	it('says so when a link names a line the data do not hold', async () => {
		const area = await openSampleArea();
		renderPanel(as(LinePanel), area, { kind: 'line', lineId: 'gone' });
		expect(screen.getByRole('status').textContent).toBe(
			'Deze hulplijn staat niet (meer) in de gegevens van de app.',
		);
		area.data?.search.dispose();
		area.analysis?.dispose();
	});
});
