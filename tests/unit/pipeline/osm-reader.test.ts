import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaOsmBox, readOsm, type OsmData } from '../../../scripts/lib/osm.ts';
import {
	nodeBlob,
	osmHeaderBlob,
	relationBlob,
	wayBlob,
	type WriteNode,
} from '../../helpers/osm-pbf-writer.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const SAMPLE_PBF = path.join(SAMPLE_DIR, 'osm', 'vorselaar-lille_buffer1km.osm.pbf');
const SASSENHOUT_PBF = path.join(REPO_ROOT, 'tests', 'fixtures', 'osm', 'sassenhout.osm.pbf');

/** The same objects written with the ways first, then the nodes, then the relations. */
function unsortedCopy(osm: OsmData, file: string): void {
	const nodes: WriteNode[] = [...osm.coords].map(([id, lngLat]) => ({
		id,
		lngLat,
		tags: osm.taggedNodes.get(id)?.tags ?? {},
		timestamp: osm.taggedNodes.get(id)?.timestamp ?? 0,
	}));
	const half = Math.floor(nodes.length / 2);
	writeFileSync(
		file,
		Buffer.concat([
			osmHeaderBlob(osm.headerBbox),
			wayBlob(osm.ways),
			// Second half of the nodes before the first: ids out of order across blocks.
			nodeBlob(nodes.slice(half)),
			nodeBlob(nodes.slice(0, half)),
			relationBlob(osm.relations),
		]),
	);
}

describe('the streaming OSM reader', () => {
	let sample: OsmData;
	beforeAll(async () => {
		sample = await readOsm(SAMPLE_PBF);
	}, 60_000);

	it('reads every node position of every highway as osmium exported them (independent path)', () => {
		// vorselaar-lille_highways.geojson was written by osmium from the same extract (SOURCES.md).
		const fc = JSON.parse(
			readFileSync(path.join(SAMPLE_DIR, 'osm', 'vorselaar-lille_highways.geojson'), 'utf8'),
		) as { features: { properties: { '@id': number }; geometry: { coordinates: number[][] } }[] };
		const ways = new Map(sample.ways.map((w) => [w.id, w]));
		let positions = 0;
		for (const f of fc.features) {
			const w = ways.get(f.properties['@id']);
			expect(w, `way ${f.properties['@id']}`).toBeDefined();
			const ours = w!.refs.map((r) => sample.coords.get(r)).filter((c) => c !== undefined);
			// Where nodes are missing the export kept one unbroken run of the way (way 87292526).
			const at = JSON.stringify(ours).indexOf(JSON.stringify(f.geometry.coordinates).slice(1, -1));
			expect(at, `way ${w!.id}`).toBeGreaterThan(0);
			if (!w!.refs.some((r) => !sample.coords.has(r)))
				expect(ours, `way ${w!.id}`).toEqual(f.geometry.coordinates);
			positions += f.geometry.coordinates.length;
		}
		expect(fc.features).toHaveLength(2620);
		expect(positions).toBeGreaterThan(15_000);
		// SOURCES.md: 126,945 nodes, 20,193 ways, 602 relations.
		expect([sample.coords.size, sample.ways.length, sample.relations.length]).toEqual([
			126_945, 20_193, 602,
		]);
		const ids = [...sample.coords.keys()];
		expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as number))).toBe(true);
		expect(sample.coords.has(ids[0] as number)).toBe(true);
		expect(sample.coords.has(-1)).toBe(false);
		expect(sample.coords.get(-1)).toBeUndefined();
	});

	it("keeps only what an area inside a larger extract needs, and cuts the coverage to the area's box", async () => {
		// Sassenhout (wijk 13044A1) and its 3 km margin, from the whole sample extract.
		const box = areaOsmBox([4.7906, 51.2012, 4.8375, 51.2172]);
		const cut = await readOsm(SAMPLE_PBF, { keepWithin: box });
		const inBox = ([x, y]: [number, number]) =>
			x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
		expect(cut.coords.size).toBeGreaterThan(10_000);
		expect(cut.coords.size).toBeLessThan(sample.coords.size * 0.7);
		for (const c of cut.coords.values()) expect(inBox(c)).toBe(true);
		// Exactly the nodes of the whole read that lie in the box, at the same positions.
		const expectedNodes = [...sample.coords].filter(([, c]) => inBox(c));
		const json = (v: unknown) => JSON.stringify(v);
		expect(cut.coords.size).toBe(expectedNodes.length);
		expect(json([...cut.coords]) === json(expectedNodes)).toBe(true);
		// Exactly the ways with a node in the box, with all their refs (the outside ones have no
		// coordinates, as at an extract's edge), and the relations with a kept member.
		const expectedWays = sample.ways.filter((w) => w.refs.some((r) => cut.coords.has(r)));
		expect(cut.ways.length).toBe(expectedWays.length);
		expect(json(cut.ways) === json(expectedWays)).toBe(true);
		expect(cut.ways.some((w) => w.refs.some((r) => !cut.coords.has(r)))).toBe(true);
		const wayIds = new Set(cut.ways.map((w) => w.id));
		expect(cut.relations).toEqual(
			sample.relations.filter((r) =>
				r.members.some(
					(m) =>
						(m.type === 'node' && cut.coords.has(m.ref)) || (m.type === 'way' && wayIds.has(m.ref)),
				),
			),
		);
		expect([...cut.taggedNodes.keys()].sort()).toEqual(
			[...sample.taggedNodes.values()]
				.filter((n) => inBox(n.lngLat))
				.map((n) => n.id)
				.sort(),
		);
		// The sample has no header bbox: the coverage is its nodes' bbox ∩ the box.
		expect(sample.headerBbox).toBeNull();
		const nodes = [Infinity, Infinity, -Infinity, -Infinity];
		for (const [x, y] of sample.coords.values()) {
			nodes[0] = Math.min(nodes[0]!, x);
			nodes[1] = Math.min(nodes[1]!, y);
			nodes[2] = Math.max(nodes[2]!, x);
			nodes[3] = Math.max(nodes[3]!, y);
		}
		expect(cut.headerBbox).toEqual([
			Math.max(nodes[0]!, box[0]),
			Math.max(nodes[1]!, box[1]),
			Math.min(nodes[2]!, box[2]),
			Math.min(nodes[3]!, box[3]),
		]);
		// A box around the whole extract changes nothing.
		const whole = await readOsm(SAMPLE_PBF, { keepWithin: [4, 51, 5.5, 51.5] });
		expect(json([...whole.coords]) === json([...sample.coords])).toBe(true);
		expect(json(whole.ways) === json(sample.ways)).toBe(true);
		expect(json(whole.relations) === json(sample.relations)).toBe(true);
		expect(whole.headerBbox).toBeNull();
	}, 60_000);

	it('reads a file whose nodes come after its ways and out of id order, with or without a box', async () => {
		const sorted = await readOsm(SASSENHOUT_PBF);
		const file = path.join(tempDir(), 'unsorted.osm.pbf');
		unsortedCopy(sorted, file);
		const unsorted = await readOsm(file);
		expect([...unsorted.coords]).toEqual([...sorted.coords]);
		expect(unsorted.ways).toEqual(sorted.ways);
		expect(unsorted.relations).toEqual(sorted.relations);
		expect(unsorted.taggedNodes).toEqual(sorted.taggedNodes);
		const box: [number, number, number, number] = [4.8, 51.2, 4.82, 51.21];
		const a = await readOsm(SASSENHOUT_PBF, { keepWithin: box });
		const b = await readOsm(file, { keepWithin: box });
		expect(a.coords.size).toBeGreaterThan(100);
		expect([...b.coords]).toEqual([...a.coords]);
		expect(b.ways).toEqual(a.ways);
		expect(b.relations).toEqual(a.relations);
	});

	it('names an extract that holds nothing of the area', async () => {
		await expect(readOsm(SASSENHOUT_PBF, { keepWithin: [3.7, 51.0, 3.75, 51.05] })).rejects.toThrow(
			/sassenhout\.osm\.pbf: OSM extract has no nodes and no ways inside the area \(box 3\.7, 51, 3\.75, 51\.05\): is it the extract of another area\?/,
		);
	});
});
