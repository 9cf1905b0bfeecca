/**
 * Builds everything the app needs for one area from its config: tile archives, the manifest (and,
 * as the pipeline grows, the analysis bundle and the search index) in `<outRoot>/<area id>/`.
 *
 * The output folder is built in a temporary sibling and renamed into place at the end, so a failed
 * or interrupted build never leaves a half-written area to be served. The steps are a table in
 * `build-steps.ts`; this module holds the manifest's type and runs the table.
 */
import type { ArchiveEntry } from './archive.ts';
import { configInputs, type AreaConfig } from './area-config.ts';
import {
	BUILD_STEPS,
	buildContext,
	need,
	runStep,
	type ArtefactKey,
	type BuildStep,
} from './build-steps.ts';
import type { Bbox } from './geo.ts';
import type { NeighbourhoodSources } from './neighbourhoods.ts';
import type { BuildWarning, ManifestNetwork } from './network-report.ts';
import type { OriginSummary } from './origins.ts';
import type { PlaceMerge, SameFacilityMerge } from './places.ts';
import type { SameFacilityRule } from '../config/same-facility.ts';
import { Progress } from './progress.ts';
import type { OriginReason } from '../../src/analysis/bundle.ts';
import type { WalkableRule } from '../../src/analysis/profiles.ts';
import { MANIFEST_SCHEMA_VERSION } from '../../src/contracts/manifest.ts';

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
		/** The name where a language writes it otherwise (the config's `names`), when given. */
		names?: AreaConfig['names'];
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
		/** The search source, gzip-compressed (src/contracts/search-source.ts); `jsonBytes` uncompressed. */
		search: { file: string; bytes: number; sha256: string; jsonBytes: number };
		/** The municipality boundaries (GeoJSON MultiPolygons with `nis` and `name`). */
		boundaries: { file: string; bytes: number; sha256: string };
		/**
		 * The neighbourhood polygons (GeoJSON MultiPolygons with `id` (the statistical code), `name`
		 * and `municipality_nis`; 1e-6°), for the app to count places per neighbourhood.
		 */
		neighbourhoods: { file: string; bytes: number; sha256: string };
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

export { configInputs };

/**
 * Runs the pipeline for the area config at `configPath`: the steps of {@link BUILD_STEPS} in order,
 * each reporting its artefact on the progress display.
 * @throws AreaConfigError / InputError naming the file and the problem; nothing is published then
 */
export async function buildArea(
	configPath: string,
	options: BuildOptions = {},
): Promise<BuildResult> {
	const progress = new Progress(BUILD_STEPS.length, { silent: options.silent ?? false });
	const ctx = buildContext(configPath, options);
	for (const step of BUILD_STEPS) {
		progress.step(step.name);
		// Each row is typed by its own key; the union loses the pairing of run and summary.
		const s = step as BuildStep<ArtefactKey>;
		progress.done(s.summary(await runStep(s, ctx), ctx));
	}
	const { manifest, outDir } = need(ctx, 'publish');
	for (const w of manifest.warnings) progress.info(`warning: ${w.message}`);
	const seconds = progress.elapsedS();
	progress.info(`done in ${seconds.toFixed(1)} s`);
	return { outDir, manifest, seconds };
}
