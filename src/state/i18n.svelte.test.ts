import { describe, expect, it } from 'vitest';
import { builtInProfile, encodePersonalProfile } from '../analysis/personal-profile.ts';
import { loadLang } from '../i18n/messages.ts';
import { I18n } from './i18n.svelte.ts';

const my = encodePersonalProfile({
	...builtInProfile('wheelchair'),
	speed: 'slow',
	kerbCm: 2,
	slopePct: 5,
	minWidthM: 1.5,
});

/** The name with its no-break spaces (between a value and its unit, after ≤ and ≥) as spaces. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('I18n.profileName', () => {
	it('names the personal profile by its base and what differs, in nl, fr and en', async () => {
		await loadLang('fr');
		await loadLang('en');
		const i18n = new I18n('nl');
		expect(plain(i18n.profileName('wheelchair', my))).toBe(
			'Mijn profiel (op basis van: rolstoel) — tempo traag, stoep ≤ 2 cm, helling ≤ 5 %, doorgang ≥ 1,5 m',
		);
		i18n.lang = 'fr';
		expect(plain(i18n.profileName('wheelchair', my))).toBe(
			'Mon profil (à partir de : fauteuil roulant) — allure lente, bordure ≤ 2 cm, pente ≤ 5 %, passage ≥ 1,5 m',
		);
		i18n.lang = 'en';
		expect(plain(i18n.profileName('wheelchair', my))).toBe(
			'My profile (based on: wheelchair) — slow pace, kerb ≤ 2 cm, slope ≤ 5 %, passage ≥ 1.5 m',
		);
	});

	it('keeps a value with its unit and its sign on one line (no-break spaces)', () => {
		const i18n = new I18n('nl');
		expect(i18n.profileName('wheelchair', my)).toContain('stoep ≤\u00a02\u00a0cm');
		expect(i18n.profileName('wheelchair', my)).toContain('helling ≤\u00a05\u00a0%');
	});

	it('names the built-in profile when no personal profile is applied on it', () => {
		const i18n = new I18n('nl');
		expect(plain(i18n.profileName('wheelchair', undefined))).toBe('In een rolstoel');
		// a personal profile on another base is not applied to this one
		expect(plain(i18n.profileName('rollator', my))).toBe('Met rollator');
		// the built-in profile itself, written out, is not "mine"
		expect(
			i18n.profileName('wheelchair', encodePersonalProfile(builtInProfile('wheelchair'))),
		).toBe('In een rolstoel');
		expect(plain(i18n.profileName('wheelchair', 'not a profile'))).toBe('In een rolstoel');
	});

	it('names every kind of difference, "not set" included', () => {
		const i18n = new I18n('nl');
		const p = encodePersonalProfile({
			...builtInProfile('rollator'),
			steps: true,
			avoid: ['loose'],
			kerbCm: 4,
			benchStretchM: null,
			unknown: 'cautious',
		});
		expect(plain(i18n.profileName('rollator', p))).toBe(
			'Mijn profiel (op basis van: rollator) — stoep ≤ 4 cm, geen bank nodig, trappen lukken, vermijdt halfverharding, onbekende gegevens vermijden',
		);
		const onlyCautious = encodePersonalProfile({
			...builtInProfile('walking'),
			unknown: 'cautious',
		});
		expect(plain(i18n.profileName('walking', onlyCautious))).toBe(
			'Mijn profiel (op basis van: te voet) — onbekende gegevens vermijden',
		);
	});

	it('lists two surfaces avoided as the language joins them', async () => {
		await loadLang('fr');
		await loadLang('en');
		const both = encodePersonalProfile({ ...builtInProfile('walking'), avoid: ['rough', 'loose'] });
		const i18n = new I18n('nl');
		expect(i18n.profileName('walking', both)).toContain(
			'vermijdt ruwe verharding en halfverharding',
		);
		i18n.lang = 'fr';
		expect(i18n.profileName('walking', both)).toContain(
			'évite les revêtements rugueux et les revêtements semi-stabilisés',
		);
		i18n.lang = 'en';
		expect(i18n.profileName('walking', both)).toContain('avoids rough surfaces and loose surfaces');
	});
});

describe('I18n.profileShortName and profileDetails', () => {
	it('gives a short name for a row header and the rest apart, in nl, fr and en', async () => {
		await loadLang('fr');
		await loadLang('en');
		const i18n = new I18n('nl');
		expect(i18n.profileShortName('wheelchair', my)).toBe('Mijn profiel (rolstoel)');
		expect(plain(i18n.profileDetails('wheelchair', my)!)).toBe(
			'Mijn profiel (rolstoel): tempo traag, stoep ≤ 2 cm, helling ≤ 5 %, doorgang ≥ 1,5 m',
		);
		i18n.lang = 'fr';
		expect(i18n.profileShortName('wheelchair', my)).toBe('Mon profil (fauteuil roulant)');
		expect(plain(i18n.profileDetails('wheelchair', my)!)).toBe(
			'Mon profil (fauteuil roulant) : allure lente, bordure ≤ 2 cm, pente ≤ 5 %, passage ≥ 1,5 m',
		);
		i18n.lang = 'en';
		expect(i18n.profileShortName('wheelchair', my)).toBe('My profile (wheelchair)');
		expect(plain(i18n.profileDetails('wheelchair', my)!)).toBe(
			'My profile (wheelchair): slow pace, kerb ≤ 2 cm, slope ≤ 5 %, passage ≥ 1.5 m',
		);
	});

	it('a built-in profile, or a personal one on another base, has its label and no details', () => {
		const i18n = new I18n('nl');
		expect(i18n.profileShortName('rollator', my)).toBe('Met rollator');
		expect(i18n.profileDetails('rollator', my)).toBeUndefined();
		expect(i18n.profileShortName('wheelchair', undefined)).toBe('In een rolstoel');
		expect(i18n.profileDetails('wheelchair', undefined)).toBeUndefined();
	});
});
