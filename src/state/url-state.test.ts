import { categoryById } from '../contracts/taxonomy.ts';
import { describe, expect, it } from 'vitest';
import { COVERAGE_START, mapCategoryOf, MODES, modeKey, readMode, type Mode } from './modes.ts';
import {
	DEFAULT_STATE,
	historyKey,
	LINK_PARAMS,
	parseUrlState,
	serialiseUrlState,
	unreadLinkParts,
	type UrlState,
} from './url-state.ts';

const full: UrlState = {
	area: 'lille',
	mode: { kind: 'nearest', categoryId: 'pharmacy' },
	view: 'list',
	lang: 'fr',
	profile: 'wheelchair',
	query: 'apotheek',
	origin: { lngLat: [4.82369, 51.238146], label: 'Kerkstraat 1, Lille' },
	viewport: { centre: [4.82369, 51.23815], zoom: 15.5 },
	visible: ['gp', 'pharmacy'],
	onlyWheelchair: true,
	showNetwork: true,
	networkPoints: ['barrier', 'crossing'],
};

/** One link of every mode, with and without its own parameters. */
const EVERY_MODE: Mode[] = [
	{ kind: 'explore' },
	{ kind: 'place', placeId: 'n1234567' },
	{ kind: 'place', placeId: 'w45', categoryId: 'gp' },
	{ kind: 'nearest', categoryId: 'pharmacy' },
	{ kind: 'line', lineId: '1733' },
	{ kind: 'report' },
	{ kind: 'report', placeId: 'extra0:3' },
	{ kind: 'reports' },
	{
		kind: 'reports',
		status: 'acknowledged',
		barrier: 'broken_sidewalk',
		ageDays: 30,
		page: 3,
		reportId: '2f1c7a7e-5b1d-4c4e-9a53-0b8f1d2e3c4a',
	},
	{ kind: 'route' },
	{ kind: 'route', from: [4.767512, 51.201234], to: [4.801, 51.2] },
	{ kind: 'walkshed', minutes: 10 },
	{ kind: 'walkshed', at: [4.8, 51.21], minutes: 15 },
	{ kind: 'fixes', categoryId: 'pharmacy', normM: 1000, unknownMode: 'cautious' },
	{ kind: 'fixes', categoryId: 'gp', normM: 600, unknownMode: 'optimistic' },
	{ kind: 'rest', gapM: 125 },
	{ kind: 'rest', gapM: 200, whole: true },
	{ kind: 'completeness' },
	{
		kind: 'coverage',
		categoryIds: ['gp', 'meeting_place'],
		categoryId: 'meeting_place',
		unknownMode: 'cautious',
		norms: { bench: 150, gp: 600 },
	},
	{
		kind: 'coverage',
		categoryIds: ['pharmacy'],
		categoryId: 'pharmacy',
		unknownMode: 'optimistic',
		norms: {},
	},
	{
		kind: 'coverage',
		categoryIds: ['gp', 'pharmacy'],
		categoryId: 'gp',
		unknownMode: 'optimistic',
		norms: {},
		analysisId: '3f0c2a9e-8d1b-4c7e-9a55-2b1f0e6d7c48',
	},
];

describe('url state', () => {
	it('round-trips every field', () => {
		expect(parseUrlState(serialiseUrlState(full))).toEqual(full);
	});

	it('keeps only known kinds of network point, in the registry order', () => {
		expect(parseUrlState('?pts=crossing,nope,barrier').networkPoints).toEqual([
			'barrier',
			'crossing',
		]);
		expect(parseUrlState('?pts=nope').networkPoints).toBeUndefined();
		expect(serialiseUrlState(DEFAULT_STATE)).not.toContain('pts');
	});

	it('round-trips every mode, each with its own parameters', () => {
		for (const mode of EVERY_MODE)
			expect(parseUrlState(serialiseUrlState({ ...DEFAULT_STATE, mode })).mode).toEqual(mode);
		// every mode kind is covered
		expect(new Set(EVERY_MODE.map((m) => m.kind))).toEqual(new Set(Object.keys(MODES)));
	});

	it('reads a coverage link: bad norms and a shown category not analysed are dropped', () => {
		expect(
			parseUrlState('?mode=coverage&cats=gp,bench,<x>&cat=toilets&norms=gp:5,bench:150,x:abc').mode,
		).toEqual({
			kind: 'coverage',
			categoryIds: ['gp', 'bench'],
			categoryId: 'gp',
			unknownMode: 'optimistic',
			norms: { bench: 150 },
		});
		expect(parseUrlState('?mode=coverage&cats=').mode).toEqual({ kind: 'explore' });
	});

	it('opens the toolbar’s analysis for a coverage link that names no kinds at all', () => {
		// a reviewer typed `?mode=coverage` and was told part of the link could not be read
		expect(parseUrlState('?mode=coverage').mode).toEqual(COVERAGE_START);
		expect(parseUrlState('?mode=coverage&cat=pharmacy&unknown=cautious').mode).toEqual({
			...COVERAGE_START,
			categoryId: 'pharmacy',
			unknownMode: 'cautious',
		});
		expect(unreadLinkParts('?mode=coverage', parseUrlState('?mode=coverage'))).toEqual([]);
	});

	it('carries the saved analysis open in a coverage link (`analysis=`), so that a shared link opens it', () => {
		const link = serialiseUrlState({
			...DEFAULT_STATE,
			mode: {
				kind: 'coverage',
				categoryIds: ['gp', 'pharmacy'],
				categoryId: 'gp',
				unknownMode: 'optimistic',
				norms: {},
				analysisId: '3f0c2a9e-8d1b-4c7e-9a55-2b1f0e6d7c48',
			},
		});
		expect(new URLSearchParams(link).get('analysis')).toBe('3f0c2a9e-8d1b-4c7e-9a55-2b1f0e6d7c48');
		// one that could not be an id is dropped (and named as not read)
		expect(parseUrlState('?mode=coverage&cats=gp&analysis=<x>').mode).not.toHaveProperty(
			'analysisId',
		);
		const bad = '?mode=coverage&cats=gp&analysis=<x>';
		expect(unreadLinkParts(bad, parseUrlState(bad))).toEqual(['analysis=<x>']);
	});

	it('writes nothing for the defaults, and no categories when they are the default set', () => {
		expect(serialiseUrlState(DEFAULT_STATE)).toBe('');
		expect(parseUrlState('').visible).toBeUndefined();
		expect(parseUrlState('?show=').visible).toEqual([]);
	});

	it('falls back to defaults for unknown values and drops ids that cannot be ids', () => {
		expect(
			parseUrlState(
				'?view=globe&lang=de&profile=bike&place=<script>&cat=a%20b&area=../x&from=500,1&at=4,51,99&mode=nope',
			),
		).toEqual(DEFAULT_STATE);
		expect(parseUrlState('?show=gp,<b>,pharmacy').visible).toEqual(['gp', 'pharmacy']);
		expect(parseUrlState('?mode=place').mode).toEqual({ kind: 'explore' });
		// the triage's filters: unknown values fall back to "all", a bad page to the first
		expect(
			parseUrlState('?mode=reports&status=gone&barrier=<b>&age=3&page=0&report=1%27%20or%201=1')
				.mode,
		).toEqual({ kind: 'reports' });
	});

	it('reads links made before modes: a place, or a category', () => {
		expect(readMode(new URLSearchParams('place=n1'))).toEqual({ kind: 'place', placeId: 'n1' });
		expect(readMode(new URLSearchParams('cat=gp'))).toEqual({ kind: 'nearest', categoryId: 'gp' });
	});

	it('shows on the map the places of the kind of help a mode is about', () => {
		const of = (query: string) => mapCategoryOf(readMode(new URLSearchParams(query)));
		expect(of('mode=nearest&cat=bakery')).toBe('bakery');
		expect(of('mode=coverage&cats=gp,pharmacy&cat=pharmacy')).toBe('pharmacy');
		expect(of('mode=fixes&cat=dentist')).toBe('dentist');
		expect(of('mode=rest')).toBe('bench');
		// the legend decides where a mode is about no kind of help
		for (const query of ['', 'mode=route', 'mode=walkshed', 'mode=completeness', 'mode=reports'])
			expect(of(query)).toBeUndefined();
	});

	it("bounds the planners' numbers and points from a link", () => {
		expect(readMode(new URLSearchParams('mode=walkshed&min=999&pt=500,1'))).toEqual({
			kind: 'walkshed',
			minutes: 10,
		});
		// a norm out of bounds: the kind of help's own (the taxonomy's, as the gap analysis has it)
		expect(readMode(new URLSearchParams('mode=fixes&cat=gp&norm=-5'))).toEqual({
			kind: 'fixes',
			categoryId: 'gp',
			normM: categoryById('gp').defaultNormM,
			unknownMode: 'cautious',
		});
		expect(readMode(new URLSearchParams('mode=fixes&cat=pharmacy'))).toMatchObject({ normM: 800 });
		// a kind of unknown this version does not know: the default, and the notice names it
		const odd = '?mode=fixes&cat=gp&unknown=maybe';
		expect(parseUrlState(odd).mode).toMatchObject({ unknownMode: 'cautious' });
		expect(unreadLinkParts(odd, parseUrlState(odd))).toEqual(['unknown=maybe']);
		const optimistic = '?mode=fixes&cat=gp&unknown=optimistic';
		expect(unreadLinkParts(optimistic, parseUrlState(optimistic))).toEqual([]);
		expect(readMode(new URLSearchParams('mode=fixes&norm=500'))).toEqual({ kind: 'explore' });
		expect(readMode(new URLSearchParams('mode=rest&gap=1e9'))).toEqual({ kind: 'rest', gapM: 125 });
		expect(readMode(new URLSearchParams('mode=route&a=4.8,51.2&b=x'))).toEqual({
			kind: 'route',
			from: [4.8, 51.2],
		});
	});

	it('uses the stored profile and language when the link does not say', () => {
		expect(parseUrlState('?q=dokter', { profile: 'rollator', lang: 'en' })).toMatchObject({
			profile: 'rollator',
			lang: 'en',
			query: 'dokter',
		});
		expect(parseUrlState('?profile=walking', { profile: 'rollator' }).profile).toBe('walking');
	});

	it('keeps "my location" apart from a labelled address', () => {
		const here = {
			...DEFAULT_STATE,
			origin: { lngLat: [4.8, 51.2] as [number, number], isHere: true },
		};
		expect(parseUrlState(serialiseUrlState(here)).origin).toEqual(here.origin);
	});

	it('caps the search text and the origin label', () => {
		expect(parseUrlState(`?q=${'a'.repeat(500)}`).query.length).toBe(100);
		expect(parseUrlState(`?from=4.8,51.2&fromLabel=${'b'.repeat(500)}`).origin?.label).toHaveLength(
			120,
		);
	});

	it('makes a new history entry for a new area or mode, not for the rest', () => {
		const base = historyKey(full);
		expect(historyKey({ ...full, mode: { kind: 'nearest', categoryId: 'gp' } })).not.toBe(base);
		expect(historyKey({ ...full, area: 'vorselaar' })).not.toBe(base);
		expect(historyKey({ ...full, viewport: { centre: [4.8, 51.2], zoom: 12 } } as UrlState)).toBe(
			base,
		);
		expect(modeKey({ kind: 'place', placeId: 'n1' })).toBe('mode=place&place=n1');
	});

	it('carries the personal profile in `my`, with its base as the profile; a bad one is dropped', () => {
		const my = 'wheelchair.k2.s5.w1.5.st0.avrough.b-.vusual.uo';
		const s = parseUrlState(`?my=${my}`);
		expect(s.personal).toBe(my);
		expect(s.profile).toBe('wheelchair');
		expect(new URLSearchParams(serialiseUrlState(s)).get('my')).toBe(my);
		expect(parseUrlState(serialiseUrlState(s))).toEqual(s);
		// the device's remembered one where the link says nothing; the link's wins
		expect(parseUrlState('', { personal: my }).personal).toBe(my);
		const other = 'rollator.k-.s-.w-.st0.av.b100.vslow.uc';
		expect(parseUrlState(`?my=${other}`, { personal: my }).personal).toBe(other);
		const bad = parseUrlState('?my=wheelchair.k99&profile=rollator');
		expect(bad.personal).toBeUndefined();
		expect(bad.profile).toBe('rollator');
	});
});

describe('unreadLinkParts', () => {
	const unread = (search: string) => unreadLinkParts(search, parseUrlState(search));

	it("finds nothing in the app's own links, in links that say the defaults, or in others' parameters", () => {
		for (const mode of EVERY_MODE) {
			const link = serialiseUrlState({ ...full, mode });
			expect(unread(link), link).toEqual([]);
		}
		expect(
			unread('?mode=explore&view=map&lang=nl&profile=walking&net=0&only=&q=%20&page=1'),
		).toEqual([]);
		expect(unread('?mode=reports&page=1&unknown=optimistic')).toEqual([]);
		expect(unread('?utm_source=nieuwsbrief&fbclid=abc')).toEqual([]);
		// links from before modes existed
		expect(unread('?place=n1234&cat=gp')).toEqual([]);
		// numbers as numbers
		expect(unread('?mode=walkshed&min=010')).toEqual([]);
	});

	it("knows every parameter the app's links carry, for every mode", () => {
		// every field set: the personal profile and "my location" too
		const every: UrlState = {
			...full,
			personal: 'wheelchair.k2.s5.w1.5.st0.avrough.b-.vusual.uo',
			origin: { ...full.origin!, isHere: true },
		};
		for (const mode of EVERY_MODE)
			for (const name of new URLSearchParams(serialiseUrlState({ ...every, mode })).keys())
				expect(LINK_PARAMS.has(name), `${mode.kind}: ${name}`).toBe(true);
	});

	it('names each part it could not read, as the link gave it', () => {
		expect(unread('?mode=reports&barrier=trap&status=new&age=3&page=0&report=x')).toEqual([
			'barrier=trap',
			'age=3',
			'page=0',
			'report=x',
		]);
		expect(unread('?mode=route&a=999,999&b=4.8,51.2')).toEqual(['a=999,999']);
		expect(unread('?mode=walkshed&min=999')).toEqual(['min=999']);
		expect(unread('?mode=coverage&cats=gp,pharmacy&cat=dentist')).toEqual(['cat=dentist']);
		expect(unread('?mode=teleport&view=kaart&lang=de&profile=fiets')).toEqual([
			'mode=teleport',
			'view=kaart',
			'lang=de',
			'profile=fiets',
		]);
		expect(unread('?at=4.8,51.2,99&from=4.8&pts=nope&my=wheelchair.k99&area=Bad!')).toEqual([
			'at=4.8,51.2,99',
			'from=4.8',
			'pts=nope',
			'my=wheelchair.k99',
			'area=Bad!',
		]);
		// a mode without what it needs
		expect(unread('?mode=fixes&norm=500')).toEqual(['mode=fixes', 'norm=500']);
		// of a list, the items it could not read, alone
		expect(
			unread('?mode=coverage&cats=gp,%3Cx%3E,gp,pharmacy&norms=gp:0600,pharmacy:5,x:y'),
		).toEqual(['cats=<x>', 'norms=pharmacy:5,x:y']);
		expect(unread('?pts=barrier,nope,kerb&show=gp,,Bad!')).toEqual(['pts=nope', 'show=Bad!']);
		expect(unread('?mode=coverage&cats=gp,pharmacy&norms=pharmacy:400,gp:600')).toEqual([]);
	});

	it("names what the device's remembered values stand in for", () => {
		const remembered = {
			profile: 'rollator',
			personal: 'wheelchair.k2.s5.w1.5.st0.avrough.b-.vusual.uo',
		} as const;
		const withDevice = (search: string) =>
			unreadLinkParts(search, parseUrlState(search, remembered));
		expect(withDevice('?my=wheelchair.k99&at=4.8,51.2,99&profile=fiets')).toEqual([
			'my=wheelchair.k99',
			'at=4.8,51.2,99',
			'profile=fiets',
		]);
		expect(withDevice('?profile=rollator&at=4.812345678,51.2,14.256')).toEqual([]);
		expect(withDevice(`?my=${remembered.personal}`)).toEqual([]);
		// a link's built-in profile stands over the remembered personal one
		expect(parseUrlState('?profile=rollator', remembered)).toMatchObject({ profile: 'rollator' });
		expect(parseUrlState('?profile=rollator', remembered).personal).toBeUndefined();
		expect(parseUrlState('?q=bakker', remembered)).toMatchObject({
			profile: 'wheelchair',
			personal: remembered.personal,
		});
		// the remembered profile alone: the link's own stands
		expect(
			unreadLinkParts(
				'?profile=walking',
				parseUrlState('?profile=walking', { profile: 'rollator' }),
			),
		).toEqual([]);
	});

	it("carries the walking profile in every coordinator's and planner's link, over the receiver's own", () => {
		const remembered = {
			profile: 'rollator',
			personal: 'wheelchair.k2.s5.w1.5.st0.avrough.b-.vusual.uo',
		} as const;
		for (const kind of Object.keys(MODES) as (keyof typeof MODES)[]) {
			const mode = readMode(
				new URLSearchParams(`?mode=${kind}&place=n1&cat=pharmacy&cats=pharmacy&line=1733`),
			);
			expect(mode.kind).toBe(kind);
			const link = serialiseUrlState({ ...DEFAULT_STATE, mode });
			const opened = parseUrlState(link, remembered);
			if (MODES[kind].workspace === 'resident') {
				// a resident's link says only a profile other than walking: the receiver's own stands
				expect(new URLSearchParams(link).has('profile')).toBe(false);
				expect(opened).toMatchObject({ profile: 'wheelchair', personal: remembered.personal });
			} else {
				// the sender's figures were for walking: so are the receiver's
				expect(new URLSearchParams(link).get('profile')).toBe('walking');
				expect(opened.profile).toBe('walking');
				expect(opened.personal).toBeUndefined();
				expect(unreadLinkParts(link, opened)).toEqual([]);
			}
		}
	});

	it('cuts a long value and repeats hostile text as text', () => {
		const long = 'x'.repeat(100);
		expect(unread(`?barrier=${long}&mode=reports`)).toEqual([`barrier=${'x'.repeat(40)}…`]);
		expect(unread('?mode=reports&status=%3Cscript%3Ealert(1)%3C%2Fscript%3E')).toEqual([
			'status=<script>alert(1)</script>',
		]);
	});
});
