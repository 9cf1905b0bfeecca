/**
 * The Vite dev server (what `npm run dev` starts) answers range requests on tiles/ with 206, like
 * the preview server the end-to-end tests use: PMTiles must behave the same in development as in
 * production (protomaps/PMTiles#279).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';

const dir = path.resolve('tiles', '.dev-server-test');
const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
let server: ViteDevServer;
let base: string;

beforeAll(async () => {
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'probe.pmtiles'), bytes);
	server = await createServer({
		configFile: path.resolve('vite.config.ts'),
		server: { port: 0, host: '127.0.0.1' },
		logLevel: 'silent',
	});
	await server.listen();
	const address = server.httpServer?.address();
	if (!address || typeof address === 'string') throw new Error('dev server has no port');
	base = `http://127.0.0.1:${address.port}`;
}, 60_000);

afterAll(async () => {
	await server?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('vite dev server', () => {
	it('answers a range request on a .pmtiles file with 206 and the exact bytes', async () => {
		const res = await fetch(`${base}/tiles/.dev-server-test/probe.pmtiles`, {
			headers: { Range: 'bytes=100-227' },
		});
		expect(res.status).toBe(206);
		expect(res.headers.get('content-range')).toBe('bytes 100-227/4096');
		expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes.subarray(100, 228));
	});

	it('serves the app shell', async () => {
		const res = await fetch(`${base}/`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('<title>Buurtkaart</title>');
	});
});
