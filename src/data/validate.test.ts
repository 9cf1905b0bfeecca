import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DataError, fromBackend } from './errors.ts';
import {
	checkAnalysisInput,
	checkCell,
	checkLine,
	checkPlaceInput,
	checkReportInput,
	checkStretch,
	checkText,
	checkTransition,
} from './validate.ts';

const op = 'test.op';

function errorOf(fn: () => unknown): DataError {
	try {
		fn();
	} catch (err) {
		expect(err).toBeInstanceOf(DataError);
		return err as DataError;
	}
	throw new Error('expected a DataError');
}

const square = (lon: number, lat: number, d: number): Polygon => ({
	type: 'Polygon',
	coordinates: [
		[
			[lon, lat],
			[lon + d, lat],
			[lon + d, lat + d],
			[lon, lat + d],
			[lon, lat],
		],
	],
});

describe('text rules (as the database checks them)', () => {
	it('accepts Dutch, French and emoji text within the limits, counted in characters', () => {
		expect(checkLine(op, 'name', 'Café ’t Hoekske 🙂', 1, 17)).toBe('Café ’t Hoekske 🙂');
		expect(checkText(op, 'description', 'Twee\nregels\r\nen\ttab', 100)).toBe(
			'Twee\nregels\r\nen\ttab',
		);
	});

	it.each([
		['too long', 'a'.repeat(201), /1 to 200 characters, got 201/],
		['empty', '', /1 to 200 characters, got 0/],
		['padded', ' Kerk ', /spaces/],
		['NUL', 'a\u0000b', /control/],
		['newline in a one-line field', 'a\nb', /control/],
		['right-to-left override', 'abc\u202Efed', /direction/],
		['markup', 'Kerk <img src=x>', /markup/],
		['closing tag', 'x</script>', /markup/],
	])('refuses %s with an error naming the operation and field', (_case, value, message) => {
		const err = errorOf(() => checkLine(op, 'name', value, 1, 200));
		expect(err.code).toBe('invalid');
		expect(err.operation).toBe(op);
		expect(err.message).toMatch(/^test\.op: name/);
		expect(err.message).toMatch(message);
	});

	it('gives the UI the kind and the figures of a broken length rule (one-line and multi-line text)', () => {
		const short = errorOf(() => checkLine(op, 'name', '', 1, 200));
		expect(short.kind).toBe('too_short');
		expect(short.values).toMatchObject({ field: 'name', min: 1, max: 200, count: 0 });
		const long = errorOf(() => checkText(op, 'description', 'é'.repeat(11), 10));
		expect(long.message).toBe('test.op: description must have at most 10 characters, got 11');
		expect(long.kind).toBe('too_long');
		expect(long.values).toMatchObject({ field: 'description', max: 10, count: 11 });
		expect(errorOf(() => checkText(op, 'description', 'a\u0000', 10)).kind).toBe(
			'control_characters',
		);
		expect(errorOf(() => checkText(op, 'description', '<b>', 10)).kind).toBe('markup');
		expect(errorOf(() => checkLine(op, 'name', 42, 1, 10)).message).toBe(
			'test.op: name must be text',
		);
	});

	it('keeps comparisons that are not markup', () => {
		expect(checkText(op, 'description', 'helling < 6 % en > 2 cm', 100)).toBe(
			'helling < 6 % en > 2 cm',
		);
	});
});

describe('geometry rules', () => {
	/** A ring that crosses itself. */
	const bowtie: Polygon = {
		type: 'Polygon',
		coordinates: [
			[
				[4.8, 51.2],
				[4.81, 51.21],
				[4.81, 51.2],
				[4.8, 51.21],
				[4.8, 51.2],
			],
		],
	};

	it('accepts a stretch of 1 m to 2 km and refuses longer or degenerate ones', () => {
		expect(
			checkStretch(op, 'location', {
				type: 'LineString',
				coordinates: [
					[4.77, 51.2],
					[4.771, 51.2],
				],
			}).coordinates,
		).toHaveLength(2);
		expect(
			errorOf(() =>
				checkStretch(op, 'location', {
					type: 'LineString',
					coordinates: [
						[4.77, 51.2],
						[4.8, 51.2],
					],
				}),
			).message,
		).toMatch(/must be 1 m to 2 km long, got 209[0-9] m/);
		expect(
			errorOf(() =>
				checkStretch(op, 'location', {
					type: 'LineString',
					coordinates: [
						[4.77, 51.2],
						[4.77, 51.2],
					],
				}),
			).message,
		).toMatch(/got 0 m/);
	});

	it('refuses cells that intersect themselves, are open, too large or outside Belgium', () => {
		expect(checkCell(op, 'cell', square(4.77, 51.2, 0.001)).type).toBe('Polygon');
		expect(errorOf(() => checkCell(op, 'cell', bowtie)).message).toMatch(/intersects itself/);
		const open: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[4.8, 51.2],
					[4.81, 51.2],
					[4.81, 51.21],
					[4.8, 51.21],
				],
			],
		};
		expect(errorOf(() => checkCell(op, 'cell', open)).message).toMatch(/closed/);
		expect(errorOf(() => checkCell(op, 'cell', square(4.77, 51.2, 0.02))).message).toMatch(/1 km²/);
		expect(errorOf(() => checkCell(op, 'cell', square(2.3, 48.8, 0.001))).message).toMatch(
			/outside Belgium/,
		);
	});

	it('names the path and the limit of the geometric rule broken (Valibot schemas with custom checks)', () => {
		const long = errorOf(() =>
			checkStretch(op, 'location', {
				type: 'LineString',
				coordinates: [
					[4.77, 51.2],
					[4.8, 51.2],
				],
			}),
		);
		expect(long.kind).toBe('bad_stretch');
		expect(long.values).toEqual({ field: 'location', path: '', limit: '1..2000' });
		const abroad = errorOf(() =>
			checkStretch(op, 'location', {
				type: 'LineString',
				coordinates: [
					[4.77, 51.2],
					[2.3, 48.8],
				],
			}),
		);
		expect(abroad.kind).toBe('outside_belgium');
		expect(abroad.values).toMatchObject({ field: 'location', path: 'coordinates[1]' });
		const crossing = errorOf(() => checkCell(op, 'cell', bowtie));
		expect(crossing.kind).toBe('malformed_geometry');
		expect(crossing.values).toEqual({ field: 'cell', path: 'coordinates', limit: 'simple' });
		const ring = errorOf(() =>
			checkCell(op, 'cell', { type: 'Polygon', coordinates: [[[4.8, 51.2]]] }),
		);
		expect(ring.message).toMatch(/a ring needs at least 4 positions/);
		expect(ring.values).toMatchObject({ path: 'coordinates[0]', limit: '4' });
	});

	it('refuses NaN and out-of-range coordinates', () => {
		const report = {
			id: crypto.randomUUID(),
			clientId: crypto.randomUUID(),
			kind: 'other' as const,
			description: '',
		};
		expect(
			errorOf(() =>
				checkReportInput(op, {
					...report,
					location: { type: 'Point', coordinates: [Number.NaN, 51.2] },
				}),
			).message,
		).toMatch(/\[longitude, latitude\]/);
		expect(
			errorOf(() =>
				checkReportInput(op, { ...report, location: { type: 'Point', coordinates: [4.77, 91] } }),
			).message,
		).toMatch(/outside Belgium/);
	});
});

describe('entity rules', () => {
	const place = {
		areaId: '00000000-0000-4000-8000-000000000001',
		name: 'Dorpsdienst',
		categories: ['village_service' as const],
		location: { type: 'Point' as const, coordinates: [4.77, 51.2] },
		source: 'gemeente',
	};

	it('fills the defaults of a place', () => {
		expect(checkPlaceInput(op, place)).toMatchObject({
			description: '',
			targetGroups: [],
			wheelchair: null,
			visibility: 'area_team',
		});
	});

	it.each([
		[{ categories: [] }, /categories must have 1 to 8 entries/],
		[{ categories: ['gp', 'gp2'] }, /categories: unknown value "gp2"/],
		[{ visibility: 'private' }, /visibility: unknown value "private"/],
		[{ phone: 'bel me' }, /phone is not in the expected form/],
		[{ email: 'a@b' }, /email is not in the expected form/],
		[{ areaId: 'vorselaar' }, /areaId must be a UUID/],
	])('refuses a place with %o', (change, message) => {
		expect(errorOf(() => checkPlaceInput(op, { ...place, ...change } as never)).message).toMatch(
			message,
		);
	});

	it('names where in a list the unknown value is, and the length limit broken', () => {
		const unknown = errorOf(() =>
			checkPlaceInput(op, { ...place, categories: ['gp', 'gp2'] } as never),
		);
		expect(unknown.kind).toBe('unknown_value');
		expect(unknown.values).toMatchObject({ field: 'categories', path: '[1]' });
		const empty = errorOf(() => checkPlaceInput(op, { ...place, categories: [] }));
		expect(empty.values).toEqual({ field: 'categories', path: '', limit: '1' });
	});

	it('refuses an analysis with a neighbourhood twice, a non-finite value or oversized parameters', () => {
		const analysis = {
			areaId: place.areaId,
			name: 'A',
			parameters: {},
			engineVersion: '1',
			dataVersion: '1',
			summaries: [],
			cells: [],
		};
		const n = '00000000-0000-4000-8000-000000000002';
		expect(
			errorOf(() =>
				checkAnalysisInput(op, {
					...analysis,
					summaries: [
						{ neighbourhoodId: n, summary: {} },
						{ neighbourhoodId: n, summary: {} },
					],
				}),
			).message,
		).toMatch(/twice/);
		expect(
			errorOf(() =>
				checkAnalysisInput(op, {
					...analysis,
					cells: [{ geometry: square(4.77, 51.2, 0.001), value: Infinity }],
				}),
			).message,
		).toMatch(/finite/);
		expect(
			errorOf(() =>
				checkAnalysisInput(op, { ...analysis, parameters: { blob: 'x'.repeat(70_000) } }),
			).message,
		).toMatch(/at most 65536 bytes/);
		// parameters that are a list, not an object, are refused naming the field
		expect(
			errorOf(() =>
				checkAnalysisInput(op, {
					...analysis,
					parameters: [1, 2] as unknown as Record<string, unknown>,
				}),
			).message,
		).toBe('test.op: parameters must be a JSON object');
	});

	it('allows only the report transitions the database allows', () => {
		expect(() => checkTransition(op, 'new', 'acknowledged', 'planner')).not.toThrow();
		expect(() => checkTransition(op, 'acknowledged', 'resolved', 'planner')).not.toThrow();
		expect(() => checkTransition(op, 'new', 'withdrawn', 'reporter')).not.toThrow();
		expect(errorOf(() => checkTransition(op, 'resolved', 'new', 'planner')).code).toBe('invalid');
		expect(errorOf(() => checkTransition(op, 'new', 'resolved', 'planner')).code).toBe('invalid');
		expect(errorOf(() => checkTransition(op, 'acknowledged', 'withdrawn', 'reporter')).code).toBe(
			'denied',
		);
		expect(errorOf(() => checkTransition(op, 'new', 'acknowledged', 'reporter')).code).toBe(
			'denied',
		);
	});
});

describe('backend errors', () => {
	it.each([
		[{ code: '23505', message: 'duplicate key value' }, 'duplicate'],
		[
			{ code: '23514', message: 'violates check constraint "curated_places_name_clean"' },
			'invalid',
		],
		[{ code: '42501', message: 'new row violates row-level security policy' }, 'denied'],
		[{ code: 'PGRST301', message: 'JWSError' }, 'denied'],
		[{ code: 'PT429', message: 'rate limit' }, 'rate_limited'],
		[{ code: '', message: 'TypeError: fetch failed' }, 'network'],
		[{ code: '57014', message: 'canceling statement due to statement timeout' }, 'unknown'],
	] as const)('maps %o to %s', (error, code) => {
		const err = fromBackend('places.create', error);
		expect(err.code).toBe(code);
		expect(err.message).toBe(`places.create: ${error.message}`);
	});
});
