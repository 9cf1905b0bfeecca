/**
 * The tables' rule for counts (table-figures.ts): a count is written rounded, a total is the sum
 * of its rows as written (at the digits they are written with), never the exact sum rounded.
 */
import { describe, expect, it } from 'vitest';
import { written, writtenShare, writtenTotalsOf, type CountedRow } from './table-figures.ts';

const row = (beyond80: number | null, residents80?: number | null): CountedRow => ({
	residents: 10.25,
	residents65: 4.5,
	residents80,
	beyondResidents: 2.15,
	beyond65: 1.45,
	beyond80,
	edgeOfDataResidents: 0.1,
});

describe('written figures', () => {
	it('rounds once, never to −0', () => {
		expect(written(659.5)).toBe(660);
		expect(written(1571.4530272483826, 1)).toBe(1571.5);
		expect(Object.is(written(-0.2), -0)).toBe(false);
	});

	it('totals the rows as written: three rows of 0.6 make 3, not 2', () => {
		const t = writtenTotalsOf([row(0.6, 1), row(0.6, 1), row(0.6, 1)]);
		expect(t.beyond80).toBe(3);
		expect(t.residents80).toBe(3);
		expect(t.residents).toBe(30);
		expect(t.residents65).toBe(15);
		expect(t.beyond65).toBe(3);
		expect(t.edgeOfDataResidents).toBe(0);
	});

	it('totals tenths as tenths, without binary noise', () => {
		const t = writtenTotalsOf([row(0.14), row(0.24)], 1);
		expect(t.beyond80).toBe(0.3);
		expect(t.edgeOfDataResidents).toBe(0.2);
		expect(t.residents).toBe(20.6);
	});

	it('leaves out a row without a figure (none mapped, or no 80+ kept)', () => {
		const t = writtenTotalsOf([row(null, null), row(2.4, 5)]);
		expect(t.beyond80).toBe(2);
		expect(t.residents80).toBe(5);
	});

	it('gives no share of nothing', () => {
		expect(writtenShare(3, 0)).toBeNull();
		expect(writtenShare(1, 4)).toBe(0.25);
	});
});
