import { describe, expect, it } from 'vitest';
import { changeTime, OpeningHoursError, openingStatus } from './opening-hours.ts';

// opening_hours evaluates in the device's local time; residents' devices are in Belgium.
process.env.TZ = 'Europe/Brussels';

const VORSELAAR: [number, number] = [4.7707, 51.2024];

describe('openingStatus', () => {
	// A real pharmacy-style value: weekdays with a lunch break, Saturday morning.
	const hours = 'Mo-Fr 08:30-12:30,13:30-18:30; Sa 08:30-12:00';

	it('is open during opening hours and says when it closes', async () => {
		const status = await openingStatus(hours, new Date('2026-11-23T10:00:00+01:00'), VORSELAAR);
		expect(status.state).toBe('open');
		expect(status.nextChange?.toISOString()).toBe('2026-11-23T11:30:00.000Z');
	});

	it('is closed at lunch and says when it opens', async () => {
		const status = await openingStatus(hours, new Date('2026-11-23T13:00:00+01:00'), VORSELAAR);
		expect(status.state).toBe('closed');
		expect(status.nextChange?.toISOString()).toBe('2026-11-23T12:30:00.000Z');
	});

	it('is closed on a Belgian public holiday when the tag says PH off', async () => {
		// 11 November (Wapenstilstand) 2026 is a Wednesday.
		const status = await openingStatus(
			'Mo-Fr 09:00-17:00; PH off',
			new Date('2026-11-11T10:00:00+01:00'),
			VORSELAAR,
		);
		expect(status.state).toBe('closed');
	});

	it('reports unknown for "on appointment" style rules, with the comment', async () => {
		const status = await openingStatus(
			'Mo-Fr 09:00-12:00 unknown "op afspraak"',
			new Date('2026-11-23T10:00:00+01:00'),
			VORSELAAR,
		);
		expect(status.state).toBe('unknown');
		expect(status.comment).toBe('op afspraak');
	});

	it('names the value it cannot read', async () => {
		await expect(openingStatus('elke dag open', new Date(), VORSELAAR)).rejects.toThrow(
			OpeningHoursError,
		);
		await expect(openingStatus('elke dag open', new Date(), VORSELAAR)).rejects.toThrow(
			/"elke dag open"/,
		);
	});
});

describe('changeTime', () => {
	const now = new Date('2026-11-23T13:00:00+01:00'); // a Monday
	it('says the time alone today, and the day with it later, on a 24-hour clock', () => {
		const today = new Date('2026-11-23T13:30:00+01:00');
		const tomorrow = new Date('2026-11-24T08:30:00+01:00');
		expect(changeTime('nl', today, now)).toEqual({ time: '13:30' });
		expect(changeTime('en', today, now)).toEqual({ time: '13:30' });
		expect(changeTime('nl', tomorrow, now)).toEqual({ time: '08:30', day: 'dinsdag' });
		expect(changeTime('fr', tomorrow, now)).toEqual({ time: '08:30', day: 'mardi' });
		expect(changeTime('en', tomorrow, now)).toEqual({ time: '08:30', day: 'Tuesday' });
	});
});
