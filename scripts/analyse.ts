/**
 * `npm run analyse -- --area tiles/vorselaar-lille --category <id> --profile <walking|rollator|wheelchair>
 *   --out <file.geojson> [--summary <file.csv>] [--norm <metres>] [--unknown optimistic|cautious]
 *   [--cells <file.geojson>] [--cell-m <metres>] [--max-access-m <metres>]`
 *
 * Reads the area's analysis bundle (`<area>/analysis.bin`, built by `npm run tiles:build`), runs one
 * coverage sweep and writes every origin as a GeoJSON Point with distance_m, time_min, place_id,
 * unknown_share, residents, residents_65, residents_80, neighbourhood_id, edge_of_data (and
 * beyond_norm when a norm is known). `--summary` writes the neighbourhood table as CSV, `--cells`
 * the aggregated grid. Progress goes to stderr; exit code 1 with a message on bad input.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeAnalysisBundle, MAX_ACCESS_M, ORIGIN_REASONS } from '../src/analysis/bundle.ts';
import { AnalysisEngine } from '../src/analysis/engine.ts';
import { PROFILE_IDS, type ProfileId, type UnknownMode } from '../src/contracts/profiles.ts';
import { categoryById, CATEGORY_IDS, isCategoryId } from '../src/contracts/taxonomy.ts';
import {
	cellsToGeoJSON,
	isNoneMapped,
	originsToGeoJSON,
	summarizeByNeighbourhood,
	summaryToCsv,
} from '../src/analysis/summary.ts';

class UsageError extends Error {}

const USAGE =
	'usage: npm run analyse -- --area <built area folder> --category <id> --profile <walking|rollator|wheelchair> --out <file.geojson> [--summary <file.csv>] [--norm <metres>] [--unknown optimistic|cautious] [--cells <file.geojson>] [--cell-m <metres>]';

/** Parses `--key value` pairs. */
export function parseArgs(argv: string[]): Map<string, string> {
	const out = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i] as string;
		if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"\n${USAGE}`);
		const v = argv[i + 1];
		if (v === undefined || v.startsWith('--'))
			throw new UsageError(`option ${a} needs a value\n${USAGE}`);
		out.set(a.slice(2), v);
		i++;
	}
	return out;
}

function writeAtomic(file: string, text: string): void {
	const tmp = `${file}.tmp-${process.pid}`;
	writeFileSync(tmp, text);
	renameSync(tmp, file);
}

function num(opts: Map<string, string>, name: string): number | undefined {
	const v = opts.get(name);
	if (v === undefined) return undefined;
	const n = Number(v);
	if (!Number.isFinite(n) || n <= 0)
		throw new UsageError(`--${name} must be a positive number of metres, got "${v}"`);
	return n;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
	try {
		const opts = parseArgs(argv);
		const area = opts.get('area');
		const categoryId = opts.get('category');
		const profile = opts.get('profile');
		const out = opts.get('out');
		if (!area || !categoryId || !profile || !out) {
			throw new UsageError(`--area, --category, --profile and --out are required\n${USAGE}`);
		}
		if (!isCategoryId(categoryId)) {
			throw new UsageError(
				`unknown category "${categoryId}": use one of ${CATEGORY_IDS.join(', ')}`,
			);
		}
		if (!(PROFILE_IDS as readonly string[]).includes(profile)) {
			throw new UsageError(`unknown profile "${profile}": use walking, rollator or wheelchair`);
		}
		const unknownMode = (opts.get('unknown') ?? 'optimistic') as UnknownMode;
		if (unknownMode !== 'optimistic' && unknownMode !== 'cautious') {
			throw new UsageError(
				`--unknown must be optimistic or cautious, got "${String(unknownMode)}"`,
			);
		}
		const bundleFile = path.join(area, 'analysis.bin');
		if (!existsSync(bundleFile)) {
			throw new UsageError(`${bundleFile} does not exist: build it with npm run tiles:build`);
		}
		process.stderr.write(`reading ${bundleFile}\n`);
		const bundle = decodeAnalysisBundle(new Uint8Array(readFileSync(bundleFile)));
		const engine = new AnalysisEngine(bundle, { maxAccessM: num(opts, 'max-access-m') ?? 300 });
		const normM = num(opts, 'norm') ?? categoryById(categoryId).defaultNormM;
		const t0 = performance.now();
		process.stderr.write(
			`snapping ${bundle.origins.count} origins for ${profile} (${unknownMode})\n`,
		);
		const run = engine.coverage({ categoryId, profile: profile as ProfileId, unknownMode });
		process.stderr.write(
			`swept ${run.result.placeCount} places of "${categoryId}" in ${(performance.now() - t0).toFixed(0)} ms\n`,
		);
		const noneMapped = isNoneMapped(bundle, run.result);
		if (noneMapped) {
			process.stderr.write(
				`category "${categoryId}": none mapped — no place of it in ${bundleFile}, so no distances; the outputs say "none mapped" (categories with places: ${engine.categoriesWithPlaces().join(', ')})\n`,
			);
		}
		const perReason = new Map<string, number>();
		let noUsableWay = 0;
		for (let i = 0; i < bundle.origins.count; i++) {
			const r = run.result.originReason[i] as number;
			if (r !== 0)
				perReason.set(
					ORIGIN_REASONS[r] as string,
					(perReason.get(ORIGIN_REASONS[r] as string) ?? 0) + 1,
				);
			else if ((run.snaps.edge[i] as number) < 0) noUsableWay++;
		}
		// the reasons are the bundle's (the pipeline's access limit); the engine's limit decides the snaps
		process.stderr.write(
			`origins without a figure, reported apart: ${perReason.get('edge_of_data') ?? 0} at the edge of the data, ${perReason.get('beyond_access_limit') ?? 0} farther than ${MAX_ACCESS_M} m from every way, ${perReason.get('isolated_fragment') ?? 0} on an isolated fragment\n` +
				`origins with no way the profile may use within ${engine.maxAccessM} m: ${noUsableWay}, nothing reachable (beyond the norm)\n`,
		);
		const fc = originsToGeoJSON(bundle, run.result, (l) => run.placeId(l), normM);
		writeAtomic(
			out,
			`${JSON.stringify({ ...fc, metadata: { area: bundle.meta.areaId, dataDate: bundle.meta.dataDate, categoryId, state: noneMapped ? 'none_mapped' : 'measured', profile, unknownMode, normM } })}\n`,
		);
		process.stderr.write(`wrote ${fc.features.length} origins to ${out}\n`);
		const summary = opts.get('summary');
		const cells = opts.get('cells');
		if (summary) {
			writeAtomic(summary, summaryToCsv(summarizeByNeighbourhood(bundle, run.result, normM)));
			process.stderr.write(`wrote neighbourhood summary (norm ${normM} m) to ${summary}\n`);
		}
		if (cells) {
			const grid = cellsToGeoJSON(bundle, run.result, normM, num(opts, 'cell-m') ?? 200);
			writeAtomic(cells, `${JSON.stringify(grid)}\n`);
			process.stderr.write(`wrote ${grid.features.length} cells to ${cells}\n`);
		}
		return 0;
	} catch (err) {
		process.stderr.write(`analyse: ${err instanceof Error ? err.message : String(err)}\n`);
		return 1;
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	process.exitCode = await main(process.argv.slice(2));
}
