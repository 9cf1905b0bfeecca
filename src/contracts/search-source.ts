/**
 * The search source of an area, `tiles/<area>/search.json.gz`: what the app's search and list need
 * without the map (places, streets with their address points, the place names and postcodes people
 * add to an address). The pipeline writes it (scripts/lib/search-source.ts); the app reads it here.
 *
 * Compact and gzip-compressed: address points are integer micro-degrees, each street's first point
 * absolute and the others as differences from the previous one; house numbers are one string per
 * street; empty place fields are left out.
 *
 * Format (version 2):
 * ```
 * { version: 2, areaId, taxonomyVersion,
 *   localities: [{ id, kind: 'municipality' | 'submunicipality', name, nis, postcodes: [] }],
 *   categories: [{ id, places }],
 *   places: [{ id, name?, categoryIds, kind?, address?, nearAddress?, lngLat, wheelchair?, phone?, website?,
 *              openingHours?, operator?, lines?, emergency?, accessibleSpaces?, totalSpaces?, source?, date?,
 *              localities: [locality index, …] }],
 *   streets: [{ name, localities: [municipality index, sub-municipality index?],
 *               numbers: 'house numbers separated by one space', coords: [lng0, lat0, dLng, dLat, …] }] }
 * ```
 */

import * as v from 'valibot';
import { lngLatSchema, parseWith, pathTo } from './validation.ts';

/** Micro-degrees per degree: address points are stored to 0.1 m. */
export const COORD_SCALE = 1e6;

export const SEARCH_SOURCE_VERSION = 2;

export interface SourceLocality {
	/** `m:<NIS>` (municipality) or `d:<id>` (sub-municipality). */
	id: string;
	kind: 'municipality' | 'submunicipality';
	name: string;
	/** NIS code of its municipality. */
	nis: string;
	postcodes: string[];
}

export interface SourcePlace {
	id: string;
	name?: string;
	categoryIds: string[];
	/** Its kind within a category that has kinds (taxonomy `kinds`). */
	kind?: string;
	address?: string;
	/**
	 * Without an address of its own: the nearest address point ("Kerkstraat 18"), a guess; with its
	 * town ("Kerkstraat 5, 2200 Herentals") where the point lies in another one than the place.
	 */
	nearAddress?: string;
	lngLat: [number, number];
	wheelchair?: string;
	phone?: string;
	website?: string;
	openingHours?: string;
	operator?: string;
	/** The lines calling at a stop, separated by ";" ("210;213;429"). */
	lines?: string;
	/** Whether it has an emergency department: 'yes' or 'no' (left out when unknown). */
	emergency?: string;
	/** A car park's spaces for disabled people, and all its spaces: whole numbers in text ("1", "12"). */
	accessibleSpaces?: string;
	totalSpaces?: string;
	source?: string;
	date?: string;
	/** Indices into `localities`: where it lies (none when outside the area). */
	localities: number[];
}

export interface SourceStreet {
	name: string;
	/** Indices into `localities`: its municipality, then its sub-municipality when known. */
	localities: number[];
	/** House numbers as labelled ("10", "10A", "27-29"), separated by one space. */
	numbers: string;
	/** Address points: first [lng, lat] in micro-degrees, then differences from the previous one. */
	coords: number[];
}

export interface SearchSourceV2 {
	version: 2;
	areaId: string;
	taxonomyVersion: string;
	localities: SourceLocality[];
	categories: { id: string; places: number }[];
	places: SourcePlace[];
	streets: SourceStreet[];
}

/** A street with its address points decoded. */
export interface DecodedStreet {
	name: string;
	localities: number[];
	/** [house number, lng, lat] per address. */
	addresses: [string, number, number][];
	/** The address point nearest the mean of its addresses. */
	lngLat: [number, number];
}

/** Encodes [lng, lat] points as the street `coords` list (inverse of {@link decodeStreet}). */
export function encodeCoords(points: readonly (readonly [number, number])[]): number[] {
	const out: number[] = [];
	let px = 0;
	let py = 0;
	for (const [lng, lat] of points) {
		const x = Math.round(lng * COORD_SCALE);
		const y = Math.round(lat * COORD_SCALE);
		out.push(x - px, y - py);
		px = x;
		py = y;
	}
	return out;
}

/** A street's address points and numbers, decoded. */
export function decodeStreet(street: SourceStreet): DecodedStreet {
	const numbers = street.numbers === '' ? [] : street.numbers.split(' ');
	if (street.coords.length !== numbers.length * 2)
		throw new Error(
			`search source street "${street.name}" has ${numbers.length} house numbers but ${street.coords.length / 2} points`,
		);
	const addresses: [string, number, number][] = [];
	let x = 0;
	let y = 0;
	let mx = 0;
	let my = 0;
	numbers.forEach((n, i) => {
		x += street.coords[2 * i]!;
		y += street.coords[2 * i + 1]!;
		addresses.push([n, x / COORD_SCALE, y / COORD_SCALE]);
		mx += x / COORD_SCALE / numbers.length;
		my += y / COORD_SCALE / numbers.length;
	});
	let lngLat: [number, number] = [mx, my];
	let best = Infinity;
	for (const [, lng, lat] of addresses) {
		const d = (lng - mx) ** 2 + (lat - my) ** 2;
		if (d < best) [best, lngLat] = [d, [lng, lat]];
	}
	return { name: street.name, localities: street.localities, addresses, lngLat };
}

/** Indices into the source's `localities` (checked against its length by the source's rule). */
const IndexList = v.array(v.pipe(v.number(), v.integer(), v.minValue(0)));

const LocalitySchema = v.looseObject({
	id: v.string(),
	kind: v.picklist(['municipality', 'submunicipality']),
	name: v.string(),
	nis: v.string(),
	postcodes: v.array(v.string()),
});

const PlaceSchema = v.looseObject({
	id: v.string(),
	name: v.optional(v.string()),
	categoryIds: v.array(v.string()),
	kind: v.optional(v.string()),
	address: v.optional(v.string()),
	nearAddress: v.optional(v.string()),
	lngLat: lngLatSchema,
	localities: IndexList,
});

const StreetSchema = v.looseObject({
	name: v.string(),
	localities: IndexList,
	numbers: v.string(),
	coords: v.array(v.number()),
});

/** The fields of a search source (version 2). */
const SearchSourceFields = v.looseObject({
	version: v.literal(SEARCH_SOURCE_VERSION, 'schemaVersion'),
	areaId: v.string(),
	taxonomyVersion: v.string(),
	localities: v.array(LocalitySchema),
	categories: v.array(v.looseObject({ id: v.string(), places: v.number() })),
	places: v.array(PlaceSchema),
	streets: v.array(StreetSchema),
});

/** Every locality index of places and streets within the source's `localities`. */
const indicesWithin = v.rawCheck<v.InferOutput<typeof SearchSourceFields>>(
	({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const source = dataset.value;
		const size = source.localities.length;
		for (const list of ['places', 'streets'] as const)
			source[list].forEach((item, i) => {
				const bad = item.localities.find((n) => n >= size);
				if (bad !== undefined)
					addIssue({
						message: 'range',
						expected: String(size - 1),
						input: bad,
						path: pathTo(source, [list, i, 'localities']),
					});
			});
	},
);

/** The shape of a search source (version 2). */
export const SearchSourceSchema = v.pipe(SearchSourceFields, indicesWithin);

/** Checks the shape of a search source, naming the first problem (a {@link ValidationError}). */
export function parseSearchSource(json: unknown): SearchSourceV2 {
	return parseWith(
		SearchSourceSchema,
		json,
		'search source (rebuild the area when it is of another version: npm run tiles:build)',
	) as SearchSourceV2;
}

/**
 * Reads a search source from its bytes: gzip (as the pipeline writes it) or plain JSON (a server
 * that already decoded a `Content-Encoding: gzip` answer hands over JSON).
 */
export async function readSearchSource(bytes: Uint8Array): Promise<SearchSourceV2> {
	let text: string;
	if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
		const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
			.stream()
			.pipeThrough(new DecompressionStream('gzip'));
		text = await new Response(stream).text();
	} else text = new TextDecoder().decode(bytes);
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new Error(`search source is not valid JSON: ${(error as Error).message}`, {
			cause: error,
		});
	}
	return parseSearchSource(json);
}
