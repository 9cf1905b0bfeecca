/**
 * When two OSM objects describe ONE facility, the pipeline makes one place of them
 * (scripts/lib/places.ts, `mergeSameFacility`). OSM often maps a facility twice: a node with the
 * shop or amenity tag inside the building that carries it too, or a named building inside an
 * unnamed park or grounds of the same kind, whose point then lands on it. On the map the two are
 * stacked on one spot, and a tap opens the unnamed one.
 *
 * Seen in the Vorselaar–Lille sample: the church Sint-Pieterskerk of Vorselaar (w174989682,
 * amenity=place_of_worship) inside an unnamed leisure=park (w468689629), both meeting places, 5 m
 * apart; the library of Gierle as an unnamed node (n5327182242) in its unnamed building
 * (w242554764); the Albert Heijn of Gierle as a named node (n4202350145) in the named shop outline
 * (w377877885) and an unnamed building tagged shop=supermarket (w466399386).
 *
 * The rule, for any area:
 * - the two share a category (not one of `separateCategories`);
 * - either the one is a node inside the outline of the other (a way or relation), or their points
 *   lie within `stackedWithinM` of each other and at least one of them is an outline (two nodes
 *   are never merged: two benches side by side are two benches; a library far inside a park is
 *   not the park);
 * - their names agree: at most one of them has a name, or both have the same one (compared by
 *   `nameKey`: case, accents and generic words do not count);
 * - objects chained this way (a node in a shop in a building) are one place, as long as the chain
 *   holds one name at most (closest pairs first).
 * The place kept is the named one (then the one with the most details, then an outline before a
 * node, then the lower id): it keeps its id (its OSM link), point and name; the details it lacks
 * (address, phone, website, opening hours, wheelchair, operator) and the categories are taken from
 * the others; `sources` lists every object. The manifest records each merge (`sameFacility`).
 */

export interface SameFacilityRule {
	/** Categories whose places are never one facility however close (rows of benches, the two platforms of a stop, parking bays). */
	separateCategories: readonly string[];
	/** A node inside the outline of a place sharing a category is the same facility. */
	nodeInsideOutline: boolean;
	/** Or: points this close (metres), at least one of them from an outline. */
	stackedWithinM: number;
}

export const SAME_FACILITY: SameFacilityRule = {
	separateCategories: ['bench', 'public_transport', 'accessible_parking'],
	nodeInsideOutline: true,
	stackedWithinM: 10,
};
