/**
 * What the resident is doing: view (map or list), mobility profile, search text, selected place and
 * category. Mirrored in the URL (so a link can be shared) and the profile remembered on the device.
 */
import { createContext } from 'svelte';
import type { ProfileId } from '../analysis/profiles.ts';
import { type UrlState, type View, parseUrlState, serialiseUrlState } from './url-state.ts';

const PROFILE_KEY = 'buurtkaart.profile';

/** Reads a remembered value from localStorage, if storage is available. */
function readStored(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

export class AppState {
	view = $state<View>('map');
	profile = $state<ProfileId>('walking');
	query = $state('');
	placeId = $state<string | undefined>();
	categoryId = $state<string | undefined>();

	constructor(initial: UrlState) {
		this.view = initial.view;
		this.profile = initial.profile;
		this.query = initial.query;
		this.placeId = initial.place;
		this.categoryId = initial.category;
	}

	/** The state as read from the current URL, with the profile remembered on this device. */
	static fromLocation(): { state: AppState; urlState: UrlState } {
		const stored = readStored(PROFILE_KEY);
		const urlState = parseUrlState(location.search, {
			...(stored === 'rollator' || stored === 'wheelchair' || stored === 'walking'
				? { profile: stored }
				: {}),
		});
		return { state: new AppState(urlState), urlState };
	}

	setView(view: View): void {
		this.view = view;
	}

	setProfile(profile: ProfileId): void {
		this.profile = profile;
		try {
			localStorage.setItem(PROFILE_KEY, profile);
		} catch {
			// Storage refused (private browsing): the choice lasts for this visit.
		}
	}

	setQuery(query: string): void {
		this.query = query.slice(0, 100);
	}

	selectPlace(id: string | undefined): void {
		this.placeId = id;
	}

	selectCategory(id: string | undefined): void {
		this.categoryId = id;
	}

	/** The query string for the current state and `lang`. */
	toSearch(lang: UrlState['lang']): string {
		return serialiseUrlState({
			view: this.view,
			lang,
			profile: this.profile,
			query: this.query,
			...(this.placeId ? { place: this.placeId } : {}),
			...(this.categoryId ? { category: this.categoryId } : {}),
		});
	}
}

export const [getAppState, setAppState] = createContext<AppState>();
