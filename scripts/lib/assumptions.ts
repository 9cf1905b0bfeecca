/**
 * The manifest's `assumptions` as a data table: per topic, the rows in order; the first row whose
 * `when` holds for the build's facts gives that topic's sentence (a row without `when` always holds).
 */
import type { Bbox } from './geo.ts';
import { EDGE_OF_DATA_M, MIN_UNTYPED_DWELLING_M2 } from './origins.ts';

/** What a build knows that the assumptions' wording depends on. */
export interface AssumptionFacts {
	/** Neighbourhoods with age shares of their own (the neighbourhood age table). */
	neighbourhoodAgeRows: number;
	/** Neighbourhoods that got their municipality's shares. */
	municipalShareRows: number;
	/** The neighbourhood age table, when configured. */
	ageTable?: { relativePath: string; date: string; keyKind: string };
	/** A municipal age structure is configured. */
	municipalAges: boolean;
	/** Date of the municipal age structure ('' without one). */
	ageDate: string;
	originSource: 'addresses' | 'buildings';
	coverage: Bbox;
	/** The OSM clip polygon's path, when configured. */
	coveragePolygon?: string;
}

/** One row of the table. */
export interface AssumptionRow {
	topic: string;
	when?: (f: AssumptionFacts) => boolean;
	text: (f: AssumptionFacts) => string;
}

export const ASSUMPTIONS: readonly AssumptionRow[] = [
	{
		topic: 'ages',
		when: (f) => f.neighbourhoodAgeRows > 0,
		text: (f) =>
			`Residents aged 65+ and 80+ are estimated by applying each neighbourhood's own age shares from ${f.ageTable?.relativePath} (${f.ageTable?.date}, keyed by ${f.ageTable?.keyKind}) to its population and addresses${f.municipalShareRows > 0 ? `; ${f.municipalShareRows} neighbourhood(s) without a row there get their municipality's shares (${f.ageDate})` : ''} (see neighbourhoodSources).`,
	},
	{
		topic: 'ages',
		when: (f) => f.municipalAges,
		text: (f) =>
			`Residents aged 65+ and 80+ are estimated by applying the municipality's age shares (${f.ageDate}) to each neighbourhood and address: the sources hold no age figures per neighbourhood.`,
	},
	{ topic: 'ages', text: () => 'No age structure configured: no 65+/80+ estimates.' },
	{
		topic: 'origins',
		when: (f) => f.originSource === 'addresses',
		text: () =>
			"Each neighbourhood's population is spread in equal shares over the address points inside it (the sources hold no household sizes per address); apartment units (CRAB bus numbers) are address points of their own, so a block of flats weighs as its dwellings; address points outside every neighbourhood are not origins.",
	},
	{
		topic: 'origins',
		text: () =>
			`No address points configured: each neighbourhood's population is spread over its residential OSM buildings (residential building types, and building=yes of at least ${MIN_UNTYPED_DWELLING_M2} m² without a shop/amenity/office/… tag) in proportion to footprint area × building:levels (1 level when untagged). Buildings exist only inside the extract, so a partly covered neighbourhood has all its residents placed on its covered part (see its coverage share).`,
	},
	{
		topic: 'edge of data',
		text: (f) =>
			`An origin is flagged edge-of-data when it lies outside the OSM extract's coverage (bbox ${f.coverage.join(', ')}${f.coveragePolygon !== undefined ? ` ∩ the clip polygon ${f.coveragePolygon}` : ''}), within ${EDGE_OF_DATA_M} m of its edge (its nearest services may lie just beyond it), or when its nearest street is a way cut off by the extract; neighbourhoods only partly covered thereby have their uncovered and border parts flagged.`,
	},
	{
		topic: 'place points',
		text: () =>
			'A place mapped as an area is placed at its entrance when one is tagged, else at the point inside it farthest from its edges; an open way at its middle.',
	},
	{
		topic: 'places off the network',
		text: () =>
			'Places outside the OSM coverage (e.g. hospitals of an extra list) are shown on the map but left out of the analysis bundle: the network cannot reach them.',
	},
	{
		topic: 'boundaries',
		text: () =>
			"Each municipality's boundary (boundaries.geojson) is the union of its neighbourhood polygons.",
	},
	{
		topic: 'network status',
		text: () =>
			'Pedestrian network status per profile comes from src/analysis/profiles.ts (classifyWay), per graph edge, the same as the analysis uses.',
	},
];

/** The sentences for a build: one per topic, in the table's order. */
export function assumptionsFor(facts: AssumptionFacts, table = ASSUMPTIONS): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	for (const row of table) {
		if (seen.has(row.topic) || (row.when && !row.when(facts))) continue;
		seen.add(row.topic);
		out.push(row.text(facts));
	}
	return out;
}
