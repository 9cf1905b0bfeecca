import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, tilesHandler } from './serve-tiles.ts';

describe('parseRange', () => {
	it('parses closed, open and suffix ranges', () => {
		expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
		expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
		expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
		expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
	});
	it('refuses ranges it cannot satisfy', () => {
		expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
		expect(parseRange('bytes=9-3', 100)).toBe('unsatisfiable');
		expect(parseRange('items=0-1', 100)).toBe('unsatisfiable');
		expect(parseRange(undefined, 100)).toBeNull();
	});
});

describe('tilesHandler over real HTTP', () => {
	let server: Server;
	let base: string;
	const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

	beforeAll(async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'tiles-'));
		writeFileSync(path.join(dir, 'a.pmtiles'), bytes);
		const handler = tilesHandler(dir);
		server = createServer((req, res) =>
			handler(req, res, () => {
				res.statusCode = 418;
				res.end();
			}),
		);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	it('answers a range with 206 and exactly those bytes', async () => {
		const res = await fetch(`${base}/tiles/a.pmtiles`, { headers: { Range: 'bytes=10-19' } });
		expect(res.status).toBe(206);
		expect(res.headers.get('content-range')).toBe('bytes 10-19/1000');
		expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(10, 20));
	});

	it('answers without a range with 200 and the whole file', async () => {
		const res = await fetch(`${base}/tiles/a.pmtiles`);
		expect(res.status).toBe(200);
		expect(res.headers.get('accept-ranges')).toBe('bytes');
		expect((await res.arrayBuffer()).byteLength).toBe(1000);
	});

	it('answers 416 past the end, 404 for a missing file, 403 outside tiles/', async () => {
		expect(
			(await fetch(`${base}/tiles/a.pmtiles`, { headers: { Range: 'bytes=5000-' } })).status,
		).toBe(416);
		expect((await fetch(`${base}/tiles/missing.pmtiles`)).status).toBe(404);
		expect((await fetch(`${base}/tiles/..%2F..%2Fetc%2Fpasswd`)).status).toBe(403);
	});

	it('passes other paths on', async () => {
		expect((await fetch(`${base}/index.html`)).status).toBe(418);
	});
});
