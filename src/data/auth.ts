/**
 * Signing in for coordinators, planners and admins, with Supabase Auth (email + password, or a
 * magic link). Residents never need to sign in. Only with Supabase: the embedded default has no
 * accounts. The local stack has no Auth server; tests sign sessions with its JWT secret instead
 * (scripts/lib/stack/jwt.ts).
 */
import type { AuthError } from '@supabase/supabase-js';
import type { Client } from './supabase.ts';
import { DataError } from './errors.ts';

/** The signed-in user, as the app needs it. */
export interface SignedInUser {
	id: string;
	email: string | null;
}

const EMAIL = /^[^@\s<>]+@[^@\s<>]+\.[a-zA-Z]{2,}$/;

function checkEmail(op: string, email: string): string {
	const e = email.trim();
	if (e.length > 254 || !EMAIL.test(e)) throw new DataError(op, 'invalid', 'not an email address');
	return e;
}

function fromAuth(op: string, error: AuthError): DataError {
	const status = error.status ?? 0;
	const code =
		status === 0 || error.name === 'AuthRetryableFetchError'
			? 'network'
			: status === 400 || status === 401 || status === 403 || status === 422
				? 'denied'
				: status === 429
					? 'rate_limited'
					: 'unknown';
	return new DataError(op, code, error.message || `Supabase Auth answered ${status}`, {
		cause: error,
	});
}

/** Signs in with email and password; returns the user. Wrong credentials: DataError 'denied'. */
export async function signInWithPassword(
	client: Client,
	email: string,
	password: string,
): Promise<SignedInUser> {
	const op = 'auth.signInWithPassword';
	if (password.length < 6 || password.length > 72)
		throw new DataError(op, 'invalid', 'a password has 6 to 72 characters');
	const { data, error } = await client.auth.signInWithPassword({
		email: checkEmail(op, email),
		password,
	});
	if (error) throw fromAuth(op, error);
	return { id: data.user.id, email: data.user.email ?? null };
}

/**
 * Sends a magic link to an existing account (never creates one: accounts are made by an admin).
 * `redirectTo` is the app's URL the link opens.
 */
export async function sendMagicLink(
	client: Client,
	email: string,
	redirectTo: string,
): Promise<void> {
	const op = 'auth.sendMagicLink';
	if (!/^https?:\/\/\S+$/.test(redirectTo))
		throw new DataError(op, 'invalid', 'redirectTo must be an http(s) URL');
	const { error } = await client.auth.signInWithOtp({
		email: checkEmail(op, email),
		options: { shouldCreateUser: false, emailRedirectTo: redirectTo },
	});
	if (error) throw fromAuth(op, error);
}

/** Signs out on this device. */
export async function signOut(client: Client): Promise<void> {
	const { error } = await client.auth.signOut({ scope: 'local' });
	if (error) throw fromAuth('auth.signOut', error);
}

/** The user of the current session on this device, or null. */
export async function currentUser(client: Client): Promise<SignedInUser | null> {
	const { data, error } = await client.auth.getSession();
	if (error) throw fromAuth('auth.currentUser', error);
	const user = data.session?.user;
	return user ? { id: user.id, email: user.email ?? null } : null;
}

/** Calls `listener` whenever the user signs in or out; returns a function that stops listening. */
export function onUserChange(
	client: Client,
	listener: (user: SignedInUser | null) => void,
): () => void {
	const { data } = client.auth.onAuthStateChange((_event, session) => {
		listener(session?.user ? { id: session.user.id, email: session.user.email ?? null } : null);
	});
	return () => data.subscription.unsubscribe();
}
