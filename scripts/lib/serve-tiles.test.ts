import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
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

describe('tilesHandler compresses text files', () => {
	let server: Server;
	let base: string;
	const manifest = JSON.stringify({
		files: Array.from({ length: 200 }, (_, i) => `file-${i}.pmtiles`),
	});

	beforeAll(async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'tiles-'));
		writeFileSync(path.join(dir, 'manifest.json'), manifest);
		writeFileSync(path.join(dir, 'b.pmtiles'), Buffer.alloc(500, 7));
		const handler = tilesHandler(dir);
		server = createServer((req, res) => handler(req, res, () => res.end()));
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

	// node:http's request, so the body on the wire is seen before any decoding (fetch decodes gzip).
	function get(file: string, headers: Record<string, string>) {
		return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
			(resolve, reject) => {
				const req = request(`${base}/tiles/${file}`, { headers }, (res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({
							status: res.statusCode ?? 0,
							headers: res.headers,
							body: Buffer.concat(chunks),
						}),
					);
				});
				req.on('error', reject);
				req.end();
			},
		);
	}

	it('sends JSON gzip-compressed to a browser that accepts gzip, and the same text once decoded', async () => {
		const res = await get('manifest.json', { 'Accept-Encoding': 'gzip, deflate, br' });
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe('gzip');
		expect(res.headers['vary']).toBe('Accept-Encoding');
		expect(res.body.length).toBeLessThan(manifest.length / 3);
		expect(gunzipSync(res.body).toString('utf8')).toBe(manifest);
	});

	it('sends JSON as it is without gzip in Accept-Encoding, with gzip;q=0, or for a range', async () => {
		const cases: Record<string, string>[] = [
			{},
			{ 'Accept-Encoding': 'br' },
			{ 'Accept-Encoding': 'gzip;q=0, br' },
			{ 'Accept-Encoding': 'gzip', Range: 'bytes=0-9' },
		];
		for (const headers of cases) {
			const res = await get('manifest.json', headers);
			expect(res.headers['content-encoding']).toBeUndefined();
			const expected = 'Range' in headers ? manifest.slice(0, 10) : manifest;
			expect(res.body.toString('utf8')).toBe(expected);
		}
	});

	it('never compresses a PMTiles archive (its tiles are compressed inside, and ranges are byte ranges)', async () => {
		const res = await get('b.pmtiles', { 'Accept-Encoding': 'gzip' });
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(res.body.length).toBe(500);
	});
});
