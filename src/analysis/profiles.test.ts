import { describe, expect, it } from 'vitest';
import {
	asksNoTags,
	classifyWay,
	classifyWayAllProfiles,
	isWalkableWay,
	parseInclinePct,
	WALKABLE_RULES,
	walkableRuleIndex,
	parseLengthM,
	PROFILE_LIMITS,
	REASON_LABELS,
	reasonLabel,
	reasonMask,
	reasonsFromMask,
	unknownFromMask,
	unknownMask,
} from './profiles.ts';
import { type ReasonCode } from '../contracts/profiles.ts';
import { builtInProfile, limitsOf } from './personal-profile.ts';

describe('isWalkableWay', () => {
	it('follows the routable highway values minus those closed to pedestrians', () => {
		expect(isWalkableWay({ highway: 'footway' })).toBe(true);
		expect(isWalkableWay({ highway: 'residential' })).toBe(true);
		expect(isWalkableWay({ highway: 'steps' })).toBe(true);
		expect(isWalkableWay({ highway: 'motorway' })).toBe(false);
		expect(isWalkableWay({ highway: 'motorway_link' })).toBe(false);
		expect(isWalkableWay({ highway: 'bus_stop' })).toBe(false);
		expect(isWalkableWay({ highway: 'rest_area' })).toBe(false);
		expect(isWalkableWay({ building: 'yes' })).toBe(false);
	});
	it('allows trunk roads only with a sidewalk or foot access', () => {
		expect(isWalkableWay({ highway: 'trunk' })).toBe(false);
		expect(isWalkableWay({ highway: 'trunk', sidewalk: 'both' })).toBe(true);
		expect(isWalkableWay({ highway: 'trunk_link', foot: 'yes' })).toBe(true);
	});
	it('respects foot and access tags', () => {
		expect(isWalkableWay({ highway: 'cycleway', foot: 'no' })).toBe(false);
		expect(isWalkableWay({ highway: 'service', access: 'private' })).toBe(false);
		expect(isWalkableWay({ highway: 'track', access: 'private', foot: 'yes' })).toBe(true);
		expect(isWalkableWay({ highway: 'track', access: 'agricultural', foot: 'designated' })).toBe(
			true,
		);
	});
});

describe('the walkable rule table', () => {
	/** One real-world tag set per row (first matching row decides), with the verdict expected. */
	const cases: [Record<string, string>, boolean][] = [
		[{ building: 'yes' }, false], // not a highway
		[{ highway: 'cycleway', foot: 'no' }, false], // foot=no
		[{ highway: 'residential', foot: 'use_sidepath' }, false],
		[{ highway: 'track', access: 'yes', foot: 'private' }, false],
		[{ highway: 'service', area: 'yes' }, false], // an area outline
		[{ highway: 'trunk', foot: 'designated' }, true],
		[{ highway: 'trunk_link', sidewalk: 'right' }, true],
		[{ highway: 'trunk', 'sidewalk:both': 'separate' }, true],
		[{ highway: 'trunk' }, false],
		[{ highway: 'track', access: 'private', foot: 'yes' }, true], // foot opens it
		[{ highway: 'service', access: 'no', foot: 'permissive' }, true],
		[{ highway: 'track', access: 'agricultural' }, true], // farm road: vehicles only
		[{ highway: 'unclassified', access: 'forestry' }, true], // forest road
		[{ highway: 'track', access: 'agricultural;forestry' }, true],
		[{ highway: 'service', access: 'private' }, false],
		[{ highway: 'path', access: 'military' }, false],
		[{ highway: 'footway' }, true],
		[{ highway: 'platform' }, true],
		[{ highway: 'pedestrian', area: 'yes' }, true], // a pedestrian area is walked
		[{ highway: 'motorway' }, false],
		[{ highway: 'bus_stop' }, false],
		[{ highway: 'construction' }, false],
	];
	it.each(cases)('%o → walkable %s', (tags, walkable) => {
		expect(isWalkableWay(tags)).toBe(walkable);
		expect(WALKABLE_RULES[walkableRuleIndex(tags)]?.walkable).toBe(walkable);
	});
	it('has a case for every row, and a reason on every row', () => {
		const hit = new Set(cases.map(([t]) => walkableRuleIndex(t)));
		expect([...hit].sort((a, b) => a - b)).toEqual(WALKABLE_RULES.map((_, i) => i));
		for (const r of WALKABLE_RULES) expect(r.why.length).toBeGreaterThan(10);
	});
	it('lets a foot tag override access=agricultural or forestry either way', () => {
		expect(isWalkableWay({ highway: 'track', access: 'agricultural', foot: 'no' })).toBe(false);
		expect(isWalkableWay({ highway: 'track', access: 'forestry', foot: 'designated' })).toBe(true);
	});
});

describe('classifyWay', () => {
	it('makes every walkable way passable on foot, and unwalkable ways impassable for all', () => {
		expect(classifyWay({ highway: 'steps' }, 'walking').status).toBe('passable');
		const all = classifyWayAllProfiles({ highway: 'motorway' });
		for (const c of Object.values(all))
			expect(c).toEqual({ status: 'impassable', reasons: ['not_walkable'], unknown: [] });
	});
	it('blocks steps for rollator and wheelchair', () => {
		expect(classifyWay({ highway: 'steps' }, 'rollator')).toEqual({
			status: 'impassable',
			reasons: ['steps'],
			unknown: [],
		});
		expect(classifyWay({ highway: 'steps' }, 'wheelchair')).toEqual({
			status: 'impassable',
			reasons: ['steps'],
			unknown: [],
		});
	});
	it('charges the rollator for a long stretch without a bench', () => {
		expect(
			classifyWay({ highway: 'residential' }, 'rollator', { stretchWithoutBenchM: 126 }),
		).toEqual({
			status: 'limited',
			reasons: ['no_bench_stretch'],
			unknown: [],
		});
		expect(
			classifyWay({ highway: 'residential' }, 'rollator', { stretchWithoutBenchM: 125 }).status,
		).toBe('passable');
	});
	it('applies the wheelchair limits of DESIGN.md', () => {
		const base = { highway: 'footway', surface: 'asphalt', width: '1.5' };
		expect(classifyWay(base, 'wheelchair').status).toBe('passable');
		expect(classifyWay({ ...base, surface: 'gravel' }, 'wheelchair').reasons).toEqual([
			'surface_rough',
		]);
		expect(classifyWay({ ...base, surface: 'sett' }, 'wheelchair').status).toBe('impassable');
		expect(classifyWay({ ...base, surface: 'compacted' }, 'wheelchair').status).toBe('limited');
		expect(classifyWay({ ...base, incline: '7%' }, 'wheelchair').reasons).toEqual([
			'incline_steep',
		]);
		expect(classifyWay({ ...base, incline: '-6%' }, 'wheelchair').status).toBe('limited');
		expect(classifyWay({ ...base, incline: 'up' }, 'wheelchair').status).toBe('passable');
		expect(classifyWay({ ...base, width: '0.8' }, 'wheelchair').reasons).toEqual(['width_narrow']);
		expect(classifyWay({ ...base, width: '90 cm' }, 'wheelchair').status).toBe('passable');
		expect(
			classifyWay(base, 'wheelchair', { nodeTags: [{ barrier: 'kerb', kerb: 'raised' }] }).reasons,
		).toEqual(['kerb_raised']);
		expect(
			classifyWay(base, 'wheelchair', { nodeTags: [{ barrier: 'kerb', 'kerb:height': '3 cm' }] })
				.status,
		).toBe('passable');
		expect(
			classifyWay(base, 'wheelchair', { nodeTags: [{ barrier: 'kerb', 'kerb:height': '0.04' }] })
				.status,
		).toBe('impassable');
		expect(
			classifyWay(base, 'wheelchair', { nodeTags: [{ barrier: 'kerb', kerb: 'lowered' }] }).status,
		).toBe('passable');
		expect(classifyWay(base, 'wheelchair', { nodeTags: [{ barrier: 'kerb' }] })).toEqual({
			status: 'unknown',
			reasons: ['kerb_unknown_height'],
			unknown: ['kerb_height'],
		});
		expect(classifyWay(base, 'wheelchair', { nodeTags: [{ barrier: 'stile' }] }).status).toBe(
			'impassable',
		);
	});
	it('reports untagged attributes as unknown, not as passable or impassable', () => {
		expect(classifyWay({ highway: 'footway' }, 'wheelchair')).toEqual({
			status: 'unknown',
			reasons: ['surface_unknown', 'width_unknown'],
			unknown: ['surface', 'width'],
		});
		// on roads the carriageway is wide enough: only the surface is unknown
		expect(classifyWay({ highway: 'residential' }, 'wheelchair').unknown).toEqual(['surface']);
		// tracktype settles the surface when surface is missing
		expect(
			classifyWay({ highway: 'track', tracktype: 'grade1', width: '3' }, 'wheelchair').status,
		).toBe('passable');
		expect(classifyWay({ highway: 'track', tracktype: 'grade4' }, 'wheelchair').status).toBe(
			'impassable',
		);
		// known obstacle wins over unknown; known limitation is kept beside unknown
		const both = classifyWay({ highway: 'path', surface: 'compacted' }, 'wheelchair');
		expect(both).toEqual({
			status: 'unknown',
			reasons: ['surface_loose', 'width_unknown'],
			unknown: ['width'],
		});
		expect(classifyWay({ highway: 'residential', wheelchair: 'yes' }, 'wheelchair').status).toBe(
			'passable',
		);
	});
});

describe('parsers and masks', () => {
	it('parses lengths and inclines', () => {
		expect(parseLengthM('1.2')).toBe(1.2);
		expect(parseLengthM('120 cm')).toBeCloseTo(1.2);
		expect(parseLengthM('1,5 m')).toBe(1.5);
		expect(parseLengthM('wide')).toBeNaN();
		expect(parseInclinePct('-12%')).toBe(12);
		expect(parseInclinePct('45°')).toBeCloseTo(100);
		expect(parseInclinePct('down')).toBeNaN();
	});
	it('round-trips reason and unknown masks', () => {
		const r = ['steps', 'width_unknown', 'no_bench_stretch'] as const;
		expect(reasonsFromMask(reasonMask([...r])).sort()).toEqual([...r].sort());
		expect(unknownFromMask(unknownMask(['surface', 'kerb_height']))).toEqual([
			'surface',
			'kerb_height',
		]);
	});
});

describe('reasonLabel', () => {
	const wheelchair = PROFILE_LIMITS.wheelchair;
	it("names the person's own limits, as each language writes numbers", () => {
		const mine = {
			...wheelchair,
			maxKerbM: 0.02,
			maxInclinePct: 5,
			limitedInclinePct: 10 / 3,
			minWidthM: 1.5,
			maxBenchStretchM: 100,
		};
		expect(reasonLabel('kerb_raised', 'nl', mine)).toBe('Stoeprand hoger dan 2 cm');
		expect(reasonLabel('kerb_raised', 'fr', mine)).toBe('Bordure de plus de 2 cm');
		expect(reasonLabel('kerb_raised', 'en', mine)).toBe('Kerb higher than 2 cm');
		expect(reasonLabel('incline_steep', 'nl', mine)).toBe('Helling steiler dan 5 %');
		expect(reasonLabel('incline_moderate', 'nl', mine)).toBe('Helling 3,3–5 %');
		expect(reasonLabel('incline_moderate', 'en', mine)).toBe('Incline 3.3–5 %');
		expect(reasonLabel('width_narrow', 'nl', mine)).toBe('Smaller dan 1,5 m');
		expect(reasonLabel('width_narrow', 'fr', mine)).toBe('Moins de 1,5 m de large');
		expect(reasonLabel('no_bench_stretch', 'en', mine)).toBe(
			'Long stretch without a bench (> 100 m)',
		);
		// a reason without a limit keeps its label
		expect(reasonLabel('steps', 'nl', mine)).toBe('Trappen');
	});

	it('gives the fixed labels for the built-in profiles (and without limits)', () => {
		for (const lang of ['nl', 'fr', 'en'] as const) {
			for (const code of Object.keys(REASON_LABELS) as ReasonCode[]) {
				const limits = code === 'no_bench_stretch' ? PROFILE_LIMITS.rollator : wheelchair;
				expect(reasonLabel(code, lang, limits)).toBe(REASON_LABELS[code][lang]);
				expect(reasonLabel(code, lang)).toBe(REASON_LABELS[code][lang]);
			}
		}
	});
});

describe('asksNoTags', () => {
	it('holds for walking and the rollator, not for the wheelchair or a profile with a kerb or width limit', () => {
		expect(asksNoTags(PROFILE_LIMITS.walking)).toBe(true);
		expect(asksNoTags(PROFILE_LIMITS.rollator)).toBe(true);
		expect(asksNoTags(PROFILE_LIMITS.wheelchair)).toBe(false);
		expect(asksNoTags(limitsOf(builtInProfile('walking')))).toBe(true);
		expect(asksNoTags(limitsOf({ ...builtInProfile('walking'), kerbCm: 5 }))).toBe(false);
		expect(asksNoTags(limitsOf({ ...builtInProfile('rollator'), minWidthM: 1.2 }))).toBe(false);
		// a slope limit or avoided surfaces ask nothing of missing tags (untagged: taken as it is)
		expect(
			asksNoTags(limitsOf({ ...builtInProfile('rollator'), slopePct: 5, avoid: ['rough'] })),
		).toBe(true);
	});

	it('is what the classification does: with it, no way is ever unknown', () => {
		for (const tags of <Record<string, string>[]>[
			{ highway: 'footway' },
			{ highway: 'path', surface: 'gravel' },
			{ highway: 'track' },
			{ highway: 'steps' },
		])
			expect(classifyWay(tags, 'walking').status).not.toBe('unknown');
	});
});
