import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pointInRings } from '../../../scripts/lib/geo.ts';
import { readOsm, type OsmData } from '../../../scripts/lib/osm.ts';
import { wayPolygon } from '../../../scripts/lib/osm-geometry.ts';
import { addressOf, osmPlaces, type Place } from '../../../scripts/lib/places.ts';
import { SAMPLE_DIR } from './helpers.ts';

describe('places from the sample extract', () => {
	let osm: OsmData;
	let places: Place[];
	beforeAll(async () => {
		osm = await readOsm(path.join(SAMPLE_DIR, 'osm', 'vorselaar-lille_buffer1km.osm.pbf'));
		places = osmPlaces(osm, '2019-11-05');
	}, 60_000);

	it('puts a place mapped as a building inside its polygon', () => {
		const fromWays = places.filter((p) => p.id.startsWith('w') && p.pointFrom === 'inside');
		expect(fromWays.length).toBeGreaterThan(5);
		const ways = new Map(osm.ways.map((w) => [`w${w.id}`, w]));
		for (const p of fromWays) {
			const poly = wayPolygon(ways.get(p.id)!, osm);
			expect(poly, p.id).not.toBeNull();
			expect(pointInRings(p.lngLat[0], p.lngLat[1], poly!.coordinates), p.id).toBe(true);
		}
	});

	it('keeps the details-panel attributes of the real objects', () => {
		// Lindelo, the nursing home of Lille, is mapped as a building (SOURCES.md).
		const lindelo = places.find((p) => p.name === 'Lindelo');
		expect(lindelo?.categoryIds).toEqual(['residential_care']);
		expect(lindelo?.id).toMatch(/^[wr]\d+$/);
		const soulHorses = places.find((p) => p.name === 'SoulHorses');
		expect(soulHorses).toMatchObject({
			categoryIds: ['mental_health'],
			address: 'Oude Lillebaan 17',
			phone: '+32 475 87 34 24',
			website: 'https://www.soulhorses.be/',
			source: 'OpenStreetMap',
		});
		expect(soulHorses?.date).toMatch(/^20\d\d-\d\d-\d\d$/);
	});

	it('counts each OSM object once', () => {
		expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
	});

	it('formats addresses from addr:* tags', () => {
		expect(
			addressOf({
				'addr:street': 'Kerkplein',
				'addr:housenumber': '3',
				'addr:postcode': '2290',
				'addr:city': 'Vorselaar',
			}),
		).toBe('Kerkplein 3, 2290 Vorselaar');
		expect(addressOf({ 'addr:housenumber': '3' })).toBe('');
	});
});
