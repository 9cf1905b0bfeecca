import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArea } from '../../../scripts/lib/build-area.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { FIXTURE_DIR, fixtureConfig, SAMPLE_DIR } from './helpers.ts';
const OSM_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'osm');

type Json = Record<string, unknown> & { sources: Record<string, Record<string, unknown>> };

async function buildError(edit: (c: Json, dir: string) => void): Promise<string> {
	const { config, dir } = fixtureConfig(edit);
	const out = path.join(dir, 'tiles');
	try {
		await buildArea(config, { outRoot: out, silent: true });
	} catch (e) {
		// Nothing is published when a build fails.
		expect(existsSync(path.join(out, 'sassenhout'))).toBe(false);
		return (e as Error).message;
	}
	throw new Error('the build did not fail');
}

describe('pipeline errors name the file and the problem', () => {
	it('missing OSM file', async () => {
		const msg = await buildError((c) => (c.sources.osm!.path = '/nonexistent/area.osm.pbf'));
		expect(msg).toMatch(/sources\.osm\.path names a missing file: \/nonexistent\/area\.osm\.pbf/);
	});

	it('truncated pbf', async () => {
		const msg = await buildError(
			(c) => (c.sources.osm!.path = path.join(OSM_DIR, 'truncated.osm.pbf')),
		);
		expect(msg).toMatch(/truncated\.osm\.pbf: OSM PBF is truncated/);
	});

	it('corrupt pbf', async () => {
		const msg = await buildError(
			(c) => (c.sources.osm!.path = path.join(OSM_DIR, 'corrupt.osm.pbf')),
		);
		expect(msg).toMatch(/corrupt\.osm\.pbf: not a valid OSM PBF file/);
	});

	it('a file that is not a pbf at all', async () => {
		const msg = await buildError((c, dir) => {
			const f = path.join(dir, 'wrong.osm.pbf');
			writeFileSync(f, readFileSync(path.join(FIXTURE_DIR, 'neighbourhoods.geojson')));
			c.sources.osm!.path = f;
		});
		expect(msg).toMatch(/wrong\.osm\.pbf: not a valid OSM PBF file/);
	});

	it('empty (0-byte) pbf', async () => {
		const msg = await buildError((c, dir) => {
			const f = path.join(dir, 'zero.osm.pbf');
			writeFileSync(f, '');
			c.sources.osm!.path = f;
		});
		expect(msg).toMatch(/zero\.osm\.pbf: OSM extract file is empty \(0 bytes\)/);
	});

	it('empty extract', async () => {
		const msg = await buildError(
			(c) => (c.sources.osm!.path = path.join(OSM_DIR, 'empty.osm.pbf')),
		);
		expect(msg).toMatch(/empty\.osm\.pbf: OSM extract is empty/);
	});

	it('wrong CRS: Lambert 72 coordinates declared as WGS84', async () => {
		const msg = await buildError((c, dir) => {
			const fc = JSON.parse(
				readFileSync(
					path.join(SAMPLE_DIR, 'boundaries', 'wijken_ggw72024_with_pop2019_epsg31370.geojson'),
					'utf8',
				),
			);
			delete fc.crs; // a file without its crs member
			const f = path.join(dir, 'wijken.geojson');
			writeFileSync(f, JSON.stringify(fc));
			c.sources.neighbourhoods!.path = f;
			c.sources.neighbourhoods!.crs = 'EPSG:4326';
		});
		expect(msg).toMatch(
			/wijken\.geojson: neighbourhood \d+ \("\w+"\): coordinate \[.*\] is not valid in EPSG:4326: these look like projected metres.*EPSG:31370/,
		);
	});

	it('a config CRS that contradicts the file', async () => {
		const msg = await buildError((c) => {
			c.sources.neighbourhoods!.path = path.join(
				SAMPLE_DIR,
				'boundaries',
				'wijken_ggw72024_with_pop2019_epsg31370.geojson',
			);
			c.sources.neighbourhoods!.crs = 'EPSG:4326';
			c.municipalities = [
				{ nis: '13044', name: 'Vorselaar' },
				{ nis: '13019', name: 'Lille' },
			];
		});
		expect(msg).toMatch(/the config says EPSG:4326 but the file declares EPSG:31370/);
	});

	it('neighbourhoods without population', async () => {
		const msg = await buildError((c, dir) => {
			const fc = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'neighbourhoods.geojson'), 'utf8'));
			delete fc.features[0].properties.pop_2019;
			const f = path.join(dir, 'wijken.geojson');
			writeFileSync(f, JSON.stringify(fc));
			c.sources.neighbourhoods!.path = f;
		});
		expect(msg).toMatch(
			/wijken\.geojson: neighbourhood 0 \("13044A1"\) has no valid population in "pop_2019"/,
		);
	});

	it('no address inside the area', async () => {
		const msg = await buildError((c, dir) => {
			const fc = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'addresses.geojson'), 'utf8'));
			// Real CRAB points, but only those outside the wijk (e.g. in Grobbendonk).
			fc.features = fc.features.filter(
				(f: { properties: { nis_municipality: string } }) =>
					f.properties.nis_municipality !== '13044',
			);
			const f = path.join(dir, 'addresses.geojson');
			writeFileSync(f, JSON.stringify(fc));
			c.sources.addresses!.path = f;
		});
		expect(msg).toMatch(
			/addresses\.geojson: no address point lies inside the area's neighbourhoods/,
		);
	});

	it('an extra place list with a category the taxonomy does not have', async () => {
		const msg = await buildError((c) => {
			c.sources.extraPlaces = [
				{
					path: path.join(SAMPLE_DIR, 'care', 'hospitals_eurostat_gisco_2020_within25km.geojson'),
					category: 'ziekenhuis',
					nameProperty: 'hospital_name',
					date: '2020-02-01',
					licence: 'Eurostat',
					attribution: 'Eurostat/GISCO',
				},
			] as never;
		});
		expect(msg).toMatch(
			/hospitals_eurostat_gisco_2020_within25km\.geojson: category "ziekenhuis" is not in the taxonomy/,
		);
	});

	it('an unknown config field', async () => {
		const msg = await buildError((c) => (c.sources.neighbourhoods!.populationProprety = 'pop'));
		expect(msg).toMatch(/sources\.neighbourhoods\.populationProprety is not a known field/);
	});

	it('leaves the previously built area untouched when a rebuild fails', async () => {
		const good = fixtureConfig(() => {});
		const out = path.join(good.dir, 'tiles');
		await buildArea(good.config, { outRoot: out, silent: true });
		const before = readFileSync(path.join(out, 'sassenhout', 'manifest.json'));
		const c = JSON.parse(readFileSync(good.config, 'utf8')) as Json;
		c.sources.osm!.path = path.join(OSM_DIR, 'corrupt.osm.pbf');
		writeFileSync(good.config, JSON.stringify(c));
		await expect(buildArea(good.config, { outRoot: out, silent: true })).rejects.toThrow(
			/corrupt\.osm\.pbf/,
		);
		expect(readFileSync(path.join(out, 'sassenhout', 'manifest.json')).equals(before)).toBe(true);
		expect(existsSync(path.join(out, 'sassenhout', 'basemap.pmtiles'))).toBe(true);
		// No temporary folder is left behind.
		expect(readdirSync(out)).toEqual(['sassenhout']);
	});

	it('the CLI prints the message and exits 1', () => {
		const { config } = fixtureConfig(
			(c) => (c.sources.osm!.path = path.join(OSM_DIR, 'truncated.osm.pbf')),
		);
		const r = spawnSync(
			process.execPath,
			['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'build-area.ts'), config],
			{
				cwd: REPO_ROOT,
				encoding: 'utf8',
			},
		);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/build-area failed: .*truncated\.osm\.pbf: OSM PBF is truncated/);
	});
	it('sub-municipalities that belong to no municipality of the area', async () => {
		const sub = {
			path: path.join(SAMPLE_DIR, 'boundaries', 'deelgemeenten_2024_with_pop2019.geojson'),
			idProperty: 'deelgemeente2024',
			nameProperty: 'name',
			date: '2024-01-01',
			licence: 'Modellicentie Gratis Hergebruik v1.0',
			attribution: 'Provincies in Cijfers (gebiedsniveaus)',
		};
		const outside = await buildError((c) => (c.sources.subMunicipalities = { ...sub }));
		expect(outside).toMatch(
			/deelgemeenten_2024_with_pop2019\.geojson: sub-municipality 0 \("13019A"\) lies in no neighbourhood of the area; give "municipalityProperty"/,
		);
		const unlisted = await buildError(
			(c) => (c.sources.subMunicipalities = { ...sub, municipalityProperty: 'name' }),
		);
		expect(unlisted).toMatch(
			/sub-municipality 0 \("13019A"\) lies in municipality "Lille \(Dg\.\)" \(name\), which the area config does not list/,
		);
	}, 60_000);
});
