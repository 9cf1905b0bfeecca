/**
 * A small PMTiles v3 writer, written from the specification
 * (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 *
 * Why our own: the archive must carry correct header bounds, centre and zoom range (the app fits the
 * map to them), tile contents must be deduplicated and clustered (ordered by tile id) and the output
 * must be byte-identical for identical input. Layout: header (127 bytes) · root directory · JSON
 * metadata · leaf directories · tile data. Directories and metadata use gzip ("internal
 * compression"); tiles are stored as given with the declared tile compression.
 */
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** PMTiles compression codes (spec §3.3). */
export const COMPRESSION = { none: 1, gzip: 2 } as const;
/** PMTiles tile type codes (spec §3.3). */
export const TILE_TYPE = { mvt: 1 } as const;

const HEADER_BYTES = 127;
/** Header + root directory must fit in the first 16 KiB so a reader gets both in one request. */
const ROOT_MAX_BYTES = 16_384 - HEADER_BYTES;

/** One tile to store: its address and its (already compressed, if declared) bytes. */
export interface TileInput {
	z: number;
	x: number;
	y: number;
	data: Uint8Array;
}

/** Archive-level facts written into the header. Longitudes/latitudes in degrees (WGS84). */
export interface PmtilesHeaderInput {
	minZoom: number;
	maxZoom: number;
	/** [west, south, east, north] in degrees. */
	bounds: [number, number, number, number];
	/** [lng, lat, zoom] where a viewer should open. */
	center: [number, number, number];
	tileCompression: (typeof COMPRESSION)[keyof typeof COMPRESSION];
	tileType: (typeof TILE_TYPE)[keyof typeof TILE_TYPE];
}

interface Entry {
	tileId: number;
	offset: number;
	length: number;
	runLength: number;
}

/** Figures about a written archive. Sizes in bytes. */
export interface PmtilesStats {
	bytes: number;
	addressedTiles: number;
	tileEntries: number;
	tileContents: number;
	rootDirectoryBytes: number;
	leafDirectoryBytes: number;
	metadataBytes: number;
}

function writeVarint(out: number[], value: number): void {
	if (!Number.isSafeInteger(value) || value < 0) {
		throw new Error(`PMTiles varint must be a non-negative safe integer, got ${value}`);
	}
	let v = value;
	while (v >= 0x80) {
		out.push((v % 0x80) | 0x80);
		v = Math.floor(v / 0x80);
	}
	out.push(v);
}

/** Serialises a directory (spec §4) and gzips it. */
function serializeDirectory(entries: Entry[]): Buffer {
	const out: number[] = [];
	writeVarint(out, entries.length);
	let lastId = 0;
	for (const e of entries) {
		writeVarint(out, e.tileId - lastId);
		lastId = e.tileId;
	}
	for (const e of entries) writeVarint(out, e.runLength);
	for (const e of entries) writeVarint(out, e.length);
	for (let i = 0; i < entries.length; i++) {
		const e = entries[i] as Entry;
		const prev = entries[i - 1];
		if (i > 0 && prev && e.offset === prev.offset + prev.length) writeVarint(out, 0);
		else writeVarint(out, e.offset + 1);
	}
	return gzipSync(Buffer.from(out), { level: 9 });
}

/**
 * Builds the root directory, splitting into leaf directories when the root would not fit in the
 * first 16 KiB (as the reference writer does: leaves of growing size until the root fits).
 */
function buildDirectories(entries: Entry[]): { root: Buffer; leaves: Buffer } {
	const whole = serializeDirectory(entries);
	if (whole.length <= ROOT_MAX_BYTES) return { root: whole, leaves: Buffer.alloc(0) };
	for (let leafSize = 4096; ; leafSize *= 2) {
		const rootEntries: Entry[] = [];
		const leafParts: Buffer[] = [];
		let offset = 0;
		for (let i = 0; i < entries.length; i += leafSize) {
			const chunk = entries.slice(i, i + leafSize);
			const leaf = serializeDirectory(chunk);
			rootEntries.push({
				tileId: (chunk[0] as Entry).tileId,
				offset,
				length: leaf.length,
				runLength: 0,
			});
			leafParts.push(leaf);
			offset += leaf.length;
		}
		const root = serializeDirectory(rootEntries);
		if (root.length <= ROOT_MAX_BYTES) return { root, leaves: Buffer.concat(leafParts) };
	}
}

function checkHeaderInput(h: PmtilesHeaderInput): void {
	const { minZoom, maxZoom, bounds, center } = h;
	if (!Number.isInteger(minZoom) || !Number.isInteger(maxZoom) || minZoom < 0 || maxZoom > 30) {
		throw new Error(`zoom range must be integers in 0..30, got ${minZoom}..${maxZoom}`);
	}
	if (minZoom > maxZoom) throw new Error(`minZoom ${minZoom} > maxZoom ${maxZoom}`);
	const [w, s, e, n] = bounds;
	if (!(w >= -180 && e <= 180 && s >= -90 && n <= 90 && w <= e && s <= n)) {
		throw new Error(
			`bounds must be [west, south, east, north] in degrees, got ${bounds.join(',')}`,
		);
	}
	const [lng, lat, zoom] = center;
	if (!(lng >= w && lng <= e && lat >= s && lat <= n)) {
		throw new Error(`center ${lng},${lat} lies outside bounds ${bounds.join(',')}`);
	}
	if (!Number.isInteger(zoom) || zoom < minZoom || zoom > maxZoom) {
		throw new Error(`center zoom must be an integer in ${minZoom}..${maxZoom}, got ${zoom}`);
	}
}

const e7 = (deg: number): number => Math.round(deg * 1e7);

/**
 * Writes a complete PMTiles v3 archive into one buffer.
 *
 * Tiles with byte-identical contents are stored once; consecutive tile ids with the same contents
 * become one run-length entry. Tile data is ordered by tile id (clustered). Empty tiles (zero
 * bytes) are not stored. Deterministic: the same tiles and metadata give the same bytes.
 *
 * @param tiles the tiles, in any order; a z/x/y may appear only once
 * @param header zoom range, bounds, centre, tile type and compression
 * @param metadata JSON metadata (e.g. `vector_layers`), written with sorted-as-given keys
 */
export function writePmtiles(
	tiles: TileInput[],
	header: PmtilesHeaderInput,
	metadata: Record<string, unknown>,
): { buffer: Buffer; stats: PmtilesStats } {
	checkHeaderInput(header);
	const withIds = tiles
		.filter((t) => t.data.length > 0)
		.map((t) => {
			if (t.z < header.minZoom || t.z > header.maxZoom) {
				throw new Error(
					`tile ${t.z}/${t.x}/${t.y} outside zoom range ${header.minZoom}..${header.maxZoom}`,
				);
			}
			return { tileId: zxyToTileId(t.z, t.x, t.y), data: t.data };
		})
		.sort((a, b) => a.tileId - b.tileId);

	const entries: Entry[] = [];
	const contentOffsets = new Map<string, { offset: number; length: number }>();
	const dataParts: Uint8Array[] = [];
	let dataLength = 0;
	let lastId = -1;
	for (const t of withIds) {
		if (t.tileId === lastId) throw new Error(`duplicate tile id ${t.tileId}`);
		lastId = t.tileId;
		// The full content (base64) is the key: exact, and cheap at tile sizes (≤ 500 KB).
		const key = Buffer.from(t.data).toString('base64');
		let place = contentOffsets.get(key);
		if (!place) {
			place = { offset: dataLength, length: t.data.length };
			contentOffsets.set(key, place);
			dataParts.push(t.data);
			dataLength += t.data.length;
		}
		const prev = entries[entries.length - 1];
		if (
			prev &&
			prev.offset === place.offset &&
			prev.length === place.length &&
			prev.tileId + prev.runLength === t.tileId
		) {
			prev.runLength++;
		} else {
			entries.push({ tileId: t.tileId, offset: place.offset, length: place.length, runLength: 1 });
		}
	}

	const { root, leaves } = buildDirectories(entries);
	const meta = gzipSync(Buffer.from(JSON.stringify(metadata), 'utf8'), { level: 9 });

	const rootOffset = HEADER_BYTES;
	const metaOffset = rootOffset + root.length;
	const leafOffset = metaOffset + meta.length;
	const dataOffset = leafOffset + leaves.length;

	const h = Buffer.alloc(HEADER_BYTES);
	h.write('PMTiles', 0, 'ascii');
	h.writeUInt8(3, 7);
	const u64 = (v: number, at: number) => h.writeBigUInt64LE(BigInt(v), at);
	u64(rootOffset, 8);
	u64(root.length, 16);
	u64(metaOffset, 24);
	u64(meta.length, 32);
	u64(leafOffset, 40);
	u64(leaves.length, 48);
	u64(dataOffset, 56);
	u64(dataLength, 64);
	u64(withIds.length, 72);
	u64(entries.length, 80);
	u64(contentOffsets.size, 88);
	h.writeUInt8(1, 96); // clustered
	h.writeUInt8(COMPRESSION.gzip, 97); // internal compression
	h.writeUInt8(header.tileCompression, 98);
	h.writeUInt8(header.tileType, 99);
	h.writeUInt8(header.minZoom, 100);
	h.writeUInt8(header.maxZoom, 101);
	const [w, s, e, n] = header.bounds;
	h.writeInt32LE(e7(w), 102);
	h.writeInt32LE(e7(s), 106);
	h.writeInt32LE(e7(e), 110);
	h.writeInt32LE(e7(n), 114);
	h.writeUInt8(header.center[2], 118);
	h.writeInt32LE(e7(header.center[0]), 119);
	h.writeInt32LE(e7(header.center[1]), 123);

	const buffer = Buffer.concat([h, root, meta, leaves, ...dataParts]);
	return {
		buffer,
		stats: {
			bytes: buffer.length,
			addressedTiles: withIds.length,
			tileEntries: entries.length,
			tileContents: contentOffsets.size,
			rootDirectoryBytes: root.length,
			leafDirectoryBytes: leaves.length,
			metadataBytes: meta.length,
		},
	};
}
