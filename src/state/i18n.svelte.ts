/**
 * The chosen language, shared through context. Dutch unless the URL (`?lang=`) or an earlier visit
 * on this device (localStorage) says otherwise.
 */
import { createContext } from 'svelte';
import { formatNumber, type Lang, type MessageKey, loadLang, translate } from '../i18n/messages.ts';
import { PROFILES, type ProfileId } from '../contracts/profiles.ts';
import {
	appliedPersonal,
	personalDifferences,
	type PersonalDifference,
} from '../analysis/personal-profile.ts';
import type { Origin } from './url-state.ts';

const TRAVEL_WORDS: Record<ProfileId, MessageKey> = {
	walking: 'travelWalking',
	rollator: 'travelRollator',
	wheelchair: 'travelWheelchair',
};

const STORAGE_KEY = 'buurtkaart.lang';

export class I18n {
	lang = $state<Lang>('nl');

	constructor(initial: Lang) {
		this.lang = initial;
		// The page's language follows from the start (a link with ?lang=fr), not only on a change.
		if (typeof document !== 'undefined') document.documentElement.lang = initial;
	}

	/** The text for `key` in the current language, with `{slots}` filled as plain text. */
	t(key: MessageKey, values?: Record<string, string | number>): string {
		return translate(this.lang, key, values);
	}

	/** A number as the current language writes it ("1.234" in Dutch), with `fractionDigits` decimals when given. */
	n(value: number, fractionDigits?: number): string {
		return formatNumber(this.lang, value, fractionDigits);
	}

	/**
	 * A count (residents, places) as the language writes it, rounded: residents are fractional
	 * shares of addresses.
	 */
	count(value: number): string {
		return formatNumber(this.lang, Math.round(value));
	}

	/** How an origin is named: the address chosen, else "my location" or "the chosen point". */
	originLabel(origin: Origin): string {
		return origin.label ?? this.t(origin.isHere ? 'nearestMyLocation' : 'nearestPoint');
	}

	/** How a profile travels, for times: "te voet", "met de rolstoel" (never "te voet" for a wheelchair). */
	travel(profile: ProfileId): string {
		return this.t(TRAVEL_WORDS[profile]);
	}

	/**
	 * The name of the profile answers are given for: the built-in profile's label ("In een
	 * rolstoel"), or, when a personal profile is applied on it, "Mijn profiel (op basis van:
	 * rolstoel) — tempo traag, stoep ≤ 2 cm, helling ≤ 5 %, doorgang ≥ 1,5 m" (its differences
	 * from the base, numbers as the language writes them).
	 */
	profileName(profile: ProfileId, personal?: string | null): string {
		const p = appliedPersonal(profile, personal);
		if (!p) return PROFILES[profile].label[this.lang];
		const base = this.t(`myBase_${p.base}`);
		const differences = personalDifferences(p).map((d) => this.difference(d));
		return differences.length === 0
			? this.t('myName', { base })
			: this.t('myNameWith', { base, differences: differences.join(', ') });
	}

	/**
	 * A short name for narrow places (a table's row header): the built-in label, or "Mijn profiel
	 * (rolstoel)" for a personal profile. {@link profileDetails} says the rest.
	 */
	profileShortName(profile: ProfileId, personal?: string | null): string {
		const p = appliedPersonal(profile, personal);
		if (!p) return PROFILES[profile].label[this.lang];
		return this.t('myShort', { base: this.t(`myBase_${p.base}`) });
	}

	/**
	 * What the short name leaves out: "Mijn profiel (rolstoel): tempo traag, stoep ≤ 2 cm, …", or
	 * undefined for a built-in profile or a personal one with no difference.
	 */
	profileDetails(profile: ProfileId, personal?: string | null): string | undefined {
		const p = appliedPersonal(profile, personal);
		const differences = p ? personalDifferences(p).map((d) => this.difference(d)) : [];
		if (differences.length === 0) return undefined;
		return this.t('myShortWith', {
			short: this.profileShortName(profile, personal),
			differences: differences.join(', '),
		});
	}

	/** One difference of a personal profile in words: "stoep ≤ 2 cm", "tempo traag". */
	difference(d: PersonalDifference): string {
		switch (d.field) {
			case 'speed':
				return this.t(`myDiff_speed_${d.value}`);
			case 'steps':
				return this.t(d.value ? 'myDiff_steps_yes' : 'myDiff_steps_no');
			case 'avoid':
				return d.value.length === 0
					? this.t('myDiff_avoid_none')
					: this.t('myDiff_avoid', {
							surfaces: new Intl.ListFormat(this.lang, { type: 'conjunction' }).format(
								d.value.map((s) => this.t(`myDiff_surface_${s}`)),
							),
						});
			case 'unknown':
				return this.t(`myDiff_unknown_${d.value}`);
			default:
				return d.value === null
					? this.t(`myDiff_${d.field}_none`)
					: this.t(`myDiff_${d.field}`, { value: this.n(d.value) });
		}
	}

	/** A walking time with the profile's words: "12 min met de rolstoel (800 m langs de straten)". */
	walkTime(seconds: number, distanceM: number, profile: ProfileId): string {
		return this.t('walkTime', {
			minutes: Math.max(1, Math.round(seconds / 60)),
			distance: Math.round(distanceM),
			how: this.travel(profile),
		});
	}

	/** The language last asked for: a slower load of an earlier choice does not win. */
	#wanted: Lang | undefined;

	/**
	 * Switches to `lang` once its texts are loaded (French and English are loaded when first chosen;
	 * the service worker keeps them for offline use). If they cannot be loaded, nothing changes.
	 */
	async setLang(lang: Lang): Promise<void> {
		this.#wanted = lang;
		try {
			await loadLang(lang);
		} catch {
			return; // offline with an old cache: the current language stays
		}
		if (this.#wanted !== lang) return;
		this.lang = lang;
		try {
			localStorage.setItem(STORAGE_KEY, lang);
		} catch {
			// Private browsing can refuse storage; the choice then lasts for this visit only.
		}
		document.documentElement.lang = lang;
	}
}

/** Reads the stored language choice, if storage is available. */
export function storedLang(): string | null {
	try {
		return localStorage.getItem(STORAGE_KEY);
	} catch {
		return null;
	}
}

export const [getI18n, setI18n] = createContext<I18n>();
