/**
 * JWTs for the local stack, signed the way Supabase signs them: HS256 with the project's JWT secret.
 * The API keys carry `iss: 'supabase'`, `role`, `iat` and `exp` like a hosted project's keys; user
 * sessions carry what Supabase Auth puts in an access token (`sub`, `role: 'authenticated'`,
 * `aud: 'authenticated'`, `email`, `session_id`), so PostgREST and `auth.uid()` see real claims.
 */
import { SignJWT } from 'jose';

/** Validity of the generated API keys: 10 years, in seconds (Supabase's keys last about as long). */
export const API_KEY_LIFETIME_S = 10 * 365 * 24 * 3600;

/** Validity of a signed user session, in seconds (Supabase Auth's default: one hour). */
export const SESSION_LIFETIME_S = 3600;

function keyOf(secret: string): Uint8Array {
	if (secret.length < 32) {
		throw new Error(`JWT secret must have at least 32 characters, got ${secret.length}`);
	}
	return new TextEncoder().encode(secret);
}

/** Signs an API key (`anon` or `service_role`) with the given secret. `nowS` is in Unix seconds. */
export async function signApiKey(
	secret: string,
	role: 'anon' | 'service_role',
	nowS: number = Math.floor(Date.now() / 1000),
): Promise<string> {
	return new SignJWT({ iss: 'supabase', role })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt(nowS)
		.setExpirationTime(nowS + API_KEY_LIFETIME_S)
		.sign(keyOf(secret));
}

/** What a signed-in user's access token needs. */
export interface SessionClaims {
	/** The user's id (auth.users.id). */
	userId: string;
	email?: string;
	/** Lifetime in seconds; defaults to {@link SESSION_LIFETIME_S}. */
	lifetimeS?: number;
}

/**
 * Signs an access token for a signed-in user exactly as Supabase Auth (GoTrue) does: HS256,
 * `sub` = user id, `role` and `aud` = 'authenticated', plus `email`, `session_id`, `aal`, `amr`.
 */
export async function signUserSession(secret: string, claims: SessionClaims): Promise<string> {
	const nowS = Math.floor(Date.now() / 1000);
	return new SignJWT({
		iss: 'supabase',
		role: 'authenticated',
		email: claims.email ?? '',
		phone: '',
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: {},
		aal: 'aal1',
		amr: [{ method: 'password', timestamp: nowS }],
		session_id: crypto.randomUUID(),
		is_anonymous: false,
	})
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(claims.userId)
		.setAudience('authenticated')
		.setIssuedAt(nowS)
		.setExpirationTime(nowS + (claims.lifetimeS ?? SESSION_LIFETIME_S))
		.sign(keyOf(secret));
}
