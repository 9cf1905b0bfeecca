/**
 * The steps of {@link buildArea} as a table. Each step reads what earlier steps made from the build
 * context, returns its own artefact (stored in the context under the step's key) and says in one
 * line what it produced. A step can run alone on a context that holds the artefacts it needs
 * (tests/unit/pipeline/build-steps.test.ts); one that lacks them fails naming the missing artefact.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readAgeShares, readAgeSharesBy, type AgeShares } from './age-structure.ts';
import { writeAreaIndex } from './area-index.ts';
import { assumptionsFor } from './assumptions.ts';
import { municipalityBoundaries, neighbourhoodPolygons } from './boundaries.ts';
import { buildArchive, type ArchiveEntry } from './archive.ts';
import { configInputs, loadAreaConfig, type AreaConfig, type SourceInfo } from './area-config.ts';
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
	type ManifestNetwork,
} from './network-report.ts';
import { areaOsmBox, readOsm, type OsmData } from './osm.ts';
import { municipalityParts, type MunicipalityPart } from './parts.ts';
import {
	buildOrigins,
	buildOriginsFromBuildings,
	coverageBbox,
	readCoveragePolygons,
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
	type Place,
	type PlaceMerge,
	type PlaceOutlines,
	type SameFacilityMerge,
} from './places.ts';
import { SAME_FACILITY } from '../config/same-facility.ts';
import { buildLocalities, type Localities } from './localities.ts';
import { buildSearchSource, encodeSearchSource, type SearchSource } from './search-source.ts';
import type { TileLayerInput } from './tiler.ts';
import {
	buildAnalysisBundle,
	decodeAnalysisBundle,
	type AnalysisBundle,
	type AnalysisBundleInput,
} from '../../src/analysis/bundle.ts';
import { BUNDLE_VERSION } from '../../src/contracts/bundle-format.ts';
import { TAXONOMY_VERSION } from '../../src/contracts/taxonomy.ts';
import { WALKABLE_RULES } from '../../src/analysis/profiles.ts';
import { PIPELINE_NAME, PIPELINE_VERSION, REPO_ROOT, pipelineCodeHash } from './version.ts';
import { MANIFEST_SCHEMA_VERSION, ManifestSchema } from '../../src/contracts/manifest.ts';
import { parseWith } from '../../src/contracts/validation.ts';
import type { AreaManifest, BuildOptions, ManifestInput } from './build-area.ts';

type Feat = TileLayerInput['features'][number];
type Archive = { buffer: Buffer; entry: ArchiveEntry };
type Encoded = { gzip: Buffer; jsonBytes: number };

/** What each step makes, by the step's key. */
export interface BuildArtefacts {
	source: {
		config: AreaConfig;
		/** The config's path relative to the repository, with forward slashes. */
		configRel: string;
		inputs: ManifestInput[];
		codeSha256: string;
	};
	/** Municipal age shares by NIS code, or null without an age structure. */
	ages: Map<string, AgeShares> | null;
	neighbourhoods: {
		features: ReturnType<typeof readNeighbourhoods>['features'];
		labels: ReturnType<typeof readNeighbourhoods>['labels'];
		crs: string;
		sources: Record<string, NeighbourhoodSources>;
		skipped: number;
		/** Age shares by neighbourhood id (own table rows) and municipality NIS code; null: none. */
		originAges: Map<string, AgeShares> | null;
		bbox: Bbox;
		population: number;
		boundariesJson: string;
	};
	/** `neighbourhoods.geojson`: the neighbourhood polygons for the app (file text). */
	neighbourhoodPolygons: { json: string; count: number };
	osm: {
		data: OsmData;
		/** The latest edit date, else the config's date for the extract. */
		date: string;
		coverage: Bbox;
		coveragePolygons: ReturnType<typeof readCoveragePolygons> | null;
	};
	places: {
		all: Place[];
		fromOsm: number;
		/** OSM objects read, before those of one facility were made one place. */
		osmObjects: number;
		/** OSM objects of one facility made one place (scripts/config/same-facility.ts). */
		sameFacility: SameFacilityMerge[];
		fromLists: number;
		merges: PlaceMerge[];
		perCategory: Record<string, number>;
	};
	origins: { list: Origin[]; summary: OriginSummary; source: 'addresses' | 'buildings' };
	bundle: {
		input: AnalysisBundleInput;
		/** The places inside the OSM coverage (those in the bundle). */
		places: Place[];
		bytes: Uint8Array;
		decoded: AnalysisBundle;
		network: ManifestNetwork;
		/** Per neighbourhood id: its origins beyond the access limit and on isolated fragments. */
		originsPerNeighbourhood: Record<
			string,
			{ beyondAccessLimit: number; isolatedFragment: number }
		>;
	};
	basemap: Archive;
	thematic: { neighbourhoods: Archive; places: Archive; network: Archive };
	search: { localities: Localities; source: SearchSource; file: Encoded };
	parts: { list: MunicipalityPart[]; files: { analysis: Uint8Array; search: Encoded }[] };
	publish: { manifest: AreaManifest; outDir: string };
}

export type ArtefactKey = keyof BuildArtefacts;

/** What a step gets: the config path, the options and the artefacts made so far. */
export interface BuildContext {
	readonly configPath: string;
	readonly options: BuildOptions;
	readonly artefacts: Partial<BuildArtefacts>;
}

/** One row of the table. */
export interface BuildStep<K extends ArtefactKey = ArtefactKey> {
	/** The name the progress display shows. */
	name: string;
	/** Where its artefact goes in the context. */
	key: K;
	run: (ctx: BuildContext) => BuildArtefacts[K] | Promise<BuildArtefacts[K]>;
	/** One line on what it produced, for the progress display. */
	summary: (artefact: BuildArtefacts[K], ctx: BuildContext) => string;
}

type AnyStep = { [K in ArtefactKey]: BuildStep<K> }[ArtefactKey];

/** The artefact `key` of an earlier step. @throws Error naming the missing artefact */
export function need<K extends ArtefactKey>(ctx: BuildContext, key: K): BuildArtefacts[K] {
	if (!(key in ctx.artefacts))
		throw new Error(`build step needs the "${key}" artefact, which no earlier step made`);
	return ctx.artefacts[key] as BuildArtefacts[K];
}

/** A fresh context for the area config at `configPath`. */
export function buildContext(configPath: string, options: BuildOptions = {}): BuildContext {
	return { configPath, options, artefacts: {} };
}

/** Runs one step and stores its artefact in the context. */
export async function runStep<K extends ArtefactKey>(
	step: BuildStep<K>,
	ctx: BuildContext,
): Promise<BuildArtefacts[K]> {
	const artefact = await step.run(ctx);
	(ctx.artefacts as Record<K, BuildArtefacts[K]>)[step.key] = artefact;
	return artefact;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(0);

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

/** How many neighbourhoods have `v` as their source of `k`. */
function tally(
	sources: Record<string, NeighbourhoodSources>,
	k: keyof NeighbourhoodSources,
	v: string,
): number {
	return Object.values(sources).filter((x) => x[k] === v).length;
}

const source: BuildStep<'source'> = {
	name: 'config and inputs',
	key: 'source',
	run: (ctx) => {
		const config = loadAreaConfig(ctx.configPath);
		return {
			config,
			configRel: path.relative(REPO_ROOT, config.configPath).split(path.sep).join('/'),
			inputs: configInputs(config).map(({ role, src }) => inputOf(role, src)),
			codeSha256: pipelineCodeHash(),
		};
	},
	summary: (a) => `${a.config.id}: ${a.inputs.length} input files hashed`,
};

const ages: BuildStep<'ages'> = {
	name: 'age structure',
	key: 'ages',
	run: (ctx) => {
		const src = need(ctx, 'source').config.sources.ageStructure;
		return src ? readAgeShares(src) : null;
	},
	summary: (a) =>
		a
			? [...a.values()]
					.map(
						(s) =>
							`${s.nis}: 65+ ${(s.share65plus * 100).toFixed(1)} %, 80+ ${(s.share80plus * 100).toFixed(1)} %`,
					)
					.join('; ')
			: 'none configured: no 65+/80+ estimates',
};

const neighbourhoods: BuildStep<'neighbourhoods'> = {
	name: 'neighbourhoods',
	key: 'neighbourhoods',
	run: (ctx) => {
		const { config } = need(ctx, 'source');
		const municipal = need(ctx, 'ages');
		const popSrc = config.sources.population;
		const ageSrc = config.sources.neighbourhoodAges;
		const nb = readNeighbourhoods(config.sources.neighbourhoods, config, municipal, {
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
		const shareMap = new Map<string, AgeShares>(municipal ?? []);
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
		return {
			...nb,
			originAges: shareMap.size > 0 ? shareMap : null,
			bbox: bboxOf(nb.features),
			population: nb.features.reduce((s, f) => s + f.properties.population, 0),
			boundariesJson: `${JSON.stringify(municipalityBoundaries(nb.features, config.municipalities))}\n`,
		};
	},
	summary: (nb) => {
		const t = (k: keyof NeighbourhoodSources, v: string) => tally(nb.sources, k, v);
		return (
			`${nb.features.length} neighbourhoods (${nb.crs}), ${nb.population} residents` +
			(nb.skipped > 0 ? ` (${nb.skipped} of other municipalities left out)` : '') +
			`; population from ${t('population', 'sectors')} sector joins and ${t('population', 'polygons')} polygons, names from ${t('name', 'sectors')} sector names, ages from ${t('ages', 'neighbourhood table')} neighbourhood tables and ${t('ages', 'municipal shares')} municipal shares`
		);
	},
};

const neighbourhoodPolygonsStep: BuildStep<'neighbourhoodPolygons'> = {
	name: 'neighbourhood polygons',
	key: 'neighbourhoodPolygons',
	run: (ctx) => {
		const fc = neighbourhoodPolygons(need(ctx, 'neighbourhoods').features);
		return { json: `${JSON.stringify(fc)}\n`, count: fc.features.length };
	},
	summary: (a) =>
		`${a.count} neighbourhoods with their codes → neighbourhoods.geojson, ${kib(Buffer.byteLength(a.json))} KiB`,
};

const osm: BuildStep<'osm'> = {
	name: 'OSM extract',
	key: 'osm',
	run: async (ctx) => {
		const { config } = need(ctx, 'source');
		// Only what the area needs is kept from an extract larger than the area (scripts/lib/osm.ts).
		const data = await readOsm(config.sources.osm.path, {
			keepWithin: areaOsmBox(need(ctx, 'neighbourhoods').bbox),
		});
		return {
			data,
			date: data.latestEditDate ?? config.sources.osm.date,
			coverage: coverageBbox(data),
			coveragePolygons: config.sources.osm.coveragePolygon
				? readCoveragePolygons(config.sources.osm.coveragePolygon.path)
				: null,
		};
	},
	summary: ({ data }) =>
		`${data.coords.size} nodes, ${data.ways.length} ways, ${data.relations.length} relations; latest edit ${data.latestEditDate ?? 'unknown'}`,
};

const places: BuildStep<'places'> = {
	name: 'places',
	key: 'places',
	run: (ctx) => {
		const { config } = need(ctx, 'source');
		const o = need(ctx, 'osm');
		const outlines: PlaceOutlines = new Map();
		const all = osmPlaces(o.data, o.date, outlines);
		const osmObjects = all.length;
		const sameFacility = mergeSameFacility(all, outlines, SAME_FACILITY);
		const fromOsm = all.length;
		const merges: PlaceMerge[] = [];
		let fromLists = 0;
		config.sources.extraPlaces.forEach((src, i) => {
			const listed = extraPlaces(src, i);
			fromLists += listed.length;
			merges.push(...mergeListedPlaces(all, listed, src.match));
		});
		return {
			all,
			fromOsm,
			osmObjects,
			sameFacility,
			fromLists,
			merges,
			perCategory: countByCategory(all),
		};
	},
	summary: (p) =>
		`${p.fromOsm} from OSM (${p.osmObjects} objects, ${p.osmObjects - p.fromOsm} merged into another of the same facility), ${p.fromLists} from extra lists (${p.merges.length} of them merged into the OSM place they match)`,
};

const origins: BuildStep<'origins'> = {
	name: "residents' origins",
	key: 'origins',
	run: (ctx) => {
		const { config } = need(ctx, 'source');
		const nb = need(ctx, 'neighbourhoods');
		const o = need(ctx, 'osm');
		const addresses = config.sources.addresses;
		const { origins: list, summary } = addresses
			? buildOrigins(addresses, nb.features, nb.originAges, o.data, o.coveragePolygons)
			: buildOriginsFromBuildings(
					config.sources.osm.path,
					nb.features,
					nb.originAges,
					o.data,
					o.coveragePolygons,
				);
		return { list, summary, source: addresses ? 'addresses' : 'buildings' };
	},
	summary: (o) =>
		o.source === 'addresses'
			? `${o.list.length} address points in the area, ${o.summary.edgeOfData} flagged edge-of-data`
			: `no address points configured: ${o.list.length} residential buildings, ${o.summary.edgeOfData} flagged edge-of-data`,
};

/** The analysis bundle's input from the earlier artefacts. */
export function bundleInputOf(ctx: BuildContext): { input: AnalysisBundleInput; places: Place[] } {
	const { config } = need(ctx, 'source');
	const nb = need(ctx, 'neighbourhoods');
	const o = need(ctx, 'osm');
	const { list } = need(ctx, 'origins');
	const c = o.coverage;
	const inCoverage = (ll: [number, number]) =>
		ll[0] >= c[0] && ll[0] <= c[2] && ll[1] >= c[1] && ll[1] <= c[3];
	const bundlePlaces = need(ctx, 'places').all.filter((p) => inCoverage(p.lngLat));
	const shares = (id: string) => {
		const src = nb.sources[id];
		return src && src.share65plus !== null
			? { share65plus: src.share65plus, share80plus: src.share80plus as number }
			: undefined;
	};
	const input: AnalysisBundleInput = {
		ways: o.data.ways
			.filter((w) => w.tags.highway !== undefined)
			.map((w) => ({ id: `w${w.id}`, nodeIds: w.refs, tags: w.tags })),
		nodeLngLat: o.data.coords,
		nodeTags: new Map([...o.data.taggedNodes.values()].map((n) => [n.id, n.tags])),
		origins: list.map((r) => ({
			id: r.id,
			lngLat: r.lngLat,
			residents: r.residents,
			residents65: r.residents65,
			residents80: r.residents80,
			neighbourhoodId: r.neighbourhoodId,
			edgeOfData: r.edgeOfData,
		})),
		places: bundlePlaces.map((p) => ({
			id: p.id,
			categoryIds: p.categoryIds,
			lngLat: p.lngLat,
			name: p.name,
		})),
		neighbourhoods: nb.features.map((f) => {
			const sh = shares(f.properties.id);
			const mine = list.filter((r) => r.neighbourhoodId === f.properties.id);
			// Without a coverage figure in the source: the share of its address points inside the extract.
			const fallback =
				mine.length > 0
					? mine.filter((r) => r.edgeReason !== 'outside_coverage').length / mine.length
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
		meta: { areaId: config.id, bbox: nb.bbox, dataDate: o.date },
		benchCategoryIds: ['bench'],
		joinBarriers: joinBarrierLines(o.data),
	};
	return { input, places: bundlePlaces };
}

const bundle: BuildStep<'bundle'> = {
	name: 'analysis bundle',
	key: 'bundle',
	run: (ctx) => {
		const { input, places: bundlePlaces } = bundleInputOf(ctx);
		const bytes = buildAnalysisBundle(input);
		const decoded = decodeAnalysisBundle(bytes);
		// Per neighbourhood, the origins only the bundle can tell apart (beyond the access limit, on
		// an isolated fragment): the manifest adds them to the origins' summary rows.
		const perNeighbourhood: Record<
			string,
			{ beyondAccessLimit: number; isolatedFragment: number }
		> = {};
		for (const id of Object.keys(need(ctx, 'origins').summary.perNeighbourhood)) {
			const k = decoded.neighbourhoods.findIndex((n) => n.id === id);
			let beyond = 0;
			let fragment = 0;
			for (let i = 0; i < decoded.origins.count; i++) {
				if (decoded.origins.neighbourhood[i] !== k) continue;
				if (decoded.origins.reason[i] === 2) beyond++;
				if (decoded.origins.reason[i] === 3) fragment++;
			}
			perNeighbourhood[id] = { beyondAccessLimit: beyond, isolatedFragment: fragment };
		}
		return {
			input,
			places: bundlePlaces,
			bytes,
			decoded,
			network: manifestNetwork(decoded, bundlePlaces),
			originsPerNeighbourhood: perNeighbourhood,
		};
	},
	summary: ({ decoded: b, network, bytes }) => {
		const r = b.network.originsPerReason;
		return `${b.graph.nodeCount} nodes, ${b.graph.edgeCount} edges (${network.joins.length} connectors joined fragments within ${network.joinMaxM} m; ${network.fragments.length} fragments left), ${b.origins.count} origins (${r.none} with figures, ${r.edge_of_data} edge of data, ${r.beyond_access_limit} beyond ${network.maxAccessM} m, ${r.isolated_fragment} on fragments), ${b.places.count} places (${network.placesOffMainNetwork.length} off the main network); ${kib(bytes.length)} KiB`;
	},
};

const basemap: BuildStep<'basemap'> = {
	name: 'basemap tiles',
	key: 'basemap',
	run: (ctx) => {
		const { config } = need(ctx, 'source');
		const o = need(ctx, 'osm');
		return buildArchive(
			'basemap',
			basemapLayers(o.data),
			o.coverage,
			config.sources.osm.attribution,
			`Basemap of ${config.name} from OpenStreetMap (${o.date})`,
		);
	},
	summary: (a) => `${kib(a.entry.bytes)} KiB, ${a.entry.tiles.addressed} tiles`,
};

const thematic: BuildStep<'thematic'> = {
	name: 'thematic tiles',
	key: 'thematic',
	run: (ctx) => {
		const { config } = need(ctx, 'source');
		const nb = need(ctx, 'neighbourhoods');
		const o = need(ctx, 'osm');
		const b = need(ctx, 'bundle').decoded;
		const osmAttribution = config.sources.osm.attribution;
		return {
			neighbourhoods: buildArchive(
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
				nb.bbox,
				config.sources.neighbourhoods.attribution,
				`Neighbourhoods of ${config.name} with population`,
			),
			places: buildArchive(
				'places',
				[
					{
						name: 'places',
						features: placeFeatures(need(ctx, 'places').all),
						...TILE_LAYERS.places.places,
					},
				],
				nb.bbox,
				[
					...new Set([osmAttribution, ...config.sources.extraPlaces.map((e) => e.attribution)]),
				].join('; '),
				`Places of ${config.name} by category (taxonomy ${TAXONOMY_VERSION})`,
			),
			network: buildArchive(
				'network',
				[
					{
						name: 'footways',
						features: networkFeatures(b, o.data),
						...TILE_LAYERS.network.footways,
					},
					{
						name: 'network_points',
						features: networkPointFeatures(b, o.data),
						...TILE_LAYERS.network.network_points,
					},
				],
				o.coverage,
				osmAttribution,
				`Pedestrian network of ${config.name} with accessibility per mobility profile`,
			),
		};
	},
	summary: (t) =>
		(['neighbourhoods', 'places', 'network'] as const)
			.map((k) => `${k} ${kib(t[k].entry.bytes)} KiB`)
			.join(', '),
};

const search: BuildStep<'search'> = {
	name: 'search index source',
	key: 'search',
	run: (ctx) => {
		const { config } = need(ctx, 'source');
		const nb = need(ctx, 'neighbourhoods');
		const { list } = need(ctx, 'origins');
		const nisOfNb = new Map(
			nb.features.map((f) => [f.properties.id, f.properties.municipality_nis]),
		);
		const localities = buildLocalities(
			config.municipalities,
			nb.features,
			config.sources.subMunicipalities,
			need(ctx, 'osm').data,
		);
		const src = buildSearchSource(
			config.id,
			need(ctx, 'places').all,
			list,
			new Map(list.map((o) => [o.id, nisOfNb.get(o.neighbourhoodId) ?? ''])),
			localities,
		);
		return { localities, source: src, file: encodeSearchSource(src) };
	},
	summary: (s) =>
		`${s.source.places.length} places, ${s.source.streets.length} streets, ${s.localities.list.length} localities; ${kib(s.file.jsonBytes)} KiB, ${kib(s.file.gzip.length)} KiB gzip`,
};

const parts: BuildStep<'parts'> = {
	name: 'per-municipality parts',
	key: 'parts',
	run: (ctx) => {
		const list = municipalityParts(
			need(ctx, 'source').config.municipalities,
			need(ctx, 'neighbourhoods').features,
			need(ctx, 'bundle').input,
			need(ctx, 'search').source,
		);
		return {
			list,
			files: list.map((p) => ({ analysis: p.analysis, search: encodeSearchSource(p.search) })),
		};
	},
	summary: ({ list, files }) =>
		list
			.map(
				(p, i) =>
					`${p.nis} ${p.counts.origins} origins, ${p.search.places.length} places, ${kib(p.analysis.length + (files[i]?.search.gzip.length ?? 0))} KiB`,
			)
			.join('; '),
};

/** The archives in manifest order. */
function archivesOf(ctx: BuildContext): Record<string, Archive> {
	return { basemap: need(ctx, 'basemap'), ...need(ctx, 'thematic') };
}

/** The manifest from every earlier artefact. */
export function manifestOf(ctx: BuildContext): AreaManifest {
	const { config, configRel, inputs, codeSha256 } = need(ctx, 'source');
	const ageMap = need(ctx, 'ages');
	const nb = need(ctx, 'neighbourhoods');
	const polygons = need(ctx, 'neighbourhoodPolygons');
	const o = need(ctx, 'osm');
	const p = need(ctx, 'places');
	const or = need(ctx, 'origins');
	const b = need(ctx, 'bundle');
	const s = need(ctx, 'search');
	const pt = need(ctx, 'parts');
	const archives = archivesOf(ctx);
	const areaBbox = nb.bbox;
	const center: [number, number, number] = [
		Math.round(((areaBbox[0] + areaBbox[2]) / 2) * 1e7) / 1e7,
		Math.round(((areaBbox[1] + areaBbox[3]) / 2) * 1e7) / 1e7,
		11,
	];
	const sum = (k: 'population_65plus' | 'population_80plus') =>
		ageMap ? nb.features.reduce((t, f) => t + (f.properties[k] ?? 0), 0) : null;
	const ageDate = config.sources.ageStructure?.date ?? '';
	const ageSrc = config.sources.neighbourhoodAges;
	const perReason = b.decoded.network.originsPerReason;
	const layerCounts: Record<string, number> = {};
	for (const a of Object.values(archives))
		for (const l of a.entry.layers) layerCounts[l.id] = l.features;
	const { summary } = or;
	return {
		schemaVersion: MANIFEST_SCHEMA_VERSION,
		area: {
			id: config.id,
			name: config.name,
			...(Object.keys(config.names).length > 0 ? { names: config.names } : {}),
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
			coverageBbox: o.coverage,
			latestEditDate: o.data.latestEditDate,
			nodes: o.data.coords.size,
			ways: o.data.ways.length,
			relations: o.data.relations.length,
		},
		archives: Object.fromEntries(Object.entries(archives).map(([k, v]) => [k, v.entry])),
		files: {
			analysis: { file: 'analysis.bin', bytes: b.bytes.length, sha256: sha256(b.bytes) },
			search: {
				file: 'search.json.gz',
				bytes: s.file.gzip.length,
				sha256: sha256(s.file.gzip),
				jsonBytes: s.file.jsonBytes,
			},
			boundaries: {
				file: 'boundaries.geojson',
				bytes: Buffer.byteLength(nb.boundariesJson),
				sha256: sha256(nb.boundariesJson),
			},
			neighbourhoods: {
				file: 'neighbourhoods.geojson',
				bytes: Buffer.byteLength(polygons.json),
				sha256: sha256(polygons.json),
			},
			municipalities: pt.list.map((m, i) => {
				const f = pt.files[i] as (typeof pt.files)[number];
				return {
					nis: m.nis,
					name: m.name,
					bbox: m.bbox,
					analysis: {
						file: `analysis-${m.nis}.bin`,
						bytes: f.analysis.length,
						sha256: sha256(f.analysis),
					},
					search: {
						file: `search-${m.nis}.json.gz`,
						bytes: f.search.gzip.length,
						sha256: sha256(f.search.gzip),
						jsonBytes: f.search.jsonBytes,
					},
				};
			}),
		},
		originSource: or.source,
		counts: {
			neighbourhoods: nb.features.length,
			population: nb.population,
			population65plus: sum('population_65plus'),
			population80plus: sum('population_80plus'),
			places: p.all.length,
			placesFromOsm: p.fromOsm,
			osmObjectsOfSameFacility: p.osmObjects - p.fromOsm,
			placesFromLists: p.fromLists,
			placesMerged: p.merges.length,
			placesInAnalysis: b.places.length,
			placesPerCategory: p.perCategory,
			placesInAnalysisPerCategory: countByCategory(b.places),
			origins: or.list.length,
			originsEdgeOfData: summary.edgeOfData,
			originsPerReason: perReason,
			originsPerNeighbourhood: Object.fromEntries(
				Object.entries(summary.perNeighbourhood).map(([id, row]) => [
					id,
					{ ...row, ...b.originsPerNeighbourhood[id] },
				]),
			),
			addressesRead: summary.addressesRead,
			...(summary.addressesOfOtherMunicipalities !== undefined
				? {
						addressesJoinedToOwnMunicipality: summary.addressesJoinedToOwnMunicipality,
						addressesOfOtherMunicipalities: summary.addressesOfOtherMunicipalities,
					}
				: {}),
			graphNodes: b.decoded.graph.nodeCount,
			graphEdges: b.decoded.graph.edgeCount,
			streets: s.source.streets.length,
			perLayer: layerCounts,
		},
		ageShares: Object.fromEntries(
			[...(ageMap?.values() ?? [])].map((a) => [
				a.nis,
				{ total: a.total, share65plus: a.share65plus, share80plus: a.share80plus, date: ageDate },
			]),
		),
		neighbourhoodSources: nb.sources,
		placeMerges: p.merges,
		sameFacility: { rule: { ...SAME_FACILITY }, merges: p.sameFacility },
		walkableRules: WALKABLE_RULES.map((r) => ({ ...r })),
		network: b.network,
		warnings: buildWarnings({
			placesInAnalysis: countByCategory(b.places),
			placesPerCategory: p.perCategory,
			osmDate: o.date,
			today: ctx.options.today ?? new Date().toISOString().slice(0, 10),
			network: b.network,
			originsPerReason: perReason,
			origins: or.list.length,
		}),
		assumptions: assumptionsFor({
			neighbourhoodAgeRows: tally(nb.sources, 'ages', 'neighbourhood table'),
			municipalShareRows: tally(nb.sources, 'ages', 'municipal shares'),
			...(ageSrc ? { ageTable: ageSrc } : {}),
			municipalAges: ageMap !== null,
			ageDate,
			originSource: or.source,
			coverage: o.coverage,
			...(o.coveragePolygons && config.sources.osm.coveragePolygon
				? { coveragePolygon: config.sources.osm.coveragePolygon.relativePath }
				: {}),
		}),
		attribution: [...new Set(configInputs(config).map((i) => i.src.attribution))],
	};
}

const publish: BuildStep<'publish'> = {
	name: 'manifest and publish',
	key: 'publish',
	run: (ctx) => {
		const { config } = need(ctx, 'source');
		const manifest = manifestOf(ctx);
		const manifestJson = `${JSON.stringify(manifest, null, '\t')}\n`;
		// what the app will read, checked against the contract it reads it with, before anything is written
		parseWith(ManifestSchema, JSON.parse(manifestJson), `${config.id}: the manifest to publish`);
		const b = need(ctx, 'bundle');
		const s = need(ctx, 'search');
		const pt = need(ctx, 'parts');
		const outRoot = path.resolve(ctx.options.outRoot ?? path.join(REPO_ROOT, 'tiles'));
		const outDir = path.join(outRoot, config.id);
		const tmpDir = path.join(outRoot, `.${config.id}.tmp-${process.pid}`);
		rmSync(tmpDir, { recursive: true, force: true });
		mkdirSync(tmpDir, { recursive: true });
		try {
			for (const a of Object.values(archivesOf(ctx)))
				writeFileSync(path.join(tmpDir, a.entry.file), a.buffer);
			writeFileSync(path.join(tmpDir, 'analysis.bin'), b.bytes);
			writeFileSync(path.join(tmpDir, 'search.json.gz'), s.file.gzip);
			writeFileSync(
				path.join(tmpDir, 'boundaries.geojson'),
				need(ctx, 'neighbourhoods').boundariesJson,
			);
			writeFileSync(
				path.join(tmpDir, 'neighbourhoods.geojson'),
				need(ctx, 'neighbourhoodPolygons').json,
			);
			manifest.files.municipalities.forEach((m, i) => {
				const f = pt.files[i] as (typeof pt.files)[number];
				writeFileSync(path.join(tmpDir, m.analysis.file), f.analysis);
				writeFileSync(path.join(tmpDir, m.search.file), f.search.gzip);
			});
			writeFileSync(path.join(tmpDir, 'manifest.json'), manifestJson);
			publishDir(tmpDir, outDir);
		} catch (e) {
			rmSync(tmpDir, { recursive: true, force: true });
			throw e;
		}
		writeAreaIndex(outRoot, [config.id]);
		return { manifest, outDir };
	},
	summary: ({ outDir }) => `→ ${path.relative(process.cwd(), outDir) || outDir}`,
};

/** The pipeline, in order: the progress display counts these rows. */
export const BUILD_STEPS: readonly AnyStep[] = [
	source,
	ages,
	neighbourhoods,
	neighbourhoodPolygonsStep,
	osm,
	places,
	origins,
	bundle,
	basemap,
	thematic,
	search,
	parts,
	publish,
];
