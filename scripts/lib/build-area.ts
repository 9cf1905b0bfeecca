/**
 * Builds everything the app needs for one area from its config: tile archives, the manifest (and,
 * as the pipeline grows, the analysis bundle and the search index) in `<outRoot>/<area id>/`.
 *
 * The output folder is built in a temporary sibling and renamed into place at the end, so a failed
 * or interrupted build never leaves a half-written area to be served.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readAgeShares, type AgeShares } from './age-structure.ts';
import { buildArchive, type ArchiveEntry } from './archive.ts';
import { loadAreaConfig, type AreaConfig, type SourceInfo } from './area-config.ts';
import { bboxOf, type Bbox } from './geo.ts';
import { publishDir, sha256File } from './io.ts';
import { readNeighbourhoods } from './neighbourhoods.ts';
import { Progress } from './progress.ts';
import { PIPELINE_NAME, PIPELINE_VERSION, REPO_ROOT, pipelineCodeHash } from './version.ts';

/** Manifest format version (the app checks it). */
export const MANIFEST_SCHEMA_VERSION = 1;

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
	config: { path: string; sha256: string };
	inputs: ManifestInput[];
	/** Archives by name; each file lies next to the manifest. */
	archives: Record<string, ArchiveEntry>;
	counts: {
		neighbourhoods: number;
		population: number;
		population65plus: number | null;
		population80plus: number | null;
	};
	/** Age shares used for the 65+/80+ estimates, per municipality NIS code. */
	ageShares: Record<
		string,
		{ total: number; share65plus: number; share80plus: number; date: string }
	>;
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

/** Every input file of a config with its role, in a fixed order. */
export function configInputs(config: AreaConfig): { role: string; src: SourceInfo }[] {
	const s = config.sources;
	const list: { role: string; src: SourceInfo }[] = [
		{ role: 'osm', src: s.osm },
		{ role: 'neighbourhoods', src: s.neighbourhoods },
	];
	if (s.addresses) list.push({ role: 'addresses', src: s.addresses });
	if (s.ageStructure) list.push({ role: 'ageStructure', src: s.ageStructure });
	s.extraPlaces.forEach((e, i) => list.push({ role: `extraPlaces[${i}]`, src: e }));
	return list;
}

/**
 * Runs the pipeline for the area config at `configPath`.
 * @throws AreaConfigError / InputError naming the file and the problem; nothing is published then
 */
export async function buildArea(
	configPath: string,
	options: BuildOptions = {},
): Promise<BuildResult> {
	const progress = new Progress(4, { silent: options.silent ?? false });
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
	const nb = readNeighbourhoods(config.sources.neighbourhoods, config, ages);
	const areaBbox = bboxOf(nb.features);
	const population = nb.features.reduce((s, f) => s + f.properties.population, 0);
	progress.done(`${nb.features.length} neighbourhoods (${nb.crs}), ${population} residents`);

	progress.step('tiles and manifest');
	const osmAttribution = config.sources.osm.attribution;
	const nbAttribution = config.sources.neighbourhoods.attribution;
	const archives: Record<string, { buffer: Buffer; entry: ArchiveEntry }> = {
		neighbourhoods: buildArchive(
			'neighbourhoods',
			[
				{
					name: 'neighbourhoods',
					features: nb.features as never,
					minZoom: 6,
					maxZoom: 14,
					tolerance: 2,
				},
				{ name: 'neighbourhood_labels', features: nb.labels as never, minZoom: 6, maxZoom: 14 },
			],
			areaBbox,
			nbAttribution,
			`Neighbourhoods of ${config.name} with population`,
		),
	};

	const center: [number, number, number] = [
		Math.round(((areaBbox[0] + areaBbox[2]) / 2) * 1e7) / 1e7,
		Math.round(((areaBbox[1] + areaBbox[3]) / 2) * 1e7) / 1e7,
		11,
	];
	const sum = (k: 'population_65plus' | 'population_80plus') =>
		ages ? nb.features.reduce((s, f) => s + (f.properties[k] ?? 0), 0) : null;
	const ageDate = config.sources.ageStructure?.date ?? '';
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
		config: { path: configRel, sha256: sha256File(config.configPath) },
		inputs,
		archives: Object.fromEntries(Object.entries(archives).map(([k, v]) => [k, v.entry])),
		counts: {
			neighbourhoods: nb.features.length,
			population,
			population65plus: sum('population_65plus'),
			population80plus: sum('population_80plus'),
		},
		ageShares: Object.fromEntries(
			[...(ages?.values() ?? [])].map((a) => [
				a.nis,
				{ total: a.total, share65plus: a.share65plus, share80plus: a.share80plus, date: ageDate },
			]),
		),
		assumptions: [
			ages
				? `Residents aged 65+ and 80+ per neighbourhood are estimated by applying the municipality's age shares (${ageDate}) to the neighbourhood population: the sources hold no age figures per neighbourhood.`
				: 'No age structure configured: no 65+/80+ estimates.',
		],
		attribution: [
			...new Set([
				osmAttribution,
				nbAttribution,
				...configInputs(config).map((i) => i.src.attribution),
			]),
		],
	};

	const outRoot = path.resolve(options.outRoot ?? path.join(REPO_ROOT, 'tiles'));
	const outDir = path.join(outRoot, config.id);
	const tmpDir = path.join(outRoot, `.${config.id}.tmp-${process.pid}`);
	rmSync(tmpDir, { recursive: true, force: true });
	mkdirSync(tmpDir, { recursive: true });
	try {
		for (const [, a] of Object.entries(archives))
			writeFileSync(path.join(tmpDir, a.entry.file), a.buffer);
		writeFileSync(path.join(tmpDir, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
		publishDir(tmpDir, outDir);
	} catch (e) {
		rmSync(tmpDir, { recursive: true, force: true });
		throw e;
	}
	const sizes = Object.values(archives)
		.map((a) => `${a.entry.file} ${(a.entry.bytes / 1024).toFixed(1)} KiB`)
		.join(', ');
	progress.done(`${sizes} → ${path.relative(process.cwd(), outDir) || outDir}`);
	const seconds = progress.elapsedS();
	progress.info(`done in ${seconds.toFixed(1)} s`);
	return { outDir, manifest, seconds };
}
