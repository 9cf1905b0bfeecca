/**
 * The Supabase client of the app: the only place that creates one. Repositories receive it.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Geometry } from 'geojson';
import { DataError } from './errors.ts';

export interface SupabaseConfig {
	/** Project URL, e.g. https://xyz.supabase.co or the local stack's SUPABASE_URL. */
	url: string;
	/** The project's anon (publishable) key. */
	anonKey: string;
	/**
	 * A user's access token to send instead of Supabase Auth's own session (tests sign one with
	 * the local stack's secret, exactly as Supabase Auth would).
	 */
	accessToken?: string;
}

/** Creates the supabase-js client; sessions are kept by Supabase Auth in the browser. */
export function connectSupabase(config: SupabaseConfig): SupabaseClient {
	if (!/^https?:\/\/[^\s]+$/.test(config.url)) {
		throw new DataError('supabase.connect', 'invalid', `not a URL: ${JSON.stringify(config.url)}`);
	}
	if (!config.anonKey) throw new DataError('supabase.connect', 'invalid', 'the anon key is empty');
	const inBrowser = typeof window !== 'undefined';
	return createClient(config.url, config.anonKey, {
		auth: { persistSession: inBrowser && !config.accessToken, autoRefreshToken: inBrowser && !config.accessToken },
		...(config.accessToken ? { global: { headers: { Authorization: `Bearer ${config.accessToken}` } } } : {}),
	});
}

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
