/**
 * The one error type of the data layer. Every repository function either returns a value or throws
 * a DataError naming the operation ("curatedPlaces.create") and what went wrong:
 * - `code`, the class the callers branch on (the outbox gives up only on `invalid`, treats
 *   `duplicate` as delivered and keeps everything else queued);
 * - `kind` with `values`, what exactly went wrong, which the UI maps to a translated message key
 *   (src/state/data-state.svelte.ts). Messages never come from matching English sentences: the
 *   data layer's own checks (validate.ts) set the kind, and the database sends it as JSON in the
 *   error's DETAIL (`{"kind": "rate_limited", "scope": "device", "limit": 20}`), or names the
 *   check constraint that refused the row, which CONSTRAINT_KINDS below maps to a kind
 *   (supabase/README.md, "Error kinds").
 */

export type DataErrorCode =
	/** The input breaks a rule (length, markup, geometry outside Belgium, unknown category...). */
	| 'invalid'
	/** Not allowed for this user (Row Level Security, missing grant, bad or expired session). */
	| 'denied'
	/** Already stored: a retried submission with the same id. Nothing was changed. */
	| 'duplicate'
	/** No such record, or not visible to this user. */
	| 'not_found'
	/** Too many submissions (from this device, network, user or area); try later. */
	| 'rate_limited'
	/** The backend could not be reached; the operation may be retried. */
	| 'network'
	/** Anything else (a bug, a server error, an unexpected backend answer). */
	| 'unknown';

/** What exactly went wrong: one message key per kind in the UI. */
export type ErrorKind =
	/** Text longer than allowed: values field, max, count (when known). */
	| 'too_long'
	/** Text shorter than allowed (e.g. an empty name): values field, min. */
	| 'too_short'
	/** Text with "<" followed by a letter (markup): values field. */
	| 'markup'
	/** Text with control or bidi direction characters: values field. */
	| 'control_characters'
	/** Text the database refused for its characters (markup or control characters): values field. */
	| 'forbidden_characters'
	/** A value outside a list (an unknown category or barrier kind): values field. */
	| 'unknown_value'
	/** No location given. */
	| 'no_location'
	/** A position outside Belgium's bounding box. */
	| 'outside_belgium'
	/** A location outside every area (reports), or outside its own area (places, summaries). */
	| 'outside_area'
	/** A stretch that is too short, too long or has too few or too many positions. */
	| 'bad_stretch'
	/** GeoJSON that is not a valid geometry of the expected type: values field, problem. */
	| 'malformed_geometry'
	/** Any other rule of the input. */
	| 'invalid'
	| 'duplicate'
	| 'not_found'
	/** values scope (device, network, user, area), limit. */
	| 'rate_limited'
	/** Not allowed for this user. */
	| 'denied'
	/** The report belongs to a signed-in user whose session is gone: sign in again to send it. */
	| 'sign_in_needed'
	| 'network'
	/** The server failed (5xx); the same request may succeed later. */
	| 'server'
	| 'unknown';

/** An error as data: what the outbox keeps for an entry and the UI turns into a message. */
export interface ErrorInfo {
	kind: ErrorKind;
	values: Record<string, string | number>;
	/** Technical detail (English, for logs and for 'unknown' errors). */
	detail: string;
}

const KIND_OF_CODE: Record<DataErrorCode, ErrorKind> = {
	invalid: 'invalid',
	denied: 'denied',
	duplicate: 'duplicate',
	not_found: 'not_found',
	rate_limited: 'rate_limited',
	network: 'network',
	unknown: 'unknown',
};

export interface DataErrorOptions {
	cause?: unknown;
	/** Defaults to the kind of the same name as `code`. */
	kind?: ErrorKind;
	values?: Record<string, string | number>;
}

export class DataError extends Error {
	override readonly name = 'DataError';
	/** The repository operation, e.g. 'barrierReports.submit'. */
	readonly operation: string;
	readonly code: DataErrorCode;
	readonly kind: ErrorKind;
	readonly values: Record<string, string | number>;

	constructor(
		operation: string,
		code: DataErrorCode,
		detail: string,
		options: DataErrorOptions = {},
	) {
		super(
			`${operation}: ${detail}`,
			options.cause === undefined ? undefined : { cause: options.cause },
		);
		this.operation = operation;
		this.code = code;
		this.kind = options.kind ?? KIND_OF_CODE[code];
		this.values = options.values ?? {};
	}

	/** This error as data (what an outbox entry keeps). */
	info(): ErrorInfo {
		return { kind: this.kind, values: this.values, detail: this.message };
	}
}

/**
 * Any error (or an outbox entry's kept ErrorInfo, or an old entry's plain message) as ErrorInfo.
 * Only a DataError or an ErrorInfo carries a kind; anything else is 'unknown'.
 */
export function errorInfo(err: unknown): ErrorInfo {
	if (err instanceof DataError) return err.info();
	const e = err as Partial<ErrorInfo & { name: string; code: string; message: string }> | null;
	if (e && typeof e === 'object' && typeof e.kind === 'string') {
		return { kind: e.kind, values: e.values ?? {}, detail: String(e.detail ?? e.message ?? '') };
	}
	return { kind: 'unknown', values: {}, detail: err instanceof Error ? err.message : String(err) };
}

/** An error as PostgREST / supabase-js report it. */
export interface BackendError {
	code?: string;
	message: string;
	details?: string | null;
	hint?: string | null;
}

const CODE_OF_SQLSTATE: Record<string, DataErrorCode> = {
	'23505': 'duplicate',
	'23514': 'invalid', // check constraint, or a trigger's rule
	'23502': 'invalid', // not null
	'23503': 'invalid', // unknown reference (area, neighbourhood)
	'22P02': 'invalid', // invalid input: unknown enum value, malformed uuid
	'22P05': 'invalid', // NUL character in text
	'22023': 'invalid', // invalid parameter value (RPC arguments, malformed GeoJSON)
	'22003': 'invalid', // numeric out of range
	'22007': 'invalid', // bad date/time
	'42501': 'denied',
	PGRST301: 'denied', // bad JWT
	PGRST302: 'denied', // anonymous access disabled
	PGRST303: 'denied', // JWT claims invalid (e.g. expired)
	PT429: 'rate_limited',
	PGRST116: 'not_found',
};

/** Kinds of the SQLSTATEs that carry no JSON detail of their own. */
const KIND_OF_SQLSTATE: Record<string, ErrorKind> = {
	'22P02': 'unknown_value',
	'22023': 'invalid',
	PGRST301: 'sign_in_needed',
	PGRST303: 'sign_in_needed',
};

/** Text columns checked by `<table>_<column>_length` (at most `max`) and `<table>_<column>_clean`. */
const TEXT_COLUMNS: { table: string; column: string; field: string; max: number }[] = [
	{ table: 'barrier_reports', column: 'description', field: 'description', max: 1000 },
	{ table: 'barrier_reports', column: 'planner_note', field: 'plannerNote', max: 1000 },
	{ table: 'barrier_reports', column: 'public_text', field: 'publicText', max: 1000 },
	{ table: 'curated_places', column: 'name', field: 'name', max: 200 },
	{ table: 'curated_places', column: 'description', field: 'description', max: 2000 },
	{ table: 'curated_places', column: 'source', field: 'source', max: 300 },
	{ table: 'saved_analyses', column: 'name', field: 'name', max: 120 },
	{ table: 'saved_analyses', column: 'description', field: 'description', max: 2000 },
];

/**
 * Check constraints of supabase/migrations that a client can break, by name → kind and values.
 * (PostgreSQL names the constraint that refused a row; the database's JSON details cover the
 * rules of its triggers and functions.) A constraint not listed here is kind 'invalid'.
 */
export const CONSTRAINT_KINDS: Record<
	string,
	{ kind: ErrorKind; values?: Record<string, string | number> }
> = {
	...Object.fromEntries(
		TEXT_COLUMNS.flatMap(({ table, column, field, max }) => [
			[`${table}_${column}_length`, { kind: 'too_long' as const, values: { field, max } }],
			[`${table}_${column}_clean`, { kind: 'forbidden_characters' as const, values: { field } }],
		]),
	),
	barrier_reports_location_type: { kind: 'malformed_geometry', values: { field: 'location' } },
	barrier_reports_location_valid: { kind: 'malformed_geometry', values: { field: 'location' } },
	barrier_reports_location_within_belgium: {
		kind: 'outside_belgium',
		values: { field: 'location' },
	},
	barrier_reports_location_size: { kind: 'bad_stretch', values: { field: 'location' } },
	// a curated place's contact fields, checked by the same patterns as src/data/validate.ts
	curated_places_phone_format: { kind: 'invalid', values: { field: 'phone', limit: 'pattern' } },
	curated_places_email_format: { kind: 'invalid', values: { field: 'email', limit: 'pattern' } },
	curated_places_website_format: {
		kind: 'invalid',
		values: { field: 'website', limit: 'pattern' },
	},
	// these two also hold the field's length (1 to max) and, for the opening hours, any "<" or ">":
	// the message says all of the field's rules, true whichever refused it
	curated_places_address_clean: {
		kind: 'invalid',
		values: { field: 'address', limit: 'pattern', max: 300 },
	},
	curated_places_opening_hours_clean: {
		kind: 'invalid',
		values: { field: 'openingHours', limit: 'pattern', max: 500 },
	},
	curated_places_location_within_belgium: {
		kind: 'outside_belgium',
		values: { field: 'location' },
	},
	analysis_cells_cell_valid: { kind: 'malformed_geometry', values: { field: 'cells' } },
	analysis_cells_cell_within_belgium: { kind: 'outside_belgium', values: { field: 'cells' } },
};

/** The database's JSON detail ({"kind": ..., ...values}), when the error carries one. */
function detailOf(
	error: BackendError,
): { kind: ErrorKind; values: Record<string, string | number> } | null {
	if (!error.details || !error.details.startsWith('{')) return null;
	try {
		const { kind, ...values } = JSON.parse(error.details) as Record<string, unknown>;
		if (typeof kind !== 'string') return null;
		const flat: Record<string, string | number> = {};
		for (const [k, v] of Object.entries(values)) {
			if (typeof v === 'string' || typeof v === 'number') flat[k] = v;
		}
		return { kind: kind as ErrorKind, values: flat };
	} catch {
		return null;
	}
}

/** The name of the check constraint PostgreSQL reports in `message`, if any. */
function constraintOf(message: string): string | undefined {
	return /constraint "([a-z0-9_]+)"/.exec(message)?.[1];
}

/**
 * Turns a supabase-js error into a DataError for `operation`. `status` is the HTTP status of the
 * response when known (0 or absent: the request never got an answer).
 */
export function fromBackend(operation: string, error: BackendError, status?: number): DataError {
	const sqlstate = error.code ?? '';
	let code: DataErrorCode = CODE_OF_SQLSTATE[sqlstate] ?? 'unknown';
	let kind: ErrorKind = KIND_OF_SQLSTATE[sqlstate] ?? KIND_OF_CODE[code];
	let values: Record<string, string | number> = {};
	const fromDetail = detailOf(error);
	const constraint = constraintOf(error.message);
	if (fromDetail) {
		({ kind, values } = fromDetail);
	} else if (sqlstate === '23514' && constraint) {
		const known = CONSTRAINT_KINDS[constraint];
		if (known) {
			kind = known.kind;
			values = { ...known.values };
		}
	}
	if (
		sqlstate === '' &&
		(status === 0 || /fetch failed|network|ECONNREFUSED|Failed to fetch/i.test(error.message))
	) {
		code = 'network';
		kind = 'network';
	} else if (code === 'unknown' && ((status ?? 0) >= 500 || sqlstate.startsWith('XX'))) {
		kind = 'server';
	} else if (code === 'unknown' && (status === 401 || status === 403)) {
		code = 'denied';
		kind = 'denied';
	}
	const detail = [error.message, error.details, error.hint].filter((s) => s).join(' — ');
	return new DataError(operation, code, detail || `backend error ${sqlstate || status}`, {
		cause: error,
		kind,
		values,
	});
}

/**
 * Wraps every method of a repository so that anything it throws is a DataError naming
 * `<name>.<method>`: a DataError passes unchanged; an IndexedDB key conflict becomes 'duplicate';
 * anything else (storage full, a browser that blocks IndexedDB, a bug) becomes 'unknown'.
 */
export function guarded<T extends object>(name: string, repository: T): T {
	const wrapped = {} as Record<string, unknown>;
	for (const [method, fn] of Object.entries(repository)) {
		if (typeof fn !== 'function') {
			wrapped[method] = fn;
			continue;
		}
		wrapped[method] = async (...args: unknown[]) => {
			try {
				return await (fn as (...a: unknown[]) => unknown).apply(repository, args);
			} catch (err) {
				if (err instanceof DataError) throw err;
				const op = `${name}.${method}`;
				const errName = (err as { name?: unknown } | null)?.name;
				const message = err instanceof Error ? err.message : String(err);
				if (errName === 'ConstraintError')
					throw new DataError(op, 'duplicate', message, { cause: err });
				throw new DataError(op, 'unknown', `${String(errName ?? 'Error')}: ${message}`, {
					cause: err,
				});
			}
		};
	}
	return wrapped as T;
}
