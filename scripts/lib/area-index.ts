/**
 * The index of built areas, `tiles/areas.json`, from which the app offers its areas, and the area
 * configs found under `data/`. Kept free of heavy imports: `scripts/ensure-area.ts` runs it on every
 * `npm run dev` even when nothing is stale.
 *
 * `areas.json`: `{ version: 1, areas: [{ id, name, municipalities, bbox, builtAt }] }`, sorted by
 * name. `builtAt` is when the area's folder was published (ISO 8601); the area folder itself holds
 * no build time, so the same inputs still give byte-identical files there.
 */
import {
	existsSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { AreaConfig } from './area-config.ts';

export const AREA_INDEX_FILE = 'areas.json';
export const AREA_INDEX_VERSION = 1;

/** One built area in the index. */
export interface AreaIndexEntry {
	id: string;
	name: string;
	/** The name where a language writes it otherwise (the area config's `names`). */
	names?: AreaConfig['names'];
	municipalities: { nis: string; name: string }[];
	/** [west, south, east, north] in degrees. */
	bbox: [number, number, number, number];
	/** When the area was built (published), ISO 8601. */
	builtAt: string;
}

export interface AreaIndex {
	version: number;
	areas: AreaIndexEntry[];
}

/**
 * Every area config under `dataDir`: files named `area.json` or `<name>.area.json`, at any depth,
 * sorted by path.
 */
export function findAreaConfigs(dataDir: string): string[] {
	const out: string[] = [];
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const p = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(p);
			else if (entry.isFile() && (entry.name === 'area.json' || entry.name.endsWith('.area.json')))
				out.push(p);
		}
	};
	if (existsSync(dataDir)) walk(dataDir);
	return out.sort();
}

function readJson(file: string): unknown {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/**
 * Writes `<outRoot>/areas.json` from the manifests of the area folders in `outRoot` (temporary and
 * half-published folders are skipped). An area keeps the `builtAt` the index already had for it,
 * unless it is in `builtNow`; an area new to the index takes its manifest's modification time.
 * Written to a temporary file and renamed, so a reader never sees half an index.
 */
export function writeAreaIndex(outRoot: string, builtNow: readonly string[] = []): AreaIndex {
	const indexFile = path.join(outRoot, AREA_INDEX_FILE);
	const previous = readJson(indexFile) as Partial<AreaIndex> | undefined;
	const before = new Map(
		(Array.isArray(previous?.areas) ? previous.areas : []).map((a) => [a.id, a.builtAt]),
	);
	const now = new Date().toISOString();
	const areas: AreaIndexEntry[] = [];
	if (existsSync(outRoot)) {
		for (const entry of readdirSync(outRoot, { withFileTypes: true })) {
			if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name.includes('.old-'))
				continue;
			const manifestFile = path.join(outRoot, entry.name, 'manifest.json');
			const m = readJson(manifestFile) as
				{ area?: Partial<AreaIndexEntry> & { id?: unknown; name?: unknown } } | undefined;
			const a = m?.area;
			if (!a || a.id !== entry.name || typeof a.name !== 'string' || !Array.isArray(a.bbox))
				continue;
			areas.push({
				id: a.id,
				name: a.name,
				...(a.names && typeof a.names === 'object' ? { names: a.names } : {}),
				municipalities: Array.isArray(a.municipalities) ? a.municipalities : [],
				bbox: a.bbox,
				builtAt: builtNow.includes(a.id)
					? now
					: (before.get(a.id) ?? statSync(manifestFile).mtime.toISOString()),
			});
		}
	}
	areas.sort((x, y) => x.name.localeCompare(y.name) || x.id.localeCompare(y.id));
	const index: AreaIndex = { version: AREA_INDEX_VERSION, areas };
	const tmp = `${indexFile}.tmp-${process.pid}`;
	writeFileSync(tmp, `${JSON.stringify(index, null, '\t')}\n`);
	renameSync(tmp, indexFile);
	return index;
}
