/**
 * What the app is doing: one mode at a time, a discriminated union. Each mode has a URL encoding
 * here and one panel (src/panels/panels.ts); the shell renders the panel of `mode.kind`. Adding a
 * screen = one variant of {@link Mode}, its entry in {@link MODES} and its panel; TypeScript refuses
 * the build until all three exist. See src/README.md.
 *
 * Pure functions over URLSearchParams, so links round-trip in unit tests.
 */

import {
	ANALYSIS_STARTS,
	BENCH_CATEGORY_ID,
	categoryById,
	isCategoryId,
} from '../contracts/taxonomy.ts';
import {
	BARRIER_KINDS,
	REPORT_STATUSES,
	type BarrierKind,
	type ReportStatus,
} from '../contracts/enums.ts';

/** The ages (days) the triage filter offers. */
export const REPORT_AGES = [7, 30, 90, 365] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
	return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Who a mode is for: residents now; coordinators and planners get their own modes next. */
export type Workspace = 'resident' | 'coordinator' | 'planner';

export type Mode =
	/** The map (or list) with the legend and the profile: nothing chosen. */
	| { kind: 'explore' }
	/** One place's details; `categoryId` when opened from that category's nearest list. */
	| { kind: 'place'; placeId: string; categoryId?: string }
	/** The nearest places of a kind of help from the origin. */
	| { kind: 'nearest'; categoryId: string }
	/** A help line (data/help-lines) chosen in the search: its number, what it is for, its source. */
	| { kind: 'line'; lineId: string }
	/** Writing a barrier report, at a place or at a point or stretch chosen on the map. */
	| { kind: 'report'; placeId?: string }
	/**
	 * The planners' triage of barrier reports: filtered by status, kind and age (days), one page of
	 * the list, and the chosen report.
	 */
	| {
			kind: 'reports';
			status?: ReportStatus;
			barrier?: BarrierKind;
			ageDays?: number;
			page?: number;
			reportId?: string;
	  }
	/** Planners: a route A→B for the profile with its reasons, beside the walking route. */
	| { kind: 'route'; from?: [number, number]; to?: [number, number] }
	/** Planners: walksheds from a point for walking, rollator and wheelchair side by side. */
	| { kind: 'walkshed'; at?: [number, number]; minutes: number }
	/**
	 * Planners: which fix helps most for a category's norm, unknown stretches counted as not usable
	 * (`cautious`: measuring one is a fix too, the default) or as usable.
	 */
	| { kind: 'fixes'; categoryId: string; normM: number; unknownMode: 'optimistic' | 'cautious' }
	/**
	 * Planners: stretches longer than `gapM` without a bench, on the routes residents walk to the
	 * important places, or on the whole walking network (`whole`).
	 */
	| { kind: 'rest'; gapM: number; whole?: true }
	/** Planners: data completeness per neighbourhood. */
	| { kind: 'completeness' }
	/**
	 * The coordinators' gap analysis: the categories analysed, the one shown on the map and in the
	 * table (`categoryId`, one of them), how unknown data counts, and the norms changed from the
	 * taxonomy's defaults (metres per category id). The profile is the app's. `analysisId`: the
	 * saved analysis open (link parameter `analysis`), so that a shared link opens it, plan and all.
	 */
	| {
			kind: 'coverage';
			categoryIds: string[];
			categoryId: string;
			unknownMode: 'optimistic' | 'cautious';
			norms: Record<string, number>;
			analysisId?: string;
	  };

export type ModeKind = Mode['kind'];
export type ModeOf<K extends ModeKind> = Extract<Mode, { kind: K }>;

/** A mode's place in the app and its URL encoding (beside `mode=<kind>`). */
export interface ModeSpec<K extends ModeKind> {
	workspace: Workspace;
	/** The mode from the link's parameters, or undefined when they do not make one. */
	read(params: URLSearchParams): ModeOf<K> | undefined;
	/** Writes the mode's own parameters. */
	write(mode: ModeOf<K>, params: URLSearchParams): void;
}

/** Ids in links: place ids (`n123`, `w45`, `extra0:3`), category ids. */
const ID_PATTERN = /^[A-Za-z0-9_:.-]{1,64}$/;

/** Whether `value` could be a real id (links are input: anything else is dropped). */
export function isId(value: string | null): value is string {
	return value !== null && ID_PATTERN.test(value);
}

/** An id parameter when it could be a real id. */
export function idParam(params: URLSearchParams, name: string): string | undefined {
	const v = params.get(name);
	return isId(v) ? v : undefined;
}

/** A point parameter `lng,lat` (degrees, 6 decimals in links); undefined when it is not one. */
export function pointParam(params: URLSearchParams, name: string): [number, number] | undefined {
	const m = /^(-?\d{1,3}(?:\.\d{1,8})?),(-?\d{1,2}(?:\.\d{1,8})?)$/.exec(params.get(name) ?? '');
	if (!m) return undefined;
	const lng = Number(m[1]);
	const lat = Number(m[2]);
	return Math.abs(lng) <= 180 && Math.abs(lat) <= 90 ? [lng, lat] : undefined;
}

function writePoint(params: URLSearchParams, name: string, p: [number, number] | undefined): void {
	if (p) params.set(name, `${p[0].toFixed(6)},${p[1].toFixed(6)}`);
}

/** A whole-number parameter within [min, max], else `fallback`. */
export function intParam(
	params: URLSearchParams,
	name: string,
	min: number,
	max: number,
	fallback: number,
): number {
	const v = params.get(name);
	if (v === null || !/^\d{1,6}$/.test(v)) return fallback;
	const n = Number(v);
	return n >= min && n <= max ? n : fallback;
}

/** Every parameter a mode reads or writes, `mode` itself included (url-state's unreadLinkParts). */
export const MODE_PARAMS = [
	'mode',
	'place',
	'cat',
	'line',
	'status',
	'barrier',
	'age',
	'page',
	'report',
	'a',
	'b',
	'pt',
	'min',
	'norm',
	'gap',
	'net',
	'cats',
	'unknown',
	'norms',
	'analysis',
] as const;

/** Bounds of the planners' numbers (links are input). */
export const WALKSHED_MINUTES = { min: 1, max: 60, default: 10 } as const;
export const FIX_NORM_M = { min: 100, max: 5000, default: 1000 } as const;

/**
 * The norm "which fix helps most" starts from for a category: the taxonomy's, as the gap analysis
 * (a planner and a coordinator then speak of the same 800 m for a pharmacy); the bounds' default
 * for an id the taxonomy does not know.
 */
export function fixNormOf(categoryId: string): number {
	const n = isCategoryId(categoryId) ? categoryById(categoryId).defaultNormM : FIX_NORM_M.default;
	return Math.min(FIX_NORM_M.max, Math.max(FIX_NORM_M.min, n));
}
export const REST_GAP_M = { min: 25, max: 1000, default: 125 } as const;

export const MODES: { [K in ModeKind]: ModeSpec<K> } = {
	explore: {
		workspace: 'resident',
		read: () => ({ kind: 'explore' }),
		write: () => {},
	},
	place: {
		workspace: 'resident',
		read(params) {
			const placeId = idParam(params, 'place');
			if (!placeId) return undefined;
			const categoryId = idParam(params, 'cat');
			return { kind: 'place', placeId, ...(categoryId ? { categoryId } : {}) };
		},
		write(mode, params) {
			params.set('place', mode.placeId);
			if (mode.categoryId) params.set('cat', mode.categoryId);
		},
	},
	nearest: {
		workspace: 'resident',
		read(params) {
			const categoryId = idParam(params, 'cat');
			return categoryId ? { kind: 'nearest', categoryId } : undefined;
		},
		write(mode, params) {
			params.set('cat', mode.categoryId);
		},
	},
	line: {
		workspace: 'resident',
		read(params) {
			const lineId = idParam(params, 'line');
			return lineId ? { kind: 'line', lineId } : undefined;
		},
		write(mode, params) {
			params.set('line', mode.lineId);
		},
	},
	report: {
		workspace: 'resident',
		read(params) {
			const placeId = idParam(params, 'place');
			return { kind: 'report', ...(placeId ? { placeId } : {}) };
		},
		write(mode, params) {
			if (mode.placeId) params.set('place', mode.placeId);
		},
	},
	reports: {
		workspace: 'planner',
		read(params) {
			const status = oneOf(REPORT_STATUSES, params.get('status'));
			const barrier = oneOf(BARRIER_KINDS, params.get('barrier'));
			const age = Number(params.get('age'));
			const ageDays = (REPORT_AGES as readonly number[]).includes(age) ? age : undefined;
			const pageParam = params.get('page');
			const page =
				pageParam !== null && /^[1-9]\d{0,5}$/.test(pageParam) ? Number(pageParam) : undefined;
			const reportParam = params.get('report');
			const reportId =
				reportParam && UUID.test(reportParam) ? reportParam.toLowerCase() : undefined;
			return {
				kind: 'reports',
				...(status ? { status } : {}),
				...(barrier ? { barrier } : {}),
				...(ageDays ? { ageDays } : {}),
				...(page && page > 1 ? { page } : {}),
				...(reportId ? { reportId } : {}),
			};
		},
		write(mode, params) {
			if (mode.status) params.set('status', mode.status);
			if (mode.barrier) params.set('barrier', mode.barrier);
			if (mode.ageDays) params.set('age', String(mode.ageDays));
			if (mode.page && mode.page > 1) params.set('page', String(mode.page));
			if (mode.reportId) params.set('report', mode.reportId);
		},
	},
	route: {
		workspace: 'planner',
		read(params) {
			const from = pointParam(params, 'a');
			const to = pointParam(params, 'b');
			return { kind: 'route', ...(from ? { from } : {}), ...(to ? { to } : {}) };
		},
		write(mode, params) {
			writePoint(params, 'a', mode.from);
			writePoint(params, 'b', mode.to);
		},
	},
	walkshed: {
		workspace: 'planner',
		read(params) {
			const at = pointParam(params, 'pt');
			const { min, max } = WALKSHED_MINUTES;
			const minutes = intParam(params, 'min', min, max, WALKSHED_MINUTES.default);
			return { kind: 'walkshed', minutes, ...(at ? { at } : {}) };
		},
		write(mode, params) {
			writePoint(params, 'pt', mode.at);
			params.set('min', String(mode.minutes));
		},
	},
	fixes: {
		workspace: 'planner',
		read(params) {
			const categoryId = idParam(params, 'cat');
			if (!categoryId) return undefined;
			const normM = intParam(params, 'norm', FIX_NORM_M.min, FIX_NORM_M.max, fixNormOf(categoryId));
			const unknownMode = params.get('unknown') === 'optimistic' ? 'optimistic' : 'cautious';
			return { kind: 'fixes', categoryId, normM, unknownMode };
		},
		write(mode, params) {
			params.set('cat', mode.categoryId);
			params.set('norm', String(mode.normM));
			// always written: its default is not the gap analysis's (which leaves out optimistic)
			params.set('unknown', mode.unknownMode);
		},
	},
	rest: {
		workspace: 'planner',
		read(params) {
			const gapM = intParam(params, 'gap', REST_GAP_M.min, REST_GAP_M.max, REST_GAP_M.default);
			return { kind: 'rest', gapM, ...(params.get('net') === 'all' ? { whole: true } : {}) };
		},
		write(mode, params) {
			params.set('gap', String(mode.gapM));
			if (mode.whole) params.set('net', 'all');
		},
	},
	completeness: {
		workspace: 'planner',
		read: () => ({ kind: 'completeness' }),
		write: () => {},
	},
	coverage: {
		workspace: 'coordinator',
		read(params) {
			// a link with no kinds at all (`?mode=coverage`) opens the analysis the toolbar opens;
			// one whose kinds are all unreadable is unreadable
			const categoryIds = params.has('cats')
				? [...new Set((params.get('cats') ?? '').split(',').filter((c) => isId(c)))].slice(0, 64)
				: [...COVERAGE_START.categoryIds];
			const shown = idParam(params, 'cat');
			const categoryId = shown && categoryIds.includes(shown) ? shown : categoryIds[0];
			if (!categoryId) return undefined;
			const analysisId = idParam(params, 'analysis');
			return {
				kind: 'coverage',
				categoryIds,
				categoryId,
				unknownMode: params.get('unknown') === 'cautious' ? 'cautious' : 'optimistic',
				norms: readNorms(params.get('norms')),
				...(analysisId ? { analysisId } : {}),
			};
		},
		write(mode, params) {
			params.set('cats', mode.categoryIds.join(','));
			params.set('cat', mode.categoryId);
			if (mode.unknownMode === 'cautious') params.set('unknown', 'cautious');
			const norms = Object.entries(mode.norms)
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
				.map(([id, m]) => `${id}:${m}`);
			if (norms.length > 0) params.set('norms', norms.join(','));
			if (mode.analysisId) params.set('analysis', mode.analysisId);
		},
	},
};

/** Norms in links: whole metres from 10 m to 20 km. */
const NORM_MIN_M = 10;
const NORM_MAX_M = 20_000;

/** `gp:600,bench:150` → { gp: 600, bench: 150 }; pairs that are not an id and a norm are dropped. */
function readNorms(value: string | null): Record<string, number> {
	const norms: Record<string, number> = {};
	for (const pair of (value ?? '').split(',')) {
		const [id, m] = pair.split(':');
		const n = Number(m);
		if (isId(id ?? null) && Number.isInteger(n) && n >= NORM_MIN_M && n <= NORM_MAX_M)
			norms[id as string] = n;
	}
	return norms;
}

/**
 * The gap analysis as the toolbar opens it: the kinds of help the taxonomy starts it with
 * (`ANALYSIS_STARTS`), the default norms.
 */
export const COVERAGE_START: ModeOf<'coverage'> = {
	kind: 'coverage',
	categoryIds: [...ANALYSIS_STARTS.coverage.categoryIds],
	categoryId: ANALYSIS_STARTS.coverage.shown,
	unknownMode: 'optimistic',
	norms: {},
};

/** "Which fix helps most" as the planners' tools open it: the taxonomy's kind, its norm. */
export const FIXES_START: ModeOf<'fixes'> = {
	kind: 'fixes',
	categoryId: ANALYSIS_STARTS.fixes,
	normM: fixNormOf(ANALYSIS_STARTS.fixes),
	unknownMode: 'cautious',
};

function isModeKind(value: string | null): value is ModeKind {
	return value !== null && Object.hasOwn(MODES, value);
}

/**
 * The mode of a link. Without `mode=` (links made before modes existed), a place makes the place
 * mode and a category the nearest mode. Unknown or incomplete modes fall back to explore.
 */
export function readMode(params: URLSearchParams): Mode {
	const kind = params.get('mode');
	if (isModeKind(kind)) return MODES[kind].read(params) ?? { kind: 'explore' };
	if (kind === null)
		return MODES.place.read(params) ?? MODES.nearest.read(params) ?? { kind: 'explore' };
	return { kind: 'explore' };
}

/** Writes `mode=<kind>` and the mode's parameters (nothing for explore, the default). */
export function writeMode(mode: Mode, params: URLSearchParams): void {
	if (mode.kind === 'explore') return;
	params.set('mode', mode.kind);
	(MODES[mode.kind] as ModeSpec<ModeKind>).write(mode, params);
}

/** The mode as its link parameters: equal keys, equal modes. */
export function modeKey(mode: Mode): string {
	const params = new URLSearchParams();
	writeMode(mode, params);
	return params.toString();
}

/**
 * The kind of help whose places the map shows in a mode, instead of the legend's choice: the one
 * a resident chose; the one a gap analysis or a fixes ranking measures the distance to; the
 * benches of the rest points. Undefined: the legend decides.
 */
export function mapCategoryOf(mode: Mode): string | undefined {
	switch (mode.kind) {
		case 'nearest':
		case 'place':
		case 'coverage':
		case 'fixes':
			return mode.categoryId;
		case 'rest':
			return BENCH_CATEGORY_ID;
		default:
			return undefined;
	}
}

/** The workspace a mode belongs to. */
export function workspaceOf(mode: Mode): Workspace {
	return MODES[mode.kind].workspace;
}
