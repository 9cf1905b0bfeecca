import { describe, expect, it } from 'vitest';
import {
	careFunctionsByNeighbourhood,
	careFunctionsOf,
	NEAREST_ADDRESS_MAX_M,
	splitMissing,
} from './care-functions.ts';
import { CARE_FUNCTIONS, CATEGORIES, categoryById } from '../contracts/taxonomy.ts';

describe('care functions per neighbourhood', () => {
	it('a place serves its categories’ functions from the taxonomy, plus its own', () => {
		expect([...careFunctionsOf({ categoryIds: ['pharmacy'] })].sort()).toEqual(
			[...categoryById('pharmacy').careFunctions].sort(),
		);
		expect(careFunctionsOf({ categoryIds: ['bench'] }).size).toBe(0);
		const own = careFunctionsOf({
			categoryIds: ['bench', 'no-such-category'],
			careFunctions: ['policy_advice', 'not-a-function'],
		});
		expect([...own]).toEqual(['policy_advice']);
	});

	it('counts a place in the neighbourhood of its nearest address point, and lists what is missing', () => {
		// two neighbourhoods side by side, one address point each, and one without a neighbourhood
		const origins = {
			lngLat: [4.7, 51.2, 4.8, 51.2, 4.75, 51.3],
			neighbourhoodId: ['A', 'B', null],
		};
		const rows = careFunctionsByNeighbourhood(['A', 'B', 'C'], origins, [
			{ lngLat: [4.71, 51.2], categoryIds: ['meeting_place'] },
			{ lngLat: [4.69, 51.21], categoryIds: ['meeting_place', 'library', 'library'] },
			// nearest to the origin without a neighbourhood, but that one does not count
			{ lngLat: [4.76, 51.29], categoryIds: [], careFunctions: ['partnerships'] },
		]);
		expect(rows.map((r) => [r.neighbourhoodId, r.places])).toEqual([
			['A', 2],
			['B', 1],
			['C', 0],
		]);
		expect(rows.map((r) => r.placeIndexes)).toEqual([[0, 1], [2], []]);
		expect(rows.map((r) => r.byNearest)).toEqual([[0, 1], [2], []]);
		// per category, a place of two kinds in both (once each)
		expect(rows.map((r) => r.perCategory)).toEqual([{ meeting_place: 2, library: 1 }, {}, {}]);
		expect(rows[0]?.present).toEqual(['awareness_information', 'social_networks', 'valued_roles']);
		expect(rows[0]?.missing).toContain('partnerships');
		expect(rows[1]?.present).toEqual(['partnerships']);
		expect(rows[2]?.present).toEqual([]);
		expect(rows[2]?.missing).toHaveLength(8);
		for (const r of rows) expect(r.present.length + r.missing.length).toBe(8);
	});

	it('counts a place in the neighbourhood whose polygon holds it, by the nearest address only just outside every polygon', () => {
		// A's address point lies at its western edge, B's close to the border and at its eastern edge
		const origins = {
			lngLat: [4.7, 51.2, 4.79, 51.2, 4.8995, 51.2],
			neighbourhoodId: ['A', 'B', 'B'],
		};
		const locate = (lng: number) => (lng < 4.78 ? 'A' : lng < 4.9 ? 'B' : null);
		const places = [
			// inside A but nearer to B's address: A by polygon (B by the nearest address)
			{ lngLat: [4.77, 51.2] as const, categoryIds: ['library'] },
			{ lngLat: [4.8, 51.2] as const, categoryIds: ['pharmacy'] },
			// outside both polygons, 70 m from B's eastern address: B, by the nearest address
			{ lngLat: [4.9005, 51.2] as const, categoryIds: ['gp'] },
			// 3.5 km beyond the area: nowhere
			{ lngLat: [4.95, 51.2] as const, categoryIds: ['hospital'] },
		];
		expect(NEAREST_ADDRESS_MAX_M).toBe(100);
		const byPolygon = careFunctionsByNeighbourhood(['A', 'B'], origins, places, locate);
		expect(byPolygon.map((r) => r.placeIndexes)).toEqual([[0], [1, 2]]);
		expect(byPolygon.map((r) => r.byNearest)).toEqual([[], [2]]);
		expect(byPolygon[0]?.perCategory).toEqual({ library: 1 });
		// without polygons every place goes by the nearest address, at any distance, and says so
		const byNearest = careFunctionsByNeighbourhood(['A', 'B'], origins, places);
		expect(byNearest.map((r) => r.placeIndexes)).toEqual([[], [0, 1, 2, 3]]);
		expect(byNearest.map((r) => r.byNearest)).toEqual([[], [0, 1, 2, 3]]);
	});

	it('marks as "only through initiatives" exactly the functions no kind of place serves', () => {
		const served = new Set(CATEGORIES.flatMap((c) => c.careFunctions));
		for (const f of CARE_FUNCTIONS)
			expect(f.onlyInitiatives === true, f.id).toBe(!served.has(f.id));
		// "Partnerschappen en samenwerking" is served by local service centres and social services
		expect(CARE_FUNCTIONS.filter((f) => f.onlyInitiatives).map((f) => f.labels.nl)).toEqual([
			'Buurtanalyse',
		]);
		const all = CARE_FUNCTIONS.map((f) => f.id);
		const split = splitMissing(all);
		expect(split.onlyInitiatives).toEqual(['neighbourhood_analysis']);
		expect(split.missing).toEqual(all.slice(1));
		expect(splitMissing(['policy_advice'])).toEqual({
			missing: ['policy_advice'],
			onlyInitiatives: [],
		});
	});
});
