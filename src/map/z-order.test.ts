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

	it("draws what a mode is about above the places' icons; the fixes' ranks above the neighbourhoods' names too", () => {
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
		// a name's text ran across the rank "1" where a fix lies in a village's centre
		expect(at('fixes-point')).toBeGreaterThan(at('neighbourhoods-label'));
	});

	it("draws the basemap's names above the areas and lines laid over the streets, below every marker", () => {
		const at = (id: string) => (Z_ORDER as readonly string[]).indexOf(id);
		const names = at('basemap-road-labels');
		expect(at('basemap-place-labels')).toBeGreaterThan(names);
		// shading, the accessible-routes lines, rest gaps, walksheds, routes, fixes, the address dots
		const under = ['neighbourhoods-fill', 'completeness-fill', 'network-known', 'rest-gap'];
		under.push('walkshed-wheelchair', 'planner-avoided', 'fixes-line', 'coverage-origins');
		under.push('route-casing', 'route-line', 'route-unknown');
		for (const id of under) expect(at(id), id).toBeLessThan(names);
		for (const over of [
			'network-points',
			'origin-point',
			'places-icon',
			'planner-points',
			'fixes-point',
			'reports-point',
			'report-draft-point',
		])
			expect(at(over), over).toBeGreaterThan(at('basemap-place-labels'));
		// the neighbourhoods' names' invisible boxes are placed just before the basemap's names
		// (MapLibre places the top layer first), so those names keep out of them
		expect(at('neighbourhoods-label-collision')).toBe(at('basemap-place-labels') + 1);
	});

	it('throws for an unknown layer id', () => {
		expect(() => beforeIdFor('nope', new Set())).toThrow(/"nope" is not in map\/z-order\.ts/);
	});
});
