import { describe, expect, it } from 'vitest';
import { MANIFEST_SCHEMA_VERSION } from '../contracts/manifest.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
	ManifestError,
	loadAreaTiles,
	loadMunicipalityBoundaries,
	loadNeighbourhoodPolygons,
	parseManifest,
	parseNeighbourhoodPolygons,
} from './tiles.ts';

const base = 'http://127.0.0.1:4173/tiles/vorselaar-lille/manifest.json';
const valid = {
	schemaVersion: MANIFEST_SCHEMA_VERSION,
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

	it("keeps the area's names by language where its config gives them, and none otherwise", () => {
		expect(parseManifest(valid, base).names).toBeUndefined();
		const named = { ...valid, area: { ...valid.area, names: { fr: 'Vorselaar et Lille' } } };
		expect(parseManifest(named, base).names).toEqual({ fr: 'Vorselaar et Lille' });
		const empty = { ...valid, area: { ...valid.area, names: { fr: '' } } };
		expect(() => parseManifest(empty, base)).toThrow(ManifestError);
	});

	it('reads the network points per kind that the pipeline counted', () => {
		const network = {
			file: 'network.pmtiles',
			layers: [
				{ id: 'footways' },
				{ id: 'network_points', counts: { barrier: 57, crossing: 33, kerb: -1 } },
			],
		};
		const area = parseManifest({ ...valid, archives: { ...valid.archives, network } }, base);
		expect(area.archives.network?.pointsLayer).toBe('network_points');
		// a count that is not a whole number ≥ 0 is left out (the switch then shows 0)
		expect(area.archives.network?.pointCounts).toEqual({ barrier: 57, crossing: 33 });
		const older = { ...network, layers: [{ id: 'footways' }, { id: 'network_points' }] };
		expect(
			parseManifest({ ...valid, archives: { ...valid.archives, network: older } }, base).archives
				.network?.pointCounts,
		).toBeUndefined();
	});

	it('names the field and the rule a bad manifest breaks', () => {
		const issueOf = (json: unknown) => {
			try {
				parseManifest(json, base);
			} catch (error) {
				expect(error).toBeInstanceOf(ManifestError);
				return { message: (error as Error).message, issue: (error as ManifestError).issue };
			}
			throw new Error('accepted');
		};
		expect(issueOf('manifest').issue).toMatchObject({ path: '', kind: 'type', limit: 'Object' });
		expect(issueOf({ ...valid, area: { id: 'x' } })).toMatchObject({
			message: /area\.name: missing/,
			issue: { path: 'area.name', kind: 'missing', limit: '', found: undefined },
		});
		expect(
			issueOf({ ...valid, area: { ...valid.area, bbox: [5, 51, 4, 52] } }).issue,
		).toMatchObject({ path: 'area.bbox', kind: 'bbox', found: [5, 51, 4, 52] });
		expect(
			issueOf({ ...valid, area: { ...valid.area, bbox: [4, 51, 500, 52] } }).issue,
		).toMatchObject({ path: 'area.bbox', kind: 'bbox' });
		const { bbox: _none, ...noBbox } = valid.area;
		expect(issueOf({ ...valid, area: noBbox }).issue).toMatchObject({
			kind: 'missing',
			limit: 'area.bbox',
		});
		expect(issueOf({ ...valid, archives: {} }).issue).toMatchObject({
			path: 'archives.neighbourhoods',
			kind: 'missing',
		});
		expect(
			issueOf({
				...valid,
				archives: { neighbourhoods: { file: 'a.pmtiles', layers: [{ id: 'x' }] } },
			}).issue,
		).toMatchObject({ path: 'archives.neighbourhoods', kind: 'value', limit: 'neighbourhoods' });
		expect(
			issueOf({
				...valid,
				archives: { neighbourhoods: { ...valid.archives.neighbourhoods, maxzoom: 40 } },
			}).issue,
		).toMatchObject({
			path: 'archives.neighbourhoods.maxzoom',
			kind: 'range',
			limit: 24,
			found: 40,
		});
		expect(issueOf({ ...valid, area: { ...valid.area, id: '../x' } }).issue).toMatchObject({
			path: 'area.id',
			kind: 'format',
		});
	});

	it('reads only its own format version, and says so with the versions', () => {
		for (const schemaVersion of [MANIFEST_SCHEMA_VERSION - 1, MANIFEST_SCHEMA_VERSION + 1, '2']) {
			let thrown: unknown;
			try {
				parseManifest({ ...valid, schemaVersion }, base);
			} catch (error) {
				thrown = error;
			}
			expect(thrown).toBeInstanceOf(ManifestError);
			expect((thrown as ManifestError).message).toMatch(
				new RegExp(`format version .*; this app reads version ${MANIFEST_SCHEMA_VERSION}`),
			);
			expect((thrown as ManifestError).issue).toEqual({
				path: 'schemaVersion',
				kind: 'schemaVersion',
				limit: MANIFEST_SCHEMA_VERSION,
				found: schemaVersion,
			});
		}
		const { schemaVersion: _omitted, ...withoutVersion } = valid;
		expect(() => parseManifest(withoutVersion, base)).toThrow(/format version null/);
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

describe('neighbourhood polygons', () => {
	it("lists the manifest's neighbourhoods.geojson beside the other files", () => {
		const area = parseManifest(
			{
				...valid,
				files: { neighbourhoods: { file: 'neighbourhoods.geojson', bytes: 1234, sha256: 'x' } },
			},
			base,
		);
		expect(area.files.neighbourhoods).toEqual({
			url: 'http://127.0.0.1:4173/tiles/vorselaar-lille/neighbourhoods.geojson',
			bytes: 1234,
		});
		// an older manifest without them: none, and the app counts by the nearest address
		expect(parseManifest(valid, base).files.neighbourhoods).toBeUndefined();
	});

	it("reads every built area's polygons with their codes", async () => {
		const root = path.join(import.meta.dirname, '..', '..', 'tiles');
		const index = JSON.parse(readFileSync(path.join(root, 'areas.json'), 'utf8')) as {
			areas: { id: string }[];
		};
		for (const { id } of index.areas) {
			const manifestPath = path.join(root, id, 'manifest.json');
			const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
				files: { neighbourhoods: { file: string } };
				neighbourhoodSources: Record<string, unknown>;
			};
			const file = path.join(root, id, manifest.files.neighbourhoods.file);
			const local = (async () => new Response(readFileSync(file))) as typeof fetch;
			const list = await loadNeighbourhoodPolygons({ url: file, bytes: 0 }, local);
			expect(list.map((n) => n.id).sort()).toEqual(
				Object.keys(manifest.neighbourhoodSources).sort(),
			);
		}
	});

	it('names what is wrong with a bad file', async () => {
		const w = 'n.geojson';
		expect(() => parseNeighbourhoodPolygons([], w)).toThrow(
			'n.geojson is not a GeoJSON FeatureCollection',
		);
		const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
		expect(() => parseNeighbourhoodPolygons(fc([{ properties: {} }]), w)).toThrow(
			'n.geojson: feature 0 has no neighbourhood id',
		);
		expect(() =>
			parseNeighbourhoodPolygons(
				fc([{ properties: { id: 'A1' }, geometry: { type: 'Point', coordinates: [4, 51] } }]),
				w,
			),
		).toThrow('n.geojson: neighbourhood A1 has no Polygon or MultiPolygon');
		const missing = (async () => new Response('nope', { status: 404 })) as typeof fetch;
		await expect(loadNeighbourhoodPolygons({ url: w, bytes: 0 }, missing)).rejects.toThrow(
			'n.geojson: HTTP 404',
		);
	});
});

describe('municipality boundaries', () => {
	it("reads every built area's municipalities, and a bad file is named", async () => {
		const root = path.join(import.meta.dirname, '..', '..', 'tiles');
		const index = JSON.parse(readFileSync(path.join(root, 'areas.json'), 'utf8')) as {
			areas: { id: string; municipalities: { nis: string; name: string }[] }[];
		};
		for (const { id, municipalities } of index.areas) {
			const file = path.join(root, id, 'boundaries.geojson');
			const local = (async () => new Response(readFileSync(file))) as typeof fetch;
			const list = await loadMunicipalityBoundaries({ url: file, bytes: 0 }, local);
			expect(list.map(({ nis, name }) => ({ nis, name }))).toEqual(municipalities);
		}
		const bad = (async () => new Response('[]')) as typeof fetch;
		await expect(loadMunicipalityBoundaries({ url: 'b.geojson', bytes: 0 }, bad)).rejects.toThrow(
			'b.geojson is not a GeoJSON FeatureCollection',
		);
	});
});
