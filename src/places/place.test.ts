import { describe, expect, it } from 'vitest';
import {
	displayName,
	osmUrls,
	safeWebsite,
	sortPlaces,
	streetOf,
	telHref,
	type Place,
} from './place.ts';

const base = { source: 'OpenStreetMap', lngLat: [4.77, 51.2] as [number, number] };

describe('place helpers', () => {
	it('names an unnamed place by its category', () => {
		expect(displayName({ ...base, id: 'n1', categoryIds: ['pharmacy'] }, 'nl')).toBe('Apotheek');
		expect(displayName({ ...base, id: 'n1', categoryIds: ['pharmacy'] }, 'fr')).toBe('Pharmacie');
		expect(
			displayName(
				{ ...base, id: 'n1', name: 'Apotheek Lindekens', categoryIds: ['pharmacy'] },
				'nl',
			),
		).toBe('Apotheek Lindekens');
	});

	it('names an unnamed place by its kind and street, from its address or the nearest one', () => {
		const pharmacy = { ...base, id: 'n1', categoryIds: ['pharmacy'] };
		expect(displayName({ ...pharmacy, address: 'Kerkstraat 18, 2275 Lille' }, 'nl')).toBe(
			'Apotheek, Kerkstraat',
		);
		expect(displayName({ ...pharmacy, nearAddress: 'Dorp 16A' }, 'fr')).toBe('Pharmacie, Dorp');
		// in a category of several kinds, by its kind: a bank, not "other daily shops"
		const bank = { ...base, id: 'n2', categoryIds: ['daily_shops'], kind: 'bank' };
		expect(displayName({ ...bank, address: 'Markt 1, 2275 Lille' }, 'nl')).toBe('Bank, Markt');
		expect(displayName({ ...bank, kind: undefined }, 'en')).toBe('Other daily shops and services');
		// a stop with a bench is first a bench in the legend's order, and named as the stop it is
		const stop = {
			...base,
			id: 'n3',
			categoryIds: ['bench', 'public_transport'],
			kind: 'bus_stop',
		};
		expect(displayName({ ...stop, nearAddress: 'Dorp 69' }, 'nl')).toBe('Bushalte, Dorp');
		expect(streetOf('Sint-Jozefstraat 3 bus 2')).toBe('Sint-Jozefstraat');
		expect(streetOf('Markt')).toBe('Markt');
	});

	it('links an OSM place to its page and its editor, and nothing else', () => {
		expect(osmUrls('n252402742')).toEqual({
			view: 'https://www.openstreetmap.org/node/252402742',
			edit: 'https://www.openstreetmap.org/edit?node=252402742',
		});
		expect(osmUrls('w148953425')?.edit).toBe('https://www.openstreetmap.org/edit?way=148953425');
		expect(osmUrls('gisco:12')).toBeUndefined();
	});

	it('sorts by legend order, then name', () => {
		const places: Place[] = [
			{ ...base, id: 'n3', name: 'Bakkerij B', categoryIds: ['bakery'] },
			{ ...base, id: 'n2', name: 'Zorg', categoryIds: ['gp'] },
			{ ...base, id: 'n1', name: 'Apotheek', categoryIds: ['pharmacy'] },
			{ ...base, id: 'n4', name: 'Arts', categoryIds: ['gp'] },
		];
		expect(sortPlaces(places, 'nl').map((p) => p.id)).toEqual(['n4', 'n2', 'n1', 'n3']);
	});

	it('makes tel: links only of phone numbers', () => {
		expect(telHref('+32 14 50 12 34')).toBe('tel:+3214501234');
		expect(telHref('014/50.12.34; 0477 12 34 56')).toBe('tel:014501234');
		expect(telHref('bel ons')).toBeUndefined();
		expect(telHref(undefined)).toBeUndefined();
	});

	it('links only to http(s) websites', () => {
		expect(safeWebsite('www.vorselaar.be')).toBe('https://www.vorselaar.be/');
		expect(safeWebsite('http://lille.be/zorg')).toBe('http://lille.be/zorg');
		expect(safeWebsite('javascript:alert(1)')).toBeUndefined();
		expect(safeWebsite('data:text/html,<b>x</b>')).toBeUndefined();
	});
});
