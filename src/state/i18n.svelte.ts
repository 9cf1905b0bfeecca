/**
 * The chosen language, shared through context. Dutch unless the URL (`?lang=`) or an earlier visit
 * on this device (localStorage) says otherwise.
 */
import { createContext } from 'svelte';
import { type Lang, type MessageKey, translate } from '../i18n/messages.ts';
import type { Origin } from './url-state.ts';

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

	/** How an origin is named: the address chosen, else "my location" or "the chosen point". */
	originLabel(origin: Origin): string {
		return origin.label ?? this.t(origin.isHere ? 'nearestMyLocation' : 'nearestPoint');
	}

	setLang(lang: Lang): void {
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
