import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { neighbourhoodLocator } from './neighbourhood-locator.ts';

const square = (w: number, s: number, e: number, n: number) => [
	[w, s],
	[e, s],
	[e, n],
	[w, n],
	[w, s],
];

describe('neighbourhoodLocator', () => {
	// A: a square with a hole; B: the hole itself; C: two separate squares (a MultiPolygon)
	const a: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 4, 4), square(1, 1, 2, 2)] };
	const b: Polygon = { type: 'Polygon', coordinates: [square(1, 1, 2, 2)] };
	const c: MultiPolygon = {
		type: 'MultiPolygon',
		coordinates: [[square(5, 0, 6, 1)], [square(5, 3, 6, 4)]],
	};
	const locate = neighbourhoodLocator([{ geometry: a }, { geometry: b }, { geometry: c }]);

	it('finds the polygon that holds a point, holes and multipolygons included', () => {
		expect(locate(0.5, 0.5)).toBe(0);
		expect(locate(3.5, 3.5)).toBe(0);
		// inside A's hole: B, not A
		expect(locate(1.5, 1.5)).toBe(1);
		// both parts of C, not the gap between them that its box covers
		expect(locate(5.5, 0.5)).toBe(2);
		expect(locate(5.5, 3.5)).toBe(2);
		expect(locate(5.5, 2)).toBe(-1);
	});

	it('gives -1 outside every polygon', () => {
		expect(locate(-1, 2)).toBe(-1);
		expect(locate(4.5, 2)).toBe(-1);
		expect(locate(2, 10)).toBe(-1);
		expect(neighbourhoodLocator([])(0, 0)).toBe(-1);
	});
});
