/**
 * The coordinators' table's totals (totalsOf) on the real sample through the real engine: the
 * whole area's share of the way on unknown data is the one an independent check computes from
 * the CLI's per-origin figures (Σ residents × unknown ÷ distance over the counted origins with a
 * way of some length, ÷ Σ of those residents), not the rows' shares weighted by all their residents.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from '../analysis/bundle.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { summarizeByNeighbourhood } from '../analysis/summary.ts';
import type { ProfileId, UnknownMode } from '../contracts/profiles.ts';
import { totalsOf } from './coverage.svelte.ts';

const bundle = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);
const engine = new AnalysisEngine(bundle);

describe('totalsOf: the area share of the way on unknown data', () => {
	const cases: [string, ProfileId, UnknownMode][] = [
		['pharmacy', 'wheelchair', 'optimistic'],
		['pharmacy', 'rollator', 'optimistic'],
		['gp', 'wheelchair', 'optimistic'],
		['meeting_place', 'walking', 'cautious'],
	];
	it.each(cases)('%s, %s, %s: equals the sum over every origin', (categoryId, profile, mode) => {
		const cats = engine.categoriesWithPlaces();
		const id = cats.includes(categoryId) ? categoryId : (cats[0] as string);
		const { result } = engine.coverage({ categoryId: id, profile, unknownMode: mode });
		const rows = summarizeByNeighbourhood(bundle, result, 800);
		let num = 0;
		let den = 0;
		for (let i = 0; i < bundle.origins.count; i++) {
			const d = result.distanceM[i] as number;
			if (result.originReason[i] !== 0 || !Number.isFinite(d) || d <= 0) continue;
			const r = bundle.origins.residents[i] as number;
			num += (r * (result.unknownM[i] as number)) / d;
			den += r;
		}
		const expected = den > 0 ? num / den : 0;
		expect(totalsOf(rows).unknownShare).toBeCloseTo(expected, 12);
		// the residents each row's share weights add up to those of the sum
		expect(rows.reduce((s, r) => s + r.unknownWeight, 0)).toBeCloseTo(den, 6);
	});
});
