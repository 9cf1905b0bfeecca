import { beforeAll, describe, expect, it } from 'vitest';
import { distanceM } from '../analysis/geo.ts';
import { REAL_QUERIES, withTypo } from '../../scripts/bench/search.ts';
import { sampleSearchSource } from '../../tests/helpers/sample-search.ts';
import {
	SearchIndex,
	normalise,
	withinEdits,
	type SearchRecord,
	type SearchResult,
} from './search-index.ts';
import { helpLinesFor, repositoryHelpLines } from './help-lines.ts';
import { areaSearchRecords, municipalitiesOf, searchLocalities } from './search-records.ts';
import type { SearchSourceV2 } from '../contracts/search-source.ts';

describe('normalise and withinEdits', () => {
	it('folds accents, case and punctuation', () => {
		expect(normalise('  Médecin-Généraliste! ')).toBe('medecin generaliste');
		expect(normalise('Markt 10, 2290 Vorselaar')).toBe('markt 10 2290 vorselaar');
	});
	it('counts a swap of two neighbours as one edit', () => {
		expect(withinEdits('doketr', 'dokter', 1)).toBe(true);
		expect(withinEdits('dokert', 'dokter', 1)).toBe(false);
		expect(withinEdits('makrt', 'markt', 1)).toBe(true);
		expect(withinEdits('kapper', 'kapel', 1)).toBe(false);
		expect(withinEdits('thuisverpleging', 'thuisverplging', 1)).toBe(true);
		expect(withinEdits('abc', 'xyz', 2)).toBe(false);
	});
});

describe('SearchIndex on the sample area (the real pipeline output)', () => {
	let source: SearchSourceV2;
	let index: SearchIndex;
	const first = (r: SearchResult) => r.groups[0]?.hits[0]?.record;
	const isEmpty = (r: SearchResult) => r.groups.length === 0 && !r.kindPlaces;

	beforeAll(async () => {
		source = await sampleSearchSource();
		// as the search worker builds it: with the help lines that answer in the area
		const lines = helpLinesFor(repositoryHelpLines(), municipalitiesOf(source));
		index = new SearchIndex(areaSearchRecords(source, 'nl', lines), searchLocalities(source));
	}, 120_000);

	/**
	 * Real CRAB addresses of the sample (2021-10-26), typed as residents type them: any order,
	 * with or without commas, lower case, postcode, sub-municipality, a typo or a shortened street.
	 * The exact address comes first, labelled as CRAB labels it, in the right locality.
	 */
	it.each([
		['Markt 10 Vorselaar', 'Markt 10', '2290 Vorselaar'],
		['markt 10, vorselaar', 'Markt 10', '2290 Vorselaar'],
		['Vorselaar, Markt 10', 'Markt 10', '2290 Vorselaar'],
		['markt 10 2290', 'Markt 10', '2290 Vorselaar'],
		['2290 Vorselaar Markt 10', 'Markt 10', '2290 Vorselaar'],
		['Markt 10', 'Markt 10', '2290 Vorselaar'],
		['kerkstraat 18 vorselaar', 'Kerkstraat 18-20', '2290 Vorselaar'],
		['Kerkstraat 20, Vorselaar', 'Kerkstraat 18-20', '2290 Vorselaar'],
		['kerkstraat 5 vorselaar', 'Kerkstraat 5', '2290 Vorselaar'],
		['kerkstraat 4 lille', 'Kerkstraat 4', '2275 Lille'],
		['Kerkstraat 4, 2290', 'Kerkstraat 4', '2290 Vorselaar'],
		['dorp 16 poederlee', 'Dorp 16', '2275 Poederlee'],
		['Dorp 16, 2275 Poederlee', 'Dorp 16', '2275 Poederlee'],
		['poederlee dorp 16', 'Dorp 16', '2275 Poederlee'],
		['dorp 16 lille', 'Dorp 16', '2275 Poederlee'],
		['Beek 37C Lille', 'Beek 37C', '2275 Lille'],
		['beek 37 c', 'Beek 37C', '2275 Lille'],
		[
			'gebroeders de winterstraat 2 wechelderzande',
			'Gebroeders De Winterstraat 2',
			'2275 Wechelderzande',
		],
		['Kan. J. Peetersstraat 5 Gierle', 'Kan. J. Peetersstraat 5', '2275 Gierle'],
		['kerkstrat 5 vorselaar', 'Kerkstraat 5', '2290 Vorselaar'],
		['kerkstr 5 vorselaar', 'Kerkstraat 5', '2290 Vorselaar'],
		['lilsesteenweg 2a poederlee', 'Lilsesteenweg 2A', '2275 Poederlee'],
	])('"%s" → %s, %s first', (query, label, locality) => {
		const result = index.search(query);
		expect(result.groups[0]?.kind).toBe('address');
		expect(first(result)).toMatchObject({ kind: 'address', label, detail: locality });
	});

	it('reads street, house number and locality apart', () => {
		expect(index.search('Dorp 16, 2275 Poederlee').reading).toEqual({
			words: ['dorp'],
			numbers: ['16'],
			localities: ['Poederlee'],
			postcodes: ['2275'],
		});
	});

	it('offers the street for a house number it does not hold, and says the number was not found', () => {
		// a reviewer typed "Kerkstraat 999 Vorselaar" and was offered the street alone, unexplained
		const r = index.search('Kerkstraat 999 Vorselaar');
		expect(r.groups.find((g) => g.kind === 'address')).toBeUndefined();
		expect(r.groups.find((g) => g.kind === 'street')!.hits[0]!.record.label).toBe('Kerkstraat');
		expect(r.numbersNotFound).toEqual(['999']);
		// a number the street holds: no such note
		expect(index.search('Kerkstraat 5 Vorselaar').numbersNotFound).toBeUndefined();
		// no street named: nothing to say of the number
		expect(index.search('apotheek 999').numbersNotFound).toBeUndefined();
	});

	it('gives both streets of the same name when no locality is typed, and only one with it', () => {
		const both = index.search('kerkstraat 4').groups[0]!;
		expect(
			both.hits
				.filter((h) => h.record.label === 'Kerkstraat 4')
				.map((h) => h.record.detail)
				.sort(),
		).toEqual(['2275 Lille', '2290 Vorselaar']);
		const one = index.search('kerkstraat 4 vorselaar').groups.find((g) => g.kind === 'address')!;
		expect(one.hits.map((h) => h.record.detail)).toEqual(['2290 Vorselaar']);
	});

	it('"dokter" shows the kind and every GP of the area under it', () => {
		const result = index.search('dokter');
		const gps = source.places.filter((p) => p.categoryIds.includes('gp'));
		expect(result.kindPlaces?.category.id).toBe('gp');
		expect(result.kindPlaces?.total).toBe(gps.length);
		expect(result.kindPlaces?.hits.map((h) => h.record.id).sort()).toEqual(
			gps.map((p) => p.id).sort(),
		);
	});

	it('takes British "chemist" for a pharmacy, and a drugstore for a shop', () => {
		const en = new SearchIndex(areaSearchRecords(source, 'en'), searchLocalities(source));
		expect(first(en.search('chemist'))?.id).toBe('pharmacy');
		expect(en.search('chemist').groups[0]?.hits.map((h) => h.record.id)).not.toContain(
			'daily_shops',
		);
		expect(first(en.search('drugstore'))?.id).toBe('daily_shops');
	});

	it('tells places of one kind apart: a place without a name says where it is, in every language', () => {
		const places = source.places.filter((p) => !p.name && !p.address && p.nearAddress);
		expect(places.length).toBeGreaterThan(0);
		const near = { nl: 'bij', fr: 'près de', en: 'near' } as const;
		for (const lang of ['nl', 'fr', 'en'] as const) {
			const records = new Map(areaSearchRecords(source, lang).map((r) => [r.id, r]));
			for (const p of places) {
				expect(records.get(p.id)?.detail).toContain(`${near[lang]} ${p.nearAddress}`);
			}
			// two places with the same label and kind but different (nearest) addresses never
			// read the same in the list (before: two GPs both shown as a bare "Huisarts")
			const byLabel = new Map<string, Map<string, string>>();
			for (const p of source.places) {
				const r = records.get(p.id)!;
				const key = `${p.categoryIds[0]}|${r.label}`;
				const where = p.address ?? p.nearAddress ?? '';
				const m = byLabel.get(key) ?? new Map<string, string>();
				byLabel.set(key, m);
				for (const [otherWhere, otherDetail] of m) {
					if (otherWhere !== where)
						expect(r.detail, `${key}: ${where} / ${otherWhere}`).not.toBe(otherDetail);
				}
				m.set(where, r.detail ?? '');
			}
		}
	});

	it('"bank" finds banks as well as benches', () => {
		const result = index.search('bank');
		expect(result.kindPlaces?.category.id).toBe('bench');
		const banks = source.places.filter((p) => p.kind === 'bank').map((p) => p.id);
		expect(banks.length).toBeGreaterThanOrEqual(5);
		const places = result.groups.find((g) => g.kind === 'place')!.hits.map((h) => h.record.id);
		for (const id of banks) expect(places).toContain(id);
	});

	it('"ziekenhuis" puts the nearest hospital first, from the area or from the origin', () => {
		const hospitals = source.places.filter((p) => p.categoryIds.includes('hospital'));
		const dist = (a: readonly [number, number], b: readonly [number, number]) =>
			distanceM(a[0], a[1], b[0], b[1]);
		const nearestTo = (at: readonly [number, number]) =>
			[...hospitals].sort((a, b) => dist(a.lngLat, at) - dist(b.lngLat, at))[0]!;
		const result = index.search('ziekenhuis');
		expect(result.kindPlaces?.total).toBe(hospitals.length);
		expect(result.kindPlaces?.hits[0]?.record.id).toBe(nearestTo(index.centre).id);
		// The general hospital of Herentals, 1.4 km beyond the area (SOURCES.md), is that one.
		expect(result.kindPlaces?.hits[0]?.record.label).toBe('Algemeen Ziekenhuis Herentals');
		expect(result.kindPlaces?.hits[0]?.record.detail).toMatch(/^Ziekenhuis met spoeddienst · /);
		const origin = source.places.find((p) => p.name === 'Lindelo')!.lngLat;
		const first = index.search('ziekenhuis', { near: origin }).kindPlaces?.hits[0];
		expect(first?.record.id).toBe(nearestTo(origin).id);
		// Measured as the one geodesy module measures it (WGS84), within a metre over kilometres.
		expect(first?.distanceM).toBeCloseTo(dist(nearestTo(origin).lngLat, origin), -0.5);
	});

	it('"spoed" finds the hospitals with an emergency department, and no other, nearest first', () => {
		const withDepartment = source.places.filter((p) => p.kind === 'emergency_department');
		// every hospital the data say has one (GISCO's list: 19 of 32), and no other place
		expect(withDepartment.map((p) => p.id).sort()).toEqual(
			source.places
				.filter((p) => p.emergency === 'yes')
				.map((p) => p.id)
				.sort(),
		);
		expect(withDepartment.length).toBeGreaterThan(0);
		for (const query of ['spoed', 'spoedgevallen']) {
			const result = index.search(query);
			expect(result.kindPlaces, query).toBeUndefined();
			const places = result.groups.find((g) => g.kind === 'place')!;
			expect(places.total, query).toBe(withDepartment.length);
			expect(places.hits[0]?.record.detail).toMatch(/^Ziekenhuis met spoeddienst · /);
			const away = places.hits.map((h) => distanceM(...h.record.lngLat!, ...index.centre));
			expect(away, query).toEqual([...away].sort((a, b) => a - b));
		}
		// "ziekenhuis" still opens every hospital
		expect(index.search('ziekenhuis').kindPlaces?.total).toBe(
			source.places.filter((p) => p.categoryIds.includes('hospital')).length,
		);
	});

	it('shows every place of a kind: the supermarket beyond the first six is there', () => {
		const result = index.search('supermarkt');
		const groceries = source.places.filter((p) => p.categoryIds.includes('grocery'));
		expect(result.kindPlaces?.total).toBe(groceries.length);
		expect(result.kindPlaces!.total).toBeGreaterThan(6);
		expect(result.kindPlaces?.hits.map((h) => h.record.label)).toContain('GB Vorselaar');
	});

	it('a short word that only matches through a typo gives nothing, not unrelated places', () => {
		for (const query of ['kapper', 'seul']) expect(isEmpty(index.search(query)), query).toBe(true);
		// "eten" and "courses" name the grocery kind (a synonym word as typed): that kind only.
		for (const query of ['eten', 'courses']) {
			const result = index.search(query);
			expect(
				result.groups.map((g) => g.kind),
				query,
			).toEqual(['category']);
			expect(result.kindPlaces?.category.id, query).toBe('grocery');
		}
	});

	it('answers every real query, with and without a typo', () => {
		const queries = [...REAL_QUERIES, ...REAL_QUERIES.map(withTypo)];
		expect(queries.filter((q) => isEmpty(index.search(q)))).toEqual([]);
	});

	it('finds a kind despite a typo and keeps kinds first', () => {
		expect(index.search('apoteek').kindPlaces?.category.id).toBe('pharmacy');
		expect(index.search('huisarst').kindPlaces?.category.id).toBe('gp');
		// Three kinds share this phrase; the one with places in the area comes first.
		expect(index.search('iemand om mee te praten').groups[0]?.hits[0]?.record.id).toBe(
			'meeting_place',
		);
	});

	it('finds what an older resident types: the doctor on call, someone to talk to (nl, fr, en)', () => {
		const fr = new SearchIndex(areaSearchRecords(source, 'fr'), searchLocalities(source));
		const en = new SearchIndex(areaSearchRecords(source, 'en'), searchLocalities(source));
		const onCall = {
			nl: ['huisarts van wacht', 'dokter van wacht', 'wachtdienst', 'huisartsenwachtpost'],
			fr: ['médecin de garde', 'garde médicale'],
			en: ['doctor on call', 'on-call doctor'],
		};
		for (const [lang, at] of [
			['nl', index],
			['fr', fr],
			['en', en],
		] as const)
			for (const query of onCall[lang]) {
				const result = at.search(query);
				expect(result.kindPlaces?.category.id, query).toBe('gp');
				expect(result.kindPlaces!.total, query).toBeGreaterThan(0);
			}
		expect(index.search('apotheek van wacht').kindPlaces?.category.id).toBe('pharmacy');
		// Talking to someone: the kind with places in the area (meeting places) first, in every
		// language, and its places open at once (French gave a kind with no place, English none).
		for (const [query, at] of [
			['iemand om mee te praten', index],
			['quelqu’un à qui parler', fr],
			['someone to talk to', en],
		] as const) {
			const result = at.search(query);
			expect(result.groups[0]?.hits[0]?.record.id, query).toBe('meeting_place');
			expect(result.kindPlaces?.category.id, query).toBe('meeting_place');
			expect(result.kindPlaces!.total, query).toBeGreaterThan(0);
		}
	});

	it('finds a help line by its number and its name, and Vorselaar’s lines only in Vorselaar', () => {
		const lines = (r: SearchResult) =>
			r.groups.find((g) => g.kind === 'line')?.hits.map((h) => h.record.id) ?? [];
		const byNumber = index.search('1733');
		expect(byNumber.groups.map((g) => g.kind)).toEqual(['line']);
		expect(lines(byNumber)).toEqual(['1733']);
		expect(byNumber.groups[0]!.hits[0]!.record.detail).toMatch(/^Bel 1733 · Niet-dringende/);
		// the line and the kind of help: both answer "huisarts van wacht"
		const byName = index.search('huisarts van wacht');
		expect(lines(byName)).toEqual(['1733']);
		expect(byName.kindPlaces?.category.id).toBe('gp');
		// and in the words residents use for it (help-lines.json `words`)
		expect(lines(index.search('dokter van wacht'))).toEqual(['1733']);
		expect(lines(index.search('iemand om mee te praten'))).toEqual(['tele-onthaal']);
		// a municipality's number typed without its spaces
		expect(lines(index.search('014500021'))).toEqual(['ocmw-vorselaar']);
		// "gemeentehuis lille": Lille's town hall, not Vorselaar's line
		expect(lines(index.search('gemeentehuis lille'))).toEqual([]);
		expect(lines(index.search('gemeentehuis vorselaar'))).toEqual(['gemeentehuis-vorselaar']);
	});

	it('narrows a kind to the municipality typed after it', () => {
		const result = index.search('apotheek lille');
		expect(result.kindPlaces?.category.id).toBe('pharmacy');
		const lille = source.localities.findIndex(
			(l) => l.kind === 'municipality' && l.name === 'Lille',
		);
		const inLille = source.places.filter(
			(p) => p.categoryIds.includes('pharmacy') && p.localities.includes(lille),
		);
		expect(result.kindPlaces?.hits.map((h) => h.record.id).sort()).toEqual(
			inLille.map((p) => p.id).sort(),
		);
	});

	it('answers in French with the French labels, from synonyms in any language', () => {
		const fr = new SearchIndex(areaSearchRecords(source, 'fr'), searchLocalities(source));
		expect(fr.search('médecin').kindPlaces?.category.label).toBe('Médecin généraliste');
		expect(fr.search('dokter').kindPlaces?.category.label).toBe('Médecin généraliste');
	});

	it('answers nothing for an empty query or noise', () => {
		expect(isEmpty(index.search(''))).toBe(true);
		expect(isEmpty(index.search('   '))).toBe(true);
		expect(isEmpty(index.search('zzqxw'))).toBe(true);
	});

	it('says a house number is not found only of streets whose addresses it holds', () => {
		const street = (id: string, label: string): SearchRecord => ({
			id,
			kind: 'street',
			label,
			keywords: [],
			lngLat: [4.77, 51.2],
		});
		const index = new SearchIndex([
			street('s1', 'Dorp'),
			{
				id: 's1/1',
				kind: 'address',
				label: 'Dorp 1',
				keywords: [],
				street: 's1',
				houseNumber: '1',
			},
			// a street with no address in the index: nothing can be said of its numbers
			street('s2', 'Markt'),
		]);
		expect(index.search('Dorp 7').numbersNotFound).toEqual(['7']);
		expect(index.search('Dorp 1').numbersNotFound).toBeUndefined();
		expect(index.search('Markt 5').numbersNotFound).toBeUndefined();
	});

	it('rejects records without id or label, and addresses of unknown streets', () => {
		expect(() => new SearchIndex([{ id: 'x' } as unknown as SearchRecord])).toThrow(/record 0/);
		expect(
			() =>
				new SearchIndex([
					{
						id: 's9/1',
						kind: 'address',
						label: 'X 1',
						keywords: [],
						street: 's9',
						houseNumber: '1',
					},
				]),
		).toThrow(/unknown street s9/);
	});
});
