/**
 * The Supabase client of the app: the only place that creates one. Repositories receive it.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types.ts';
import { DataError } from './errors.ts';

/** The app's supabase-js client, typed by the local stack's schema (`npm run db:types`). */
export type Client = SupabaseClient<Database>;

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
export function connectSupabase(config: SupabaseConfig): Client {
	if (!/^https?:\/\/[^\s]+$/.test(config.url)) {
		throw new DataError('supabase.connect', 'invalid', `not a URL: ${JSON.stringify(config.url)}`);
	}
	if (!config.anonKey) throw new DataError('supabase.connect', 'invalid', 'the anon key is empty');
	const inBrowser = typeof window !== 'undefined';
	return createClient<Database>(config.url, config.anonKey, {
		auth: {
			persistSession: inBrowser && !config.accessToken,
			autoRefreshToken: inBrowser && !config.accessToken,
		},
		...(config.accessToken
			? { global: { headers: { Authorization: `Bearer ${config.accessToken}` } } }
			: {}),
	});
}

// Row helpers live in rows.ts (no supabase-js there); re-exported for existing callers.
export { geometryOf, isoTime, isoTimeOrNull } from './rows.ts';
