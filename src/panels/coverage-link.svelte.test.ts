/**
 * A shared link to a saved analysis (`analysis=<id>`) in the CoveragePanel (happy-dom, the real
 * sample area and engine, the device's own storage): a link the backend could not be asked about
 * (no connection, a server failure) is kept and tried again when the connection returns, where
 * only "not there" drops it; the reason shown goes once the user analyses on their own. A saved
 * analysis open to edit is named (panel, link, printed report) while the screen is it: another
 * profile, or another plan (a place planned, switched off, also while it is being saved), is no
 * longer it.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import type { Component } from 'svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { openSampleArea, renderPanel, tilesFetch } from '../../tests/helpers/panels.ts';
import { DataError } from '../data/errors.ts';
import type { AreaState } from '../state/area-state.svelte.ts';
import { DataState } from '../state/data-state.svelte.ts';
import type { Mode } from '../state/modes.ts';
import { editsOf, readRecord } from '../state/saved-analysis.ts';
import CoveragePanel from './CoveragePanel.svelte';

const as = (c: unknown) => c as Component<{ mode: Mode }>;
let area: AreaState;

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	area = await openSampleArea();
}, 60_000);

const linked = (analysisId: string): Mode => ({
	kind: 'coverage',
	categoryIds: ['pharmacy'],
	categoryId: 'pharmacy',
	unknownMode: 'optimistic',
	norms: {},
	analysisId,
});
/** The link's line once it says `state` (it replaces the "opening" line). */
const linkIn = (state: string) =>
	waitFor(
		() => {
			const link = screen.getByTestId('coverage-link');
			expect(link.dataset.state).toBe(state);
			return link;
		},
		{ timeout: 30_000 },
	);
const analysisIdOf = (mode: Mode) => (mode.kind === 'coverage' ? mode.analysisId : undefined);

/**
 * The panel on a pharmacy analysis on the device, whose data layer knows the area's
 * municipalities (from its boundaries: where it saves). `prepare` may wrap the data layer first.
 */
async function openOnDevice(prepare?: (data: DataState) => void) {
	vi.stubGlobal('fetch', tilesFetch);
	const data = new DataState({});
	await data.useArea(area.tiles!.files.boundaries!.url);
	prepare?.(data);
	const { app } = renderPanel(
		as(CoveragePanel),
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
	return {
		app,
		data,
		panel: screen.getByTestId('coverage'),
		status: screen.getByTestId('coverage-status'),
	};
}
/** Until the analysis is done and "where next" can be asked. */
const idle = () =>
	waitFor(
		() => {
			expect(screen.getByTestId('coverage-status').dataset.state).toBe('done');
			expect(screen.getByTestId('coverage-suggest')).not.toHaveProperty('disabled', true);
		},
		{ timeout: 30_000 },
	);
/** Fills in the save form's name and sends it. */
async function submitSave(name: string) {
	await fireEvent.input(await screen.findByTestId('saved-name', undefined, { timeout: 10_000 }), {
		target: { value: name },
	});
	await fireEvent.submit(screen.getByTestId('saved-form'));
}
/** Saves the analysis on screen as `name`, until the panel is named by it. */
async function saveAs(name: string) {
	await submitSave(name);
	const panel = screen.getByTestId('coverage');
	await waitFor(() => expect(panel.dataset.saved).toBe(name), { timeout: 10_000 });
}
/** The saved analysis `id` in the list. */
const savedItem = (id: string | undefined) =>
	waitFor(() => {
		const li = screen.getAllByTestId('saved-item').find((x) => x.dataset.id === id);
		expect(li).toBeTruthy();
		return li!;
	});

describe('CoveragePanel: a shared link', () => {
	it('without a connection keeps the link, says so, and opens it once the connection is back', async () => {
		const data = new DataState({});
		const answer = data.savedAnalysis.bind(data);
		let asked = 0;
		// the backend cannot be reached the first time (as a fetch without a connection fails)
		data.savedAnalysis = async (id) => {
			asked += 1;
			if (asked === 1) throw new DataError('savedAnalyses.get', 'network', 'Failed to fetch');
			return answer(id);
		};
		const id = crypto.randomUUID();
		const { app } = renderPanel(as(CoveragePanel), area, linked(id), { data });
		const link = await linkIn('unreachable');
		expect(link.textContent).toContain('Geen verbinding');
		expect(link.textContent).not.toContain('bestaat niet');
		expect(analysisIdOf(app.mode)).toBe(id);
		// the connection goes and comes back: asked again, and now the answer is "not there"
		data.isOnline = false;
		await waitFor(() => expect(data.isOnline).toBe(false));
		data.isOnline = true;
		await waitFor(() => expect(screen.getByTestId('coverage-link').dataset.state).toBe('missing'));
		expect(asked).toBe(2);
		expect(analysisIdOf(app.mode)).toBeUndefined();
	}, 60_000);

	it('a server failure keeps the link too; "try again" asks again', async () => {
		const data = new DataState({});
		let asked = 0;
		data.savedAnalysis = async () => {
			asked += 1;
			throw new DataError('savedAnalyses.get', 'unknown', '503', { kind: 'server' });
		};
		const id = crypto.randomUUID();
		const { app } = renderPanel(as(CoveragePanel), area, linked(id), { data });
		await linkIn('unreachable');
		await fireEvent.click(screen.getByTestId('coverage-link-retry'));
		await waitFor(() => expect(asked).toBe(2));
		await waitFor(() =>
			expect(screen.getByTestId('coverage-link').dataset.state).toBe('unreachable'),
		);
		expect(analysisIdOf(app.mode)).toBe(id);
	}, 60_000);

	it('a link to an analysis that is not there says so until the user runs their own', async () => {
		const { app } = renderPanel(as(CoveragePanel), area, linked(crypto.randomUUID()));
		await linkIn('missing');
		expect(analysisIdOf(app.mode)).toBeUndefined();
		const status = screen.getByTestId('coverage-status');
		await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });
		await fireEvent.submit(document.querySelector('form')!);
		await waitFor(() => expect(screen.queryByTestId('coverage-link')).toBeNull());
	}, 60_000);
});

describe('CoveragePanel: the saved analysis open', () => {
	it('is named while the screen is it: saved as new, renamed, left by another profile, deleted', async () => {
		// the device learns the area's municipalities (where it saves) from its boundaries
		const { app, panel, status } = await openOnDevice();
		await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });
		// saved as new: the link and the report name that one
		await saveAs('Plan A');
		const idA = analysisIdOf(app.mode);
		expect(idA).toBeTruthy();
		// reopened, then renamed in the list: the new name
		const item = await savedItem(idA);
		await fireEvent.click(within(item).getByTestId('saved-rename'));
		await fireEvent.input(screen.getByTestId('saved-new-name'), {
			target: { value: 'Plan B' },
		});
		await fireEvent.submit(screen.getByTestId('saved-new-name').closest('form')!);
		await waitFor(() => expect(panel.dataset.saved).toBe('Plan B'), { timeout: 10_000 });
		// another profile: no longer that analysis, nor its link
		app.setProfile(app.profile === 'wheelchair' ? 'rollator' : 'wheelchair');
		await waitFor(() => expect(panel.dataset.saved).toBeUndefined());
		expect(analysisIdOf(app.mode)).toBeUndefined();
		// saved again, then deleted: no longer named
		await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 30_000 });
		await saveAs('Plan C');
		const idC = analysisIdOf(app.mode)!;
		const itemC = await savedItem(idC);
		await fireEvent.click(within(itemC).getByTestId('saved-delete'));
		await fireEvent.click(await screen.findByTestId('saved-delete-yes'));
		await waitFor(() => expect(panel.dataset.saved).toBeUndefined(), { timeout: 10_000 });
		expect(analysisIdOf(app.mode)).toBeUndefined();
	}, 90_000);
});

describe('CoveragePanel: a saved analysis open to edit, then edited', () => {
	it('is no longer named once its plan changes: a place planned, one switched off', async () => {
		const { app, panel } = await openOnDevice();
		await idle();
		/** The printed report's line naming a saved analysis, if any. */
		const printedName = async () => {
			window.dispatchEvent(new Event('beforeprint'));
			await screen.findByTestId('print-report');
			const line = screen.queryByTestId('print-saved')?.textContent;
			window.dispatchEvent(new Event('afterprint'));
			return line;
		};
		await saveAs('Nulmeting');
		expect(analysisIdOf(app.mode)).toBeTruthy();
		expect(await printedName()).toContain('Nulmeting');
		// a planned place (the first suggestion taken over): the screen is another plan
		await fireEvent.click(screen.getByTestId('coverage-suggest'));
		await fireEvent.click(
			(await screen.findAllByTestId('coverage-take-over', undefined, { timeout: 30_000 }))[0]!,
		);
		await screen.findByTestId('coverage-planned', undefined, { timeout: 30_000 });
		await waitFor(() => expect(panel.dataset.saved).toBeUndefined());
		expect(analysisIdOf(app.mode)).toBeUndefined();
		expect(await printedName()).toBeUndefined();
		// saved with it, then reopened: named, its plan back on screen (that is not an edit)
		await idle();
		await saveAs('Met een apotheek erbij');
		const id = analysisIdOf(app.mode)!;
		await fireEvent.click(screen.getByTestId('coverage-reset'));
		await waitFor(() => expect(panel.dataset.saved).toBeUndefined());
		await idle();
		const item = await savedItem(id);
		await fireEvent.click(within(item).getByTestId('saved-open'));
		await screen.findByTestId('coverage-planned', undefined, { timeout: 30_000 });
		await idle();
		expect(panel.dataset.saved).toBe('Met een apotheek erbij');
		expect(analysisIdOf(app.mode)).toBe(id);
		// an existing pharmacy switched off: no longer that analysis either
		const off = screen.getAllByTestId('coverage-switch-off')[0]!;
		await fireEvent.click(off);
		await waitFor(() => expect(panel.dataset.saved).toBeUndefined(), { timeout: 30_000 });
		expect(analysisIdOf(app.mode)).toBeUndefined();
	}, 120_000);
});

describe('CoveragePanel: a plan edited while it is being saved', () => {
	it('is not named by the save: the place planned meanwhile was not saved', async () => {
		// the backend answers once the test has planned a place
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		let asked = 0;
		const { app, data, panel } = await openOnDevice((data) => {
			const save = data.saveAnalysis.bind(data);
			data.saveAnalysis = async (input) => {
				asked += 1;
				await released;
				return save(input);
			};
		});
		await idle();
		await submitSave('Zonder plan');
		await waitFor(() => expect(asked).toBe(1), { timeout: 10_000 });
		// a place planned while the save is on its way
		await fireEvent.click(screen.getByTestId('coverage-suggest'));
		await fireEvent.click(
			(await screen.findAllByTestId('coverage-take-over', undefined, { timeout: 30_000 }))[0]!,
		);
		await screen.findByTestId('coverage-planned', undefined, { timeout: 30_000 });
		release();
		// saved (listed), without the place planned: the screen is not that analysis
		await waitFor(
			() =>
				expect(
					screen.getAllByTestId('saved-item').map((li) => li.textContent ?? ''),
				).toContainEqual(expect.stringContaining('Zonder plan')),
			{ timeout: 10_000 },
		);
		const [saved] = await data.savedAnalyses(
			(await data.analysisAreas(area.tiles!.municipalities.map((m) => m.nis))).map((a) => a.id),
		);
		expect(saved?.name).toBe('Zonder plan');
		expect(editsOf(readRecord(saved!.parameters)!).flatMap((e) => e.add)).toEqual([]);
		expect(panel.dataset.saved).toBeUndefined();
		expect(analysisIdOf(app.mode)).toBeUndefined();
	}, 120_000);
});
