import { describe, expect, it } from 'vitest';
import { ManifestError, loadAreaTiles, parseManifest } from './tiles.ts';

const base = 'http://127.0.0.1:4173/tiles/vorselaar-lille/manifest.json';
const valid = {
	area: { id: 'vorselaar-lille', name: 'Vorselaar en Lille', bbox: [4.72, 51.18, 4.91, 51.3] },
	archives: {
		neighbourhoods: {
			file: 'neighbourhoods.pmtiles',
			minzoom: 6,
			maxzoom: 14,
			layers: [{ id: 'neighbourhoods' }, { id: 'neighbourhood_labels' }],
		},
	},
};

describe('parseManifest', () => {
	it('resolves archive files against the manifest URL', () => {
		const area = parseManifest(valid, base);
		expect(area.archives.neighbourhoods.url).toBe(
			'http://127.0.0.1:4173/tiles/vorselaar-lille/neighbourhoods.pmtiles',
		);
		expect(area.archives.neighbourhoods.layers).toEqual({
			polygons: 'neighbourhoods',
			labels: 'neighbourhood_labels',
		});
		expect(area.attribution).toContain('OpenStreetMap');
	});

	it('names what is wrong', () => {
		expect(() => parseManifest([], base)).toThrow(/not a JSON object/);
		expect(() => parseManifest({ ...valid, area: { id: 'x' } }, base)).toThrow(/area id and name/);
		expect(() =>
			parseManifest({ ...valid, area: { ...valid.area, bbox: [5, 51, 4, 52] } }, base),
		).toThrow(/bbox/);
		expect(() =>
			parseManifest({ ...valid, area: { ...valid.area, bbox: [4, 51, 500, 52] } }, base),
		).toThrow(/bbox/);
		expect(() => parseManifest({ ...valid, archives: {} }, base)).toThrow(/neighbourhoods archive/);
		expect(() =>
			parseManifest(
				{ ...valid, archives: { neighbourhoods: { file: 'a.pmtiles', layers: [{ id: 'x' }] } } },
				base,
			),
		).toThrow(/"neighbourhoods" layer/);
	});
});

describe('loadAreaTiles', () => {
	it('refuses an area id that could leave tiles/', async () => {
		await expect(loadAreaTiles('../secret', 'http://x')).rejects.toThrow(ManifestError);
	});

	it('reports the HTTP status of a missing manifest', async () => {
		const notFound = (async () => new Response('nope', { status: 404 })) as typeof fetch;
		await expect(loadAreaTiles('vorselaar-lille', 'http://x', notFound)).rejects.toThrow(
			/HTTP 404/,
		);
	});

	it('reports a manifest that is not JSON', async () => {
		const garbage = (async () => new Response('<html>', { status: 200 })) as typeof fetch;
		await expect(loadAreaTiles('vorselaar-lille', 'http://x', garbage)).rejects.toThrow(
			/not valid JSON/,
		);
	});
});
