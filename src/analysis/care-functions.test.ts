import { describe, expect, it } from 'vitest';
import { careFunctionsByNeighbourhood, careFunctionsOf } from './care-functions.ts';
import { categoryById } from '../contracts/taxonomy.ts';

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
		// per category, a place of two kinds in both (once each)
		expect(rows.map((r) => r.perCategory)).toEqual([{ meeting_place: 2, library: 1 }, {}, {}]);
		expect(rows[0]?.present).toEqual(['awareness_information', 'social_networks', 'valued_roles']);
		expect(rows[0]?.missing).toContain('partnerships');
		expect(rows[1]?.present).toEqual(['partnerships']);
		expect(rows[2]?.present).toEqual([]);
		expect(rows[2]?.missing).toHaveLength(8);
		for (const r of rows) expect(r.present.length + r.missing.length).toBe(8);
	});
});
