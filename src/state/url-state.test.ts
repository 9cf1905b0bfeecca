import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseUrlState, serialiseUrlState, type UrlState } from './url-state.ts';

describe('url state', () => {
	it('round-trips every field', () => {
		const state: UrlState = {
			view: 'list',
			lang: 'fr',
			profile: 'wheelchair',
			query: 'apotheek',
			place: 'n1234567',
			category: 'pharmacy',
		};
		expect(parseUrlState(serialiseUrlState(state))).toEqual(state);
	});

	it('writes nothing for the defaults', () => {
		expect(serialiseUrlState(DEFAULT_STATE)).toBe('');
	});

	it('falls back to defaults for unknown values and drops ids that cannot be ids', () => {
		expect(parseUrlState('?view=globe&lang=de&profile=bike&place=<script>&cat=a%20b')).toEqual(
			DEFAULT_STATE,
		);
	});

	it('uses the stored profile and language when the link does not say', () => {
		expect(parseUrlState('?q=dokter', { profile: 'rollator', lang: 'en' })).toMatchObject({
			profile: 'rollator',
			lang: 'en',
			query: 'dokter',
		});
		expect(parseUrlState('?profile=walking', { profile: 'rollator' }).profile).toBe('walking');
	});

	it('caps the search text', () => {
		expect(parseUrlState(`?q=${'a'.repeat(500)}`).query.length).toBe(100);
	});
});
