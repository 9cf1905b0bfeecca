/**
 * Serves the pipeline output in `tiles/` under `/tiles/` with HTTP range requests, for the Vite dev
 * and preview servers. PMTiles readers fetch byte ranges; the PMTiles maintainer asks that dev servers
 * answer them "so it behaves the same as … production" (protomaps/PMTiles#279), so a request with a
 * `Range` header gets `206 Partial Content`, and a range that cannot be satisfied gets `416`.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { parseRange } from '../../src/data/byte-range.ts';

const TYPES: Record<string, string> = {
	'.pmtiles': 'application/vnd.pmtiles',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.bin': 'application/octet-stream',
	'.gz': 'application/gzip',
};

export { parseRange, type ByteRange } from '../../src/data/byte-range.ts';

/**
 * Text files sent gzip-compressed to a browser that accepts it, as any production web server does
 * (the manifest: 26.6 KB → 7 KB on the wire). PMTiles archives, binaries and `.gz` files are not
 * compressed again: their tiles are compressed inside, and a range must be a range of the file's bytes.
 */
const COMPRESSED_TYPES = new Set(['.json', '.geojson']);

/** The gzip of each served text file, keyed by its path and ETag, so a file is compressed once per change. */
const gzipCache = new Map<string, { etag: string; body: Buffer }>();

function gzipOf(file: string, etag: string): Buffer {
	const hit = gzipCache.get(file);
	if (hit?.etag === etag) return hit.body;
	const body = gzipSync(readFileSync(file));
	gzipCache.set(file, { etag, body });
	return body;
}

function acceptsGzip(req: IncomingMessage): boolean {
	const header = req.headers['accept-encoding'];
	const value = Array.isArray(header) ? header.join(',') : (header ?? '');
	return value.split(',').some((part) => {
		const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
		const q = params.find((p) => p.startsWith('q='));
		return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
	});
}

/** A connect-style handler for `/tiles/*`, reading from `tilesDir`. */
export function tilesHandler(tilesDir: string) {
	const root = path.resolve(tilesDir);
	return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (!url.pathname.startsWith('/tiles/')) return next();
		if (req.method !== 'GET' && req.method !== 'HEAD') return next();
		const rel = decodeURIComponent(url.pathname.slice('/tiles/'.length));
		const file = path.resolve(root, rel);
		if (!file.startsWith(root + path.sep)) {
			res.statusCode = 403;
			res.end('Forbidden');
			return;
		}
		let size: number;
		let mtime: Date;
		try {
			const st = statSync(file);
			if (!st.isFile()) throw new Error('not a file');
			size = st.size;
			mtime = st.mtime;
		} catch {
			res.statusCode = 404;
			res.setHeader('Content-Type', 'text/plain; charset=utf-8');
			res.end(`Not found: /tiles/${rel}. Build it with: npm run tiles:build`);
			return;
		}
		res.setHeader('Accept-Ranges', 'bytes');
		res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
		const etag = `"${size.toString(16)}-${mtime.getTime().toString(16)}"`;
		res.setHeader('ETag', etag);
		res.setHeader('Cache-Control', 'no-cache');
		if (COMPRESSED_TYPES.has(path.extname(file))) {
			res.setHeader('Vary', 'Accept-Encoding');
			if (!req.headers.range && acceptsGzip(req) && size > 0) {
				const body = gzipOf(file, etag);
				res.statusCode = 200;
				res.setHeader('Content-Encoding', 'gzip');
				res.setHeader('Content-Length', String(body.length));
				res.end(req.method === 'HEAD' ? undefined : body);
				return;
			}
		}
		const range = parseRange(req.headers.range, size);
		if (range === 'unsatisfiable') {
			res.statusCode = 416;
			res.setHeader('Content-Range', `bytes */${size}`);
			res.end();
			return;
		}
		const { start, end } = range ?? { start: 0, end: size - 1 };
		res.statusCode = range ? 206 : 200;
		if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
		res.setHeader('Content-Length', String(size === 0 ? 0 : end - start + 1));
		if (req.method === 'HEAD' || size === 0) {
			res.end();
			return;
		}
		createReadStream(file, { start, end }).pipe(res);
	};
}

/** Vite plugin: `/tiles/*` with range requests in `vite` (dev) and `vite preview`. */
export function serveTiles(tilesDir: string): Plugin {
	return {
		name: 'buurtkaart-serve-tiles',
		configureServer(server) {
			server.middlewares.use(tilesHandler(tilesDir));
		},
		configurePreviewServer(server) {
			server.middlewares.use(tilesHandler(tilesDir));
		},
	};
}
