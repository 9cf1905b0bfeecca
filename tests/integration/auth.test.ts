/**
 * Sign-in through the data layer. The local stack has no Auth server (its proxy serves only
 * /rest/v1), so what can be checked here is that input is checked before anything is sent and that
 * a missing or unreachable Auth service reaches the app as a DataError naming the operation.
 */
import { describe, expect, it } from 'vitest';
import { currentUser, sendMagicLink, signInWithPassword } from '../../src/data/auth.ts';
import { connectSupabase } from '../../src/data/supabase.ts';
import { stackEnv } from '../helpers/db.ts';

describe('sign-in through the data layer', () => {
	it('refuses malformed input before sending anything', async () => {
		const client = connectSupabase({ url: 'http://127.0.0.1:9', anonKey: 'x' });
		await expect(signInWithPassword(client, 'not an email', 'secret123')).rejects.toMatchObject({
			operation: 'auth.signInWithPassword',
			code: 'invalid',
		});
		await expect(signInWithPassword(client, 'a@b.be', '123')).rejects.toMatchObject({
			code: 'invalid',
		});
		await expect(sendMagicLink(client, 'a@b.be', 'javascript:alert(1)')).rejects.toMatchObject({
			operation: 'auth.sendMagicLink',
			code: 'invalid',
		});
	});

	it('reports an Auth service that is not there as a DataError', async () => {
		const env = stackEnv();
		const client = connectSupabase({ url: env.SUPABASE_URL, anonKey: env.SUPABASE_ANON_KEY });
		const err = await signInWithPassword(
			client,
			'coordinator@test.buurtkaart.invalid',
			'secret123',
		).catch((e: unknown) => e);
		expect(err).toMatchObject({ operation: 'auth.signInWithPassword', code: 'unknown' });
		expect(await currentUser(client)).toBeNull();
	});

	it('reports an unreachable Auth service as a network error', async () => {
		const client = connectSupabase({ url: 'http://127.0.0.1:9', anonKey: 'x' });
		await expect(signInWithPassword(client, 'a@b.be', 'secret123')).rejects.toMatchObject({
			code: 'network',
		});
	});
});
