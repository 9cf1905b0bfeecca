/**
 * How the coordinators' tables write their counts: one rule for the live table, the stored table
 * of a saved analysis, the printed report, the comparison of two saves and the CSV export (pure).
 *
 * Residents are estimates, shares of an address's residents, so every count is written rounded
 * (whole residents on screen and on paper, tenths in the CSV). A total, or a difference, is
 * computed from the figures as written: the rows of a table add up to its total row, and the two
 * sides of a comparison subtract to its difference, as a reader who checks them finds. (Rounding
 * the exact sum instead wrote 659 under 80+ rows that add up to 660.)
 */
import type { Totals } from './coverage.svelte.ts';

/**
 * A count as written: rounded to `digits` decimals (whole residents by default), never −0.
 * @example written(659.5) // 660
 * @example written(1571.4530272483826, 1) // 1571.5
 */
export function written(x: number, digits = 0): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f + 0;
}

/** The counts of one row of a coverage table (a neighbourhood, live or as stored). */
export interface CountedRow {
	residents: number;
	residents65: number;
	/** null (or absent) where a save from before 80+ was kept has none. */
	residents80?: number | null;
	beyondResidents: number | null;
	beyond65: number | null;
	beyond80?: number | null;
	edgeOfDataResidents: number;
}

/** A table's total row: each column the sum of its rows as written (a row without a figure: 0). */
export type WrittenTotals = Pick<
	Totals,
	| 'residents'
	| 'residents65'
	| 'residents80'
	| 'beyondResidents'
	| 'beyond65'
	| 'beyond80'
	| 'edgeOfDataResidents'
>;

/**
 * The total row of a table whose rows write their counts with {@link written} at `digits`.
 * @example writtenTotalsOf([{ beyond80: 0.6, … }, { beyond80: 0.6, … }]).beyond80 // 2, not 1
 */
export function writtenTotalsOf(rows: readonly CountedRow[], digits = 0): WrittenTotals {
	const t: WrittenTotals = {
		residents: 0,
		residents65: 0,
		residents80: 0,
		beyondResidents: 0,
		beyond65: 0,
		beyond80: 0,
		edgeOfDataResidents: 0,
	};
	const add = (k: keyof WrittenTotals, x: number | null | undefined) => {
		if (x !== null && x !== undefined) t[k] += written(x, digits);
	};
	for (const r of rows) {
		add('residents', r.residents);
		add('residents65', r.residents65);
		add('residents80', r.residents80);
		add('beyondResidents', r.beyondResidents);
		add('beyond65', r.beyond65);
		add('beyond80', r.beyond80);
		add('edgeOfDataResidents', r.edgeOfDataResidents);
	}
	// sums of tenths in binary: 0.1 + 0.2 is not 0.3
	for (const k of Object.keys(t) as (keyof WrittenTotals)[]) t[k] = written(t[k], digits);
	return t;
}

/** A share of two written counts (0..1); null where the whole is nil (no share to give). */
export function writtenShare(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null;
}

/**
 * One neighbourhood's row of a coverage table, live (a NeighbourhoodSummary is one) or as stored
 * with a saved analysis (storedRowsOf): one table component writes both, with the same columns
 * in the same order and sort, so an analysis reopened reads as it did when saved.
 */
export interface TableRow extends CountedRow {
	/** The statistical code ('' for the addresses outside every neighbourhood). */
	neighbourhoodId: string;
	name: string;
	state: 'measured' | 'none_mapped';
	residents80: number | null;
	beyond80: number | null;
	beyondShare: number | null;
	beyond65Share: number | null;
	beyond80Share: number | null;
	/** The share of the way on unknown data; null where a save from before it was kept has none. */
	unknownShare: number | null;
	/** The residents that share weights (absent: not kept; the total then gives none). */
	unknownWeight?: number;
}

/**
 * The share of the way on unknown data over rows: each row's share weighted by the residents it
 * weights, as if summed over every origin; null when a row lacks either (a save from before they
 * were kept), 0 when no one is weighted.
 */
export function unknownShareOf(
	rows: readonly Pick<TableRow, 'unknownShare' | 'unknownWeight'>[],
): number | null {
	let sum = 0;
	let weight = 0;
	for (const r of rows) {
		if (r.unknownShare === null || r.unknownWeight === undefined) return null;
		sum += r.unknownShare * r.unknownWeight;
		weight += r.unknownWeight;
	}
	return weight > 0 ? sum / weight : 0;
}
