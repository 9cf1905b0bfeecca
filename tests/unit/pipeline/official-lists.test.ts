/**
 * Official lists beside OSM (sources.extraPlaces): a listed place that matches an OSM place of the
 * same category (near, similar name) is merged into it with both sources kept; nothing doubles.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	DEFAULT_MATCH,
	loadAreaConfig,
	type ExtraPlaceSource,
} from '../../../scripts/lib/area-config.ts';
import { readOsm } from '../../../scripts/lib/osm.ts';
import {
	extraPlaces,
	mergeListedPlaces,
	nameSimilarity,
	osmPlaces,
	type Place,
} from '../../../scripts/lib/places.ts';
import { fromCapitals } from '../../../scripts/lib/text.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { SAMPLE_CONFIG, SAMPLE_DIR, tempDir } from './helpers.ts';

const source = (file: string, category: string, nameProperty: string): ExtraPlaceSource => ({
	path: file,
	relativePath: path.basename(file),
	date: '2020-02-01',
	licence: 'test',
	attribution: 'the list',
	crs: null,
	category,
	nameProperty,
	siteProperty: null,
	properties: {},
	capitals: null,
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

describe('a list written in capitals, in ordinary letter case', () => {
	const words = { keep: ['AZ', 'A.Z.', 'ZNA'], lower: ['op', 'van', 'de', 'in', 'v.z.w.'] };

	it('rewrites the words written wholly in capitals, and no other', () => {
		expect(fromCapitals('ALGEMEEN ZIEKENHUIS HERENTALS', words)).toBe(
			'Algemeen Ziekenhuis Herentals',
		);
		expect(fromCapitals('STEENWEG OP MERKSPLAS 44', words)).toBe('Steenweg op Merksplas 44');
		expect(fromCapitals('ST.-VINCENTIUSSTRAAT 20', words)).toBe('St.-Vincentiusstraat 20');
		expect(fromCapitals('J.B. STESSENSSTRAAT 2', words)).toBe('J.B. Stessensstraat 2');
		expect(fromCapitals('ZNA MIDDELHEIM/KONINGIN PAOLA', words)).toBe(
			'ZNA Middelheim/Koningin Paola',
		);
		expect(fromCapitals('A.Z. MONICA', words)).toBe('A.Z. Monica');
		expect(fromCapitals('ALGEMEEN ZIEKENHUIS KLINA V.Z.W.', words)).toBe(
			'Algemeen Ziekenhuis Klina v.z.w.',
		);
		expect(fromCapitals('SINT-JAN-IN-EREMO', words)).toBe('Sint-Jan-in-Eremo');
		// after a Roman numeral and a hyphen, the street's kind in lower case (Dutch spelling)
		expect(fromCapitals('KONING ALBERT II-LAAN 37', words)).toBe('Koning Albert II-laan 37');
		expect(fromCapitals('LEOPOLD III-PLEIN', words)).toBe('Leopold III-plein');
		// a link word that begins the value keeps its capital
		expect(fromCapitals('DE MICK', words)).toBe('De Mick');
		// a house number with a letter, a word already in letter case, a single capital
		expect(fromCapitals('STATIONSTRAAT 22C', words)).toBe('Stationstraat 22C');
		expect(fromCapitals('HEILIG HART ZIEKENHUIS Vzw', words)).toBe('Heilig Hart Ziekenhuis Vzw');
		// a listed lower-case word that the list wrote otherwise: in lower case, unless it begins
		const vzw = { keep: [], lower: ['vzw'] };
		expect(fromCapitals('HEILIG HART ZIEKENHUIS Vzw', vzw)).toBe('Heilig Hart Ziekenhuis vzw');
		expect(fromCapitals('HEILIG HARTZIEKENHUIS Vzw.', vzw)).toBe('Heilig Hartziekenhuis vzw.');
		expect(fromCapitals('Vzw HEILIG HART', vzw)).toBe('Vzw Heilig Hart');
		// a value in ordinary letter case keeps every word (a Belgian surname's "De")
		expect(fromCapitals('Pastoor De Vosstraat 3', { keep: [], lower: ['de'] })).toBe(
			'Pastoor De Vosstraat 3',
		);
		expect(fromCapitals('Kerkstraat 1 A', words)).toBe('Kerkstraat 1 A');
		expect(fromCapitals('ANTWERPEN-6', words)).toBe('Antwerpen-6');
		// Dutch IJ, roman numerals, 's, an elided article, a kept word before a full stop
		expect(fromCapitals('IJZERLAAN 3', words)).toBe('IJzerlaan 3');
		expect(fromCapitals('KONING ALBERT II-LAAN', words)).toBe('Koning Albert II-laan');
		expect(fromCapitals("'S-GRAVENWEZEL", words)).toBe("'s-Gravenwezel");
		expect(fromCapitals("RUE D'ARRAS", { keep: [], lower: ["d'"] })).toBe("Rue d'Arras");
		expect(fromCapitals("D'IETEREN", { keep: [], lower: ["d'"] })).toBe("D'Ieteren");
		expect(fromCapitals('PZ.DUFFEL', { keep: ['PZ'], lower: [] })).toBe('PZ.Duffel');
	});

	it("the sample's GISCO hospitals: names, sites and addresses read as the rest of the map", () => {
		const config = loadAreaConfig(SAMPLE_CONFIG);
		const src = config.sources.extraPlaces[0]!;
		const listed = extraPlaces(src, 0);
		expect(listed).toHaveLength(32);
		const herentals = listed.find((p) => p.website === 'www.azherentals.be');
		expect(herentals?.name).toBe('Algemeen Ziekenhuis Herentals');
		expect(herentals?.address).toBe('Nederrij 133, 2200 Herentals');
		// GISCO's `emergency` (yes / no), as the file holds it: 19 with a department, 13 without
		expect(herentals?.emergency).toBe('yes');
		expect(listed.filter((p) => p.emergency === 'yes')).toHaveLength(19);
		expect(listed.filter((p) => p.emergency === 'no')).toHaveLength(13);
		// and those 19 are of the kind "hospital with an emergency department", as OSM's would be
		expect(listed.filter((p) => p.kind === 'emergency_department')).toHaveLength(19);
		expect(listed.filter((p) => p.kind !== '' && p.emergency !== 'yes')).toEqual([]);
		// no word of two capitals or more is left but the acronyms the config keeps and initials
		const shouting = listed.flatMap((p) =>
			`${p.name} ${p.address}`
				.split(/[\s/-]+/u)
				.filter((w) => (w.match(/\p{Lu}/gu) ?? []).length >= 2 && !/\p{Ll}/u.test(w))
				.filter((w) => !src.capitals!.keep.includes(w) && !/^(\p{Lu}\.)+$/u.test(w)),
		);
		expect(shouting).toEqual([]);
		// the sites of one hospital are told apart by their name: the seven sites of the
		// Ziekenhuisnetwerk Antwerpen, the two of AZ Turnhout
		const names = listed.map((p) => p.name);
		expect(names.filter((n) => n.startsWith('Ziekenhuisnetwerk Antwerpen – '))).toHaveLength(7);
		expect(names).toContain('Algemeen Ziekenhuis Turnhout – St. Elisabeth');
		expect(names).toContain('Algemeen Ziekenhuis Turnhout – St. Jozef');
		expect(new Set(names).size).toBe(names.length);
	});

	it("a listed site matches the OSM place that carries the site's name", () => {
		const src = loadAreaConfig(SAMPLE_CONFIG).sources.extraPlaces[0]!;
		const listed = extraPlaces(src, 0);
		const joostens = listed.find((p) => p.name === 'Ziekenhuisnetwerk Antwerpen – ZNA Joostens')!;
		// the name the hospital carries on site, on the listed point (as an OSM node would be)
		const onSite: Place = {
			...joostens,
			id: 'n1',
			name: 'ZNA Joostens',
			extra: {},
			sources: undefined,
		};
		delete onSite.otherNames;
		expect(nameSimilarity(joostens.name, onSite.name)).toBeLessThan(
			DEFAULT_MATCH.minNameSimilarity,
		);
		const places = [onSite];
		const merges = mergeListedPlaces(places, [joostens], DEFAULT_MATCH);
		expect(merges).toHaveLength(1);
		expect(merges[0]).toMatchObject({ listedId: joostens.id, osmId: 'n1', nameSimilarity: 1 });
		expect(places).toHaveLength(1);
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
