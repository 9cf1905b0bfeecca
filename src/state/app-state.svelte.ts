/**
 * What the resident is doing: the mode (one of src/state/modes.ts), the view (map or list), the
 * mobility profile, the search text, where they walk from, which categories show, the
 * accessible-routes layer and the map's viewport. All of it is in the URL (url-state.ts), so a link
 * opens the same view; the profile is also remembered on the device. Components call the methods;
 * they never assign the fields.
 */
import { createContext } from 'svelte';
import { NETWORK_POINT_KINDS, type NetworkPointKind } from '../analysis/network-points.ts';
import type { ProfileId } from '../contracts/profiles.ts';
import type { Route } from '../analysis/route.ts';
import { DEFAULT_VISIBLE } from '../map/layers/places-style.ts';
import type { Lang } from '../i18n/messages.ts';
import type { Mode } from './modes.ts';
import {
	type Origin,
	type UrlState,
	type View,
	type Viewport,
	idSet,
	parseUrlState,
	serialiseUrlState,
} from './url-state.ts';

const PROFILE_KEY = 'buurtkaart.profile';
const PERSONAL_KEY = 'buurtkaart.personal';

export { DEFAULT_VISIBLE };

/** Reads a remembered value from localStorage, if storage is available. */
function readStored(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
	return a.size === b.length && b.every((id) => a.has(id));
}

export class AppState {
	mode = $state.raw<Mode>({ kind: 'explore' });
	view = $state<View>('map');
	profile = $state<ProfileId>('walking');
	/** The personal profile's text (`encodePersonalProfile`), based on `profile`; undefined: none. */
	personal = $state<string | undefined>();
	query = $state('');
	/** Where the resident walks from: their location or an address chosen in the search. */
	origin = $state.raw<Origin | undefined>();
	visible = $state.raw<ReadonlySet<string>>(idSet(DEFAULT_VISIBLE));
	onlyWheelchair = $state(false);
	showNetwork = $state(false);
	/** The kinds of network point the map shows (the planners' layer switches). */
	networkPoints = $state.raw<readonly NetworkPointKind[]>([]);
	/** The map's centre and zoom (kept by the map as it moves; a link may set it). */
	viewport = $state.raw<Viewport | undefined>();
	/** The route the current panel shows on the map. */
	route = $state.raw<Route | undefined>();

	constructor(initial: UrlState = parseUrlState('')) {
		this.apply(initial);
	}

	/** The state as read from the current URL, with the profile remembered on this device. */
	static fromLocation(): { state: AppState; urlState: UrlState } {
		const stored = readStored(PROFILE_KEY);
		const personal = readStored(PERSONAL_KEY);
		const urlState = parseUrlState(location.search, {
			...(stored === 'rollator' || stored === 'wheelchair' || stored === 'walking'
				? { profile: stored }
				: {}),
			...(personal ? { personal } : {}),
		});
		return { state: new AppState(urlState), urlState };
	}

	/** Takes over a state read from a URL (a link, or Back/Forward); the viewport only when given. */
	apply(s: UrlState): void {
		this.mode = s.mode;
		this.view = s.view;
		this.profile = s.profile;
		this.personal = s.personal;
		this.query = s.query;
		this.origin = s.origin;
		this.visible = idSet(s.visible ?? DEFAULT_VISIBLE);
		this.onlyWheelchair = s.onlyWheelchair;
		this.showNetwork = s.showNetwork;
		this.networkPoints = s.networkPoints ?? [];
		if (s.viewport) this.viewport = s.viewport;
		this.route = undefined;
	}

	/** Switches mode (a new history entry); the previous mode's route leaves the map. */
	setMode(mode: Mode): void {
		this.mode = mode;
		this.route = undefined;
	}

	/**
	 * Leaves the current mode: a place back to the nearest list it came from, a report at a place
	 * back to the place, anything else to exploring.
	 */
	closeMode(): void {
		const m = this.mode;
		if (m.kind === 'place' && m.categoryId)
			this.setMode({ kind: 'nearest', categoryId: m.categoryId });
		else if (m.kind === 'report' && m.placeId) this.setMode({ kind: 'place', placeId: m.placeId });
		else this.setMode({ kind: 'explore' });
	}

	selectPlace(placeId: string): void {
		const m = this.mode;
		const categoryId = m.kind === 'nearest' ? m.categoryId : undefined;
		this.setMode({ kind: 'place', placeId, ...(categoryId ? { categoryId } : {}) });
	}

	/** Shows the nearest places of a category (and makes sure the category is visible). */
	chooseCategory(categoryId: string): void {
		this.onlyWheelchair = false;
		if (!this.visible.has(categoryId)) this.visible = idSet([...this.visible, categoryId]);
		this.setMode({ kind: 'nearest', categoryId });
	}

	openReport(placeId?: string): void {
		if (!placeId) this.view = 'map';
		this.setMode({ kind: 'report', ...(placeId ? { placeId } : {}) });
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
		if (this.personal !== undefined) {
			if (!this.personal.startsWith(`${profile}.`)) this.setPersonal(undefined);
			return;
		}
		// A built-in profile chosen while none personal is in use (a link's built-in profile stood
		// over the remembered one): the remembered one would come back on the next visit, over
		// this choice.
		try {
			localStorage.removeItem(PERSONAL_KEY);
		} catch {
			// Storage refused: nothing is remembered anyway.
		}
	}

	/**
	 * Sets (or, undefined, clears) the personal profile, given as its text form; its base becomes the
	 * profile. Remembered on the device like the profile.
	 */
	setPersonal(personal: string | undefined): void {
		this.personal = personal;
		if (personal !== undefined)
			this.profile = personal.slice(0, personal.indexOf('.')) as ProfileId;
		try {
			if (personal === undefined) localStorage.removeItem(PERSONAL_KEY);
			else localStorage.setItem(PERSONAL_KEY, personal);
			localStorage.setItem(PROFILE_KEY, this.profile);
		} catch {
			// Storage refused (private browsing): the choice lasts for this visit.
		}
	}

	setQuery(query: string): void {
		this.query = query.slice(0, 100);
	}

	setOrigin(origin: Origin | undefined): void {
		this.origin = origin;
	}

	setVisible(visible: ReadonlySet<string>): void {
		this.visible = visible;
	}

	setOnlyWheelchair(isOn: boolean): void {
		this.onlyWheelchair = isOn;
	}

	setShowNetwork(isOn: boolean): void {
		this.showNetwork = isOn;
	}

	/** Shows or hides one kind of network point (kept in the registry's order). */
	setNetworkPoint(kind: NetworkPointKind, isOn: boolean): void {
		this.networkPoints = NETWORK_POINT_KINDS.filter((k) =>
			k === kind ? isOn : this.networkPoints.includes(k),
		);
	}

	setViewport(viewport: Viewport): void {
		this.viewport = viewport;
	}

	setRoute(route: Route | undefined): void {
		this.route = route;
	}

	/** Another area: nothing chosen in the old one carries over (mode, origin, view of the map). */
	resetForArea(): void {
		this.setMode({ kind: 'explore' });
		this.origin = undefined;
		this.viewport = undefined;
		this.query = '';
	}

	/** The state for the URL. */
	toUrlState(area: string | undefined, lang: Lang): UrlState {
		return {
			...(area ? { area } : {}),
			mode: this.mode,
			view: this.view,
			lang,
			profile: this.profile,
			...(this.personal ? { personal: this.personal } : {}),
			query: this.query,
			...(this.origin ? { origin: this.origin } : {}),
			...(this.viewport ? { viewport: this.viewport } : {}),
			...(sameSet(this.visible, DEFAULT_VISIBLE) ? {} : { visible: [...this.visible].sort() }),
			onlyWheelchair: this.onlyWheelchair,
			showNetwork: this.showNetwork,
			...(this.networkPoints.length > 0 ? { networkPoints: [...this.networkPoints] } : {}),
		};
	}

	/** The query string for the current state. */
	toSearch(area: string | undefined, lang: Lang): string {
		return serialiseUrlState(this.toUrlState(area, lang));
	}
}

export const [getAppState, setAppState] = createContext<AppState>();
