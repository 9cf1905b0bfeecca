/**
 * The shareable state of the app in the URL's query string: view, selected place, search text,
 * mobility profile, category and language. Pure functions, so a link always opens the same view.
 */
import { PROFILE_IDS, type ProfileId } from '../analysis/profiles.ts';
import { type Lang, isLang } from '../i18n/messages.ts';

export const VIEWS = ['map', 'list'] as const;
export type View = (typeof VIEWS)[number];
export type { ProfileId };

export interface UrlState {
	view: View;
	lang: Lang;
	profile: ProfileId;
	/** Search text as typed (trimmed to 100 characters). */
	query: string;
	/** Selected place id (`n123`, `w45`, …). */
	place?: string;
	/** Selected category id. */
	category?: string;
}

export const DEFAULT_STATE: UrlState = { view: 'map', lang: 'nl', profile: 'walking', query: '' };

const ID_PATTERN = /^[A-Za-z0-9_:.-]{1,64}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
	return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * Reads the state from a query string. Unknown or malformed values fall back to the defaults (a
 * shared link with a typo still opens the app), and ids that could not be real ids are dropped.
 */
export function parseUrlState(search: string, fallback: Partial<UrlState> = {}): UrlState {
	const params = new URLSearchParams(search);
	const base = { ...DEFAULT_STATE, ...fallback };
	const lang = params.get('lang');
	const place = params.get('place');
	const category = params.get('cat');
	const state: UrlState = {
		view: oneOf(VIEWS, params.get('view'), base.view),
		lang: isLang(lang) ? lang : base.lang,
		profile: oneOf(PROFILE_IDS, params.get('profile'), base.profile),
		query: (params.get('q') ?? base.query).slice(0, 100),
	};
	if (place && ID_PATTERN.test(place)) state.place = place;
	else if (base.place) state.place = base.place;
	if (category && ID_PATTERN.test(category)) state.category = category;
	else if (base.category) state.category = base.category;
	return state;
}

/** Writes the state as a query string, leaving out what equals the default (short links). */
export function serialiseUrlState(state: UrlState): string {
	const params = new URLSearchParams();
	if (state.view !== DEFAULT_STATE.view) params.set('view', state.view);
	if (state.lang !== DEFAULT_STATE.lang) params.set('lang', state.lang);
	if (state.profile !== DEFAULT_STATE.profile) params.set('profile', state.profile);
	if (state.query.trim()) params.set('q', state.query.trim().slice(0, 100));
	if (state.place) params.set('place', state.place);
	if (state.category) params.set('cat', state.category);
	const text = params.toString();
	return text ? `?${text}` : '';
}
