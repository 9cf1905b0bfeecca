/**
 * Opens a PMTiles archive from a file in Node with the `pmtiles` package (the same reader the app
 * uses in the browser), to read our own archives back in tests and benchmarks.
 */
import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type Source } from 'pmtiles';
import { gunzipSync } from 'node:zlib';
import { tileRange } from '../../scripts/lib/tiler.ts';

/** A `pmtiles` Source over bytes held in memory. */
export class BufferSource implements Source {
	#buf: Buffer;
	#key: string;
	constructor(buf: Buffer, key: string) {
		this.#buf = buf;
		this.#key = key;
	}
	getKey(): string {
		return this.#key;
	}
	async getBytes(offset: number, length: number): Promise<{ data: ArrayBuffer }> {
		const b = this.#buf.subarray(offset, offset + length);
		return { data: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
	}
}

/** Opens the archive at `file` with the `pmtiles` reader. */
export function openPmtiles(file: string): PMTiles {
	return new PMTiles(new BufferSource(readFileSync(file), file));
}

/**
 * Reads tile z/x/y and decodes it as a vector tile (gunzipping when needed).
 * @returns the decoded tile, or null when the archive has no such tile
 */
export async function readVectorTile(
	p: PMTiles,
	z: number,
	x: number,
	y: number,
): Promise<VectorTile | null> {
	const r = await p.getZxy(z, x, y);
	if (!r) return null;
	let bytes = new Uint8Array(r.data);
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(gunzipSync(bytes));
	return new VectorTile(new PbfReader(bytes));
}

/** One tile of an archive as read back: its decompressed size and feature count (all layers). */
export interface ArchiveTile {
	z: number;
	x: number;
	y: number;
	bytes: number;
	features: number;
}

/**
 * Reads back every tile of an archive over `bounds` at zooms `minzoom..maxzoom` (as listed in the
 * manifest), in z, x, y order.
 */
export async function* archiveTiles(
	p: PMTiles,
	bounds: [number, number, number, number],
	minzoom: number,
	maxzoom: number,
): AsyncGenerator<ArchiveTile> {
	for (let z = minzoom; z <= maxzoom; z++) {
		const r = tileRange(bounds, z);
		for (let x = r.minX; x <= r.maxX; x++) {
			for (let y = r.minY; y <= r.maxY; y++) {
				const t = await p.getZxy(z, x, y);
				if (!t) continue;
				const vt = await readVectorTile(p, z, x, y);
				const features = Object.values(vt?.layers ?? {}).reduce((s, l) => s + l.length, 0);
				yield { z, x, y, bytes: t.data.byteLength, features };
			}
		}
	}
}
