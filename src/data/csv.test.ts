import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { BOM, csvFormat, toCsv } from './csv.ts';

interface Row {
	name: string;
	n: number;
}
const columns = [
	{ header: 'name', value: (r: Row) => r.name },
	{ header: 'n', value: (r: Row) => r.n },
];

describe('toCsv', () => {
	it('starts with a BOM, has a header and CRLF lines', () => {
		const csv = toCsv([{ name: 'Sint-Jozef', n: 12.5 }], columns, 'nl');
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv.slice(1)).toBe('name;n\r\nSint-Jozef;12,5\r\n');
	});

	it('follows the interface language: Dutch and French a semicolon and a decimal comma, English a comma and a decimal point', () => {
		expect(csvFormat('nl')).toEqual({ separator: ';', decimal: ',' });
		expect(csvFormat('fr')).toEqual({ separator: ';', decimal: ',' });
		expect(csvFormat('en')).toEqual({ separator: ',', decimal: '.' });
		const rows = [
			{ name: 'Lier, Kessel', n: 1571.45 },
			{ name: 'Heide', n: -0.25 },
		];
		expect(toCsv(rows, columns, 'fr').slice(1)).toBe(
			'name;n\r\nLier, Kessel;1571,45\r\nHeide;-0,25\r\n',
		);
		// English: the cell with a comma is quoted, negative numbers are not escaped as formulas
		expect(toCsv(rows, columns, 'en').slice(1)).toBe(
			'name,n\r\n"Lier, Kessel",1571.45\r\nHeide,-0.25\r\n',
		);
		const parsed = Papa.parse<string[]>(toCsv([{ name: '=1+1', n: 2.5 }], columns, 'en').slice(1), {
			newline: '\r\n',
		});
		expect(parsed.meta.delimiter).toBe(',');
		expect(parsed.data[1]).toEqual(["'=1+1", '2.5']);
	});

	it('writes Belgian spreadsheet conventions in Dutch: a semicolon between cells, a decimal comma, no thousands mark', () => {
		const csv = toCsv(
			[
				{ name: 'Lier, Kessel', n: 1571.45 },
				{ name: 'Heide', n: -0.25 },
				{ name: 'Gierle', n: 12013 },
			],
			columns,
			'nl',
		);
		expect(csv.slice(1)).toBe('name;n\r\nLier, Kessel;1571,45\r\nHeide;-0,25\r\nGierle;12013\r\n');
		// a cell holding the separator is quoted
		expect(toCsv([{ name: 'a;b', n: 1 }], columns, 'nl').slice(1)).toBe('name;n\r\n"a;b";1\r\n');
	});

	it('escapes every cell that a spreadsheet would run as a formula', () => {
		// a multi-line cell too (Papa's own pattern misses it)
		const evil = ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=1\n=2'];
		const csv = toCsv(
			evil.map((name) => ({ name, n: -4.5 })),
			columns,
			'nl',
		);
		const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', delimiter: ';' }).data;
		const cells = parsed.slice(1, 1 + evil.length).map((r) => r[0]);
		expect(cells).toEqual(evil.map((e) => `'${e}`));
		// each escaped cell quoted, so that the quote mark is read as text
		expect(csv).toContain(`\r\n"'=HYPERLINK(""x"")";-4,5\r\n`);
		// numbers stay numbers, negative ones with a decimal comma too
		expect(parsed.slice(1, 1 + evil.length).map((r) => r[1])).toEqual(evil.map(() => '-4,5'));
	});

	it('quotes separators, quotes and line breaks, keeps accents, leaves non-finite numbers empty', () => {
		const csv = toCsv(
			[
				{ name: 'a; "b"\nc', n: Infinity },
				{ name: 'Poederlee — rue de l’église', n: NaN },
			],
			columns,
			'nl',
		);
		const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', delimiter: ';' }).data;
		expect(parsed[1]).toEqual(['a; "b"\nc', '']);
		expect(parsed[2]).toEqual(['Poederlee — rue de l’église', '']);
	});

	it('refuses an export without columns', () => {
		expect(() => toCsv([], [], 'nl')).toThrow(/at least one column/);
	});
});
