import { describe, expect, it } from 'vitest';
import { sampleBundleInput } from '../../tests/fixtures/analysis/sample-input.ts';
import {
	type AnalysisBundleInput,
	BENCH_NEAR_M,
	BenchIndex,
	NO_NEIGHBOURHOOD,
	WAY_NAME_KEYS,
	buildAnalysisBundle,
	classifyGraphEdges,
	graphFromWays,
	decodeAnalysisBundle,
	edgeStatus,
} from './bundle.ts';
import { AnalysisEngine } from './engine.ts';
import { distanceM, projectOnSegment } from './geo.ts';
import { decodeSections } from './sections.ts';
import { BUNDLE_FORMAT, BUNDLE_SECTIONS } from '../contracts/bundle-format.ts';
import { ValidationError } from '../contracts/validation.ts';

/** A hand-made area: a T junction (nodes 1-2-3 along a street, 2-4 a footway with steps 4-5). */
function tJunction(): AnalysisBundleInput & { nodeLngLat: Map<number, [number, number]> } {
	return {
		ways: [
			{ id: 'w10', nodeIds: [1, 2, 3], tags: { highway: 'residential', surface: 'asphalt' } },
			{
				id: 'w11',
				nodeIds: [2, 6, 4],
				tags: { highway: 'footway', surface: 'asphalt', width: '2' },
			},
			{ id: 'w12', nodeIds: [4, 5], tags: { highway: 'steps' } },
			{ id: 'w13', nodeIds: [3, 7], tags: { highway: 'motorway' } },
		],
		nodeLngLat: new Map<number, [number, number]>([
			[1, [4.8, 51.2]],
			[2, [4.801, 51.2]],
			[3, [4.802, 51.2]],
			[6, [4.801, 51.2005]],
			[4, [4.801, 51.201]],
			[5, [4.801, 51.2015]],
			[7, [4.803, 51.2]],
		]),
		nodeTags: new Map([[6, { barrier: 'kerb', kerb: 'raised' }]]),
		origins: [
			{
				id: 'a1',
				lngLat: [4.8001, 51.2001],
				residents: 2.5,
				residents65: 1,
				residents80: 0.5,
				neighbourhoodId: 'nb',
				edgeOfData: false,
			},
			{
				id: 'a2',
				lngLat: [4.8021, 51.2001],
				residents: 1,
				residents65: 0,
				residents80: 0,
				neighbourhoodId: '',
				edgeOfData: true,
			},
		],
		places: [{ id: 'n99', categoryIds: ['pharmacy'], lngLat: [4.8011, 51.2016], name: 'Apotheek' }],
		neighbourhoods: [
			{ id: 'nb', name: 'Wijk', population: 10, residents65: 2, residents80: 1, coverageShare: 1 },
		],
		meta: { areaId: 'test', bbox: [4.8, 51.2, 4.803, 51.2015], dataDate: '2019-11-05' },
	};
}

describe('buildAnalysisBundle / decodeAnalysisBundle', () => {
	it("writes exactly the contract's sections, in its order, with its element types", () => {
		const { header } = decodeSections<object>(BUNDLE_FORMAT, buildAnalysisBundle(tJunction()));
		expect(header.sections.map((s) => [s.name, s.type])).toEqual(Object.entries(BUNDLE_SECTIONS));
	});

	it('builds the expected graph from a hand-made area', () => {
		const b = decodeAnalysisBundle(buildAnalysisBundle(tJunction()));
		const g = b.graph;
		// graph nodes 1,2,3,4,5 (6 is interior to w11, 7 only on the motorway)
		expect([...g.nodeOsmIds].sort()).toEqual([1, 2, 3, 4, 5]);
		expect(g.edgeCount).toBe(4);
		expect(g.wayIds).toEqual(['w10', 'w11', 'w12']);
		expect(g.offsets[g.nodeCount]).toBe(8);
		const node = (osm: number): number => [...g.nodeOsmIds].indexOf(osm);
		const edgeBetween = (a: number, c: number): number => {
			for (let e = 0; e < g.edgeCount; e++) {
				const f = g.edgeFrom[e] as number;
				const t = g.edgeTo[e] as number;
				if ((f === node(a) && t === node(c)) || (f === node(c) && t === node(a))) return e;
			}
			throw new Error('no edge');
		};
		const foot = edgeBetween(2, 4);
		expect(g.lengthsM[foot]).toBeCloseTo(distanceM(4.801, 51.2, 4.801, 51.201), 1);
		expect(g.shapeOffsets[foot + 1]! - g.shapeOffsets[foot]!).toBe(1);
		expect(edgeStatus(g, 0, foot)).toBe('passable');
		expect(edgeStatus(g, 2, foot)).toBe('impassable'); // raised kerb on node 6
		const steps = edgeBetween(4, 5);
		expect(edgeStatus(g, 0, steps)).toBe('passable');
		expect(edgeStatus(g, 1, steps)).toBe('impassable');
		// CSR arcs agree with edges
		for (let n = 0; n < g.nodeCount; n++) {
			for (let a = g.offsets[n]!; a < g.offsets[n + 1]!; a++) {
				const e = g.arcEdges[a]!;
				const other = g.edgeFrom[e] === n ? g.edgeTo[e] : g.edgeFrom[e];
				expect(g.targets[a]).toBe(other);
			}
		}
		expect(b.origins.ids).toEqual(['a1', 'a2']);
		expect(b.origins.residents[0]).toBe(2.5);
		expect(b.origins.neighbourhood[1]).toBe(NO_NEIGHBOURHOOD);
		expect([...b.origins.edgeOfData]).toEqual([0, 1]);
		expect(b.places.categoryIds).toEqual([['pharmacy']]);
		expect(b.places.lngLat[0]).toBe(4.8011);
		expect(b.meta.areaId).toBe('test');
	});

	it('splits a way where a node has no coordinates (cut by the extract)', () => {
		const input = tJunction();
		input.ways = [{ id: 'w1', nodeIds: [1, 2, 99, 3, 7], tags: { highway: 'residential' } }];
		input.nodeLngLat.set(7, [4.803, 51.2]);
		const g = decodeAnalysisBundle(buildAnalysisBundle(input)).graph;
		expect(g.edgeCount).toBe(2); // 1-2 and 3-7, no edge across the missing node
	});

	it('names each way by its name, else its road number, in the header; every section stays byte-identical', () => {
		const plain = tJunction();
		const named: AnalysisBundleInput = {
			...plain,
			ways: plain.ways.map((w) =>
				w.id === 'w10'
					? { ...w, tags: { ...w.tags, name: 'Kerkstraat', ref: 'N153' } }
					: w.id === 'w11'
						? { ...w, tags: { ...w.tags, ref: 'F1' } }
						: w,
			),
		};
		const bytes = buildAnalysisBundle(named);
		const g = decodeAnalysisBundle(bytes).graph;
		expect(g.wayIds).toEqual(['w10', 'w11', 'w12']);
		expect(g.wayNames).toEqual(['Kerkstraat', 'F1', '']);
		expect(WAY_NAME_KEYS).toEqual(['name', 'ref']);
		// the data area after the header holds the same bytes as without any name
		const dataOf = (b: Uint8Array) => {
			const headerLength = new DataView(b.buffer, b.byteOffset).getUint32(8, true);
			return Buffer.from(b.subarray(Math.ceil((12 + headerLength) / 8) * 8));
		};
		const unnamed = buildAnalysisBundle(plain);
		expect(decodeAnalysisBundle(unnamed).graph.wayNames).toEqual(['', '', '']);
		expect(dataOf(bytes).equals(dataOf(unnamed))).toBe(true);
	});

	it(
		'is deterministic: byte-identical output, whatever the order of ways',
		{ timeout: 60_000 },
		() => {
			const input = sampleBundleInput();
			const a = buildAnalysisBundle(input);
			const b = buildAnalysisBundle({ ...input, ways: [...input.ways].reverse() });
			expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
		},
	);

	it('round-trips the real sample area, also from an unaligned copy', () => {
		const input = sampleBundleInput();
		const bytes = buildAnalysisBundle(input);
		const shifted = new Uint8Array(bytes.length + 3).subarray(3);
		shifted.set(bytes);
		for (const d of [decodeAnalysisBundle(bytes), decodeAnalysisBundle(shifted)]) {
			expect(d.origins.count).toBe(input.origins.length);
			expect(d.places.ids).toEqual(input.places.map((p) => p.id));
			// every origin, found by its id (the bundle orders them along the network)
			const at = new Map(d.origins.ids.map((id, k) => [id, k]));
			expect(at.size).toBe(input.origins.length);
			const nbIds = d.neighbourhoods.map((n) => n.id);
			for (const o of input.origins) {
				const k = at.get(o.id)!;
				expect(d.origins.lngLat[k * 2]).toBeCloseTo(o.lngLat[0], 7);
				expect(d.origins.lngLat[k * 2 + 1]).toBeCloseTo(o.lngLat[1], 7);
				expect(d.origins.residents[k]).toBeCloseTo(o.residents, 4);
				expect(d.origins.residents65[k]).toBeCloseTo(o.residents65, 4);
				expect(d.origins.residents80[k]).toBeCloseTo(o.residents80, 4);
				expect(d.origins.edgeOfData[k]).toBe(o.edgeOfData ? 1 : 0);
				expect(nbIds[d.origins.neighbourhood[k]!] ?? '').toBe(o.neighbourhoodId);
			}
			expect(d.neighbourhoods).toEqual(input.neighbourhoods);
			// total edge length equals the walkable length of the source within float32 rounding
			let sum = 0;
			for (let e = 0; e < d.graph.edgeCount; e++) sum += d.graph.lengthsM[e]!;
			expect(sum).toBeGreaterThan(400_000);
			// each way's name is its OSM name (else road number), from the source's tags
			const byId = new Map(input.ways.map((w) => [w.id, w]));
			d.graph.wayIds.forEach((id, k) => {
				const w = byId.get(id);
				expect(d.graph.wayNames[k]).toBe(w ? (w.tags.name ?? w.tags.ref ?? '') : '');
			});
			expect(d.graph.wayNames.filter(Boolean).length).toBeGreaterThan(1000);
		}
	});

	it('orders the origins along the network: a walking job evaluates them in index order', () => {
		const d = decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput()));
		const snaps = new AnalysisEngine(d).originSnaps('walking');
		// edge by edge, along each edge, the origins on no edge last: byEdge is 0, 1, 2, …
		let outOfOrder = 0;
		snaps.byEdge.forEach((i, k) => {
			if (i !== k) outOfOrder++;
		});
		expect(snaps.byEdge.length).toBeGreaterThan(0.9 * d.origins.count);
		expect(outOfOrder).toBe(0);
	});

	it('rejects bad input naming the field and the rule it breaks', () => {
		const issueOf = (input: AnalysisBundleInput): unknown => {
			try {
				buildAnalysisBundle(input);
			} catch (error) {
				expect(error).toBeInstanceOf(ValidationError);
				expect((error as Error).message).toMatch(/^analysis bundle input: /);
				return (error as ValidationError).issue;
			}
			return undefined;
		};
		const bad = tJunction();
		bad.origins[0]!.lngLat = [200, 51];
		expect(issueOf(bad)).toEqual({
			path: 'origins[0].lngLat',
			kind: 'lngLat',
			limit: '[-180..180, -90..90]',
			found: [200, 51],
		});
		const bad2 = tJunction();
		bad2.origins[0]!.neighbourhoodId = 'nope';
		expect(() => buildAnalysisBundle(bad2)).toThrow(/unknown neighbourhoodId "nope"/);
		const bad3 = tJunction();
		bad3.origins[0]!.residents = Number.NaN;
		expect(issueOf(bad3)).toMatchObject({ path: 'origins[0].residents', kind: 'type' });
		const bad4 = tJunction();
		bad4.origins[1] = { ...bad4.origins[1]!, id: bad4.origins[0]!.id };
		expect(issueOf(bad4)).toMatchObject({ path: 'origins[1].id', kind: 'unique' });
		const bad5 = tJunction();
		bad5.neighbourhoods[0]!.coverageShare = 1.5;
		expect(issueOf(bad5)).toEqual({
			path: 'neighbourhoods[0].coverageShare',
			kind: 'range',
			limit: 1,
			found: 1.5,
		});
		const bad6 = tJunction();
		bad6.meta = { ...bad6.meta, areaId: '' };
		expect(issueOf(bad6)).toMatchObject({ path: 'meta.areaId', kind: 'length' });
		expect(() => decodeAnalysisBundle(new Uint8Array([1, 2, 3]))).toThrow(/not an analysis bundle/);
		const truncated = buildAnalysisBundle(tJunction()).slice(0, 400);
		expect(() => decodeAnalysisBundle(truncated)).toThrow(/truncated/);
	});
});

describe('the bundle builder in named parts', () => {
	it('graphFromWays: walkable ways only, nodes in Hilbert order, edges from the lower node', () => {
		const g = graphFromWays(tJunction());
		expect(g.ways.map((w) => w.id)).toEqual(['w10', 'w11', 'w12']);
		expect([...g.nodeIds].sort()).toEqual([1, 2, 3, 4, 5]);
		expect(g.edges).toHaveLength(4);
		for (const e of g.edges) {
			expect(e.f).toBeLessThanOrEqual(e.t);
			expect(g.nodeIds[e.f]).toBe(e.from);
		}
		// w11 keeps its interior node 6 as shape
		expect(g.edges.find((e) => g.ways[e.way]?.id === 'w11')?.nodes).toHaveLength(3);
	});

	it('BenchIndex.near holds every bench within BENCH_NEAR_M of the line (brute force)', () => {
		let seed = 7;
		const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const benches: [number, number][] = Array.from({ length: 2000 }, () => [
			4.8 + rnd() * 0.02,
			51.2 + rnd() * 0.02,
		]);
		const index = new BenchIndex(benches);
		for (let k = 0; k < 50; k++) {
			const line: [number, number][] = Array.from({ length: 3 }, () => [
				4.805 + rnd() * 0.01,
				51.205 + rnd() * 0.01,
			]);
			const near = new Set(index.near(line));
			for (const b of benches) {
				let best = Infinity;
				for (let i = 0; i + 1 < line.length; i++) {
					const [a, c] = [line[i]!, line[i + 1]!];
					best = Math.min(best, projectOnSegment(b[0], b[1], a[0], a[1], c[0], c[1]).distanceM);
				}
				if (best <= BENCH_NEAR_M) expect(near.has(b)).toBe(true);
			}
		}
		expect(new BenchIndex([]).near([[4.8, 51.2]])).toEqual([]);
	});

	it('classifyGraphEdges: the kerb on w11 and the steps of w12 per profile', () => {
		const input = tJunction();
		const g = graphFromWays(input);
		const { attributes, classification } = classifyGraphEdges(
			g,
			input.nodeTags,
			new BenchIndex([]),
		);
		const edgeOf = (way: string): number => g.edges.findIndex((e) => g.ways[e.way]?.id === way);
		const bundle = decodeAnalysisBundle(buildAnalysisBundle(input));
		expect([...attributes.flags]).toEqual([...bundle.graph.attributes.flags]);
		expect([...classification.statuses]).toEqual([...bundle.graph.statuses]);
		expect(attributes.kerbM[edgeOf('w11')]).toBeGreaterThan(0);
		// no bench anywhere: the longest stretch without one is the whole edge
		expect(attributes.benchStretchM[edgeOf('w10')]).toBeCloseTo(g.edges[edgeOf('w10')]!.lengthM, 3);
	});
});
