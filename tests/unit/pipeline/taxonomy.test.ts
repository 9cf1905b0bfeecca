import { describe, expect, it } from 'vitest';
import {
	ANALYSIS_STARTS,
	CARE_FUNCTIONS,
	CATEGORIES,
	CATEGORY_GROUPS,
	CATEGORY_IDS,
	categoryById,
	checkAnalysisStarts,
	matchCategories,
	ruleMatches,
} from '../../../src/contracts/taxonomy.ts';
import { COVERAGE_START, FIXES_START, fixNormOf } from '../../../src/state/modes.ts';

describe('taxonomy', () => {
	it('has every category DESIGN.md names, each once', () => {
		expect(new Set(CATEGORY_IDS).size).toBe(CATEGORY_IDS.length);
		for (const id of [
			'gp',
			'pharmacy',
			'home_care',
			'dentist',
			'physiotherapist',
			'hospital',
			'local_service_centre',
			'residential_care',
			'social_services',
			'mental_health',
			'childcare',
			'grocery',
			'bakery',
			'daily_shops',
			'meeting_place',
			'bench',
			'toilets',
			'public_transport',
			'accessible_parking',
			'town_hall',
			'neighbour_help',
			'informal_care_support',
			'volunteer_visiting',
			'village_service',
		]) {
			expect(CATEGORY_IDS).toContain(id);
		}
	});

	it('gives every category labels and synonyms in nl/fr/en, an icon, a colour, rules and a norm', () => {
		const careIds = new Set(CARE_FUNCTIONS.map((f) => f.id));
		for (const c of CATEGORIES) {
			for (const lang of ['nl', 'fr', 'en'] as const) {
				expect(c.labels[lang].trim(), `${c.id} ${lang}`).not.toBe('');
				expect(c.synonyms[lang].length, `${c.id} synonyms ${lang}`).toBeGreaterThan(0);
			}
			expect(c.icon).toMatch(/^[a-z][a-z-]*$/);
			expect(c.colour).toMatch(/^#[0-9a-f]{6}$/);
			// Informal initiatives are never mapped in OSM: only coordinators add them.
			if (c.group === 'informal') expect(c.tagRules, c.id).toEqual([]);
			else expect(c.tagRules.length, c.id).toBeGreaterThan(0);
			expect(c.defaultNormM).toBeGreaterThan(0);
			expect(CATEGORY_GROUPS[c.group]).toBeDefined();
			for (const f of c.careFunctions) expect(careIds.has(f)).toBe(true);
		}
		expect(CARE_FUNCTIONS).toHaveLength(8);
	});

	it("lists a few basic kinds of help first in the gap analysis, the toolbar's analysis among them", () => {
		const first = CATEGORIES.filter((c) => c.coverageFirst).map((c) => c.id);
		// a phone's sheet shows them without scrolling far; the rest wait behind "more kinds of help"
		expect(first.length).toBeGreaterThanOrEqual(4);
		expect(first.length).toBeLessThanOrEqual(8);
		// DESIGN.md's basket of basic services (GP, pharmacy, grocery, bakery), the local service
		// centre and meeting places
		expect(first).toEqual(
			expect.arrayContaining(['gp', 'pharmacy', 'grocery', 'bakery', 'local_service_centre']),
		);
		for (const id of COVERAGE_START.categoryIds) expect(first, id).toContain(id);
	});

	it('starts the analyses from the taxonomy, not from code: the kinds, the one shown first, the fixes kind', () => {
		expect(COVERAGE_START.categoryIds).toEqual(ANALYSIS_STARTS.coverage.categoryIds);
		expect(COVERAGE_START.categoryId).toBe(ANALYSIS_STARTS.coverage.shown);
		expect(FIXES_START.categoryId).toBe(ANALYSIS_STARTS.fixes);
		expect(FIXES_START.normM).toBe(fixNormOf(ANALYSIS_STARTS.fixes));
		// the sample's figures rest on these: basic care and meeting places, the GP first
		expect(ANALYSIS_STARTS.coverage).toEqual({
			categoryIds: ['gp', 'pharmacy', 'grocery', 'meeting_place'],
			shown: 'gp',
		});
		expect(ANALYSIS_STARTS.fixes).toBe('pharmacy');
	});

	it('refuses analysis starts with an unknown, doubled or unstarted kind, naming it', () => {
		const starts =
			(categoryIds: string[], shown: string, fixes = 'pharmacy') =>
			() =>
				checkAnalysisStarts({ coverage: { categoryIds, shown }, fixes }, CATEGORIES);
		expect(starts(['gp', 'pharmacy'], 'gp')()).toEqual({
			coverage: { categoryIds: ['gp', 'pharmacy'], shown: 'gp' },
			fixes: 'pharmacy',
		});
		expect(starts(['gp', 'apotheek'], 'gp')).toThrow(
			/^analysis starts: unknown category "apotheek" \(known: gp, pharmacy, /,
		);
		expect(starts(['gp', 'apotheek', 'bakker'], 'bakker', 'huisarts')).toThrow(
			/unknown categories "apotheek", "bakker", "huisarts" \(known: /,
		);
		expect(starts([], 'gp')).toThrow(/at least one kind of help/);
		expect(starts(['gp', 'bakery', 'gp'], 'gp')).toThrow(/lists "gp" twice/);
		expect(starts(['gp', 'bakery'], 'pharmacy')).toThrow(
			/shows "pharmacy" first, but does not start with it \(gp, bakery\)/,
		);
		// checked against the categories given: a taxonomy without the GP refuses a start with it
		expect(() =>
			checkAnalysisStarts(
				{ coverage: { categoryIds: ['gp'], shown: 'gp' }, fixes: 'gp' },
				CATEGORIES.filter((c) => c.id !== 'gp'),
			),
		).toThrow(/unknown category "gp"/);
	});

	it('matches OSM tags the way the OSM wiki defines them', () => {
		expect(matchCategories({ amenity: 'pharmacy' })).toEqual(['pharmacy']);
		expect(matchCategories({ amenity: 'doctors', healthcare: 'doctor' })).toEqual(['gp']);
		expect(matchCategories({ shop: 'supermarket', name: 'Delhaize' })).toEqual(['grocery']);
		expect(matchCategories({ amenity: 'nursing_home', name: 'Lindelo' })).toEqual([
			'residential_care',
		]);
		expect(matchCategories({ highway: 'bus_stop', bench: 'yes' })).toEqual([
			'bench',
			'public_transport',
		]);
		expect(matchCategories({ highway: 'bus_stop' })).toEqual(['public_transport']);
		expect(matchCategories({ leisure: 'park' })).toEqual(['meeting_place']);
		expect(matchCategories({ amenity: 'parking', 'capacity:disabled': '2' })).toEqual([
			'accessible_parking',
		]);
		expect(matchCategories({ amenity: 'parking', 'capacity:disabled': 'no' })).toEqual([]);
		expect(matchCategories({ amenity: 'restaurant' })).toEqual([]);
		expect(matchCategories({ 'disused:amenity': 'pharmacy' })).toEqual([]);
	});

	it('keeps specialists out of the GP category and puts psychotherapists under mental health', () => {
		// A real object of the sample (SoulHorses, Lille): amenity=doctors + a psychotherapy speciality.
		const tags = {
			amenity: 'doctors',
			'healthcare:speciality': 'psychotherapist',
			office: 'physician',
			social_facility: 'outreach',
		};
		expect(matchCategories(tags)).toEqual(['mental_health']);
		expect(matchCategories({ amenity: 'doctors', 'healthcare:speciality': 'general' })).toEqual([
			'gp',
		]);
	});

	it('skips private objects and reads multi-valued tags', () => {
		expect(matchCategories({ amenity: 'toilets', access: 'private' })).toEqual([]);
		expect(matchCategories({ amenity: 'toilets', access: 'customers' })).toEqual(['toilets']);
		expect(ruleMatches({ shop: ['bakery', 'pastry'] }, { shop: 'pastry;bakery' })).toBe(true);
		expect(
			ruleMatches({ amenity: 'doctors', 'healthcare:speciality': null }, { amenity: 'doctors' }),
		).toBe(true);
	});

	it('recognises local service centres and social services by name where OSM has no tag', () => {
		expect(
			matchCategories({ amenity: 'community_centre', name: 'Lokaal Dienstencentrum De Schakel' }),
		).toEqual(['local_service_centre', 'meeting_place']);
		expect(matchCategories({ amenity: 'townhall', name: 'OCMW Lille' })).toEqual([
			'social_services',
			'town_hall',
		]);
		// Real objects of the sample: the town hall of Lille and Vorselaar's OCMW (a public building).
		expect(matchCategories({ amenity: 'townhall', name: 'Gemeentehuis Lille' })).toEqual([
			'town_hall',
		]);
		expect(matchCategories({ amenity: 'public_building', name: 'OCMW' })).toEqual([
			'social_services',
		]);
		expect(matchCategories({ amenity: 'public_building', name: 'Hof D’Intere' })).toEqual([]);
		expect(matchCategories({ office: 'association', name: 'CAW De Kempen' })).toEqual([
			'social_services',
		]);
		// Not a whole-word match: no category.
		expect(matchCategories({ office: 'association', name: 'Cawdor' })).toEqual([]);
	});

	it('names the unknown id when asked for a category that does not exist', () => {
		expect(categoryById('pharmacy').labels.nl).toBe('Apotheek');
		expect(() => categoryById('apotheek')).toThrow(/unknown category "apotheek"/);
	});
});
