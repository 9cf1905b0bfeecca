/**
 * Settings of an area config take effect or are refused with a message that names them, and the
 * Statbel inputs (population per statistical sector, sector names, ages per neighbourhood) join
 * polygons that carry no population or only a code. On the Sassenhout fixture (real cuts of the
 * sample, tests/fixtures/PROVENANCE.md) and the sample's own Statbel files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArea } from '../../../scripts/lib/build-area.ts';
import { readSearchSource } from '../../../src/contracts/search-source.ts';
import { FIXTURE_DIR, fixtureConfig, SAMPLE_DIR } from './helpers.ts';
type Json = Record<string, unknown> & { sources: Record<string, Record<string, unknown>> };

/** The Statbel sector table of the sample (2019), as `sources.population`. */
const POPULATION = {
	path: path.join(SAMPLE_DIR, 'population', 'statbel_population_by_sector_2019.csv'),
	sectorColumn: 'CD_SECTOR',
	populationColumn: 'POPULATION',
	nameColumn: 'statsec2019_naam',
	date: '2019-01-01',
	licence: 'Statbel open data',
	attribution: 'Statbel',
};

/** Builds the Sassenhout fixture with its config edited; returns the manifest or the error. */
async function build(edit: (c: Json, dir: string) => void) {
	const { config, dir } = fixtureConfig(edit);
	return buildArea(config, { outRoot: path.join(dir, 'tiles'), silent: true });
}

const fails = async (edit: (c: Json, dir: string) => void): Promise<string> =>
	build(edit).then(
		() => {
			throw new Error('the build did not fail');
		},
		(e: Error) => e.message,
	);

describe('settings take effect or are refused, naming the setting', () => {
	it('refuses a street-name or house-number field the address points do not have', async () => {
		expect(await fails((c) => (c.sources.addresses!.streetProperty = 'STRAATNAAM'))).toMatch(
			/sources\.addresses\.streetProperty "STRAATNAAM" is not a property of any address point \(properties there: .*STRAATNM/,
		);
		expect(await fails((c) => (c.sources.addresses!.houseNumberProperty = 'NUMMER'))).toMatch(
			/sources\.addresses\.houseNumberProperty "NUMMER" is not a property/,
		);
	});

	it('uses the address municipality field, and refuses one that names no area municipality', async () => {
		expect(await fails((c) => (c.sources.addresses!.municipalityProperty = 'gemeente'))).toMatch(
			/sources\.addresses\.municipalityProperty "gemeente" is not a property/,
		);
		expect(await fails((c) => (c.sources.addresses!.municipalityProperty = 'HUISNR'))).toMatch(
			/sources\.addresses\.municipalityProperty "HUISNR": no address point has one of the area's NIS codes \(13044\)/,
		);
		// with the field, an address point of another municipality inside the polygon is no origin
		// of it; without it, every point inside the polygon is one
		const { manifest: used } = await build(() => {});
		const { manifest: unused } = await build(
			(c) => delete c.sources.addresses!.municipalityProperty,
		);
		const crab = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'addresses.geojson'), 'utf8')) as {
			features: { properties: Record<string, string> }[];
		};
		const vorselaar = crab.features.filter((f) => f.properties.nis_municipality === '13044');
		expect(used.counts.origins).toBeLessThanOrEqual(vorselaar.length);
		expect(used.counts.origins).toBe(
			unused.counts.origins - (used.counts.addressesOfOtherMunicipalities ?? -1),
		);
	}, 60_000);

	it('refuses a coverage, sectors or list property that no feature has', async () => {
		expect(await fails((c) => (c.sources.neighbourhoods!.coverageProperty = 'coverage'))).toMatch(
			/sources\.neighbourhoods\.coverageProperty "coverage" is not a property of any neighbourhood/,
		);
		expect(await fails((c) => (c.sources.neighbourhoods!.sectorsProperty = 'sectoren'))).toMatch(
			/sources\.neighbourhoods\.sectorsProperty "sectoren" is not a property/,
		);
	});

	it('refuses a config with neither a population property nor a population table', async () => {
		expect(await fails((c) => delete c.sources.neighbourhoods!.populationProperty)).toMatch(
			/sources\.neighbourhoods\.populationProperty is missing: give the property with the population, or sources\.population/,
		);
	});

	it('refuses a population table that would not be used', async () => {
		expect(
			await fails((c) => {
				c.sources.population = { ...POPULATION, neighbourhoodColumn: 'ggw72024' };
				delete c.sources.population.nameColumn;
			}),
		).toMatch(/sources\.population is given but not used/);
		expect(
			await fails((c) => (c.sources.population = { ...POPULATION, populationColumn: 'INWONERS' })),
		).toMatch(/sources\.population\.populationColumn "INWONERS" is not a column of the CSV/);
	});
});

describe('Statbel: polygons without population or name', () => {
	it('joins the population per sector by the neighbourhood code, and names the wijk by its sectors', async () => {
		const { manifest } = await build((c) => {
			delete c.sources.neighbourhoods!.populationProperty;
			c.sources.population = { ...POPULATION, neighbourhoodColumn: 'ggw72024' };
		});
		// 13044A1 = sectors 13044A10- (248) + 13044A19- (34): the polygon's own pop_2019 is 282
		expect(manifest.counts.population).toBe(282);
		expect(manifest.neighbourhoodSources['13044A1']).toMatchObject({
			population: 'sectors',
			name: 'sectors',
			sectors: ['13044A10-', '13044A19-'],
			ages: 'municipal shares',
		});
		expect(manifest.assumptions.join(' ')).toMatch(/municipality's age shares/);
	}, 60_000);

	it('joins by the sector codes the polygon lists, the same population', async () => {
		const { manifest, outDir } = await build((c) => {
			delete c.sources.neighbourhoods!.populationProperty;
			c.sources.neighbourhoods!.sectorsProperty = 'statsec2019';
			c.sources.population = { ...POPULATION };
		});
		expect(manifest.counts.population).toBe(282);
		expect(manifest.neighbourhoodSources['13044A1']?.sectors).toEqual(['13044A10-', '13044A19-']);
		// the name from the sectors "Sassenhout-Kern" and "Sassenhout-Verspr Bew", not the code
		const search = await readSearchSource(readFileSync(path.join(outDir, 'search.json.gz')));
		expect(JSON.stringify(search)).not.toMatch(/13044A1 \(Vorselaar\)/);
	}, 60_000);

	it('takes 65+/80+ from an age table per neighbourhood when the config gives one', async () => {
		// the municipality of Vorselaar as the one neighbourhood (real polygon), its population from
		// the Statbel sector table (CD_REFNIS), its ages from the Statbel age table keyed by it
		const { manifest } = await build((c, dir) => {
			const munis = JSON.parse(
				readFileSync(path.join(SAMPLE_DIR, 'boundaries', 'municipalities.geojson'), 'utf8'),
			) as { features: { properties: { nis: string } }[] };
			munis.features = munis.features.filter((f) => f.properties.nis === '13044');
			const file = path.join(dir, 'vorselaar.geojson');
			writeFileSync(file, JSON.stringify(munis));
			c.sources.neighbourhoods = {
				...c.sources.neighbourhoods,
				path: file,
				idProperty: 'nis',
				nameProperty: 'name',
				municipalityProperty: 'nis',
			};
			delete c.sources.neighbourhoods.populationProperty;
			c.sources.population = { ...POPULATION, neighbourhoodColumn: 'CD_REFNIS' };
			c.sources.neighbourhoodAges = {
				path: path.join(
					SAMPLE_DIR,
					'population',
					'statbel_population_by_age_sex_2015_municipality.csv',
				),
				keyColumn: 'CD_MUNTY_REFNIS',
				keyKind: 'neighbourhood',
				ageColumn: 'CD_AGE',
				countColumn: 'MS_POPULATION',
				date: '2015-01-01',
				licence: 'Statbel open data',
				attribution: 'Statbel',
			};
		});
		expect(manifest.counts.population).toBe(7861); // SOURCES.md: Vorselaar 2019
		const src = manifest.neighbourhoodSources['13044']!;
		expect(src.ages).toBe('neighbourhood table');
		expect(src.share65plus).toBeCloseTo(1377 / 7773, 6); // age_summary_2015_municipality.csv
		expect(manifest.counts.population65plus).toBe(Math.round((7861 * 1377) / 7773));
		expect(manifest.assumptions.join(' ')).toMatch(/each neighbourhood's own age shares/);
	}, 60_000);
});
