/**
 * Official lists beside OSM (sources.extraPlaces): a listed place that matches an OSM place of the
 * same category (near, similar name) is merged into it with both sources kept; nothing doubles.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MATCH, type ExtraPlaceSource } from '../../../scripts/lib/area-config.ts';
import { readOsm } from '../../../scripts/lib/osm.ts';
import {
	extraPlaces,
	mergeListedPlaces,
	nameSimilarity,
	osmPlaces,
	type Place,
} from '../../../scripts/lib/places.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { SAMPLE_DIR, tempDir } from './helpers.ts';

const source = (file: string, category: string, nameProperty: string): ExtraPlaceSource => ({
	path: file,
	relativePath: path.basename(file),
	date: '2020-02-01',
	licence: 'test',
	attribution: 'the list',
	crs: null,
	category,
	nameProperty,
	properties: {},
	match: { ...DEFAULT_MATCH },
});

describe('name similarity of a register and OSM', () => {
	it('ignores the generic words, case, accents and order', () => {
		// the GISCO name of AZ Herentals and the name it carries on site
		expect(nameSimilarity('ALGEMEEN ZIEKENHUIS HERENTALS', 'AZ Herentals')).toBe(1);
		expect(nameSimilarity('Apotheek Lille', 'APOTHEEK LILLE')).toBe(1);
		expect(nameSimilarity('ALGEMEEN ZIEKENHUIS HERENTALS', 'AZ Turnhout')).toBeLessThan(0.5);
	});
});

describe('the GISCO hospitals beside the sample OSM extract', () => {
	let osm: Place[];
	beforeAll(async () => {
		osm = osmPlaces(
			await readOsm(path.join(SAMPLE_DIR, 'osm', 'vorselaar-lille_buffer1km.osm.pbf')),
			'2019-11-05',
		);
	}, 60_000);

	it('merge with nothing: OSM maps no hospital here, so all 32 stay, once each', () => {
		const listed = extraPlaces(
			source(
				path.join(SAMPLE_DIR, 'care', 'hospitals_eurostat_gisco_2020_within25km.geojson'),
				'hospital',
				'hospital_name',
			),
			0,
		);
		const places = [...osm];
		const merges = mergeListedPlaces(places, listed, DEFAULT_MATCH);
		expect(merges).toEqual([]);
		expect(places.length).toBe(osm.length + 32);
	});
});

describe('a list of the same real bus stops (the osmium export of the extract) beside OSM', () => {
	it('merges each listed stop into its own OSM stop and keeps both sources', async () => {
		// the Sassenhout cut (PROVENANCE.md) and the bus stops of the POI export in its bbox,
		// written unchanged as a list
		const cut = osmPlaces(
			await readOsm(path.join(REPO_ROOT, 'tests', 'fixtures', 'osm', 'sassenhout.osm.pbf')),
			'2019-11-05',
		);
		const bbox = [4.788, 51.198, 4.8405, 51.22];
		const pois = JSON.parse(
			readFileSync(path.join(SAMPLE_DIR, 'osm', 'vorselaar-lille_pois.geojson'), 'utf8'),
		) as {
			type: string;
			features: {
				geometry: { type: string; coordinates: number[] };
				properties: Record<string, unknown>;
			}[];
		};
		pois.features = pois.features.filter(
			(f) =>
				f.properties.highway === 'bus_stop' &&
				f.geometry.type === 'Point' &&
				f.geometry.coordinates[0]! >= bbox[0]! &&
				f.geometry.coordinates[0]! <= bbox[2]! &&
				f.geometry.coordinates[1]! >= bbox[1]! &&
				f.geometry.coordinates[1]! <= bbox[3]!,
		);
		expect(pois.features.length).toBe(14);
		const file = path.join(tempDir(), 'stops.geojson');
		writeFileSync(file, JSON.stringify(pois));
		const listed = extraPlaces(source(file, 'public_transport', 'name'), 0);
		const places = [...cut];
		const merges = mergeListedPlaces(places, listed, DEFAULT_MATCH);
		expect(merges).toHaveLength(14);
		expect(places.length).toBe(cut.length); // nothing doubled
		for (const m of merges) {
			const f = pois.features.find((x) => x.properties.name === m.listedName)!;
			expect(f).toBeDefined();
			expect(m.distanceM).toBe(0);
		}
		// each listed stop went to the node it was exported from (two stops share each name)
		const byListed = new Map(merges.map((m) => [m.listedId, m.osmId]));
		listed.forEach((l, i) => {
			expect(byListed.get(l.id)).toBe(`n${String(pois.features[i]!.properties['@id'])}`);
		});
		const merged = places.find((p) => p.id === merges[0]!.osmId)!;
		expect(merged.source).toBe('OpenStreetMap; the list');
		expect(merged.sources?.map((s) => s.id)).toEqual([merges[0]!.osmId, merges[0]!.listedId]);
	});
});
