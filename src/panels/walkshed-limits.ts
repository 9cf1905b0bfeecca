/**
 * What limits each profile of the walksheds, in words from the profile's own data (its pace, its
 * limits, its factor on limited stretches): "Met rollator: 3 km/u; geen trappen; trager (×1,5):
 * meer dan 125 m zonder bank, ruwe verharding". The planner compares the three reaches; without
 * it a rollator reaching less than a wheelchair looked like an error, while it is the rollator's
 * slower pace and its bench rule (most streets of an area have no bench) against a wheelchair
 * whose untagged streets count as fine.
 */
import {
	appliedPersonal,
	limitsFor,
	personalLimitedCostFactor,
	personalSpeedMps,
} from '../analysis/personal-profile.ts';
import { asksNoTags } from '../analysis/profiles.ts';
import { PROFILES, type ProfileId, type UnknownMode } from '../contracts/profiles.ts';
import type { I18n } from '../state/i18n.svelte.ts';

/**
 * The line of one profile: its name, pace, what it cannot use, what slows it (with the factor),
 * and for a profile that needs tags how unknown data count (with `unknownM`, the metres of this
 * reach on such stretches, when counted as fine, in km as the table writes them). A kerb limit
 * says so where the area's data hold no kerb at all.
 */
export function profileLimitsLine(
	i18n: Pick<I18n, 't' | 'n' | 'profileShortName' | 'difference'>,
	profile: ProfileId,
	personal: string | null | undefined,
	unknownMode: UnknownMode,
	unknownM: number | undefined,
	/** Kerbs in the area's data (the network's points); 0: a kerb limit never applies here. */
	kerbsInData?: number,
): string {
	const l = limitsFor(profile, personal);
	const mine = appliedPersonal(profile, personal);
	const speedKmh = mine ? personalSpeedMps(mine) * 3.6 : PROFILES[profile].speedKmh;
	const factor = mine ? personalLimitedCostFactor(mine) : PROFILES[profile].limitedCostFactor;
	const parts = [i18n.t('walkshedLimitPace', { speed: i18n.n(Math.round(speedKmh * 10) / 10) })];
	const cannot: string[] = [];
	if (!l.steps) cannot.push(i18n.t('myDiff_steps_no'));
	if (l.maxKerbM < Infinity) {
		const kerb = i18n.t('myDiff_kerbCm', { value: i18n.n(Math.round(l.maxKerbM * 1000) / 10) });
		// a limit the data cannot apply: said, not claimed
		cannot.push(kerbsInData === 0 ? `${kerb} (${i18n.t('walkshedNoKerbs')})` : kerb);
	}
	if (l.maxInclinePct < Infinity)
		cannot.push(i18n.t('myDiff_slopePct', { value: i18n.n(l.maxInclinePct) }));
	if (l.minWidthM > 0) cannot.push(i18n.t('myDiff_minWidthM', { value: i18n.n(l.minWidthM) }));
	const avoided = (['rough', 'loose'] as const).filter((s) => l[s] === 'block');
	// the surfaces joined as the language joins a list, as a personal profile's name says them
	if (avoided.length > 0) cannot.push(i18n.difference({ field: 'avoid', value: [...avoided] }));
	if (cannot.length > 0) parts.push(cannot.join(', '));
	const slower: string[] = [];
	if (l.maxBenchStretchM < Infinity)
		slower.push(i18n.t('walkshedLimitBench', { m: i18n.n(l.maxBenchStretchM) }));
	for (const s of ['rough', 'loose'] as const)
		if (l[s] === 'limit') slower.push(i18n.t(`myDiff_surface_${s}`));
	if (l.limitedInclinePct < l.maxInclinePct)
		slower.push(
			i18n.t('walkshedLimitIncline', { pct: i18n.n(Math.round(l.limitedInclinePct * 10) / 10) }),
		);
	if (l.smoothness) slower.push(i18n.t('walkshedLimitSmoothness'));
	if (slower.length > 0 && factor > 1)
		parts.push(i18n.t('walkshedLimitSlower', { factor: i18n.n(factor), what: slower.join(', ') }));
	if (!asksNoTags(l))
		parts.push(
			unknownMode === 'cautious'
				? i18n.t('myDiff_unknown_cautious')
				: // no reach (too far from a usable way): no "0,0 km of this reach"
					unknownM === undefined
					? i18n.t('myDiff_unknown_optimistic')
					: i18n.t('walkshedLimitUnknown', { km: i18n.n(unknownM / 1000, 1) }),
		);
	return i18n.t('walkshedLimitsLine', {
		profile: i18n.profileShortName(profile, personal),
		limits: parts.join(i18n.t('walkshedLimitsSeparator')),
	});
}

/** A difference of residents with walking, rounded as both counts are shown: "−927", "0". */
export function residentsDifference(
	i18n: Pick<I18n, 'count'>,
	residents: number,
	walked: number,
): string {
	const d = Math.round(residents) - Math.round(walked);
	return d === 0 ? i18n.count(0) : `${d < 0 ? '\u2212' : '+'}${i18n.count(Math.abs(d))}`;
}

/**
 * A profile's difference with walking split in two: the walking network at the profile's own pace
 * (`paced`: the same minutes, nothing in the streets against it) and what public space blocks or
 * slows down besides (`reached`). Where the pace alone loses no one (a personal profile at a
 * walking pace), the whole difference is public space's, said in one clause.
 */
export function walkshedSplitLine(
	i18n: Pick<I18n, 't' | 'count' | 'profileShortName'>,
	profile: ProfileId,
	personal: string | null | undefined,
	residents: { walking: number; paced: number; reached: number },
): string {
	const name = i18n.profileShortName(profile, personal);
	const { walking, paced, reached } = residents;
	return Math.round(paced) === Math.round(walking)
		? i18n.t('walkshedSplitStreets', {
				profile: name,
				streets: residentsDifference(i18n, reached, walking),
			})
		: i18n.t('walkshedSplit', {
				profile: name,
				pace: residentsDifference(i18n, paced, walking),
				streets: residentsDifference(i18n, reached, paced),
			});
}
