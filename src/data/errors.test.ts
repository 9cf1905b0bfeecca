import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSTRAINT_KINDS, fromBackend } from './errors';

const migrations = readdirSync('supabase/migrations')
	.filter((f) => f.endsWith('.sql'))
	.map((f) => readFileSync(join('supabase/migrations', f), 'utf8'))
	.join('\n');

describe('CONSTRAINT_KINDS', () => {
	it.each(Object.entries(CONSTRAINT_KINDS))(
		'%s is a constraint of the migrations, with the same limit',
		(name, { kind, values }) => {
			const declared = new RegExp(`constraint ${name} check \\(([^\\n]*)`).exec(migrations);
			expect(declared, `${name} in supabase/migrations`).not.toBeNull();
			if (kind === 'too_long') {
				const upper = /(?:<= |between \d+ and )(\d+)/.exec(declared?.[1] ?? '')?.[1];
				expect(Number(upper)).toBe(values?.max);
			}
		},
	);

	it('maps a refused row to the kind and values of its constraint', () => {
		const err = fromBackend(
			'savedAnalyses.save',
			{
				code: '23514',
				message:
					'new row for relation "saved_analyses" violates check constraint "saved_analyses_name_length"',
			},
			400,
		);
		expect(err.code).toBe('invalid');
		expect(err.kind).toBe('too_long');
		expect(err.values).toEqual({ field: 'name', max: 120 });
	});
});
