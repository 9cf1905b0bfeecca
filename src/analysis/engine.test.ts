import { describe, expect, it } from 'vitest';
import { sampleBundleInput } from '../../tests/fixtures/analysis/sample-input.ts';
import { type AnalysisBundleInput, buildAnalysisBundle, decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine, type CoverageOptions, type CoverageRun, whatIfDelta } from './engine.ts';
import { distanceM, metresPerDegree } from './geo.ts';
import { routeWithReasons } from './route.ts';
import { evaluateSnap } from './sweep.ts';
import { tiedGridBundle } from './synthetic.ts';
import { cellsToGeoJSON, originsToGeoJSON, summarizeByNeighbourhood } from './summary.ts';
import { walkshed } from './walkshed.ts';
import { whereNext } from './where-next.ts';

/**
 * Hand-made area (a ladder): the main street A(1)–B(2)–C(3) runs east; a footway with steps
 * B(2)–D(4) runs north; a detour B(2)–E(5)–D(4) of asphalt residential street goes east then north.
 * Pharmacy at D; origins on the main street.
 */
const A: [number, number] = [4.8, 51.2];
const B: [number, number] = [4.801, 51.2];
const C: [number, number] = [4.802, 51.2];
const D: [number, number] = [4.801, 51.201];
const E: [number, number] = [4.802, 51.2005];
const hv = (a: [number, number], b: [number, number]): number => distanceM(a[0], a[1], b[0], b[1]);

function ladder(): AnalysisBundleInput {
	return {
		ways: [
			{ id: 'w1', nodeIds: [1, 2, 3], tags: { highway: 'residential', surface: 'asphalt' } },
			{ id: 'w2', nodeIds: [2, 4], tags: { highway: 'steps' } },
			{ id: 'w3', nodeIds: [2, 5, 4], tags: { highway: 'residential', surface: 'asphalt' } },
			{ id: 'w4', nodeIds: [3, 6], tags: { highway: 'track' } },
		],
		nodeLngLat: new Map<number, [number, number]>([
			[1, A],
			[2, B],
			[3, C],
			[4, D],
			[5, E],
			[6, [4.803, 51.2]],
		]),
		nodeTags: new Map(),
		origins: [
			{
				id: 'oA',
				lngLat: A,
				residents: 2,
				residents65: 1,
				residents80: 0,
				neighbourhoodId: 'n1',
				edgeOfData: false,
			},
			// 20 m south of the midpoint of A–B
			{
				id: 'oAB',
				lngLat: [4.8005, 51.2 - 20 / metresPerDegree(51.2).ky],
				residents: 1,
				residents65: 1,
				residents80: 1,
				neighbourhoodId: 'n1',
				edgeOfData: false,
			},
			{
				id: 'oT',
				lngLat: [4.803, 51.2],
				residents: 3,
				residents65: 0,
				residents80: 0,
				neighbourhoodId: 'n1',
				edgeOfData: true,
			},
		],
		places: [{ id: 'n10', categoryIds: ['pharmacy'], lngLat: D, name: 'Apotheek' }],
		neighbourhoods: [
			{ id: 'n1', name: 'Wijk 1', population: 6, residents65: 2, residents80: 1, coverageShare: 1 },
		],
		meta: { areaId: 'ladder', bbox: [4.8, 51.1998, 4.803, 51.201], dataDate: '2019-11-05' },
	};
}

function engineOf(input: AnalysisBundleInput): AnalysisEngine {
	return new AnalysisEngine(decodeAnalysisBundle(buildAnalysisBundle(input)));
}

describe('coverage on a hand-made graph', () => {
	const engine = engineOf(ladder());
	it('walks up the steps on foot', () => {
		const r = engine.coverage({ categoryId: 'pharmacy', profile: 'walking' }).result;
		expect(r.distanceM[0]).toBeCloseTo(hv(A, B) + hv(B, D), 1);
		expect(r.timeS[0]).toBeCloseTo((hv(A, B) + hv(B, D)) / (4.5 / 3.6), 1);
		expect(r.placeLabel[0]).toBe(0);
		// access leg (20 m) + half of A–B + B–D
		expect(r.distanceM[1]).toBeCloseTo(20 + hv(A, B) / 2 + hv(B, D), 0);
		expect(r.unknownM[0]).toBe(0);
	});
	it('takes the detour in a wheelchair, and the rollator too', () => {
		for (const profile of ['wheelchair', 'rollator'] as const) {
			const r = engine.coverage({ categoryId: 'pharmacy', profile }).result;
			expect(r.distanceM[0]).toBeCloseTo(hv(A, B) + hv(B, E) + hv(E, D), 1);
		}
	});
	it('counts the unknown stretch optimistically and refuses it cautiously', () => {
		// oT sits on the untagged track (surface unknown for a wheelchair)
		const opt = engine.coverage({ categoryId: 'pharmacy', profile: 'wheelchair' }).result;
		const track = hv(C, [4.803, 51.2]);
		expect(opt.unknownM[2]).toBeCloseTo(track, 1);
		expect(opt.distanceM[2]).toBeCloseTo(track + hv(C, B) + hv(B, E) + hv(E, D), 1);
		const cautious = engine.coverage({
			categoryId: 'pharmacy',
			profile: 'wheelchair',
			unknownMode: 'cautious',
		}).result;
		// cautious: the origin snaps to the nearest usable edge instead, C on the main street
		expect(cautious.unknownM[2]).toBe(0);
		expect(cautious.distanceM[2]).toBeCloseTo(track + hv(C, B) + hv(B, E) + hv(E, D), 0);
	});
	it('handles a place on the same edge as the origin', () => {
		const input = ladder();
		input.places = [{ id: 'n11', categoryIds: ['bakery'], lngLat: [4.8008, 51.2], name: 'Bakker' }];
		const r = engineOf(input).coverage({ categoryId: 'bakery', profile: 'walking' }).result;
		expect(r.distanceM[0]).toBeCloseTo(hv(A, [4.8008, 51.2]), 1);
		expect(r.distanceM[1]).toBeCloseTo(20 + hv([4.8005, 51.2], [4.8008, 51.2]), 0);
	});
	it('what-if delta: a planned pharmacy at A brings oA and oAB within 100 m, not the edge-of-data origin', () => {
		const run = engine.coverage({ categoryId: 'pharmacy', profile: 'walking' });
		const change = run.addPlace({ id: 'planned', lngLat: A })!;
		expect(whatIfDelta(run, [change], 100)).toEqual({
			residents: 3,
			residents65: 2,
			residents80: 1,
			changedOrigins: 3,
		});
		const back = run.removePlace(change.label);
		expect(whatIfDelta(run, [back], 100)).toMatchObject({
			residents: -3,
			residents65: -2,
			residents80: -1,
		});
		expect(run.result.distanceM[0]).toBeCloseTo(hv(A, B) + hv(B, D), 3);
	});
	it('rejects a planned place without valid coordinates', () => {
		const run = engine.coverage({ categoryId: 'pharmacy', profile: 'walking' });
		expect(() => run.addPlace({ id: 'p1', lngLat: [Number.NaN, 51] })).toThrow(
			/planned place "p1": lngLat/,
		);
		expect(() =>
			engine.coverage({
				categoryId: 'pharmacy',
				profile: 'walking',
				extraPlaces: [{ id: 'p2', lngLat: [4.8, 95] }],
			}),
		).toThrow(/planned place "p2"/);
		expect(() => engine.coverage({ categoryId: 'pharmacy', profile: 'bike' as never })).toThrow(
			/unknown profile "bike"/,
		);
		expect(() => walkshed(engine, [Number.NaN, 0], 5, 'walking')).toThrow(/walkshed start: lngLat/);
		expect(() => routeWithReasons(engine, A, [200, 0], 'walking')).toThrow(/route end: lngLat/);
	});
	it('reports unreachable origins as Infinity and no place', () => {
		const r = engine.coverage({ categoryId: 'dentist', profile: 'walking' }).result;
		expect(r.placeCount).toBe(0);
		expect([...r.distanceM]).toEqual([Infinity, Infinity, Infinity]);
		expect([...r.placeLabel]).toEqual([-1, -1, -1]);
		// a category with no place is "none mapped", never 100 % beyond the norm
		const [row] = summarizeByNeighbourhood(engine.bundle, r, 800);
		expect(row).toMatchObject({ state: 'none_mapped', beyondResidents: null, beyondShare: null });
		const fc = originsToGeoJSON(engine.bundle, r, () => undefined, 800);
		for (const f of fc.features) expect(f.properties.beyond_norm).toBeUndefined();
	});
	it('summarises per neighbourhood with edge-of-data origins apart', () => {
		const b = engine.bundle;
		const r = engine.coverage({ categoryId: 'pharmacy', profile: 'walking' }).result;
		const [row] = summarizeByNeighbourhood(b, r, hv(A, B) + hv(B, D) - 1);
		expect(row).toMatchObject({
			neighbourhoodId: 'n1',
			residents: 3,
			residents65: 2,
			residents80: 1,
			edgeOfDataResidents: 3,
		});
		// oA is just beyond the norm; oAB (20 m access + half of A–B) is within it
		expect(row?.beyondResidents).toBe(2);
		expect(row?.beyond65).toBe(1);
		expect(row?.beyond80).toBe(0);
		const [row2] = summarizeByNeighbourhood(b, r, 250);
		expect(row2?.beyondResidents).toBe(0);
		expect(row2?.beyond65Share).toBe(0);
	});
});

/** Largest absolute difference between two columns (Infinity equal to Infinity counts as 0). */
function maxDiff(a: Float64Array, b: Float64Array): number {
	let m = 0;
	for (let i = 0; i < a.length; i++) {
		const x = a[i]!;
		const y = b[i]!;
		if (x === y) continue;
		m = Math.max(m, Math.abs(x - y));
	}
	return m;
}

describe('overlay outputs', () => {
	const engine = new AnalysisEngine(decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput())));
	const b = engine.bundle;
	const run = engine.coverage({ categoryId: 'grocery', profile: 'rollator' });
	it('grid cells hold every origin once and agree with the neighbourhood summary', () => {
		const cells = cellsToGeoJSON(b, run.result, 500, 250);
		const rows = summarizeByNeighbourhood(b, run.result, 500);
		const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
		const cellResidents = sum(
			cells.features.map((f) => f.properties.residents + f.properties.edge_of_data_residents),
		);
		const allResidents = sum([...b.origins.residents]);
		expect(cellResidents).toBeCloseTo(allResidents, -1);
		expect(sum(cells.features.map((f) => f.properties.beyond_65!))).toBeCloseTo(
			sum(rows.map((r) => r.beyond65!)),
			-1,
		);
		// cells are squares of about 250 m
		const ring = cells.features[0]!.geometry.coordinates[0]!;
		expect(distanceM(ring[0]![0]!, ring[0]![1]!, ring[1]![0]!, ring[1]![1]!)).toBeCloseTo(250, -1);
	});
	it('grid cells of some neighbourhoods hold only their origins', () => {
		const nb = b.neighbourhoods[0]!;
		const cells = cellsToGeoJSON(b, run.result, 500, 250, [nb.id]);
		const row = summarizeByNeighbourhood(b, run.result, 500).find(
			(r) => r.neighbourhoodId === nb.id,
		)!;
		const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
		expect(cells.features.length).toBeGreaterThan(0);
		expect(cells.features.length).toBeLessThan(
			cellsToGeoJSON(b, run.result, 500, 250).features.length,
		);
		expect(sum(cells.features.map((f) => f.properties.beyond_65!))).toBeCloseTo(row.beyond65!, -1);
		expect(cellsToGeoJSON(b, run.result, 500, 250, []).features).toEqual([]);
	});
	it('origin points carry the result and whether they are beyond the norm', () => {
		const fc = originsToGeoJSON(b, run.result, (l) => run.placeId(l), 500);
		expect(fc.features).toHaveLength(b.origins.count);
		let beyond65 = 0;
		for (const f of fc.features) {
			const p = f.properties;
			if (p.beyond_norm) beyond65 += p.residents_65;
			if (p.edge_of_data) expect(p.beyond_norm).toBe(false);
			if (p.distance_m !== null) expect(p.place_id).toMatch(/^[nwr]\d+/);
		}
		const rows = summarizeByNeighbourhood(b, run.result, 500);
		// residents_65 is rounded to 0.001 per origin in the export
		const exact = rows.reduce((s, r) => s + r.beyond65!, 0);
		expect(Math.abs(beyond65 - exact)).toBeLessThan(0.0005 * b.origins.count);
	});
});

describe('properties on the real sample area', () => {
	const engine = new AnalysisEngine(decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput())));
	const o = engine.bundle.origins;
	const places = engine.bundle.places;

	it('multi-source equals the minimum of single-source runs', () => {
		for (const profile of ['walking', 'wheelchair'] as const) {
			const ids = engine.placesOf('pharmacy').map((i) => places.ids[i] as string);
			const all = engine.coverage({ categoryId: 'pharmacy', profile }).result;
			const singles = ids.map(
				(keep) =>
					engine.coverage({
						categoryId: 'pharmacy',
						profile,
						excludePlaceIds: ids.filter((x) => x !== keep),
					}).result,
			);
			let bad = 0;
			let reachable = 0;
			for (let i = 0; i < o.count; i++) {
				// the single-source run with the cheapest path, and its distance
				let k = -1;
				for (let j = 0; j < singles.length; j++) {
					if (k < 0 || singles[j]!.timeS[i]! < singles[k]!.timeS[i]!) k = j;
				}
				const mt = singles[k]!.timeS[i]!;
				const md = singles[k]!.distanceM[i]!;
				if (Number.isFinite(mt)) reachable++;
				const same = (x: number, y: number): boolean =>
					x === y || Math.abs(x - y) <= 1e-9 * Math.abs(y);
				if (!same(all.timeS[i]!, mt) || !same(all.distanceM[i]!, md)) bad++;
			}
			expect(bad).toBe(0);
			expect(reachable).toBeGreaterThan(9000);
		}
	});

	it('is never shorter than the straight line', () => {
		for (const categoryId of ['pharmacy', 'bench', 'grocery']) {
			const run = engine.coverage({ categoryId, profile: 'rollator' });
			const r = run.result;
			let checked = 0;
			let shorter = 0;
			for (let i = 0; i < o.count; i++) {
				const l = r.placeLabel[i] as number;
				if (l < 0) continue;
				const line = distanceM(
					o.lngLat[i * 2]!,
					o.lngLat[i * 2 + 1]!,
					places.lngLat[l * 2]!,
					places.lngLat[l * 2 + 1]!,
				);
				if (!(r.distanceM[i]! >= line - 0.01)) shorter++;
				checked++;
			}
			expect(shorter).toBe(0);
			expect(checked).toBeGreaterThan(9000);
		}
	});

	it('what-if add and remove equal a full recompute', () => {
		// planned places at real addresses (connected origins spread over the area), then
		// removing real pharmacies
		const snaps = engine.originSnaps('wheelchair');
		const connected = [...Array(o.count).keys()].filter((i) => snaps.edge[i]! >= 0);
		const planned = [0, 0.25, 0.5, 0.75]
			.map((f) => connected[Math.floor(f * connected.length)]!)
			.map((i) => ({
				id: `planned-${i}`,
				lngLat: [o.lngLat[i * 2]!, o.lngLat[i * 2 + 1]!] as [number, number],
			}));
		for (const profile of ['walking', 'wheelchair'] as const) {
			const run = engine.coverage({ categoryId: 'pharmacy', profile });
			const removed: string[] = [];
			for (const p of planned) {
				const change = run.addPlace(p);
				expect(change).toBeDefined();
				const full = engine.coverage({
					categoryId: 'pharmacy',
					profile,
					extraPlaces: planned.slice(0, planned.indexOf(p) + 1),
				}).result;
				for (let i = 0; i < o.count; i++)
					expect(run.result.distanceM[i]).toBeCloseTo(full.distanceM[i]!, 6);
			}
			for (const label of engine.placesOf('pharmacy').slice(0, 2)) {
				const change = run.removePlace(label);
				removed.push(places.ids[label]!);
				expect(change.origins.length).toBeGreaterThan(0);
				const full = engine.coverage({
					categoryId: 'pharmacy',
					profile,
					extraPlaces: planned,
					excludePlaceIds: removed,
				}).result;
				expect(maxDiff(run.result.distanceM, full.distanceM)).toBeLessThan(1e-6);
				expect(maxDiff(run.result.unknownM, full.unknownM)).toBeLessThan(1e-6);
			}
		}
	});
});

describe('where next, walkshed and route on the hand-made graph', () => {
	const engine = engineOf(ladder());
	it('where next picks the location that covers the most older residents, greedily', () => {
		const run = engine.coverage({ categoryId: 'pharmacy', profile: 'walking' });
		// norm 60 m: nobody is within it; oA (1 aged 65+) and oAB (1) are 20+35 m apart along A–B
		const picks = whereNext(run, { k: 2, normM: 60 });
		// after the first pick nothing is left to gain, so there is no second pick
		expect(picks).toHaveLength(1);
		// the node A covers oA (0 m) and oAB (20 + 34.9 m); one pick covers both
		expect(picks[0]).toMatchObject({ gain: 2, gain65: 2, gainResidents: 3, origins: 2 });
		expect(picks[0]?.lngLat).toEqual(A);
		const again = whereNext(run, { k: 2, normM: 60, candidates: [C, [4.8004, 51.2]] });
		expect(again).toHaveLength(1);
		expect(again[0]).toMatchObject({ candidate: 1, gain65: 2 });
	});
	it('walkshed: lines cut where the time runs out, residents inside', () => {
		// 1 minute on foot = 75 m from A: the street A–B (69.7 m) and 5.3 m beyond B on each of
		// its three branches (to C, the steps, the detour)
		const w = walkshed(engine, A, 1, 'walking');
		expect(w).toBeDefined();
		expect(w!.lines.properties.lengthM).toBeCloseTo(hv(A, B) + 3 * (75 - hv(A, B)), 1);
		expect(w!.lines.geometry.coordinates).toHaveLength(4);
		// oA (0 m) and oAB (34.9 m along A–B + 20 m access); oT (edge of data) is 209 m away
		expect(w!.origins).toBe(2);
		expect(w!.residents).toBe(3);
		expect(w!.edgeOfDataResidents).toBe(0);
		const w2 = walkshed(engine, A, 3, 'walking');
		expect(w2!.origins).toBe(2);
		expect(w2!.edgeOfDataResidents).toBe(3);
		expect(w2!.polygon?.geometry.type).toMatch(/Polygon/);
	});
	it('route for a wheelchair avoids the steps and says why', () => {
		const r = routeWithReasons(engine, A, D, 'wheelchair');
		expect(r.walking.distanceM).toBeCloseTo(hv(A, B) + hv(B, D), 1);
		expect(r.route.distanceM).toBeCloseTo(hv(A, B) + hv(B, E) + hv(E, D), 1);
		expect(r.route.segments.map((s) => s.wayId)).toEqual(['w1', 'w3']);
		expect(r.avoided).toHaveLength(1);
		expect(r.avoided[0]).toMatchObject({ wayId: 'w2', status: 'impassable', reasons: ['steps'] });
		expect(r.route.timeS).toBeCloseTo(r.route.distanceM / (3.5 / 3.6), 1);
	});
});

describe('where next, walkshed and route agree with coverage on the real sample area', () => {
	const engine = new AnalysisEngine(decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput())));
	const o = engine.bundle.origins;
	const snaps = engine.originSnaps('walking');
	const connected = [...Array(o.count).keys()].filter(
		(i) => snaps.edge[i]! >= 0 && o.edgeOfData[i] === 0,
	);
	const at = (i: number): [number, number] => [o.lngLat[i * 2]!, o.lngLat[i * 2 + 1]!];

	it.each([
		['walking', 'optimistic'],
		// many origins have no usable way near (nothing reachable): no place can reach them either
		['wheelchair', 'cautious'],
	] as const)(
		'each where-next gain is what adding a place there brings (%s, %s)',
		(profile, unknownMode) => {
			const normM = 800;
			const run = engine.coverage({ categoryId: 'pharmacy', profile, unknownMode });
			const picks = whereNext(run, { k: 3, normM });
			expect(picks).toHaveLength(3);
			expect(picks[0]!.gain65).toBeGreaterThanOrEqual(picks[1]!.gain65);
			const within65 = (): number => {
				let s = 0;
				for (let i = 0; i < o.count; i++)
					if (o.edgeOfData[i] === 0 && run.result.distanceM[i]! <= normM) s += o.residents65[i]!;
				return s;
			};
			for (const pick of picks) {
				const before = within65();
				run.addPlace({ id: `next-${pick.candidate}`, lngLat: pick.lngLat });
				expect(within65() - before).toBeCloseTo(pick.gain65, 3);
			}
		},
	);

	it('walkshed residents are the origins within that time of the point (rollator)', () => {
		for (const k of [0.1, 0.5, 0.9]) {
			const p = at(connected[Math.floor(k * connected.length)]!);
			const w = walkshed(engine, p, 10, 'rollator')!;
			const run = engine.coverage({
				categoryId: '-',
				profile: 'rollator',
				extraPlaces: [{ id: 'p', lngLat: p }],
			});
			let residents = 0;
			for (let i = 0; i < o.count; i++)
				if (o.edgeOfData[i] === 0 && run.result.timeS[i]! <= 600) residents += o.residents[i]!;
			expect(w.residents).toBeCloseTo(residents, 3);
			expect(w.residents).toBeGreaterThan(0);
		}
	});

	it('a route A→B is as long as the coverage distance from A to a place at B (wheelchair)', () => {
		const b = at(connected[Math.floor(0.3 * connected.length)]!);
		const run = engine.coverage({
			categoryId: '-',
			profile: 'wheelchair',
			extraPlaces: [{ id: 'b', lngLat: b }],
		});
		for (const k of [0.05, 0.35, 0.65, 0.95]) {
			const i = connected[Math.floor(k * connected.length)]!;
			const r = routeWithReasons(engine, at(i), b, 'wheelchair');
			expect(r.route.distanceM).toBeCloseTo(run.result.distanceM[i]!, 3);
			expect(r.route.timeS).toBeCloseTo(run.result.timeS[i]!, 3);
			expect(r.route.unknownM).toBeCloseTo(run.result.unknownM[i]!, 3);
			expect(r.walking.distanceM).toBeLessThanOrEqual(r.route.distanceM + 1e-6);
		}
	});
});

describe('coverage runs on released arrays (the real sample area)', () => {
	const bundle = decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput()));
	const engine = new AnalysisEngine(bundle);
	const fresh = new AnalysisEngine(bundle);
	const o = bundle.origins;
	const same = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
		let bad = 0;
		for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) bad++;
		return bad;
	};

	it("each origin is what evaluateSnap finds, and a run filling a released run's arrays equals a new run bit for bit", () => {
		// walking after a wheelchair run (unknown metres left in the arrays), walking after
		// walking (zeros kept), other speeds in turn, a run edited by a what-if, a place list edit
		const planned = {
			id: 'planned-x',
			lngLat: [o.lngLat[2 * 500]!, o.lngLat[2 * 500 + 1]!] as [number, number],
		};
		const pharmacies = engine.placesOf('pharmacy').map((i) => bundle.places.ids[i] as string);
		expect(pharmacies.length).toBeGreaterThan(0);
		const jobs: (CoverageOptions & { edit?: boolean })[] = [
			{ categoryId: 'pharmacy', profile: 'wheelchair' },
			// no place to reach (every pharmacy switched off), on arrays with unknown metres left
			{ categoryId: 'pharmacy', profile: 'wheelchair', excludePlaceIds: pharmacies },
			{ categoryId: 'pharmacy', profile: 'walking' },
			{ categoryId: 'grocery', profile: 'walking', edit: true },
			{ categoryId: 'pharmacy', profile: 'walking' },
			{ categoryId: 'bench', profile: 'rollator' },
			{ categoryId: 'pharmacy', profile: 'wheelchair', unknownMode: 'cautious' },
			// no place to reach, then a what-if adds one
			{ categoryId: 'pharmacy', profile: 'walking', excludePlaceIds: pharmacies, edit: true },
			{ categoryId: 'grocery', profile: 'walking', extraPlaces: [planned] },
			{ categoryId: 'pharmacy', profile: 'wheelchair', edit: true },
			{ categoryId: 'grocery', profile: 'walking' },
		];
		let prev: CoverageRun | undefined;
		let compared = 0;
		for (const { edit, ...job } of jobs) {
			prev?.release();
			const run = engine.coverage(job);
			if (edit) {
				// a what-if (through evaluateEdge), then the run equals a new run with that place
				run.addPlace(planned);
				job.extraPlaces = [planned];
			}
			const ref = fresh.coverage(job).result;
			const r = run.result;
			expect(same(r.distanceM, ref.distanceM)).toBe(0);
			expect(same(r.timeS, ref.timeS)).toBe(0);
			expect(same(r.unknownM, ref.unknownM)).toBe(0);
			expect(same(r.placeLabel, ref.placeLabel)).toBe(0);
			// every origin as the per-origin evaluateSnap completes it from the run's labels
			const snaps = engine.originSnaps(job.profile, job.unknownMode);
			for (let i = 0; i < o.count; i++) {
				const e = snaps.edge[i]!;
				if (e < 0) {
					expect(r.distanceM[i]).toBe(Infinity);
					expect(r.placeLabel[i]).toBe(-1);
					expect(r.unknownM[i]).toBe(0);
					continue;
				}
				const snap = { edge: e, t: snaps.t[i]!, accessM: snaps.accessM[i]!, lng: 0, lat: 0 };
				const p = evaluateSnap(run.net, run.state, snap, run.sourcesOn(e));
				if (
					!Object.is(p.distanceM, r.distanceM[i]) ||
					!Object.is(p.costS, r.timeS[i]) ||
					!Object.is(p.unknownM, r.unknownM[i]) ||
					p.label !== r.placeLabel[i]
				)
					throw new Error(`origin ${i} (${job.categoryId}, ${job.profile}): ${JSON.stringify(p)}`);
				compared++;
			}
			prev = run;
		}
		expect(compared).toBeGreaterThan(11 * 9000);
		// a released run takes no more edits
		prev!.release();
		expect(() => prev!.addPlace(planned)).toThrow(/released/);
	});
});

describe("coverage where the two ends of an origin's edge tie", () => {
	it('takes the smaller label, as evaluateSnap does (origins at edge midpoints, places on nodes)', () => {
		// every edge exactly 100 m and places on nodes: many edges have ends at exactly equal
		// cost from two places, and an origin at the middle of such an edge ties between them
		const { g, bundle } = tiedGridBundle();
		const o = bundle.origins;
		for (let i = 0; i < o.count; i++) {
			const e = (i * 7919) % g.edgeCount;
			const a = g.edgeFrom[e]!;
			const b = g.edgeTo[e]!;
			o.lngLat[i * 2] = (g.nodeLngLat[a * 2]! + g.nodeLngLat[b * 2]!) / 2;
			o.lngLat[i * 2 + 1] = (g.nodeLngLat[a * 2 + 1]! + g.nodeLngLat[b * 2 + 1]!) / 2;
		}
		const engine = new AnalysisEngine(bundle);
		const run = engine.coverage({ categoryId: 'pharmacy', profile: 'walking' });
		const snaps = engine.originSnaps('walking');
		const st = run.state;
		let ties = 0;
		for (let i = 0; i < o.count; i++) {
			const e = snaps.edge[i]!;
			if (e < 0) continue;
			const snap = { edge: e, t: snaps.t[i]!, accessM: snaps.accessM[i]!, lng: 0, lat: 0 };
			const p = evaluateSnap(run.net, st, snap, run.sourcesOn(e));
			expect([run.result.distanceM[i], run.result.placeLabel[i]]).toEqual([p.distanceM, p.label]);
			const w = run.net.edgeCostS[e]!;
			const f = g.edgeFrom[e]!;
			const to = g.edgeTo[e]!;
			if (
				st.costS(f) + snap.t * w === st.costS(to) + (1 - snap.t) * w &&
				st.label(f) !== st.label(to)
			)
				ties++;
		}
		expect(ties).toBeGreaterThan(0);
	});
});
