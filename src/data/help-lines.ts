/**
 * Help lines as data (data/help-lines/help-lines.json, with a source per entry): what the app
 * offers when a kind of help has no place in an area's data. Checked when read, so a bad entry is
 * named instead of shown.
 */
import raw from '../../data/help-lines/help-lines.json';
import { isCategoryId, type Localized } from '../contracts/taxonomy.ts';

/** One help line, as data/help-lines/SOURCES.md describes it. */
export interface HelpLine {
	id: string;
	/** NIS codes where it answers: 'BE', a region (02000, 03000, 04000) or a municipality. */
	scope: string[];
	name: Localized;
	phone: string;
	what: Localized;
	/** What residents type to find it in the search, per language (beside its name and number). */
	words: Localized<string[]>;
	/** Taxonomy ids it is offered for; empty: every kind of help. */
	categories: string[];
	source: { url: string; title: string; date: string };
}

const LANGS = ['nl', 'fr', 'en'] as const;

function localized(value: unknown, where: string): Localized {
	const v = value as Partial<Record<string, unknown>> | null;
	for (const lang of LANGS)
		if (typeof v?.[lang] !== 'string' || !(v[lang] as string).trim())
			throw new Error(`${where}: the ${lang} text is missing`);
	return { nl: v!.nl as string, fr: v!.fr as string, en: v!.en as string };
}

function wordLists(value: unknown, where: string): Localized<string[]> {
	if (value === undefined) return { nl: [], fr: [], en: [] };
	const v = value as Partial<Record<string, unknown>> | null;
	const out: Partial<Localized<string[]>> = {};
	for (const lang of LANGS) {
		const list = v?.[lang] ?? [];
		if (!Array.isArray(list) || !list.every((w) => typeof w === 'string' && w.trim()))
			throw new Error(`${where}: the ${lang} words must be a list of texts`);
		out[lang] = list as string[];
	}
	return out as Localized<string[]>;
}

/**
 * Reads and checks a help-lines file.
 * @param knownCategory whether a category id exists (the taxonomy's `isCategoryId`)
 * @throws Error naming the entry and the field that is wrong
 */
export function parseHelpLines(data: unknown, knownCategory: (id: string) => boolean): HelpLine[] {
	const lines = (data as { lines?: unknown })?.lines;
	if (!Array.isArray(lines)) throw new Error('help lines: "lines" must be a list');
	const seen = new Set<string>();
	return lines.map((entry: Record<string, unknown>, i) => {
		const id = typeof entry.id === 'string' && entry.id ? entry.id : `#${i}`;
		const where = `help line ${id}`;
		if (seen.has(id)) throw new Error(`${where}: the id is used twice`);
		seen.add(id);
		const scope = entry.scope;
		if (
			!Array.isArray(scope) ||
			scope.length === 0 ||
			!scope.every((s) => typeof s === 'string' && /^(BE|\d{5})$/.test(s))
		)
			throw new Error(`${where}: scope must list 'BE' or five-digit NIS codes`);
		const phone = entry.phone;
		if (typeof phone !== 'string' || !/^\+?[\d ]{3,20}$/.test(phone))
			throw new Error(`${where}: phone must be digits, got ${JSON.stringify(phone)}`);
		const categories = entry.categories;
		if (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string'))
			throw new Error(`${where}: categories must be a list of taxonomy ids`);
		const unknown = categories.filter((c: string) => !knownCategory(c));
		if (unknown.length) throw new Error(`${where}: unknown categories ${unknown.join(', ')}`);
		const source = entry.source as Record<string, unknown> | undefined;
		if (typeof source?.url !== 'string' || !source.url.startsWith('https://'))
			throw new Error(`${where}: source.url must be an https link`);
		if (typeof source.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(source.date))
			throw new Error(`${where}: source.date must be YYYY-MM-DD`);
		if (typeof source.title !== 'string' || !source.title.trim())
			throw new Error(`${where}: source.title is missing`);
		return {
			id,
			scope: scope as string[],
			name: localized(entry.name, `${where} name`),
			phone,
			what: localized(entry.what, `${where} what`),
			words: wordLists(entry.words, where),
			categories: categories as string[],
			source: { url: source.url, title: source.title, date: source.date },
		};
	});
}

/** The NIS code of the region a municipality (five-digit NIS code) lies in. */
export function regionOfMunicipality(nis: string): string {
	if (nis.startsWith('21')) return '04000';
	if (/^(1|3|4|7|23|24)/.test(nis)) return '02000';
	return '03000';
}

/**
 * The help lines for a kind of help in an area: those whose scope holds one of the area's
 * municipalities, their region or Belgium, and whose categories include the kind (or are empty;
 * every line of the area when no kind is given). Municipal lines first, then regional, then
 * national; the file's order within each.
 */
export function helpLinesFor(
	lines: readonly HelpLine[],
	municipalityNis: readonly string[],
	categoryId?: string,
): HelpLine[] {
	const rank = (l: HelpLine): number =>
		l.scope.some((s) => municipalityNis.includes(s))
			? 0
			: l.scope.some((s) => municipalityNis.some((m) => regionOfMunicipality(m) === s))
				? 1
				: l.scope.includes('BE')
					? 2
					: -1;
	return lines
		.map((line, i) => ({ line, i, r: rank(line) }))
		.filter(
			(x) =>
				x.r >= 0 &&
				(categoryId === undefined ||
					x.line.categories.length === 0 ||
					x.line.categories.includes(categoryId)),
		)
		.sort((a, b) => a.r - b.r || a.i - b.i)
		.map((x) => x.line);
}

/** The help lines of the repository's file. */
export function repositoryHelpLines(): HelpLine[] {
	return parseHelpLines(raw, isCategoryId);
}

/**
 * A help line's source older than this many years is said to be so, with its date, beside the
 * line: numbers and hours change (data/help-lines/SOURCES.md), and a resident can judge an old
 * source only when told its age.
 */
export const OLD_SOURCE_YEARS = 2;

/** Whole years from `date` (YYYY-MM-DD) to `now`; 0 for a date in the future. */
export function sourceAgeYears(date: string, now: Date): number {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	let years = now.getUTCFullYear() - y;
	if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) years--;
	return Math.max(0, years);
}

/**
 * The municipalities of an area (NIS codes) a line is scoped to: the lines of one municipality
 * say so ("for residents of Herentals"), a resident of another municipality of the area then
 * knows it is not theirs. Empty for regional and national lines.
 */
export function municipalitiesOfLine(line: HelpLine, municipalityNis: readonly string[]): string[] {
	return municipalityNis.filter((m) => line.scope.includes(m));
}
