/**
 * A curated place's refusal said in the user's language, from the data layer's own rules
 * (checkPlaceInput, the same the database enforces) and the database's refusals as supabase-js
 * reports them: never the data layer's English detail.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError, fromBackend } from '../data/errors.ts';
import type { CuratedPlaceInput } from '../data/types.ts';
import { checkPlaceInput } from '../data/validate.ts';
import { LANGUAGES, loadLang, translate, type Lang } from '../i18n/messages.ts';
import { curatedErrorMessage, type CuratedMessage } from './curated-error.ts';

const place: CuratedPlaceInput = {
	areaId: '7c1d6c9e-0c5e-4d7f-8d0e-1b2c3d4e5f60',
	name: 'Buurtkring Zonnebloem',
	categories: ['neighbour_help'],
	location: { type: 'Point', coordinates: [4.77, 51.2] },
	source: 'gesprek met het OCMW',
};

/** What the data layer throws for `change` (it must refuse it). */
function refusal(change: Partial<CuratedPlaceInput>): unknown {
	try {
		checkPlaceInput('curatedPlaces.create', { ...place, ...change });
	} catch (err) {
		return err;
	}
	throw new Error(`accepted: ${JSON.stringify(change)}`);
}

/** The database refusing a row by a check constraint, as PostgREST reports it. */
const constraint = (name: string) =>
	fromBackend(
		'curatedPlaces.create',
		{
			code: '23514',
			message: `new row for relation "curated_places" violates check constraint "${name}"`,
		},
		400,
	);

const said = (lang: Lang, m: CuratedMessage) =>
	translate(lang, m.key, { ...m.values, ...(m.field ? { field: translate(lang, m.field) } : {}) });

beforeAll(async () => {
	await loadLang('fr');
	await loadLang('en');
});

describe('curatedErrorMessage', () => {
	it('names the field and what it takes, from the data layer’s own checks', () => {
		const cases: [Partial<CuratedPlaceInput>, string][] = [
			[{ phone: 'bel maar' }, 'Telefoon: alleen cijfers, spaties en + . / ( ) -, 6 tot 30 tekens'],
			[{ email: 'info@zonnebloem' }, 'E-mail: een adres zoals naam@voorbeeld.be.'],
			[{ website: 'www.zonnebloem.be' }, 'Website: een adres dat begint met https://'],
			[{ name: 'x'.repeat(201) }, 'Naam is te lang: 201 tekens, maximaal 200.'],
			[{ description: 'zie <b>hier</b>' }, 'Beschrijving bevat “<” gevolgd door een letter'],
			[{ address: 'Markt\u202e 1' }, 'Adres bevat onzichtbare stuur- of richtingstekens'],
			[{ location: { type: 'Point', coordinates: [2.3, 48.9] } }, 'De plaats ligt buiten België.'],
		];
		for (const [change, nl] of cases)
			expect(said('nl', curatedErrorMessage(refusal(change), 'Vorselaar'))).toContain(nl);
	});

	it('says the database’s refusals the same way', () => {
		expect(said('nl', curatedErrorMessage(constraint('curated_places_phone_format'), ''))).toBe(
			'Telefoon: alleen cijfers, spaties en + . / ( ) -, 6 tot 30 tekens, bijvoorbeeld +32 14 50 00 00.',
		);
		expect(said('en', curatedErrorMessage(constraint('curated_places_name_length'), ''))).toBe(
			'Name is too long: at most 200 characters.',
		);
		expect(said('fr', curatedErrorMessage(constraint('curated_places_name_length'), ''))).toBe(
			'Nom\u00a0: texte trop long (200 caractères au maximum).',
		);
		expect(said('fr', curatedErrorMessage(refusal({ name: 'x'.repeat(201) }), ''))).toBe(
			'Nom\u00a0: texte trop long (201 caractères, 200 au maximum).',
		);
		expect(said('nl', curatedErrorMessage(constraint('curated_places_source_clean'), ''))).toMatch(
			/^Bron \(wie het meldde, welk document\) bevat tekens die we niet bewaren/,
		);
		const outside = new DataError(
			'curatedPlaces.create',
			'invalid',
			'location lies 512 m outside Vorselaar',
			{
				kind: 'outside_area',
			},
		);
		expect(said('nl', curatedErrorMessage(outside, 'Vorselaar'))).toBe(
			'De plaats ligt buiten Vorselaar. Kies een plaats in de gemeente of een andere gemeente.',
		);
		const denied = fromBackend(
			'curatedPlaces.create',
			{ code: '42501', message: 'new row violates row-level security policy' },
			403,
		);
		expect(said('nl', curatedErrorMessage(denied, ''))).toMatch(
			/^Je mag dit initiatief hier niet bewaren/,
		);
		const offline = fromBackend(
			'curatedPlaces.update',
			{ message: 'TypeError: Failed to fetch' },
			0,
		);
		expect(said('nl', curatedErrorMessage(offline, ''))).toMatch(
			/^De databank is nu niet bereikbaar/,
		);
	});

	it('says every rule of the address and the opening hours, whichever of them the database refused', () => {
		// curated_places_address_clean: 1 to 300 characters, no control or direction characters, no
		// "<" before a letter; curated_places_opening_hours_clean: 1 to 500, no control characters,
		// no "<" or ">" at all (a too long text fails the same check as a forbidden character)
		const address = curatedErrorMessage(constraint('curated_places_address_clean'), '');
		const hours = curatedErrorMessage(constraint('curated_places_opening_hours_clean'), '');
		expect(said('nl', address)).toBe(
			'Adres: hoogstens 300 tekens, zonder onzichtbare stuur- of richtingstekens en zonder “<” gevolgd door een letter.',
		);
		expect(said('nl', hours)).toBe(
			'Openingsuren (zoals in OpenStreetMap, bv. Mo-Fr 09:00-12:00): hoogstens 500 tekens, zonder “<” of “>” en zonder onzichtbare stuurtekens.',
		);
		expect(said('fr', address)).toBe(
			'Adresse\u00a0: 300 caractères au maximum, sans caractères de contrôle ou de direction invisibles ni «\u00a0<\u00a0» suivi d’une lettre.',
		);
		expect(said('en', hours)).toBe(
			'Opening hours (as in OpenStreetMap, e.g. Mo-Fr 09:00-12:00): at most 500 characters, without “<” or “>” and without invisible control characters.',
		);
		for (const lang of LANGUAGES)
			for (const m of [address, hours])
				expect(said(lang, m)).not.toMatch(
					/bevat tekens|contient des caractères|contains characters/,
				);
	});

	it('never shows the data layer’s English detail for a known kind, in any language', () => {
		const errors = [
			refusal({ phone: 'bel maar' }),
			refusal({ email: 'x' }),
			refusal({ name: 'x'.repeat(201) }),
			refusal({ source: 'a\u0007b' }),
			constraint('curated_places_website_format'),
			constraint('curated_places_opening_hours_clean'),
		];
		for (const lang of LANGUAGES)
			for (const err of errors) {
				const text = said(lang, curatedErrorMessage(err, 'Vorselaar'));
				expect(text).not.toMatch(
					/expected form|must have|contains control|violates|curated_places/,
				);
				expect(text).not.toMatch(/\{\w+\}/);
			}
	});

	it('gives the technical detail only for an error without a known kind', () => {
		expect(curatedErrorMessage(new Error('boom'), '')).toEqual({
			key: 'curErrorOther',
			values: { detail: 'boom' },
		});
	});
});
