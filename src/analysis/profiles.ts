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

import { ruleMatches, type TagRule } from '../contracts/taxonomy.ts';
import {
	REASON_BITS,
	ROLLATOR_MAX_STRETCH_WITHOUT_BENCH_M,
	UNKNOWN_BITS,
	WAY_STATUS_CODES,
	WHEELCHAIR_MAX_INCLINE_PCT,
	WHEELCHAIR_MAX_KERB_M,
	WHEELCHAIR_MIN_WIDTH_M,
	type ProfileId,
	type ReasonCode,
	type UnknownAttribute,
	type WayStatus,
} from '../contracts/profiles.ts';

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
 * What classification needs to know about one edge (or way), read once from its tags, the tags of
 * the tagged nodes on it and its longest stretch without a bench. The bundle keeps these per edge
 * ({@link EDGE_FLAG}, the `edge*` sections), so the worker classifies for any profile with
 * {@link classifyEdge}, the one function the pipeline's statuses also come from.
 * Numbers are Float32 (`Math.fround`), as stored: the pipeline and the worker compare the same
 * values. NaN: not tagged (or, for the bench stretch, not measured).
 */
export interface EdgeAttributes {
	/** Bits of {@link EDGE_FLAG}. */
	flags: number;
	/** Highest known kerb on the edge in metres (NaN: no kerb with a known height). */
	kerbM: number;
	/** Absolute incline in percent (NaN: not tagged). */
	inclinePct: number;
	/** Width (`width`, else `est_width`) in metres (NaN: not tagged). */
	widthM: number;
	/** Longest stretch without a bench in metres (NaN: not measured). */
	benchStretchM: number;
}

/** Bits and 2-bit fields of {@link EdgeAttributes.flags}. Stable: append only. */
export const EDGE_FLAG = {
	notWalkable: 1 << 0,
	steps: 1 << 1,
	/** A node with a barrier nobody on wheels gets past. */
	barrier: 1 << 2,
	/** Such a barrier node without `wheelchair=yes`. */
	barrierForWheelchair: 1 << 3,
	/** A kerb node whose height is not known. */
	kerbUnknown: 1 << 4,
	/** A road: the carriageway is wide enough, width is never missing. */
	road: 1 << 5,
	/** `wheelchair` tag, 2 bits at this shift: 0 none, 1 yes/designated, 2 no, 3 limited. */
	wheelchairShift: 6,
	/** Surface class, 2 bits: 0 paved, 1 loose, 2 rough, 3 unknown. */
	surfaceShift: 8,
	/** Smoothness, 2 bits: 0 not bad, 1 intermediate, 2 bad. */
	smoothnessShift: 10,
} as const;

const SURFACE_CLASSES = ['paved', 'loose', 'rough', 'unknown'] as const;

/** The surface class field's value (EDGE_FLAG.surfaceShift) of a surface the data do not give. */
export const UNKNOWN_SURFACE_CLASS = SURFACE_CLASSES.indexOf('unknown');

/** A surface class a wheel can meet: the paved class is never avoided. */
export type SurfaceClass = (typeof SURFACE_CLASSES)[number];

/**
 * Reads an edge's (or way's) classification attributes.
 *
 * @example edgeAttributes({ highway: 'steps' }).flags & EDGE_FLAG.steps // 2
 */
export function edgeAttributes(
	tags: Readonly<Record<string, string>>,
	context: WayContext = {},
): EdgeAttributes {
	let flags = 0;
	if (!isWalkableWay(tags)) flags |= EDGE_FLAG.notWalkable;
	const highway = tags.highway ?? '';
	if (highway === 'steps') flags |= EDGE_FLAG.steps;
	if (ROAD_HIGHWAYS.has(highway)) flags |= EDGE_FLAG.road;
	let kerbM = Number.NaN;
	for (const n of context.nodeTags ?? []) {
		const barrier = n.barrier;
		if (barrier !== undefined && BARRIER_BLOCKING_WHEELS.has(barrier)) {
			flags |= EDGE_FLAG.barrier;
			if (n.wheelchair !== 'yes') flags |= EDGE_FLAG.barrierForWheelchair;
		}
		const kerb = kerbHeightM(n);
		if (kerb === 'unknown') flags |= EDGE_FLAG.kerbUnknown;
		else if (kerb !== undefined && !(kerb <= kerbM)) kerbM = kerb;
	}
	const wc = tags.wheelchair;
	const wheelchair =
		wc === 'yes' || wc === 'designated' ? 1 : wc === 'no' ? 2 : wc === 'limited' ? 3 : 0;
	flags |= wheelchair << EDGE_FLAG.wheelchairShift;
	flags |= SURFACE_CLASSES.indexOf(surfaceClass(tags)) << EDGE_FLAG.surfaceShift;
	const sm = tags.smoothness;
	const smoothness =
		sm === undefined ? 0 : SMOOTHNESS_BAD.has(sm) ? 2 : sm === 'intermediate' ? 1 : 0;
	flags |= smoothness << EDGE_FLAG.smoothnessShift;
	return {
		flags,
		kerbM: Math.fround(kerbM),
		inclinePct: Math.fround(parseInclinePct(tags.incline)),
		widthM: Math.fround(parseLengthM(tags.width ?? tags['est_width'])),
		benchStretchM: Math.fround(context.stretchWithoutBenchM ?? Number.NaN),
	};
}

/** How a profile treats one surface class: fine, slower (limited) or avoided (impassable). */
export type SurfaceRule = 'ok' | 'limit' | 'block';

/**
 * What a profile can manage, as limits {@link classifyEdge} applies. The three built-in profiles
 * are {@link PROFILE_LIMITS}; a personal profile is one of them adjusted (`personal-profile.ts`).
 * Infinity: no limit (and then a missing attribute is never `unknown` for it).
 */
export interface ClassifyLimits {
	/** Steps can be taken. */
	steps: boolean;
	/** Blocking barriers (stile, turnstile …): ignored, always blocking, or unless `wheelchair=yes`. */
	barriers: 'ignore' | 'block' | 'block_unless_wheelchair_yes';
	/** The way's `wheelchair` tag counts (no: impassable, limited: limited, yes: surface and width fine). */
	wheelchairTag: boolean;
	/** Highest kerb in metres; a kerb without a height is `unknown` when finite. */
	maxKerbM: number;
	/** Steepest incline in percent (impassable above). */
	maxInclinePct: number;
	/** Incline above this (up to the max) is limited. */
	limitedInclinePct: number;
	rough: SurfaceRule;
	loose: SurfaceRule;
	/** A missing surface is `unknown`. */
	surfaceNeeded: boolean;
	/** Bad smoothness impassable, intermediate limited. */
	smoothness: boolean;
	/** Narrowest passage in metres (0: any); a missing width off the road is `unknown` when > 0. */
	minWidthM: number;
	/** Longest stretch without a bench in metres (longer: limited). */
	maxBenchStretchM: number;
}

/**
 * Whether limits ask nothing of the tags: no missing tag can make a way `unknown` under them, so
 * their data completeness is 100 % by definition and says nothing (the completeness panel says
 * that they need no extra tags instead of a share). The rule is the classification's own: a way
 * is `unknown` ({@link classifyEdgeInto}) only for a kerb without a height under a kerb limit, a
 * missing surface where the surface is needed, or a missing width off the road under a width
 * minimum. Walking and the rollator (which reads steps, barriers, rough surfaces and benches, but
 * takes a way whose surface is not tagged as it is) ask nothing; the wheelchair does, and so does
 * a personal profile with a kerb limit or a width minimum.
 *
 * @example asksNoTags(PROFILE_LIMITS.walking) // true
 * @example asksNoTags(PROFILE_LIMITS.wheelchair) // false
 */
export function asksNoTags(l: ClassifyLimits): boolean {
	const p = prepareLimits(l);
	return !p.kerbMatters && !p.surfaceNeeded && !(p.minWidthM > 0);
}

/** The limits of the three built-in profiles (DESIGN.md "Mobility profiles"). */
export const PROFILE_LIMITS: Readonly<Record<ProfileId, ClassifyLimits>> = {
	walking: {
		steps: true,
		barriers: 'ignore',
		wheelchairTag: false,
		maxKerbM: Infinity,
		maxInclinePct: Infinity,
		limitedInclinePct: Infinity,
		rough: 'ok',
		loose: 'ok',
		surfaceNeeded: false,
		smoothness: false,
		minWidthM: 0,
		maxBenchStretchM: Infinity,
	},
	rollator: {
		steps: false,
		barriers: 'block',
		wheelchairTag: false,
		maxKerbM: Infinity,
		maxInclinePct: Infinity,
		limitedInclinePct: Infinity,
		rough: 'limit',
		loose: 'ok',
		surfaceNeeded: false,
		smoothness: false,
		minWidthM: 0,
		maxBenchStretchM: ROLLATOR_MAX_STRETCH_WITHOUT_BENCH_M,
	},
	wheelchair: {
		steps: false,
		barriers: 'block_unless_wheelchair_yes',
		wheelchairTag: true,
		maxKerbM: WHEELCHAIR_MAX_KERB_M,
		maxInclinePct: WHEELCHAIR_MAX_INCLINE_PCT,
		limitedInclinePct: 4,
		rough: 'block',
		loose: 'limit',
		surfaceNeeded: true,
		smoothness: true,
		minWidthM: WHEELCHAIR_MIN_WIDTH_M,
		maxBenchStretchM: Infinity,
	},
};

const B = REASON_BITS;
const U = UNKNOWN_BITS;

/**
 * {@link ClassifyLimits} made ready for {@link classifyEdgeInto}: numbers only, thresholds as
 * Float32 like the attributes (compared as stored), so one pass over a million edges stays cheap.
 */
export interface PreparedLimits {
	stepsBlock: boolean;
	/** {@link EDGE_FLAG} bit whose presence blocks (0: barriers ignored). */
	barrierMask: number;
	wheelchairTag: boolean;
	kerbMatters: boolean;
	maxKerbM: number;
	maxInclinePct: number;
	limitedInclinePct: number;
	/** 0 fine, 1 limited, 2 impassable. */
	rough: number;
	loose: number;
	surfaceNeeded: boolean;
	smoothness: boolean;
	minWidthM: number;
	maxBenchStretchM: number;
}

const SURFACE_RULE_CODE: Readonly<Record<SurfaceRule, number>> = { ok: 0, limit: 1, block: 2 };

/** Prepares limits for {@link classifyEdgeInto}. */
export function prepareLimits(l: ClassifyLimits): PreparedLimits {
	return {
		stepsBlock: !l.steps,
		barrierMask:
			l.barriers === 'block'
				? EDGE_FLAG.barrier
				: l.barriers === 'block_unless_wheelchair_yes'
					? EDGE_FLAG.barrierForWheelchair
					: 0,
		wheelchairTag: l.wheelchairTag,
		kerbMatters: l.maxKerbM !== Infinity,
		maxKerbM: Math.fround(l.maxKerbM),
		maxInclinePct: Math.fround(l.maxInclinePct),
		limitedInclinePct: Math.fround(l.limitedInclinePct),
		rough: SURFACE_RULE_CODE[l.rough],
		loose: SURFACE_RULE_CODE[l.loose],
		surfaceNeeded: l.surfaceNeeded,
		smoothness: l.smoothness,
		minWidthM: Math.fround(l.minWidthM),
		maxBenchStretchM: Math.fround(l.maxBenchStretchM),
	};
}

/**
 * THE classification: the status code, reason mask and unknown mask of one edge for one profile's
 * limits, written to `out` at index `k` (no allocation: the worker re-classifies every edge of the
 * graph for a personal profile with it; the pipeline bakes the three built-in profiles with it).
 *
 * Precedence: impassable > unknown > limited > passable. Limits are compared as Float32, like
 * the attributes.
 */
export function classifyEdgeInto(
	flags: number,
	kerbM: number,
	inclinePct: number,
	widthM: number,
	benchStretchM: number,
	l: PreparedLimits,
	out: { statuses: Uint8Array; reasons: Uint32Array; unknowns: Uint8Array },
	k: number,
): void {
	if ((flags & EDGE_FLAG.notWalkable) !== 0) {
		out.statuses[k] = WAY_STATUS_CODES.impassable;
		out.reasons[k] = 1 << B.not_walkable;
		out.unknowns[k] = 0;
		return;
	}
	let block = false;
	let limit = false;
	let reasons = 0;
	let unknown = 0;
	const steps = (flags & EDGE_FLAG.steps) !== 0;
	if (steps && l.stepsBlock) {
		block = true;
		reasons |= 1 << B.steps;
	}
	let declaredFine = false;
	if (l.wheelchairTag) {
		const wc = (flags >>> EDGE_FLAG.wheelchairShift) & 3;
		if (wc === 2) {
			block = true;
			reasons |= 1 << B.wheelchair_no;
		} else if (wc === 3) {
			limit = true;
			reasons |= 1 << B.wheelchair_limited;
		}
		declaredFine = wc === 1;
	}
	if ((flags & l.barrierMask) !== 0) {
		block = true;
		reasons |= 1 << B.barrier_blocking;
	}
	if (l.kerbMatters) {
		if ((flags & EDGE_FLAG.kerbUnknown) !== 0) {
			unknown |= 1 << U.kerb_height;
			reasons |= 1 << B.kerb_unknown_height;
		}
		if (kerbM > l.maxKerbM) {
			block = true;
			reasons |= 1 << B.kerb_raised;
		}
	}
	if (inclinePct > l.maxInclinePct) {
		block = true;
		reasons |= 1 << B.incline_steep;
	} else if (inclinePct > l.limitedInclinePct) {
		limit = true;
		reasons |= 1 << B.incline_moderate;
	}
	const surface = (flags >>> EDGE_FLAG.surfaceShift) & 3;
	const rule = surface === 2 ? l.rough : surface === 1 ? l.loose : 0;
	if (rule === 2) {
		block = true;
		// the surface avoided named as it is: a person may avoid loose surfaces too
		reasons |= 1 << (surface === 2 ? B.surface_rough : B.surface_loose);
	} else if (rule === 1) {
		limit = true;
		reasons |= 1 << (surface === 2 ? B.surface_rough : B.surface_loose);
	} else if (surface === 3 && l.surfaceNeeded && !declaredFine && !steps) {
		unknown |= 1 << U.surface;
		reasons |= 1 << B.surface_unknown;
	}
	if (l.smoothness) {
		const sm = (flags >>> EDGE_FLAG.smoothnessShift) & 3;
		if (sm === 2) {
			block = true;
			reasons |= 1 << B.smoothness_bad;
		} else if (sm === 1) {
			limit = true;
			reasons |= 1 << B.smoothness_intermediate;
		}
	}
	if (l.minWidthM > 0) {
		if (widthM === widthM) {
			if (widthM < l.minWidthM) {
				block = true;
				reasons |= 1 << B.width_narrow;
			}
		} else if ((flags & EDGE_FLAG.road) === 0 && !declaredFine && !steps) {
			unknown |= 1 << U.width;
			reasons |= 1 << B.width_unknown;
		}
	}
	if (benchStretchM > l.maxBenchStretchM) {
		limit = true;
		reasons |= 1 << B.no_bench_stretch;
	}
	out.statuses[k] = block
		? WAY_STATUS_CODES.impassable
		: unknown !== 0
			? WAY_STATUS_CODES.unknown
			: limit
				? WAY_STATUS_CODES.limited
				: WAY_STATUS_CODES.passable;
	out.reasons[k] = reasons >>> 0;
	out.unknowns[k] = unknown;
}

const STATUS_BY_CODE: readonly WayStatus[] = ['passable', 'limited', 'impassable', 'unknown'];

/**
 * {@link classifyEdgeInto} for one edge's attributes, as a {@link WayClassification} (reasons in
 * bit order).
 *
 * @example classifyEdge(edgeAttributes({ highway: 'steps' }), PROFILE_LIMITS.wheelchair).status // 'impassable'
 */
export function classifyEdge(a: EdgeAttributes, limits: ClassifyLimits): WayClassification {
	const out = {
		statuses: new Uint8Array(1),
		reasons: new Uint32Array(1),
		unknowns: new Uint8Array(1),
	};
	classifyEdgeInto(
		a.flags,
		a.kerbM,
		a.inclinePct,
		a.widthM,
		a.benchStretchM,
		prepareLimits(limits),
		out,
		0,
	);
	return {
		status: STATUS_BY_CODE[out.statuses[0] as number] as WayStatus,
		reasons: reasonsFromMask(out.reasons[0] as number),
		unknown: unknownFromMask(out.unknowns[0] as number),
	};
}

/**
 * Classifies one OSM way for one profile: {@link classifyEdge} over {@link edgeAttributes} with
 * the profile's {@link PROFILE_LIMITS}.
 *
 * Rules (DESIGN.md "Mobility profiles"):
 * - not walkable ({@link isWalkableWay}) → impassable for every profile, reason `not_walkable`;
 * - walking: everything walkable is passable;
 * - rollator: steps and stiles/turnstiles impassable; `no_bench_stretch` (see {@link WayContext})
 *   and rough surfaces limited. A rollator needs nothing that can be untagged, so it is
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
	const limits = PROFILE_LIMITS[profileId];
	if (!limits)
		throw new Error(`unknown profile "${String(profileId)}": use walking, rollator or wheelchair`);
	return classifyEdge(edgeAttributes(tags, context), limits);
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
		nl: 'Stoeprand hoger dan 3 cm',
		fr: 'Bordure de plus de 3 cm',
		en: 'Kerb higher than 3 cm',
	},
	kerb_unknown_height: {
		nl: 'Hoogte stoeprand onbekend',
		fr: 'Hauteur de bordure inconnue',
		en: 'Kerb height unknown',
	},
	incline_steep: {
		nl: 'Helling steiler dan 6 %',
		fr: 'Pente de plus de 6 %',
		en: 'Incline steeper than 6 %',
	},
	incline_moderate: { nl: 'Helling 4–6 %', fr: 'Pente 4–6 %', en: 'Incline 4–6 %' },
	surface_rough: {
		nl: 'Ruwe verharding (grind, kasseien, gras, zand)',
		fr: 'Revêtement rugueux (gravier, pavés, herbe, sable)',
		en: 'Rough surface (gravel, setts, grass, sand)',
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

type LabelLang = keyof (typeof REASON_LABELS)[ReasonCode];

/** The reasons whose label names a limit, with the limit's values (undefined: no such limit). */
const LIMIT_LABELS: Partial<
	Record<
		ReasonCode,
		{
			text: Record<LabelLang, string>;
			values: (l: ClassifyLimits) => Record<string, number> | undefined;
		}
	>
> = {
	kerb_raised: {
		text: {
			nl: 'Stoeprand hoger dan {cm} cm',
			fr: 'Bordure de plus de {cm} cm',
			en: 'Kerb higher than {cm} cm',
		},
		values: (l) => (Number.isFinite(l.maxKerbM) ? { cm: l.maxKerbM * 100 } : undefined),
	},
	incline_steep: {
		text: {
			nl: 'Helling steiler dan {pct} %',
			fr: 'Pente de plus de {pct} %',
			en: 'Incline steeper than {pct} %',
		},
		values: (l) => (Number.isFinite(l.maxInclinePct) ? { pct: l.maxInclinePct } : undefined),
	},
	incline_moderate: {
		text: { nl: 'Helling {lo}–{hi} %', fr: 'Pente {lo}–{hi} %', en: 'Incline {lo}–{hi} %' },
		values: (l) =>
			Number.isFinite(l.maxInclinePct) && Number.isFinite(l.limitedInclinePct)
				? { lo: l.limitedInclinePct, hi: l.maxInclinePct }
				: undefined,
	},
	width_narrow: {
		text: {
			nl: 'Smaller dan {m} m',
			fr: 'Moins de {m} m de large',
			en: 'Narrower than {m} m',
		},
		values: (l) => (l.minWidthM > 0 ? { m: l.minWidthM } : undefined),
	},
	no_bench_stretch: {
		text: {
			nl: 'Lang stuk zonder bank (> {m} m)',
			fr: 'Long tronçon sans banc (> {m} m)',
			en: 'Long stretch without a bench (> {m} m)',
		},
		values: (l) => (Number.isFinite(l.maxBenchStretchM) ? { m: l.maxBenchStretchM } : undefined),
	},
};

/**
 * A reason's label naming the limits it was classified with: a person whose kerb limit is 2 cm
 * reads "Stoeprand hoger dan 2 cm", not the wheelchair profile's 3 cm. Numbers as the language
 * writes them (0,9 in Dutch and French), at most one decimal. Without limits, or for a reason that
 * names none: {@link REASON_LABELS} (the built-in profiles' thresholds, tested equal).
 *
 * @example reasonLabel('kerb_raised', 'nl', { ...PROFILE_LIMITS.wheelchair, maxKerbM: 0.02 }) // 'Stoeprand hoger dan 2 cm'
 */
export function reasonLabel(code: ReasonCode, lang: LabelLang, limits?: ClassifyLimits): string {
	const label = LIMIT_LABELS[code];
	const values = label && limits ? label.values(limits) : undefined;
	if (!label || !values) return REASON_LABELS[code][lang];
	const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
	return label.text[lang].replace(/\{(\w+)\}/g, (_, name: string) =>
		format.format(values[name] as number),
	);
}
