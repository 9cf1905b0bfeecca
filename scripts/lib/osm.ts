/**
 * Reads an OpenStreetMap `.osm.pbf` extract, streaming it block by block from the file (never the
 * whole file in memory). The blob framing (4-byte length, BlobHeader with type and size, Blob with
 * raw or zlib data) is checked first from the headers alone, so a truncated or corrupt file fails
 * with a message that says which and where before anything is decoded; each data block is decoded
 * by osm-pbf-parser-node's `parse` (pure JS, DenseNodes, object timestamps). Its streaming API is
 * not used: errors inside its Transform escape `pipe()` as uncaught exceptions.
 *
 * Node coordinates are kept compactly ({@link NodeCoords}: 16 bytes a node in typed arrays), and
 * with `keepWithin` only what the area needs is kept from a larger extract: nodes inside the box,
 * the ways that reach it, the relations with a kept member.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { parse } from 'osm-pbf-parser-node';
import { metresPerDegree } from '../../src/analysis/geo.ts';
import { InputError, inputSize } from './io.ts';

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

/**
 * Coordinates of nodes by OSM id, read-only: ids in a sorted Float64Array and lng/lat in 1e-7° in
 * an Int32Array (OSM's own precision), 16 bytes a node instead of a Map entry and a tuple. `get`
 * is a binary search and returns a fresh `[lng, lat]`; iteration is by ascending id.
 */
export class NodeCoords {
	readonly #ids: Float64Array;
	readonly #e7: Int32Array;

	/** @param ids ascending, unique; @param e7 lng, lat pairs in 1e-7° (index-aligned) */
	constructor(ids: Float64Array, e7: Int32Array) {
		this.#ids = ids;
		this.#e7 = e7;
	}

	/** Number of nodes. */
	get size(): number {
		return this.#ids.length;
	}

	#indexOf(id: number): number {
		const ids = this.#ids;
		let lo = 0;
		let hi = ids.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >>> 1;
			const v = ids[mid] as number;
			if (v < id) lo = mid + 1;
			else if (v > id) hi = mid - 1;
			else return mid;
		}
		return -1;
	}

	has(id: number): boolean {
		return this.#indexOf(id) >= 0;
	}

	/** [lng, lat] in degrees, or undefined for a node not in the extract. */
	get(id: number): [number, number] | undefined {
		const i = this.#indexOf(id);
		if (i < 0) return undefined;
		return [(this.#e7[i * 2] as number) / 1e7, (this.#e7[i * 2 + 1] as number) / 1e7];
	}

	*keys(): IterableIterator<number> {
		for (let i = 0; i < this.#ids.length; i++) yield this.#ids[i] as number;
	}

	*values(): IterableIterator<[number, number]> {
		for (let i = 0; i < this.#ids.length; i++)
			yield [(this.#e7[i * 2] as number) / 1e7, (this.#e7[i * 2 + 1] as number) / 1e7];
	}

	*[Symbol.iterator](): IterableIterator<[number, [number, number]]> {
		for (let i = 0; i < this.#ids.length; i++)
			yield [
				this.#ids[i] as number,
				[(this.#e7[i * 2] as number) / 1e7, (this.#e7[i * 2 + 1] as number) / 1e7],
			];
	}
}

/** Collects node coordinates in growing typed arrays, then sorts them once into a NodeCoords. */
class NodeCoordsBuilder {
	#ids = new Float64Array(1024);
	#e7 = new Int32Array(2048);
	#n = 0;
	#sorted = true;

	add(id: number, lng: number, lat: number): void {
		if (this.#n === this.#ids.length) {
			const ids = new Float64Array(this.#ids.length * 2);
			ids.set(this.#ids);
			this.#ids = ids;
			const e7 = new Int32Array(this.#e7.length * 2);
			e7.set(this.#e7);
			this.#e7 = e7;
		}
		if (this.#n > 0 && id <= (this.#ids[this.#n - 1] as number)) this.#sorted = false;
		this.#ids[this.#n] = id;
		this.#e7[this.#n * 2] = Math.round(lng * 1e7);
		this.#e7[this.#n * 2 + 1] = Math.round(lat * 1e7);
		this.#n++;
	}

	finish(): NodeCoords {
		const n = this.#n;
		if (this.#sorted) return new NodeCoords(this.#ids.slice(0, n), this.#e7.slice(0, n * 2));
		// Out of order (or repeated): sort by id, the last occurrence of an id wins (as a Map's set).
		const order = Array.from({ length: n }, (_, i) => i);
		order.sort((a, b) => (this.#ids[a] as number) - (this.#ids[b] as number) || a - b);
		const keep = order.filter(
			(i, k) => k === n - 1 || this.#ids[order[k + 1] as number] !== this.#ids[i],
		);
		const ids = new Float64Array(keep.length);
		const e7 = new Int32Array(keep.length * 2);
		keep.forEach((i, k) => {
			ids[k] = this.#ids[i] as number;
			e7[k * 2] = this.#e7[i * 2] as number;
			e7[k * 2 + 1] = this.#e7[i * 2 + 1] as number;
		});
		return new NodeCoords(ids, e7);
	}
}

/** The extract in memory. Coordinates are WGS84 degrees. */
export interface OsmData {
	/** Coordinates of every node kept. */
	coords: NodeCoords;
	/** Nodes with at least one tag. */
	taggedNodes: Map<number, OsmNode>;
	ways: OsmWay[];
	relations: OsmRelation[];
	/**
	 * Bbox from the file header, [west, south, east, north], or null; when nodes outside
	 * `keepWithin` were left out, the header's bbox (else the bbox of the file's nodes) ∩ that box.
	 */
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
 * Checks the blob framing of a PBF file from its blob headers alone.
 * @param read returns `length` bytes of the file from `position` (fewer at its end)
 * @param size the file's size in bytes
 * @returns the blobs, in file order (the first is the OSMHeader)
 * @throws InputError "truncated" when a blob runs past the end, "corrupt" for anything else
 */
export function checkPbfFraming(
	read: (position: number, length: number) => Buffer,
	size: number,
	file: string,
): BlobRef[] {
	let pos = 0;
	const blobs: BlobRef[] = [];
	let first = true;
	while (pos < size) {
		if (pos + 4 > size) {
			throw new InputError(`${file}: OSM PBF is truncated (${size - pos} stray bytes at the end)`);
		}
		const headerLen = read(pos, 4).readUInt32BE(0);
		if (headerLen === 0 || headerLen > 64 * 1024) {
			throw new InputError(
				`${file}: not a valid OSM PBF file (corrupt blob header length ${headerLen} at byte ${pos})`,
			);
		}
		if (pos + 4 + headerLen > size) {
			throw new InputError(`${file}: OSM PBF is truncated (blob header at byte ${pos} is cut off)`);
		}
		let h: { type: string; datasize: number };
		try {
			h = parseBlobHeader(read(pos + 4, headerLen));
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
		if (end > size) {
			throw new InputError(
				`${file}: OSM PBF is truncated (blob at byte ${pos} needs ${end} bytes, the file has ${size})`,
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
 * How far beyond an area's neighbourhoods the OSM data it needs reaches, in metres: streets and
 * places up to here are kept from a larger extract, so walks from the area to services across its
 * border (norms up to 1.5 km) stay inside the data, and no origin comes within the edge-of-data
 * distance (1.2 km) of the cut.
 */
export const AREA_MARGIN_M = 3000;

/** An area's bbox grown by {@link AREA_MARGIN_M} on every side: what `keepWithin` keeps. */
export function areaOsmBox(
	areaBbox: [number, number, number, number],
): [number, number, number, number] {
	// Degrees are shortest east–west at the latitude farthest from the equator.
	const maxAbsLat = Math.min(89, Math.max(Math.abs(areaBbox[1]), Math.abs(areaBbox[3])));
	const { kx, ky } = metresPerDegree(maxAbsLat);
	const dLat = AREA_MARGIN_M / ky;
	const dLng = AREA_MARGIN_M / kx;
	return [areaBbox[0] - dLng, areaBbox[1] - dLat, areaBbox[2] + dLng, areaBbox[3] + dLat];
}

/** Options of {@link readOsm}. */
export interface ReadOsmOptions {
	/**
	 * Keep only what lies in this box [west, south, east, north] (degrees): nodes inside it, the ways
	 * with a node inside it (their nodes outside are left out, as at an extract's edge), the
	 * relations with a kept member. Ignored when the extract's header bbox lies inside the box.
	 */
	keepWithin?: [number, number, number, number] | null;
}

/** Which kinds of object a PrimitiveBlock holds (bits: 1 nodes, 2 ways, 4 relations). */
function blockKinds(payload: Buffer): number {
	let kinds = 0;
	for (const [f, v] of fields(payload)) {
		if (f !== 2 || !Buffer.isBuffer(v) || v.length === 0) continue;
		const field = Math.floor(readVarint(v, 0)[0] / 8);
		kinds |= field === 1 || field === 2 ? 1 : field === 3 ? 2 : field === 4 ? 4 : 0;
	}
	return kinds;
}

const NODES = 1;
const WAYS_AND_RELATIONS = 6;

/**
 * Reads an extract.
 * @throws InputError for a missing, empty, truncated or corrupt file, or an extract without nodes
 *   or ways
 */
export async function readOsm(file: string, options: ReadOsmOptions = {}): Promise<OsmData> {
	const size = inputSize(file, 'OSM extract');
	const fd = openSync(file, 'r');
	try {
		return readBlobs(file, fd, size, options);
	} finally {
		closeSync(fd);
	}
}

function readBlobs(file: string, fd: number, size: number, options: ReadOsmOptions): OsmData {
	const read = (position: number, length: number): Buffer => {
		const b = Buffer.allocUnsafe(length);
		const n = readSync(fd, b, 0, length, position);
		return n === length ? b : b.subarray(0, n);
	};
	const blobs = checkPbfFraming(read, size, file);
	if (blobs.length < 2) throw new InputError(`${file}: OSM extract is empty (no data blocks)`);
	const payloadOf = (blob: BlobRef): Buffer => {
		try {
			return blobPayload(read(blob.start, blob.end - blob.start));
		} catch (e) {
			throw new InputError(
				`${file}: not a valid OSM PBF file (block at byte ${blob.start}: ${(e as Error).message})`,
			);
		}
	};
	const itemsOf = (blob: BlobRef, payload: Buffer): ParsedItem[] => {
		try {
			return parse(payload, { withTags: true, withInfo: true }) as ParsedItem[];
		} catch (e) {
			throw new InputError(
				`${file}: not a valid OSM PBF file (block at byte ${blob.start}: ${(e as Error).message})`,
			);
		}
	};
	let header: ReturnType<typeof parseHeaderBlock>;
	const first = blobs[0] as BlobRef;
	try {
		header = parseHeaderBlock(payloadOf(first));
	} catch (e) {
		if (e instanceof InputError) throw e;
		throw new InputError(
			`${file}: not a valid OSM PBF file (block at byte ${first.start}: ${(e as Error).message})`,
		);
	}
	const box = options.keepWithin ?? null;
	const hb = header.bbox;
	// With a box, the extract is read in two passes unless its header bbox lies inside the box.
	const twoPass =
		box !== null &&
		!(hb && hb[0] >= box[0] && hb[1] >= box[1] && hb[2] <= box[2] && hb[3] <= box[3]);

	const builder = new NodeCoordsBuilder();
	const taggedNodes = new Map<number, OsmNode>();
	const ways: OsmWay[] = [];
	let relations: OsmRelation[] = [];
	let latest = 0;
	// Nodes left out (outside the box), and the bbox of every node of the file.
	let outside = 0;
	const fileBox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	const takeNode = (item: ParsedItem, ts: number) => {
		const lng = r7(item.lon as number);
		const lat = r7(item.lat as number);
		if (box && twoPass) {
			if (lng < fileBox[0]) fileBox[0] = lng;
			if (lat < fileBox[1]) fileBox[1] = lat;
			if (lng > fileBox[2]) fileBox[2] = lng;
			if (lat > fileBox[3]) fileBox[3] = lat;
			if (lng < box[0] || lng > box[2] || lat < box[1] || lat > box[3]) {
				outside++;
				return;
			}
		}
		builder.add(item.id as number, lng, lat);
		if (item.tags) {
			taggedNodes.set(item.id as number, {
				id: item.id as number,
				lngLat: [lng, lat],
				tags: item.tags,
				timestamp: ts,
			});
		}
	};
	const takeWayOrRelation = (item: ParsedItem, ts: number) => {
		if (item.type === 'way') {
			ways.push({
				id: item.id as number,
				refs: item.refs ?? [],
				tags: item.tags ?? {},
				timestamp: ts,
			});
		} else if (item.type === 'relation') {
			relations.push({
				id: item.id as number,
				members: item.members ?? [],
				tags: item.tags ?? {},
				timestamp: ts,
			});
		}
	};
	const data = blobs.slice(1);
	let coords: NodeCoords;
	if (!twoPass) {
		// One pass in file order.
		for (const blob of data) {
			for (const item of itemsOf(blob, payloadOf(blob))) {
				const ts = item.info?.timestamp ?? 0;
				if (ts > latest) latest = ts;
				if (item.type === 'node') takeNode(item, ts);
				else takeWayOrRelation(item, ts);
			}
		}
		coords = builder.finish();
	} else {
		// Two passes: the nodes inside the box first, then the ways that reach them and the relations
		// with a kept member (whatever order the file has them in). Blocks without nodes are not
		// decoded in the first pass, nor blocks of nodes only in the second.
		const kinds = new Uint8Array(data.length);
		data.forEach((blob, i) => {
			const payload = payloadOf(blob);
			kinds[i] = blockKinds(payload);
			if (!((kinds[i] as number) & NODES)) return;
			for (const item of itemsOf(blob, payload)) {
				if (item.type !== 'node') continue;
				const ts = item.info?.timestamp ?? 0;
				if (ts > latest) latest = ts;
				takeNode(item, ts);
			}
		});
		coords = builder.finish();
		const c = coords;
		data.forEach((blob, i) => {
			if (!((kinds[i] as number) & WAYS_AND_RELATIONS)) return;
			for (const item of itemsOf(blob, payloadOf(blob))) {
				if (item.type === 'node') continue;
				const ts = item.info?.timestamp ?? 0;
				if (ts > latest) latest = ts;
				// With nodes left out, only the ways that reach the box are kept.
				if (item.type === 'way' && outside > 0 && !(item.refs ?? []).some((r) => c.has(r)))
					continue;
				takeWayOrRelation(item, ts);
			}
		});
		if (outside > 0) {
			const wayIds = new Set(ways.map((w) => w.id));
			relations = relations.filter((r) =>
				r.members.some(
					(m) => (m.type === 'node' && c.has(m.ref)) || (m.type === 'way' && wayIds.has(m.ref)),
				),
			);
		}
	}
	const cut = box && outside > 0 ? box : null;
	if (coords.size === 0 && ways.length === 0) {
		throw new InputError(
			cut
				? `${file}: OSM extract has no nodes and no ways inside the area (box ${cut.join(', ')}): is it the extract of another area?`
				: `${file}: OSM extract is empty (no nodes and no ways)`,
		);
	}
	// What the extract covers once cut: its header bbox (else its nodes' bbox) ∩ the box.
	const covered = hb ?? fileBox;
	return {
		coords,
		taggedNodes,
		ways,
		relations,
		headerBbox: cut
			? [
					Math.max(covered[0], cut[0]),
					Math.max(covered[1], cut[1]),
					Math.min(covered[2], cut[2]),
					Math.min(covered[3], cut[3]),
				]
			: hb,
		latestEditDate: latest > 0 ? new Date(latest).toISOString().slice(0, 10) : null,
		writingProgram: header.writingProgram,
	};
}
