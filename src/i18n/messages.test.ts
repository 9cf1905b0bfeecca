import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, initialLang, isLang, translate } from './messages.ts';

describe('messages', () => {
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

	it('keeps the same slots in every language', () => {
		const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(MESSAGES.nl) as (keyof typeof MESSAGES.nl)[]) {
			for (const lang of LANGUAGES)
				expect(slots(MESSAGES[lang][key])).toEqual(slots(MESSAGES.nl[key]));
		}
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
});
