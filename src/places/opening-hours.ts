/**
 * "Open now / opens at" from OpenStreetMap's `opening_hours` tag, with the `opening_hours` library
 * (the reference parser of the OSM community, with Belgian public holidays). The library is large
 * (about 1 MB), so it is loaded only when a place's details are first shown.
 */

import type OpeningHoursLib from 'opening_hours';

export type OpeningState = 'open' | 'closed' | 'unknown';

export interface OpeningStatus {
	state: OpeningState;
	/** When the state changes next (within the coming week), if it does. */
	nextChange?: Date;
	/** The tag's comment for the current period, e.g. "op afspraak". */
	comment?: string;
}

/** An `opening_hours` value the parser could not read. */
export class OpeningHoursError extends Error {
	override name = 'OpeningHoursError';
}

type OpeningHoursCtor = typeof OpeningHoursLib;
let ctorPromise: Promise<OpeningHoursCtor> | undefined;

/** Loads the parser once. */
function loadParser(): Promise<OpeningHoursCtor> {
	ctorPromise ??= import('opening_hours').then((m) => m.default);
	return ctorPromise;
}

/**
 * The opening state of a place at `now`, evaluated with Belgian (Flemish) public holidays.
 * @param value the OSM `opening_hours` tag
 * @param lngLat where the place is (sunrise/sunset rules depend on it)
 * @example await openingStatus('Mo-Fr 09:00-17:00', new Date('2026-11-23T10:00:00+01:00'), [4.77, 51.2])
 * // → { state: 'open', nextChange: 2026-11-23T16:00:00.000Z }
 */
export async function openingStatus(
	value: string,
	now: Date,
	lngLat: readonly [number, number],
): Promise<OpeningStatus> {
	const OpeningHours = await loadParser();
	let oh: InstanceType<OpeningHoursCtor>;
	try {
		oh = new OpeningHours(value, {
			lat: lngLat[1],
			lon: lngLat[0],
			address: { country_code: 'be', state: 'Vlaanderen' },
		});
	} catch (error) {
		throw new OpeningHoursError(`cannot read opening_hours "${value}": ${String(error)}`);
	}
	const state = oh.getStateString(now, true);
	const weekLater = new Date(now.getTime() + 7 * 24 * 3600 * 1000);
	const next = oh.getNextChange(now, weekLater);
	const comment = oh.getComment(now);
	return {
		state,
		...(next ? { nextChange: next } : {}),
		...(comment ? { comment } : {}),
	};
}

/**
 * When the state changes next, as words say it: the time alone today ("08:30"), else the day and
 * the time ({ day: "maandag", time: "08:30" }). A 24-hour clock in every language (en-GB for
 * English), as Belgian opening hours are written.
 */
export function changeTime(
	lang: 'nl' | 'fr' | 'en',
	change: Date,
	now: Date,
): { time: string; day?: string } {
	const locale = lang === 'en' ? 'en-GB' : `${lang}-BE`;
	const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(
		change,
	);
	if (change.toDateString() === now.toDateString()) return { time };
	return { time, day: new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(change) };
}
