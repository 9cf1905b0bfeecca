/**
 * Reads an OpenStreetMap `.osm.pbf` extract into memory with osm-pbf-parser-node (a small, pure-JS
 * streaming reader of the PBF format: no native build, handles DenseNodes, gives object timestamps).
 *
 * Before parsing, the file's blob framing is checked (each blob: 4-byte length, BlobHeader with a
 * type and a data size), so a truncated or corrupt file fails with a message that says which,
 * instead of the parser's generic "input format error".
 */
import { OSMTransform } from 'osm-pbf-parser-node';
import { Readable } from 'node:stream';
import { InputError, readInput } from './io.ts';

/** Tags of an OSM object. */
export type Tags = Record<string, string>;

/** A way: its node ids in order and its tags. */
export interface OsmWay {
	id: number;
	refs: number[];
	tags: Tags;
	/** Last edit, ms since the epoch (0 when the file has no metadata). */
	timestamp: number;
}

/** A relation member. */
export interface OsmMember {
	type: 'node' | 'way' | 'relation';
	ref: number;
	role: string;
}

/** A relation. */
export interface OsmRelation {
	id: number;
	members: OsmMember[];
	tags: Tags;
	timestamp: number;
}

/** A tagged node. */
export interface OsmNode {
	id: number;
	lngLat: [number, number];
	tags: Tags;
	timestamp: number;
}

/** The extract in memory. Coordinates are WGS84 degrees. */
export interface OsmData {
	/** Coordinates of every node. */
	coords: Map<number, [number, number]>;
	/** Nodes with at least one tag. */
	taggedNodes: Map<number, OsmNode>;
	ways: OsmWay[];
	relations: OsmRelation[];
	/** Bbox from the file header, [west, south, east, north], or null. */
	headerBbox: [number, number, number, number] | null;
	/** Latest object timestamp in the file, ISO date (YYYY-MM-DD), or null without metadata. */
	latestEditDate: string | null;
	writingProgram: string | null;
}

function readVarint(buf: Buffer, pos: number): [number, number] {
	let result = 0;
	let shift = 0;
	for (;;) {
		if (pos >= buf.length) throw new Error('varint runs past the end');
		const b = buf[pos++] as number;
		result += (b & 0x7f) * 2 ** shift;
		if (b < 0x80) return [result, pos];
		shift += 7;
		if (shift > 63) throw new Error('varint too long');
	}
}

/** Parses a BlobHeader message: `type` (field 1) and `datasize` (field 3). */
function parseBlobHeader(buf: Buffer): { type: string; datasize: number } {
	let pos = 0;
	let type = '';
	let datasize = -1;
	while (pos < buf.length) {
		let key: number;
		[key, pos] = readVarint(buf, pos);
		const field = Math.floor(key / 8);
		const wire = key % 8;
		if (wire === 0) {
			let v: number;
			[v, pos] = readVarint(buf, pos);
			if (field === 3) datasize = v;
		} else if (wire === 2) {
			let len: number;
			[len, pos] = readVarint(buf, pos);
			if (pos + len > buf.length) throw new Error('field runs past the end');
			if (field === 1) type = buf.toString('utf8', pos, pos + len);
			pos += len;
		} else throw new Error(`unexpected wire type ${wire}`);
	}
	if (!type || datasize < 0) throw new Error('BlobHeader lacks type or datasize');
	return { type, datasize };
}

/**
 * Checks the blob framing of a PBF file.
 * @returns the number of OSMData blobs
 * @throws InputError "truncated" when a blob runs past the end, "corrupt" for anything else
 */
export function checkPbfFraming(buf: Buffer, file: string): number {
	let pos = 0;
	let dataBlobs = 0;
	let first = true;
	while (pos < buf.length) {
		if (pos + 4 > buf.length) {
			throw new InputError(
				`${file}: OSM PBF is truncated (${buf.length - pos} stray bytes at the end)`,
			);
		}
		const headerLen = buf.readUInt32BE(pos);
		if (headerLen === 0 || headerLen > 64 * 1024) {
			throw new InputError(
				`${file}: not a valid OSM PBF file (corrupt blob header length ${headerLen} at byte ${pos})`,
			);
		}
		if (pos + 4 + headerLen > buf.length) {
			throw new InputError(`${file}: OSM PBF is truncated (blob header at byte ${pos} is cut off)`);
		}
		let h: { type: string; datasize: number };
		try {
			h = parseBlobHeader(buf.subarray(pos + 4, pos + 4 + headerLen));
		} catch (e) {
			throw new InputError(
				`${file}: not a valid OSM PBF file (${(e as Error).message} at byte ${pos})`,
			);
		}
		if (first && h.type !== 'OSMHeader') {
			throw new InputError(
				`${file}: not a valid OSM PBF file (first blob is "${h.type}", expected OSMHeader)`,
			);
		}
		if (!first && h.type !== 'OSMData') {
			throw new InputError(
				`${file}: not a valid OSM PBF file (unknown blob type "${h.type}" at byte ${pos})`,
			);
		}
		const end = pos + 4 + headerLen + h.datasize;
		if (end > buf.length) {
			throw new InputError(
				`${file}: OSM PBF is truncated (blob at byte ${pos} needs ${end} bytes, the file has ${buf.length})`,
			);
		}
		if (!first) dataBlobs++;
		first = false;
		pos = end;
	}
	return dataBlobs;
}

interface ParsedItem {
	type?: string;
	id?: number;
	lat?: number;
	lon?: number;
	refs?: number[];
	members?: OsmMember[];
	tags?: Tags;
	info?: { timestamp?: number };
	bbox?: { left: number; right: number; top: number; bottom: number };
	writingprogram?: string;
}

/** Rounds to 1e-7°, the precision OSM stores. */
const r7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/**
 * Reads an extract.
 * @throws InputError for a missing, empty, truncated or corrupt file, or an extract without nodes
 *   or ways
 */
export async function readOsm(file: string): Promise<OsmData> {
	const buf = readInput(file, 'OSM extract');
	const dataBlobs = checkPbfFraming(buf, file);
	if (dataBlobs === 0) throw new InputError(`${file}: OSM extract is empty (no data blocks)`);
	const data: OsmData = {
		coords: new Map(),
		taggedNodes: new Map(),
		ways: [],
		relations: [],
		headerBbox: null,
		latestEditDate: null,
		writingProgram: null,
	};
	let latest = 0;
	try {
		const stream = Readable.from([buf]).pipe(new OSMTransform({ withTags: true, withInfo: true }));
		for await (const chunk of stream as AsyncIterable<ParsedItem[]>) {
			for (const item of chunk) {
				const ts = item.info?.timestamp ?? 0;
				if (ts > latest) latest = ts;
				if (item.type === 'node') {
					const ll: [number, number] = [r7(item.lon as number), r7(item.lat as number)];
					data.coords.set(item.id as number, ll);
					if (item.tags)
						data.taggedNodes.set(item.id as number, {
							id: item.id as number,
							lngLat: ll,
							tags: item.tags,
							timestamp: ts,
						});
				} else if (item.type === 'way') {
					data.ways.push({
						id: item.id as number,
						refs: item.refs ?? [],
						tags: item.tags ?? {},
						timestamp: ts,
					});
				} else if (item.type === 'relation') {
					data.relations.push({
						id: item.id as number,
						members: item.members ?? [],
						tags: item.tags ?? {},
						timestamp: ts,
					});
				} else if (item.type === undefined) {
					// The OSMHeader block.
					const b = item.bbox;
					if (b) data.headerBbox = [b.left / 1e9, b.bottom / 1e9, b.right / 1e9, b.top / 1e9];
					data.writingProgram = item.writingprogram ?? null;
				}
			}
		}
	} catch (e) {
		throw new InputError(`${file}: not a valid OSM PBF file (${(e as Error).message})`);
	}
	if (data.coords.size === 0 && data.ways.length === 0) {
		throw new InputError(`${file}: OSM extract is empty (no nodes and no ways)`);
	}
	if (latest > 0) data.latestEditDate = new Date(latest).toISOString().slice(0, 10);
	return data;
}
