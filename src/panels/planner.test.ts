/**
 * How the planners' lists say why a stretch was avoided or ranked (reasonsText): what the data say
 * is wrong first, what they do not know after it, and a stretch held back by unknown data only
 * says that a survey may settle it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_LIMITS } from '../analysis/profiles.ts';
import { loadLang, translate, type Lang } from '../i18n/messages.ts';
import { reasonsText, wayLabel } from './planner.ts';

const i18n = (lang: Lang) => ({
	lang,
	t: (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
		translate(lang, key, values),
});

describe('reasonsText', () => {
	beforeAll(async () => {
		await loadLang('fr');
		await loadLang('en');
	});

	it('names what is wrong, then what the data do not know', () => {
		expect(
			reasonsText(i18n('nl'), ['surface_rough', 'width_unknown'], PROFILE_LIMITS.wheelchair),
		).toBe('Ruwe verharding (grind, kasseien, gras, zand); ook breedte onbekend');
		expect(reasonsText(i18n('fr'), ['steps', 'surface_unknown'])).toBe(
			'Escaliers\u202f; aussi revêtement inconnu',
		);
	});

	it('says a survey may be enough where only unknown data hold a stretch back', () => {
		expect(reasonsText(i18n('nl'), ['width_unknown', 'kerb_unknown_height'])).toBe(
			'Breedte onbekend, Hoogte stoeprand onbekend (nameten kan volstaan)',
		);
		expect(reasonsText(i18n('en'), ['width_unknown'])).toBe(
			'Width unknown (a survey may be enough)',
		);
		// under a heading that says so already (the fixes' "measure first" list): the list alone
		expect(reasonsText(i18n('nl'), ['width_unknown'], undefined, true)).toBe('Breedte onbekend');
		// a barrier still comes first there
		expect(reasonsText(i18n('nl'), ['steps', 'width_unknown'], undefined, true)).toBe(
			'Trappen; ook breedte onbekend',
		);
	});

	it('lists known reasons alone as they are, and says "unknown" for none', () => {
		expect(reasonsText(i18n('nl'), ['steps'])).toBe('Trappen');
		expect(reasonsText(i18n('nl'), [])).toBe(translate('nl', 'networkUnknown'));
	});
});

describe('wayLabel', () => {
	beforeAll(async () => {
		await loadLang('fr');
	});

	it('names a street, or a way without a name by the named way it leads to, with its id', () => {
		expect(wayLabel(i18n('nl'), { wayId: 'w1', wayName: 'Kerkstraat', nearName: '' })).toBe(
			'Kerkstraat',
		);
		expect(wayLabel(i18n('nl'), { wayId: 'w2', wayName: '', nearName: 'Pastoorshof' })).toBe(
			'weg zonder naam bij Pastoorshof (w2)',
		);
		expect(wayLabel(i18n('fr'), { wayId: 'w2', wayName: '', nearName: 'Pastoorshof' })).toBe(
			'voie sans nom près de Pastoorshof (w2)',
		);
		expect(wayLabel(i18n('nl'), { wayId: 'w3', wayName: '', nearName: '' })).toBe(
			'weg zonder naam (w3)',
		);
	});
});
