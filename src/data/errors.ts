/**
 * The one error type of the data layer. Every repository function either returns a value or throws
 * a DataError naming the operation ("curatedPlaces.create") and what went wrong, so the UI can say
 * it clearly and branch on `code` (e.g. the outbox retries `network` errors and drops duplicates).
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
	/** Too many submissions from this device; try later. */
	| 'rate_limited'
	/** The backend could not be reached; the operation may be retried. */
	| 'network'
	/** Anything else (a bug or an unexpected backend answer). */
	| 'unknown';

export class DataError extends Error {
	override readonly name = 'DataError';
	/** The repository operation, e.g. 'barrierReports.submit'. */
	readonly operation: string;
	readonly code: DataErrorCode;

	constructor(operation: string, code: DataErrorCode, detail: string, options?: { cause?: unknown }) {
		super(`${operation}: ${detail}`, options);
		this.operation = operation;
		this.code = code;
	}
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
	'22023': 'invalid', // invalid parameter value (RPC arguments)
	'22003': 'invalid', // numeric out of range
	'22007': 'invalid', // bad date/time
	'XX000': 'invalid', // PostGIS: unparsable geometry
	'42501': 'denied',
	PGRST301: 'denied', // bad JWT
	PGRST302: 'denied', // anonymous access disabled
	PGRST303: 'denied', // JWT claims invalid (e.g. expired)
	PT429: 'rate_limited',
	PGRST116: 'not_found',
};

/** Turns a supabase-js error into a DataError for `operation`. */
export function fromBackend(operation: string, error: BackendError): DataError {
	const code = error.code ?? '';
	let kind: DataErrorCode = CODE_OF_SQLSTATE[code] ?? 'unknown';
	if (code === '' && /fetch failed|network|ECONNREFUSED|Failed to fetch/i.test(error.message)) {
		kind = 'network';
	}
	const detail = [error.message, error.details, error.hint].filter((s) => s).join(' — ');
	return new DataError(operation, kind, detail || `backend error ${code}`, { cause: error });
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
				if (errName === 'ConstraintError') throw new DataError(op, 'duplicate', message, { cause: err });
				throw new DataError(op, 'unknown', `${String(errName ?? 'Error')}: ${message}`, { cause: err });
			}
		};
	}
	return wrapped as T;
}
