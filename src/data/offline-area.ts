/**
 * Areas kept for use without a connection: an area's manifest and every file it lists (PMTiles
 * archives, search data, analysis bundle) are stored whole in one Cache Storage cache, which the
 * service worker (src/pwa/sw.ts) answers from when the network fails, slicing byte ranges out of
 * the stored archives for the PMTiles reader. Works for any area: the files come from the area's
 * own manifest (`tiles/<area>/manifest.json`), never from a list in the code.
 *
 * Each stored file carries the sha256 the manifest gives for it (checked on download), so keeping
 * an area again downloads only what changed; the manifest is stored last, so a stored manifest never
 * describes files that are not there.
 */

import { parseAreaIndex, type AreaSummary } from './area-index.ts';

/** The cache that holds the kept areas; the service worker reads it. */
export const AREA_CACHE = 'buurtkaart-areas-v1';

/** Path prefix of everything the pipeline publishes (one folder per area under it). */
export const AREA_PATH_PREFIX = '/tiles/';

/** Header on a stored file: the sha256 the manifest gave for it, checked on download. */
export const SHA256_HEADER = 'X-Buurtkaart-Sha256';

/**
 * Header on the requests that keep an area (read the manifest, download its files): the service
 * worker lets them through to the network, since it answers every other request for a kept area
 * from the device.
 */
export const KEEP_HEADER = 'X-Buurtkaart-Keep';

/** Whether a URL is an area's published file (what the service worker keeps offline answers for). */
export function isAreaUrl(url: URL, origin: string): boolean {
	return url.origin === origin && url.pathname.startsWith(AREA_PATH_PREFIX);
}

/** A file of an area, as its manifest lists it. */
export interface AreaFile {
	/** Absolute URL. */
	url: string;
	/** Size the manifest gives, when it gives one. */
	bytes: number | undefined;
	/** Lower-case hex sha256 the manifest gives, when it gives one. */
	sha256: string | undefined;
}

/** What an area needs to work without a connection, read from its manifest. */
export interface AreaFiles {
	areaId: string;
	name: string;
	manifestUrl: string;
	/** The area's folder (ends with '/'); every file lies inside it. */
	folderUrl: string;
	/** Every file the manifest lists (archives, search data, analysis bundle), not the manifest. */
	files: AreaFile[];
	/** Sum of the sizes the manifest gives (files without a size count 0). */
	totalBytes: number;
	/** The zooms the archives hold, lowest and highest (undefined without zoom data). */
	minzoom: number | undefined;
	maxzoom: number | undefined;
}

/** A manifest or a download that cannot be kept for offline use; the message names the problem. */
export class OfflineAreaError extends Error {
	override name = 'OfflineAreaError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The folder of a manifest URL: `…/tiles/<area>/`. */
export function folderOf(manifestUrl: string): string {
	return new URL('./', manifestUrl).href;
}

/**
 * Lists the files of an area from its manifest (`archives` and `files`, each `{ file, bytes?,
 * sha256? }`), resolved against the manifest's URL. Throws an OfflineAreaError naming what is wrong:
 * no area id, an entry without a file name, a file outside the area's folder, a bad size or sha256.
 * @example areaFilesOf(manifest, 'https://x.be/tiles/my-area/manifest.json').files[0].url
 *   // → 'https://x.be/tiles/my-area/basemap.pmtiles'
 */
export function areaFilesOf(json: unknown, manifestUrl: string): AreaFiles {
	if (!isRecord(json)) throw new OfflineAreaError(`${manifestUrl}: not a JSON object`);
	const area = json.area;
	if (!isRecord(area) || typeof area.id !== 'string' || typeof area.name !== 'string')
		throw new OfflineAreaError(`${manifestUrl}: no area id and name`);
	const folderUrl = folderOf(manifestUrl);
	const files: AreaFile[] = [];
	let minzoom: number | undefined;
	let maxzoom: number | undefined;
	for (const group of ['archives', 'files'] as const) {
		const entries = json[group];
		if (entries === undefined) continue;
		if (!isRecord(entries))
			throw new OfflineAreaError(`${manifestUrl}: "${group}" is not an object`);
		for (const [key, entry] of Object.entries(entries)) {
			// The per-municipality parts repeat what analysis.bin and search.json.gz hold whole, and
			// the app reads the whole files: keeping them too would double what is stored.
			if (group === 'files' && key === 'municipalities' && Array.isArray(entry)) continue;
			const where = `${manifestUrl}: ${group}.${key}`;
			if (!isRecord(entry) || typeof entry.file !== 'string' || entry.file === '')
				throw new OfflineAreaError(`${where} has no file name`);
			const url = new URL(entry.file, manifestUrl);
			url.search = '';
			url.hash = '';
			if (!url.href.startsWith(folderUrl) || url.href === folderUrl)
				throw new OfflineAreaError(`${where}: "${entry.file}" lies outside the area's folder`);
			const { bytes, sha256 } = entry;
			if (
				bytes !== undefined &&
				!(typeof bytes === 'number' && Number.isInteger(bytes) && bytes >= 0)
			)
				throw new OfflineAreaError(
					`${where}: bytes must be a whole number ≥ 0, got ${String(bytes)}`,
				);
			if (sha256 !== undefined && !(typeof sha256 === 'string' && /^[0-9a-f]{64}$/i.test(sha256)))
				throw new OfflineAreaError(`${where}: sha256 must be 64 hex digits`);
			if (files.some((f) => f.url === url.href)) continue;
			files.push({ url: url.href, bytes, sha256: sha256?.toLowerCase() });
			if (group === 'archives') {
				if (typeof entry.minzoom === 'number')
					minzoom = Math.min(minzoom ?? entry.minzoom, entry.minzoom);
				if (typeof entry.maxzoom === 'number')
					maxzoom = Math.max(maxzoom ?? entry.maxzoom, entry.maxzoom);
			}
		}
	}
	if (files.length === 0) throw new OfflineAreaError(`${manifestUrl}: lists no files`);
	return {
		areaId: area.id,
		name: area.name,
		manifestUrl,
		folderUrl,
		files,
		totalBytes: files.reduce((t, f) => t + (f.bytes ?? 0), 0),
		minzoom,
		maxzoom,
	};
}

/** What is stored on the device for an area. */
export interface StoredArea {
	/** Files stored under the area's folder, the manifest included. */
	files: number;
	/** Their size in bytes. */
	bytes: number;
	/** True when the stored manifest and every file it lists, with the sha256 it gives, are there. */
	isComplete: boolean;
	/** The stored manifest's files (undefined when no manifest is stored). */
	area: AreaFiles | undefined;
}

export interface OfflineAreaOptions {
	/** Cache Storage (default: the browser's `caches`). */
	caches?: CacheStorage;
	/** Fetch (default: the browser's). */
	fetch?: typeof fetch;
	/** Told after each file with the bytes done and the bytes to do in all. */
	onProgress?: (doneBytes: number, totalBytes: number) => void;
	signal?: AbortSignal;
}

function storageOf(options: OfflineAreaOptions): CacheStorage {
	const storage = options.caches ?? (globalThis as { caches?: CacheStorage }).caches;
	if (!storage) throw new OfflineAreaError('this browser has no Cache Storage');
	return storage;
}

/** Lower-case hex sha256 of bytes. */
export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What is stored for the area whose manifest lives at `manifestUrl`. */
export async function storedArea(
	manifestUrl: string,
	options: OfflineAreaOptions = {},
): Promise<StoredArea> {
	const cache = await storageOf(options).open(AREA_CACHE);
	const folderUrl = folderOf(manifestUrl);
	let files = 0;
	let bytes = 0;
	const stored = new Map<string, Response>();
	for (const request of await cache.keys()) {
		if (!request.url.startsWith(folderUrl)) continue;
		const response = await cache.match(request);
		if (!response) continue;
		files++;
		const length = Number(response.headers.get('Content-Length'));
		bytes += Number.isFinite(length) && length > 0 ? length : (await response.blob()).size;
		stored.set(request.url, response);
	}
	const manifest = stored.get(new URL(manifestUrl).href);
	let area: AreaFiles | undefined;
	try {
		area = manifest ? areaFilesOf(await manifest.clone().json(), manifestUrl) : undefined;
	} catch {
		area = undefined;
	}
	const isComplete =
		area !== undefined &&
		area.files.every((f) => {
			const response = stored.get(f.url);
			return (
				response !== undefined && (!f.sha256 || response.headers.get(SHA256_HEADER) === f.sha256)
			);
		});
	return { files, bytes, isComplete, area };
}

/** Reads an area's manifest from the network: its text, headers and files. */
async function fetchManifest(
	manifestUrl: string,
	options: OfflineAreaOptions,
): Promise<{ area: AreaFiles; text: string; headers: Headers }> {
	const response = await (options.fetch ?? fetch)(manifestUrl, {
		cache: 'no-cache',
		headers: { [KEEP_HEADER]: '1' },
		signal: options.signal ?? null,
	});
	if (!response.ok) throw new OfflineAreaError(`${manifestUrl}: HTTP ${response.status}`);
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new OfflineAreaError(`${manifestUrl} is not valid JSON`);
	}
	return { area: areaFilesOf(json, manifestUrl), text, headers: response.headers };
}

/** The files an area would keep, from its manifest on the network (e.g. to say how much it takes). */
export async function areaFilesAt(
	manifestUrl: string,
	options: OfflineAreaOptions = {},
): Promise<AreaFiles> {
	return (await fetchManifest(manifestUrl, options)).area;
}

/**
 * Keeps an area for use without a connection: reads its manifest from the network, downloads every
 * file it lists that is not stored yet or changed (by sha256), checks each against the manifest's
 * size and sha256, stores it whole, stores the manifest last, and drops stored files the manifest
 * no longer lists. Throws an OfflineAreaError naming the file and the problem; what was stored
 * before stays usable (the old manifest stays until every new file is in).
 */
export async function keepArea(
	manifestUrl: string,
	options: OfflineAreaOptions = {},
): Promise<StoredArea> {
	const fetchImpl = options.fetch ?? fetch;
	const { signal } = options;
	const cache = await storageOf(options).open(AREA_CACHE);
	const { area, text: manifestText, headers } = await fetchManifest(manifestUrl, options);
	let done = 0;
	options.onProgress?.(done, area.totalBytes);
	for (const file of area.files) {
		signal?.throwIfAborted();
		const existing = await cache.match(file.url);
		if (!(existing && file.sha256 && existing.headers.get(SHA256_HEADER) === file.sha256)) {
			await cache.put(file.url, await download(file, fetchImpl, signal));
		}
		done += file.bytes ?? 0;
		options.onProgress?.(done, area.totalBytes);
	}
	const manifestHeaders = new Headers(headers);
	manifestHeaders.set('Content-Length', String(new TextEncoder().encode(manifestText).length));
	manifestHeaders.delete('Content-Encoding');
	await cache.put(
		manifestUrl,
		new Response(manifestText, { status: 200, headers: manifestHeaders }),
	);
	const listed = new Set([new URL(manifestUrl).href, ...area.files.map((f) => f.url)]);
	for (const request of await cache.keys()) {
		if (request.url.startsWith(area.folderUrl) && !listed.has(request.url))
			await cache.delete(request);
	}
	return storedArea(manifestUrl, options);
}

/** Downloads one whole file and checks it against the manifest; returns the response to store. */
async function download(
	file: AreaFile,
	fetchImpl: typeof fetch,
	signal: AbortSignal | undefined,
): Promise<Response> {
	const response = await fetchImpl(file.url, {
		cache: 'no-cache',
		headers: { [KEEP_HEADER]: '1' },
		signal: signal ?? null,
	});
	if (response.status !== 200)
		throw new OfflineAreaError(
			`${file.url}: HTTP ${response.status}, expected the whole file (200)`,
		);
	const body = await response.arrayBuffer();
	if (file.bytes !== undefined && body.byteLength !== file.bytes)
		throw new OfflineAreaError(
			`${file.url}: ${body.byteLength} bytes, the manifest says ${file.bytes}`,
		);
	if (file.sha256 && (await sha256Hex(body)) !== file.sha256)
		throw new OfflineAreaError(`${file.url}: its sha256 differs from the manifest's`);
	const headers = new Headers();
	for (const name of ['Content-Type', 'ETag', 'Last-Modified']) {
		const value = response.headers.get(name);
		if (value) headers.set(name, value);
	}
	headers.set('Content-Length', String(body.byteLength));
	headers.set('Accept-Ranges', 'bytes');
	if (file.sha256) headers.set(SHA256_HEADER, file.sha256);
	return new Response(body, { status: 200, headers });
}

/**
 * Removes everything stored for the area whose manifest lives at `manifestUrl` (the manifest
 * first, so an interrupted removal never leaves a manifest describing missing files).
 */
export async function removeArea(
	manifestUrl: string,
	options: OfflineAreaOptions = {},
): Promise<void> {
	const cache = await storageOf(options).open(AREA_CACHE);
	const folderUrl = folderOf(manifestUrl);
	await cache.delete(manifestUrl);
	for (const request of await cache.keys()) {
		if (request.url.startsWith(folderUrl)) await cache.delete(request);
	}
}

/** Where a copy of the area index is kept (a key the app never fetches, so online reads stay fresh). */
function indexCopyUrl(origin: string): string {
	return `${origin}${AREA_PATH_PREFIX}areas.json?kept`;
}

/**
 * Keeps a copy of the area index (`tiles/areas.json`, as read online) on this device, so that
 * without a connection the app can still offer the areas kept here ({@link keptAreaIndex}).
 */
export async function keepAreaIndex(
	origin: string,
	index: AreaSummary[],
	options: OfflineAreaOptions = {},
): Promise<void> {
	const cache = await storageOf(options).open(AREA_CACHE);
	await cache.put(
		indexCopyUrl(origin),
		new Response(JSON.stringify({ version: 1, areas: index }), {
			headers: { 'Content-Type': 'application/json' },
		}),
	);
}

/**
 * The areas of the kept copy of the index whose files are stored whole on this device: what can
 * be opened without a connection (empty when none is, or nothing was kept).
 */
export async function keptAreaIndex(
	origin: string,
	options: OfflineAreaOptions = {},
): Promise<AreaSummary[]> {
	const cache = await storageOf(options).open(AREA_CACHE);
	const copy = await cache.match(indexCopyUrl(origin));
	if (!copy) return [];
	const index = parseAreaIndex(await copy.json());
	const kept: AreaSummary[] = [];
	for (const a of index) {
		const stored = await storedArea(`${origin}${AREA_PATH_PREFIX}${a.id}/manifest.json`, options);
		if (stored.isComplete) kept.push(a);
	}
	return kept;
}
