/**
 * The Statbel table per statistical sector (population, sector names) and its join to the
 * neighbourhood polygons: population of polygons that carry none, names of polygons that carry
 * none (or only a code), and the sectors of each neighbourhood for age tables keyed by sector.
 *
 * A neighbourhood's sectors are, in this order: the rows whose `neighbourhoodColumn` is its id;
 * else the codes listed in its `sectorsProperty`; else its id itself (polygons of sectors).
 */
import type { PopulationSource } from './area-config.ts';
import { InputError, parseCsv, readInput } from './io.ts';

/** One statistical sector. */
export interface SectorRow {
	sector: string;
	population: number;
	neighbourhood: string | null;
	name: string | null;
}

/**
 * Reads the sector table.
 * @throws InputError naming the file, a missing column or a bad row
 */
export function readSectorTable(src: PopulationSource): SectorRow[] {
	const rows = parseCsv(readInput(src.path, 'population').toString('utf8'), src.path);
	if (rows.length === 0) throw new InputError(`${src.path}: population CSV has no data rows`);
	const cols: [string, string | null][] = [
		['sectorColumn', src.sectorColumn],
		['populationColumn', src.populationColumn],
		['neighbourhoodColumn', src.neighbourhoodColumn],
		['nameColumn', src.nameColumn],
	];
	for (const [field, col] of cols) {
		if (col !== null && !(col in (rows[0] as Record<string, string>))) {
			throw new InputError(
				`${src.path}: sources.population.${field} "${col}" is not a column of the CSV (columns: ${Object.keys(rows[0] as Record<string, string>).join(', ')})`,
			);
		}
	}
	const seen = new Set<string>();
	return rows.map((r, i) => {
		const sector = (r[src.sectorColumn] ?? '').trim();
		const population = Number(r[src.populationColumn]);
		if (!sector || !Number.isFinite(population) || population < 0) {
			throw new InputError(`${src.path}: row ${i + 2} has no sector code or no valid population`);
		}
		if (seen.has(sector)) throw new InputError(`${src.path}: sector "${sector}" appears twice`);
		seen.add(sector);
		const nb = src.neighbourhoodColumn ? (r[src.neighbourhoodColumn] ?? '').trim() : '';
		const name = src.nameColumn ? (r[src.nameColumn] ?? '').trim() : '';
		return { sector, population, neighbourhood: nb || null, name: name || null };
	});
}

/** Splits a list of sector codes ("13044A10-;13044A19-"). */
export function sectorCodes(value: unknown): string[] {
	if (typeof value !== 'string' && typeof value !== 'number') return [];
	return String(value)
		.split(/[;,]/)
		.map((s) => s.trim())
		.filter(Boolean);
}

/** The sectors of a neighbourhood (see the module comment for the order of the ways to join). */
export function sectorsOf(
	table: readonly SectorRow[],
	id: string,
	listed: string[],
	byNeighbourhood: boolean,
): SectorRow[] {
	if (byNeighbourhood) return table.filter((r) => r.neighbourhood === id);
	const codes = listed.length > 0 ? listed : [id];
	const bySector = new Map(table.map((r) => [r.sector, r]));
	return codes.map((c) => bySector.get(c)).filter((r): r is SectorRow => r !== undefined);
}

/** "VORSELAAR-CENTRUM" → "Vorselaar-Centrum"; names in mixed case stay as they are. */
export function tidyName(name: string): string {
	const t = name.trim().replace(/\s+/g, ' ');
	if (t !== t.toUpperCase()) return t;
	return t
		.toLowerCase()
		.replace(/(^|[\s\-('/])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

/**
 * A neighbourhood's name from its sectors' names: the one name when there is one; the first word
 * all of them share ("Sassenhout-Kern", "Sassenhout-Verspr Bew" → "Sassenhout"); else the most
 * populous sector's name followed by "e.o." (en omgeving: and surroundings). Null without names.
 *
 * @example nameFromSectors([{ name: 'Vorselaar-Centrum', population: 3622 }, { name: 'Vispluk', population: 266 }]) // 'Vorselaar-Centrum e.o.'
 */
export function nameFromSectors(
	sectors: readonly { name: string | null; population: number }[],
): string | null {
	const named = sectors.filter((s): s is { name: string; population: number } => !!s.name);
	if (named.length === 0) return null;
	const names = named.map((s) => tidyName(s.name));
	if (new Set(names).size === 1) return names[0] as string;
	const first = names.map((n) => n.split(/[\s-]+/)[0] ?? '');
	const f0 = first[0] as string;
	if (f0.length >= 3 && first.every((f) => f.toLowerCase() === f0.toLowerCase())) return f0;
	let best = 0;
	named.forEach((s, i) => {
		const b = named[best] as { population: number };
		if (s.population > b.population) best = i;
	});
	return `${names[best]} e.o.`;
}

/** Whether a polygon's name is missing or only a code (contains the neighbourhood's id). */
export function isCodeName(name: unknown, id: string): boolean {
	return typeof name !== 'string' || name.trim() === '' || name.includes(id);
}
