/**
 * A minimal OSM PBF writer (https://wiki.openstreetmap.org/wiki/PBF_Format), used to cut small test
 * fixtures from the real sample extract with no native tool (osmium is not installed here). Writes
 * an OSMHeader blob and OSMData blobs (zlib) with DenseNodes, Ways and Relations, including the
 * last-edit timestamp of every object (DenseInfo / Info with version and timestamp only).
 */
import { deflateSync } from 'node:zlib';
import { PbfWriter } from 'pbf';
import type { OsmData, OsmRelation, OsmWay, Tags } from '../../scripts/lib/osm.ts';

/** One node to write. */
export interface WriteNode {
	id: number;
	lngLat: [number, number];
	tags: Tags;
	timestamp: number;
}

class StringTable {
	#index = new Map<string, number>([['', 0]]);
	list: string[] = [''];
	id(s: string): number {
		let i = this.#index.get(s);
		if (i === undefined) {
			i = this.list.length;
			this.list.push(s);
			this.#index.set(s, i);
		}
		return i;
	}
}

function blob(type: 'OSMHeader' | 'OSMData', payload: Uint8Array): Buffer {
	const b = new PbfWriter();
	b.writeVarintField(2, payload.length); // raw_size
	b.writeBytesField(3, deflateSync(payload)); // zlib_data
	const blobBytes = b.finish();
	const h = new PbfWriter();
	h.writeStringField(1, type);
	h.writeVarintField(3, blobBytes.length);
	const headerBytes = h.finish();
	const len = Buffer.alloc(4);
	len.writeUInt32BE(headerBytes.length);
	return Buffer.concat([len, headerBytes, blobBytes]);
}

const deltas = (values: number[]): number[] =>
	values.map((v, i) => (i === 0 ? v : v - (values[i - 1] as number)));

/** Timestamps are written in seconds (date_granularity 1000 ms). */
const seconds = (ms: number): number => Math.round(ms / 1000);

function primitiveBlock(build: (pbf: PbfWriter, st: StringTable) => void): Uint8Array {
	const st = new StringTable();
	const body = new PbfWriter();
	build(body, st);
	const groupBytes = body.finish();
	const out = new PbfWriter();
	out.writeMessage(
		1,
		(list: string[], p: PbfWriter) => {
			for (const s of list) p.writeBytesField(1, Buffer.from(s, 'utf8'));
		},
		st.list,
	);
	out.writeBytesField(2, groupBytes); // one PrimitiveGroup (already serialised)
	return out.finish();
}

/**
 * The OSMHeader blob of a PBF file.
 * @param bbox [west, south, east, north] in degrees written in the header, or null
 */
export function osmHeaderBlob(
	bbox: [number, number, number, number] | null,
	writingProgram = 'buurtkaart-fixture-cutter',
): Buffer {
	const header = new PbfWriter();
	if (bbox) {
		header.writeMessage(
			1,
			(b: [number, number, number, number], p: PbfWriter) => {
				p.writeSVarintField(1, Math.round(b[0] * 1e9));
				p.writeSVarintField(2, Math.round(b[2] * 1e9));
				p.writeSVarintField(3, Math.round(b[3] * 1e9));
				p.writeSVarintField(4, Math.round(b[1] * 1e9));
			},
			bbox,
		);
	}
	header.writeStringField(4, 'OsmSchema-V0.6');
	header.writeStringField(4, 'DenseNodes');
	header.writeStringField(16, writingProgram);
	return blob('OSMHeader', header.finish());
}

/** One OSMData blob holding `nodes` (sorted by id) as DenseNodes. */
export function nodeBlob(nodes: WriteNode[]): Buffer {
	return blob(
		'OSMData',
		primitiveBlock((g, st) => {
			g.writeMessage(
				2,
				(ns: WriteNode[], p: PbfWriter) => {
					p.writePackedSVarint(1, deltas(ns.map((n) => n.id)));
					p.writeMessage(
						5,
						(list: WriteNode[], q: PbfWriter) => {
							// The reader wants every DenseInfo column, so changeset/uid/user are written as 0.
							const zeros = list.map(() => 0);
							q.writePackedVarint(
								1,
								list.map(() => 1),
							); // version
							q.writePackedSVarint(2, deltas(list.map((n) => seconds(n.timestamp))));
							q.writePackedSVarint(3, zeros);
							q.writePackedSVarint(4, zeros);
							q.writePackedSVarint(5, zeros);
						},
						ns,
					);
					p.writePackedSVarint(8, deltas(ns.map((n) => Math.round(n.lngLat[1] * 1e7))));
					p.writePackedSVarint(9, deltas(ns.map((n) => Math.round(n.lngLat[0] * 1e7))));
					const kv: number[] = [];
					for (const n of ns) {
						for (const [k, v] of Object.entries(n.tags)) kv.push(st.id(k), st.id(v));
						kv.push(0);
					}
					p.writePackedVarint(10, kv);
				},
				nodes,
			);
		}),
	);
}

/** A way's or relation's id (1), tag keys (2) and values (3) and Info (4: version 1, timestamp). */
function writeIdTagsInfo(
	p: PbfWriter,
	st: StringTable,
	o: { id: number; tags: Tags; timestamp: number },
): void {
	p.writeVarintField(1, o.id);
	const entries = Object.entries(o.tags);
	p.writePackedVarint(
		2,
		entries.map(([k]) => st.id(k)),
	);
	p.writePackedVarint(
		3,
		entries.map(([, v]) => st.id(v)),
	);
	p.writeMessage(
		4,
		(ts: number, q: PbfWriter) => {
			q.writeVarintField(1, 1);
			q.writeVarintField(2, seconds(ts));
		},
		o.timestamp,
	);
}

/** One OSMData blob holding `ways` (sorted by id). */
export function wayBlob(ways: OsmWay[]): Buffer {
	return blob(
		'OSMData',
		primitiveBlock((g, st) => {
			for (const w of ways) {
				g.writeMessage(
					3,
					(way: OsmWay, p: PbfWriter) => {
						writeIdTagsInfo(p, st, way);
						p.writePackedSVarint(8, deltas(way.refs));
					},
					w,
				);
			}
		}),
	);
}

/** One OSMData blob holding `relations` (sorted by id). */
export function relationBlob(relations: OsmRelation[]): Buffer {
	return blob(
		'OSMData',
		primitiveBlock((g, st) => {
			for (const r of relations) {
				g.writeMessage(
					4,
					(rel: OsmRelation, p: PbfWriter) => {
						writeIdTagsInfo(p, st, rel);
						p.writePackedVarint(
							8,
							rel.members.map((m) => st.id(m.role)),
						);
						p.writePackedSVarint(9, deltas(rel.members.map((m) => m.ref)));
						p.writePackedVarint(
							10,
							rel.members.map((m) => ['node', 'way', 'relation'].indexOf(m.type)),
						);
					},
					r,
				);
			}
		}),
	);
}

/**
 * Writes nodes, ways and relations (each sorted by id, as osmium does) into a PBF file's bytes, one
 * data block per kind.
 * @param bbox [west, south, east, north] in degrees written in the header, or null
 */
export function writeOsmPbf(
	nodes: WriteNode[],
	ways: OsmWay[],
	relations: OsmRelation[],
	bbox: [number, number, number, number] | null,
): Buffer {
	const parts: Buffer[] = [osmHeaderBlob(bbox)];
	const sortedNodes = [...nodes].sort((a, b) => a.id - b.id);
	if (sortedNodes.length > 0) parts.push(nodeBlob(sortedNodes));
	const sortedWays = [...ways].sort((a, b) => a.id - b.id);
	if (sortedWays.length > 0) parts.push(wayBlob(sortedWays));
	const sortedRels = [...relations].sort((a, b) => a.id - b.id);
	if (sortedRels.length > 0) parts.push(relationBlob(sortedRels));
	return Buffer.concat(parts);
}

/** Node `id` of an extract as written: its position, and its tags and last edit when tagged. */
export function writeNodeOf(osm: OsmData, id: number): WriteNode {
	const t = osm.taggedNodes.get(id);
	return {
		id,
		lngLat: osm.coords.get(id) as [number, number],
		tags: t?.tags ?? {},
		timestamp: t?.timestamp ?? 0,
	};
}

/**
 * Cuts an extract to a bbox the way `osmium extract -s complete_ways` does: every node inside, every
 * way with a node inside (with all its nodes that exist), every relation with a kept member (with
 * its member list unchanged), and the member ways of kept multipolygon relations.
 */
export function cutOsm(osm: OsmData, bbox: [number, number, number, number]): Buffer {
	const [w, s, e, n] = bbox;
	const inside = (c: [number, number]) => c[0] >= w && c[0] <= e && c[1] >= s && c[1] <= n;
	const keepNodes = new Set<number>();
	for (const [id, c] of osm.coords) if (inside(c)) keepNodes.add(id);
	const keepWays = new Set<number>();
	for (const way of osm.ways) if (way.refs.some((r) => keepNodes.has(r))) keepWays.add(way.id);
	const keepRels = osm.relations.filter((r) =>
		r.members.some(
			(m) =>
				(m.type === 'node' && keepNodes.has(m.ref)) || (m.type === 'way' && keepWays.has(m.ref)),
		),
	);
	for (const r of keepRels) {
		if (r.tags.type !== 'multipolygon') continue;
		for (const m of r.members) if (m.type === 'way') keepWays.add(m.ref);
	}
	const ways = osm.ways.filter((way) => keepWays.has(way.id));
	for (const way of ways) for (const r of way.refs) if (osm.coords.has(r)) keepNodes.add(r);
	return writeOsmPbf(
		[...keepNodes].map((id) => writeNodeOf(osm, id)),
		ways,
		keepRels,
		bbox,
	);
}
