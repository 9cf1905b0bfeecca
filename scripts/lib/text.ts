/**
 * Text from OpenStreetMap and other place lists, made safe to show: bidi control characters
 * removed (an override such as U+202E would show a name reversed), other control characters and
 * runs of white space turned into one space, and lengths capped as the database caps curated
 * places' text (supabase/migrations: name 200, address 300, website 500, opening hours 500; a
 * stop's lines, which curated places do not have, at 300).
 */

// U+061C ALM, U+200E LRM, U+200F RLM, U+202A–U+202E embeddings/overrides, U+2066–U+2069 isolates
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u001f\u007f-\u009f\s]+/gu;

/** Caps of the place fields, in characters (code points), as the database caps curated text. */
export const PLACE_TEXT_LIMITS = {
	name: 200,
	address: 300,
	operator: 200,
	phone: 30,
	website: 500,
	openingHours: 500,
	/** the lines calling at a stop ("210;213;429"): no database field; cut whole, as a website */
	lines: 300,
} as const;

/**
 * `value` without bidi controls and control characters, with single spaces, trimmed, and at most
 * `max` characters (cut ones end in "…").
 * @example cleanText('Apotheek \u202eSIRAP', 200) === 'Apotheek SIRAP'
 */
export function cleanText(value: string, max: number): string {
	const text = value.replace(BIDI_CONTROLS, '').replace(CONTROL_OR_SPACE, ' ').trim();
	const chars = [...text];
	return chars.length <= max
		? text
		: `${chars
				.slice(0, max - 1)
				.join('')
				.trimEnd()}…`;
}

type PlaceText = { [K in keyof typeof PLACE_TEXT_LIMITS]: string };

/**
 * A place's text fields cleaned and capped. A cut website or opening-hours value would be wrong
 * rather than short, so one over the cap is dropped (''); of several phone numbers ("a; b") the
 * first is kept.
 */
export function cleanPlaceText<T extends PlaceText>(place: T): T {
	const phone = cleanText(place.phone.split(';')[0] ?? '', 1000);
	const whole = (v: string, max: number) => {
		const t = cleanText(v, Number.MAX_SAFE_INTEGER);
		return [...t].length <= max ? t : '';
	};
	return {
		...place,
		name: cleanText(place.name, PLACE_TEXT_LIMITS.name),
		address: cleanText(place.address, PLACE_TEXT_LIMITS.address),
		operator: cleanText(place.operator, PLACE_TEXT_LIMITS.operator),
		phone: [...phone].length <= PLACE_TEXT_LIMITS.phone ? phone : '',
		website: whole(place.website, PLACE_TEXT_LIMITS.website),
		openingHours: whole(place.openingHours, PLACE_TEXT_LIMITS.openingHours),
		lines: whole(place.lines, PLACE_TEXT_LIMITS.lines),
	};
}

/** Roman numerals of two letters or more, as in street and royal names ("Albert II"). */
const ROMAN = /^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$/u;

/**
 * `value` from a list written in capitals, in ordinary letter case: each word written wholly in
 * capitals (two letters or more) becomes lower case with a capital at the start of each piece
 * (between hyphens, full stops, slashes, brackets and apostrophes). A word or piece of `keep` is
 * written as there; one of `lower` in lower case unless it begins the value (an entry ending in an
 * apostrophe, such as "d'", is an elided article); roman numerals stay; Dutch IJ is one capital
 * ("IJzerlaan"), and 's stays lower case ("'s-Gravenwezel"). Words with a lower-case letter,
 * numbers and house numbers ("22C") stay as they are, except a word of `lower` in a value written
 * in capitals otherwise ("HEILIG HART ZIEKENHUIS Vzw": "vzw"); a value in ordinary letter case
 * keeps every word ("Pastoor De Vosstraat").
 * @example fromCapitals('STEENWEG OP MERKSPLAS 44', { keep: [], lower: ['op'] }) === 'Steenweg op Merksplas 44'
 * @example fromCapitals('ZNA ST.-ERASMUS', { keep: ['ZNA'], lower: [] }) === 'ZNA St.-Erasmus'
 */
export function fromCapitals(
	value: string,
	words: { keep: readonly string[]; lower: readonly string[] },
): string {
	const keep = new Map(words.keep.map((w) => [w.toLocaleUpperCase('nl'), w]));
	const lower = new Set(words.lower.map((w) => w.toLocaleLowerCase('nl').replace('’', "'")));
	const small = (s: string) => s.toLocaleLowerCase('nl');
	// written in capitals: some word of two capitals or more and no lower-case letter
	const inCapitals = value
		.split(/\s+/u)
		.some((w) => !/\p{Ll}/u.test(w) && (w.match(/\p{Lu}/gu) ?? []).length >= 2);
	let first = true;
	return value.replace(/\S+/gu, (word) => {
		const begins = first;
		first = false;
		// the whole word without the punctuation around it, as the lists may name it ("A.Z.", "v.z.w.")
		const core = word.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}.]+$/u, '');
		if (/\p{Ll}/u.test(word) || (word.match(/\p{Lu}/gu) ?? []).length < 2) {
			// a listed lower-case word the list wrote otherwise ("HEILIG HART ZIEKENHUIS Vzw")
			const form = core.replace(/\.$/u, '');
			if (
				inCapitals &&
				!begins &&
				form !== '' &&
				(lower.has(small(core)) || lower.has(small(form)))
			)
				return word.replace(core, small(core));
			return word;
		}
		for (const form of [core, core.replace(/\.$/u, '')]) {
			if (form === '') continue;
			const kept = keep.get(form);
			if (kept !== undefined) return word.replace(form, kept);
			if (!begins && lower.has(small(form))) return word.replace(form, small(form));
		}
		// else piece by piece: even indices are pieces, odd ones what separates them
		const pieces = word.split(/([^\p{L}\p{N}]+)/u);
		let startsValue = begins;
		return pieces
			.map((piece, j) => {
				if (j % 2 === 1 || piece === '') return piece;
				const opening = startsValue;
				startsValue = false;
				const before = pieces[j - 1] ?? '';
				const after = pieces[j + 1] ?? '';
				const kept = keep.get(piece);
				if (kept !== undefined) return kept;
				if (ROMAN.test(piece)) return piece;
				// what a numeral names comes after it in lower case: "Koning Albert II-laan"
				if (before === '-' && ROMAN.test(pieces[j - 2] ?? '')) return small(piece);
				const elided = /^['’]/u.test(after) && lower.has(`${small(piece)}'`);
				if (!opening && (elided || lower.has(small(piece)))) return small(piece);
				// Dutch 's ("'s-Gravenwezel", "'s Herenelderen")
				if (piece === 'S' && /['’]$/u.test(before)) return 's';
				const text = small(piece);
				return text.startsWith('ij')
					? `IJ${text.slice(2)}`
					: text.charAt(0).toLocaleUpperCase('nl') + text.slice(1);
			})
			.join('');
	});
}
