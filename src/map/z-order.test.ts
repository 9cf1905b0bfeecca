import { describe, expect, it } from 'vitest';
import { Z_ORDER, beforeIdFor } from './z-order.ts';

describe('z-order', () => {
	it('lists every id once', () => {
		expect(new Set(Z_ORDER).size).toBe(Z_ORDER.length);
	});

	it('places a layer below the next present layer', () => {
		const present = new Set(['background', 'neighbourhoods-label']);
		expect(beforeIdFor('neighbourhoods-fill', present)).toBe('neighbourhoods-label');
		expect(beforeIdFor('neighbourhoods-label', present)).toBeUndefined();
	});

	it('throws for an unknown layer id', () => {
		expect(() => beforeIdFor('nope', new Set())).toThrow(/"nope" is not in map\/z-order\.ts/);
	});
});
