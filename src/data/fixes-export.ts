/**
 * The planners' ranked fixes as CSV through the shared safe writer (csv.ts): one row per fix with
 * its way, what the data say and do not know, the residents it brings within the norm, its
 * midpoint and its list (`fix_kind`: build, a physical barrier, or survey, unknown data only;
 * `rank` is within that list).
 */
import type { Fix } from '../analysis/fixes.ts';
import type { Lang } from '../i18n/messages.ts';
import { toCsv } from './csv.ts';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The fixes as CSV in the conventions of `lang`, the exporting planner's interface language. */
export function fixesToCsv(fixes: readonly Fix[], lang: Lang): string {
	return toCsv(
		fixes,
		[
			{ header: 'rank', value: (f) => f.rank },
			{ header: 'way_id', value: (f) => f.wayId },
			{ header: 'way_name', value: (f) => f.wayName },
			{ header: 'near_name', value: (f) => f.nearName },
			{ header: 'length_m', value: (f) => Math.round(f.lengthM) },
			{ header: 'status', value: (f) => f.status },
			{ header: 'reasons', value: (f) => f.reasons.join(' ') },
			{ header: 'unknown', value: (f) => f.unknown.join(' ') },
			{ header: 'residents', value: (f) => round1(f.residents) },
			{ header: 'residents_65', value: (f) => round1(f.residents65) },
			{ header: 'residents_80', value: (f) => round1(f.residents80) },
			{ header: 'lng', value: (f) => f.at[0] },
			{ header: 'lat', value: (f) => f.at[1] },
			{ header: 'fix_kind', value: (f) => f.kind },
		],
		lang,
	);
}
