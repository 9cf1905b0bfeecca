import { beforeAll, describe, expect, it } from 'vitest';
import en from './en.ts';
import fr from './fr.ts';
import {
	LANGUAGES,
	LANGUAGE_NAMES,
	NL_MESSAGES,
	areaName,
	formatNumber,
	initialLang,
	isLangLoaded,
	loadLang,
	isLang,
	translate,
	type MessageKey,
	type PluralMessage,
} from './messages.ts';

const MESSAGES = { nl: NL_MESSAGES, fr, en };

describe('messages', () => {
	beforeAll(async () => {
		for (const lang of LANGUAGES) await loadLang(lang);
	});

	it('loads French and English as their own modules, and names every language in itself', async () => {
		for (const lang of LANGUAGES) {
			expect(isLangLoaded(lang)).toBe(true);
			expect(await loadLang(lang)).toBe(MESSAGES[lang]);
			expect(LANGUAGE_NAMES[lang]).toBe(MESSAGES[lang].languageName);
		}
	});

	it('says a text is too long in every language, not only its count and limit', () => {
		const said = { nl: 'te lang', fr: 'trop long', en: 'too long' };
		const keys = Object.keys(MESSAGES.nl).filter((k) => k.includes('TooLong'));
		expect(keys.length).toBeGreaterThanOrEqual(4);
		for (const lang of LANGUAGES)
			for (const key of keys)
				expect(MESSAGES[lang][key as keyof typeof MESSAGES.nl], `${lang} ${key}`).toContain(
					said[lang],
				);
	});

	it('has every key in every language, none empty', () => {
		const keys = Object.keys(MESSAGES.nl).sort();
		for (const lang of LANGUAGES) {
			expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
			for (const key of keys) expect(MESSAGES[lang][key as keyof typeof MESSAGES.nl]).not.toBe('');
		}
	});

	it('fills slots and leaves unknown slots visible', () => {
		expect(translate('nl', 'mapLabel', { area: 'Vorselaar en Lille' })).toBe(
			'Kaart van Vorselaar en Lille',
		);
		expect(translate('fr', 'mapLabel')).toBe('Carte de {area}');
	});

	it("writes an area named after its municipalities with the language's own “and”", () => {
		const sample = {
			name: 'Vorselaar en Lille',
			municipalities: [{ name: 'Vorselaar' }, { name: 'Lille' }],
		};
		expect(areaName(sample, 'nl')).toBe('Vorselaar en Lille');
		expect(areaName(sample, 'fr')).toBe('Vorselaar et Lille');
		expect(areaName(sample, 'en')).toBe('Vorselaar and Lille');
		const three = {
			name: 'Grobbendonk, Herentals en Vorselaar',
			municipalities: [{ name: 'Grobbendonk' }, { name: 'Herentals' }, { name: 'Vorselaar' }],
		};
		expect(areaName(three, 'fr')).toBe('Grobbendonk, Herentals et Vorselaar');
		// a name of its own, or one municipality: the same in every language
		expect(areaName({ ...sample, name: 'Kempen-Oost' }, 'fr')).toBe('Kempen-Oost');
		expect(areaName({ name: 'Lille', municipalities: [{ name: 'Lille' }] }, 'en')).toBe('Lille');
		expect(areaName({ name: 'Lille' }, 'en')).toBe('Lille');
		// a name the area's config gives for a language comes first
		const brussels = { name: 'Brussel', names: { fr: 'Bruxelles', en: 'Brussels' } };
		expect(areaName(brussels, 'fr')).toBe('Bruxelles');
		expect(areaName(brussels, 'nl')).toBe('Brussel');
	});

	it('keeps the same slots in every language and every plural form', () => {
		const slots = (m: string | PluralMessage) =>
			[
				...new Set(
					(typeof m === 'string' ? [m] : Object.values(m)).flatMap((s) =>
						[...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]),
					),
				),
			].sort();
		for (const key of Object.keys(MESSAGES.nl) as MessageKey[]) {
			for (const lang of LANGUAGES)
				expect(slots(MESSAGES[lang][key])).toEqual(slots(MESSAGES.nl[key]));
		}
	});

	it('chooses the plural form through Intl.PluralRules, never "1 plaatsen"', () => {
		expect(translate('nl', 'listCount', { count: 1 })).toBe('1 plaats');
		expect(translate('nl', 'listCount', { count: 0 })).toBe('0 plaatsen');
		expect(translate('nl', 'listCount', { count: 2 })).toBe('2 plaatsen');
		expect(translate('fr', 'listCount', { count: 1 })).toBe('1 lieu');
		// French counts 0 as singular.
		expect(translate('fr', 'storageWaiting', { count: 0 })).toBe(
			'0 signalement en attente d’envoi',
		);
		expect(translate('en', 'storageWaiting', { count: 1 })).toBe('1 report waiting to be sent');
		expect(translate('en', 'storageWaiting', { count: 3 })).toBe('3 reports waiting to be sent');
	});

	it('writes numbers as the language does (Intl.NumberFormat), strings as they are', () => {
		expect(translate('nl', 'coverageClassMetres', { to: 1200 })).toBe('tot 1.200 m');
		expect(translate('en', 'coverageClassMetres', { to: 1200 })).toBe('up to 1,200 m');
		expect(translate('fr', 'coverageClassMetres', { to: 1200 })).toBe('jusqu’à 1\u202f200 m');
		expect(translate('nl', 'listCount', { count: 1500 })).toBe('1.500 plaatsen');
		// An id is passed as a string: never grouped.
		expect(translate('nl', 'plannerWay', { id: '123456789' })).toBe('weg zonder naam (123456789)');
		// a bare number, with a fixed number of decimals when asked
		expect(formatNumber('nl', 1234)).toBe('1.234');
		expect(formatNumber('nl', 2.25, 1)).toBe('2,3');
		expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
		expect(formatNumber('fr', -1234)).toBe('-1\u202f234');
	});

	it('offers only existing keys, typed (no cast needed for a key built from a union)', () => {
		const kinds = ['high_kerb', 'other'] as const;
		const keys: MessageKey[] = kinds.map((k) => `barrier_${k}` as const);
		for (const key of keys) expect(MESSAGES.nl[key]).toBeTruthy();
	});

	it('recognises languages', () => {
		expect(isLang('fr')).toBe(true);
		expect(isLang('de')).toBe(false);
		expect(isLang(undefined)).toBe(false);
	});

	it('starts in the URL language, else the stored one, else Dutch', () => {
		expect(initialLang('?lang=fr', 'en')).toBe('fr');
		expect(initialLang('?lang=xx', 'en')).toBe('en');
		expect(initialLang('', null)).toBe('nl');
	});

	it('names a profile where a name may stand with its capital, never mid-sentence ("begaanbaar wordt voor Te voet")', () => {
		// A profile's name is its label ("Te voet", "In een rolstoel", "Mijn profiel (…)"): it
		// starts the text, or follows a colon, a full stop, a dash or a middle dot.
		const misplaced: string[] = [];
		for (const lang of LANGUAGES)
			for (const [key, m] of Object.entries(MESSAGES[lang]))
				for (const text of typeof m === 'string' ? [m] : Object.values(m))
					for (const slot of text.matchAll(/\{profiles?\}/g))
						if (slot.index > 0 && !/[:.—·]\s$/.test(text.slice(0, slot.index)))
							misplaced.push(`${lang} ${key}: ${text}`);
		expect(misplaced).toEqual([]);
		expect(translate('nl', 'fixesNote', { profile: 'Te voet' })).toBe(
			'Per stuk: de inwoners die binnen de norm komen als alleen dat stuk begaanbaar wordt. Profiel: Te voet.',
		);
		expect(translate('fr', 'fixesNote', { profile: 'À pied' })).toBe(
			'Par tronçon\u00a0: les habitants qui entrent dans la norme si seul ce tronçon devient praticable. Profil\u00a0: À pied.',
		);
		expect(translate('en', 'fixesNote', { profile: 'Walking' })).toBe(
			'Per stretch: the residents who come within the norm if only that stretch becomes passable. Profile: Walking.',
		);
	});
});
