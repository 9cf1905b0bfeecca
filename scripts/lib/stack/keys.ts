/**
 * CLI used by scripts/db-start.sh: generates the secrets of a fresh local stack and prints them as
 * KEY=value lines on stdout (nothing else is printed there).
 *
 *   node --import tsx scripts/lib/stack/keys.ts
 */
import { randomBytes } from 'node:crypto';
import { signApiKey } from './jwt.ts';

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

const secret = hex(32);
const lines = {
	SUPABASE_JWT_SECRET: secret,
	PG_SUPERUSER_PASSWORD: hex(16),
	PG_AUTHENTICATOR_PASSWORD: hex(16),
	SUPABASE_ANON_KEY: await signApiKey(secret, 'anon'),
	SUPABASE_SERVICE_ROLE_KEY: await signApiKey(secret, 'service_role'),
};
process.stdout.write(
	Object.entries(lines)
		.map(([k, v]) => `${k}=${v}\n`)
		.join(''),
);
