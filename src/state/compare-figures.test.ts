/**
 * The comparison of two saved analyses on the real sample (its engine, two saves of pharmacies,
 * on foot then in a wheelchair): every figure it writes follows from the figures written beside
 * it. Each row's difference is its two sides as written subtracted; the total row adds the rows
 * up as written, and the difference "in all" is its two totals subtracted. (It used to round the
 * exact difference: "+14" under totals of 2.146 and 2.161.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from '../analysis/bundle.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { summarizeByNeighbourhood } from '../analysis/summary.ts';
import type { ProfileId } from '../contracts/profiles.ts';
import { categoryById } from '../contracts/taxonomy.ts';
import { compareRecords, recordOf } from './saved-analysis.ts';

const bundle = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);
const engine = new AnalysisEngine(bundle);
const NORM = categoryById('pharmacy').defaultNormM;

/** A save of the sample's pharmacies for `profile`, as the panel records it. */
function saved(profile: ProfileId) {
	const { result } = engine.coverage({
		categoryId: 'pharmacy',
		profile,
		unknownMode: 'optimistic',
	});
	const summary = summarizeByNeighbourhood(bundle, result, NORM);
	return recordOf(SAMPLE_AREA, {
		params: { categoryIds: ['pharmacy'], profile, unknownMode: 'optimistic', norms: {} },
		results: [
			{
				categoryId: 'pharmacy',
				normM: NORM,
				state: 'measured',
				placeCount: result.placeCount,
				summary,
				baseSummary: summary,
			},
		],
		whatIf: undefined,
		whatIfs: [],
	});
}

describe('compareRecords on the sample: the figures written add up', () => {
	it('pharmacies on foot, then in a wheelchair', () => {
		const [c] = compareRecords(saved('walking'), saved('wheelchair'));
		const rows = c!.rows.filter((r) => r.change !== null);
		expect(rows.length).toBeGreaterThan(1);
		for (const r of rows) {
			expect(Number.isInteger(r.before) && Number.isInteger(r.after)).toBe(true);
			expect(r.change).toBe(r.after! - r.before!);
		}
		expect(c!.totalBefore).toBe(rows.reduce((s, r) => s + r.before!, 0));
		expect(c!.totalAfter).toBe(rows.reduce((s, r) => s + r.after!, 0));
		expect(c!.total).toBe(c!.totalAfter - c!.totalBefore);
		expect(c!.total).toBe(rows.reduce((s, r) => s + r.change!, 0));
		expect([c!.totalBefore, c!.totalAfter, c!.total]).toEqual([2146, 2161, 15]);
	});
});
