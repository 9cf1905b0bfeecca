/**
 * Builds everything the app needs for one area from its config: tile archives, the manifest (and,
 * as the pipeline grows, the analysis bundle and the search index) in `<outRoot>/<area id>/`.
 *
 * The output folder is built in a temporary sibling and renamed into place at the end, so a failed
 * or interrupted build never leaves a half-written area to be served.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readAgeShares, readAgeSharesBy, type AgeShares } from './age-structure.ts';
import { writeAreaIndex } from './area-index.ts';
import { municipalityBoundaries } from './boundaries.ts';
import { buildArchive, type ArchiveEntry } from './archive.ts';
import { configInputs, loadAreaConfig, type SourceInfo } from './area-config.ts';
import { bboxOf, type Bbox } from './geo.ts';
import { publishDir, sha256, sha256File } from './io.ts';
import { readNeighbourhoods, type NeighbourhoodSources } from './neighbourhoods.ts';
import { readSectorTable } from './statbel.ts';
import { basemapLayers } from './basemap.ts';
import { TILE_LAYERS } from '../config/tiles.ts';
import { networkFeatures, networkPointFeatures } from './network.ts';
import {
	buildWarnings,
	joinBarrierLines,
	manifestNetwork,
	type BuildWarning,
	type ManifestNetwork,
} from './network-report.ts';
import { areaOsmBox, readOsm } from './osm.ts';
import { municipalityParts } from './parts.ts';
import {
	buildOrigins,
	coverageBbox,
	EDGE_OF_DATA_M,
	readCoveragePolygons,
	buildOriginsFromBuildings,
	MIN_UNTYPED_DWELLING_M2,
	type Origin,
	type OriginSummary,
} from './origins.ts';
import {
	countByCategory,
	extraPlaces,
	mergeListedPlaces,
	mergeSameFacility,
	osmPlaces,
	placeFeatures,
	type PlaceMerge,
	type PlaceOutlines,
	type SameFacilityMerge,
} from './places.ts';
import { SAME_FACILITY, type SameFacilityRule } from '../config/same-facility.ts';
import { buildLocalities } from './localities.ts';
import { buildSearchSource, encodeSearchSource } from './search-source.ts';
import type { TileLayerInput } from './tiler.ts';
import { Progress } from './progress.ts';
import {
	BUNDLE_VERSION,
	buildAnalysisBundle,
	decodeAnalysisBundle,
	type AnalysisBundleInput,
} from '../../src/analysis/bundle.ts';
import { TAXONOMY_VERSION } from '../../src/analysis/taxonomy.ts';
import { WALKABLE_RULES, type WalkableRule } from '../../src/analysis/profiles.ts';
import type { OriginReason } from '../../src/analysis/bundle.ts';
import { PIPELINE_NAME, PIPELINE_VERSION, REPO_ROOT, pipelineCodeHash } from './version.ts';
import { MANIFEST_SCHEMA_VERSION } from '../../src/contracts/manifest.ts';

type Feat = TileLayerInput['features'][number];

/** Manifest format version (the app checks it): the contract lives in src/contracts/manifest.ts. */
export { MANIFEST_SCHEMA_VERSION };

/** One input file as recorded in the manifest. */
export interface ManifestInput {
	role: string;
	/** Path relative to the area config. */
	path: string;
	sha256: string;
	bytes: number;
	date: string;
	licence: string;
	attribution: string;
}

/** `tiles/<area>/manifest.json`: what was built, from what, with which tool. */
export interface AreaManifest {
	schemaVersion: number;
	area: {
		id: string;
		name: string;
		municipalities: { nis: string; name: string }[];
		/** [west, south, east, north] of the neighbourhoods, degrees. */
		bbox: Bbox;
		/** [lng, lat, zoom] to open the map at. */
		center: [number, number, number];
	};
	tool: { name: string; version: string; codeSha256: string };
	taxonomyVersion: string;
	bundleVersion: number;
	config: { path: string; sha256: string };
	inputs: ManifestInput[];
	/** What the OSM extract holds. */
	osm: {
		coverageBbox: Bbox;
		latestEditDate: string | null;
		nodes: number;
		ways: number;
		relations: number;
	};
	/** Archives by name; each file lies next to the manifest. */
	archives: Record<string, ArchiveEntry>;
	/** Where the residents' origins come from: address points, or OSM buildings without them. */
	originSource: 'addresses' | 'buildings';
	/** Other files next to the manifest. */
	files: {
		/** The analysis bundle (src/analysis/bundle.ts). */
		analysis: { file: string; bytes: number; sha256: string };
		/** The search source, gzip-compressed (src/data/search-source.ts); `jsonBytes` uncompressed. */
		search: { file: string; bytes: number; sha256: string; jsonBytes: number };
		/** The municipality boundaries (GeoJSON MultiPolygons with `nis` and `name`). */
		boundaries: { file: string; bytes: number; sha256: string };
		/**
		 * Per municipality (config order): its own analysis bundle and search source
		 * (scripts/lib/parts.ts), so the app can download only the chosen municipality's.
		 */
		municipalities: {
			nis: string;
			name: string;
			/** Bbox of its neighbourhoods. */
			bbox: Bbox;
			analysis: { file: string; bytes: number; sha256: string };
			search: { file: string; bytes: number; sha256: string; jsonBytes: number };
		}[];
	};
	counts: {
		neighbourhoods: number;
		population: number;
		population65plus: number | null;
		population80plus: number | null;
		places: number;
		placesFromOsm: number;
		/** OSM objects merged into another of the same facility (`sameFacility`), not counted above. */
		osmObjectsOfSameFacility: number;
		/** Places read from the official lists (extraPlaces), and how many merged into an OSM place. */
		placesFromLists: number;
		placesMerged: number;
		placesInAnalysis: number;
		placesPerCategory: Record<string, number>;
		/** Places per category in the analysis bundle (inside the extract); 0: "none mapped". */
		placesInAnalysisPerCategory: Record<string, number>;
		origins: number;
		originsEdgeOfData: number;
		/**
		 * Origins per reason: `none` get a figure per reachable category; the others are reported
		 * apart (edge of data, farther than the access limit from every way, on an isolated fragment).
		 */
		originsPerReason: Record<OriginReason, number>;
		originsPerNeighbourhood: OriginSummary['perNeighbourhood'];
		/** Address points read (or OSM buildings considered, with originSource 'buildings'). */
		addressesRead: number;
		/** With the address municipality field: points in a polygon of another municipality that
		 * joined the nearest polygon of their own, and those left out (no origin). */
		addressesJoinedToOwnMunicipality?: number;
		addressesOfOtherMunicipalities?: number;
		graphNodes: number;
		graphEdges: number;
		streets: number;
		/** Source features per tile layer. */
		perLayer: Record<string, number>;
	};
	/**
	 * Per neighbourhood: where its population, name and age shares come from (polygons, the Statbel
	 * sector table, an age table per neighbourhood or sector, or the municipal shares).
	 */
	neighbourhoodSources: Record<string, NeighbourhoodSources>;
	/** Age shares used for the 65+/80+ estimates, per municipality NIS code. */
	ageShares: Record<
		string,
		{ total: number; share65plus: number; share80plus: number; date: string }
	>;
	/** Listed places merged into the OSM place they match (same category, near, similar name). */
	placeMerges: PlaceMerge[];
	/** OSM objects of one facility made one place, by the rule `rule` (scripts/config/same-facility.ts). */
	sameFacility: { rule: SameFacilityRule; merges: SameFacilityMerge[] };
	/** The walkable rule (src/analysis/profiles.ts): the first matching row decides. */
	walkableRules: WalkableRule[];
	/** The walking network: connectors added to fragments, fragments left, places off it. */
	network: ManifestNetwork;
	/** What the build warns about (also printed). */
	warnings: BuildWarning[];
	/** Assumptions behind derived figures, in plain words. */
	assumptions: string[];
	/** Attribution lines to show with the map. */
	attribution: string[];
}

/** Options for {@link buildArea}. */
export interface BuildOptions {
	/** Folder that receives `<area id>/` (default: the repository's `tiles/`). */
	outRoot?: string;
	/** Suppress the progress display. */
	silent?: boolean;
	/** The build date (YYYY-MM-DD) the age of the OSM data is measured against (default: today). */
	today?: string;
}

/** Result of a build: where it went and the manifest written. */
export interface BuildResult {
	outDir: string;
	manifest: AreaManifest;
	seconds: number;
}

function inputOf(role: string, src: SourceInfo): ManifestInput {
	return {
		role,
		path: src.relativePath,
		sha256: sha256File(src.path),
		bytes: statSync(src.path).size,
		date: src.date,
		licence: src.licence,
		attribution: src.attribution,
	};
}

export { configInputs };

/**
 * Runs the pipeline for the area config at `configPath`.
 * @throws AreaConfigError / InputError naming the file and the problem; nothing is published then
 */
export async function buildArea(
	configPath: string,
	options: BuildOptions = {},
): Promise<BuildResult> {
	const progress = new Progress(12, { silent: options.silent ?? false });
	progress.step('config and inputs');
	const config = loadAreaConfig(configPath);
	const configRel = path.relative(REPO_ROOT, config.configPath).split(path.sep).join('/');
	const inputs = configInputs(config).map(({ role, src }) => inputOf(role, src));
	const codeSha256 = pipelineCodeHash();
	progress.done(`${config.id}: ${inputs.length} input files hashed`);

	progress.step('age structure');
	let ages: Map<string, AgeShares> | null = null;
	if (config.sources.ageStructure) {
		ages = readAgeShares(config.sources.ageStructure);
		progress.done(
			[...ages.values()]
				.map(
					(a) =>
						`${a.nis}: 65+ ${(a.share65plus * 100).toFixed(1)} %, 80+ ${(a.share80plus * 100).toFixed(1)} %`,
				)
				.join('; '),
		);
	} else progress.done('none configured: no 65+/80+ estimates');

	progress.step('neighbourhoods');
	const popSrc = config.sources.population;
	const ageSrc = config.sources.neighbourhoodAges;
	const nb = readNeighbourhoods(config.sources.neighbourhoods, config, ages, {
		sectors: popSrc ? readSectorTable(popSrc) : null,
		byNeighbourhood: popSrc?.neighbourhoodColumn != null,
		ages: ageSrc
			? readAgeSharesBy(
					ageSrc.path,
					'neighbourhood ages',
					ageSrc.keyColumn,
					ageSrc.ageColumn,
					ageSrc.countColumn,
				)
			: null,
		ageKeyKind: ageSrc?.keyKind ?? 'neighbourhood',
	});
	// age shares by neighbourhood id (its own table rows) and by municipality NIS code
	const shareMap = new Map<string, AgeShares>(ages ?? []);
	for (const [id, src] of Object.entries(nb.sources)) {
		if (src.ages !== 'neighbourhood table') continue;
		shareMap.set(id, {
			nis: id,
			total: 0,
			aged65plus: 0,
			aged80plus: 0,
			share65plus: src.share65plus as number,
			share80plus: src.share80plus as number,
		});
	}
	const originAges = shareMap.size > 0 ? shareMap : null;
	const areaBbox = bboxOf(nb.features);
	const population = nb.features.reduce((s, f) => s + f.properties.population, 0);
	const boundariesJson = `${JSON.stringify(municipalityBoundaries(nb.features, config.municipalities))}\n`;
	const tally = (k: keyof NeighbourhoodSources, v: string): number =>
		Object.values(nb.sources).filter((x) => x[k] === v).length;
	progress.done(
		`${nb.features.length} neighbourhoods (${nb.crs}), ${population} residents` +
			(nb.skipped > 0 ? ` (${nb.skipped} of other municipalities left out)` : '') +
			`; population from ${tally('population', 'sectors')} sector joins and ${tally('population', 'polygons')} polygons, names from ${tally('name', 'sectors')} sector names, ages from ${tally('ages', 'neighbourhood table')} neighbourhood tables and ${tally('ages', 'municipal shares')} municipal shares`,
	);

	progress.step('OSM extract');
	// Only what the area needs is kept from an extract larger than the area (scripts/lib/osm.ts).
	const osm = await readOsm(config.sources.osm.path, { keepWithin: areaOsmBox(areaBbox) });
	const osmDate = osm.latestEditDate ?? config.sources.osm.date;
	const coverage = coverageBbox(osm);
	const coveragePolygons = config.sources.osm.coveragePolygon
		? readCoveragePolygons(config.sources.osm.coveragePolygon.path)
		: null;
	progress.done(
		`${osm.coords.size} nodes, ${osm.ways.length} ways, ${osm.relations.length} relations; latest edit ${osm.latestEditDate ?? 'unknown'}`,
	);

	progress.step('places');
	const outlines: PlaceOutlines = new Map();
	const places = osmPlaces(osm, osmDate, outlines);
	const osmObjectCount = places.length;
	const sameFacility = mergeSameFacility(places, outlines, SAME_FACILITY);
	const osmPlaceCount = places.length;
	const placeMerges: PlaceMerge[] = [];
	let listedCount = 0;
	config.sources.extraPlaces.forEach((src, i) => {
		const listed = extraPlaces(src, i);
		listedCount += listed.length;
		placeMerges.push(...mergeListedPlaces(places, listed, src.match));
	});
	const perCategory = countByCategory(places);
	progress.done(
		`${osmPlaceCount} from OSM (${osmObjectCount} objects, ${osmObjectCount - osmPlaceCount} merged into another of the same facility), ${listedCount} from extra lists (${placeMerges.length} of them merged into the OSM place they match)`,
	);

	progress.step("residents' origins");
	let origins: Origin[];
	let originSummary: OriginSummary;
	const originSource = config.sources.addresses ? 'addresses' : 'buildings';
	if (config.sources.addresses) {
		({ origins, summary: originSummary } = buildOrigins(
			config.sources.addresses,
			nb.features,
			originAges,
			osm,
			coveragePolygons,
		));
		progress.done(
			`${origins.length} address points in the area, ${originSummary.edgeOfData} flagged edge-of-data`,
		);
	} else {
		({ origins, summary: originSummary } = buildOriginsFromBuildings(
			config.sources.osm.path,
			nb.features,
			originAges,
			osm,
			coveragePolygons,
		));
		progress.done(
			`no address points configured: ${origins.length} residential buildings, ${originSummary.edgeOfData} flagged edge-of-data`,
		);
	}

	progress.step('analysis bundle');
	const inCoverage = (ll: [number, number]) =>
		ll[0] >= coverage[0] && ll[0] <= coverage[2] && ll[1] >= coverage[1] && ll[1] <= coverage[3];
	const bundlePlaces = places.filter((p) => inCoverage(p.lngLat));
	const shares = (id: string) => {
		const src = nb.sources[id];
		return src && src.share65plus !== null
			? { share65plus: src.share65plus, share80plus: src.share80plus as number }
			: undefined;
	};
	const bundleInput: AnalysisBundleInput = {
		ways: osm.ways
			.filter((w) => w.tags.highway !== undefined)
			.map((w) => ({ id: `w${w.id}`, nodeIds: w.refs, tags: w.tags })),
		nodeLngLat: osm.coords,
		nodeTags: new Map([...osm.taggedNodes.values()].map((n) => [n.id, n.tags])),
		origins: origins.map((o) => ({
			id: o.id,
			lngLat: o.lngLat,
			residents: o.residents,
			residents65: o.residents65,
			residents80: o.residents80,
			neighbourhoodId: o.neighbourhoodId,
			edgeOfData: o.edgeOfData,
		})),
		places: bundlePlaces.map((p) => ({
			id: p.id,
			categoryIds: p.categoryIds,
			lngLat: p.lngLat,
			name: p.name,
		})),
		neighbourhoods: nb.features.map((f) => {
			const sh = shares(f.properties.id);
			const mine = origins.filter((o) => o.neighbourhoodId === f.properties.id);
			// Without a coverage figure in the source: the share of its address points inside the extract.
			const fallback =
				mine.length > 0
					? mine.filter((o) => o.edgeReason !== 'outside_coverage').length / mine.length
					: 1;
			return {
				id: f.properties.id,
				name: f.properties.name,
				population: f.properties.population,
				residents65: sh ? f.properties.population * sh.share65plus : 0,
				residents80: sh ? f.properties.population * sh.share80plus : 0,
				coverageShare: f.properties.osm_coverage_share ?? fallback,
			};
		}),
		meta: { areaId: config.id, bbox: areaBbox, dataDate: osmDate },
		benchCategoryIds: ['bench'],
		joinBarriers: joinBarrierLines(osm),
	};
	const bundleBytes = buildAnalysisBundle(bundleInput);
	const bundle = decodeAnalysisBundle(bundleBytes);
	const network = manifestNetwork(bundle, bundlePlaces);
	const perReason = bundle.network.originsPerReason;
	for (const [id, row] of Object.entries(originSummary.perNeighbourhood)) {
		const k = bundle.neighbourhoods.findIndex((n) => n.id === id);
		let beyond = 0;
		let fragment = 0;
		for (let i = 0; i < bundle.origins.count; i++) {
			if (bundle.origins.neighbourhood[i] !== k) continue;
			if (bundle.origins.reason[i] === 2) beyond++;
			if (bundle.origins.reason[i] === 3) fragment++;
		}
		Object.assign(row, { beyondAccessLimit: beyond, isolatedFragment: fragment });
	}
	progress.done(
		`${bundle.graph.nodeCount} nodes, ${bundle.graph.edgeCount} edges (${network.joins.length} connectors joined fragments within ${network.joinMaxM} m; ${network.fragments.length} fragments left), ${bundle.origins.count} origins (${perReason.none} with figures, ${perReason.edge_of_data} edge of data, ${perReason.beyond_access_limit} beyond ${network.maxAccessM} m, ${perReason.isolated_fragment} on fragments), ${bundle.places.count} places (${network.placesOffMainNetwork.length} off the main network); ${(bundleBytes.length / 1024).toFixed(0)} KiB`,
	);

	progress.step('basemap tiles');
	const osmAttribution = config.sources.osm.attribution;
	const archives: Record<string, { buffer: Buffer; entry: ArchiveEntry }> = {};
	archives.basemap = buildArchive(
		'basemap',
		basemapLayers(osm),
		coverage,
		osmAttribution,
		`Basemap of ${config.name} from OpenStreetMap (${osmDate})`,
	);
	progress.done(
		`${(archives.basemap.entry.bytes / 1024).toFixed(0)} KiB, ${archives.basemap.entry.tiles.addressed} tiles`,
	);

	progress.step('thematic tiles');
	const nbAttribution = config.sources.neighbourhoods.attribution;
	archives.neighbourhoods = buildArchive(
		'neighbourhoods',
		[
			{
				name: 'neighbourhoods',
				features: nb.features as unknown as Feat[],
				...TILE_LAYERS.neighbourhoods.neighbourhoods,
			},
			{
				name: 'neighbourhood_labels',
				features: nb.labels as unknown as Feat[],
				...TILE_LAYERS.neighbourhoods.neighbourhood_labels,
			},
		],
		areaBbox,
		nbAttribution,
		`Neighbourhoods of ${config.name} with population`,
	);
	archives.places = buildArchive(
		'places',
		[{ name: 'places', features: placeFeatures(places), ...TILE_LAYERS.places.places }],
		areaBbox,
		[...new Set([osmAttribution, ...config.sources.extraPlaces.map((e) => e.attribution)])].join(
			'; ',
		),
		`Places of ${config.name} by category (taxonomy ${TAXONOMY_VERSION})`,
	);
	archives.network = buildArchive(
		'network',
		[
			{
				name: 'footways',
				features: networkFeatures(bundle, osm),
				...TILE_LAYERS.network.footways,
			},
			{
				name: 'network_points',
				features: networkPointFeatures(bundle, osm),
				...TILE_LAYERS.network.network_points,
			},
		],
		coverage,
		osmAttribution,
		`Pedestrian network of ${config.name} with accessibility per mobility profile`,
	);
	progress.done(
		['neighbourhoods', 'places', 'network']
			.map((k) => `${k} ${((archives[k]?.entry.bytes ?? 0) / 1024).toFixed(0)} KiB`)
			.join(', '),
	);

	progress.step('search index source');
	const nisOfNb = new Map(nb.features.map((f) => [f.properties.id, f.properties.municipality_nis]));
	const localities = buildLocalities(
		config.municipalities,
		nb.features,
		config.sources.subMunicipalities,
		osm,
	);
	const search = buildSearchSource(
		config.id,
		places,
		origins,
		new Map(origins.map((o) => [o.id, nisOfNb.get(o.neighbourhoodId) ?? ''])),
		localities,
	);
	const searchFile = encodeSearchSource(search);
	progress.done(
		`${search.places.length} places, ${search.streets.length} streets, ${localities.list.length} localities; ${(searchFile.jsonBytes / 1024).toFixed(0)} KiB, ${(searchFile.gzip.length / 1024).toFixed(0)} KiB gzip`,
	);

	progress.step('per-municipality parts');
	const parts = municipalityParts(config.municipalities, nb.features, bundleInput, search);
	const partFiles = parts.map((p) => ({
		analysis: p.analysis,
		search: encodeSearchSource(p.search),
	}));
	progress.done(
		parts
			.map(
				(p, i) =>
					`${p.nis} ${p.counts.origins} origins, ${p.search.places.length} places, ${((p.analysis.length + (partFiles[i]?.search.gzip.length ?? 0)) / 1024).toFixed(0)} KiB`,
			)
			.join('; '),
	);

	progress.step('manifest and publish');
	const center: [number, number, number] = [
		Math.round(((areaBbox[0] + areaBbox[2]) / 2) * 1e7) / 1e7,
		Math.round(((areaBbox[1] + areaBbox[3]) / 2) * 1e7) / 1e7,
		11,
	];
	const sum = (k: 'population_65plus' | 'population_80plus') =>
		ages ? nb.features.reduce((s, f) => s + (f.properties[k] ?? 0), 0) : null;
	const ageDate = config.sources.ageStructure?.date ?? '';
	const placesInAnalysis = countByCategory(bundlePlaces);
	const warnings = buildWarnings({
		placesInAnalysis,
		placesPerCategory: perCategory,
		osmDate,
		today: options.today ?? new Date().toISOString().slice(0, 10),
		network,
		originsPerReason: perReason,
		origins: origins.length,
	});
	const layerCounts: Record<string, number> = {};
	for (const a of Object.values(archives))
		for (const l of a.entry.layers) layerCounts[l.id] = l.features;
	const manifest: AreaManifest = {
		schemaVersion: MANIFEST_SCHEMA_VERSION,
		area: {
			id: config.id,
			name: config.name,
			municipalities: config.municipalities,
			bbox: areaBbox,
			center,
		},
		tool: { name: PIPELINE_NAME, version: PIPELINE_VERSION, codeSha256 },
		taxonomyVersion: TAXONOMY_VERSION,
		bundleVersion: BUNDLE_VERSION,
		config: { path: configRel, sha256: sha256File(config.configPath) },
		inputs,
		osm: {
			coverageBbox: coverage,
			latestEditDate: osm.latestEditDate,
			nodes: osm.coords.size,
			ways: osm.ways.length,
			relations: osm.relations.length,
		},
		archives: Object.fromEntries(Object.entries(archives).map(([k, v]) => [k, v.entry])),
		files: {
			analysis: { file: 'analysis.bin', bytes: bundleBytes.length, sha256: sha256(bundleBytes) },
			search: {
				file: 'search.json.gz',
				bytes: searchFile.gzip.length,
				sha256: sha256(searchFile.gzip),
				jsonBytes: searchFile.jsonBytes,
			},
			boundaries: {
				file: 'boundaries.geojson',
				bytes: Buffer.byteLength(boundariesJson),
				sha256: sha256(boundariesJson),
			},
			municipalities: parts.map((p, i) => {
				const f = partFiles[i] as (typeof partFiles)[number];
				return {
					nis: p.nis,
					name: p.name,
					bbox: p.bbox,
					analysis: {
						file: `analysis-${p.nis}.bin`,
						bytes: f.analysis.length,
						sha256: sha256(f.analysis),
					},
					search: {
						file: `search-${p.nis}.json.gz`,
						bytes: f.search.gzip.length,
						sha256: sha256(f.search.gzip),
						jsonBytes: f.search.jsonBytes,
					},
				};
			}),
		},
		originSource,
		counts: {
			neighbourhoods: nb.features.length,
			population,
			population65plus: sum('population_65plus'),
			population80plus: sum('population_80plus'),
			places: places.length,
			placesFromOsm: osmPlaceCount,
			osmObjectsOfSameFacility: osmObjectCount - osmPlaceCount,
			placesFromLists: listedCount,
			placesMerged: placeMerges.length,
			placesInAnalysis: bundlePlaces.length,
			placesPerCategory: perCategory,
			placesInAnalysisPerCategory: placesInAnalysis,
			origins: origins.length,
			originsEdgeOfData: originSummary.edgeOfData,
			originsPerReason: perReason,
			originsPerNeighbourhood: originSummary.perNeighbourhood,
			addressesRead: originSummary.addressesRead,
			...(originSummary.addressesOfOtherMunicipalities !== undefined
				? {
						addressesJoinedToOwnMunicipality: originSummary.addressesJoinedToOwnMunicipality,
						addressesOfOtherMunicipalities: originSummary.addressesOfOtherMunicipalities,
					}
				: {}),
			graphNodes: bundle.graph.nodeCount,
			graphEdges: bundle.graph.edgeCount,
			streets: search.streets.length,
			perLayer: layerCounts,
		},
		ageShares: Object.fromEntries(
			[...(ages?.values() ?? [])].map((a) => [
				a.nis,
				{ total: a.total, share65plus: a.share65plus, share80plus: a.share80plus, date: ageDate },
			]),
		),
		neighbourhoodSources: nb.sources,
		placeMerges,
		sameFacility: { rule: { ...SAME_FACILITY }, merges: sameFacility },
		walkableRules: WALKABLE_RULES.map((r) => ({ ...r })),
		network,
		warnings,
		assumptions: [
			tally('ages', 'neighbourhood table') > 0
				? `Residents aged 65+ and 80+ are estimated by applying each neighbourhood's own age shares from ${ageSrc?.relativePath} (${ageSrc?.date}, keyed by ${ageSrc?.keyKind}) to its population and addresses${tally('ages', 'municipal shares') > 0 ? `; ${tally('ages', 'municipal shares')} neighbourhood(s) without a row there get their municipality's shares (${ageDate})` : ''} (see neighbourhoodSources).`
				: ages
					? `Residents aged 65+ and 80+ are estimated by applying the municipality's age shares (${ageDate}) to each neighbourhood and address: the sources hold no age figures per neighbourhood.`
					: 'No age structure configured: no 65+/80+ estimates.',
			originSource === 'addresses'
				? "Each neighbourhood's population is spread in equal shares over the address points inside it (the sources hold no household sizes per address); apartment units (CRAB bus numbers) are address points of their own, so a block of flats weighs as its dwellings; address points outside every neighbourhood are not origins."
				: `No address points configured: each neighbourhood's population is spread over its residential OSM buildings (residential building types, and building=yes of at least ${MIN_UNTYPED_DWELLING_M2} m² without a shop/amenity/office/… tag) in proportion to footprint area × building:levels (1 level when untagged). Buildings exist only inside the extract, so a partly covered neighbourhood has all its residents placed on its covered part (see its coverage share).`,
			`An origin is flagged edge-of-data when it lies outside the OSM extract's coverage (bbox ${coverage.join(', ')}${coveragePolygons ? ` ∩ the clip polygon ${config.sources.osm.coveragePolygon?.relativePath}` : ''}), within ${EDGE_OF_DATA_M} m of its edge (its nearest services may lie just beyond it), or when its nearest street is a way cut off by the extract; neighbourhoods only partly covered thereby have their uncovered and border parts flagged.`,
			'A place mapped as an area is placed at its entrance when one is tagged, else at the point inside it farthest from its edges; an open way at its middle.',
			'Places outside the OSM coverage (e.g. hospitals of an extra list) are shown on the map but left out of the analysis bundle: the network cannot reach them.',
			"Each municipality's boundary (boundaries.geojson) is the union of its neighbourhood polygons.",
			'Pedestrian network status per profile comes from src/analysis/profiles.ts (classifyWay), per graph edge, the same as the analysis uses.',
		],
		attribution: [...new Set(configInputs(config).map((i) => i.src.attribution))],
	};

	const outRoot = path.resolve(options.outRoot ?? path.join(REPO_ROOT, 'tiles'));
	const outDir = path.join(outRoot, config.id);
	const tmpDir = path.join(outRoot, `.${config.id}.tmp-${process.pid}`);
	rmSync(tmpDir, { recursive: true, force: true });
	mkdirSync(tmpDir, { recursive: true });
	try {
		for (const a of Object.values(archives))
			writeFileSync(path.join(tmpDir, a.entry.file), a.buffer);
		writeFileSync(path.join(tmpDir, 'analysis.bin'), bundleBytes);
		writeFileSync(path.join(tmpDir, 'search.json.gz'), searchFile.gzip);
		writeFileSync(path.join(tmpDir, 'boundaries.geojson'), boundariesJson);
		manifest.files.municipalities.forEach((m, i) => {
			const f = partFiles[i] as (typeof partFiles)[number];
			writeFileSync(path.join(tmpDir, m.analysis.file), f.analysis);
			writeFileSync(path.join(tmpDir, m.search.file), f.search.gzip);
		});
		writeFileSync(path.join(tmpDir, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
		publishDir(tmpDir, outDir);
	} catch (e) {
		rmSync(tmpDir, { recursive: true, force: true });
		throw e;
	}
	writeAreaIndex(outRoot, [config.id]);
	progress.done(`→ ${path.relative(process.cwd(), outDir) || outDir}`);
	for (const w of warnings) progress.info(`warning: ${w.message}`);
	const seconds = progress.elapsedS();
	progress.info(`done in ${seconds.toFixed(1)} s`);
	return { outDir, manifest, seconds };
}
