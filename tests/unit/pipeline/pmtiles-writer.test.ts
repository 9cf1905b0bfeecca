import { gzipSync } from 'node:zlib';
import { PMTiles, zxyToTileId } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import {
	COMPRESSION,
	TILE_TYPE,
	writePmtiles,
	type TileInput,
} from '../../../scripts/lib/pmtiles-writer.ts';
import { BufferSource } from '../../helpers/pmtiles-file.ts';

const header = {
	minZoom: 0,
	maxZoom: 14,
	bounds: [4.7, 51.18, 4.91, 51.3] as [number, number, number, number],
	center: [4.8, 51.24, 10] as [number, number, number],
	tileCompression: COMPRESSION.gzip,
	tileType: TILE_TYPE.mvt,
};

const bytesOf = (s: string) => new Uint8Array(gzipSync(Buffer.from(s)));
const open = (buf: Buffer) => new PMTiles(new BufferSource(buf, 'test'));
const text = (d: ArrayBuffer) => Buffer.from(d).toString('utf8');

describe('writePmtiles', () => {
	it('writes a v3 header that the pmtiles reader returns unchanged', async () => {
		const { buffer } = writePmtiles([{ z: 10, x: 525, y: 340, data: bytesOf('a') }], header, {
			name: 't',
		});
		const h = await open(buffer).getHeader();
		expect(h.specVersion).toBe(3);
		expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual(header.bounds);
		expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual(header.center);
		expect([h.minZoom, h.maxZoom]).toEqual([0, 14]);
		expect(h.clustered).toBe(true);
		expect(h.tileType).toBe(1);
		expect(h.tileCompression).toBe(2);
		expect(await open(buffer).getMetadata()).toEqual({ name: 't' });
	});

	it('returns every tile by z/x/y and nothing for absent tiles', async () => {
		const tiles: TileInput[] = [
			{ z: 0, x: 0, y: 0, data: bytesOf('root') },
			{ z: 14, x: 8411, y: 5460, data: bytesOf('deep') },
			{ z: 3, x: 4, y: 2, data: bytesOf('mid') },
		];
		const p = open(writePmtiles(tiles, header, {}).buffer);
		expect(text((await p.getZxy(0, 0, 0))!.data)).toBe('root');
		expect(text((await p.getZxy(14, 8411, 5460))!.data)).toBe('deep');
		expect(text((await p.getZxy(3, 4, 2))!.data)).toBe('mid');
		expect(await p.getZxy(3, 4, 3)).toBeUndefined();
	});

	it('stores identical tiles once and run-length encodes consecutive ones', async () => {
		const same = bytesOf('ocean');
		// Four tiles of z1 have consecutive ids 1..4.
		const tiles: TileInput[] = [0, 1].flatMap((x) =>
			[0, 1].map((y) => ({ z: 1, x, y, data: same })),
		);
		tiles.push({ z: 2, x: 0, y: 0, data: bytesOf('land') });
		const { buffer, stats } = writePmtiles(tiles, header, {});
		expect(stats.addressedTiles).toBe(5);
		expect(stats.tileContents).toBe(2);
		expect(stats.tileEntries).toBe(2);
		const p = open(buffer);
		for (const [x, y] of [
			[0, 0],
			[0, 1],
			[1, 0],
			[1, 1],
		] as const) {
			expect(text((await p.getZxy(1, x, y))!.data)).toBe('ocean');
		}
		expect(text((await p.getZxy(2, 0, 0))!.data)).toBe('land');
	});

	it('orders tile data by tile id (clustered) whatever the input order', () => {
		const tiles: TileInput[] = [
			{ z: 2, x: 3, y: 3, data: bytesOf('c') },
			{ z: 0, x: 0, y: 0, data: bytesOf('a') },
			{ z: 1, x: 1, y: 0, data: bytesOf('b') },
		];
		const a = writePmtiles(tiles, header, {}).buffer;
		const b = writePmtiles([...tiles].reverse(), header, {}).buffer;
		expect(a.equals(b)).toBe(true);
		const ids = tiles.map((t) => zxyToTileId(t.z, t.x, t.y)).sort((x, y) => x - y);
		expect(ids[0]).toBe(0);
	});

	it('moves entries into leaf directories when the root would exceed 16 KiB', async () => {
		// 32,768 tiles of pseudo-random length (seeded LCG): a directory that gzip cannot squeeze
		// into the first 16 KiB.
		let seed = 42;
		const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		const tiles: TileInput[] = [];
		for (let x = 0; x < 512; x++) {
			for (let y = 0; y < 64; y++) {
				const label = `${x}/${y}`;
				tiles.push({
					z: 9,
					x,
					y,
					data: new TextEncoder().encode(label.padEnd(8 + Math.floor(rand() * 200), '.')),
				});
			}
		}
		const { buffer, stats } = writePmtiles(
			tiles,
			{
				...header,
				minZoom: 9,
				maxZoom: 9,
				center: [4.8, 51.24, 9],
				tileCompression: COMPRESSION.none,
			},
			{},
		);
		expect(stats.leafDirectoryBytes).toBeGreaterThan(0);
		expect(127 + stats.rootDirectoryBytes).toBeLessThanOrEqual(16_384);
		const p = open(buffer);
		for (const [x, y] of [
			[0, 0],
			[511, 63],
			[264, 3],
			[5, 60],
		] as const) {
			expect(text((await p.getZxy(9, x, y))!.data).split('.')[0]).toBe(`${x}/${y}`);
		}
	});

	it('rejects bad input with a message naming it', () => {
		expect(() => writePmtiles([], { ...header, minZoom: 5, maxZoom: 3 }, {})).toThrow(
			/minZoom 5 > maxZoom 3/,
		);
		expect(() => writePmtiles([], { ...header, center: [0, 0, 10] }, {})).toThrow(/outside bounds/);
		const t = { z: 1, x: 0, y: 0, data: bytesOf('x') };
		expect(() => writePmtiles([t, t], header, {})).toThrow(/duplicate tile id/);
		expect(() => writePmtiles([{ ...t, z: 15, x: 0 }], header, {})).toThrow(/outside zoom range/);
	});
});
