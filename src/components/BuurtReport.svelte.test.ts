/**
 * The printed buurtanalyse's first page (happy-dom): with a saved analysis open it names that
 * analysis and when it was saved, under the heading; without one, no such line.
 */
import { render, within } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import I18nHost from '../../tests/helpers/I18nHost.svelte';
import { I18n } from '../state/i18n.svelte.ts';
import BuurtReport from './BuurtReport.svelte';

/** A name isolated in a sentence: first strong isolate … pop directional isolate. */
const [FSI, PDI] = [String.fromCharCode(0x2068), String.fromCharCode(0x2069)];

const host = (saved?: { name: string; computedAt?: string }) =>
	within(
		render(I18nHost, {
			props: {
				i18n: new I18n('nl'),
				component: BuurtReport as unknown as Component<Record<string, unknown>>,
				props: {
					areaName: 'Vorselaar en Lille',
					results: [],
					params: {
						categoryIds: ['gp'],
						profile: 'rollator',
						unknownMode: 'optimistic',
						norms: {},
					},
					shownCategoryId: 'gp',
					mapImage: undefined,
					dataDate: undefined,
					ageNote: undefined,
					saved,
				},
			},
		}).container,
	);

describe('BuurtReport', () => {
	it('names the saved analysis open on its first page, with the day it was computed', () => {
		const first = host({
			name: 'Plan: huisartsenpraktijk Lille',
			computedAt: '2026-12-07T10:00:00Z',
		}).getByTestId('print-first');
		expect(first.querySelector('h1')?.textContent).toBe('Buurtanalyse Vorselaar en Lille');
		expect(within(first).getByTestId('print-saved').textContent?.trim()).toBe(
			`Bewaarde analyse “${FSI}Plan: huisartsenpraktijk Lille${PDI}”, berekend op 7 december 2026`,
		);
	});

	it('isolates a right-to-left name ending in digits from the date after it', () => {
		// Arabic, "plan 2": unisolated, its digit runs into the quote and the date
		const first = host({ name: 'خطة 2', computedAt: '2026-12-03T10:00:00Z' }).getByTestId(
			'print-first',
		);
		expect(within(first).getByTestId('print-saved').textContent?.trim()).toBe(
			`Bewaarde analyse “${FSI}خطة 2${PDI}”, berekend op 3 december 2026`,
		);
	});

	it('names none when the analysis on screen is not a saved one', () => {
		expect(host().queryByTestId('print-saved')).toBeNull();
	});
});
