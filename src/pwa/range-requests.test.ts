import { gzipSync } from 'node:zlib';
import { FetchSource, PMTiles } from 'pmtiles';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMPRESSION, TILE_TYPE, writePmtiles } from '../../scripts/lib/pmtiles-writer.ts';

// Workbox's development logger reads the service worker's `self`; Node has none.
vi.hoisted(() => {
	const g = globalThis as { self?: unknown; __WB_DISABLE_DEV_LOGS?: boolean };
	g.self ??= globalThis;
	g.__WB_DISABLE_DEV_LOGS = true;
});
const { rangeRequestsPlugin } = await import('./range-requests.ts');

const URL_ = 'http://127.0.0.1/tiles/area/small.pmtiles';

/** A kept copy as src/data/offline-area.ts stores it: the whole file, 200, with its length. */
function kept(bytes: Uint8Array): Response {
	return new Response(bytes.slice(), {
		status: 200,
		headers: { 'Content-Length': String(bytes.length), ETag: '"v1"' },
	});
}

async function answer(bytes: Uint8Array, range: string | undefined): Promise<Response> {
	const request = new Request(URL_, range ? { headers: { range } } : {});
	const response = await rangeRequestsPlugin.cachedResponseWillBeUsed!({
		request,
		cachedResponse: kept(bytes),
		cacheName: 'test',
		event: new Event('fetch') as ExtendableEvent,
		state: {},
	} as Parameters<NonNullable<typeof rangeRequestsPlugin.cachedResponseWillBeUsed>>[0]);
	return response!;
}

const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

describe('rangeRequestsPlugin', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('answers closed, open and suffix ranges with their slice (206)', async () => {
		const closed = await answer(bytes, 'bytes=10-19');
		expect(closed.status).toBe(206);
		expect(closed.headers.get('Content-Range')).toBe('bytes 10-19/1000');
		expect([...new Uint8Array(await closed.arrayBuffer())]).toEqual([...bytes.slice(10, 20)]);
		const open = await answer(bytes, 'bytes=990-');
		expect(open.headers.get('Content-Range')).toBe('bytes 990-999/1000');
		const suffix = await answer(bytes, 'bytes=-5');
		expect([...new Uint8Array(await suffix.arrayBuffer())]).toEqual([...bytes.slice(995)]);
		expect(suffix.headers.get('ETag')).toBe('"v1"');
	});

	it('cuts a range that runs past the end at the end, as servers do (Workbox alone says 416)', async () => {
		const response = await answer(bytes, 'bytes=0-16383');
		expect(response.status).toBe(206);
		expect(response.headers.get('Content-Range')).toBe('bytes 0-999/1000');
		expect(response.headers.get('Content-Length')).toBe('1000');
	});

	it('refuses a range that starts past the end with 416 and the size', async () => {
		const response = await answer(bytes, 'bytes=1000-');
		expect(response.status).toBe(416);
		expect(response.headers.get('Content-Range')).toBe('bytes */1000');
	});

	it('returns the whole kept copy when no range is asked', async () => {
		const response = await answer(bytes, undefined);
		expect(response.status).toBe(200);
		expect((await response.arrayBuffer()).byteLength).toBe(1000);
	});

	it('lets the pmtiles reader read an archive shorter than its first 16 KiB request', async () => {
		const tile = new Uint8Array(gzipSync(Buffer.from('tile 10/525/340')));
		const { buffer } = writePmtiles(
			[{ z: 10, x: 525, y: 340, data: tile }],
			{
				minZoom: 10,
				maxZoom: 10,
				bounds: [4.7, 51.18, 4.91, 51.3],
				center: [4.8, 51.24, 10],
				tileCompression: COMPRESSION.gzip,
				tileType: TILE_TYPE.mvt,
			},
			{ name: 'small' },
		);
		const archive = new Uint8Array(buffer);
		expect(archive.length).toBeLessThan(16_384);
		// The reader's fetch is answered by the plugin from the kept copy, as in the service worker.
		vi.stubGlobal('fetch', (url: string, init: RequestInit) =>
			answer(archive, new Headers(init.headers).get('range') ?? undefined).then((r) => {
				expect(url).toBe(URL_);
				return r;
			}),
		);
		const reader = new PMTiles(new FetchSource(URL_));
		expect((await reader.getHeader()).maxZoom).toBe(10);
		const found = await reader.getZxy(10, 525, 340);
		expect(Buffer.from(found!.data).toString()).toBe('tile 10/525/340');
	});
});
