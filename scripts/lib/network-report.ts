/**
 * What the pipeline tells about the walking network and the analysis inputs: the barrier lines a
 * fragment's connector must not cross, the network section of the manifest (joins, fragments,
 * places off the main network, origins per reason) and the build's warnings.
 */
import type { AnalysisBundle, OriginReason } from '../../src/analysis/bundle.ts';
import { CATEGORIES } from '../../src/contracts/taxonomy.ts';
import { isWalkableWay } from '../../src/analysis/profiles.ts';
import type { OsmData, Tags } from './osm.ts';
import { wayCoords } from './osm-geometry.ts';
import type { Place } from './places.ts';

/** Tags of lines nobody walks across (unless on a bridge or in a tunnel). */
const BARRIER_LINES: Readonly<Record<string, readonly string[]>> = {
	waterway: ['river', 'canal', 'stream', 'ditch', 'drain'],
	natural: ['water'],
	railway: ['rail', 'light_rail', 'narrow_gauge', 'subway'],
	barrier: [
		'fence',
		'wall',
		'hedge',
		'retaining_wall',
		'city_wall',
		'guard_rail',
		'jersey_barrier',
	],
};
const CLOSED_ROADS = ['motorway', 'motorway_link', 'trunk', 'trunk_link'];

/** Whether a way is a line pedestrians cannot cross where it runs (see {@link BARRIER_LINES}). */
export function isBarrierLine(tags: Tags): boolean {
	const over = (v: string | undefined): boolean => v !== undefined && v !== 'no';
	if (over(tags.bridge) || over(tags.tunnel)) return false;
	if (tags.highway && CLOSED_ROADS.includes(tags.highway)) return !isWalkableWay(tags);
	for (const [k, values] of Object.entries(BARRIER_LINES)) {
		const v = tags[k];
		if (v !== undefined && values.includes(v)) return true;
	}
	return false;
}

/** The barrier lines of an extract, for the bundle builder's `joinBarriers`. */
export function joinBarrierLines(osm: OsmData): [number, number][][] {
	const out: [number, number][][] = [];
	for (const w of osm.ways) {
		if (!isBarrierLine(w.tags)) continue;
		const c = wayCoords(w, osm) as [number, number][];
		if (c.length >= 2) out.push(c);
	}
	return out;
}

/** The manifest's `network` section. */
export interface ManifestNetwork {
	joinMaxM: number;
	mainLengthM: number;
	joins: AnalysisBundle['network']['joins'];
	fragments: AnalysisBundle['network']['fragments'];
	/** Places whose nearest way lies on a fragment (or none within the access limit). */
	placesOffMainNetwork: {
		placeId: string;
		name: string;
		categoryIds: string[];
		lngLat: [number, number];
		/** Index into `fragments`, or -1 when no way lies within the access limit. */
		fragment: number;
		accessM: number | null;
	}[];
	/** The access limit (metres) behind `beyond_access_limit`. */
	maxAccessM: number;
}

/** The manifest's network section from a decoded bundle and the places it was built from. */
export function manifestNetwork(bundle: AnalysisBundle, places: readonly Place[]): ManifestNetwork {
	const byId = new Map(places.map((p) => [p.id, p]));
	const n = bundle.network;
	return {
		joinMaxM: n.joinMaxM,
		mainLengthM: n.mainLengthM,
		joins: n.joins,
		fragments: n.fragments,
		placesOffMainNetwork: n.placesOffMainNetwork.map((o) => {
			const p = byId.get(o.placeId);
			return {
				placeId: o.placeId,
				name: p?.name ?? '',
				categoryIds: p?.categoryIds ?? [],
				lngLat: p?.lngLat ?? [0, 0],
				fragment: o.fragment,
				accessM: o.accessM,
			};
		}),
		maxAccessM: (bundle.meta as { maxAccessM?: number }).maxAccessM ?? 0,
	};
}

/** A warning of the build: in its output and in the manifest. */
export interface BuildWarning {
	code:
		| 'category_none_mapped'
		| 'osm_old'
		| 'places_off_main_network'
		| 'edge_of_data_share'
		| 'origins_without_figure';
	message: string;
}

/** Share of origins at the edge of data above which a build warns. */
export const EDGE_OF_DATA_WARN_SHARE = 0.1;
/** Age of the OSM data (years before the build date) above which a build warns. */
export const OSM_OLD_YEARS = 2;

/**
 * The warnings of a build.
 * @param today the build date, YYYY-MM-DD (for the age of the OSM data)
 */
export function buildWarnings(args: {
	placesInAnalysis: Record<string, number>;
	placesPerCategory: Record<string, number>;
	osmDate: string;
	today: string;
	network: ManifestNetwork;
	originsPerReason: Record<OriginReason, number>;
	origins: number;
}): BuildWarning[] {
	const w: BuildWarning[] = [];
	// Categories without OSM rules (informal initiatives) only ever hold curated places: no warning.
	for (const { id } of CATEGORIES.filter((c) => c.tagRules.length > 0)) {
		if ((args.placesInAnalysis[id] ?? 0) > 0) continue;
		const elsewhere = args.placesPerCategory[id] ?? 0;
		w.push({
			code: 'category_none_mapped',
			message:
				elsewhere > 0
					? `category "${id}": none mapped inside the OSM extract (${elsewhere} on the map lie outside it, beyond the network): no distances, "none mapped" in the summaries`
					: `category "${id}": no place in the area's data: "none mapped" in the summaries, never a distance`,
		});
	}
	const years = (Date.parse(args.today) - Date.parse(args.osmDate)) / (365.25 * 86_400_000);
	if (years > OSM_OLD_YEARS) {
		w.push({
			code: 'osm_old',
			message: `the OSM data date from ${args.osmDate}, ${years.toFixed(1)} years before this build (more than ${OSM_OLD_YEARS}): places and streets may have changed`,
		});
	}
	const off = args.network.placesOffMainNetwork;
	if (off.length > 0) {
		const list = off
			.slice(0, 10)
			.map(
				(p) =>
					`${p.placeId} ${p.name ? `"${p.name}" ` : ''}(${p.categoryIds.join(', ')}) ${p.fragment >= 0 ? `on fragment ${p.fragment}` : `no way within ${args.network.maxAccessM} m`}`,
			)
			.join('; ');
		w.push({
			code: 'places_off_main_network',
			message: `${off.length} place(s) sit on a fragment of the network not connected to the main one, or far from any way, and cannot be reached: ${list}${off.length > 10 ? '; …' : ''}`,
		});
	}
	const r = args.originsPerReason;
	const share = args.origins > 0 ? r.edge_of_data / args.origins : 0;
	if (share > EDGE_OF_DATA_WARN_SHARE) {
		w.push({
			code: 'edge_of_data_share',
			message: `${(share * 100).toFixed(1)} % of the origins (${r.edge_of_data} of ${args.origins}) lie at the edge of the data (more than ${EDGE_OF_DATA_WARN_SHARE * 100} %): their distances are not counted; extend the OSM extract to cover them`,
		});
	}
	if (r.beyond_access_limit + r.isolated_fragment > 0) {
		w.push({
			code: 'origins_without_figure',
			message: `${r.beyond_access_limit} origin(s) lie farther than ${args.network.maxAccessM} m from every way and ${r.isolated_fragment} on an isolated fragment: they get no distance and are reported apart`,
		});
	}
	return w;
}
