/**
 * The one CSV writer of the app: every export (planners' fixes, coordinators' tables, reports)
 * goes through it, in the conventions of the interface language ({@link csvFormat}). UTF-8 with a
 * byte-order mark (so spreadsheet programs read accents right), CRLF line ends (RFC 4180), a header
 * row. Dutch and French: cells separated by a semicolon and a decimal comma, so that Excel with
 * Belgian (or Dutch, French) regional settings opens it in columns with numbers as numbers
 * (comma-separated, it put each row in one cell). English: a comma between cells and a decimal
 * point, as English spreadsheets read CSV (with a semicolon they put each row in one cell, and
 * "12,5" was text). No thousands separator. Text cells that begin with `=`, `+`, `-`, `@`, a tab or
 * a carriage return are prefixed with `'` and quoted, so a spreadsheet never runs a cell as a
 * formula (OWASP "CSV injection"); numbers stay numbers, negative ones too.
 *
 * Papa Parse's `unparse` does the quoting: a well-kept writer (RFC 4180 quoting of separators,
 * quotes and line breaks in cells) rather than a hand-written one. The formula escape is done
 * here, on text cells only: a number written with a decimal comma is text to Papa, and "-3,5"
 * must not become "'-3,5".
 */
import Papa from 'papaparse';
import type { Lang } from '../i18n/messages.ts';

/**
 * The first characters that make a spreadsheet read a cell as a formula. Papa's own
 * `escapeFormulae: true` pattern ends in `.*$` without the `s` flag, so a multi-line cell starting
 * with "=" slips through it: this one looks at the first character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** The byte-order mark that starts every CSV file the app writes. */
export const BOM = '\uFEFF';

/** A cell: text, a number (with the format's decimal mark; not finite → empty), a boolean, or empty. */
export type CsvCell = string | number | boolean | null | undefined;

/** One column: its header and how to read the cell from a row. */
export interface CsvColumn<R> {
	header: string;
	value: (row: R) => CsvCell;
}

/** The cell separator and the decimal mark of a CSV file. */
export interface CsvFormat {
	separator: ';' | ',';
	decimal: ',' | '.';
}

/** Each interface language's CSV conventions: its spreadsheets' separator and decimal mark. */
const CSV_FORMATS: Record<Lang, CsvFormat> = {
	nl: { separator: ';', decimal: ',' },
	fr: { separator: ';', decimal: ',' },
	en: { separator: ',', decimal: '.' },
};

/** The separator and decimal mark of a CSV written for a user of `lang`. */
export function csvFormat(lang: Lang): CsvFormat {
	return CSV_FORMATS[lang];
}

/** A text cell escaped against formulas: always quoted (see {@link toCsv}). */
class Escaped {
	constructor(readonly text: string) {}
	toString(): string {
		return this.text;
	}
}

function cell(v: CsvCell, decimal: CsvFormat['decimal']): string | boolean | Escaped {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', decimal) : '';
	if (typeof v === 'string' && FORMULA_START.test(v)) return new Escaped(`'${v}`);
	return v;
}

/**
 * Rows as CSV text, BOM first, in the conventions of `lang`, the interface language of the user
 * who exports ({@link csvFormat}).
 *
 * @example toCsv([{ name: '=1+1', n: 3.5 }], [{ header: 'name', value: (r) => r.name }, { header: 'n', value: (r) => r.n }], 'nl')
 * // '\uFEFFname;n\r\n"\'=1+1";3,5\r\n'
 */
export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[], lang: Lang): string {
	if (columns.length === 0) throw new Error('a CSV export needs at least one column');
	const { separator, decimal } = csvFormat(lang);
	const body = Papa.unparse(
		{
			fields: columns.map((c) => c.header),
			data: rows.map((r) => columns.map((c) => cell(c.value(r), decimal))),
		},
		{
			delimiter: separator,
			newline: '\r\n',
			quotes: (value: unknown) => value instanceof Escaped,
		},
	);
	return `${BOM}${body}\r\n`;
}

/** A CSV text as a Blob for a download (UTF-8, `text/csv`). */
export function csvBlob(text: string): Blob {
	return new Blob([text], { type: 'text/csv;charset=utf-8' });
}
