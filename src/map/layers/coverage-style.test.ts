import { describe, expect, it } from 'vitest';
import {
	classesOf,
	coverageLayers,
	hatchImage,
	markLayers,
	neighbourhoodClasses,
	originClasses,
	originPoints,
	ORIGIN_CLASS,
	shareClass,
	storedCellFeatures,
	storedCellsLayer,
	valueOf,
} from './coverage-style.ts';
import type { Polygon } from 'geojson';
import type { CircleLayerSpecification } from 'maplibre-gl';
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';
import { ORIGIN_REASONS, type OriginReason } from '../../analysis/bundle.ts';

describe('coverage overlay', () => {
	it("gives each origin its class: the colouring's, unreachable, edge of data, no figure, none mapped", () => {
		// the columns' reasons: indexes into ORIGIN_REASONS (0 none)
		const reason = ['none', 'none', 'none', 'none', 'edge_of_data', 'isolated_fragment'].map((r) =>
			ORIGIN_REASONS.indexOf(r as OriginReason),
		);
		const d = new Float64Array([100, 300, 900, Infinity, Infinity, Infinity]);
		const t = new Float64Array([80, 240, 720, Infinity, Infinity, Infinity]);
		const { unreachable, edge, noFigure } = ORIGIN_CLASS;
		// shortfall: 0 within the norm, 400 m beyond it (in the 250..500 class)
		expect([...originClasses(reason, d, t, 500, 'shortfall', false, 1.25)]).toEqual([
			0,
			0,
			2,
			unreachable,
			edge,
			noFigure,
		]);
		// distance: 100 ≤ 250, 300 ≤ 500, 900 > 750
		expect([...originClasses(reason, d, t, 500, 'distance', false, 1.25)]).toEqual([
			0,
			1,
			3,
			unreachable,
			edge,
			noFigure,
		]);
		// a category none mapped: grey throughout, the edge of the data still hollow
		expect([...originClasses(reason, d, t, 500, 'distance', true, 1.25)]).toEqual([
			noFigure,
			noFigure,
			noFigure,
			noFigure,
			edge,
			noFigure,
		]);
		const fc = originPoints(new Float64Array([4.8, 51.2, 4.81, 51.3]));
		expect(fc.features.map((f) => [f.id, f.geometry.coordinates])).toEqual([
			[0, [4.8, 51.2]],
			[1, [4.81, 51.3]],
		]);
	});

	it('colours by distance against the norm, by minutes, or by metres too far', () => {
		expect(classesOf('distance', 500).map((c) => c.upTo)).toEqual([250, 500, 750, Infinity]);
		// time: the norm's length at the profile's speed (800 m at 4.5 km/h: 10.7 min; at 3 km/h: 16)
		expect(classesOf('time', 800, 1.25).map((c) => c.upTo)).toEqual([5.4, 10.7, 16, Infinity]);
		expect(classesOf('time', 800, 3 / 3.6).map((c) => c.upTo)).toEqual([8, 16, 24, Infinity]);
		expect(classesOf('shortfall', 800).map((c) => c.upTo)).toEqual([0, 250, 500, Infinity]);
		// time needs the profile's speed: without one it would colour by nothing
		expect(() => classesOf('time', 800)).toThrow(/need a speed/);
		expect(valueOf('time', 800, 630, 500)).toBe(10.5);
		expect(valueOf('distance', 800.4, 630, 500)).toBe(800);
	});

	it('shades neighbourhoods by their share of 65+ beyond the norm, through feature-state', () => {
		expect([0, 0.05, 0.1, 0.3, 0.6, 1].map(shareClass)).toEqual([0, 0, 1, 2, 3, 3]);
		// by the whole percentage the table shows: 24.6 % is "25 %", from 25 %
		expect([0.246, 0.244, 0.0951].map(shareClass)).toEqual([2, 1, 1]);
		// the "" row (outside every neighbourhood) has no polygon
		expect([...neighbourhoodClasses({ a: 0.05, b: 0.6, '': 0.9 })]).toEqual([
			['a', 0],
			['b', 3],
		]);
		const layers = coverageLayers('neighbourhoods');
		expect(layers.edge.paint?.['fill-pattern']).toBe('coverage-hatch');
		expect(layers.neighbourhoods['source-layer']).toBe('neighbourhoods');
		// the paint reads feature-state only: the figures never change it
		expect(JSON.stringify(layers.neighbourhoods.paint)).toContain('["feature-state","s"]');
		expect(JSON.stringify(layers.origins.paint)).toContain('["feature-state","c"]');
		expect(JSON.stringify(layers)).not.toContain('"get"');
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

describe('planned places and suggestions', () => {
	/**
	 * How MapLibre binds each circle paint property when it compiles a layer's shader program
	 * (ProgramConfiguration's cache key): a uniform for a constant or zoom-only value, a vertex
	 * attribute for a per-feature one (data or feature-state), both for zoom-and-feature.
	 */
	const bindingOf = (layer: CircleLayerSpecification): Record<string, string> => {
		const spec = latest.paint_circle as Record<string, unknown>;
		const paint = (layer.paint ?? {}) as Record<string, unknown>;
		return Object.fromEntries(
			Object.keys(spec).map((name) => {
				const value = paint[name];
				if (value === undefined) return [name, 'uniform'];
				const parsed = createPropertyExpression(
					value,
					`layers[${layer.id}].paint.${name}`,
					spec[name] as never,
				);
				if (parsed.result !== 'success') throw new Error(`${name}: ${JSON.stringify(parsed)}`);
				const kind = parsed.value.kind;
				return [
					name,
					kind === 'constant' || kind === 'camera'
						? 'uniform'
						: kind === 'source'
							? 'attribute'
							: 'zoom and attribute',
				];
			}),
		);
	};

	it("are one circle layer drawn with the origins' shader program, coloured by kind", () => {
		const [circle, label] = markLayers();
		expect(circle.id).toBe('coverage-marks-circle');
		expect(label.id).toBe('coverage-marks-label');
		const origins = coverageLayers('polygons').origins;
		// the same program: every paint property bound the same way as the origins' layer's
		expect(bindingOf(circle)).toEqual(bindingOf(origins));
		expect(bindingOf(circle)['circle-color']).toBe('attribute');
		// the look kept: planned blue, suggested purple, 11 px with a 2 px white ring
		const color = circle.paint!['circle-color'];
		expect(color).toEqual(['match', ['get', 'kind'], 'planned', '#1f4e9c', '#6a3d9a']);
		expect(circle.paint!['circle-radius']).toBe(11);
		expect(circle.paint!['circle-stroke-color']).toBe('#ffffff');
		expect(circle.paint!['circle-stroke-width']).toEqual([
			'match',
			['get', 'kind'],
			'planned',
			2,
			2,
		]);
	});
});
