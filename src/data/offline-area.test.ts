import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tilesHandler } from '../../scripts/lib/serve-tiles.ts';
import {
	AREA_CACHE,
	KEEP_HEADER,
	OfflineAreaError,
	SHA256_HEADER,
	areaFilesOf,
	keepArea,
	removeArea,
	storedArea,
} from './offline-area.ts';

/** The areas the pipeline built (`npx tsx scripts/ensure-area.ts`, run first by `npm test`). */
const TILES_DIR = path.join(import.meta.dirname, '..', '..', 'tiles');

/**
 * Cache Storage as the browser has it, in memory (Node has none). The files come over real HTTP
 * from the dev/preview servers' own handler (scripts/lib/serve-tiles.ts).
 */
class MemoryCache {
	readonly entries = new Map<string, Response>();
	async match(request: RequestInfo | URL) {
		return this.entries.get(urlOf(request))?.clone();
	}
	async put(request: RequestInfo | URL, response: Response) {
		const body = await response.arrayBuffer();
		this.entries.set(urlOf(request), new Response(body, response));
	}
	async keys() {
		return [...this.entries.keys()].map((url) => new Request(url));
	}
	async delete(request: RequestInfo | URL) {
		return this.entries.delete(urlOf(request));
	}
}
const urlOf = (r: RequestInfo | URL) => (r instanceof Request ? r.url : String(r));

class MemoryCacheStorage {
	readonly caches = new Map<string, MemoryCache>();
	async open(name: string) {
		let cache = this.caches.get(name);
		if (!cache) this.caches.set(name, (cache = new MemoryCache()));
		return cache as unknown as Cache;
	}
}

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

let dir: string;
let server: Server;
let origin: string;
let requested: string[] = [];
let keepHeaders: (string | undefined)[] = [];

/** Writes an area's files and a manifest that lists them (sizes and sha256 as the pipeline writes). */
function publish(
	areaId: string,
	files: Record<string, Buffer>,
	tamper: Record<string, string> = {},
) {
	const folder = path.join(dir, areaId);
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const entry = (file: string) => ({
		file,
		bytes: files[file]!.length,
		sha256: tamper[file] ?? sha(files[file]!),
	});
	for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(folder, name), bytes);
	const archives = Object.fromEntries(
		Object.keys(files)
			.filter((f) => f.endsWith('.pmtiles'))
			.map((f, i) => [f.replace('.pmtiles', ''), { ...entry(f), minzoom: 8 + i, maxzoom: 12 + i }]),
	);
	const others = Object.fromEntries(
		Object.keys(files)
			.filter((f) => !f.endsWith('.pmtiles'))
			.map((f) => [f.split('.')[0], entry(f)]),
	);
	const manifest = { area: { id: areaId, name: `Area ${areaId}` }, archives, files: others };
	writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify(manifest));
	return `${origin}/tiles/${areaId}/manifest.json`;
}

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'offline-area-'));
	const handler = tilesHandler(dir);
	server = createServer((req, res) => {
		requested.push(req.url ?? '');
		keepHeaders.push(req.headers[KEEP_HEADER.toLowerCase()] as string | undefined);
		handler(req, res, () => {
			res.statusCode = 404;
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
	server.close();
	rmSync(dir, { recursive: true, force: true });
});

let caches: MemoryCacheStorage;
const opts = () => ({ caches: caches as unknown as CacheStorage });
beforeEach(() => {
	caches = new MemoryCacheStorage();
	requested = [];
	keepHeaders = [];
});

const basemap = Buffer.alloc(40_000, 7);
const places = Buffer.from('places archive');
const search = Buffer.from(JSON.stringify({ places: [] }));

describe('areaFilesOf', () => {
	const url = 'https://x.be/tiles/a/manifest.json';
	const manifest = {
		area: { id: 'a', name: 'A' },
		archives: {
			basemap: {
				file: 'basemap.pmtiles',
				bytes: 10,
				sha256: 'ab'.repeat(32),
				minzoom: 8,
				maxzoom: 13,
			},
			places: { file: 'places.pmtiles', minzoom: 10, maxzoom: 12 },
		},
		files: { search: { file: 'search.json', bytes: 5 } },
	};

	it('lists every archive and file of the manifest, resolved in the area folder, with the zooms', () => {
		const area = areaFilesOf(manifest, url);
		expect(area.files.map((f) => f.url)).toEqual([
			'https://x.be/tiles/a/basemap.pmtiles',
			'https://x.be/tiles/a/places.pmtiles',
			'https://x.be/tiles/a/search.json',
		]);
		expect(area.totalBytes).toBe(15);
		expect([area.minzoom, area.maxzoom]).toEqual([8, 13]);
		expect(area.folderUrl).toBe('https://x.be/tiles/a/');
	});

	it('keeps what the app reads of a manifest the pipeline wrote, not the per-municipality parts', () => {
		const index = JSON.parse(readFileSync(path.join(TILES_DIR, 'areas.json'), 'utf8')) as {
			areas: { id: string }[];
		};
		for (const { id } of index.areas) {
			const built = JSON.parse(readFileSync(path.join(TILES_DIR, id, 'manifest.json'), 'utf8')) as {
				files: Record<string, { file?: string }>;
			};
			const names = areaFilesOf(built, `https://x.be/tiles/${id}/manifest.json`).files.map((f) =>
				f.url.split('/').pop(),
			);
			for (const [key, entry] of Object.entries(built.files))
				if (entry.file) expect(names, key).toContain(entry.file);
			expect(names.filter((n) => /-\d{5}\./.test(n!))).toEqual([]);
		}
	});

	it('names what is wrong', () => {
		expect(() => areaFilesOf([], url)).toThrow(/not a JSON object/);
		expect(() => areaFilesOf({ ...manifest, area: {} }, url)).toThrow(/no area id and name/);
		expect(() => areaFilesOf({ ...manifest, archives: { x: { bytes: 1 } } }, url)).toThrow(
			/archives\.x has no file name/,
		);
		expect(() =>
			areaFilesOf({ ...manifest, files: { s: { file: '../b/search.json' } } }, url),
		).toThrow(/"\.\.\/b\/search\.json" lies outside the area's folder/);
		expect(() =>
			areaFilesOf({ ...manifest, files: { s: { file: 's.json', bytes: -1 } } }, url),
		).toThrow(/files\.s: bytes must be a whole number/);
		expect(() =>
			areaFilesOf({ ...manifest, files: { s: { file: 's.json', sha256: 'x' } } }, url),
		).toThrow(/sha256 must be 64 hex digits/);
		expect(() => areaFilesOf({ area: { id: 'a', name: 'A' } }, url)).toThrow(/lists no files/);
	});
});

describe('keepArea, storedArea, removeArea', () => {
	it('stores every file whole with its sha256, the manifest last, and says how much is stored', async () => {
		const manifestUrl = publish('one', {
			'basemap.pmtiles': basemap,
			'places.pmtiles': places,
			'search.json': search,
		});
		expect((await storedArea(manifestUrl, opts())).isComplete).toBe(false);
		const progress: number[] = [];
		const stored = await keepArea(manifestUrl, {
			...opts(),
			onProgress: (done) => progress.push(done),
		});
		expect(stored.isComplete).toBe(true);
		expect(stored.files).toBe(4);
		// Every request of keeping carries the header that lets it past the service worker's copy.
		expect(keepHeaders).toEqual(['1', '1', '1', '1']);
		const manifestBytes = (await (await fetch(manifestUrl)).arrayBuffer()).byteLength;
		expect(stored.bytes).toBe(basemap.length + places.length + search.length + manifestBytes);
		expect(progress.at(-1)).toBe(basemap.length + places.length + search.length);
		const cache = await caches.open(AREA_CACHE);
		const kept = await cache.match(`${origin}/tiles/one/basemap.pmtiles`);
		expect(kept?.status).toBe(200);
		expect(kept?.headers.get(SHA256_HEADER)).toBe(sha(basemap));
		expect(kept?.headers.get('ETag')).toBeTruthy();
		expect(Buffer.from(await kept!.arrayBuffer()).equals(basemap)).toBe(true);
	});

	it('downloads again only what changed, and drops files the manifest no longer lists', async () => {
		const manifestUrl = publish('two', {
			'basemap.pmtiles': basemap,
			'places.pmtiles': places,
			'search.json': search,
		});
		await keepArea(manifestUrl, opts());
		const newPlaces = Buffer.from('places archive, rebuilt');
		publish('two', { 'basemap.pmtiles': basemap, 'places.pmtiles': newPlaces });
		requested = [];
		const stored = await keepArea(manifestUrl, opts());
		expect(requested.sort()).toEqual(['/tiles/two/manifest.json', '/tiles/two/places.pmtiles']);
		expect(stored.isComplete).toBe(true);
		const cache = await caches.open(AREA_CACHE);
		expect(await cache.match(`${origin}/tiles/two/search.json`)).toBeUndefined();
		const kept = await cache.match(`${origin}/tiles/two/places.pmtiles`);
		expect(Buffer.from(await kept!.arrayBuffer()).toString()).toBe('places archive, rebuilt');
	});

	it('refuses a file that differs from the manifest, naming it, and keeps what was stored before', async () => {
		const manifestUrl = publish('three', { 'basemap.pmtiles': basemap, 'search.json': search });
		await keepArea(manifestUrl, opts());
		publish(
			'three',
			{ 'basemap.pmtiles': Buffer.alloc(40_000, 9), 'search.json': search },
			{
				'basemap.pmtiles': sha('not these bytes'),
			},
		);
		await expect(keepArea(manifestUrl, opts())).rejects.toThrow(OfflineAreaError);
		await expect(keepArea(manifestUrl, opts())).rejects.toThrow(
			/three\/basemap\.pmtiles: its sha256 differs from the manifest's/,
		);
		// The old manifest and files are still there and still agree.
		const stored = await storedArea(manifestUrl, opts());
		expect(stored.isComplete).toBe(true);
		expect(stored.area?.files.find((f) => f.url.endsWith('basemap.pmtiles'))?.sha256).toBe(
			sha(basemap),
		);
	});

	it('names a file the server does not have', async () => {
		const manifestUrl = publish('four', { 'search.json': search });
		rmSync(path.join(dir, 'four', 'search.json'));
		await expect(keepArea(manifestUrl, opts())).rejects.toThrow(/four\/search\.json: HTTP 404/);
		expect((await storedArea(manifestUrl, opts())).files).toBe(0);
	});

	it("removes one area's files and leaves the others", async () => {
		const a = publish('five', { 'search.json': search });
		const b = publish('six', { 'places.pmtiles': places });
		await keepArea(a, opts());
		await keepArea(b, opts());
		await removeArea(a, opts());
		expect(await storedArea(a, opts())).toMatchObject({ files: 0, bytes: 0, isComplete: false });
		expect((await storedArea(b, opts())).isComplete).toBe(true);
	});
});
