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
import { decodeAnalysisBundle } from '../src/analysis/bundle.ts';
import { AnalysisEngine } from '../src/analysis/engine.ts';
import { PROFILE_IDS, type ProfileId, type UnknownMode } from '../src/analysis/profiles.ts';
import {
	cellsToGeoJSON,
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

/**
 * The default norm of a category from the taxonomy (src/analysis/taxonomy.ts, owned by the
 * pipeline), if that module exists and names one; undefined otherwise.
 */
async function taxonomyNormM(categoryId: string): Promise<number | undefined> {
	const file = path.resolve(import.meta.dirname, '../src/analysis/taxonomy.ts');
	if (!existsSync(file)) return undefined;
	const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
	for (const value of Object.values(mod)) {
		const list = Array.isArray(value)
			? value
			: value && typeof value === 'object'
				? Object.values(value)
				: [];
		for (const c of list as unknown[]) {
			if (!c || typeof c !== 'object') continue;
			const rec = c as Record<string, unknown>;
			if (rec.id !== categoryId) continue;
			for (const [k, v] of Object.entries(rec)) {
				if (/norm/i.test(k) && typeof v === 'number' && v > 0) return v;
			}
		}
	}
	return undefined;
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
		if (engine.placesOf(categoryId).length === 0) {
			const known = engine.categoriesWithPlaces();
			process.stderr.write(
				`warning: no place of category "${categoryId}" in ${bundleFile}; categories with places: ${known.join(', ')}\n`,
			);
		}
		const normM = num(opts, 'norm') ?? (await taxonomyNormM(categoryId));
		const t0 = performance.now();
		process.stderr.write(
			`snapping ${bundle.origins.count} origins for ${profile} (${unknownMode})\n`,
		);
		const run = engine.coverage({ categoryId, profile: profile as ProfileId, unknownMode });
		process.stderr.write(
			`swept ${run.result.placeCount} places of "${categoryId}" in ${(performance.now() - t0).toFixed(0)} ms\n`,
		);
		const fc = originsToGeoJSON(bundle, run.result, (l) => run.placeId(l), normM);
		writeAtomic(
			out,
			`${JSON.stringify({ ...fc, metadata: { area: bundle.meta.areaId, dataDate: bundle.meta.dataDate, categoryId, profile, unknownMode, normM: normM ?? null } })}\n`,
		);
		process.stderr.write(`wrote ${fc.features.length} origins to ${out}\n`);
		const summary = opts.get('summary');
		const cells = opts.get('cells');
		if ((summary || cells) && normM === undefined) {
			throw new UsageError(`category "${categoryId}" has no default norm: give --norm <metres>`);
		}
		if (summary && normM !== undefined) {
			writeAtomic(summary, summaryToCsv(summarizeByNeighbourhood(bundle, run.result, normM)));
			process.stderr.write(`wrote neighbourhood summary (norm ${normM} m) to ${summary}\n`);
		}
		if (cells && normM !== undefined) {
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
