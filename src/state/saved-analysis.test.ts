import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, loadLang, translate } from '../i18n/messages.ts';
import { VISIBILITIES } from '../contracts/enums.ts';
import { toCsv } from '../data/csv.ts';
import { blankSummary, type NeighbourhoodSummary } from '../analysis/summary.ts';
import type { CoverageSnapshot } from './coverage.svelte.ts';
import { DataError } from '../data/errors.ts';
import { checkLine } from '../data/validate.ts';
import {
	basisDifferences,
	basisOf,
	compareRecords,
	editsOf,
	inSavedOrder,
	savedErrorMessage,
	exportColumns,
	READ_ONLY_MESSAGE,
	exportRows,
	leftOutOf,
	leftOutReason,
	linkFailureOf,
	readRecord,
	splitGain,
	recordOf,
	storedRowsOf,
	summariesOf,
} from './saved-analysis.ts';

function row(
	id: string,
	name: string,
	beyond65: number | null,
	residents65 = 100,
): NeighbourhoodSummary {
	return {
		...blankSummary(id, name, 1),
		state: beyond65 === null ? 'none_mapped' : 'measured',
		residents: 400,
		residents65,
		residents80: 30,
		beyondResidents: beyond65 === null ? null : beyond65 * 3,
		beyond65,
		beyond80: beyond65 === null ? null : beyond65 / 2,
		beyondShare: null,
		beyond65Share: beyond65 === null ? null : beyond65 / residents65,
		beyond80Share: null,
		edgeOfDataResidents: 5,
		edgeOfData65: 1,
		originsEdgeOfData: 2,
	};
}

function snapshot(rows: NeighbourhoodSummary[], planned = 0): CoverageSnapshot {
	const whatIf =
		planned > 0
			? {
					categoryId: 'gp',
					add: [{ id: 'planned-1', lngLat: [4.7, 51.2] as [number, number], name: 'P1' }],
					removePlaceIds: [],
				}
			: undefined;
	return {
		params: {
			categoryIds: ['gp'],
			profile: 'walking',
			unknownMode: 'optimistic',
			norms: { gp: 900 },
		},
		results: [
			{
				categoryId: 'gp',
				normM: 900,
				state: 'measured',
				placeCount: 3,
				summary: rows,
				baseSummary: rows,
			},
		],
		whatIf,
		whatIfs: whatIf ? [whatIf] : [],
	};
}

describe('saved analyses', () => {
	it('a record round-trips through JSON and keeps the what-if edits', () => {
		const rec = recordOf('some-area', snapshot([row('A1', 'Centrum', 20)], 1));
		const back = readRecord(JSON.parse(JSON.stringify(rec)) as Record<string, unknown>);
		expect(back?.whatIf?.add).toHaveLength(1);
		expect(back?.whatIfs?.map((w) => w.categoryId)).toEqual(['gp']);
		// a save from before per-category edits: its one category's edits
		const { whatIfs: _, ...older } = back!;
		expect(editsOf(older).map((w) => w.add.length)).toEqual([1]);
		expect(back?.results[0]?.rows[0]).toMatchObject({
			neighbourhoodId: 'A1',
			beyond65: 20,
			beyond65Share: 0.2,
		});
		expect(back?.params.personal).toBeUndefined();
		expect(readRecord({ kind: 'other' })).toBeUndefined();
		expect(
			readRecord({ kind: 'coverage', tilesArea: 'x', params: {}, results: [] }),
		).toBeUndefined();
	});

	it('keeps the personal profile the analysis answered with; refuses one that does not fit', () => {
		const my = 'walking.k2.s5.w-.st1.av.b100.vslow.uc';
		const made = snapshot([row('A1', 'Centrum', 20)]);
		const rec = recordOf('some-area', { ...made, params: { ...made.params, personal: my } });
		const json = JSON.parse(JSON.stringify(rec)) as Record<string, unknown>;
		expect(readRecord(json)?.params.personal).toBe(my);
		const withPersonal = (personal: unknown) =>
			readRecord({ ...json, params: { ...rec.params, personal } });
		// another base than the record's profile, a text that does not read, not a text
		expect(withPersonal('wheelchair.k2.s5.w0.9.st0.avrough.b-.vusual.uo')).toBeUndefined();
		expect(withPersonal('walking.k99')).toBeUndefined();
		expect(withPersonal(2)).toBeUndefined();
	});

	it('compares per neighbourhood, largest change first, with unknowns apart', () => {
		const before = recordOf(
			'a',
			snapshot([row('A1', 'Centrum', 20), row('A2', 'Heide', 40), row('A3', 'Oud', 5)]),
		);
		const after = recordOf(
			'a',
			snapshot([row('A1', 'Centrum', 18), row('A2', 'Heide', 10), row('A4', 'Nieuw', 7)]),
		);
		const [c] = compareRecords(before, after);
		expect(c?.rows.map((r) => [r.neighbourhoodId, r.change])).toEqual([
			['A2', -30],
			['A1', -2],
			['A4', null],
			['A3', null],
		]);
		expect(c?.total).toBe(-32);
	});

	/** One-letter headers: the test reads the values. */
	const HEADERS = {
		analysis: 'a',
		profile: 'p',
		unknown: 'u',
		category: 'c',
		norm: 'n',
		neighbourhood: 'b',
		residents: 'r',
		residents65: 'r65',
		beyond: 'x',
		beyond65: 'x65',
		share65: 's',
		residents80: 'r80',
		beyond80: 'x80',
		edge: 'e',
		unknownShare: 'u%',
		planned: 'pl',
		switchedOff: 'off',
	};

	it('says what each side of a comparison was computed with, and where two differ (profile, unknown data, norm, data date)', () => {
		const walking = recordOf('some-area', snapshot([row('A1', 'Centrum', 20)]));
		const rollator = recordOf('some-area', snapshot([row('A1', 'Centrum', 18)]));
		rollator.params = { ...rollator.params, profile: 'rollator' };
		expect(basisOf(walking, 'gp', '2026-05-01')).toEqual({
			profile: 'walking',
			unknownMode: 'optimistic',
			normM: 900,
			dataVersion: '2026-05-01',
		});
		// a data date not stored is no difference
		expect(basisOf(walking, 'gp', 'unknown').dataVersion).toBeUndefined();
		const same = basisDifferences(basisOf(walking, 'gp'), basisOf(walking, 'gp', '2026-05-01'));
		expect(same).toEqual([]);
		// a change of profile is not a change in the neighbourhood
		expect(basisDifferences(basisOf(rollator, 'gp'), basisOf(walking, 'gp'))).toEqual(['profile']);
		const cautious = recordOf('some-area', snapshot([row('A1', 'Centrum', 20)]));
		cautious.params = { ...cautious.params, unknownMode: 'cautious' };
		cautious.results = cautious.results.map((r) => ({ ...r, normM: 500 }));
		expect(
			basisDifferences(basisOf(walking, 'gp', '2026-05-01'), basisOf(cautious, 'gp', '2026-09-01')),
		).toEqual(['unknown', 'norm', 'data']);
	});

	it('puts the older of two saved analyses first, whichever way they were chosen', () => {
		const older = { id: 'a', createdAt: '2026-03-01T09:00:00Z' };
		const newer = { id: 'b', createdAt: '2026-06-01T09:00:00Z' };
		expect(inSavedOrder(newer, older).map((x) => x.id)).toEqual(['a', 'b']);
		expect(inSavedOrder(older, newer).map((x) => x.id)).toEqual(['a', 'b']);
	});

	it("words a name's or note's refusal by its kind and field, never the data layer's English", () => {
		const refusal = (text: string, field = 'name') => {
			try {
				checkLine('savedAnalyses.save', field, text, 1, 120);
			} catch (e) {
				return savedErrorMessage(e);
			}
			return undefined;
		};
		expect(refusal('Plan <script>')).toEqual({
			key: 'savedErrorMarkup',
			values: { field: 'name' },
		});
		expect(refusal('Plan \u202eevil')).toEqual({
			key: 'savedErrorControl',
			values: { field: 'name' },
		});
		expect(refusal('')).toEqual({ key: 'savedNameMissing', values: { field: 'name' } });
		expect(refusal('x'.repeat(325))).toEqual({
			key: 'savedErrorTooLong',
			values: { field: 'name', max: 120, count: 325 },
		});
		expect(refusal('<b>', 'description')).toEqual({
			key: 'savedErrorMarkup',
			values: { field: 'note' },
		});
		// the backend's refusals by their kind
		const denied = new DataError('savedAnalyses.update', 'denied', 'permission denied');
		expect(savedErrorMessage(denied).key).toBe('savedErrorDenied');
		const offline = new DataError('savedAnalyses.remove', 'network', 'Failed to fetch');
		expect(savedErrorMessage(offline).key).toBe('savedErrorNetwork');
		// only an error of no known kind keeps its detail
		expect(savedErrorMessage(new Error('boom'))).toEqual({
			key: 'savedFailed',
			values: { detail: 'boom' },
		});
	});

	it('exports through the shared CSV writer: BOM, escaped formula cells, none mapped left empty', () => {
		const rec = recordOf(
			'a',
			snapshot([row('A1', '=HYPERLINK("x")', 20), row('A2', '-Heide', null)]),
		);
		rec.results[0]!.state = 'none_mapped';
		const csv = toCsv(
			exportRows(rec, (id) => `@${id}`, '+Nulmeting', {
				profile: 'In een rolstoel',
				unknown: 'voorzichtig',
			}),
			exportColumns(HEADERS),
			'nl',
		);
		expect(csv.startsWith('\uFEFFa;p;u;c;n;b;')).toBe(true);
		const lines = csv.split('\r\n');
		expect(lines[1]).toBe(
			`"'+Nulmeting";In een rolstoel;voorzichtig;"'@gp";900;"'=HYPERLINK(""x"")";400;100;;;;30;;5;;0;0`,
		);
		expect(lines[2]).toBe(
			`"'+Nulmeting";In een rolstoel;voorzichtig;"'@gp";900;"'-Heide";400;100;;;;30;;5;;0;0`,
		);
	});

	it("says with each row how many places its category's what-if planned and switched off", () => {
		const rec = recordOf('a', { ...snapshot([row('A1', 'Gierle', 20)], 1) });
		rec.whatIfs = [{ ...rec.whatIf!, removePlaceIds: ['n1', 'n2'] }];
		const csv = toCsv(
			exportRows(rec, (id) => id),
			exportColumns(HEADERS),
			'nl',
		);
		expect(csv.split('\r\n')[0]).toMatch(/;pl;off$/);
		expect(csv.split('\r\n')[1]).toMatch(/;1;2$/);
	});

	// the separator and the decimal mark follow the interface language of whoever exports
	for (const [lang, separator, residents, share] of [
		['nl', ';', '1571,5', '0,3333'],
		['fr', ';', '1571,5', '0,3333'],
		['en', ',', '1571.5', '0.3333'],
	] as const)
		it(`exports the table in ${lang} with "${separator}" between cells and ${residents} residents`, () => {
			const rec = recordOf('a', snapshot([row('A1', 'Lier, Kessel', 20)]));
			Object.assign(rec.results[0]!.rows[0]!, {
				residents: 1571.4530272483826,
				beyond65Share: 1 / 3,
			});
			const csv = toCsv(
				exportRows(rec, (id) => id, 'Nulmeting, 2026', {
					profile: 'In een rolstoel',
					unknown: 'voorzichtig',
				}),
				exportColumns(HEADERS),
				lang,
			);
			const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
				header: true,
				skipEmptyLines: true,
			});
			// guessed as a spreadsheet does: the expected separator, the row whole
			expect(parsed.meta.delimiter).toBe(separator);
			expect(parsed.errors).toEqual([]);
			expect(parsed.data).toHaveLength(1);
			expect(parsed.data[0]).toMatchObject({
				a: 'Nulmeting, 2026',
				b: 'Lier, Kessel',
				n: '900',
				r: residents,
				s: share,
			});
		});

	it('writes residents to a tenth and shares to four decimals, as the CLI does (with a decimal comma)', () => {
		const rec = recordOf('a', snapshot([row('A1', 'Gierle', 20)]));
		Object.assign(rec.results[0]!.rows[0]!, {
			residents: 1571.4530272483826,
			residents65: 264.04999,
			beyondResidents: 20.25,
			beyond65Share: 1 / 3,
			unknownShare: 0.125,
		});
		const csv = toCsv(
			exportRows(rec, (id) => id),
			exportColumns(HEADERS),
			'nl',
		);
		expect(csv.split('\r\n')[1]).toMatch(
			/^;;;gp;900;Gierle;1571,5;264;20,3;\d+(,\d)?;0,3333;30;10;\d+(,\d)?;0,125;0;0$/,
		);
	});

	/**
	 * A record of Vorselaar-Centrum (1304401, 12 beyond) and `other` (30 beyond), and its summaries
	 * for Vorselaar's two neighbourhoods.
	 */
	function savedFor(other: [string, string]) {
		const record = recordOf(
			'vorselaar-lille',
			snapshot([row('1304401', 'Vorselaar-Centrum', 12), row(other[0], other[1], 30)]),
		);
		const summaries = summariesOf(record, [
			{ id: '6f1c0000-0000-4000-8000-000000000001', code: '1304401' },
			{ id: '6f1c0000-0000-4000-8000-000000000002', code: '1304402' },
		]);
		return { record, summaries };
	}

	it("keys the summaries by the database's neighbourhood ids, found by their code; other municipalities' left out", () => {
		const { record, summaries } = savedFor(['1301901', 'Gierle']);
		expect(summaries).toEqual([
			{
				neighbourhoodId: '6f1c0000-0000-4000-8000-000000000001',
				summary: {
					code: '1304401',
					residents: 400,
					residents65: 100,
					residents80: 30,
					edgeOfDataResidents: 5,
					categories: {
						gp: {
							normM: 900,
							state: 'measured',
							beyondResidents: 36,
							beyond65: 12,
							beyond65Share: 0.12,
							beyond80: 6,
							// the stored table ranks as the live one does
							unknownShare: 0,
							unknownWeight: 0,
						},
					},
				},
			},
		]);
		// well under the database's 16 KiB per summary, even with every category
		expect(JSON.stringify(summaries[0]).length).toBeLessThan(1000);
		expect(summariesOf(record, [])).toEqual([]);
	});

	it('names the neighbourhoods a save leaves out, by the municipality they lie in (its NIS code starts theirs)', () => {
		const { record, summaries } = savedFor(['1301902', 'Lille (wijk)']);
		const rows = [
			...record.results[0]!.rows,
			{ ...record.results[0]!.rows[1]!, neighbourhoodId: '1301901', name: 'Gierle (Lille)' },
		];
		const kept = new Set(summaries.map((s) => s.summary.code as string));
		const municipalities = [
			{ nis: '13044', name: 'Vorselaar' },
			{ nis: '13019', name: 'Lille' },
		];
		expect(leftOutOf(rows, kept, municipalities)).toEqual([
			{
				nis: '13019',
				municipality: 'Lille',
				names: ['Gierle (Lille)', 'Lille (wijk)'],
				codes: ['1301901', '1301902'],
			},
		]);
		// exactly those summariesOf drops; a municipality the area does not name: by its code
		expect(leftOutOf(rows, kept, [])[0]!.municipality).toBe('13019');
		expect(leftOutOf(record.results[0]!.rows, new Set(['1304401', '1301902']), [])).toEqual([]);
	});

	it('reads the stored summaries back per category, by code, for the read-only table', () => {
		const { summaries } = savedFor(['1304402', 'Heide']);
		const names = new Map([
			['1304401', 'Vorselaar-Centrum'],
			['1304402', 'Heide'],
		]);
		const rows = storedRowsOf(summaries, 'gp', names);
		// by name; the figures as the record had them
		expect(rows.map((r) => [r.code, r.name, r.beyond65, r.beyond65Share, r.normM])).toEqual([
			['1304402', 'Heide', 30, 0.3, 900],
			['1304401', 'Vorselaar-Centrum', 12, 0.12, 900],
		]);
		expect(rows[0]).toMatchObject({
			residents: 400,
			residents65: 100,
			residents80: 30,
			beyond80: 15,
			edgeOfDataResidents: 5,
		});
		// a save from before 80+ was kept: no 80+ figure, not 0
		const older = structuredClone(summaries);
		for (const { summary } of older) {
			delete summary.residents80;
			delete (summary.categories as Record<string, Record<string, unknown>>).gp!.beyond80;
		}
		expect(storedRowsOf(older, 'gp', names)[0]).toMatchObject({
			residents80: null,
			beyond80: null,
		});
		// a category not stored, or a summary that does not read: nothing made up
		expect(storedRowsOf(summaries, 'pharmacy', names)).toEqual([]);
		expect(
			storedRowsOf([{ neighbourhoodId: 'x', summary: { categories: {} } }], 'gp', names),
		).toEqual([]);
		// an unknown code keeps its code as name
		expect(storedRowsOf(summaries, 'gp', new Map())[0]?.name).toBe('1304401');
	});
});

describe('a shared link and the stored table', () => {
	it('drops a link only when the backend says the analysis is not there or not the reader’s', () => {
		expect(linkFailureOf(new DataError('savedAnalyses.get', 'not_found', 'no row'))).toBe(
			'missing',
		);
		expect(linkFailureOf(new DataError('savedAnalyses.get', 'denied', 'rls'))).toBe('missing');
		// no connection, a server failure, a limit: the link is kept and tried again
		expect(linkFailureOf(new DataError('savedAnalyses.get', 'network', 'Failed to fetch'))).toBe(
			'unreachable',
		);
		expect(
			linkFailureOf(new DataError('savedAnalyses.get', 'unknown', '502', { kind: 'server' })),
		).toBe('unreachable');
		expect(linkFailureOf(new DataError('savedAnalyses.get', 'rate_limited', 'slow down'))).toBe(
			'unreachable',
		);
		expect(linkFailureOf(new TypeError('Failed to fetch'))).toBe('unreachable');
	});

	it('splits a gain into whole parts that add up to the headline, never −0', () => {
		// 12.4 + 7.4 = 19.8: the headline says +20, so the parts say 12 and 8 (not 12 and 7)
		expect(splitGain(19.8, 12.4)).toEqual({ kept: 12, rest: 8 });
		const tiny = splitGain(0.2, 0.4);
		expect(tiny).toEqual({ kept: 0, rest: 0 });
		expect(Object.is(tiny.rest, -0)).toBe(false);
		expect(Object.is(splitGain(-0.3, -0.3).kept, -0)).toBe(false);
	});

	it('says a neighbourhood of the municipality saved for is unknown, another’s is elsewhere', () => {
		expect(leftOutReason({ nis: '13044' }, '13044')).toBe('unknown');
		expect(leftOutReason({ nis: '13019' }, '13044')).toBe('elsewhere');
		expect(leftOutReason({ nis: '13044' }, undefined)).toBe('elsewhere');
	});
});

describe('the wording of a saved analysis the user may only read', () => {
	beforeAll(async () => {
		await loadLang('fr');
		await loadLang('en');
	});
	/** What each language calls a published analysis, and the team of the municipality. */
	const PUBLISHED = { nl: /gepubliceerd/i, fr: /publiée/i, en: /published/i };
	const TEAM = { nl: /team/, fr: /équipe/, en: /team/ };
	const YOU = { nl: /jou/, fr: /vous/, en: /you/ };

	it('says who sees it, as its visibility is: published, shared with the team, only you', () => {
		for (const lang of LANGUAGES)
			for (const v of VISIBILITIES) {
				const { list, panel } = READ_ONLY_MESSAGE[v];
				const texts = [translate(lang, list), translate(lang, panel, { name: 'Nulmeting' })];
				expect(texts[1]).toContain('Nulmeting');
				for (const text of texts) {
					// a team's analysis was called "published": residents do not see it
					if (v === 'public') expect(text).toMatch(PUBLISHED[lang]);
					else expect(text).not.toMatch(PUBLISHED[lang]);
					if (v === 'area_team') expect(text).toMatch(TEAM[lang]);
					if (v === 'private') expect(text).toMatch(YOU[lang]);
				}
			}
	});
});
