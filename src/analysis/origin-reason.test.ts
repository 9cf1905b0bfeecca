/**
 * An origin without a figure is never a gap (issue #17): an address the bundle gives a figure but
 * that lies farther than the access limit from every way a profile may use (a wheelchair, cautious
 * about untagged ways) is "beyond the access limit" for that profile, not "beyond the norm".
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
const BEYOND_ACCESS = ORIGIN_REASONS.indexOf('beyond_access_limit');

describe("each origin's reason for having no figure, per profile", () => {
	it('counts an origin no usable way reaches within the access limit apart, never beyond the norm', () => {
		const normM = 800;
		let unsnappedWithoutBundleReason = 0;
		for (const profile of PROFILE_IDS)
			for (const unknownMode of ['optimistic', 'cautious'] as const) {
				const run = engine.coverage({ categoryId: 'pharmacy', profile, unknownMode });
				const reason = run.result.originReason;
				let beyondAccess = 0;
				let beyond = 0;
				for (let i = 0; i < o.count; i++) {
					const bundleReason = o.edgeOfData[i] === 1 ? 1 : (o.reason[i] as number);
					// the bundle's reason first; else no usable way within the limit: beyond the access limit
					if (bundleReason !== 0) expect(reason[i]).toBe(bundleReason);
					else if ((run.snaps.edge[i] as number) < 0) {
						expect(reason[i]).toBe(BEYOND_ACCESS);
						unsnappedWithoutBundleReason++;
					} else expect(reason[i]).toBe(0);
					if (reason[i] === BEYOND_ACCESS) beyondAccess++;
					if (reason[i] === 0 && !((run.result.distanceM[i] as number) <= normM))
						beyond += o.residents[i] as number;
				}
				const rows = summarizeByNeighbourhood(bundle, run.result, normM);
				const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((t, r) => t + f(r), 0);
				expect(sum((r) => r.originsBeyondAccessLimit)).toBe(beyondAccess);
				expect(sum((r) => r.beyondResidents ?? 0)).toBeCloseTo(beyond, 6);
				// the origin points say the same
				const fc = originsToGeoJSON(bundle, run.result, (l) => run.placeId(l), normM);
				fc.features.forEach((f, i) => {
					if (reason[i] === 0) expect(f.properties.no_figure_reason).toBeNull();
					else expect(f.properties.no_figure_reason).toBe(ORIGIN_REASONS[reason[i] as number]);
					if (reason[i] !== 0) expect(f.properties.beyond_norm).toBe(false);
				});
			}
		// the sample has such origins (wheelchair, cautious): the case is exercised, not assumed
		expect(unsnappedWithoutBundleReason).toBeGreaterThan(0);
	}, 120_000);
});
