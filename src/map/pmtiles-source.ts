/**
 * How the map reads a PMTiles archive's start. The pmtiles library reads the first 16,384 bytes of
 * every archive to find its header (127 bytes) and root directory; the archives the pipeline writes
 * for an area keep their root directory within the first few hundred bytes, and the rest of those
 * 16 KB (metadata, tiles) is read again later anyway. On a slow line each archive's first read is
 * then mostly waste: at 400 kbit/s the first view's three archives (basemap, neighbourhoods,
 * places) spent about a second on it (issue #12, cold load).
 *
 * {@link HeaderFirstSource} reads a short start instead and, only where the root directory reaches
 * beyond it (a large area's archive), the rest of it in a second request. Everything else is the
 * library's own {@link FetchSource}: ranges, ETags, errors.
 */
import { FetchSource, getUint64, type RangeResponse, type Source } from 'pmtiles';

/** What the pmtiles library asks for first: the header and, within it, the root directory. */
const LIBRARY_FIRST_READ = 16_384;
/** A PMTiles v3 header's length. */
const HEADER_BYTES = 127;
/** The first read here: the header and a small root directory (every archive of the sample's areas). */
export const FIRST_READ_BYTES = 2_048;

/** A {@link FetchSource} whose first read stops where the archive's root directory ends. */
export class HeaderFirstSource implements Source {
	private readonly inner: FetchSource;
	private readonly firstRead: number;

	constructor(url: string, firstRead = FIRST_READ_BYTES) {
		this.inner = new FetchSource(url);
		this.firstRead = firstRead;
	}

	getKey(): string {
		return this.inner.getKey();
	}

	async getBytes(
		offset: number,
		length: number,
		signal?: AbortSignal,
		etag?: string,
	): Promise<RangeResponse> {
		if (offset !== 0 || length !== LIBRARY_FIRST_READ || this.firstRead >= length)
			return this.inner.getBytes(offset, length, signal, etag);
		const first = await this.inner.getBytes(0, this.firstRead, signal, etag);
		const got = first.data.byteLength;
		// shorter than a header: the library names the problem (not an archive, wrong magic number)
		if (got < HEADER_BYTES || got < this.firstRead) return first;
		const view = new DataView(first.data);
		const rootEnd = Math.min(getUint64(view, 8) + getUint64(view, 16), length);
		if (rootEnd <= got) return first;
		const rest = await this.inner.getBytes(got, rootEnd - got, signal, first.etag);
		const data = new Uint8Array(got + rest.data.byteLength);
		data.set(new Uint8Array(first.data), 0);
		data.set(new Uint8Array(rest.data), got);
		return { ...first, data: data.buffer };
	}
}
