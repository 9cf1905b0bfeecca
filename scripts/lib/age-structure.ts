/**
 * Municipal age structure (Statbel population by single year of age) → shares of residents aged
 * 65+ and 80+ per municipality. These shares are applied to neighbourhood populations: the sources
 * hold no age figures per neighbourhood, so the estimate assumes each neighbourhood has its
 * municipality's age structure (an assumption written into the manifest).
 */
import type { AgeSource } from './area-config.ts';
import { InputError, parseCsv, readInput } from './io.ts';

/** Age figures of one municipality. Counts are persons. */
export interface AgeShares {
	nis: string;
	total: number;
	aged65plus: number;
	aged80plus: number;
	/** aged65plus / total */
	share65plus: number;
	/** aged80plus / total */
	share80plus: number;
}

/**
 * Parses an age value: a single year ("67"), a band ("65-69", "65 - 69") or an open band ("80+",
 * "95 en meer"/"95 et plus"/"95 and over"). Returns the band's first and last year (Infinity when
 * open), or null when the value is not an age.
 */
export function parseAgeBand(value: string): [number, number] | null {
	const v = value.trim().toLowerCase();
	let m = /^(\d{1,3})$/.exec(v);
	if (m) return [Number(m[1]), Number(m[1])];
	m = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(v);
	if (m && Number(m[1]) <= Number(m[2])) return [Number(m[1]), Number(m[2])];
	m = /^(\d{1,3})\s*(\+|en meer|et plus|and over|or more)$/.exec(v);
	if (m) return [Number(m[1]), Infinity];
	return null;
}

/**
 * Sums an age CSV (one row per key × age; other columns such as sex are summed) into totals and
 * 65+/80+ counts per key. Bands may not straddle 65 or 80.
 * @throws InputError naming the file, the row and the problem
 */
export function readAgeSharesBy(
	file: string,
	what: string,
	keyColumn: string,
	ageColumn: string,
	countColumn: string,
): Map<string, AgeShares> {
	const rows = parseCsv(readInput(file, what).toString('utf8'), file);
	if (rows.length === 0) throw new InputError(`${file}: ${what} CSV has no data rows`);
	for (const col of [keyColumn, ageColumn, countColumn]) {
		if (!(col in (rows[0] as Record<string, string>))) {
			throw new InputError(`${file}: ${what} CSV has no column "${col}"`);
		}
	}
	const acc = new Map<string, { total: number; a65: number; a80: number }>();
	rows.forEach((r, i) => {
		const key = (r[keyColumn] ?? '').trim();
		const band = parseAgeBand(r[ageColumn] ?? '');
		const count = Number(r[countColumn]);
		if (!key || !band || !Number.isFinite(count) || count < 0) {
			throw new InputError(`${file}: row ${i + 2} has an invalid ${keyColumn}, age or count`);
		}
		for (const limit of [65, 80]) {
			if (band[0] < limit && band[1] >= limit) {
				throw new InputError(
					`${file}: row ${i + 2}: the age band "${r[ageColumn]}" straddles ${limit}; use bands that start at 65 and 80`,
				);
			}
		}
		const a = acc.get(key) ?? { total: 0, a65: 0, a80: 0 };
		a.total += count;
		if (band[0] >= 65) a.a65 += count;
		if (band[0] >= 80) a.a80 += count;
		acc.set(key, a);
	});
	const out = new Map<string, AgeShares>();
	for (const [key, a] of [...acc].sort(([x], [y]) => x.localeCompare(y))) {
		if (a.total <= 0) throw new InputError(`${file}: ${key} has a total of 0 residents`);
		out.set(key, {
			nis: key,
			total: a.total,
			aged65plus: a.a65,
			aged80plus: a.a80,
			share65plus: a.a65 / a.total,
			share80plus: a.a80 / a.total,
		});
	}
	return out;
}

/**
 * Reads the municipal age CSV (one row per municipality × age, possibly split further by sex or
 * other columns, which are summed).
 * @returns shares per municipality NIS code
 */
export function readAgeShares(src: AgeSource): Map<string, AgeShares> {
	return readAgeSharesBy(
		src.path,
		'age structure',
		src.municipalityColumn,
		src.ageColumn,
		src.countColumn,
	);
}
