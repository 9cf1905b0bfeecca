import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pointInRings } from '../../../scripts/lib/geo.ts';
import { readOsm, type OsmData } from '../../../scripts/lib/osm.ts';
import { wayPolygon } from '../../../scripts/lib/osm-geometry.ts';
import { SAME_FACILITY } from '../../../scripts/config/same-facility.ts';
import {
	addressOf,
	emergencyOf,
	linesOf,
	mergeSameFacility,
	osmPlaces,
	type Place,
	type PlaceOutlines,
	spacesOf,
} from '../../../scripts/lib/places.ts';
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

	it("names the lines calling at a stop, from the taxonomy's line tags, and at no other place", () => {
		// De Lijn tags its stops with route_ref:De_Lijn; both stops of Poederlee Heikant, one on
		// each side of the road, serve the same six lines (vorselaar-lille_pois.geojson)
		const heikant = places.filter((p) => p.name === 'Poederlee Heikant');
		expect(heikant).toHaveLength(2);
		for (const stop of heikant) expect(stop.lines).toBe('210;213;409;418;429;449');
		const stops = places.filter((p) => p.kind === 'bus_stop');
		expect(stops.filter((p) => p.lines !== '').length).toBe(stops.length);
		expect(places.filter((p) => !p.categoryIds.includes('public_transport') && p.lines)).toEqual(
			[],
		);
		// a key with ":*" in lineTags stands for every key with that prefix; order is natural
		expect(linesOf({ route_ref: '10;2', 'route_ref:TEC': '2;E' }, ['public_transport'])).toBe(
			'2;10;E',
		);
		expect(linesOf({ route_ref: '10' }, ['pharmacy'])).toBe('');
	});

	it("reads a hospital's emergency department from its category's tag, and no one else's", () => {
		expect(emergencyOf({ amenity: 'hospital', emergency: 'yes' }, ['hospital'])).toBe('yes');
		expect(emergencyOf({ amenity: 'hospital', emergency: 'No' }, ['hospital'])).toBe('no');
		// a defibrillator's emergency tag is no department; a value that says neither is unknown
		expect(emergencyOf({ emergency: 'defibrillator' }, ['hospital'])).toBe('');
		expect(emergencyOf({ amenity: 'pharmacy', emergency: 'yes' }, ['pharmacy'])).toBe('');
		// the sample's extract maps no hospital: no OSM place says anything of it
		expect(places.filter((p) => p.emergency !== '')).toEqual([]);
	});

	it("counts a car park's spaces for disabled people and all its spaces, where OSM counts them", () => {
		// the car park by Kerkstraat 6, Lille: capacity 13, capacity:disabled 2
		expect(places.find((p) => p.id === 'w377629763')).toMatchObject({
			categoryIds: ['accessible_parking'],
			accessibleSpaces: '2',
			totalSpaces: '13',
		});
		// one with no total
		expect(places.find((p) => p.id === 'w328549715')).toMatchObject({
			accessibleSpaces: '1',
			totalSpaces: '',
		});
		expect(
			places.filter((p) => !p.categoryIds.includes('accessible_parking') && p.accessibleSpaces),
		).toEqual([]);
		const none = { accessibleSpaces: '', totalSpaces: '' };
		expect(
			spacesOf({ 'capacity:disabled': 'yes', capacity: '12' }, ['accessible_parking']),
		).toEqual(none);
		expect(spacesOf({ 'capacity:disabled': '3', capacity: '2' }, ['accessible_parking'])).toEqual({
			accessibleSpaces: '3',
			totalSpaces: '',
		});
		expect(spacesOf({ 'capacity:disabled': '3', capacity: '9' }, ['grocery'])).toEqual(none);
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

	describe('one place per facility (scripts/config/same-facility.ts)', () => {
		let merged: Place[];
		let merges: ReturnType<typeof mergeSameFacility>;
		beforeAll(() => {
			const outlines: PlaceOutlines = new Map();
			merged = osmPlaces(osm, '2019-11-05', outlines);
			merges = mergeSameFacility(merged, outlines, SAME_FACILITY);
		});
		const byId = (id: string): Place | undefined => merged.find((p) => p.id === id);

		it('keeps the named church of Vorselaar, not the unnamed park stacked on it', () => {
			// Sint-Pieterskerk (w174989682, place_of_worship) lies in an unnamed leisure=park
			// (w468689629) whose point falls 5 m from the church's: both were meeting places.
			const before = places.filter((p) => ['w174989682', 'w468689629'].includes(p.id));
			expect(before.map((p) => [p.id, p.name, p.categoryIds])).toEqual([
				['w174989682', 'Sint-Pieterskerk', ['meeting_place']],
				['w468689629', '', ['meeting_place']],
			]);
			expect(byId('w468689629')).toBeUndefined();
			const church = byId('w174989682');
			expect(church).toMatchObject({
				name: 'Sint-Pieterskerk',
				address: 'Cardijnlaan 2, Vorselaar',
				lngLat: before[0]!.lngLat,
			});
			expect(church?.sources?.map((s) => s.id)).toEqual(['w174989682', 'w468689629']);
			const m = merges.find((x) => x.keptId === 'w174989682');
			expect(m?.merged).toEqual([
				{ id: 'w468689629', name: '', how: 'stacked', distanceM: expect.any(Number) },
			]);
			expect(m!.merged[0]!.distanceM).toBeLessThanOrEqual(SAME_FACILITY.stackedWithinM);
		});

		it('makes the library node of Gierle and its building one place, with the address', () => {
			// n5327182242 (amenity=library, no other tag) inside w242554764 (amenity=library, the
			// building with the address): neither has a name; the one with details is kept.
			expect(byId('n5327182242')).toBeUndefined();
			expect(byId('w242554764')).toMatchObject({ address: 'Singel 1, Gierle', name: '' });
		});

		it("gives the kept object a stop's lines and a hospital's emergency department it lacks", () => {
			// the Gierle library's node, as if it carried them: its building (kept) takes them, and
			// they do not change which object is kept
			const outlines: PlaceOutlines = new Map();
			const all = osmPlaces(osm, '2019-11-05', outlines);
			Object.assign(
				all.find((p) => p.id === 'n5327182242')!,
				{ emergency: 'yes', lines: '1;2' },
			);
			mergeSameFacility(all, outlines, SAME_FACILITY);
			expect(all.find((p) => p.id === 'n5327182242')).toBeUndefined();
			expect(all.find((p) => p.id === 'w242554764')).toMatchObject({
				emergency: 'yes',
				lines: '1;2',
			});
		});

		it('chains the Albert Heijn of Gierle: named node, named shop outline, unnamed building', () => {
			const ids = ['n4202350145', 'w377877885', 'w466399386'];
			expect(places.filter((p) => ids.includes(p.id)).map((p) => p.name)).toEqual([
				'Albert Heijn',
				'Albert Heijn',
				'',
			]);
			const left = merged.filter((p) => ids.includes(p.id));
			// the named outline with the address wins over the named node (more details)
			expect(left.map((p) => p.id)).toEqual(['w377877885']);
			expect(left[0]).toMatchObject({
				name: 'Albert Heijn',
				address: 'Kloosterstraat 36',
				categoryIds: ['grocery'],
			});
			expect(left[0]!.sources!.map((s) => s.id).sort()).toEqual([...ids].sort());
			const how = merges.find((x) => x.keptId === 'w377877885')!.merged;
			expect(how.find((x) => x.id === 'n4202350145')?.how).toBe('node inside outline');
		});

		it('never merges two nodes, separate categories, or two different names', () => {
			// the two platforms of a stop and benches side by side stay apart
			for (const cat of SAME_FACILITY.separateCategories) {
				const count = (ps: Place[]): number => ps.filter((p) => p.categoryIds.includes(cat)).length;
				expect(count(merged), cat).toBe(count(places));
			}
			for (const m of merges) {
				const names = new Set(
					[m.keptName, ...m.merged.map((x) => x.name)].filter(Boolean).map((n) => n.toLowerCase()),
				);
				expect(names.size, m.keptId).toBeLessThanOrEqual(1);
				expect([m.keptId, ...m.merged.map((x) => x.id)].some((id) => !id.startsWith('n'))).toBe(
					true,
				);
			}
			// the sample: 241 OSM objects make 237 places (3 merges, 4 objects merged away)
			expect(places.length - merged.length).toBe(merges.reduce((n, m) => n + m.merged.length, 0));
		});
	});
});
