/**
 * A place as the app shows it: from OpenStreetMap (through the pipeline's search source) or curated
 * by a coordinator. All text is data: the app renders it as text, never as HTML.
 */
import { CATEGORIES, type Category, type Localized } from '../contracts/taxonomy.ts';

export type WheelchairAccess = 'yes' | 'limited' | 'no' | 'designated';

export interface Place {
	/** `n123` / `w45` for OSM objects, `extra:…` for other sources. */
	id: string;
	name?: string;
	/** Category ids from the taxonomy, most specific first. */
	categoryIds: string[];
	/** Its kind within a category that has kinds (taxonomy `kinds`, e.g. `bus_stop`). */
	kind?: string;
	lngLat: [number, number];
	/** With the town it lies in where the area's data know it ("Kerkstraat 22B, 2200 Herentals"). */
	address?: string;
	/**
	 * Without an address of its own: the nearest address point ("Kerkstraat 18, 2200 Herentals"), a
	 * guess.
	 */
	nearAddress?: string;
	phone?: string;
	website?: string;
	openingHours?: string;
	wheelchair?: WheelchairAccess;
	operator?: string;
	/** The lines calling at a stop, in order ("210", "213", "429"). */
	lines?: string[];
	/** Whether it has an emergency department, where the data say (a hospital). */
	emergency?: boolean;
	/** A car park's spaces for disabled people, and all its spaces where known. */
	accessibleSpaces?: number;
	totalSpaces?: number;
	/** Where the data comes from, e.g. "OpenStreetMap". */
	source: string;
	/** When the source last changed this place (ISO date), if known. */
	date?: string;
	/**
	 * It lies outside the area, in the surroundings its data take in (a hospital of the region, a
	 * stop across the border): the lists reach it, the area's own counts leave it out.
	 */
	outsideArea?: true;
}

const CATEGORY_ORDER = new Map(CATEGORIES.map((c, i) => [c.id, i]));

/** A trip longer than this (minutes, for the resident's profile) is marked as a long one. */
export const LONG_TRIP_MINUTES = 30;

/** The street of an address as the data write it ("Kerkstraat 18, 2200 Herentals" → "Kerkstraat"). */
export function streetOf(address: string): string {
	const first = address.split(',')[0]!.trim();
	const street = first.replace(/\s+\d[\w/-]*(\s+(bus|b)\s*\w+)?$/i, '').trim();
	return street || first;
}

/**
 * What a place is within one of its categories: its kind where the category has kinds
 * ("Bushalte", "Bank"), else the category ("Apotheek").
 */
export function kindLabel(category: Category, place: Pick<Place, 'kind'>, lang: keyof Localized) {
	return (category.kinds?.find((k) => k.id === place.kind) ?? category).labels[lang];
}

/**
 * The name to show: the place's own name, else its kind and street ("Apotheek, Kerkstraat", from
 * its address or the nearest address point), else its kind alone.
 */
export function displayName(place: Place, lang: keyof Localized): string {
	if (place.name) return place.name;
	// the category its kind belongs to (a stop with a bench is a bus stop first), else its first
	const categories = place.categoryIds.map((id) => CATEGORIES.find((c) => c.id === id));
	const category =
		categories.find((c) => c?.kinds?.some((k) => k.id === place.kind)) ?? categories[0];
	const kind = category ? kindLabel(category, place, lang) : place.id;
	const address = place.address ?? place.nearAddress;
	return address ? `${kind}, ${streetOf(address)}` : kind;
}

/**
 * The OSM object's page and its editor, for an OSM place (`n123`, `w45`, `r6`); undefined for
 * places from other sources. Residents improve the data where it comes from, as Wheelmap does.
 */
export function osmUrls(id: string): { view: string; edit: string } | undefined {
	const m = /^([nwr])(\d+)$/.exec(id);
	if (!m) return undefined;
	const type = { n: 'node', w: 'way', r: 'relation' }[m[1] as 'n' | 'w' | 'r'];
	return {
		view: `https://www.openstreetmap.org/${type}/${m[2]}`,
		edit: `https://www.openstreetmap.org/edit?${type}=${m[2]}`,
	};
}

/** Places sorted by category (legend order), then name, for the list view. */
export function sortPlaces(places: readonly Place[], lang: keyof Localized): Place[] {
	const collator = new Intl.Collator(lang);
	return [...places].sort(
		(a, b) =>
			(CATEGORY_ORDER.get(a.categoryIds[0] ?? '') ?? 999) -
				(CATEGORY_ORDER.get(b.categoryIds[0] ?? '') ?? 999) ||
			collator.compare(displayName(a, lang), displayName(b, lang)) ||
			a.id.localeCompare(b.id),
	);
}

/** A `tel:` link for a phone number as tagged in OSM ("+32 14 50 12 34"), or undefined. */
export function telHref(phone: string | undefined): string | undefined {
	if (!phone) return undefined;
	const first = phone.split(/[;,]/)[0]!.trim();
	const digits = first.replace(/[^\d+]/g, '');
	return /^\+?\d{6,15}$/.test(digits) ? `tel:${digits}` : undefined;
}

/** An http(s) link for a website tag, or undefined for anything else (javascript:, data:, …). */
export function safeWebsite(website: string | undefined): string | undefined {
	if (!website) return undefined;
	const candidate = /^[a-z][a-z0-9+.-]*:/i.test(website) ? website : `https://${website}`;
	try {
		const url = new URL(candidate);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
	} catch {
		return undefined;
	}
}
