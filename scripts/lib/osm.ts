/**
 * Reads an OpenStreetMap `.osm.pbf` extract into memory. The file's blob framing (4-byte length,
 * BlobHeader with type and size, Blob with raw or zlib data) is read here, so a truncated or corrupt
 * file fails with a message that says which and where; each data block is decoded by
 * osm-pbf-parser-node's `parse` (pure JS, DenseNodes, object timestamps). Its streaming API is not
 * used: errors inside its Transform escape `pipe()` as uncaught exceptions.
 */
import { inflateSync } from 'node:zlib';
import { parse } from 'osm-pbf-parser-node';
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

/** Where one blob's payload lies in the file. */
export interface BlobRef {
	type: 'OSMHeader' | 'OSMData';
	start: number;
	end: number;
}

/**
 * Checks the blob framing of a PBF file.
 * @returns the blobs, in file order (the first is the OSMHeader)
 * @throws InputError "truncated" when a blob runs past the end, "corrupt" for anything else
 */
export function checkPbfFraming(buf: Buffer, file: string): BlobRef[] {
	let pos = 0;
	const blobs: BlobRef[] = [];
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
		blobs.push({ type: h.type as BlobRef['type'], start: pos + 4 + headerLen, end });
		first = false;
		pos = end;
	}
	return blobs;
}

/** Fields of a protobuf message as (field number, value) pairs: varints as numbers, bytes as Buffers. */
function fields(buf: Buffer): [number, number | Buffer][] {
	const out: [number, number | Buffer][] = [];
	let pos = 0;
	while (pos < buf.length) {
		let key: number;
		[key, pos] = readVarint(buf, pos);
		const wire = key % 8;
		if (wire === 0) {
			let v: number;
			[v, pos] = readVarint(buf, pos);
			out.push([Math.floor(key / 8), v]);
		} else if (wire === 2) {
			let len: number;
			[len, pos] = readVarint(buf, pos);
			if (pos + len > buf.length) throw new Error('field runs past the end');
			out.push([Math.floor(key / 8), buf.subarray(pos, pos + len)]);
			pos += len;
		} else if (wire === 1) pos += 8;
		else if (wire === 5) pos += 4;
		else throw new Error(`unexpected wire type ${wire}`);
	}
	return out;
}

/** The uncompressed payload of a Blob message (raw or zlib). */
function blobPayload(buf: Buffer): Buffer {
	for (const [f, v] of fields(buf)) {
		if (f === 1 && Buffer.isBuffer(v)) return v;
		if (f === 3 && Buffer.isBuffer(v)) return inflateSync(v);
		if ((f === 4 || f === 5 || f === 6 || f === 7) && Buffer.isBuffer(v)) {
			throw new Error(`blob compression (field ${f}) is not supported: only raw and zlib`);
		}
	}
	throw new Error('blob has no data');
}

const unzigzag = (v: number): number => (v % 2 === 1 ? -(v + 1) / 2 : v / 2);

/** Bbox and writing program of an OSMHeader block. */
function parseHeaderBlock(buf: Buffer): {
	bbox: [number, number, number, number] | null;
	writingProgram: string | null;
} {
	let bbox: [number, number, number, number] | null = null;
	let writingProgram: string | null = null;
	for (const [f, v] of fields(buf)) {
		if (f === 1 && Buffer.isBuffer(v)) {
			const b: Record<number, number> = {};
			for (const [g, w] of fields(v)) if (typeof w === 'number') b[g] = unzigzag(w) / 1e9;
			if (b[1] !== undefined && b[2] !== undefined && b[3] !== undefined && b[4] !== undefined) {
				bbox = [b[1], b[4], b[2], b[3]];
			}
		} else if (f === 16 && Buffer.isBuffer(v)) writingProgram = v.toString('utf8');
	}
	return { bbox, writingProgram };
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
	const blobs = checkPbfFraming(buf, file);
	if (blobs.length < 2) throw new InputError(`${file}: OSM extract is empty (no data blocks)`);
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
	for (const blob of blobs) {
		let items: ParsedItem[];
		try {
			const payload = blobPayload(buf.subarray(blob.start, blob.end));
			if (blob.type === 'OSMHeader') {
				const h = parseHeaderBlock(payload);
				data.headerBbox = h.bbox;
				data.writingProgram = h.writingProgram;
				continue;
			}
			items = parse(payload, { withTags: true, withInfo: true }) as ParsedItem[];
		} catch (e) {
			throw new InputError(
				`${file}: not a valid OSM PBF file (block at byte ${blob.start}: ${(e as Error).message})`,
			);
		}
		for (const item of items) {
			const ts = item.info?.timestamp ?? 0;
			if (ts > latest) latest = ts;
			if (item.type === 'node') {
				const ll: [number, number] = [r7(item.lon as number), r7(item.lat as number)];
				data.coords.set(item.id as number, ll);
				if (item.tags) {
					data.taggedNodes.set(item.id as number, {
						id: item.id as number,
						lngLat: ll,
						tags: item.tags,
						timestamp: ts,
					});
				}
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
			}
		}
	}
	if (data.coords.size === 0 && data.ways.length === 0) {
		throw new InputError(`${file}: OSM extract is empty (no nodes and no ways)`);
	}
	if (latest > 0) data.latestEditDate = new Date(latest).toISOString().slice(0, 10);
	return data;
}
