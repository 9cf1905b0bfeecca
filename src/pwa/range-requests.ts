/**
 * A Workbox plugin that answers a Range request from a whole file kept in the cache, as HTTP servers
 * do. It is Workbox's own RangeRequestsPlugin with one difference: Workbox refuses (416, without the
 * `Content-Range` the reader needs) a range that runs past the end of the file, where servers cut it
 * at the end; the PMTiles reader asks for the first 16 KiB of every archive, and small archives
 * (a few neighbourhoods) are shorter than that. So the range is read with the same parser as the
 * dev and preview servers (src/data/byte-range.ts), and Workbox's createPartialResponse slices it.
 */
import type { WorkboxPlugin } from 'workbox-core';
import { createPartialResponse } from 'workbox-range-requests';
import { parseRange } from '../data/byte-range.ts';

export const rangeRequestsPlugin: WorkboxPlugin = {
	async cachedResponseWillBeUsed({ request, cachedResponse }) {
		const header = request.headers.get('range');
		if (!cachedResponse || !header || cachedResponse.status !== 200) return cachedResponse;
		const length = Number(cachedResponse.headers.get('Content-Length'));
		const size =
			Number.isInteger(length) && length > 0 ? length : (await cachedResponse.clone().blob()).size;
		const range = parseRange(header, size);
		if (range === null) return cachedResponse;
		if (range === 'unsatisfiable')
			return new Response(null, {
				status: 416,
				statusText: 'Range Not Satisfiable',
				headers: { 'Content-Range': `bytes */${size}` },
			});
		const exact = new Request(request.url, {
			headers: { range: `bytes=${range.start}-${range.end}` },
		});
		return createPartialResponse(exact, cachedResponse);
	},
};
