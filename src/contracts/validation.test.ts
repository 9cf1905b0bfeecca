import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
	ValidationError,
	bboxSchema,
	formatIssue,
	isLngLat,
	lngLatSchema,
	parseWith,
	rule,
	validationIssues,
} from './validation.ts';

describe('Valibot issues as ValidationIssue {path, kind, limit, found}', () => {
	const schema = v.object({
		name: v.pipe(v.string(), v.nonEmpty('length')),
		age: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(130))),
		kind: v.optional(v.picklist(['a', 'b'])),
		items: v.optional(v.array(v.object({ at: lngLatSchema }))),
	});

	it('names the path and the kind of each rule broken, with its limit and what was found', () => {
		expect(validationIssues(schema, { age: 3 })).toEqual([
			{ path: 'name', kind: 'missing', limit: '', found: undefined },
		]);
		expect(validationIssues(schema, { name: 7 })).toEqual([
			{ path: 'name', kind: 'type', limit: 'string', found: 7 },
		]);
		expect(validationIssues(schema, { name: '' })).toEqual([
			{ path: 'name', kind: 'length', limit: '!0', found: '' },
		]);
		expect(validationIssues(schema, { name: 'x', age: 140 })).toEqual([
			{ path: 'age', kind: 'range', limit: 130, found: 140 },
		]);
		expect(validationIssues(schema, { name: 'x', age: 1.5 })[0]).toMatchObject({
			path: 'age',
			kind: 'integer',
		});
		expect(validationIssues(schema, { name: 'x', kind: 'c' })[0]).toMatchObject({
			path: 'kind',
			kind: 'value',
			found: 'c',
		});
		expect(
			validationIssues(schema, { name: 'x', items: [{ at: [4.8, 51.2] }, { at: [4.8, 91] }] }),
		).toEqual([
			{ path: 'items[1].at', kind: 'lngLat', limit: '[-180..180, -90..90]', found: [4.8, 91] },
		]);
	});

	it('is the one lng/lat and bbox check', () => {
		expect(isLngLat([4.8, 51.2])).toBe(true);
		for (const bad of [[4.8], [181, 0], [0, -91], [Number.NaN, 0], ['4', 51], null])
			expect(isLngLat(bad), JSON.stringify(bad)).toBe(false);
		expect(v.is(bboxSchema, [4.7, 51.1, 4.9, 51.3])).toBe(true);
		expect(v.is(bboxSchema, [4.9, 51.1, 4.7, 51.3])).toBe(false);
		expect(v.is(bboxSchema, [4.7, 51.1, 190, 51.3])).toBe(false);
	});

	it('lets a custom rule name its kind and limit, on a field of its object', () => {
		const stretch = v.pipe(
			v.object({ lengthM: v.number() }),
			rule('stretchLength', 125, (s) => s.lengthM <= 125, 'lengthM'),
		);
		expect(validationIssues(stretch, { lengthM: 200 })).toEqual([
			{ path: 'lengthM', kind: 'stretchLength', limit: 125, found: 200 },
		]);
		expect(validationIssues(stretch, { lengthM: 100 })).toEqual([]);
	});

	it('throws a ValidationError naming the first issue, or returns the typed value', () => {
		expect(parseWith(schema, { name: 'x' }, 'person')).toEqual({ name: 'x' });
		let thrown: unknown;
		try {
			parseWith(schema, { name: 'x', age: -1 }, 'person');
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(ValidationError);
		expect((thrown as ValidationError).message).toBe('person: age: range (limit 0, found -1)');
		expect((thrown as ValidationError).issue).toEqual({
			path: 'age',
			kind: 'range',
			limit: 0,
			found: -1,
		});
		expect(formatIssue({ path: '', kind: 'type', limit: 'Object', found: 'x' })).toBe(
			'(the whole value): type (limit Object, found "x")',
		);
	});
});
