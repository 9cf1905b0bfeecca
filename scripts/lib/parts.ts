/**
 * Per-municipality parts of the analysis bundle and the search source, so a browser downloads only
 * what the chosen municipality needs (`analysis-<nis>.bin`, `search-<nis>.json.gz`, listed in the
 * manifest's `files.municipalities`). The whole-area files are still written beside them.
 *
 * - Analysis part: the municipality's neighbourhoods and their origins (the same values as in the
 *   whole bundle, edge-of-data flags included), and the walkable ways and places within
 *   {@link AREA_MARGIN_M} of its neighbourhoods' bbox, so walks to services across its border are
 *   in it. An origin's nearest place within that margin gets the same answer from the part as from
 *   the whole bundle (tested); farther ones only when their route stays inside the part.
 * - Search part: the whole source's localities (so locality indices stay the same), and the streets
 *   and places of the municipality: those whose municipality locality it is, else (a place outside
 *   the area, such as a hospital of an extra list) the nearest municipality by distance to its
 *   neighbourhoods' bbox. The parts together hold every place and street exactly once.
 */
import {
	buildAnalysisBundle,
	type AnalysisBundleInput,
	type BundleWay,
} from '../../src/analysis/bundle.ts';
import { metresPerDegree } from '../../src/analysis/geo.ts';
import type { Municipality } from './area-config.ts';
import { bboxOf, type Bbox } from './geo.ts';
import { decodeStreet } from '../../src/contracts/search-source.ts';
import type { NeighbourhoodFeature } from './neighbourhoods.ts';
import { areaOsmBox } from './osm.ts';
import type { SearchSource } from './search-source.ts';

export { AREA_MARGIN_M } from './osm.ts';

/** One municipality's part. */
export interface MunicipalityPart {
	nis: string;
	name: string;
	/** Bbox of its neighbourhoods, [west, south, east, north] in degrees. */
	bbox: Bbox;
	/** The analysis bundle of the part (src/analysis/bundle.ts). */
	analysis: Uint8Array;
	search: SearchSource;
	counts: { neighbourhoods: number; origins: number; places: number; ways: number };
}

const intersects = (a: Bbox, b: Bbox) =>
	a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** Distance in metres from a point to a bbox (0 inside), in the plane at the point's latitude. */
function distanceToBboxM(lng: number, lat: number, b: Bbox): number {
	const { kx, ky } = metresPerDegree(lat);
	return Math.hypot(
		Math.max(b[0] - lng, 0, lng - b[2]) * kx,
		Math.max(b[1] - lat, 0, lat - b[3]) * ky,
	);
}

/**
 * Splits an area's analysis input and search source per municipality.
 * @param bundleInput what the whole area's bundle was built from
 * @param search the whole area's search source
 * @returns one part per municipality of the config that has neighbourhoods, in config order
 */
export function municipalityParts(
	municipalities: Municipality[],
	neighbourhoods: NeighbourhoodFeature[],
	bundleInput: AnalysisBundleInput,
	search: SearchSource,
): MunicipalityPart[] {
	const withNb = municipalities.filter((m) =>
		neighbourhoods.some((f) => f.properties.municipality_nis === m.nis),
	);
	const bboxes = new Map(
		withNb.map((m) => [
			m.nis,
			bboxOf(neighbourhoods.filter((f) => f.properties.municipality_nis === m.nis)),
		]),
	);
	// Each way's bbox, once.
	const wayBoxes = bundleInput.ways.map((w): Bbox | null => {
		let b: Bbox | null = null;
		for (const id of w.nodeIds) {
			const c = bundleInput.nodeLngLat.get(id);
			if (!c) continue;
			if (!b) b = [c[0], c[1], c[0], c[1]];
			else {
				if (c[0] < b[0]) b[0] = c[0];
				if (c[1] < b[1]) b[1] = c[1];
				if (c[0] > b[2]) b[2] = c[0];
				if (c[1] > b[3]) b[3] = c[1];
			}
		}
		return b;
	});
	// The municipality of each search place and street: its municipality locality (where it lies),
	// else the nearest municipality by distance to its neighbourhoods' bbox.
	const nearest = ([lng, lat]: [number, number]): string => {
		let best = '';
		let bestM = Infinity;
		for (const m of withNb) {
			const d = distanceToBboxM(lng, lat, bboxes.get(m.nis) as Bbox);
			if (d < bestM) [best, bestM] = [m.nis, d];
		}
		return best;
	};
	const municipalityOf = (localities: number[], at: () => [number, number]): string => {
		for (const i of localities) {
			const l = search.localities[i];
			if (l?.kind === 'municipality' && bboxes.has(l.nis)) return l.nis;
		}
		return nearest(at());
	};
	const placeNis = search.places.map((p) => municipalityOf(p.localities, () => p.lngLat));
	const streetNis = search.streets.map((s) =>
		municipalityOf(s.localities, () => decodeStreet(s).lngLat),
	);

	return withNb.map((m) => {
		const bbox = bboxes.get(m.nis) as Bbox;
		const region = areaOsmBox(bbox);
		const inRegion = ([x, y]: [number, number]) =>
			x >= region[0] && x <= region[2] && y >= region[1] && y <= region[3];
		const nbIds = new Set(
			neighbourhoods
				.filter((f) => f.properties.municipality_nis === m.nis)
				.map((f) => f.properties.id),
		);
		const ways: BundleWay[] = bundleInput.ways.filter((_, i) => {
			const b = wayBoxes[i];
			return b !== null && b !== undefined && intersects(b, region);
		});
		const input: AnalysisBundleInput = {
			...bundleInput,
			ways,
			origins: bundleInput.origins.filter((o) => nbIds.has(o.neighbourhoodId)),
			places: bundleInput.places.filter((p) => inRegion(p.lngLat)),
			neighbourhoods: bundleInput.neighbourhoods.filter((n) => nbIds.has(n.id)),
			meta: { ...bundleInput.meta, bbox },
		};
		const places = search.places.filter((_, i) => placeNis[i] === m.nis);
		const perCategory = new Map<string, number>();
		for (const p of places)
			for (const c of p.categoryIds) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
		return {
			nis: m.nis,
			name: m.name,
			bbox,
			analysis: buildAnalysisBundle(input),
			search: {
				...search,
				categories: search.categories.map((c) => ({ ...c, places: perCategory.get(c.id) ?? 0 })),
				places,
				streets: search.streets.filter((_, i) => streetNis[i] === m.nis),
			},
			counts: {
				neighbourhoods: input.neighbourhoods.length,
				origins: input.origins.length,
				places: input.places.length,
				ways: ways.length,
			},
		};
	});
}
