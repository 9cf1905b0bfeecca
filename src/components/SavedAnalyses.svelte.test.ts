/**
 * The coordinators' saved analyses under the gap analysis (happy-dom), on the embedded default with
 * the real sample area and analysis engine: where focus goes when a deletion is asked, called off
 * and done (the focused button or item leaves the page each time).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import type { Component } from 'svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSampleArea, renderPanel, tilesFetch } from '../../tests/helpers/panels.ts';
import CoveragePanel from '../panels/CoveragePanel.svelte';
import type { AreaState } from '../state/area-state.svelte.ts';
import { DataState } from '../state/data-state.svelte.ts';
import type { Mode } from '../state/modes.ts';

let area: AreaState;
let data: DataState;

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	vi.stubGlobal('fetch', tilesFetch);
	area = await openSampleArea();
	data = new DataState({});
	await data.useArea(area.tiles!.files.boundaries!.url);
}, 60_000);

afterAll(() => vi.unstubAllGlobals());

/** Saves the analysis on screen as `name`; waits until it is listed. */
async function save(name: string) {
	const saved = screen.getByTestId('saved-analyses');
	await within(saved).findByTestId('saved-form');
	await fireEvent.input(within(saved).getByTestId('saved-name'), { target: { value: name } });
	await fireEvent.submit(within(saved).getByTestId('saved-form'));
	await waitFor(() =>
		expect(within(saved).getByTestId('saved-notice').textContent).toContain(name),
	);
	await waitFor(() =>
		expect(
			within(saved)
				.getAllByTestId('saved-item-name')
				.map((n) => n.textContent),
		).toContain(name),
	);
}

/** The coverage panel on a pharmacy analysis on the device, once it is done. */
async function openPharmacy() {
	renderPanel(
		CoveragePanel as unknown as Component<{ mode: Mode }>,
		area,
		{
			kind: 'coverage',
			categoryIds: ['pharmacy'],
			categoryId: 'pharmacy',
			unknownMode: 'optimistic',
			norms: {},
		},
		{ data },
	);
	const status = screen.getByTestId('coverage-status');
	await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });
}

describe('SavedAnalyses: deleting', () => {
	it('moves focus into the confirm, back to Delete when called off, and to the notice once deleted', async () => {
		await openPharmacy();
		await save('Focus A');
		await save('Focus B');
		const item = () =>
			screen
				.getAllByTestId('saved-item')
				.find((li) => within(li).getByTestId('saved-item-name').textContent === 'Focus A')!;

		const remove = within(item()).getByTestId('saved-delete');
		remove.focus();
		await fireEvent.click(remove);
		const confirm = within(item()).getByTestId('saved-delete-confirm');
		// on the harmless answer: an Enter pressed on reflex deletes nothing
		expect(document.activeElement).toBe(within(confirm).getByTestId('saved-delete-cancel'));

		await fireEvent.click(within(confirm).getByTestId('saved-delete-cancel'));
		await waitFor(() => expect(within(item()).queryByTestId('saved-delete-confirm')).toBeNull());
		await waitFor(() =>
			expect(document.activeElement).toBe(within(item()).getByTestId('saved-delete')),
		);

		await fireEvent.click(within(item()).getByTestId('saved-delete'));
		await fireEvent.click(within(item()).getByTestId('saved-delete-yes'));
		const notice = await screen.findByTestId('saved-notice');
		await waitFor(() => expect(notice.textContent).toContain('Focus A'));
		await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('saved-notice')));
		expect(screen.getAllByTestId('saved-item-name').map((n) => n.textContent)).toEqual(['Focus B']);
	});
});

describe('SavedAnalyses: names in sentences and options', () => {
	it('isolates a right-to-left name, or one ending in digits, in the notices and labels; compare options take its direction', async () => {
		await openPharmacy();
		// Arabic, "neighbourhood analysis 2": unisolated, its digit and the text after it reorder
		const rtl = 'تحليل الحي 2';
		// first strong isolate … pop directional isolate (as characters: Svelte warns on the escapes)
		const [fsi, pdi] = [String.fromCharCode(0x2068), String.fromCharCode(0x2069)];
		const isolated = (name: string) => `${fsi}${name}${pdi}`;
		await save(rtl);
		expect(screen.getByTestId('saved-notice').textContent).toBe(`Bewaard: ${isolated(rtl)}`);
		await save('Analyse 2');

		// the compare dropdowns: an option holding only the name takes its direction from it
		// (dir="auto"), without marks in its text, whose first letter picks it (type-ahead)
		for (const id of ['compare-before', 'compare-after']) {
			const options = [...screen.getByTestId(id).querySelectorAll('option')];
			expect(
				options.map((o) => o.text),
				id,
			).toEqual(expect.arrayContaining([rtl, 'Analyse 2']));
			for (const o of options) expect(o.getAttribute('dir'), o.text).toBe('auto');
		}

		const item = (name: string) =>
			screen
				.getAllByTestId('saved-item')
				.find((li) => within(li).getByTestId('saved-item-name').textContent === name)!;
		expect(within(item(rtl)).getByTestId('saved-visibility').getAttribute('aria-label')).toBe(
			`Wie ziet ${isolated(rtl)}`,
		);
		await fireEvent.click(within(item(rtl)).getByTestId('saved-rename'));
		const input = within(item(rtl)).getByTestId('saved-new-name');
		expect(input.getAttribute('aria-label')).toBe(`Nieuwe naam voor ${isolated(rtl)}`);
		const renamed = 'خطة 3';
		await fireEvent.input(input, { target: { value: renamed } });
		await fireEvent.click(within(item(rtl)).getByTestId('saved-rename-ok'));
		await waitFor(() =>
			expect(screen.getByTestId('saved-notice').textContent).toBe(
				`Hernoemd: ${isolated(rtl)} → ${isolated(renamed)}`,
			),
		);
	});
});
