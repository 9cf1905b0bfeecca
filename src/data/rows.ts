/**
 * Turning PostgREST rows into the app's shapes. Kept apart from supabase.ts so that repositories
 * can use them without pulling supabase-js into the app's first load (supabase.ts, and with it
 * supabase-js, is imported lazily, only when Supabase is configured).
 */
import type { Geometry } from 'geojson';
import { DataError } from './errors.ts';

/** A geometry as PostgREST returns it (PostGIS adds a `crs` member), as plain GeoJSON. */
export function geometryOf<T extends Geometry>(value: unknown): T {
	if (typeof value !== 'object' || value === null || !('type' in value)) {
		throw new DataError('supabase.geometry', 'unknown', `not a GeoJSON geometry: ${JSON.stringify(value)}`);
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
