/**
 * The coverage panel's charts (Observable Plot, loaded lazily) in happy-dom, on the real sample
 * area with the real analysis engine: each chart draws the figures of its accessible table, the
 * same neighbourhoods in the same order, the share beside each bar and the bar as long as that
 * share; a category none mapped has no chart; and no inline <style> (the CSP forbids it). A chart
 * is drawn once its box is on screen: happy-dom lays nothing out, so a stand-in
 * IntersectionObserver says when the boxes come into view.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/svelte';
import { IDBFactory } from 'fake-indexeddb';
import type { Component } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSampleArea, renderPanel } from '../../tests/helpers/panels.ts';
import CoveragePanel from '../panels/CoveragePanel.svelte';
import type { AreaState } from '../state/area-state.svelte.ts';
import type { Mode } from '../state/modes.ts';

let area: AreaState;

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	area = await openSampleArea();
}, 60_000);

afterEach(() => {
	cleanup();
	vi.unstubAllGlobals();
});

/** The boxes observed and their callbacks; `show()` brings every one into view. */
function visibility() {
	const watched: { cb: IntersectionObserverCallback; el: Element; on: boolean }[] = [];
	vi.stubGlobal(
		'IntersectionObserver',
		class {
			readonly #cb: IntersectionObserverCallback;
			constructor(cb: IntersectionObserverCallback) {
				this.#cb = cb;
			}
			observe(el: Element) {
				watched.push({ cb: this.#cb, el, on: true });
			}
			disconnect() {
				for (const w of watched) if (w.cb === this.#cb) w.on = false;
			}
		},
	);
	return {
		show: () => {
			for (const w of watched.filter((x) => x.on))
				w.cb([{ isIntersecting: true, target: w.el } as never], {} as never);
		},
	};
}

/** The x of an SVG element's `translate(x,y)`. */
const xOf = (el: Element) =>
	Number(/translate\(([-\d.]+),/.exec(el.getAttribute('transform') ?? '')?.[1]);

describe('CoverageCharts', () => {
	it("draws each category's table: the same neighbourhoods, the share beside each bar, bars as long as the shares", async () => {
		await area.analysis!.client();
		const measured = area.analysis!.info!.categoriesWithPlaces.slice(0, 2);
		const categoryIds = [...measured, 'home_care'];
		expect(area.analysis!.info!.categoriesWithPlaces).not.toContain('home_care');
		const view = visibility();
		renderPanel(CoveragePanel as unknown as Component<{ mode: Mode }>, area, {
			kind: 'coverage',
			categoryIds,
			categoryId: categoryIds[0]!,
			unknownMode: 'optimistic',
			norms: {},
		});
		const status = screen.getByTestId('coverage-status');
		await waitFor(() => expect(status.dataset.state).toBe('done'), { timeout: 60_000 });
		const figures = screen.getAllByTestId('coverage-chart');
		expect(figures.map((f) => f.dataset.category)).toEqual(categoryIds);
		// none mapped: words, no chart
		const none = figures.find((f) => f.dataset.category === 'home_care')!;
		expect(within(none).queryByTestId('coverage-chart-svg')).toBeNull();
		expect(none.textContent).toContain('Geen enkele plaats van deze soort in de gegevens');

		// not on screen yet: nothing drawn
		const boxes = screen.getAllByTestId('coverage-chart-svg');
		expect(boxes).toHaveLength(measured.length);
		// (the chart module is in, so an ungated chart would be drawn by the next task)
		await import('./coverage-chart.ts');
		await new Promise((r) => setTimeout(r, 0));
		for (const box of boxes) expect(box.dataset.drawn).toBeUndefined();
		view.show();

		let bars = 0;
		for (const figure of figures.filter((f) => f.dataset.category !== 'home_care')) {
			const box = within(figure).getByTestId('coverage-chart-svg');
			await waitFor(() => expect(box.dataset.drawn).toBe('true'), { timeout: 30_000 });
			const svg = box.querySelector('svg')!;
			expect(svg.getAttribute('aria-hidden')).toBe('true');
			expect(svg.querySelector('style')).toBeNull();
			expect(svg.hasAttribute('style')).toBe(false);
			// the table: name and "count (share %)" per neighbourhood
			const rows = within(figure)
				.getAllByRole('row')
				.slice(1)
				.map((r) => ({
					name: r.querySelector('th')!.textContent!.trim(),
					share: /\((\d+)\u00a0%\)/.exec(r.querySelector('td')!.textContent!)![1]!,
				}));
			expect(rows.length).toBeGreaterThan(1);
			const names = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map(
				(t) => t.textContent,
			);
			const labels = [...svg.querySelectorAll('g[aria-label="text"] text')].map(
				(t) => t.textContent,
			);
			const widths = [...svg.querySelectorAll('g[aria-label="bar"] rect')].map((r) =>
				Number(r.getAttribute('width')),
			);
			expect(names).toEqual(rows.map((r) => r.name));
			// by name, so that each chart lists the neighbourhoods in one order
			expect(rows.map((r) => r.name)).toEqual(
				rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'nl')),
			);
			expect(labels).toEqual(rows.map((r) => `${r.share}\u00a0%`));
			// the x axis from 0 % to 100 %: each bar's length is its share (the table's, rounded)
			const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')];
			const at = (label: string) => xOf(ticks.find((t) => t.textContent === label)!);
			const full = at('100\u00a0%') - at('0\u00a0%');
			expect(full).toBeGreaterThan(100);
			widths.forEach((w, i) =>
				expect(Math.abs(w / full - Number(rows[i]!.share) / 100)).toBeLessThanOrEqual(0.005001),
			);
			bars += widths.filter((w) => w > 0).length;
		}
		// real gaps in the sample: some bars have a length
		expect(bars).toBeGreaterThan(0);
	}, 120_000);
});
