import { describe, expect, it } from 'vitest';
import { isCategoryId } from '../contracts/taxonomy.ts';
import {
	helpLinesFor,
	municipalitiesOfLine,
	parseHelpLines,
	regionOfMunicipality,
	repositoryHelpLines,
	sourceAgeYears,
} from './help-lines.ts';

const line = (over: Record<string, unknown> = {}) => ({
	id: 'x',
	scope: ['BE'],
	name: { nl: 'N', fr: 'F', en: 'E' },
	phone: '106',
	what: { nl: 'n', fr: 'f', en: 'e' },
	categories: [],
	source: { url: 'https://example.org/a', title: 'T', date: '2025-01-01' },
	...over,
});

describe('help lines as data', () => {
	it('reads the repository file: every entry has nl/fr/en, a number, known kinds and a dated https source', () => {
		const lines = repositoryHelpLines();
		expect(lines.length).toBeGreaterThanOrEqual(3);
		expect(lines.map((l) => l.phone)).toEqual(expect.arrayContaining(['106', '1733']));
	});

	it('names the entry and the field that is wrong', () => {
		const parse = (l: unknown) => parseHelpLines({ lines: [l] }, isCategoryId);
		expect(() =>
			parse(line({ source: { url: 'http://x', title: 'T', date: '2025-01-01' } })),
		).toThrow(/help line x: source.url must be an https link/);
		expect(() => parse(line({ source: { url: 'https://x', title: 'T' } }))).toThrow(
			/source.date must be YYYY-MM-DD/,
		);
		expect(() => parse(line({ what: { nl: 'n', fr: '' } }))).toThrow(
			/what: the fr text is missing/,
		);
		expect(() => parse(line({ categories: ['apotheek'] }))).toThrow(/unknown categories apotheek/);
		expect(() => parse(line({ scope: ['Vorselaar'] }))).toThrow(/scope must list/);
		expect(() => parse(line({ phone: 'call us' }))).toThrow(/phone must be digits/);
		expect(() => parse(line({ words: { nl: 'dokter' } }))).toThrow(/the nl words must be a list/);
		expect(parse(line()).map((l) => l.words)).toEqual([{ nl: [], fr: [], en: [] }]);
		expect(() => parseHelpLines({ lines: [line(), line()] }, isCategoryId)).toThrow(/used twice/);
	});

	it('knows the region of a municipality from its NIS code', () => {
		expect(regionOfMunicipality('13044')).toBe('02000'); // Vorselaar, province of Antwerp
		expect(regionOfMunicipality('24062')).toBe('02000'); // Leuven
		expect(regionOfMunicipality('21004')).toBe('04000'); // Brussels
		expect(regionOfMunicipality('62063')).toBe('03000'); // Liège
	});

	it('offers the lines of the municipality, its region and Belgium for the kind, municipal first', () => {
		const lines = parseHelpLines(
			{
				lines: [
					line({ id: 'be', scope: ['BE'], categories: ['gp'] }),
					line({ id: 'region', scope: ['02000'], categories: ['mental_health'] }),
					line({ id: 'wallonia', scope: ['03000'] }),
					line({ id: 'own', scope: ['13044'] }),
					line({ id: 'other', scope: ['13019'] }),
				],
			},
			isCategoryId,
		);
		expect(helpLinesFor(lines, ['13044'], 'mental_health').map((l) => l.id)).toEqual([
			'own',
			'region',
		]);
		expect(helpLinesFor(lines, ['13044'], 'gp').map((l) => l.id)).toEqual(['own', 'be']);
		expect(helpLinesFor(lines, ['62063'], 'gp').map((l) => l.id)).toEqual(['wallonia', 'be']);
	});

	it('says which municipality of an area a line is for; none for regional and national lines', () => {
		const [own, be] = parseHelpLines(
			{ lines: [line({ id: 'own', scope: ['13044'] }), line({ id: 'be', scope: ['BE'] })] },
			isCategoryId,
		);
		expect(municipalitiesOfLine(own!, ['13044', '13019'])).toEqual(['13044']);
		expect(municipalitiesOfLine(be!, ['13044', '13019'])).toEqual([]);
	});

	it('counts a source’s age in whole years, to the day', () => {
		const now = new Date('2026-12-06T12:00:00Z');
		expect(sourceAgeYears('2020-05-05', now)).toBe(6);
		expect(sourceAgeYears('2024-12-06', now)).toBe(2);
		expect(sourceAgeYears('2024-12-07', now)).toBe(1);
		expect(sourceAgeYears('2027-01-01', now)).toBe(0);
	});
});
