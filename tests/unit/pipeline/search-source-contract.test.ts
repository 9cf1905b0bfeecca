/**
 * The pipeline writes the search source only when it passes the contract the app reads it with
 * (src/contracts/search-source.ts): checked on the sample's real source.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeSearchSource } from '../../../scripts/lib/search-source.ts';
import { sampleSearchSource } from '../../helpers/sample-search.ts';

describe('the search source the pipeline writes', () => {
	it('encodes the real sample source unchanged, and refuses one the app would refuse, naming where', async () => {
		const source = await sampleSearchSource();
		const { gzip, jsonBytes } = encodeSearchSource(source);
		const json = gunzipSync(gzip).toString('utf8');
		expect(Buffer.byteLength(json)).toBe(jsonBytes);
		expect(JSON.parse(json)).toEqual(source);

		const broken = structuredClone(source);
		const place = broken.places[3]!;
		place.lngLat = [200, place.lngLat[1]];
		expect(() => encodeSearchSource(broken)).toThrow(/places\[3\]\.lngLat/);
	}, 120_000); // builds the sample first when its output is stale
});
