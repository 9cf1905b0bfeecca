/**
 * What limits each profile of the walksheds, in words from the profile's data: the built-in
 * profiles in French and English, and a personal profile's own limits in place of its base's.
 */
import { describe, expect, it } from 'vitest';
import { builtInProfile, encodePersonalProfile } from '../analysis/personal-profile.ts';
import { I18n } from '../state/i18n.svelte.ts';
import { profileLimitsLine, walkshedSplitLine } from './walkshed-limits.ts';

/** The line with its no-break spaces (between a value and its unit, after ≤ and ≥) as spaces. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('profileLimitsLine', () => {
	it('says the rollator’s pace, its steps and its bench rule in French and English', () => {
		const i18n = new I18n('fr');
		expect(plain(profileLimitsLine(i18n, 'rollator', null, 'optimistic', 0))).toBe(
			'Avec déambulateur : 3 km/h\u202f; pas de marches\u202f; plus lent (×1,5) : plus de 125 m sans banc, les revêtements rugueux.',
		);
		i18n.lang = 'en';
		expect(plain(profileLimitsLine(i18n, 'rollator', null, 'optimistic', 0))).toBe(
			'With a rollator: 3 km/h; no steps; slower (×1.5): more than 125 m without a bench, rough surfaces.',
		);
	});

	it('gives a personal profile’s own limits on its base, and leaves the other profiles as they are', () => {
		const i18n = new I18n('nl');
		const my = encodePersonalProfile({
			...builtInProfile('wheelchair', 'cautious'),
			speed: 'slow',
			kerbCm: 2,
			slopePct: 5,
			minWidthM: 1.5,
		});
		expect(plain(profileLimitsLine(i18n, 'wheelchair', my, 'cautious', 0))).toBe(
			'Mijn profiel (rolstoel): 2,9 km/u; geen trappen, stoep ≤ 2 cm, helling ≤ 5 %, doorgang ≥ 1,5 m, ' +
				'vermijdt ruwe verharding; trager (×2): halfverharding, helling boven 3,3 %, matig effen ' +
				'verharding; onbekende gegevens vermijden.',
		);
		expect(plain(profileLimitsLine(i18n, 'walking', my, 'cautious', 0))).toBe('Te voet: 4,5 km/u.');
	});

	it('gives the unknown data of a reach in km, and no "0,0 km" where nothing is reached', () => {
		const i18n = new I18n('nl');
		expect(plain(profileLimitsLine(i18n, 'wheelchair', null, 'optimistic', 5049))).toMatch(
			/; onbekende gegevens tellen als in orde \(5,0 km van dit bereik\)\.$/,
		);
		// an area whose data hold no kerb: the limit is said not to apply
		expect(plain(profileLimitsLine(i18n, 'wheelchair', null, 'optimistic', 0, 0))).toContain(
			'stoep ≤ 3 cm (geen stoepranden in de gegevens)',
		);
		expect(plain(profileLimitsLine(i18n, 'wheelchair', null, 'optimistic', 0, 12))).not.toContain(
			'geen stoepranden',
		);
		// too far from a usable way: no reach to measure
		expect(plain(profileLimitsLine(i18n, 'wheelchair', null, 'optimistic', undefined))).toMatch(
			/; onbekende gegevens in orde\.$/,
		);
	});

	it('splits a difference with walking into the pace and public space, or all public space where the pace loses no one', () => {
		const i18n = new I18n('nl');
		// the rollator: 927 fewer than walking, 822 of them by its slower pace alone
		expect(
			plain(walkshedSplitLine(i18n, 'rollator', null, { walking: 1517, paced: 695, reached: 590 })),
		).toBe(
			'Met rollator: −822 inwoners door het tragere tempo alleen, −105 door wat de openbare ruimte tegenhoudt of vertraagt.',
		);
		// a personal profile at a walking pace: the pace changes nothing (counts rounded as shown)
		const my = encodePersonalProfile({ ...builtInProfile('walking', 'optimistic'), kerbCm: 2 });
		expect(
			plain(
				walkshedSplitLine(i18n, 'walking', my, { walking: 1517.2, paced: 1516.8, reached: 1398 }),
			),
		).toBe(
			'Mijn profiel (te voet): −119 inwoners, alles door wat de openbare ruimte tegenhoudt of vertraagt (het tempo verandert er niets aan).',
		);
		i18n.lang = 'en';
		expect(
			plain(walkshedSplitLine(i18n, 'walking', my, { walking: 10, paced: 10, reached: 10 })),
		).toBe(
			'My profile (walking): 0 residents, all from what public space blocks or slows down (the pace changes none of it).',
		);
	});
});
