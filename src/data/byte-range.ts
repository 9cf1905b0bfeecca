/**
 * HTTP byte ranges (RFC 9110 §14) as PMTiles readers ask for them: shared by the dev and preview
 * servers (scripts/lib/serve-tiles.ts) and the service worker, which answers ranges from the whole
 * archives kept on the device (src/pwa/sw.ts), so both behave the same. A range that runs past the
 * end of the file is cut at the end (as servers do; PMTiles asks for the first 16 KiB of archives
 * that may be smaller).
 */

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
