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
 * Reads the age CSV (one row per municipality × age, possibly split further by sex or other columns,
 * which are summed).
 * @returns shares per municipality NIS code
 */
export function readAgeShares(src: AgeSource): Map<string, AgeShares> {
	const rows = parseCsv(readInput(src.path, 'age structure').toString('utf8'), src.path);
	if (rows.length === 0) throw new InputError(`${src.path}: age structure CSV has no data rows`);
	for (const col of [src.municipalityColumn, src.ageColumn, src.countColumn]) {
		if (!(col in (rows[0] as Record<string, string>))) {
			throw new InputError(`${src.path}: age structure CSV has no column "${col}"`);
		}
	}
	const acc = new Map<string, { total: number; a65: number; a80: number }>();
	rows.forEach((r, i) => {
		const nis = (r[src.municipalityColumn] ?? '').trim();
		const age = Number(r[src.ageColumn]);
		const count = Number(r[src.countColumn]);
		if (!nis || !Number.isInteger(age) || age < 0 || !Number.isFinite(count) || count < 0) {
			throw new InputError(`${src.path}: row ${i + 2} has an invalid municipality, age or count`);
		}
		const a = acc.get(nis) ?? { total: 0, a65: 0, a80: 0 };
		a.total += count;
		if (age >= 65) a.a65 += count;
		if (age >= 80) a.a80 += count;
		acc.set(nis, a);
	});
	const out = new Map<string, AgeShares>();
	for (const [nis, a] of [...acc].sort(([x], [y]) => x.localeCompare(y))) {
		if (a.total <= 0)
			throw new InputError(`${src.path}: municipality ${nis} has a total of 0 residents`);
		out.set(nis, {
			nis,
			total: a.total,
			aged65plus: a.a65,
			aged80plus: a.a80,
			share65plus: a.a65 / a.total,
			share80plus: a.a80 / a.total,
		});
	}
	return out;
}
