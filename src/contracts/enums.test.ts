import { describe, expect, it } from 'vitest';
import { CARE_FUNCTIONS as TAXONOMY_CARE_FUNCTIONS, CATEGORY_IDS } from './taxonomy.ts';
import { CARE_FUNCTIONS, PLACE_CATEGORIES } from './enums.ts';

// The database's enumerations equal these lists (tests/integration/data-contract.test.ts); these
// lists must carry the taxonomy's ids, so that what the pipeline and the map know can be stored.
describe('stored enumerations follow the taxonomy', () => {
	it('has every category of the taxonomy', () => {
		expect(
			CATEGORY_IDS.filter((id) => !(PLACE_CATEGORIES as readonly string[]).includes(id)),
		).toEqual([]);
	});

	it('has exactly the taxonomy care functions, in its order', () => {
		expect([...CARE_FUNCTIONS]).toEqual(TAXONOMY_CARE_FUNCTIONS.map((f) => f.id));
	});
});
