import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { classifyEdges, decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine, SNAP_FILTERS } from './engine.ts';
import { nearestPlaces } from './nearest.ts';
import {
	builtInProfile,
	decodePersonalProfile,
	encodePersonalProfile,
	hasBuiltInLimits,
	isBuiltIn,
	limitsOf,
	personalGraph,
	unknownModeOf,
	validatePersonalProfile,
	type AvoidableSurface,
	type PersonalProfile,
} from './personal-profile.ts';
import { EDGE_FLAG, PROFILE_LIMITS, asksNoTags, classifyEdge, edgeAttributes } from './profiles.ts';
import { PROFILE_IDS, WAY_STATUS_CODES } from '../contracts/profiles.ts';
import { EdgeIndex } from './snap.ts';

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
			expect(hasBuiltInLimits(builtInProfile(p))).toBe(true);
		}
	});

	it('keeps a profile whose only change is "unknown data: cautious"', () => {
		// it was dropped as equal to its base (compared with the base in the same unknown mode)
		for (const p of PROFILE_IDS) {
			const cautious: PersonalProfile = { ...builtInProfile(p), unknown: 'cautious' };
			expect(isBuiltIn(cautious)).toBe(false);
			expect(unknownModeOf(encodePersonalProfile(cautious))).toBe('cautious');
			// its statuses are the built-in ones: the worker keeps the built-in engine
			expect(hasBuiltInLimits(cautious)).toBe(true);
			expect(hasBuiltInLimits({ ...cautious, minWidthM: 1.5 })).toBe(false);
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

describe('asksNoTags on the sample (property test)', () => {
	// The completeness panel shows "needs no extra tags" instead of a share for such limits: right
	// only if no edge can then be unknown, whatever the profile.
	it('holds exactly when no edge of the sample is unknown under the limits', () => {
		let asked = 0;
		fc.assert(
			fc.property(looseProfile, (p) => {
				const limits = limitsOf(p);
				const unknowns = classifyEdges(g.attributes, limits).statuses.filter(
					(s) => s === WAY_STATUS_CODES.unknown,
				).length;
				if (!asksNoTags(limits)) asked++;
				return asksNoTags(limits) ? unknowns === 0 : true;
			}),
			{ numRuns: 80 },
		);
		expect(asked).toBeGreaterThan(0);
		// and where the rule says a profile asks, the sample has unknown ways for it (a missing
		// surface, a missing width; the sample has no kerb node without a height)
		for (const p of [
			builtInProfile('wheelchair'),
			{ ...builtInProfile('rollator'), minWidthM: 1.2 },
		]) {
			expect(asksNoTags(limitsOf(p))).toBe(false);
			expect(classifyEdges(g.attributes, limitsOf(p)).statuses).toContain(WAY_STATUS_CODES.unknown);
		}
	});
});

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
				const r = stricterNeverBetter(engine, loose, strict);
				compared += r.compared;
				return r.violations.length === 0;
			}),
			{ numRuns: 10 },
		);
		expect(compared).toBeGreaterThan(1000);
	}, 120_000);
});

/**
 * "Stricter never better" over a real bundle: compares the personal profile `strict` with the
 * looser `loose` (same base and unknown mode) on `root`'s bundle, for the pharmacies. Every edge
 * costs the same or more; an origin snapped alike is never reached sooner (coverage); from
 * {@link from} a nearest-pharmacy route is never quicker nor found only by the stricter one.
 *
 * @returns what broke the rule (empty when none), how many origins were compared, and how many
 *   edges and origins the stricter profile made worse (so a test can see it changed something).
 */
function stricterNeverBetter(
	root: AnalysisEngine,
	loose: PersonalProfile,
	strict: PersonalProfile,
): { violations: string[]; compared: number; dearerEdges: number; laterOrigins: number } {
	const violations: string[] = [];
	const ea = root.withPersonal(loose);
	const eb = root.withPersonal(strict);
	const profile = loose.base;
	const mode = loose.unknown;
	const na = ea.network(profile, mode);
	const nb = eb.network(profile, mode);
	let dearerEdges = 0;
	for (let e = 0; e < root.graph.edgeCount; e++) {
		if ((nb.edgeCostS[e] as number) < (na.edgeCostS[e] as number))
			violations.push(`edge ${e} cheaper`);
		else if ((nb.edgeCostS[e] as number) > (na.edgeCostS[e] as number)) dearerEdges++;
	}
	const opts = { categoryId: 'pharmacy', profile, unknownMode: mode };
	const sameSnap = (
		x: { edge: number; t: number } | undefined,
		y: { edge: number; t: number } | undefined,
	) => (x && y ? x.edge === y.edge && x.t === y.t : x === y);
	const places = root.placesOf('pharmacy');
	let compared = 0;
	let laterOrigins = 0;
	if (
		places.every((i) => sameSnap(ea.placeSnap(i, profile, mode), eb.placeSnap(i, profile, mode)))
	) {
		const a = ea.coverage(opts).result;
		const b = eb.coverage(opts).result;
		const sa = ea.originSnaps(profile, mode);
		const sb = eb.originSnaps(profile, mode);
		for (let i = 0; i < root.bundle.origins.count; i++) {
			if (sa.edge[i] !== sb.edge[i] || sa.t[i] !== sb.t[i]) continue;
			compared++;
			const ta = a.timeS[i] as number;
			const tb = b.timeS[i] as number;
			// never reaches more; never sooner (the same path may differ by a rounding hair)
			if (tb < ta - 1e-9 * ta) violations.push(`origin ${i} sooner: ${tb} s < ${ta} s`);
			else if (tb > ta + 1e-9 * ta) laterOrigins++;
		}
		for (const f of from) {
			if (
				!sameSnap(ea.snapPoint(f[0], f[1], profile, mode), eb.snapPoint(f[0], f[1], profile, mode))
			)
				continue;
			const ra = nearestPlaces(ea, f, 'pharmacy', profile, 1, opts)[0];
			const rb = nearestPlaces(eb, f, 'pharmacy', profile, 1, opts)[0];
			if (rb && !ra) violations.push(`route from ${f.join(',')} only for the stricter`);
			if (ra && rb && rb.route.timeS < ra.route.timeS - 1e-9 * ra.route.timeS)
				violations.push(`route from ${f.join(',')} quicker: ${rb.route.timeS} s`);
		}
	}
	return { violations, compared, dearerEdges, laterOrigins };
}

describe('surfaces avoided', () => {
	it('name the surface avoided: a loose surface is not called rough', () => {
		const loose = edgeAttributes({ highway: 'path', surface: 'fine_gravel' });
		const rough = edgeAttributes({ highway: 'path', surface: 'gravel' });
		for (const base of PROFILE_IDS) {
			const limits = limitsOf({ ...builtInProfile(base), avoid: ['loose', 'rough'] });
			expect(classifyEdge(loose, limits)).toMatchObject({ status: 'impassable' });
			expect(classifyEdge(loose, limits).reasons).toContain('surface_loose');
			expect(classifyEdge(loose, limits).reasons).not.toContain('surface_rough');
			expect(classifyEdge(rough, limits).reasons).toContain('surface_rough');
		}
	});
});

describe('a kerb limit on a walking or rollator base', () => {
	const kerbs = {
		raised: { kerb: 'raised' },
		lowered: { kerb: 'lowered' },
		bare: { barrier: 'kerb' },
	};
	const way = (node: Record<string, string>) =>
		edgeAttributes({ highway: 'footway', surface: 'asphalt' }, { nodeTags: [node] });

	it('blocks a kerb higher than the limit, and a kerb of unknown height is unknown', () => {
		for (const base of ['walking', 'rollator'] as const) {
			const limits = limitsOf({ ...builtInProfile(base), kerbCm: 2 });
			// the built-in profile ignores kerbs
			expect(classifyEdge(way(kerbs.raised), PROFILE_LIMITS[base]).status).not.toBe('impassable');
			expect(classifyEdge(way(kerbs.raised), limits)).toMatchObject({
				status: 'impassable',
				reasons: ['kerb_raised'],
			});
			expect(classifyEdge(way(kerbs.lowered), limits).status).toBe('passable');
			expect(classifyEdge(way(kerbs.bare), limits)).toMatchObject({
				status: 'unknown',
				reasons: ['kerb_unknown_height'],
				unknown: ['kerb_height'],
			});
		}
	});

	// The sample's OSM data (2019) have no kerb at all: the real graph is given a raised kerb
	// (10 cm) on every 7th edge, everything else as the pipeline built it.
	const kerbed = structuredClone(bundle);
	for (let e = 0; e < E; e += 7) kerbed.graph.attributes.kerbM[e] = Math.fround(0.1);
	const kerbedRoot = new AnalysisEngine(kerbed);

	it('is applied by the engine on the real graph: those edges are blocked, and it is never better', () => {
		for (const base of ['walking', 'rollator'] as const) {
			const loose = builtInProfile(base);
			const strict = { ...loose, kerbCm: 2 };
			const net = kerbedRoot.withPersonal(strict).network(base);
			for (let e = 0; e < E; e++) {
				if (
					kerbed.graph.attributes.kerbM[e]! > 0.02 &&
					!(flagNotWalkable(e) || stepsBlocked(base, e))
				)
					expect(net.edgeCostS[e], `edge ${e}`).toBe(Infinity);
			}
			const r = stricterNeverBetter(kerbedRoot, loose, strict);
			expect(r.violations).toEqual([]);
			expect(r.dearerEdges).toBeGreaterThan(E / 10);
			expect(r.laterOrigins).toBeGreaterThan(0);
		}
	}, 120_000);

	function flagNotWalkable(e: number): boolean {
		return (kerbed.graph.attributes.flags[e]! & EDGE_FLAG.notWalkable) !== 0;
	}
	function stepsBlocked(base: 'walking' | 'rollator', e: number): boolean {
		return base === 'rollator' && (kerbed.graph.attributes.flags[e]! & EDGE_FLAG.steps) !== 0;
	}
});

describe('a personal engine reuses the built-in snaps', () => {
	// stricter than the base (the e2e's profile), looser (steps, no surface avoided: the walking
	// snaps are the reference), and a walking base with limits
	const people = [
		'wheelchair.k2.s5.w1.5.st0.avrough.b-.vslow.uc',
		'wheelchair.k3.s6.w0.9.st1.av.b-.vusual.uo',
		'walking.k2.s5.w1.5.st0.avrough,loose.b100.vusual.uc',
	].map(decodePersonalProfile);
	const root = new AnalysisEngine(bundle);
	root.prepare();

	it('snaps again only the points whose built-in edge the person cannot use; the snaps equal a fresh full snap', () => {
		for (const person of people) {
			const snap = vi.spyOn(EdgeIndex.prototype, 'snap');
			const snapEach = vi.spyOn(EdgeIndex.prototype, 'snapEach');
			let info;
			let mine;
			try {
				mine = root.withPersonal(person);
				info = mine.prepare();
				// one search per point snapped again, none for the rest
				expect(snapEach).not.toHaveBeenCalled();
				expect(snap).toHaveBeenCalledTimes(info.resnapped!.origins + info.resnapped!.places);
			} finally {
				snap.mockRestore();
				snapEach.mockRestore();
			}
			expect(info.resnapped!.origins).toBeLessThan(2 * bundle.origins.count);
			const fresh = new AnalysisEngine(bundle, { personal: person });
			for (const [p, m] of SNAP_FILTERS) {
				const a = mine.originSnaps(p, m);
				const b = fresh.originSnaps(p, m);
				expect([...a.edge], `${p}/${m}`).toEqual([...b.edge]);
				expect([...a.t]).toEqual([...b.t]);
				expect([...a.accessM]).toEqual([...b.accessM]);
				for (let i = 0; i < bundle.places.count; i++) {
					expect(mine.placeSnap(i, p, m)).toEqual(fresh.placeSnap(i, p, m));
				}
			}
			const key = { categoryId: 'pharmacy', profile: person.base, unknownMode: person.unknown };
			expect([...mine.coverage(key).result.timeS]).toEqual([...fresh.coverage(key).result.timeS]);
		}
	}, 120_000);

	it('a stricter person on the sample snaps few points again', () => {
		const info = root.withPersonal(people[0]!).prepare();
		expect(info.resnapped!.origins).toBeGreaterThan(0);
		expect(info.resnapped!.origins).toBeLessThan(bundle.origins.count / 100);
	});
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

describe('a personal engine shares the built-in engine’s arrays', () => {
	it('uses the built-in views of the other two profiles, its sweep workspace and its edge stamps; answers unchanged', () => {
		const root = new AnalysisEngine(bundle);
		const mine = root.withPersonal({ ...builtInProfile('wheelchair'), minWidthM: 1.5 });
		for (const mode of ['optimistic', 'cautious'] as const) {
			expect(mine.network('walking', mode)).toBe(root.network('walking', mode));
			expect(mine.network('rollator', mode)).toBe(root.network('rollator', mode));
			expect(mine.network('wheelchair', mode)).not.toBe(root.network('wheelchair', mode));
		}
		expect(mine.workspace).toBe(root.workspace);
		expect(mine.edgeStamps).toBe(root.edgeStamps);
		// two runs (one per engine) edited in turn with the shared stamps: each equals a fresh run
		// without the removed place
		const category = root.categoriesWithPlaces()[0]!;
		const runs = [
			root.coverage({ categoryId: category, profile: 'walking' }),
			mine.coverage({ categoryId: category, profile: 'wheelchair' }),
		];
		const engines = [root, mine];
		const labels = runs.map((r) => [...r.sources.keys()]);
		for (let k = 0; k < 2; k++) {
			for (const [i, run] of runs.entries()) {
				const label = labels[i]![k];
				if (label !== undefined) run.removePlace(label);
			}
		}
		for (const [i, run] of runs.entries()) {
			const removed = labels[i]!.slice(0, 2).map((l) => run.placeId(l)!);
			const fresh = engines[i]!.coverage({
				categoryId: category,
				profile: run.result.profile,
				excludePlaceIds: removed,
			});
			expect([...run.result.timeS]).toEqual([...fresh.result.timeS]);
		}
	});
});
