import { beforeAll, describe, expect, it } from 'vitest';
import { sampleSearchSource } from '../../tests/helpers/sample-search.ts';
import type { SearchSourceV2, SourceLocality } from '../contracts/search-source.ts';
import { placesOf } from './area-data.ts';
import { helpLinesFor, repositoryHelpLines } from './help-lines.ts';
import { addressWithLocality, areaSearchRecords, helpLineRecords } from './search-records.ts';

let source: SearchSourceV2;
/** A locality of the sample by its kind and name. */
const locality = (kind: SourceLocality['kind'], name: string): SourceLocality => {
	const found = source.localities.find((l) => l.kind === kind && l.name === name);
	if (!found) throw new Error(`no ${kind} ${name} in the sample`);
	return found;
};

beforeAll(async () => {
	source = await sampleSearchSource();
});

describe('addressWithLocality', () => {
	// the sample's localities: municipalities Lille and Vorselaar, Lille's sub-municipalities
	const lille = () => [locality('municipality', 'Lille'), locality('submunicipality', 'Lille')];
	const gierle = () => [locality('municipality', 'Lille'), locality('submunicipality', 'Gierle')];
	const wechelderzande = () => [
		locality('municipality', 'Lille'),
		locality('submunicipality', 'Wechelderzande'),
	];

	it.each([
		// no town written: the place's own sub-municipality added
		['Kerkstraat 22B', lille, 'Kerkstraat 22B, 2275 Lille'],
		// a town written by name, with or without its postcode: written once, as a locality is
		['Kerkstraat 1, Lille', lille, 'Kerkstraat 1, 2275 Lille'],
		['Singel, Gierle', gierle, 'Singel, 2275 Gierle'],
		['Kerkepad 35, 2275 Wechelderzande', wechelderzande, 'Kerkepad 35, 2275 Wechelderzande'],
		['Dorp 16, 2275 poederlee', () => [locality('submunicipality', 'Poederlee')], '2275 Poederlee'],
		// the municipality named where the place lies in one of its sub-municipalities: kept
		['Pulsebaan 144, 2275 Lille', wechelderzande, 'Pulsebaan 144, 2275 Lille'],
		// the postcode alone: the place's locality
		['Tulpenlaan 1, 2275', wechelderzande, 'Tulpenlaan 1, 2275 Wechelderzande'],
	])('"%s" → the town once', (address, own, expected) => {
		expect(addressWithLocality(address, own())).toContain(expected);
		expect(addressWithLocality(address, own()).match(/2275/g)).toHaveLength(1);
	});

	it('keeps an address that names another town, and one of a place outside every locality', () => {
		expect(addressWithLocality('Nederrij 133, 2200 Herentals', lille())).toBe(
			'Nederrij 133, 2200 Herentals',
		);
		// a town named with a postcode that is not its own: not taken for it
		expect(addressWithLocality('Kerkstraat 1, 2290 Lille', lille())).toBe(
			'Kerkstraat 1, 2290 Lille',
		);
		expect(addressWithLocality('Nederrij 133', [])).toBe('Nederrij 133');
		expect(addressWithLocality('Nederrij 133', [undefined])).toBe('Nederrij 133');
	});
});

describe("the sample's places, as the app and the search show them", () => {
	it('name their town in every address, once', () => {
		const places = placesOf(source.places, source.localities);
		let checked = 0;
		source.places.forEach((p, i) => {
			if (p.localities.length === 0) return;
			const shown = places[i]!.address ?? places[i]!.nearAddress;
			if (!shown) return;
			const own = source.localities[p.localities.at(-1)!]!;
			// the place's locality, or the municipality the data's address names
			const towns = p.localities.map((k) => source.localities[k]!.name);
			expect(
				towns.some((t) => shown.endsWith(`, ${own.postcodes[0]} ${t}`)),
				`${p.id}: ${shown}`,
			).toBe(true);
			expect(shown.split(own.postcodes[0]!).length, `${p.id}: ${shown}`).toBe(2);
			checked++;
		});
		// the sample has places with an address of their own and with the nearest one only
		expect(checked).toBeGreaterThan(100);
	});

	it('say their town once in the search\'s detail (Lille\'s Sint-Pieterskerk: "Kerkstraat 1, Lille" in OSM)', () => {
		const records = areaSearchRecords(source, 'nl');
		const church = source.places.find(
			(p) => p.name === 'Sint-Pieterskerk' && p.address === 'Kerkstraat 1, Lille',
		);
		expect(church, 'the sample holds it').toBeDefined();
		const record = records.find((r) => r.id === church!.id)!;
		expect(record.detail).toBe('Ontmoetingsplaats · Kerkstraat 1, 2275 Lille');
		for (const r of records) {
			if (r.kind !== 'place' || !r.detail) continue;
			for (const l of source.localities) {
				const text = `${l.postcodes[0]} ${l.name}`;
				expect(r.detail.split(text).length, `${r.id}: ${r.detail}`).toBeLessThanOrEqual(2);
			}
		}
	});
});

describe('help lines in the search', () => {
	it('the lines of the area’s municipalities, their region and Belgium, each in its municipality', () => {
		const ids = (localities: SourceLocality[]) =>
			helpLineRecords(
				helpLinesFor(
					repositoryHelpLines(),
					localities.map((l) => l.nis),
				),
				localities,
				'nl',
			).map((r) => [r.id, r.localities]);
		// Lille alone: no line of Vorselaar
		expect(ids([locality('municipality', 'Lille')])).toEqual([
			['tele-onthaal', undefined],
			['1733', undefined],
			['112', undefined],
		]);
		// both: Vorselaar's lines lie in Vorselaar
		const vorselaar = locality('municipality', 'Vorselaar');
		expect(ids(source.localities).filter(([, l]) => l)).toEqual([
			['ocmw-vorselaar', [vorselaar.id]],
			['gemeentehuis-vorselaar', [vorselaar.id]],
		]);
		const [line] = helpLineRecords(
			helpLinesFor(repositoryHelpLines(), [vorselaar.nis]),
			[vorselaar],
			'fr',
		);
		expect(line).toMatchObject({ kind: 'line', label: 'CPAS de Vorselaar' });
		expect(line!.detail).toMatch(/^Appeler le 014 50 00 21 · Le service social/);
		expect(line!.keywords).toEqual(expect.arrayContaining(['OCMW Vorselaar', '014500021']));
	});
});
