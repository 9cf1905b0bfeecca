/**
 * Mobility profiles (DESIGN.md "Mobility profiles") and the pure classification of an OSM way per
 * profile. This module is shared: the pipeline (scripts/) writes the per-profile status and reason
 * codes into the pedestrian-network vector tiles, and the analysis engine derives its routing costs
 * from the very same function, so the map and the numbers can never disagree.
 *
 * Status per profile:
 * - `passable`   — nothing known stands in the way;
 * - `limited`    — passable at an extra cost (see {@link PROFILES} `limitedCostFactor`);
 * - `impassable` — a known attribute excludes it (steps for a wheelchair, a stile, ...);
 * - `unknown`    — no known obstacle, but an attribute this profile needs is not tagged. Whether an
 *                  unknown way is used is an explicit per-run choice ({@link UnknownMode}).
 *
 * Precedence: impassable > unknown > limited > passable. A way that is both limited (known) and
 * unknown (another attribute) has status `unknown` and keeps its limited reasons, so an optimistic
 * run still charges the limited cost.
 */

import { ruleMatches, type TagRule } from './taxonomy.ts';

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

/** The result of classifying one way for one profile. */
export interface WayClassification {
	status: WayStatus;
	/** Why the way is limited, impassable or unknown (empty when passable). */
	reasons: ReasonCode[];
	/** Attributes this profile needed that are not tagged. */
	unknown: UnknownAttribute[];
}

/**
 * Highway values a pedestrian may use, following iD's `osmRoutableHighwayTagValues` minus the
 * ones closed to pedestrians (motorway, motorway_link, bus_guideway, busway, ladder, raceway).
 * `trunk` and `trunk_link` are walkable only with a sidewalk or explicit foot access.
 */
export const WALKABLE_HIGHWAYS: readonly string[] = [
	'primary',
	'primary_link',
	'secondary',
	'secondary_link',
	'tertiary',
	'tertiary_link',
	'unclassified',
	'residential',
	'living_street',
	'road',
	'service',
	'track',
	'pedestrian',
	'path',
	'footway',
	'cycleway',
	'bridleway',
	'corridor',
	'steps',
	'platform',
];

const TRUNK_HIGHWAYS = ['trunk', 'trunk_link'];
/** `foot` values that open a way to pedestrians whatever its `access`. */
const FOOT_YES = ['yes', 'designated', 'permissive', 'official', 'destination'];
/** `foot` values that close a way to pedestrians whatever else it says. */
const FOOT_NO = ['no', 'private', 'use_sidepath'];
/** `access` values that close a way to everyone, pedestrians included (unless a foot tag opens it). */
const ACCESS_NO = ['no', 'private', 'military', 'delivery'];
/**
 * `access` values that restrict vehicles only: the Belgian sign C3 "except agricultural /
 * forestry traffic" binds drivers ("bestuurders"), not pedestrians.
 */
const ACCESS_VEHICLES_ONLY = ['agricultural', 'forestry'];
const SIDEWALK_PRESENT = ['both', 'left', 'right', 'yes', 'separate'];

/**
 * One row of the walkable rule: when every tag condition of `when` holds (and `unless`, if given,
 * does not), the way is `walkable` or not. Conditions as in the taxonomy ({@link TagRule}):
 * a value, a list of values, `true` (present, not "no"), `null` (absent).
 */
export interface WalkableRule {
	when: TagRule;
	unless?: TagRule;
	walkable: boolean;
	/** Why, in plain words (printed in every area manifest). */
	why: string;
}

/**
 * THE walkable rule, as data: the first row that matches a way's tags decides whether pedestrians
 * may use it. Printed in every area manifest (`walkableRules`); each row has its own test.
 */
export const WALKABLE_RULES: readonly WalkableRule[] = [
	{ when: { highway: null }, walkable: false, why: 'not a highway' },
	{
		when: { foot: FOOT_NO },
		walkable: false,
		why: 'foot=no, private or use_sidepath closes it to pedestrians',
	},
	{
		when: { area: 'yes' },
		unless: { highway: ['pedestrian', 'footway'] },
		walkable: false,
		why: 'an area outline (area=yes), not a way, unless a pedestrian or footway area',
	},
	{
		when: { highway: TRUNK_HIGHWAYS, foot: FOOT_YES },
		walkable: true,
		why: 'trunk road open to pedestrians by a foot tag',
	},
	{
		when: { highway: TRUNK_HIGHWAYS, sidewalk: SIDEWALK_PRESENT },
		walkable: true,
		why: 'trunk road with a sidewalk',
	},
	{
		when: { highway: TRUNK_HIGHWAYS, 'sidewalk:both': SIDEWALK_PRESENT },
		walkable: true,
		why: 'trunk road with sidewalks on both sides',
	},
	{
		when: { highway: TRUNK_HIGHWAYS },
		walkable: false,
		why: 'trunk road without sidewalk or foot access',
	},
	{
		when: { highway: WALKABLE_HIGHWAYS, foot: FOOT_YES },
		walkable: true,
		why: 'foot=yes, designated, permissive, official or destination opens it whatever access says',
	},
	{
		when: { highway: WALKABLE_HIGHWAYS, access: ACCESS_VEHICLES_ONLY },
		walkable: true,
		why: 'access=agricultural or forestry restricts vehicles only (Belgian sign C3 binds drivers, not pedestrians)',
	},
	{
		when: { highway: WALKABLE_HIGHWAYS, access: ACCESS_NO },
		walkable: false,
		why: 'access=no, private, military or delivery without a foot tag that opens it',
	},
	{
		when: { highway: WALKABLE_HIGHWAYS },
		walkable: true,
		why: 'a highway value pedestrians may use',
	},
	{
		when: {},
		walkable: false,
		why: 'a highway value closed to pedestrians (motorway, busway, raceway …) or not a way to walk (bus_stop, rest_area, construction …)',
	},
];

/**
 * The row of {@link WALKABLE_RULES} that decides for these tags (its index).
 *
 * @example walkableRuleIndex({ highway: 'footway' }) // the "highway value pedestrians may use" row
 */
export function walkableRuleIndex(tags: Readonly<Record<string, string>>): number {
	for (let i = 0; i < WALKABLE_RULES.length; i++) {
		const r = WALKABLE_RULES[i] as WalkableRule;
		if (ruleMatches(r.when, tags) && !(r.unless && ruleMatches(r.unless, tags))) return i;
	}
	return WALKABLE_RULES.length - 1;
}

/**
 * Whether pedestrians may use a way at all, regardless of profile: the first matching row of
 * {@link WALKABLE_RULES}.
 *
 * @param tags OSM tags of the way.
 * @example isWalkableWay({ highway: 'footway' }) // true
 * @example isWalkableWay({ highway: 'motorway' }) // false
 * @example isWalkableWay({ highway: 'track', access: 'private', foot: 'yes' }) // true
 * @example isWalkableWay({ highway: 'track', access: 'agricultural' }) // true
 */
export function isWalkableWay(tags: Readonly<Record<string, string>>): boolean {
	return (WALKABLE_RULES[walkableRuleIndex(tags)] as WalkableRule).walkable;
}

const SURFACE_PAVED = new Set([
	'paved',
	'asphalt',
	'concrete',
	'concrete:plates',
	'concrete:lanes',
	'paving_stones',
	'paving_stones:lanes',
	'metal',
	'wood',
	'rubber',
	'tartan',
	'chipseal',
	'acrylic',
	'carpet',
]);
/** Passable with effort for a wheelchair: limited. */
const SURFACE_LOOSE = new Set(['compacted', 'fine_gravel', 'grass_paver', 'bricks', 'clay']);
/** Impassable for a wheelchair (DESIGN.md: gravel, sett, grass, sand, unpaved ...). */
const SURFACE_ROUGH = new Set([
	'unpaved',
	'gravel',
	'pebblestone',
	'rock',
	'sett',
	'cobblestone',
	'unhewn_cobblestone',
	'cobblestone:flattened',
	'grass',
	'sand',
	'dirt',
	'earth',
	'ground',
	'mud',
	'woodchips',
	'snow',
	'ice',
	'salt',
	'stepping_stones',
]);
const SMOOTHNESS_BAD = new Set(['bad', 'very_bad', 'horrible', 'very_horrible', 'impassable']);
/** Barriers nobody on wheels gets past. */
const BARRIER_BLOCKING_WHEELS = new Set([
	'stile',
	'turnstile',
	'kissing_gate',
	'full-height_turnstile',
	'step',
	'log',
	'debris',
]);

/**
 * Parses an OSM length in metres: "1.2", "1.2 m", "120 cm", "3'6\"" is not supported (returns NaN).
 */
export function parseLengthM(value: string | undefined): number {
	if (value === undefined) return Number.NaN;
	const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*(m|cm|mm)?\s*$/.exec(value);
	if (!m || m[1] === undefined) return Number.NaN;
	const n = Number(m[1].replace(',', '.'));
	if (m[2] === 'cm') return n / 100;
	if (m[2] === 'mm') return n / 1000;
	return n;
}

/**
 * Parses an OSM `incline` as an absolute percentage: "6%", "-8 %", "5°". "up"/"down"/"yes" give
 * NaN (direction only). Unitless numbers are read as percent.
 */
export function parseInclinePct(value: string | undefined): number {
	if (value === undefined) return Number.NaN;
	const m = /^\s*([-+]?\d+(?:[.,]\d+)?)\s*(%|°)?\s*$/.exec(value);
	if (!m || m[1] === undefined) return Number.NaN;
	const n = Math.abs(Number(m[1].replace(',', '.')));
	return m[2] === '°' ? Math.tan((n * Math.PI) / 180) * 100 : n;
}

/** Extra context for {@link classifyWay}. */
export interface WayContext {
	/** Tags of the tagged nodes on the way (barriers, kerbs, crossings). */
	nodeTags?: readonly Readonly<Record<string, string>>[];
	/**
	 * Length in metres of the longest stretch of this way (or edge) without a bench on or next to
	 * it; when given and above {@link ROLLATOR_MAX_STRETCH_WITHOUT_BENCH_M}, the rollator status is
	 * `limited` with reason `no_bench_stretch`.
	 */
	stretchWithoutBenchM?: number;
}

/** Collects reasons and unknowns, then settles the status with the documented precedence. */
class Verdict {
	impassable = false;
	limited = false;
	reasons: ReasonCode[] = [];
	unknown: UnknownAttribute[] = [];
	block(r: ReasonCode): void {
		this.impassable = true;
		if (!this.reasons.includes(r)) this.reasons.push(r);
	}
	limit(r: ReasonCode): void {
		this.limited = true;
		if (!this.reasons.includes(r)) this.reasons.push(r);
	}
	miss(a: UnknownAttribute, r: ReasonCode): void {
		if (!this.unknown.includes(a)) this.unknown.push(a);
		if (!this.reasons.includes(r)) this.reasons.push(r);
	}
	result(): WayClassification {
		const status: WayStatus = this.impassable
			? 'impassable'
			: this.unknown.length > 0
				? 'unknown'
				: this.limited
					? 'limited'
					: 'passable';
		return { status, reasons: this.reasons, unknown: this.unknown };
	}
}

function kerbHeightM(tags: Readonly<Record<string, string>>): number | 'unknown' | undefined {
	const isKerb =
		tags.barrier === 'kerb' || tags.kerb !== undefined || tags['kerb:height'] !== undefined;
	if (!isKerb) return undefined;
	const h = parseLengthM(tags['kerb:height']);
	if (!Number.isNaN(h)) return h;
	switch (tags.kerb) {
		case 'flush':
		case 'no':
			return 0;
		case 'lowered':
			return 0.02; // OSM wiki: lowered kerbs are ~0–3 cm
		case 'raised':
		case 'rolled':
		case 'yes':
			return tags.kerb === 'rolled' ? 0.03 : 0.1;
		default:
			return 'unknown';
	}
}

/** The surface verdict for wheels, from `surface`, else `tracktype` (grade1 is paved). */
function surfaceClass(
	tags: Readonly<Record<string, string>>,
): 'paved' | 'loose' | 'rough' | 'unknown' {
	const surface = tags.surface;
	if (surface !== undefined) {
		if (SURFACE_PAVED.has(surface)) return 'paved';
		if (SURFACE_LOOSE.has(surface)) return 'loose';
		if (SURFACE_ROUGH.has(surface)) return 'rough';
		return 'unknown';
	}
	switch (tags.tracktype) {
		case 'grade1':
			return 'paved';
		case 'grade2':
			return 'loose';
		case 'grade3':
		case 'grade4':
		case 'grade5':
			return 'rough';
		default:
			return 'unknown';
	}
}

/** Highway values where the carriageway itself is the walking surface and width is not an issue. */
const ROAD_HIGHWAYS = new Set([
	'primary',
	'primary_link',
	'secondary',
	'secondary_link',
	'tertiary',
	'tertiary_link',
	'unclassified',
	'residential',
	'living_street',
	'road',
	'service',
	'trunk',
	'trunk_link',
	'pedestrian',
]);

/**
 * Classifies one OSM way for one profile.
 *
 * Rules (DESIGN.md "Mobility profiles"):
 * - not walkable ({@link isWalkableWay}) → impassable for every profile, reason `not_walkable`;
 * - walking: everything walkable is passable;
 * - rollator: steps and stiles/turnstiles impassable; `no_bench_stretch` (see {@link WayContext})
 *   and rough/loose surfaces limited. A rollator needs nothing that can be untagged, so it is
 *   never `unknown`;
 * - wheelchair: steps, raised kerb > 3 cm, incline > 6 %, rough surface, bad smoothness,
 *   width < 0.9 m, blocking barriers, `wheelchair=no` impassable; loose surface, intermediate
 *   smoothness, incline 4–6 %, `wheelchair=limited` limited; a missing surface (and tracktype)
 *   is unknown; a missing width is unknown only on paths, footways, cycleways, bridleways and
 *   tracks (on roads the carriageway is wide enough); a kerb node without height is unknown.
 *   Missing `incline` is not counted as unknown: OSM tags incline only where it is notable.
 *   `wheelchair=yes` settles surface and width as known and fine.
 *
 * @param tags OSM tags of the way.
 * @param profileId The profile.
 * @param context Node tags on the way and the stretch without a bench, when known.
 * @example classifyWay({ highway: 'steps' }, 'wheelchair') // { status: 'impassable', reasons: ['steps'], unknown: [] }
 * @example classifyWay({ highway: 'footway', surface: 'asphalt' }, 'wheelchair') // { status: 'unknown', reasons: ['width_unknown'], unknown: ['width'] }
 */
export function classifyWay(
	tags: Readonly<Record<string, string>>,
	profileId: ProfileId,
	context: WayContext = {},
): WayClassification {
	const v = new Verdict();
	if (!isWalkableWay(tags)) {
		v.block('not_walkable');
		return v.result();
	}
	if (profileId === 'walking') return v.result();

	const highway = tags.highway ?? '';
	const nodeTags = context.nodeTags ?? [];
	const isSteps = highway === 'steps';
	const wheelchairTag = tags.wheelchair;

	if (profileId === 'rollator') {
		if (isSteps) v.block('steps');
		for (const n of nodeTags) {
			const barrier = n.barrier;
			if (barrier !== undefined && BARRIER_BLOCKING_WHEELS.has(barrier))
				v.block('barrier_blocking');
		}
		const surface = surfaceClass(tags);
		if (surface === 'rough') v.limit('surface_rough');
		const stretch = context.stretchWithoutBenchM;
		if (stretch !== undefined && stretch > ROLLATOR_MAX_STRETCH_WITHOUT_BENCH_M) {
			v.limit('no_bench_stretch');
		}
		return v.result();
	}

	// wheelchair
	if (isSteps) v.block('steps');
	if (wheelchairTag === 'no') v.block('wheelchair_no');
	if (wheelchairTag === 'limited') v.limit('wheelchair_limited');
	const declaredFine = wheelchairTag === 'yes' || wheelchairTag === 'designated';

	for (const n of nodeTags) {
		const barrier = n.barrier;
		if (barrier !== undefined && BARRIER_BLOCKING_WHEELS.has(barrier) && n.wheelchair !== 'yes') {
			v.block('barrier_blocking');
		}
		const kerb = kerbHeightM(n);
		if (kerb === 'unknown') v.miss('kerb_height', 'kerb_unknown_height');
		else if (kerb !== undefined && kerb > WHEELCHAIR_MAX_KERB_M) v.block('kerb_raised');
	}

	const incline = parseInclinePct(tags.incline);
	if (!Number.isNaN(incline)) {
		if (incline > WHEELCHAIR_MAX_INCLINE_PCT) v.block('incline_steep');
		else if (incline > 4) v.limit('incline_moderate');
	}

	const surface = surfaceClass(tags);
	if (surface === 'rough') v.block('surface_rough');
	else if (surface === 'loose') v.limit('surface_loose');
	else if (surface === 'unknown' && !declaredFine && !isSteps) v.miss('surface', 'surface_unknown');

	const smoothness = tags.smoothness;
	if (smoothness !== undefined) {
		if (SMOOTHNESS_BAD.has(smoothness)) v.block('smoothness_bad');
		else if (smoothness === 'intermediate') v.limit('smoothness_intermediate');
	}

	const width = parseLengthM(tags.width ?? tags['est_width']);
	if (!Number.isNaN(width)) {
		if (width < WHEELCHAIR_MIN_WIDTH_M) v.block('width_narrow');
	} else if (!ROAD_HIGHWAYS.has(highway) && !declaredFine && !isSteps) {
		v.miss('width', 'width_unknown');
	}
	return v.result();
}

/**
 * Classifies a way for all three profiles at once (the form the pipeline writes into tiles).
 *
 * @example classifyWayAllProfiles({ highway: 'residential', surface: 'asphalt' }).wheelchair.status // 'passable'
 */
export function classifyWayAllProfiles(
	tags: Readonly<Record<string, string>>,
	context: WayContext = {},
): Record<ProfileId, WayClassification> {
	return {
		walking: classifyWay(tags, 'walking', context),
		rollator: classifyWay(tags, 'rollator', context),
		wheelchair: classifyWay(tags, 'wheelchair', context),
	};
}

/** Encodes reason codes as a 32-bit mask ({@link REASON_BITS}). */
export function reasonMask(reasons: readonly ReasonCode[]): number {
	let mask = 0;
	for (const r of reasons) mask |= 1 << REASON_BITS[r];
	return mask >>> 0;
}

/** Decodes a reason mask into reason codes, in bit order. */
export function reasonsFromMask(mask: number): ReasonCode[] {
	const out: ReasonCode[] = [];
	for (const [code, bit] of Object.entries(REASON_BITS) as [ReasonCode, number][]) {
		if ((mask >>> bit) & 1) out.push(code);
	}
	return out;
}

/** Encodes unknown attributes as a mask ({@link UNKNOWN_BITS}). */
export function unknownMask(unknown: readonly UnknownAttribute[]): number {
	let mask = 0;
	for (const a of unknown) mask |= 1 << UNKNOWN_BITS[a];
	return mask;
}

/** Decodes an unknown mask into attribute names, in bit order. */
export function unknownFromMask(mask: number): UnknownAttribute[] {
	const out: UnknownAttribute[] = [];
	for (const [a, bit] of Object.entries(UNKNOWN_BITS) as [UnknownAttribute, number][]) {
		if ((mask >>> bit) & 1) out.push(a);
	}
	return out;
}

/** Reasons that only make a way `limited` (cost more), never impassable. */
export const LIMITING_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
	'incline_moderate',
	'surface_loose',
	'smoothness_intermediate',
	'no_bench_stretch',
	'wheelchair_limited',
]);

/** Human-readable reason labels (nl first, fr, en) for the route and network panels. */
export const REASON_LABELS: Readonly<Record<ReasonCode, { nl: string; fr: string; en: string }>> = {
	not_walkable: {
		nl: 'Niet toegankelijk te voet',
		fr: 'Interdit aux piétons',
		en: 'Not open to pedestrians',
	},
	steps: { nl: 'Trappen', fr: 'Escaliers', en: 'Steps' },
	kerb_raised: {
		nl: 'Hoge stoeprand (> 3 cm)',
		fr: 'Bordure haute (> 3 cm)',
		en: 'Raised kerb (> 3 cm)',
	},
	kerb_unknown_height: {
		nl: 'Hoogte stoeprand onbekend',
		fr: 'Hauteur de bordure inconnue',
		en: 'Kerb height unknown',
	},
	incline_steep: { nl: 'Helling > 6 %', fr: 'Pente > 6 %', en: 'Incline > 6 %' },
	incline_moderate: { nl: 'Helling 4–6 %', fr: 'Pente 4–6 %', en: 'Incline 4–6 %' },
	surface_rough: {
		nl: 'Ruwe verharding (grind, kasseien, gras, zand)',
		fr: 'Revêtement rugueux (gravier, pavés, herbe, sable)',
		en: 'Rough surface (gravel, sett, grass, sand)',
	},
	surface_loose: { nl: 'Halfverharding', fr: 'Revêtement semi-stabilisé', en: 'Loose surface' },
	smoothness_bad: { nl: 'Slecht wegdek', fr: 'Revêtement en mauvais état', en: 'Bad smoothness' },
	smoothness_intermediate: {
		nl: 'Matig wegdek',
		fr: 'Revêtement moyen',
		en: 'Intermediate smoothness',
	},
	width_narrow: {
		nl: 'Smaller dan 0,9 m',
		fr: 'Moins de 0,9 m de large',
		en: 'Narrower than 0.9 m',
	},
	barrier_blocking: {
		nl: 'Versperring (draaihek, overstap)',
		fr: 'Obstacle (tourniquet, échalier)',
		en: 'Blocking barrier (stile, turnstile)',
	},
	no_bench_stretch: {
		nl: 'Lang stuk zonder bank (> 125 m)',
		fr: 'Long tronçon sans banc (> 125 m)',
		en: 'Long stretch without a bench (> 125 m)',
	},
	wheelchair_no: {
		nl: 'Niet rolstoeltoegankelijk',
		fr: 'Non accessible en fauteuil',
		en: 'Not wheelchair accessible',
	},
	wheelchair_limited: {
		nl: 'Beperkt rolstoeltoegankelijk',
		fr: 'Accessibilité limitée en fauteuil',
		en: 'Limited wheelchair access',
	},
	surface_unknown: { nl: 'Verharding onbekend', fr: 'Revêtement inconnu', en: 'Surface unknown' },
	width_unknown: { nl: 'Breedte onbekend', fr: 'Largeur inconnue', en: 'Width unknown' },
};
