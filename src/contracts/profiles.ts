/**
 * The mobility profiles' definitions (DESIGN.md "Mobility profiles"): their ids, speeds and cost
 * factors, the way statuses, and the reason and unknown-attribute codes with their bit positions as
 * stored in analysis bundles and network tiles. The classification that produces them stays in
 * src/analysis/profiles.ts. Pure TypeScript: the pipeline, the app and its workers read it.
 */
/** The three mobility profiles of DESIGN.md. */
export type ProfileId = 'walking' | 'rollator' | 'wheelchair';

/** All profile ids, in a fixed order (also the order of per-profile arrays in the bundle). */
export const PROFILE_IDS: readonly ProfileId[] = ['walking', 'rollator', 'wheelchair'];

export type WayStatus = 'passable' | 'limited' | 'impassable' | 'unknown';

/** Numeric status codes as stored in bundles and tiles. */
export const WAY_STATUS_CODES: Readonly<Record<WayStatus, number>> = {
	passable: 0,
	limited: 1,
	impassable: 2,
	unknown: 3,
};

/**
 * How a run treats `unknown` ways: `optimistic` uses them at the cost they would have if nothing
 * unknown were an obstacle; `cautious` does not use them at all.
 */
export type UnknownMode = 'optimistic' | 'cautious';

/** A profile: its speed and the cost factor for `limited` stretches. */
export interface Profile {
	id: ProfileId;
	/** Walking speed in km/h. */
	speedKmh: number;
	/** Walking speed in metres per second. */
	speedMps: number;
	/** Time multiplier on `limited` stretches (dimensionless, ≥ 1). */
	limitedCostFactor: number;
	label: { nl: string; fr: string; en: string };
}

function profile(
	id: ProfileId,
	speedKmh: number,
	limitedCostFactor: number,
	label: Profile['label'],
): Profile {
	return { id, speedKmh, speedMps: speedKmh / 3.6, limitedCostFactor, label };
}

/**
 * The profiles of DESIGN.md. The limited cost factors are our choice (documented here): a limited
 * stretch takes 1.5× (rollator: a long stretch without a bench, a rough surface) or 2× (wheelchair:
 * compacted/fine gravel, intermediate smoothness, 4–6 % incline) the time of a normal stretch.
 */
export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
	walking: profile('walking', 4.5, 1, { nl: 'Te voet', fr: 'À pied', en: 'Walking' }),
	rollator: profile('rollator', 3, 1.5, {
		nl: 'Met rollator',
		fr: 'Avec déambulateur',
		en: 'With a rollator',
	}),
	wheelchair: profile('wheelchair', 3.5, 2, {
		nl: 'In een rolstoel',
		fr: 'En fauteuil roulant',
		en: 'In a wheelchair',
	}),
};

/** Wheelchair limits of DESIGN.md. */
export const WHEELCHAIR_MAX_KERB_M = 0.03;
/** Maximum incline for a wheelchair, percent. */
export const WHEELCHAIR_MAX_INCLINE_PCT = 6;
/** Minimum clear width for a wheelchair, metres. */
export const WHEELCHAIR_MIN_WIDTH_M = 0.9;
/**
 * Rollator: a stretch longer than this many metres without a bench counts as `limited`
 * (DESIGN.md norms: a bench every 100–125 m on routes to important places).
 */
export const ROLLATOR_MAX_STRETCH_WITHOUT_BENCH_M = 125;

/**
 * Machine-readable reasons. Each is a bit in a 32-bit mask (see {@link REASON_BITS}), so bundles
 * and tiles can store them compactly.
 */
export type ReasonCode =
	| 'not_walkable' // highway value or access tags exclude pedestrians (then impassable for all)
	| 'steps'
	| 'kerb_raised'
	| 'kerb_unknown_height'
	| 'incline_steep'
	| 'incline_moderate'
	| 'surface_rough'
	| 'surface_loose'
	| 'smoothness_bad'
	| 'smoothness_intermediate'
	| 'width_narrow'
	| 'barrier_blocking'
	| 'no_bench_stretch'
	| 'wheelchair_no'
	| 'wheelchair_limited'
	| 'surface_unknown'
	| 'width_unknown';

/** The reasons that say only that the data do not know (a survey, not building works, settles them). */
export const UNKNOWN_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
	'kerb_unknown_height',
	'surface_unknown',
	'width_unknown',
]);

/** Bit position of each reason in a reason mask. Stable: append only. */
export const REASON_BITS: Readonly<Record<ReasonCode, number>> = {
	not_walkable: 0,
	steps: 1,
	kerb_raised: 2,
	kerb_unknown_height: 3,
	incline_steep: 4,
	incline_moderate: 5,
	surface_rough: 6,
	surface_loose: 7,
	smoothness_bad: 8,
	smoothness_intermediate: 9,
	width_narrow: 10,
	barrier_blocking: 11,
	no_bench_stretch: 12,
	wheelchair_no: 13,
	wheelchair_limited: 14,
	surface_unknown: 15,
	width_unknown: 16,
};

/** Attributes a profile may need and find untagged. */
export type UnknownAttribute = 'surface' | 'width' | 'kerb_height';

/** Bit position of each unknown attribute in an unknown mask. Stable: append only. */
export const UNKNOWN_BITS: Readonly<Record<UnknownAttribute, number>> = {
	surface: 0,
	width: 1,
	kerb_height: 2,
};
