import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { classifyEdges, decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine } from './engine.ts';
import { nearestPlaces } from './nearest.ts';
import {
	builtInProfile,
	decodePersonalProfile,
	encodePersonalProfile,
	isBuiltIn,
	limitsOf,
	personalGraph,
	unknownModeOf,
	validatePersonalProfile,
	type AvoidableSurface,
	type PersonalProfile,
} from './personal-profile.ts';
import { PROFILE_LIMITS } from './profiles.ts';
import { PROFILE_IDS, WAY_STATUS_CODES } from '../contracts/profiles.ts';

// the sample area as the pipeline built it (npm run tiles:build / scripts/ensure-area.ts)
const bundle = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);
const g = bundle.graph;
const E = g.edgeCount;

describe('classification in the worker', () => {
	it("equals the pipeline's baked statuses for the three built-in profiles, edge for edge", () => {
		PROFILE_IDS.forEach((p, pi) => {
			for (const limits of [PROFILE_LIMITS[p], limitsOf(builtInProfile(p))]) {
				const c = classifyEdges(g.attributes, limits);
				expect(c.statuses).toEqual(g.statuses.subarray(pi * E, (pi + 1) * E));
				expect(c.reasons).toEqual(g.reasons.subarray(pi * E, (pi + 1) * E));
				expect(c.unknowns).toEqual(g.unknowns.subarray(pi * E, (pi + 1) * E));
			}
		});
		// the sample has something to classify: every status occurs for the wheelchair
		const wheelchair = g.statuses.subarray(2 * E, 3 * E);
		for (const code of Object.values(WAY_STATUS_CODES)) expect(wheelchair).toContain(code);
	});

	it('starts a personal profile from a built-in one unchanged', () => {
		for (const p of PROFILE_IDS) {
			expect(limitsOf(builtInProfile(p))).toEqual(PROFILE_LIMITS[p]);
			expect(isBuiltIn(builtInProfile(p))).toBe(true);
			expect(isBuiltIn({ ...builtInProfile(p), kerbCm: 2 })).toBe(false);
		}
	});

	it('re-classifies only the base profile for a personal profile', () => {
		// the sample's OSM data (2019) tag no kerb and no incline above 0 %: the Flemish width norm
		// (1.50 m) is what changes it
		const pg = personalGraph(g, {
			...builtInProfile('wheelchair'),
			kerbCm: 2,
			slopePct: 5,
			minWidthM: 1.5,
		});
		expect(pg.statuses.subarray(0, 2 * E)).toEqual(g.statuses.subarray(0, 2 * E));
		const before = g.statuses.subarray(2 * E);
		const after = pg.statuses.subarray(2 * E);
		let blocked = 0;
		for (let e = 0; e < E; e++) {
			if (after[e] === WAY_STATUS_CODES.impassable && before[e] !== WAY_STATUS_CODES.impassable)
				blocked++;
			// stricter: never from impassable back to usable
			if (before[e] === WAY_STATUS_CODES.impassable)
				expect(after[e]).toBe(WAY_STATUS_CODES.impassable);
		}
		expect(blocked).toBeGreaterThan(0);
	});
});

describe('the personal profile as text (links, the device)', () => {
	it('round-trips', () => {
		const p: PersonalProfile = {
			base: 'wheelchair',
			speed: 'very_slow',
			kerbCm: 2,
			slopePct: 5,
			minWidthM: 1.5,
			steps: false,
			avoid: ['rough', 'loose'],
			benchStretchM: 100,
			unknown: 'cautious',
		};
		const text = encodePersonalProfile(p);
		expect(text).toBe('wheelchair.k2.s5.w1.5.st0.avrough,loose.b100.vvery_slow.uc');
		expect(decodePersonalProfile(text)).toEqual(p);
		expect(decodePersonalProfile(encodePersonalProfile(builtInProfile('walking')))).toEqual(
			builtInProfile('walking'),
		);
	});

	it('names what is wrong in bad text', () => {
		expect(() => decodePersonalProfile('bicycle.k2')).toThrow(/walking, rollator or wheelchair/);
		expect(() => decodePersonalProfile('wheelchair.kabc')).toThrow(/kerb "abc" is not a number/);
		expect(() => decodePersonalProfile('wheelchair.k99')).toThrow(/kerbCm 99 is out of range/);
		expect(() => decodePersonalProfile('wheelchair.avsand')).toThrow(/"sand" cannot be avoided/);
		expect(() => decodePersonalProfile('wheelchair.vfast')).toThrow(/speed "fast"/);
		expect(() => validatePersonalProfile({ ...builtInProfile('rollator'), minWidthM: -1 })).toThrow(
			/minWidthM -1 is out of range/,
		);
		// the issue, for a message in the person's language
		expect(() =>
			validatePersonalProfile({ ...builtInProfile('rollator'), kerbCm: Number.NaN }),
		).toThrow(
			expect.objectContaining({
				issue: { kind: 'range', field: 'kerbCm', found: Number.NaN, min: 0, max: 30 },
			}),
		);
	});
});

// --- property tests: a stricter profile never reaches more and is never quicker

const surfaces = fc.subarray<AvoidableSurface>(['rough', 'loose']);
const optional = (a: fc.Arbitrary<number>) => fc.option(a, { nil: null });
const looseProfile: fc.Arbitrary<PersonalProfile> = fc.record({
	base: fc.constantFrom(...PROFILE_IDS),
	speed: fc.constant('usual' as const),
	kerbCm: optional(fc.integer({ min: 0, max: 30 })),
	slopePct: optional(fc.integer({ min: 0, max: 30 })),
	minWidthM: optional(fc.double({ min: 0.3, max: 3, noNaN: true })),
	steps: fc.boolean(),
	avoid: surfaces,
	benchStretchM: optional(fc.integer({ min: 20, max: 2000 })),
	unknown: fc.constantFrom('optimistic' as const, 'cautious' as const),
});
/** A looser profile and a stricter one: lower kerb, lower slope, wider minimum, fewer steps … */
const pair = looseProfile.chain((p) =>
	fc
		.record({
			kerb: fc.integer({ min: 0, max: 30 }),
			slope: fc.integer({ min: 0, max: 30 }),
			width: fc.double({ min: 0, max: 2, noNaN: true }),
			steps: fc.boolean(),
			avoid: surfaces,
			bench: fc.integer({ min: 20, max: 2000 }),
		})
		.map(({ kerb, slope, width, steps, avoid, bench }): [PersonalProfile, PersonalProfile] => [
			p,
			{
				...p,
				kerbCm: p.kerbCm === null ? kerb : Math.min(kerb, p.kerbCm),
				slopePct: p.slopePct === null ? slope : Math.min(slope, p.slopePct),
				minWidthM: Math.min(3, (p.minWidthM ?? 0.3) + width),
				steps: p.steps && steps,
				avoid: [...new Set([...p.avoid, ...avoid])],
				benchStretchM: p.benchStretchM === null ? bench : Math.min(bench, p.benchStretchM),
			},
		]),
);

const engine = new AnalysisEngine(bundle);
const pharmacies = engine.placesOf('pharmacy');
const from: [number, number][] = [0, 500, 1500, 2500, 3500].map((i) => [
	bundle.origins.lngLat[2 * i] as number,
	bundle.origins.lngLat[2 * i + 1] as number,
]);

describe('a stricter personal profile (property tests on the sample)', () => {
	it('never makes an edge usable or cheaper', () => {
		fc.assert(
			fc.property(pair, ([loose, strict]) => {
				const a = engine.withPersonal(loose).network(loose.base, loose.unknown);
				const b = engine.withPersonal(strict).network(strict.base, strict.unknown);
				for (let e = 0; e < E; e++) {
					if ((b.edgeCostS[e] as number) < (a.edgeCostS[e] as number)) return false;
				}
				return true;
			}),
			{ numRuns: 60 },
		);
	});

	// The model snaps a point to its nearest usable way: where a stricter profile blocks that way,
	// the access leg moves and may happen to be a little quicker. So the comparison holds for
	// points whose snap both profiles share; it is over the network, which is what classification
	// changes.
	it('never reaches more, never sooner, never a quicker route (same snaps)', () => {
		expect(pharmacies.length).toBeGreaterThan(0);
		let compared = 0;
		fc.assert(
			fc.property(pair, ([loose, strict]) => {
				const ea = engine.withPersonal(loose);
				const eb = engine.withPersonal(strict);
				const opts = { categoryId: 'pharmacy', profile: loose.base, unknownMode: loose.unknown };
				const sameSnap = (
					x: { edge: number; t: number } | undefined,
					y: { edge: number; t: number } | undefined,
				) => (x && y ? x.edge === y.edge && x.t === y.t : x === y);
				if (
					pharmacies.some(
						(i) =>
							!sameSnap(
								ea.placeSnap(i, loose.base, loose.unknown),
								eb.placeSnap(i, loose.base, loose.unknown),
							),
					)
				)
					return true;
				const a = ea.coverage(opts).result;
				const b = eb.coverage(opts).result;
				const sa = ea.originSnaps(loose.base, loose.unknown);
				const sb = eb.originSnaps(loose.base, loose.unknown);
				for (let i = 0; i < bundle.origins.count; i++) {
					if (sa.edge[i] !== sb.edge[i] || sa.t[i] !== sb.t[i]) continue;
					compared++;
					const ta = a.timeS[i] as number;
					const tb = b.timeS[i] as number;
					// never reaches more; never sooner (the same path may differ by a rounding hair)
					if (tb < ta - 1e-9 * ta) return false;
				}
				for (const f of from) {
					if (
						!sameSnap(
							ea.snapPoint(f[0], f[1], loose.base, loose.unknown),
							eb.snapPoint(f[0], f[1], loose.base, loose.unknown),
						)
					)
						continue;
					const ra = nearestPlaces(ea, f, 'pharmacy', loose.base, 1, opts)[0];
					const rb = nearestPlaces(eb, f, 'pharmacy', loose.base, 1, opts)[0];
					if (rb && !ra) return false;
					if (ra && rb && rb.route.timeS < ra.route.timeS - 1e-9 * ra.route.timeS) return false;
				}
				return true;
			}),
			{ numRuns: 10 },
		);
		expect(compared).toBeGreaterThan(1000);
	}, 120_000);
});

describe('unknownModeOf', () => {
	it("reads the person's choice; none, or a text that does not read, is optimistic", () => {
		const cautious = encodePersonalProfile(builtInProfile('rollator', 'cautious'));
		expect(unknownModeOf(cautious)).toBe('cautious');
		expect(unknownModeOf(encodePersonalProfile(builtInProfile('rollator')))).toBe('optimistic');
		expect(unknownModeOf(undefined)).toBe('optimistic');
		expect(unknownModeOf('wheelchair.k99.uc')).toBe('optimistic');
	});
});
