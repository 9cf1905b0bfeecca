import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, toCsv } from './csv.ts';

describe('toCsv', () => {
	it('starts with the UTF-8 byte order mark and ends lines with CRLF', () => {
		const csv = toCsv(['a', 'b'], [['é', 1]]);
		expect(csv.startsWith(CSV_BOM)).toBe(true);
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
		expect(csv.slice(1)).toBe('a,b\r\né,1');
	});

	it('escapes cells that a spreadsheet would run as a formula, multi-line ones too', () => {
		const hostile = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '=1\n=2'];
		const csv = toCsv(['text'], hostile.map((h) => [h]));
		const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data.slice(1);
		expect(parsed.map((r) => r[0])).toEqual(hostile.map((h) => `'${h}`));
	});

	it('keeps numbers (negative ones too), quotes commas, quotes and line breaks', () => {
		const csv = toCsv(['n', 't'], [[-3.5, 'a, "b"\nc'], [null, undefined]]);
		expect(csv.slice(1)).toBe('n,t\r\n-3.5,"a, ""b""\nc"\r\n,');
	});
});
