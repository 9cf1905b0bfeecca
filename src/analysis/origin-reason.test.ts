/**
 * An origin without a figure is never a gap, and an origin that is not at the edge of the data has
 * a figure (issue #17). What the data cannot say stays apart: the edge of the data and the
 * bundle's own reasons (farther than the access limit from every way, an isolated fragment). An
 * address with no way a profile may use within the access limit (a wheelchair among steps, or
 * cautious about untagged ways) has a figure: nothing is reachable, so it is beyond the norm. So a
 * cautious count never shows fewer residents beyond the norm than an optimistic one.
 * On the pipeline's real sample bundle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle, ORIGIN_REASONS } from './bundle.ts';
import { AnalysisEngine } from './engine.ts';
import { originsToGeoJSON, summarizeByNeighbourhood } from './summary.ts';
import { PROFILE_IDS } from '../contracts/profiles.ts';

const bundle = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);
const engine = new AnalysisEngine(bundle);
const o = bundle.origins;

describe("each origin's reason for having no figure", () => {
	it('is what the data cannot say; an origin with no usable way near counts beyond the norm', () => {
		const normM = 800;
		let unsnapped = 0;
		const beyondOf = new Map<string, number>();
		let counted: number | undefined;
		for (const profile of PROFILE_IDS)
			for (const unknownMode of ['optimistic', 'cautious'] as const) {
				const run = engine.coverage({ categoryId: 'pharmacy', profile, unknownMode });
				const reason = run.result.originReason;
				let beyond = 0;
				let withFigure = 0;
				for (let i = 0; i < o.count; i++) {
					// the edge of the data first, then the bundle's reason; the same for every profile
					expect(reason[i]).toBe(o.edgeOfData[i] === 1 ? 1 : (o.reason[i] as number));
					if (reason[i] !== 0) continue;
					withFigure += o.residents[i] as number;
					if ((run.snaps.edge[i] as number) < 0) {
						// no way this profile may use within the access limit: nothing reachable
						expect(run.result.distanceM[i]).toBe(Infinity);
						unsnapped++;
					}
					if (!((run.result.distanceM[i] as number) <= normM)) beyond += o.residents[i] as number;
				}
				const rows = summarizeByNeighbourhood(bundle, run.result, normM);
				const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((t, r) => t + f(r), 0);
				expect(sum((r) => r.beyondResidents ?? 0)).toBeCloseTo(beyond, 6);
				// every profile and way of counting counts the same residents (only the edge of the
				// data and the bundle's reasons are left out)
				counted ??= sum((r) => r.residents);
				expect(sum((r) => r.residents)).toBeCloseTo(counted, 6);
				expect(sum((r) => r.residents)).toBeCloseTo(withFigure, 6);
				beyondOf.set(`${profile} ${unknownMode}`, beyond);
				// the origin points say the same
				const fc = originsToGeoJSON(bundle, run.result, (l) => run.placeId(l), normM);
				fc.features.forEach((f, i) => {
					if (reason[i] === 0) expect(f.properties.no_figure_reason).toBeNull();
					else expect(f.properties.no_figure_reason).toBe(ORIGIN_REASONS[reason[i] as number]);
					if (reason[i] !== 0) expect(f.properties.beyond_norm).toBe(false);
					else if ((run.snaps.edge[i] as number) < 0) expect(f.properties.beyond_norm).toBe(true);
				});
			}
		// cautious never shows fewer beyond the norm than optimistic
		for (const profile of PROFILE_IDS)
			expect(beyondOf.get(`${profile} cautious`)!).toBeGreaterThanOrEqual(
				beyondOf.get(`${profile} optimistic`)! - 1e-6,
			);
		// the sample has such origins (wheelchair, cautious): the case is exercised, not assumed
		expect(unsnapped).toBeGreaterThan(0);
	}, 120_000);
});
