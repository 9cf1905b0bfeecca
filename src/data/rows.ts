/**
 * Turning PostgREST rows into the app's shapes. Kept apart from supabase.ts so that repositories
 * can use them without pulling supabase-js into the app's first load (supabase.ts, and with it
 * supabase-js, is imported lazily, only when Supabase is configured).
 */
import type { Geometry } from 'geojson';
import type { Json } from './database.types.ts';
import { type BackendError, DataError, fromBackend } from './errors.ts';

/** A geometry as PostgREST returns it (PostGIS adds a `crs` member), as plain GeoJSON. */
export function geometryOf<T extends Geometry>(value: unknown): T {
	if (typeof value !== 'object' || value === null || !('type' in value)) {
		throw new DataError(
			'supabase.geometry',
			'unknown',
			`not a GeoJSON geometry: ${JSON.stringify(value)}`,
		);
	}
	const { crs: _crs, ...geometry } = value as T & { crs?: unknown };
	return geometry as T;
}

/**
 * An object the app sends into a json/jsonb column or argument (GeoJSON, analysis parameters and
 * figures, all checked by validate.ts before): plain data, so it is JSON as sent. TypeScript's
 * interfaces (GeoJSON's Point) carry no index signature, hence this one conversion.
 */
export function toJson(value: object): Json {
	return value as Json;
}

/** A json/jsonb value that must be an object (a summary, parameters, properties). */
export function jsonObject(op: string, field: string, value: Json): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new DataError(op, 'unknown', `${field} is not a JSON object: ${JSON.stringify(value)}`);
	}
	return value;
}

/**
 * A field of a composite type (every field of one may be null in PostgreSQL) that the function
 * behind it always fills: the value, or a DataError naming the field.
 */
export function present<T>(op: string, field: string, value: T | null): T {
	if (value === null) throw new DataError(op, 'unknown', `the database returned no ${field}`);
	return value;
}

/** A text column with a fixed set of values (a CHECK constraint): the value, or a DataError. */
export function oneOf<T extends string>(
	op: string,
	field: string,
	value: string,
	allowed: readonly T[],
): T {
	const known = (v: string): v is T => (allowed as readonly string[]).includes(v);
	if (!known(value)) {
		throw new DataError(op, 'unknown', `${field}: unexpected value ${JSON.stringify(value)}`);
	}
	return value;
}

/** A timestamp from PostgreSQL as an ISO 8601 string in UTC (both backends return this form). */
export function isoTime(value: unknown): string {
	return new Date(String(value)).toISOString();
}

export function isoTimeOrNull(value: unknown): string | null {
	return value === null || value === undefined ? null : isoTime(value);
}

/** Rows asked for per request: the API's usual row limit (PostgREST db-max-rows, 1,000 on Supabase). */
export const PAGE_ROWS = 1000;

/**
 * Every row of a list that may exceed the API's row limit: asks for `PAGE_ROWS` at a time (the
 * query must have a total order) and goes on after each page until one comes back empty, so a
 * server whose row limit is lower than `PAGE_ROWS` still returns everything.
 */
export async function allPages<T>(
	op: string,
	page: (
		from: number,
		to: number,
	) => PromiseLike<{ data: unknown; error: BackendError | null; status?: number }>,
): Promise<T[]> {
	const rows: T[] = [];
	for (;;) {
		const from = rows.length;
		const { data, error, status } = await page(from, from + PAGE_ROWS - 1);
		if (error) throw fromBackend(op, error, status);
		const got = (data ?? []) as T[];
		if (got.length === 0) return rows;
		rows.push(...got);
	}
}
