/**
 * The one CSV writer of the app: every export (planners' fixes, coordinators' tables, reports)
 * goes through it. UTF-8 with a byte-order mark (so spreadsheet programs read accents right),
 * comma-separated, CRLF line ends (RFC 4180), a header row. Text cells that begin with `=`, `+`,
 * `-`, `@`, a tab or a carriage return are prefixed with `'` and quoted, so a spreadsheet never
 * runs a cell as a formula (OWASP "CSV injection"); numbers stay numbers.
 *
 * Papa Parse's `unparse` does the quoting and the formula escape (`escapeFormulae`): a
 * well-kept writer (RFC 4180 quoting of commas, quotes and line breaks in cells) rather than a
 * hand-written one.
 */
import Papa from 'papaparse';

/**
 * The first characters that make a spreadsheet read a cell as a formula. Papa's own
 * `escapeFormulae: true` pattern ends in `.*$` without the `s` flag, so a multi-line cell starting
 * with "=" slips through it: this one looks at the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The byte-order mark that starts every CSV file the app writes. */
export const BOM = '\uFEFF';

/** A cell: text, a number (written as is; not finite → empty), a boolean, or empty. */
export type CsvCell = string | number | boolean | null | undefined;

/** One column: its header and how to read the cell from a row. */
export interface CsvColumn<R> {
	header: string;
	value: (row: R) => CsvCell;
}

function cell(v: CsvCell): string | number | boolean {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? v : '';
	return v;
}

/**
 * Rows as CSV text, BOM first.
 *
 * @example toCsv([{ name: '=1+1', n: 3 }], [{ header: 'name', value: (r) => r.name }, { header: 'n', value: (r) => r.n }])
 * // '\uFEFFname,n\r\n"\'=1+1",3\r\n'
 */
export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[]): string {
	if (columns.length === 0) throw new Error('a CSV export needs at least one column');
	const body = Papa.unparse(
		{
			fields: columns.map((c) => c.header),
			data: rows.map((r) => columns.map((c) => cell(c.value(r)))),
		},
		{ escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
	);
	return `${BOM}${body}\r\n`;
}

/** A CSV text as a Blob for a download (UTF-8, `text/csv`). */
export function csvBlob(text: string): Blob {
	return new Blob([text], { type: 'text/csv;charset=utf-8' });
}
