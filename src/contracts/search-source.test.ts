import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './validation.ts';
import {
	decodeStreet,
	encodeCoords,
	parseSearchSource,
	readSearchSource,
	type SearchSourceV2,
} from './search-source.ts';

const source: SearchSourceV2 = {
	version: 2,
	areaId: 'test',
	taxonomyVersion: 'x',
	localities: [
		{ id: 'm:11111', kind: 'municipality', name: 'Dorp', nis: '11111', postcodes: ['1000'] },
	],
	categories: [],
	places: [{ id: 'n1', categoryIds: ['pharmacy'], lngLat: [4.1, 51.1], localities: [0] }],
	streets: [
		{
			name: 'Kerkstraat',
			localities: [0],
			numbers: '1 2A 3-5',
			coords: encodeCoords([
				[4.1234567, 51.1234567],
				[4.1235, 51.1235],
				[4.124, 51.12],
			]),
		},
	],
};

describe('search source', () => {
	it('keeps address points to 0.1 m and their house numbers', () => {
		const s = decodeStreet(source.streets[0]!);
		expect(s.addresses.map((a) => a[0])).toEqual(['1', '2A', '3-5']);
		expect(s.addresses[0]![1]).toBeCloseTo(4.1234567, 6);
		expect(s.addresses[1]![2]).toBeCloseTo(51.1235, 6);
		expect(s.lngLat).toEqual([s.addresses[0]![1], s.addresses[0]![2]]);
	});

	it('reads gzip and plain JSON alike', async () => {
		const json = JSON.stringify(source);
		expect(await readSearchSource(gzipSync(json))).toEqual(source);
		expect(await readSearchSource(new TextEncoder().encode(json))).toEqual(source);
	});

	it('names what is wrong', async () => {
		const issueOf = (json: unknown): unknown => {
			try {
				parseSearchSource(json);
			} catch (error) {
				expect(error).toBeInstanceOf(ValidationError);
				expect((error as Error).message).toMatch(/^search source/);
				return (error as ValidationError).issue;
			}
			return undefined;
		};
		expect(issueOf({ ...source, version: 1 })).toEqual({
			path: 'version',
			kind: 'schemaVersion',
			limit: 2,
			found: 1,
		});
		expect(issueOf({ ...source, places: [{ id: 'n1' }] })).toMatchObject({
			path: 'places[0].categoryIds',
			kind: 'missing',
		});
		expect(
			issueOf({ ...source, places: [{ ...source.places[0]!, lngLat: [4.8, 95] }] }),
		).toMatchObject({ path: 'places[0].lngLat', kind: 'lngLat', found: [4.8, 95] });
		expect(issueOf({ ...source, streets: [{ ...source.streets[0]!, localities: [3] }] })).toEqual({
			path: 'streets[0].localities',
			kind: 'range',
			limit: source.localities.length - 1,
			found: 3,
		});
		expect(issueOf({ ...source, streets: [{ ...source.streets[0]!, numbers: 7 }] })).toMatchObject({
			path: 'streets[0].numbers',
			kind: 'type',
			limit: 'string',
			found: 7,
		});
		expect(() => decodeStreet({ ...source.streets[0]!, coords: [1, 2] })).toThrow(
			/3 house numbers but 1 points/,
		);
		await expect(readSearchSource(new TextEncoder().encode('{'))).rejects.toThrow(/not valid JSON/);
	});
});
