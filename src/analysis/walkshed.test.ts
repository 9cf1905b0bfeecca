/**
 * The walkshed split for the map (the `split` option): the edges reached whole, drawn from the
 * network tiles by feature id, and the partly reached pieces, drawn as GeoJSON, are together
 * exactly the stretches drawn without it (the same pieces, the same metres), on the sample area.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine } from './engine.ts';
import { PROFILE_IDS } from '../contracts/profiles.ts';
import { SearchSpace } from './search.ts';
import { mulberry32 } from './synthetic.ts';
import { edgeSlice, walkshed } from './walkshed.ts';

const bundle = decodeAnalysisBundle(
	new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
);
const engine = new AnalysisEngine(bundle);

/** Seeded address points with residents, not at the edge of the data. */
function points(n: number): [number, number][] {
	const rand = mulberry32(29);
	const o = bundle.origins;
	const out: [number, number][] = [];
	while (out.length < n) {
		const i = Math.floor(rand() * o.count);
		if (o.edgeOfData[i] === 1 || o.reason[i] !== 0) continue;
		out.push([o.lngLat[2 * i] as number, o.lngLat[2 * i + 1] as number]);
	}
	return out;
}

const sorted = (lines: [number, number][][]) => lines.map((l) => JSON.stringify(l)).sort();

describe('walkshed split into whole edges and partly reached pieces', () => {
	it('draws exactly the stretches of the unsplit walkshed, with the same metres and residents', () => {
		const space = new SearchSpace(engine.graph.nodeCount);
		let wholeEdges = 0;
		let pieces = 0;
		for (const at of points(12))
			for (const minutes of [3, 10, 25])
				for (const profile of PROFILE_IDS) {
					const all = walkshed(engine, at, minutes, profile, 'optimistic', {
						polygon: false,
						space,
					});
					const split = walkshed(engine, at, minutes, profile, 'optimistic', {
						polygon: false,
						space,
						split: true,
					});
					if (!all) {
						expect(split).toBeUndefined();
						continue;
					}
					if (!split) throw new Error('split walkshed missing');
					const edges = [...split.edges];
					// ascending, each once
					for (let k = 1; k < edges.length; k++) expect(edges[k]).toBeGreaterThan(edges[k - 1]!);
					expect(all.edges).toHaveLength(0);
					const whole = edges.map((e) => edgeSlice(engine.graph, e, 0, 1));
					expect(
						sorted([...whole, ...split.lines.geometry.coordinates] as [number, number][][]),
					).toEqual(sorted(all.lines.geometry.coordinates as [number, number][][]));
					expect(split.lines.properties.lengthM).toBeCloseTo(all.lines.properties.lengthM, 6);
					expect(split.unknownM).toBeCloseTo(all.unknownM, 6);
					expect(split.residents).toBe(all.residents);
					expect(split.residents65).toBe(all.residents65);
					// the box holds every stretch and the start point, and no more
					expect(split.bbox).toEqual(all.bbox);
					const xs = [at[0], ...all.lines.geometry.coordinates.flat().map((p) => p[0]!)];
					const ys = [at[1], ...all.lines.geometry.coordinates.flat().map((p) => p[1]!)];
					expect(all.bbox).toEqual([
						Math.min(...xs),
						Math.min(...ys),
						Math.max(...xs),
						Math.max(...ys),
					]);
					wholeEdges += edges.length;
					pieces += split.lines.geometry.coordinates.length;
				}
		// the sample's walksheds are mostly whole edges: the GeoJSON left is small
		expect(wholeEdges).toBeGreaterThan(5 * pieces);
	});

	it('keeps the hull around the whole edges too', () => {
		const [at] = points(1);
		const all = walkshed(engine, at!, 10, 'walking');
		const split = walkshed(engine, at!, 10, 'walking', 'optimistic', { split: true });
		expect(split?.polygon).toEqual(all?.polygon);
	});
});
