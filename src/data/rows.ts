/**
 * Turning PostgREST rows into the app's shapes. Kept apart from supabase.ts so that repositories
 * can use them without pulling supabase-js into the app's first load (supabase.ts, and with it
 * supabase-js, is imported lazily, only when Supabase is configured).
 */
import type { Geometry } from 'geojson';
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
