/**
 * Serves the pipeline output in `tiles/` under `/tiles/` with HTTP range requests, for the Vite dev
 * and preview servers. PMTiles readers fetch byte ranges; the PMTiles maintainer asks that dev servers
 * answer them "so it behaves the same as … production" (protomaps/PMTiles#279), so a request with a
 * `Range` header gets `206 Partial Content`, and a range that cannot be satisfied gets `416`.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';

const TYPES: Record<string, string> = {
	'.pmtiles': 'application/vnd.pmtiles',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.bin': 'application/octet-stream',
	'.gz': 'application/gzip',
};

/** A parsed single byte range, inclusive at both ends, or 'unsatisfiable'. */
export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * Parses a `Range: bytes=…` header for a file of `sizeBytes`. Multiple ranges are not supported
 * (PMTiles never asks for them); the first is answered.
 * @example parseRange('bytes=0-16383', 100000) // → { start: 0, end: 16383 }
 */
export function parseRange(header: string | undefined, sizeBytes: number): ByteRange {
	if (!header) return null;
	const m = /^bytes=(\d*)-(\d*)/.exec(header.trim());
	if (!m) return 'unsatisfiable';
	const [, a = '', b = ''] = m;
	let start: number;
	let end: number;
	if (a === '' && b === '') return 'unsatisfiable';
	if (a === '') {
		const suffix = Number(b);
		if (suffix === 0) return 'unsatisfiable';
		start = Math.max(0, sizeBytes - suffix);
		end = sizeBytes - 1;
	} else {
		start = Number(a);
		end = b === '' ? sizeBytes - 1 : Math.min(Number(b), sizeBytes - 1);
	}
	if (start >= sizeBytes || end < start) return 'unsatisfiable';
	return { start, end };
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
		res.setHeader('ETag', `"${size.toString(16)}-${mtime.getTime().toString(16)}"`);
		res.setHeader('Cache-Control', 'no-cache');
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
