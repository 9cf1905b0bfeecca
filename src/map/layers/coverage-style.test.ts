import { describe, expect, it } from 'vitest';
import {
	classesOf,
	coverageLayers,
	hatchImage,
	neighbourhoodFill,
	originFeatures,
	storedCellFeatures,
	storedCellsLayer,
	valueOf,
} from './coverage-style.ts';
import type { Polygon } from 'geojson';

describe('coverage overlay', () => {
	it('gives each origin its own look: within, beyond, unreachable, edge of data, no figure, none mapped', () => {
		const lngLat = new Float64Array([4.8, 51.2, 4.81, 51.2, 4.82, 51.2, 4.83, 51.2, 4.84, 51.2]);
		const reason = [null, null, null, 'edge_of_data', 'isolated_fragment'];
		const d = new Float64Array([300, 900, Infinity, Infinity, Infinity]);
		const t = new Float64Array([240, 720, Infinity, Infinity, Infinity]);
		const fc = originFeatures(lngLat, reason, d, t, 500, 'shortfall', false);
		expect(fc.features.map((f) => f.properties)).toEqual([
			{ look: 'within', v: 0 },
			{ look: 'beyond', v: 400 },
			{ look: 'unreachable', v: null },
			{ look: 'edge', v: null },
			{ look: 'nofig', v: null },
		]);
		const none = originFeatures(lngLat, reason, d, t, 500, 'distance', true);
		expect(none.features.map((f) => f.properties.look)).toEqual([
			'none',
			'none',
			'none',
			'edge',
			'nofig',
		]);
	});

	it('colours by distance against the norm, by minutes, or by metres too far', () => {
		expect(classesOf('distance', 500).map((c) => c.upTo)).toEqual([250, 500, 750, Infinity]);
		expect(classesOf('time', 500).map((c) => c.upTo)).toEqual([5, 10, 15, Infinity]);
		expect(valueOf('time', 800, 630, 500)).toBe(10.5);
		expect(valueOf('distance', 800.4, 630, 500)).toBe(800);
	});

	it('shades neighbourhoods by their share of 65+ beyond the norm, transparent when none', () => {
		expect(neighbourhoodFill({})).toBe('rgba(0,0,0,0)');
		expect(neighbourhoodFill({ a: 0.05, b: 0.6, '': 0.9 })).toEqual([
			'match',
			['to-string', ['get', 'id']],
			'a',
			'#fff5eb',
			'b',
			'#d94801',
			'rgba(0,0,0,0)',
		]);
		const layers = coverageLayers('neighbourhoods', {}, 'distance', 500);
		expect(layers.edge.paint?.['fill-pattern']).toBe('coverage-hatch');
		expect(layers.neighbourhoods['source-layer']).toBe('neighbourhoods');
	});

	it('draws the stored cells of the category shown, by mean distance against the norm', () => {
		const square: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[4.8, 51.2],
					[4.81, 51.2],
					[4.81, 51.21],
					[4.8, 51.2],
				],
			],
		};
		const fc = storedCellFeatures(
			[
				{ geometry: square, value: 120, properties: { category: 'pharmacy' } },
				{ geometry: square, value: null, properties: { category: 'pharmacy' } },
				{ geometry: square, value: 900, properties: { category: 'grocery' } },
			],
			'pharmacy',
		);
		expect(fc.features.map((f) => f.properties.v)).toEqual([120, null]);
		const layer = storedCellsLayer(500);
		expect(layer.source).toBe('coverage-stored');
		expect(JSON.stringify(layer.paint?.['fill-color'])).toContain(
			'["step",["get","v"],"#1a9850",250.5',
		);
	});

	it('draws a hatch of diagonal lines', () => {
		const img = hatchImage();
		expect(img.data.length).toBe(img.width * img.height * 4);
		expect(img.data[3]).toBe(200);
		expect(img.data[4 * 5 + 3]).toBe(0);
	});
});
