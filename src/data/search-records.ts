/**
 * Turns the taxonomy, the help lines and an area's search source (built by the pipeline) into what
 * the search indexes: kinds of help (categories with their labels and synonyms in nl/fr/en), help
 * lines (by name and number), places (found by name and by what they are), streets and addresses,
 * and the localities people add to an address.
 */
import { CATEGORIES, type Localized } from '../contracts/taxonomy.ts';
import type { HelpLine } from './help-lines.ts';
import type { SearchLocality, SearchRecord } from './search-index.ts';
import { normalise } from './normalise.ts';
import {
	decodeStreet,
	type SearchSourceV2,
	type SourceLocality,
} from '../contracts/search-source.ts';

/** The pseudo-category for "rolstoel": places that say they are wheelchair accessible. */
export const WHEELCHAIR_FILTER_ID = 'wheelchair_accessible';

const WHEELCHAIR_LABELS: Localized = {
	nl: 'Rolstoeltoegankelijke plaatsen',
	fr: 'Lieux accessibles en fauteuil roulant',
	en: 'Wheelchair-accessible places',
};
const WHEELCHAIR_SYNONYMS = [
	'rolstoel',
	'rolstoeltoegankelijk',
	'toegankelijk',
	'fauteuil roulant',
	'accessible',
	'wheelchair',
	'PMR',
];

const BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

/** Before a place's nearest address point when it has no address of its own ("bij Markt 3"). */
const NEAR: Localized = { nl: 'bij', fr: 'près de', en: 'near' };

/**
 * The records of the kinds of help: one per category, its label in `lang` and every other label
 * and synonym (in every language) as keywords; plus the wheelchair-accessible filter.
 */
export function categoryRecords(lang: keyof Localized): SearchRecord[] {
	const record = (
		id: string,
		labels: Localized,
		words: readonly string[],
		categoryIds?: string[],
	) => {
		const label = labels[lang];
		const keywords = [...new Set([...Object.values(labels), ...words])].filter((w) => w !== label);
		return {
			id,
			kind: 'category' as const,
			label,
			keywords,
			...(categoryIds ? { categoryIds } : {}),
		};
	};
	return [
		...CATEGORIES.map((c) =>
			record(c.id, c.labels, [...c.synonyms.nl, ...c.synonyms.fr, ...c.synonyms.en], [c.id]),
		),
		record(WHEELCHAIR_FILTER_ID, WHEELCHAIR_LABELS, WHEELCHAIR_SYNONYMS),
	];
}

/** Before a help line's number in its detail ("Bel 1733 · …"). */
const CALL: Localized = { nl: 'Bel', fr: 'Appeler le', en: 'Call' };

/** The NIS codes of the municipalities a search source covers. */
export function municipalitiesOf(source: Pick<SearchSourceV2, 'localities'>): string[] {
	return source.localities.filter((l) => l.kind === 'municipality').map((l) => l.nis);
}

/**
 * The records of help lines (data/help-lines; those that answer in the area, `helpLinesFor` its
 * municipalities, read by the search worker so the file stays out of the app's own JavaScript),
 * found by their names and words in every language and by their number ("1733", also typed
 * without spaces). A municipality's line lies in that municipality's locality, so "gemeentehuis
 * herentals" does not find Geel's.
 */
export function helpLineRecords(
	lines: readonly HelpLine[],
	localities: readonly SourceLocality[],
	lang: keyof Localized,
): SearchRecord[] {
	const municipalities = localities.filter((l) => l.kind === 'municipality');
	return lines.map((line) => {
		const own = municipalities.filter((m) => line.scope.includes(m.nis)).map((m) => m.id);
		const label = line.name[lang];
		return {
			id: line.id,
			kind: 'line' as const,
			label,
			keywords: [
				...new Set([
					...Object.values(line.name),
					line.phone,
					line.phone.replace(/\s+/g, ''),
					...line.words.nl,
					...line.words.fr,
					...line.words.en,
				]),
			].filter((w) => w !== label),
			detail: `${CALL[lang]} ${line.phone} · ${line.what[lang]}`,
			...(own.length ? { localities: own } : {}),
		};
	});
}

/** How a locality is written after an address: "2275 Poederlee" (postcode when it has one). */
export function localityText(locality: SourceLocality | undefined): string {
	if (!locality) return '';
	return locality.postcodes.length === 1
		? `${locality.postcodes[0]} ${locality.name}`
		: locality.name;
}

/**
 * A place's address as a line to read, copy or give a taxi driver: with the town it lies in, once.
 * `localities` are the place's own (its municipality, then its sub-municipality when known).
 * - No town written ("Kerkstraat 22B"): the place's own locality is added ("Kerkstraat 22B, 2200
 *   Herentals"). The same street name is found in more than one town of an area.
 * - A town written that is one of the place's localities, by name ("Kerkstraat 1, Herentals") or
 *   by its postcode alone ("Dorp 1, 2200"): written as a locality is ("…, 2200 Herentals"), so it
 *   is not said twice where the locality is shown beside it.
 * - Any other town, or a place with no locality: the address as written.
 * @example addressWithLocality('Dorp, Morkhoven', [herentals, morkhoven]) // 'Dorp, 2200 Morkhoven'
 */
export function addressWithLocality(
	address: string,
	localities: readonly (SourceLocality | undefined)[],
): string {
	const own = localities.filter((l) => l !== undefined);
	const specific = own.at(-1);
	if (!specific) return address;
	const comma = address.lastIndexOf(',');
	if (comma < 0) return `${address}, ${localityText(specific)}`;
	const street = address.slice(0, comma).trim();
	const town = address.slice(comma + 1).trim();
	const postcode = /^(\d{4})\b/.exec(town)?.[1];
	const name = normalise(town.replace(/^\d{4}\b/, ''));
	if (name === '') {
		return postcode && specific.postcodes.includes(postcode)
			? `${street}, ${localityText(specific)}`
			: address;
	}
	// the most specific locality that the written town names (and whose postcode it does not contradict)
	const named = [...own]
		.reverse()
		.find(
			(l) =>
				normalise(l.name) === name && (postcode === undefined || l.postcodes.includes(postcode)),
		);
	return named ? `${street}, ${localityText(named)}` : address;
}

/** The localities of a source for the search index. */
export function searchLocalities(source: SearchSourceV2): SearchLocality[] {
	return source.localities.map((l) => ({
		id: l.id,
		name: l.name,
		postcodes: l.postcodes,
		municipality: `m:${l.nis}`,
	}));
}

/**
 * All search records of an area in `lang`: kinds of help, the help lines given (those that answer
 * in the area), places, streets and addresses.
 * A place is found by its name and by what it is (its categories' labels, its kind's labels and
 * synonyms, in every language); a place without a name is labelled by what it is.
 * @example areaSearchRecords(source, 'nl').length // ≈ 12,000 for the sample
 */
export function areaSearchRecords(
	source: SearchSourceV2,
	lang: keyof Localized,
	lines: readonly HelpLine[] = [],
): SearchRecord[] {
	const records = [...categoryRecords(lang), ...helpLineRecords(lines, source.localities, lang)];
	const localityIds = source.localities.map((l) => l.id);
	const detailOf = (indices: readonly number[]) =>
		localityText(source.localities[indices[1] ?? indices[0] ?? -1]);
	const localitiesOf = (indices: readonly number[]) => indices.map((i) => source.localities[i]);
	for (const p of source.places) {
		const categories = p.categoryIds.map((id) => BY_ID.get(id)).filter((c) => c !== undefined);
		const kind = categories.flatMap((c) => c.kinds ?? []).find((k) => k.id === p.kind);
		const what = kind?.labels[lang] ?? categories[0]?.labels[lang] ?? '';
		const keywords = [
			...categories.flatMap((c) => Object.values(c.labels)),
			...(kind
				? [
						...Object.values(kind.labels),
						...kind.synonyms.nl,
						...kind.synonyms.fr,
						...kind.synonyms.en,
					]
				: []),
		];
		records.push({
			id: p.id,
			kind: 'place',
			label: p.name || what,
			keywords: [...new Set(keywords)],
			// what it is (when named) and where it is (its address, else the nearest address point,
			// with its locality): places of one kind without a name ("Huisarts") are told apart by it
			detail: [
				p.name ? what : '',
				p.address
					? addressWithLocality(p.address, localitiesOf(p.localities))
					: p.nearAddress
						? `${NEAR[lang]} ${addressWithLocality(p.nearAddress, localitiesOf(p.localities))}`
						: detailOf(p.localities),
			]
				.filter(Boolean)
				.join(' · '),
			categoryIds: p.categoryIds,
			lngLat: p.lngLat,
			localities: p.localities.map((i) => localityIds[i]!),
		});
	}
	source.streets.forEach((s, i) => {
		const street = decodeStreet(s);
		const id = `s${i + 1}`;
		const localities = s.localities.map((k) => localityIds[k]!);
		const detail = detailOf(s.localities);
		records.push({
			id,
			kind: 'street',
			label: s.name,
			keywords: [],
			detail,
			lngLat: street.lngLat,
			localities,
		});
		for (const [number, lng, lat] of street.addresses) {
			records.push({
				id: `${id}/${number}`,
				kind: 'address',
				label: `${s.name} ${number}`,
				keywords: [],
				detail,
				lngLat: [lng, lat],
				localities,
				street: id,
				houseNumber: number,
			});
		}
	});
	return records;
}
