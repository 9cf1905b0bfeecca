/**
 * What the device remembers between visits: the personal profile ("Wat ik aankan") and its base
 * profile, read again by the next visit's AppState.fromLocation() (as after a reload); a link's own
 * `my=` wins over what is remembered; clearing the profile forgets it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { encodePersonalProfile, builtInProfile } from '../analysis/personal-profile.ts';
import { AppState } from './app-state.svelte.ts';

const narrow = encodePersonalProfile({
	...builtInProfile('wheelchair'),
	speed: 'slow',
	kerbCm: 2,
	minWidthM: 1.5,
});
const cautiousWalker = encodePersonalProfile(builtInProfile('walking', 'cautious'));

afterEach(() => {
	localStorage.clear();
	history.replaceState(null, '', '/');
});

describe('the personal profile is remembered on the device', () => {
	it('a new visit without a link gets the profile set in the last one, and its base', () => {
		const first = AppState.fromLocation().state;
		expect(first.personal).toBeUndefined();
		first.setPersonal(narrow);
		expect(first.profile).toBe('wheelchair');

		const next = AppState.fromLocation();
		expect(next.state.personal).toBe(narrow);
		expect(next.state.profile).toBe('wheelchair');
		expect(next.urlState.personal).toBe(narrow);
	});

	it("a link's own profile wins over the remembered one", () => {
		AppState.fromLocation().state.setPersonal(narrow);
		history.replaceState(null, '', `/?my=${cautiousWalker}`);
		const opened = AppState.fromLocation().state;
		expect(opened.personal).toBe(cautiousWalker);
		expect(opened.profile).toBe('walking');
	});

	it("a link's built-in profile stands over it; a built-in profile chosen then is the next visit's", () => {
		AppState.fromLocation().state.setPersonal(narrow);
		history.replaceState(null, '', '/?profile=rollator');
		const opened = AppState.fromLocation().state;
		expect(opened.personal).toBeUndefined();
		expect(opened.profile).toBe('rollator');
		opened.setProfile('walking');
		history.replaceState(null, '', '/');
		const next = AppState.fromLocation().state;
		expect(next.personal).toBeUndefined();
		expect(next.profile).toBe('walking');
	});

	it('cleared, it is forgotten: the next visit has the built-in profile only', () => {
		const first = AppState.fromLocation().state;
		first.setPersonal(narrow);
		first.setPersonal(undefined);
		const next = AppState.fromLocation().state;
		expect(next.personal).toBeUndefined();
		expect(next.profile).toBe('wheelchair');
	});
});
