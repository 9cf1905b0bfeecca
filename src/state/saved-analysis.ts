/**
 * A coordinators' gap analysis as it is saved, reopened, compared and exported (pure, no runes).
 *
 * The saved record's `parameters` hold everything needed to reopen it and to compare it later,
 * independent of the backend: the analysis parameters, the what-if edits (planned places, places
 * switched off), the built area it was made on, and per category its neighbourhood results in a
 * compact form (the overlay on the map is the neighbourhoods shaded by these shares). The record
 * stays well under the database's 64 KB for `parameters`. The personal mobility profile the
 * analysis answered with travels in `params.personal` (absent: a built-in profile).
 */
import { decodePersonalProfile } from '../analysis/personal-profile.ts';
import type { NeighbourhoodSummary } from '../analysis/summary.ts';
import type { CsvColumn } from '../data/csv.ts';
import { errorInfo, type ErrorKind } from '../data/errors.ts';
import type { AnalysisSummaryInput, SavedAnalysisDetail } from '../data/types.ts';
import type { Visibility } from '../contracts/enums.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { CoverageParams, CoverageSnapshot, WhatIfEdits } from './coverage.svelte.ts';
import { written, type TableRow } from './table-figures.ts';

/** The version of this record's layout (a newer app still reads older ones). */
export const RECORD_VERSION = 1;

/** One neighbourhood's figures in a saved analysis (null where none mapped). */
export interface SavedRow {
	neighbourhoodId: string;
	name: string;
	residents: number;
	residents65: number;
	beyondResidents: number | null;
	beyond65: number | null;
	beyond65Share: number | null;
	/** 80+ (absent in saves from before they were kept). */
	residents80?: number;
	beyond80?: number | null;
	edgeOfDataResidents: number;
	/**
	 * The share of the way on unknown data (NeighbourhoodSummary.unknownShare; absent in saves
	 * from before it was kept).
	 */
	unknownShare?: number;
	/** The residents that share weights (absent in saves from before it was kept). */
	unknownWeight?: number;
}

export interface SavedResult {
	categoryId: string;
	normM: number;
	state: 'measured' | 'none_mapped';
	placeCount: number;
	rows: SavedRow[];
}

/** What `parameters` of a saved coverage analysis hold. */
export interface AnalysisRecord {
	kind: 'coverage';
	version: number;
	/** The built area (tiles) the analysis was made on. */
	tilesArea: string;
	params: CoverageParams;
	whatIf: WhatIfEdits | null;
	/** Every category's edits (absent in saves from before a what-if belonged to its category). */
	whatIfs?: WhatIfEdits[];
	results: SavedResult[];
}

const rowOf = (r: NeighbourhoodSummary): SavedRow => ({
	neighbourhoodId: r.neighbourhoodId,
	name: r.name,
	residents: r.residents,
	residents65: r.residents65,
	beyondResidents: r.beyondResidents,
	beyond65: r.beyond65,
	beyond65Share: r.beyond65Share === null ? null : Math.round(r.beyond65Share * 10_000) / 10_000,
	residents80: r.residents80,
	beyond80: r.beyond80,
	edgeOfDataResidents: r.edgeOfDataResidents,
	unknownShare: Math.round(r.unknownShare * 10_000) / 10_000,
	unknownWeight: written(r.unknownWeight, 1),
});

/** The record of an analysis on screen (its results with the what-if edits applied). */
export function recordOf(tilesArea: string, snapshot: CoverageSnapshot): AnalysisRecord {
	return {
		kind: 'coverage',
		version: RECORD_VERSION,
		tilesArea,
		params: snapshot.params,
		whatIf: snapshot.whatIf ?? null,
		whatIfs: snapshot.whatIfs,
		results: snapshot.results.map((r) => ({
			categoryId: r.categoryId,
			normM: r.normM,
			state: r.state,
			placeCount: r.placeCount,
			rows: r.summary.map(rowOf),
		})),
	};
}

/** Every category's what-if edits of a record (a save from before per-category edits: its one). */
export function editsOf(record: AnalysisRecord): WhatIfEdits[] {
	return record.whatIfs ?? (record.whatIf ? [record.whatIf] : []);
}

/**
 * The record in saved `parameters`, or undefined when they are not one (another kind, damaged,
 * or a personal profile that does not read or is not based on the record's profile: reopening it
 * would answer for someone else).
 */
export function readRecord(parameters: Record<string, unknown>): AnalysisRecord | undefined {
	const p = parameters as Partial<AnalysisRecord>;
	if (p.kind !== 'coverage' || typeof p.tilesArea !== 'string') return undefined;
	if (!p.params || !Array.isArray(p.params.categoryIds) || !Array.isArray(p.results))
		return undefined;
	const personal: unknown = p.params.personal;
	if (personal !== undefined) {
		if (typeof personal !== 'string') return undefined;
		try {
			if (decodePersonalProfile(personal).base !== p.params.profile) return undefined;
		} catch {
			return undefined;
		}
	}
	return p as AnalysisRecord;
}

/** One neighbourhood of one category in a comparison of two saved analyses. */
export interface ComparedRow {
	neighbourhoodId: string;
	name: string;
	/**
	 * People 65+ beyond the norm in the earlier and in the later analysis, as written (whole
	 * residents, table-figures.ts); null: none mapped / absent.
	 */
	before: number | null;
	after: number | null;
	/**
	 * after − before as written (negative: fewer older people beyond the norm); null when either
	 * is unknown.
	 */
	change: number | null;
	beforeShare: number | null;
	afterShare: number | null;
}

export interface Comparison {
	categoryId: string;
	normBefore: number | null;
	normAfter: number | null;
	rows: ComparedRow[];
	/**
	 * The rows where both sides are known, summed as written: the earlier side, the later side,
	 * and their difference (`total` = `totalAfter` − `totalBefore` = the sum of the changes).
	 */
	totalBefore: number;
	totalAfter: number;
	total: number;
}

/**
 * Compares two saved analyses per category they share and per neighbourhood: what changed, where,
 * and by how much (people 65+ beyond the norm). Neighbourhoods are matched by id; one in only one
 * analysis has null on the other side. Rows with the largest change (either way) first. Every
 * figure is computed from the figures as written (whole residents): a reader who subtracts a row's
 * two sides, or adds up the rows, finds the difference and the totals written.
 */
export function compareRecords(before: AnalysisRecord, after: AnalysisRecord): Comparison[] {
	const out: Comparison[] = [];
	const categories = [...new Set([...before.results, ...after.results].map((r) => r.categoryId))];
	for (const categoryId of categories) {
		const a = before.results.find((r) => r.categoryId === categoryId);
		const b = after.results.find((r) => r.categoryId === categoryId);
		const ids = [
			...new Set([...(a?.rows ?? []), ...(b?.rows ?? [])].map((r) => r.neighbourhoodId)),
		];
		let totalBefore = 0;
		let totalAfter = 0;
		const side = (row: SavedRow | undefined, result: SavedResult | undefined) =>
			row && result?.state === 'measured' && row.beyond65 !== null ? written(row.beyond65) : null;
		const rows = ids.map((id): ComparedRow => {
			const x = a?.rows.find((r) => r.neighbourhoodId === id);
			const y = b?.rows.find((r) => r.neighbourhoodId === id);
			const beforeN = side(x, a);
			const afterN = side(y, b);
			const change = beforeN !== null && afterN !== null ? afterN - beforeN : null;
			if (beforeN !== null && afterN !== null) {
				totalBefore += beforeN;
				totalAfter += afterN;
			}
			return {
				neighbourhoodId: id,
				name: (y ?? x)?.name ?? id,
				before: beforeN,
				after: afterN,
				change,
				beforeShare: x && a?.state === 'measured' ? x.beyond65Share : null,
				afterShare: y && b?.state === 'measured' ? y.beyond65Share : null,
			};
		});
		rows.sort(
			(p, q) =>
				Math.abs(q.change ?? 0) - Math.abs(p.change ?? 0) ||
				(p.name < q.name ? -1 : p.name > q.name ? 1 : 0),
		);
		out.push({
			categoryId,
			normBefore: a?.normM ?? null,
			normAfter: b?.normM ?? null,
			rows,
			totalBefore,
			totalAfter,
			total: totalAfter - totalBefore,
		});
	}
	return out;
}

/** What a saved analysis was computed with, as a comparison shows it beside each side. */
export interface AnalysisBasis {
	profile: CoverageParams['profile'];
	/** The personal profile (text form) applied on `profile`, if any. */
	personal?: string;
	unknownMode: CoverageParams['unknownMode'];
	/** The norm of the category compared, in metres (null: the category is not in it). */
	normM: number | null;
	/** The date of the data it was computed on, when it was stored (absent: not known). */
	dataVersion?: string;
}

/** A way two analyses were computed differently: their difference is then not only a change. */
export type BasisDifference = 'profile' | 'unknown' | 'norm' | 'data';

/**
 * What `record` was computed with for `categoryId`: its profile, how it counts unknown data, the
 * category's norm, and the data date saved with it (`dataVersion`; 'unknown' or empty: not known).
 */
export function basisOf(
	record: AnalysisRecord,
	categoryId: string,
	dataVersion?: string,
): AnalysisBasis {
	const result = record.results.find((r) => r.categoryId === categoryId);
	const known = dataVersion && dataVersion !== 'unknown' ? dataVersion : undefined;
	return {
		profile: record.params.profile,
		...(record.params.personal ? { personal: record.params.personal } : {}),
		unknownMode: record.params.unknownMode,
		normM: result?.normM ?? record.params.norms[categoryId] ?? null,
		...(known ? { dataVersion: known } : {}),
	};
}

/**
 * How two analyses were computed differently (none: the same profile, unknown-data mode, norm and,
 * where both are known, data date). A difference means the comparison's change is, at least in
 * part, that choice and not a change in the neighbourhood.
 */
export function basisDifferences(a: AnalysisBasis, b: AnalysisBasis): BasisDifference[] {
	const out: BasisDifference[] = [];
	if (a.profile !== b.profile || (a.personal ?? '') !== (b.personal ?? '')) out.push('profile');
	if (a.unknownMode !== b.unknownMode) out.push('unknown');
	if (a.normM !== null && b.normM !== null && a.normM !== b.normM) out.push('norm');
	if (a.dataVersion && b.dataVersion && a.dataVersion !== b.dataVersion) out.push('data');
	return out;
}

/**
 * Two saved analyses in the order they were saved, the older first ("before"), whichever way they
 * were chosen; equal dates keep the order given.
 */
export function inSavedOrder<T extends { createdAt: string }>(a: T, b: T): [T, T] {
	return Date.parse(b.createdAt) < Date.parse(a.createdAt) ? [b, a] : [a, b];
}

/** A message about saved analyses: a key and its slot values. */
export interface SavedMessage {
	key: MessageKey;
	values?: Record<string, string | number>;
}

/** The message key of each error kind about a saved analysis (the rest: savedFailed). */
const SAVED_MESSAGE: Partial<Record<ErrorKind, MessageKey>> = {
	too_long: 'savedErrorTooLong',
	too_short: 'savedNameMissing',
	markup: 'savedErrorMarkup',
	control_characters: 'savedErrorControl',
	forbidden_characters: 'savedErrorCharacters',
	denied: 'savedErrorDenied',
	not_found: 'savedErrorNotFound',
	rate_limited: 'savedErrorRateLimited',
	network: 'savedErrorNetwork',
	server: 'savedErrorNetwork',
};

/**
 * The coordinator-facing message for an error the data layer gave about a saved analysis (its own
 * checks of a name or note, or the backend's refusal): the error kind mapped to a message key, the
 * field ('name', 'description') to `field` as 'name' or 'note'. An error without a known kind gets
 * savedFailed with its technical detail.
 */
export function savedErrorMessage(err: unknown): SavedMessage {
	const info = errorInfo(err);
	const key = SAVED_MESSAGE[info.kind];
	if (!key) return { key: 'savedFailed', values: { detail: info.detail } };
	const field = info.values.field === 'description' ? 'note' : 'name';
	if (key === 'savedErrorTooLong')
		return { key, values: { field, max: info.values.max ?? '', count: info.values.count ?? '?' } };
	return { key, values: { field } };
}

/** A row of the table export: one neighbourhood of one category. */
export interface ExportRow {
	/** The saved analysis' name (empty for the analysis on screen). */
	analysis: string;
	/** How the analysis travels and counts unknown data, in words ("In een rolstoel", "voorzichtig"). */
	profile: string;
	unknown: string;
	category: string;
	normM: number;
	row: SavedRow;
	/** The category's what-if, which the row's figures count with: places planned, switched off. */
	planned: number;
	switchedOff: number;
}

/** The rows of the table export of a record, every category, `label` naming the category. */
/**
 * The record's figures per neighbourhood, as the database keeps them (`analysis_summaries`, one
 * row per neighbourhood of the municipality the analysis is saved for): the app's neighbourhood
 * ids come from the built area (the statistical code, e.g. `1301901`), the database's are uuids
 * with that code in `neighbourhoods.code`. Neighbourhoods of another municipality (a built area
 * can hold several) are left out; so are codes the database does not know.
 * @example summariesOf(record, await data.neighbourhoods(areaId))
 */
export function summariesOf(
	record: AnalysisRecord,
	neighbourhoods: readonly { id: string; code: string }[],
): AnalysisSummaryInput[] {
	const idOf = new Map(neighbourhoods.map((n) => [n.code, n.id]));
	const byId = new Map<string, AnalysisSummaryInput>();
	for (const r of record.results)
		for (const row of r.rows) {
			const id = idOf.get(row.neighbourhoodId);
			if (id === undefined) continue;
			let out = byId.get(id);
			if (!out) {
				out = {
					neighbourhoodId: id,
					summary: {
						code: row.neighbourhoodId,
						residents: row.residents,
						residents65: row.residents65,
						residents80: row.residents80,
						edgeOfDataResidents: row.edgeOfDataResidents,
						categories: {},
					},
				};
				byId.set(id, out);
			}
			(out.summary.categories as Record<string, unknown>)[r.categoryId] = {
				normM: r.normM,
				state: r.state,
				beyondResidents: row.beyondResidents,
				beyond65: row.beyond65,
				beyond65Share: row.beyond65Share,
				beyond80: row.beyond80,
				// the stored table ranks as the live one: a figure mostly on unknown data is not
				...(row.unknownShare !== undefined ? { unknownShare: row.unknownShare } : {}),
				...(row.unknownWeight !== undefined ? { unknownWeight: row.unknownWeight } : {}),
			};
		}
	return [...byId.values()];
}

/** The neighbourhoods of one municipality that a save, or a stored table, leaves out. */
export interface LeftOut {
	/** The municipality's NIS code (the first five characters of its neighbourhoods' codes). */
	nis: string;
	/** Its name (the built area's), else its NIS code. */
	municipality: string;
	/** The neighbourhoods left out, by name (their codes in `codes`, in the same order). */
	names: string[];
	codes: string[];
}

/**
 * Why a save lacks a municipality's neighbourhoods: `unknown` for those of the municipality it is
 * saved for (the database does not know them), `elsewhere` for another municipality's (a save
 * keeps one municipality's only). One rule for the save form and the stored table.
 * @example leftOutReason({ nis: '13044' }, '13044') // 'unknown'
 */
export function leftOutReason(
	leftOut: Pick<LeftOut, 'nis'>,
	savedForNis: string | undefined,
): 'unknown' | 'elsewhere' {
	return savedForNis !== undefined && leftOut.nis === savedForNis ? 'unknown' : 'elsewhere';
}

/**
 * A what-if's gain in 65+ (`total`) split into the part within the stored neighbourhoods (`kept`)
 * and the rest, each a whole number that adds up to the rounded total as the headline writes it.
 * @example splitGain(19.8, 12.4) // { kept: 12, rest: 8 }
 */
export function splitGain(total: number, kept: number): { kept: number; rest: number } {
	const k = Math.round(kept) + 0; // + 0: no −0
	return { kept: k, rest: Math.round(total) - k + 0 };
}

/**
 * Why a shared link's saved analysis could not be read: `missing` when the backend says it is not
 * there or not this reader's (the link is dropped), `unreachable` for no connection, a server
 * failure, a limit or anything unknown (the link is kept and tried again).
 */
export function linkFailureOf(e: unknown): 'missing' | 'unreachable' {
	const { kind } = errorInfo(e);
	return kind === 'not_found' || kind === 'denied' || kind === 'invalid'
		? 'missing'
		: 'unreachable';
}

/**
 * The neighbourhoods of an analysis (`rows`, by statistical code as `neighbourhoodId`) that are not
 * among `kept` (codes), grouped by the municipality they lie in: a statistical code starts with its
 * municipality's five-digit NIS code. Municipalities in the order of `municipalities` (others after,
 * by code), names sorted; a neighbourhood in several categories' rows counts once.
 * @example leftOutOf(record.results[0].rows, new Set(['13044A0']), tiles.municipalities)
 */
export function leftOutOf(
	rows: readonly { neighbourhoodId: string; name: string }[],
	kept: ReadonlySet<string>,
	municipalities: readonly { nis: string; name: string }[],
): LeftOut[] {
	const byNis = new Map<string, Map<string, string>>();
	for (const r of rows) {
		if (kept.has(r.neighbourhoodId)) continue;
		const nis = r.neighbourhoodId.slice(0, 5);
		let names = byNis.get(nis);
		if (!names) byNis.set(nis, (names = new Map()));
		names.set(r.neighbourhoodId, r.name || r.neighbourhoodId);
	}
	const order = (nis: string) => {
		const i = municipalities.findIndex((m) => m.nis === nis);
		return i < 0 ? municipalities.length : i;
	};
	return [...byNis.entries()]
		.sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
		.map(([nis, names]) => {
			const sorted = [...names.entries()].sort(([, a], [, b]) => a.localeCompare(b));
			return {
				nis,
				municipality: municipalities.find((m) => m.nis === nis)?.name ?? nis,
				names: sorted.map(([, n]) => n),
				codes: sorted.map(([c]) => c),
			};
		});
}

export function exportRows(
	record: AnalysisRecord,
	label: (categoryId: string) => string,
	analysis = '',
	how: { profile: string; unknown: string } = { profile: '', unknown: '' },
): ExportRow[] {
	const edits = editsOf(record);
	return record.results.flatMap((r) => {
		const e = edits.find((x) => x.categoryId === r.categoryId);
		return r.rows.map((row) => ({
			analysis,
			...how,
			category: label(r.categoryId),
			normM: r.normM,
			planned: e?.add.length ?? 0,
			switchedOff: e?.removePlaceIds.length ?? 0,
			row:
				r.state === 'measured'
					? row
					: { ...row, beyondResidents: null, beyond65: null, beyond65Share: null, beyond80: null },
		}));
	});
}

/** A figure rounded to `digits` decimals (null stays null). */
function round(x: number | null, digits: number): number | null {
	if (x === null) return null;
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

/**
 * Residents to a tenth: they are shares of an address's residents (the CLI's CSV writes the same),
 * so a spreadsheet does not get "1571.4530272483826". Written by the tables' own rule
 * (table-figures.ts); the CSV has no total row: a spreadsheet's sum is that of the rows as written.
 */
const tenths = (x: number | null) => (x === null ? null : written(x, 1));

/** The CSV columns of the table export, with headers in the user's language. */
export function exportColumns(h: {
	analysis: string;
	profile: string;
	unknown: string;
	category: string;
	norm: string;
	neighbourhood: string;
	residents: string;
	residents65: string;
	beyond: string;
	beyond65: string;
	share65: string;
	residents80: string;
	beyond80: string;
	edge: string;
	planned: string;
	switchedOff: string;
	unknownShare: string;
}): CsvColumn<ExportRow>[] {
	return [
		{ header: h.analysis, value: (r) => r.analysis },
		{ header: h.profile, value: (r) => r.profile },
		{ header: h.unknown, value: (r) => r.unknown },
		{ header: h.category, value: (r) => r.category },
		{ header: h.norm, value: (r) => r.normM },
		{ header: h.neighbourhood, value: (r) => r.row.name },
		{ header: h.residents, value: (r) => tenths(r.row.residents) },
		{ header: h.residents65, value: (r) => tenths(r.row.residents65) },
		{ header: h.beyond, value: (r) => tenths(r.row.beyondResidents) },
		{ header: h.beyond65, value: (r) => tenths(r.row.beyond65) },
		{ header: h.share65, value: (r) => round(r.row.beyond65Share, 4) },
		// empty for a save from before 80+ was kept
		{ header: h.residents80, value: (r) => tenths(r.row.residents80 ?? null) },
		{ header: h.beyond80, value: (r) => tenths(r.row.beyond80 ?? null) },
		{ header: h.edge, value: (r) => tenths(r.row.edgeOfDataResidents) },
		// empty for a save from before it was kept, and for a kind with none mapped
		{
			header: h.unknownShare,
			value: (r) => (r.row.beyond65 === null ? null : round(r.row.unknownShare ?? null, 4)),
		},
		{ header: h.planned, value: (r) => r.planned },
		{ header: h.switchedOff, value: (r) => r.switchedOff },
	];
}

/**
 * One neighbourhood's stored figures for one category (analysis_summaries), as shown read-only: a
 * row of the same table as the live one (TableRow, table-figures.ts).
 */
export interface StoredRow extends TableRow {
	/** The statistical code (the app's neighbourhood id, as `neighbourhoodId`). */
	code: string;
	normM: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * The stored summaries of a saved analysis (as {@link summariesOf} wrote them) for one category,
 * by neighbourhood code; `names` gives each code's name (else the code). A summary without that
 * category, or that does not read, is left out: the table shows what was stored, nothing else.
 * @example storedRowsOf(detail.summaries, 'pharmacy', new Map([['1301101', 'Herentals-Centrum']]))
 */
export function storedRowsOf(
	summaries: readonly AnalysisSummaryInput[],
	categoryId: string,
	names: ReadonlyMap<string, string>,
): StoredRow[] {
	const out: StoredRow[] = [];
	for (const { summary } of summaries) {
		const code = summary.code;
		const categories = summary.categories as Record<string, Record<string, unknown>> | undefined;
		const c = categories?.[categoryId];
		if (typeof code !== 'string' || !c || typeof c !== 'object') continue;
		const residents = num(summary.residents) ?? 0;
		const residents80 = num(summary.residents80);
		const state = c.state === 'none_mapped' ? 'none_mapped' : 'measured';
		const measured = (x: number | null) => (state === 'measured' ? x : null);
		const beyondResidents = measured(num(c.beyondResidents));
		const beyond80 = measured(num(c.beyond80));
		const weight = num(c.unknownWeight);
		out.push({
			code,
			neighbourhoodId: code,
			name: names.get(code) ?? code,
			residents,
			residents65: num(summary.residents65) ?? 0,
			residents80,
			edgeOfDataResidents: num(summary.edgeOfDataResidents) ?? 0,
			normM: num(c.normM),
			state,
			beyondResidents,
			beyond65: measured(num(c.beyond65)),
			beyond80,
			beyondShare:
				beyondResidents === null ? null : residents > 0 ? beyondResidents / residents : 0,
			beyond65Share: measured(num(c.beyond65Share)),
			beyond80Share:
				beyond80 === null || residents80 === null
					? null
					: residents80 > 0
						? beyond80 / residents80
						: 0,
			unknownShare: num(c.unknownShare),
			...(weight !== null ? { unknownWeight: weight } : {}),
		});
	}
	return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * How a saved analysis the user may only read is labelled, by who sees it (`visibility`): in the
 * list of saved analyses (`list`) and above its stored figures once opened (`panel`, with {name}).
 * A team's analysis is not "published": residents do not see it.
 */
export const READ_ONLY_MESSAGE: Record<Visibility, { list: MessageKey; panel: MessageKey }> = {
	public: { list: 'savedReadOnlyPublic', panel: 'coverageReadOnlyPublic' },
	area_team: { list: 'savedReadOnlyTeam', panel: 'coverageReadOnlyTeam' },
	private: { list: 'savedReadOnlyPrivate', panel: 'coverageReadOnlyPrivate' },
};

/** A saved analysis as reopened: editable, or read-only with what was stored with it. */
export interface ReopenedAnalysis {
	/** The saved analysis' id (a link to it carries it: `analysis=<id>`). */
	id?: string;
	name: string;
	/** The municipality it is saved for (its stored table holds only that one's neighbourhoods). */
	areaName?: string;
	/** That municipality's NIS code. */
	areaNis?: string;
	readOnly: boolean;
	/** Who sees it (its read-only wording says so: published, the area's team, only its creator). */
	visibility: Visibility;
	/** The overlay as stored (analysis_cells). */
	cells?: SavedAnalysisDetail['cells'];
	/** The figures per neighbourhood as stored (analysis_summaries). */
	summaries?: AnalysisSummaryInput[];
	/** When it was saved (ISO); also for one reopened to edit (the printed report names it). */
	computedAt?: string;
}
