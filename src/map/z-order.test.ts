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

	it("draws what a mode is about above the places' icons, below the neighbourhoods' names", () => {
		const at = (id: string) => (Z_ORDER as readonly string[]).indexOf(id);
		for (const subject of [
			'planner-points',
			'fixes-point',
			'fixes-label',
			'reports-point',
			'report-draft-point',
		]) {
			expect(at(subject), subject).toBeGreaterThan(at('places-icon'));
			expect(at(subject), subject).toBeGreaterThan(at('curated-point'));
		}
		expect(at('fixes-label')).toBeGreaterThan(at('fixes-point'));
		expect(at('fixes-label')).toBeLessThan(at('neighbourhoods-label'));
	});

	it('throws for an unknown layer id', () => {
		expect(() => beforeIdFor('nope', new Set())).toThrow(/"nope" is not in map\/z-order\.ts/);
	});
});
