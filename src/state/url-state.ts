/**
 * The shareable state of the app in the URL's query string: the area, the mode with its own
 * parameters (src/state/modes.ts), where the resident walks from, the map's viewport, the visible
 * categories and filters, the profile, the language, the list or map view, the search text and the
 * accessible-routes layer. Pure functions, so a link always opens the same view.
 *
 * | parameter | meaning |
 * | --- | --- |
 * | `area` | area id (tiles/<id>/) |
 * | `mode` + its own (`place`, `cat`, …) | the mode, see modes.ts |
 * | `from`, `fromLabel`, `fromHere=1` | origin `lng,lat` (degrees, 6 decimals) and its label (an address), or the device's location |
 * | `at` | map centre and zoom `lng,lat,zoom` |
 * | `show` | visible category ids, comma-separated (absent: the default set) |
 * | `only=wheelchair` | only places that say they are wheelchair accessible |
 * | `net=1` | the accessible-routes layer is on |
 * | `pts` | the kinds of network point shown (`barrier,kerb,crossing,elevator`), comma-separated |
 * | `view`, `lang`, `profile`, `q` | list or map, language, mobility profile, search text |
 * | `my` | the personal mobility profile (src/analysis/personal-profile.ts), based on `profile` |
 */
import { NETWORK_POINT_KINDS, type NetworkPointKind } from '../analysis/network-points.ts';
import { decodePersonalProfile, encodePersonalProfile } from '../analysis/personal-profile.ts';
import { PROFILE_IDS, type ProfileId } from '../contracts/profiles.ts';
import { type Lang, isLang } from '../i18n/messages.ts';
import {
	MODE_PARAMS,
	type Mode,
	isId,
	modeKey,
	readMode,
	workspaceOf,
	writeMode,
} from './modes.ts';
import { VIEWPORT_PARAM, viewportParam } from './viewport-param.ts';

export const VIEWS = ['map', 'list'] as const;
export type View = (typeof VIEWS)[number];
export type { ProfileId };

/** Where the resident walks from. */
export interface Origin {
	/** [lng, lat] in degrees. */
	lngLat: [number, number];
	/** The address chosen in the search; absent for a point. */
	label?: string;
	/** The device's own location ("my location"). */
	isHere?: boolean;
}

/** The map's view. */
export interface Viewport {
	/** [lng, lat] in degrees. */
	centre: [number, number];
	zoom: number;
}

export interface UrlState {
	/** The area's id; absent until one is chosen. */
	area?: string;
	mode: Mode;
	view: View;
	lang: Lang;
	profile: ProfileId;
	/**
	 * The personal mobility profile in its text form (`encodePersonalProfile`, link parameter
	 * `my`), starting from `profile`; absent: the built-in profile as it is.
	 */
	personal?: string;
	/** Search text as typed (trimmed to 100 characters). */
	query: string;
	origin?: Origin;
	viewport?: Viewport;
	/** Visible category ids; absent means the default set. */
	visible?: string[];
	onlyWheelchair: boolean;
	showNetwork: boolean;
	/** The kinds of network point shown on the map (barriers, kerbs, …); absent: none. */
	networkPoints?: NetworkPointKind[];
}

export const DEFAULT_STATE: UrlState = {
	mode: { kind: 'explore' },
	view: 'map',
	lang: 'nl',
	profile: 'walking',
	query: '',
	onlyWheelchair: false,
	showNetwork: false,
};

/** A set of ids that is replaced, never changed (plain Set: state holds it with $state.raw). */
export function idSet(ids: Iterable<string>): ReadonlySet<string> {
	return new Set(ids);
}

const AREA_PATTERN = /^[a-z0-9-]{1,64}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
	return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Numbers from a comma list, when there are exactly `n` finite ones. */
function numbers(value: string | null, n: number): number[] | undefined {
	if (value === null) return undefined;
	const parts = value.split(',').map(Number);
	return parts.length === n && parts.every((v) => Number.isFinite(v)) ? parts : undefined;
}

function lngLatOk(lng: number, lat: number): boolean {
	return Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
}

const round = (v: number, decimals: number): number => {
	const f = 10 ** decimals;
	return Math.round(v * f) / f;
};

/**
 * Reads the state from a query string. Unknown or malformed values fall back to the defaults (a
 * shared link with a typo still opens the app; {@link unreadLinkParts} names what was dropped), and
 * ids that could not be real ids are dropped.
 * `fallback` gives what the device remembers (profile, language) where the link says nothing.
 */
export function parseUrlState(search: string, fallback: Partial<UrlState> = {}): UrlState {
	const params = new URLSearchParams(search);
	const base = { ...DEFAULT_STATE, ...fallback };
	const lang = params.get('lang');
	const state: UrlState = {
		mode:
			params.has('mode') || params.has('place') || params.has('cat') ? readMode(params) : base.mode,
		view: oneOf(VIEWS, params.get('view'), base.view),
		lang: isLang(lang) ? lang : base.lang,
		profile: oneOf(PROFILE_IDS, params.get('profile'), base.profile),
		query: (params.get('q') ?? base.query).slice(0, 100),
		onlyWheelchair: params.has('only') ? params.get('only') === 'wheelchair' : base.onlyWheelchair,
		showNetwork: params.has('net') ? params.get('net') === '1' : base.showNetwork,
	};
	const my = params.get('my');
	// a link's own built-in profile (without `my`) stands over the one remembered on the device
	const linkProfile = (PROFILE_IDS as readonly (string | null)[]).includes(params.get('profile'));
	const personal = my !== null ? readPersonal(my) : linkProfile ? undefined : base.personal;
	if (personal !== undefined) {
		// the personal profile's base is the profile
		state.personal = personal;
		state.profile = decodePersonalProfile(personal).base;
	}
	const area = params.get('area');
	if (area !== null && AREA_PATTERN.test(area)) state.area = area;
	else if (base.area) state.area = base.area;
	const from = numbers(params.get('from'), 2);
	if (from && lngLatOk(from[0]!, from[1]!)) {
		const label = params.get('fromLabel')?.trim().slice(0, 120);
		state.origin = {
			lngLat: [from[0]!, from[1]!],
			...(label ? { label } : {}),
			...(params.get('fromHere') === '1' ? { isHere: true } : {}),
		};
	} else if (base.origin) state.origin = base.origin;
	const viewport = readViewport(params.get(VIEWPORT_PARAM));
	if (viewport) state.viewport = viewport;
	else if (base.viewport) state.viewport = base.viewport;
	const pts = params.get('pts');
	if (pts !== null) {
		const kinds = NETWORK_POINT_KINDS.filter((k) => pts.split(',').includes(k));
		if (kinds.length > 0) state.networkPoints = kinds;
	} else if (base.networkPoints) state.networkPoints = base.networkPoints;
	const show = params.get('show');
	if (show !== null) {
		state.visible = show === '' ? [] : show.split(',').filter(isId);
	} else if (base.visible) state.visible = base.visible;
	return state;
}

/** The map's view from an `at` value, when it is a point on the globe and a zoom of 0–24. */
function readViewport(value: string | null): Viewport | undefined {
	const at = numbers(value, 3);
	if (!at || !lngLatOk(at[0]!, at[1]!) || at[2]! < 0 || at[2]! > 24) return undefined;
	return { centre: [at[0]!, at[1]!], zoom: at[2]! };
}

/** A valid personal profile text in its canonical form, else undefined (a bad link opens anyway). */
function readPersonal(text: string): string | undefined {
	try {
		return encodePersonalProfile(decodePersonalProfile(text));
	} catch {
		return undefined;
	}
}

/**
 * Writes the state as a query string, leaving out what equals the default (short links), except
 * the profile of a coordinator's or planner's screen (its figures depend on it).
 */
export function serialiseUrlState(state: UrlState): string {
	const params = new URLSearchParams();
	if (state.area) params.set('area', state.area);
	writeMode(state.mode, params);
	if (state.view !== DEFAULT_STATE.view) params.set('view', state.view);
	if (state.lang !== DEFAULT_STATE.lang) params.set('lang', state.lang);
	// a coordinator's or planner's screen always names its profile: without it, the link would open
	// in the profile remembered on the receiver's device, and show other figures than the sender saw
	if (state.profile !== DEFAULT_STATE.profile || workspaceOf(state.mode) !== 'resident') {
		params.set('profile', state.profile);
	}
	if (state.personal) params.set('my', state.personal);
	if (state.query.trim()) params.set('q', state.query.trim().slice(0, 100));
	if (state.origin) {
		const [lng, lat] = state.origin.lngLat;
		params.set('from', `${round(lng, 6)},${round(lat, 6)}`);
		if (state.origin.label) params.set('fromLabel', state.origin.label);
		if (state.origin.isHere) params.set('fromHere', '1');
	}
	if (state.visible) params.set('show', state.visible.join(','));
	if (state.onlyWheelchair) params.set('only', 'wheelchair');
	if (state.showNetwork) params.set('net', '1');
	if (state.networkPoints?.length) params.set('pts', state.networkPoints.join(','));
	if (state.viewport) {
		const { centre, zoom } = state.viewport;
		params.set(VIEWPORT_PARAM, viewportParam(centre, zoom));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

/**
 * Every parameter of the app's links (others, e.g. a newsletter's `utm_source`, are not the app's).
 * A unit test checks that every parameter serialiseUrlState writes, for every mode, is listed.
 */
export const LINK_PARAMS: ReadonlySet<string> = new Set([
	...MODE_PARAMS,
	'area',
	'view',
	'lang',
	'profile',
	'my',
	'q',
	'from',
	'fromLabel',
	'fromHere',
	'show',
	'only',
	'net',
	'pts',
	VIEWPORT_PARAM,
]);

/** Values a link may give that the app's own links leave out, because they say the default. */
const DEFAULT_VALUES: Readonly<Record<string, readonly string[]>> = {
	mode: ['explore'],
	view: ['map'],
	lang: ['nl'],
	profile: ['walking'],
	page: ['1'],
	unknown: ['optimistic'],
	net: ['0', ''],
	only: [''],
	fromHere: ['0', ''],
	fromLabel: [''],
	q: [''],
	pts: [''],
};

/**
 * Parameters whose value the app's link repeats as it came when the app read it: a different one
 * means the link's was not read (an unknown category shown in an analysis, a walkshed of 999
 * minutes). Numbers compare as numbers (`010` is 10). The others (points, lists, the personal
 * profile) are rewritten in their canonical form, so only their absence tells.
 */
const SAME_TEXT: ReadonlySet<string> = new Set([
	'mode',
	'area',
	'view',
	'lang',
	'profile',
	'cat',
	'status',
	'barrier',
	'unknown',
	'only',
	'net',
	'fromHere',
]);
const SAME_NUMBER: ReadonlySet<string> = new Set(['min', 'norm', 'gap', 'age', 'page']);

/**
 * Lists, read item by item: an item the app's link does not repeat was not read (`cats=gp,<x>`
 * reads as `cats=gp`), and is named alone. Each item as the app writes it (a norm's metres as a
 * number: `gp:0600` is `gp:600`).
 */
const LIST_ITEM: Readonly<Record<string, (item: string) => string>> = {
	cats: (item) => item,
	show: (item) => item,
	pts: (item) => item,
	norms: (item) => {
		const [id = '', m = ''] = item.split(':');
		return m.trim() === '' ? item : `${id}:${Number(m)}`;
	},
};

/**
 * Parameters the device's remembered value can stand in for (the personal profile): read or not,
 * the app's link then has one, so a value the app cannot read is what tells.
 */
const READABLE: Readonly<Record<string, (value: string) => boolean>> = {
	[VIEWPORT_PARAM]: (value) => readViewport(value) !== undefined,
	my: (value) => readPersonal(value) !== undefined,
};

/** The longest value {@link unreadLinkParts} repeats (the rest is cut, with an ellipsis). */
const UNREAD_VALUE_CHARS = 40;

/**
 * The parts of a link the app could not read, as `name=value`: parameters of the app whose value
 * `state` (read from that link by {@link parseUrlState}) does not carry, such as a misspelt
 * barrier kind, a point off the globe, an unknown mode or a number out of its bounds. The app
 * opens without them and says so, rather than showing, say, every report to a planner who
 * followed a link filtered by a kind this version does not know. Of a list, only the items not
 * read are named. Parameters that are not the app's, and values that say the default, are left
 * out; values longer than 40 characters are cut.
 *
 * @example unreadLinkParts('?mode=reports&barrier=trap', parseUrlState('?mode=reports&barrier=trap')) // ['barrier=trap']
 */
export function unreadLinkParts(search: string, state: UrlState): string[] {
	const link = new URLSearchParams(search);
	const read = new URLSearchParams(serialiseUrlState(state));
	const unread: string[] = [];
	for (const name of new Set(link.keys())) {
		if (!LINK_PARAMS.has(name)) continue;
		const value = link.get(name) ?? '';
		const kept = read.get(name);
		let part = value;
		const item = LIST_ITEM[name];
		const readable = READABLE[name];
		if (readable) {
			if (readable(value)) continue;
		} else if (kept === null) {
			if (DEFAULT_VALUES[name]?.includes(value.trim())) continue;
		} else if (item) {
			// the items the app did not keep, as the link gave them
			const keptItems = new Set(kept.split(','));
			part = value
				.split(',')
				.filter((i) => i.trim() !== '' && !keptItems.has(item(i)))
				.join(',');
			if (part === '') continue;
		} else if (
			!(SAME_TEXT.has(name) && kept !== value) &&
			!(SAME_NUMBER.has(name) && Number(kept) !== Number(value))
		)
			continue;
		const shown = part.length > UNREAD_VALUE_CHARS ? `${part.slice(0, UNREAD_VALUE_CHARS)}…` : part;
		unread.push(`${name}=${shown}`);
	}
	return unread;
}

/**
 * What makes a new history entry: the area and the mode. Back and Forward move between these;
 * everything else (viewport while panning, toggles, search text) replaces the current entry.
 */
export function historyKey(state: Pick<UrlState, 'area' | 'mode'>): string {
	return `${state.area ?? ''}|${modeKey(state.mode)}`;
}
