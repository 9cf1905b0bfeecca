/**
 * The planners' fixes as CSV, on the sample area's real ranking: the separator and the decimal mark
 * follow the interface language of whoever exports (nl and fr: ";" and ","; en: "," and ".").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from '../analysis/bundle.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { rankFixes } from '../analysis/fixes.ts';
import { BOM } from './csv.ts';
import { fixesToCsv } from './fixes-export.ts';

const engine = new AnalysisEngine(
	decodeAnalysisBundle(
		new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
	),
);
// a fixed question for the wheelchair (pharmacy at 1000 m, not its 800 m default: fixNormOf)
const { fixes } = rankFixes(engine, {
	categoryId: 'pharmacy',
	normM: 1000,
	profile: 'wheelchair',
	unknownMode: 'cautious',
	limit: 10,
});

describe('fixes as CSV', () => {
	for (const [lang, separator, decimalMark] of [
		['nl', ';', ','],
		['fr', ';', ','],
		['en', ',', '.'],
	] as const)
		it(`in ${lang}: "${separator}" between cells, "${decimalMark}" in numbers, one row per fix`, () => {
			const csv = fixesToCsv(fixes, lang);
			expect(csv.startsWith(BOM)).toBe(true);
			const parsed = Papa.parse<Record<string, string>>(csv.slice(BOM.length), {
				header: true,
				skipEmptyLines: true,
			});
			// guessed as a spreadsheet does: the expected separator, every row whole
			expect(parsed.meta.delimiter).toBe(separator);
			expect(parsed.errors).toEqual([]);
			expect(parsed.meta.fields?.[0]).toBe('rank');
			expect(parsed.meta.fields?.at(-1)).toBe('fix_kind');
			expect(parsed.data).toHaveLength(fixes.length);
			expect(fixes.length).toBeGreaterThan(0);
			const number = (cell: string) => Number(cell.replace(decimalMark, '.'));
			parsed.data.forEach((r, i) => {
				const f = fixes[i]!;
				expect(r).toMatchObject({ rank: String(f.rank), way_id: f.wayId, fix_kind: f.kind });
				// a midpoint in degrees always has decimals: written with the language's mark
				expect(r.lng).toMatch(new RegExp(`^\\d+\\${decimalMark}\\d+$`));
				expect(number(r.lng!)).toBe(f.at[0]);
				expect(number(r.lat!)).toBe(f.at[1]);
				expect(number(r.residents!)).toBeCloseTo(f.residents, 1);
			});
		});
});
