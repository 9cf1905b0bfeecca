/**
 * A personal mobility profile: what *this* person can manage, starting from one of the three
 * built-in profiles ({@link PROFILES}) and adjusted. It turns into the limits the one
 * classification function applies ({@link limitsOf} → {@link classifyEdgeInto}) and a speed and
 * limited-cost factor for routing ({@link personalSpeedMps}).
 *
 * The Flemish norms (DESIGN.md "Norms") are the reference points of the defaults and help texts
 * ({@link FLEMISH_NORMS}): clear sidewalk width ≥ 1.50 m, level difference ≤ 2 cm, ramps from
 * 10 % (up to 10 cm rise) to 5 % (above 50 cm), a bench every 100–125 m for older walkers.
 */
import { classifyEdges, type RoutingGraph } from './bundle.ts';
import { PROFILE_LIMITS, type ClassifyLimits } from './profiles.ts';
import { PROFILES, PROFILE_IDS, type ProfileId, type UnknownMode } from '../contracts/profiles.ts';

/** Walking speed in plain words. `usual`: the base profile's own speed. */
export const SPEED_CHOICES = ['usual', 'slow', 'very_slow'] as const;
export type SpeedChoice = (typeof SPEED_CHOICES)[number];

/**
 * Metres per second of `slow` and `very_slow`: 0.8 m/s (2.9 km/h) is about the slowest tenth of
 * people over 65 at their comfortable pace; 0.5 m/s (1.8 km/h) a frail walker with a rollator.
 */
export const SPEED_MPS: Readonly<Record<Exclude<SpeedChoice, 'usual'>, number>> = {
	slow: 0.8,
	very_slow: 0.5,
};

/** Surfaces a person can choose to avoid (paved is never avoided). */
export const AVOIDABLE_SURFACES = ['rough', 'loose'] as const;
export type AvoidableSurface = (typeof AVOIDABLE_SURFACES)[number];

/** The Flemish norms the profile's defaults and help texts refer to (DESIGN.md "Norms"). */
export const FLEMISH_NORMS = {
	/** Clear sidewalk width, metres. */
	sidewalkWidthM: 1.5,
	/** Level difference (kerb), centimetres. */
	levelDifferenceCm: 2,
	/** Ramp slope for a rise up to 10 cm, percent. */
	rampShortPct: 10,
	/** Ramp slope for a rise above 50 cm, percent. */
	rampLongPct: 5,
	/** A bench every this many metres for older walkers (upper bound of 100–125 m). */
	benchEveryM: 125,
} as const;

export interface PersonalProfile {
	/** The built-in profile it starts from (its speed and limited-cost factor, its other rules). */
	base: ProfileId;
	speed: SpeedChoice;
	/** Highest kerb that can be taken, centimetres; null: kerbs do not matter. */
	kerbCm: number | null;
	/** Steepest slope, percent; null: slopes do not matter. */
	slopePct: number | null;
	/** Narrowest passage, metres; null: width does not matter. */
	minWidthM: number | null;
	/** Steps are possible. */
	steps: boolean;
	/** Surfaces avoided (impassable for this person). */
	avoid: AvoidableSurface[];
	/** Longest stretch without a bench, metres (longer: slower going); null: no need. */
	benchStretchM: number | null;
	/** Whether untagged data counts as fine (optimistic) or as not usable (cautious). */
	unknown: UnknownMode;
}

/**
 * The personal profile equal to a built-in one: {@link limitsOf} gives exactly its
 * {@link PROFILE_LIMITS} (tested), so starting from it changes nothing until a value is adjusted.
 */
export function builtInProfile(
	base: ProfileId,
	unknown: UnknownMode = 'optimistic',
): PersonalProfile {
	const l = PROFILE_LIMITS[base];
	return {
		base,
		speed: 'usual',
		kerbCm: l.maxKerbM === Infinity ? null : Math.round(l.maxKerbM * 1000) / 10,
		slopePct: l.maxInclinePct === Infinity ? null : l.maxInclinePct,
		minWidthM: l.minWidthM === 0 ? null : l.minWidthM,
		steps: l.steps,
		avoid: AVOIDABLE_SURFACES.filter((s) => l[s] === 'block'),
		benchStretchM: l.maxBenchStretchM === Infinity ? null : l.maxBenchStretchM,
		unknown,
	};
}

/**
 * The classification limits of a personal profile: the base profile's rules (barriers, the
 * `wheelchair` tag, smoothness) with the person's values. A surface not avoided that the base
 * profile blocks is only slower; the moderate-incline band is the upper third below the steepest
 * slope (6 % → limited above 4 %, as the wheelchair profile).
 */
export function limitsOf(p: PersonalProfile): ClassifyLimits {
	const base = PROFILE_LIMITS[p.base];
	const surface = (s: AvoidableSurface): ClassifyLimits['rough'] =>
		p.avoid.includes(s) ? 'block' : base[s] === 'block' ? 'limit' : base[s];
	return {
		...base,
		steps: p.steps,
		maxKerbM: p.kerbCm === null ? Infinity : p.kerbCm / 100,
		maxInclinePct: p.slopePct ?? Infinity,
		limitedInclinePct: p.slopePct === null ? Infinity : (p.slopePct * 2) / 3,
		rough: surface('rough'),
		loose: surface('loose'),
		minWidthM: p.minWidthM ?? 0,
		maxBenchStretchM: p.benchStretchM ?? Infinity,
	};
}

/** Walking speed in m/s. */
export function personalSpeedMps(p: PersonalProfile): number {
	return p.speed === 'usual' ? PROFILES[p.base].speedMps : SPEED_MPS[p.speed];
}

/**
 * Time multiplier on limited stretches: the base profile's, at least 1.5 (a walking-based profile
 * with a bench or slope limit must feel its limited stretches).
 */
export function personalLimitedCostFactor(p: PersonalProfile): number {
	return Math.max(PROFILES[p.base].limitedCostFactor, 1.5);
}

/**
 * Whether a personal profile is exactly its base built-in profile as the app uses it (unknown data
 * optimistic): then there is nothing personal to keep. A profile whose only change is "unknown
 * data: cautious" is personal (its answers differ), though its statuses are the built-in ones
 * ({@link hasBuiltInLimits}).
 */
export function isBuiltIn(p: PersonalProfile): boolean {
	return encodePersonalProfile(p) === encodePersonalProfile(builtInProfile(p.base));
}

/**
 * Whether a personal profile classifies and routes exactly as its base built-in profile (how
 * unknown data counts aside: every job carries its unknown mode): then the built-in engine and
 * the baked statuses serve.
 */
export function hasBuiltInLimits(p: PersonalProfile): boolean {
	return encodePersonalProfile(p) === encodePersonalProfile(builtInProfile(p.base, p.unknown));
}

/** One way a personal profile differs from its base built-in profile ({@link personalDifferences}). */
export type PersonalDifference =
	| { field: 'speed'; value: SpeedChoice }
	| { field: 'kerbCm' | 'slopePct' | 'minWidthM' | 'benchStretchM'; value: number | null }
	| { field: 'steps'; value: boolean }
	| { field: 'avoid'; value: AvoidableSurface[] }
	| { field: 'unknown'; value: UnknownMode };

/**
 * What a personal profile changes against its base built-in profile (as the app uses it: unknown
 * data optimistic), in the form's order: the words a profile's name is made of (`I18n.profileName`).
 * Empty for a built-in profile.
 *
 * @example personalDifferences({ ...builtInProfile('wheelchair'), kerbCm: 2, slopePct: 5 }) // [{ field: 'kerbCm', value: 2 }, { field: 'slopePct', value: 5 }]
 */
export function personalDifferences(p: PersonalProfile): PersonalDifference[] {
	const b = builtInProfile(p.base);
	const out: PersonalDifference[] = [];
	if (p.speed !== b.speed) out.push({ field: 'speed', value: p.speed });
	for (const field of ['kerbCm', 'slopePct', 'minWidthM', 'benchStretchM'] as const) {
		if (p[field] !== b[field]) out.push({ field, value: p[field] });
	}
	if (p.steps !== b.steps) out.push({ field: 'steps', value: p.steps });
	const avoided = AVOIDABLE_SURFACES.filter((s) => p.avoid.includes(s));
	if (avoided.join() !== AVOIDABLE_SURFACES.filter((s) => b.avoid.includes(s)).join()) {
		out.push({ field: 'avoid', value: avoided });
	}
	if (p.unknown !== b.unknown) out.push({ field: 'unknown', value: p.unknown });
	return out;
}

/**
 * The personal profile applied on `profile`, if any: its text reads, starts from this profile and
 * is not the built-in profile itself. Names and answers use it; anything else is the built-in one.
 */
export function appliedPersonal(
	profile: ProfileId,
	personal: string | null | undefined,
): PersonalProfile | undefined {
	if (!personal || !personal.startsWith(`${profile}.`)) return undefined;
	try {
		const p = decodePersonalProfile(personal);
		return isBuiltIn(p) ? undefined : p;
	} catch {
		return undefined;
	}
}

/** The allowed range of each number of a personal profile (null, "not set", is always allowed). */
export const PERSONAL_RANGES = {
	kerbCm: [0, 30],
	slopePct: [0, 30],
	minWidthM: [0.3, 3],
	benchStretchM: [20, 2000],
} as const;

/**
 * What is wrong with a personal profile, for a message in the person's language: a number
 * outside its range (or not a number), or a choice that is not one of the list's.
 */
export type PersonalProfileIssue =
	| { kind: 'range'; field: keyof typeof PERSONAL_RANGES; found: number; min: number; max: number }
	| { kind: 'choice'; field: 'base' | 'speed' | 'avoid' | 'unknown'; found: string };

/** A personal profile that cannot be applied; `issue` says what, the message says it in English. */
export class PersonalProfileError extends Error {
	override name = 'PersonalProfileError';
	readonly issue: PersonalProfileIssue;
	constructor(message: string, issue: PersonalProfileIssue) {
		super(message);
		this.issue = issue;
	}
}

/**
 * Checks a personal profile's values; throws a {@link PersonalProfileError} naming the field and
 * the allowed range or choices.
 */
export function validatePersonalProfile(p: PersonalProfile): PersonalProfile {
	const choice = (field: 'base' | 'speed' | 'avoid' | 'unknown', found: unknown, use: string) =>
		new PersonalProfileError(`${field} "${String(found)}": use ${use}`, {
			kind: 'choice',
			field,
			found: String(found),
		});
	if (!PROFILE_IDS.includes(p.base)) throw choice('base', p.base, PROFILE_IDS.join(', '));
	if (!SPEED_CHOICES.includes(p.speed)) throw choice('speed', p.speed, SPEED_CHOICES.join(', '));
	for (const [field, [min, max]] of Object.entries(PERSONAL_RANGES) as [
		keyof typeof PERSONAL_RANGES,
		readonly [number, number],
	][]) {
		const v = p[field];
		if (v !== null && !(Number.isFinite(v) && v >= min && v <= max)) {
			throw new PersonalProfileError(
				`${field} ${String(v)} is out of range: between ${min} and ${max}, or not set`,
				{ kind: 'range', field, found: v, min, max },
			);
		}
	}
	for (const s of p.avoid) {
		if (!AVOIDABLE_SURFACES.includes(s)) {
			throw new PersonalProfileError(
				`surface "${String(s)}" cannot be avoided: use rough or loose`,
				{
					kind: 'choice',
					field: 'avoid',
					found: String(s),
				},
			);
		}
	}
	if (p.unknown !== 'optimistic' && p.unknown !== 'cautious') {
		throw choice('unknown', p.unknown, 'optimistic or cautious');
	}
	return p;
}

/**
 * A personal profile as a short, URL-safe text (the `my` link parameter and the device's memory):
 * `<base>.k<cm>.s<%>.w<m>.st<0|1>.av<rough,loose>.b<m>.v<speed>.u<o|c>`, `-` for "not set".
 *
 * @example encodePersonalProfile(builtInProfile('wheelchair')) // 'wheelchair.k3.s6.w0.9.st0.avrough.b-.vusual.uo'
 */
export function encodePersonalProfile(p: PersonalProfile): string {
	const n = (v: number | null): string => (v === null ? '-' : String(Math.round(v * 100) / 100));
	return [
		p.base,
		`k${n(p.kerbCm)}`,
		`s${n(p.slopePct)}`,
		`w${n(p.minWidthM)}`,
		`st${p.steps ? 1 : 0}`,
		`av${AVOIDABLE_SURFACES.filter((s) => p.avoid.includes(s)).join(',')}`,
		`b${n(p.benchStretchM)}`,
		`v${p.speed}`,
		`u${p.unknown === 'cautious' ? 'c' : 'o'}`,
	].join('.');
}

/**
 * Reads {@link encodePersonalProfile}'s text; throws an error naming what is wrong.
 */
export function decodePersonalProfile(text: string): PersonalProfile {
	const parts = text.split('.');
	// numbers like 0.9 contain the separator: glue a bare digit part back to the one before
	const fields: string[] = [];
	for (const part of parts) {
		if (/^\d+$/.test(part) && fields.length > 1) fields[fields.length - 1] += `.${part}`;
		else fields.push(part);
	}
	const [base, ...rest] = fields;
	if (!PROFILE_IDS.includes(base as ProfileId)) {
		throw new Error(`personal profile "${text}": starts with walking, rollator or wheelchair`);
	}
	const p = builtInProfile(base as ProfileId);
	const num = (v: string, what: string): number | null => {
		if (v === '-') return null;
		const x = Number(v);
		if (v === '' || !Number.isFinite(x))
			throw new Error(`personal profile "${text}": ${what} "${v}" is not a number`);
		return x;
	};
	for (const f of rest) {
		if (f.startsWith('st')) p.steps = f === 'st1';
		else if (f.startsWith('av')) {
			p.avoid = f.slice(2) === '' ? [] : (f.slice(2).split(',') as AvoidableSurface[]);
		} else if (f.startsWith('k')) p.kerbCm = num(f.slice(1), 'kerb');
		else if (f.startsWith('s')) p.slopePct = num(f.slice(1), 'slope');
		else if (f.startsWith('w')) p.minWidthM = num(f.slice(1), 'width');
		else if (f.startsWith('b')) p.benchStretchM = num(f.slice(1), 'bench stretch');
		else if (f.startsWith('v')) p.speed = f.slice(1) as SpeedChoice;
		else if (f.startsWith('u')) p.unknown = f === 'uc' ? 'cautious' : 'optimistic';
		else throw new Error(`personal profile "${text}": unknown part "${f}"`);
	}
	return validatePersonalProfile(p);
}

/**
 * How unknown data counts for the applied personal profile's text (its `u` part): cautious only
 * when the person chose so; no profile, or a text that does not read, is optimistic (the app's
 * default). Nearest help, routes, walksheds and walking times ask the worker with it.
 *
 * @example unknownModeOf('wheelchair.k2.s5.w0.9.st0.avrough.b-.vusual.uc') // 'cautious'
 */
export function unknownModeOf(personal: string | null | undefined): UnknownMode {
	if (!personal) return 'optimistic';
	try {
		return decodePersonalProfile(personal).unknown;
	} catch {
		return 'optimistic';
	}
}

/**
 * The limits answers for `profile` are classified with: the personal profile's when it is applied
 * on this base (its text reads), else the built-in {@link PROFILE_LIMITS}. Reason labels name them
 * (`reasonLabel`).
 */
export function limitsFor(profile: ProfileId, personal: string | null | undefined): ClassifyLimits {
	if (personal && personal.startsWith(`${profile}.`)) {
		try {
			return limitsOf(decodePersonalProfile(personal));
		} catch {
			// a text that does not read is not applied (the worker refuses it too)
		}
	}
	return PROFILE_LIMITS[profile];
}

/**
 * The graph seen with a personal profile: the statuses, reasons and unknowns of its base
 * profile's slot re-classified from the edges' attributes with {@link limitsOf} (the other two
 * slots and everything else shared, not copied). Route reasons, completeness and fixes then read
 * the person's statuses where they read the base profile's.
 *
 * @example personalGraph(bundle.graph, { ...builtInProfile('wheelchair'), kerbCm: 2 })
 */
export function personalGraph(graph: RoutingGraph, p: PersonalProfile): RoutingGraph {
	const E = graph.edgeCount;
	const pi = PROFILE_IDS.indexOf(p.base);
	const statuses = graph.statuses.slice();
	const reasons = graph.reasons.slice();
	const unknowns = graph.unknowns.slice();
	classifyEdges(graph.attributes, limitsOf(p), {
		statuses: statuses.subarray(pi * E, (pi + 1) * E),
		reasons: reasons.subarray(pi * E, (pi + 1) * E),
		unknowns: unknowns.subarray(pi * E, (pi + 1) * E),
	});
	return { ...graph, statuses, reasons, unknowns };
}
