import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { BENCH_NEAR_M, decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine, originReasonsOf } from './engine.ts';
import { nearestPlaces } from './nearest.ts';
import { restGaps, restGapsToGeoJSON, routeEdges } from './rest-points.ts';
import { syntheticBundle, syntheticGrid } from './synthetic.ts';

const bundle = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);
const engine = new AnalysisEngine(bundle);

describe('restGaps on the sample area', () => {
	const r = restGaps(engine);

	it('finds stretches longer than 125 m without a bench, longest first', () => {
		expect(r.maxGapM).toBe(125);
		expect(r.benches).toBeGreaterThan(0);
		expect(r.gaps.length).toBeGreaterThan(0);
		expect(r.gapM).toBeGreaterThan(0);
		expect(r.gapM).toBeLessThan(r.networkM);
		const sum = r.gaps.reduce((s, g) => s + g.lengthM, 0);
		expect(sum).toBeCloseTo(r.gapM, 3);
		for (let k = 1; k < r.gaps.length; k++)
			expect(r.gaps[k - 1]!.lengthM).toBeGreaterThanOrEqual(r.gaps[k]!.lengthM);
		expect(restGapsToGeoJSON(r).features).toHaveLength(r.gaps.length);
		// named by its street where the data name it ('' otherwise: the list says the way id)
		for (const gap of r.gaps)
			expect(gap.wayName).toBe(bundle.graph.wayNames[bundle.graph.wayIds.indexOf(gap.wayId)]);
		expect(r.gaps.slice(0, 10).filter((g) => g.wayName !== '').length).toBeGreaterThan(5);
	});

	it('a point in a gap is more than half the distance from every bench along the network', () => {
		for (const gap of r.gaps.slice(0, 15)) {
			const [near] = nearestPlaces(engine, gap.at, 'bench', 'walking', 1);
			if (!near) continue; // no bench reachable: the whole stretch is a gap
			const p = bundle.places.ids.indexOf(near.placeId);
			const access = engine.placeSnap(p, 'walking')?.accessM ?? 0;
			// the route counts the bench's access leg (≤ BENCH_NEAR_M for a counted bench)
			expect(near.route.distanceM).toBeGreaterThan(62.5 - 0.01);
			expect(near.route.distanceM - Math.min(access, BENCH_NEAR_M)).toBeGreaterThan(62.5 - 1);
		}
	});

	it('a longer set distance leaves fewer metres in gaps; a bad one is refused', () => {
		expect(restGaps(engine, { maxGapM: 250 }).gapM).toBeLessThan(r.gapM);
		expect(() => restGaps(engine, { maxGapM: 0 })).toThrow(/between benches/);
		expect(() => restGaps(engine, { maxGapM: Number.NaN })).toThrow(/between benches/);
	});
});

describe('routeEdges: the routes residents walk to the important places', () => {
	const { on, residents65 } = routeEdges(engine, ['pharmacy']);
	const reasons = originReasonsOf(bundle);
	const g = bundle.graph;

	it("holds each address's walking route to its nearest pharmacy", () => {
		const o = bundle.origins;
		let checked = 0;
		let edges = 0;
		// every 50th address the gap analysis counts: its route by the nearest-places search (one
		// search from the address)
		for (let i = 0; i < o.count; i += 50) {
			if (reasons[i] !== 0) continue;
			const from: [number, number] = [o.lngLat[2 * i]!, o.lngLat[2 * i + 1]!];
			const [near] = nearestPlaces(engine, from, 'pharmacy', 'walking', 1);
			if (!near) continue;
			for (const s of near.route.segments) {
				expect(on[s.edge], `address ${i}, edge ${s.edge}`).toBe(1);
				edges++;
			}
			checked++;
		}
		expect(checked).toBeGreaterThan(150);
		expect(edges).toBeGreaterThan(checked * 5);
	});

	it('is a part of the network, and more kinds of place take in more of it', () => {
		const length = (x: Uint8Array) => x.reduce((m, v, e) => m + (v ? g.lengthsM[e]! : 0), 0);
		const all = g.lengthsM.reduce((m, l) => m + l, 0);
		const more = routeEdges(engine, ['pharmacy', 'gp', 'bakery']).on;
		expect(length(on)).toBeGreaterThan(0);
		expect(length(on)).toBeLessThan(length(more));
		// the fields, woods and the surroundings' paths no address walks through are left out
		expect(length(more)).toBeLessThan(all * 0.9);
		for (let e = 0; e < g.edgeCount; e++) if (on[e]) expect(more[e]).toBe(1);
		// a kind with no place in the data adds nothing
		expect(routeEdges(engine, ['pharmacy', 'home_care']).on).toEqual(on);
	});

	it("counts the older residents who walk an edge: each address's own, summed along the routes", () => {
		// an independent count: each sampled address's route (nearest-places search) adds its older
		// residents to every edge it walks; the engine's count of an edge is at least the sampled part
		const o = bundle.origins;
		const sampled = new Float64Array(g.edgeCount);
		for (let i = 0; i < o.count; i += 10) {
			if (reasons[i] !== 0) continue;
			const from: [number, number] = [o.lngLat[2 * i]!, o.lngLat[2 * i + 1]!];
			const [near] = nearestPlaces(engine, from, 'pharmacy', 'walking', 1);
			if (!near) continue;
			for (const e of new Set(near.route.segments.map((s) => s.edge)))
				sampled[e]! += o.residents65[i]!;
		}
		for (let e = 0; e < g.edgeCount; e++)
			expect(residents65[e]!).toBeGreaterThanOrEqual(sampled[e]! - 1e-6);
		// all the older residents with a route reach a pharmacy: the places' edges carry them all
		const total = [...o.residents65].reduce((s, r, i) => {
			const e = engine.originSnaps('walking').edge[i]!;
			return e >= 0 && on[e] && reasons[i] === 0 ? s + r : s;
		}, 0);
		let atPlaces = 0;
		for (const p of engine.placesOf('pharmacy'))
			atPlaces += residents65[engine.placeSnap(p, 'walking')!.edge]!;
		expect(atPlaces).toBeGreaterThan(total * 0.95);
	});

	it('never counts a walker twice: no edge carries more older residents than are counted', () => {
		const o = bundle.origins;
		const counted = [...o.residents65].reduce((s, r, i) => (reasons[i] === 0 ? s + r : s), 0);
		let single = 0;
		for (const c of engine.categoriesWithPlaces()) {
			const flows = routeEdges(engine, [c]).residents65;
			expect(Math.max(...flows), c).toBeLessThanOrEqual(counted + 1e-6);
			// one place: every walker ends on its edge, once (with more, one place's edge also
			// carries those on their way to another)
			const places = engine.placesOf(c);
			if (places.length !== 1) continue;
			const at = flows[engine.placeSnap(places[0]!, 'walking')!.edge]!;
			expect(at, c).toBeGreaterThan(counted * 0.9);
			expect(at, c).toBeLessThanOrEqual(counted + 1e-6);
			single++;
		}
		expect(single).toBeGreaterThan(0);
	});

	it('the rest points on the routes: a part of the whole network and its gaps', () => {
		const whole = restGaps(engine);
		const routes = restGaps(engine, { onRoutesTo: ['pharmacy', 'gp', 'bakery'] });
		expect(routes.onRoutesTo).toEqual(['pharmacy', 'gp', 'bakery']);
		expect(routes.networkM).toBeGreaterThan(0);
		expect(routes.networkM).toBeLessThan(whole.networkM);
		expect(routes.gapM).toBeLessThan(whole.gapM);
		expect(routes.benches).toBe(whole.benches);
		const sum = routes.gaps.reduce((s, x) => s + x.lengthM, 0);
		expect(sum).toBeCloseTo(routes.gapM, 3);
		// where the most older residents walk first
		for (let k = 1; k < routes.gaps.length; k++)
			expect(routes.gaps[k - 1]!.residents65!).toBeGreaterThanOrEqual(routes.gaps[k]!.residents65!);
		expect(routes.gaps[0]!.residents65!).toBeGreaterThan(0);
		expect(whole.gaps[0]!.residents65).toBeUndefined();
		// the routes are kept per engine: another distance between benches, then the first again,
		// measure on the same routes and give the same answer
		const onRoutesTo = ['pharmacy', 'gp', 'bakery'];
		expect(restGaps(engine, { maxGapM: 250, onRoutesTo }).networkM).toBe(routes.networkM);
		expect(restGaps(engine, { onRoutesTo })).toEqual(routes);
	});
});

describe('routeEdges on a synthetic grid: each edge carries exactly the walkers whose route it is on', () => {
	it('equals, edge by edge, the sum over the addresses of their own routes (one search each)', () => {
		// jittered lengths: no two routes tie, so each address has one route
		const bundle = syntheticBundle(syntheticGrid(600, 5), 400, 4, 'pharmacy', 9);
		// every 4th address exactly on a crossing (an end of the edges it snaps to: the ties where
		// a walker could be counted twice on its own edge)
		const g = bundle.graph;
		for (let i = 0; i < bundle.origins.count; i += 4) {
			const n = (i * 7) % g.nodeCount;
			bundle.origins.lngLat[2 * i] = g.nodeLngLat[2 * n]!;
			bundle.origins.lngLat[2 * i + 1] = g.nodeLngLat[2 * n + 1]!;
		}
		const engine = new AnalysisEngine(bundle);
		const { on, residents65 } = routeEdges(engine, ['pharmacy']);
		const o = bundle.origins;
		const reasons = originReasonsOf(bundle);
		const expected = new Float64Array(bundle.graph.edgeCount);
		let routes = 0;
		for (let i = 0; i < o.count; i++) {
			if (reasons[i] !== 0) continue;
			const from: [number, number] = [o.lngLat[2 * i]!, o.lngLat[2 * i + 1]!];
			const [near] = nearestPlaces(engine, from, 'pharmacy', 'walking', 1);
			if (!near) continue;
			routes++;
			// every edge it walks some of, once
			const walked = new Set(near.route.segments.filter((x) => x.lengthM > 0).map((x) => x.edge));
			for (const e of walked) expected[e]! += o.residents65[i]!;
		}
		expect(routes).toBeGreaterThan(300);
		for (let e = 0; e < expected.length; e++) {
			expect(residents65[e], `edge ${e}`).toBeCloseTo(expected[e]!, 6);
			expect(on[e], `edge ${e}`).toBe(expected[e]! > 0 ? 1 : 0);
		}
	});
});
