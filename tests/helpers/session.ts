/**
 * Signed-in users in the browser against the local stack, which has no Auth server: the session is
 * signed with the stack's JWT secret exactly as Supabase Auth signs it, and put where supabase-js
 * keeps its session (localStorage) before the app starts.
 */
import type { Page } from '@playwright/test';
import type pg from 'pg';
import { signUserSession } from '../../scripts/lib/stack/jwt.ts';
import type { StackEnv } from './db.ts';

/** Makes `page` start signed in as `userId` (call before `page.goto`); returns the user's email. */
export async function signInPage(
	page: Page,
	env: StackEnv,
	db: pg.Client,
	userId: string,
): Promise<string> {
	const { rows } = await db.query<{ email: string }>('select email from auth.users where id = $1', [
		userId,
	]);
	const email = rows[0]!.email;
	const accessToken = await signUserSession(env.SUPABASE_JWT_SECRET, { userId, email });
	const nowS = Math.floor(Date.now() / 1000);
	const session = {
		access_token: accessToken,
		token_type: 'bearer',
		expires_in: 3600,
		expires_at: nowS + 3600,
		refresh_token: 'not-refreshed-in-this-test',
		user: {
			id: userId,
			aud: 'authenticated',
			role: 'authenticated',
			email,
			app_metadata: { provider: 'email', providers: ['email'] },
			user_metadata: {},
			created_at: new Date().toISOString(),
		},
	};
	const storageKey = `sb-${new URL(env.SUPABASE_URL).hostname.split('.')[0]}-auth-token`;
	await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
		storageKey,
		JSON.stringify(session),
	] as const);
	return email;
}
