/**
 * The one safe CSV writer of every export (reports, layers, coordinators' tables): UTF-8 with a
 * byte order mark (so spreadsheet programs read accents right), CRLF line ends, cells quoted where
 * needed, and any text cell that starts with = + - @ or a tab or carriage return prefixed with "'"
 * so a spreadsheet never runs it as a formula (CSV injection; OWASP). Numbers stay numbers.
 *
 * Written with Papa Parse's `unparse` (quoting and escaping as RFC 4180), not by hand. Its own
 * `escapeFormulae: true` pattern ends in `.*$` without the `s` flag, so a multi-line cell starting
 * with "=" would slip through: the pattern here looks at the first character only.
 */
import Papa from 'papaparse';

export const CSV_BOM = '\uFEFF';

/** The first characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

/** A CSV document: a header row, then the rows, with the BOM in front. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	return (
		CSV_BOM +
		Papa.unparse(
			{ fields: [...header], data: rows.map((r) => [...r]) },
			{ escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false },
		)
	);
}

/** A CSV document as a Blob to download. */
export function csvBlob(csv: string): Blob {
	return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}
