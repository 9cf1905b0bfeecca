/**
 * Names from Statbel sectors and age bands, on the real names and figures of the sample's Statbel
 * table (data/vorselaar-lille/population/statbel_population_by_sector_2019.csv).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAgeBand } from '../../../scripts/lib/age-structure.ts';
import {
	isCodeName,
	nameFromSectors,
	readSectorTable,
	tidyName,
} from '../../../scripts/lib/statbel.ts';
import { SAMPLE_DIR } from './helpers.ts';

const table = readSectorTable({
	path: path.join(SAMPLE_DIR, 'population', 'statbel_population_by_sector_2019.csv'),
	relativePath: 'statbel_population_by_sector_2019.csv',
	date: '2019-01-01',
	licence: 'Statbel open data',
	attribution: 'Statbel',
	sectorColumn: 'CD_SECTOR',
	populationColumn: 'POPULATION',
	neighbourhoodColumn: 'ggw72024',
	nameColumn: 'TX_DESCR_SECTOR_NL',
});
const wijk = (id: string) => table.filter((r) => r.neighbourhood === id);

describe('neighbourhood names from Statbel sector names', () => {
	it('takes the word all sectors share, else the most populous sector and "e.o."', () => {
		// TX_DESCR_SECTOR_NL is upper case in Statbel's table: tidied
		expect(nameFromSectors(wijk('13044A1'))).toBe('Sassenhout');
		expect(nameFromSectors(wijk('13044A0'))).toBe('Vorselaar-Centrum e.o.');
		expect(nameFromSectors(wijk('1301901'))).toBe('Gierle-Centrum e.o.');
		expect(nameFromSectors([])).toBeNull();
	});
	it('tidies upper-case names and spots names that are only a code', () => {
		expect(tidyName('MOLENEINDE - KLISSENHOEK')).toBe('Moleneinde - Klissenhoek');
		expect(tidyName('Lille-Centrum')).toBe('Lille-Centrum');
		expect(isCodeName('13044A0 (Vorselaar)', '13044A0')).toBe(true);
		expect(isCodeName('', '13044A0')).toBe(true);
		expect(isCodeName('Gierle (Lille)', '1301901')).toBe(false);
	});
	it('sums to the Statbel population per wijk', () => {
		expect(wijk('13044A0').reduce((s, r) => s + r.population, 0)).toBe(7576);
	});
});

describe('age values', () => {
	it('reads single years, bands and open bands', () => {
		expect(parseAgeBand('67')).toEqual([67, 67]);
		expect(parseAgeBand('65-69')).toEqual([65, 69]);
		expect(parseAgeBand('80+')).toEqual([80, Infinity]);
		expect(parseAgeBand('95 en meer')).toEqual([95, Infinity]);
		expect(parseAgeBand('oud')).toBeNull();
	});
});
