import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FetchSource, PMTiles, type Header } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { FIRST_READ_BYTES, HeaderFirstSource } from './pmtiles-source.ts';

// the sample area's archives as the pipeline built them (scripts/ensure-area.ts)
const DIR = path.resolve(import.meta.dirname, '../../tiles', SAMPLE_AREA);
const ARCHIVES = readdirSync(DIR).filter((f) => f.endsWith('.pmtiles'));

/** The tile at an archive's centre at zoom z. */
function centreTile(header: Header, z: number): [number, number, number] {
	const n = 2 ** z;
	const lat = (header.centerLat * Math.PI) / 180;
	return [
		z,
		Math.floor(((header.centerLon + 180) / 360) * n),
		Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n),
	];
}

/** Every Range header the server was asked, per file. */
const asked = new Map<string, string[]>();
let server: Server;
let base: string;

beforeAll(async () => {
	// a real HTTP server answering byte ranges, as vite preview and the tiles server do
	server = createServer((req, res) => {
		const file = path.basename(req.url ?? '');
		const bytes = readFileSync(path.join(DIR, file));
		const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
		if (!range) {
			res.writeHead(200, { 'content-length': bytes.length });
			res.end(bytes);
			return;
		}
		asked.set(file, [...(asked.get(file) ?? []), req.headers.range!]);
		const start = Number(range[1]);
		const end = Math.min(Number(range[2]), bytes.length - 1);
		res.writeHead(206, {
			'content-range': `bytes ${start}-${end}/${bytes.length}`,
			'content-length': end - start + 1,
		});
		res.end(bytes.subarray(start, end + 1));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('HeaderFirstSource', () => {
	it('the area has archives to read', () => {
		expect(ARCHIVES.length).toBeGreaterThanOrEqual(3);
	});

	it.each(ARCHIVES)(
		'%s: one short first read instead of 16 KB; header, metadata and tiles as the library reads them',
		async (file) => {
			asked.delete(file);
			const url = `${base}/${file}`;
			const ours = new PMTiles(new HeaderFirstSource(url));
			const theirs = new PMTiles(new FetchSource(url));
			const header = await ours.getHeader();
			expect(asked.get(file)).toEqual([`bytes=0-${FIRST_READ_BYTES - 1}`]);
			expect(header).toEqual(await theirs.getHeader());
			expect(await ours.getMetadata()).toEqual(await theirs.getMetadata());
			// a tile at the archive's centre at every zoom, byte for byte
			for (let z = header.minZoom; z <= header.maxZoom; z++) {
				const a = await ours.getZxy(...centreTile(header, z));
				const b = await theirs.getZxy(...centreTile(header, z));
				expect(a && new Uint8Array(a.data)).toEqual(b && new Uint8Array(b.data));
			}
		},
	);

	it('reads the rest of a root directory that reaches beyond the first read, in one more request', async () => {
		const file = ARCHIVES[0]!;
		asked.delete(file);
		const url = `${base}/${file}`;
		// a first read that ends inside the header's root directory
		const bytes = readFileSync(path.join(DIR, file));
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		const rootEnd = Number(view.getBigUint64(8, true) + view.getBigUint64(16, true));
		const short = rootEnd - 20;
		expect(short).toBeGreaterThan(127);
		const ours = new PMTiles(new HeaderFirstSource(url, short));
		const header = await ours.getHeader();
		expect(asked.get(file)).toEqual([`bytes=0-${short - 1}`, `bytes=${short}-${rootEnd - 1}`]);
		expect(header).toEqual(await new PMTiles(new FetchSource(url)).getHeader());
		const tile = centreTile(header, header.maxZoom);
		const a = await ours.getZxy(...tile);
		const b = await new PMTiles(new FetchSource(url)).getZxy(...tile);
		expect(a).toBeDefined();
		expect(new Uint8Array(a!.data)).toEqual(new Uint8Array(b!.data));
	});

	it('names a file that is no archive, as the library does', async () => {
		const source = new HeaderFirstSource(`${base}/${ARCHIVES[0]!}`);
		// the same server, a range that starts inside the file: no PMTiles magic there
		const bad = new PMTiles({
			getKey: () => 'bad',
			getBytes: async (o, l, s, e) => {
				const r = await source.getBytes(o, l, s, e);
				return { ...r, data: new Uint8Array(r.data.byteLength).buffer };
			},
		});
		await expect(bad.getHeader()).rejects.toThrow(/magic number/);
	});
});
