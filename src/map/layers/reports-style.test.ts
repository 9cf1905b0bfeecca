import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { Z_ORDER } from '../z-order.ts';
import {
	draftGeoJson,
	draftLayers,
	REPORT_DRAFT_SOURCE,
	REPORT_EDIT_SOURCE,
	reportsGeoJson,
	reportsLayers,
	REPORTS_SOURCE,
} from './reports-style.ts';

const stretch = {
	type: 'LineString' as const,
	coordinates: [
		[4.82, 51.238],
		[4.821, 51.2385],
	],
};

describe('report layers', () => {
	it('make a valid style, every layer in the z-order registry', () => {
		const layers = [...reportsLayers(), ...draftLayers(), ...draftLayers(REPORT_EDIT_SOURCE)];
		const style = {
			version: 8 as const,
			sources: {
				[REPORTS_SOURCE]: {
					type: 'geojson' as const,
					data: reportsGeoJson([{ id: 'a', status: 'new' as const, location: stretch }], 'a'),
				},
				[REPORT_DRAFT_SOURCE]: { type: 'geojson' as const, data: draftGeoJson(stretch) },
				[REPORT_EDIT_SOURCE]: { type: 'geojson' as const, data: draftGeoJson(stretch) },
			},
			layers,
		};
		expect(validateStyleMin(style)).toEqual([]);
		for (const layer of layers) expect(Z_ORDER).toContain(layer.id);
		// the report being corrected has its own layers, above the one being written
		expect(draftLayers(REPORT_EDIT_SOURCE).map((l) => l.id)).toEqual([
			'report-edit-line',
			'report-edit-point',
			'report-edit-point-box',
		]);
	});

	it('draw the draft: a point, or the stretch with its points', () => {
		expect(draftGeoJson(undefined).features).toEqual([]);
		expect(draftGeoJson({ type: 'Point', coordinates: [4.8, 51.2] }).features).toHaveLength(1);
		const drawn = draftGeoJson(stretch).features.map((f) => f.geometry.type);
		expect(drawn).toEqual(['LineString', 'Point', 'Point']);
		// one point of a stretch so far: just the point
		expect(
			draftGeoJson({ type: 'LineString', coordinates: [[4.8, 51.2]] }).features.map(
				(f) => f.geometry.type,
			),
		).toEqual(['Point']);
	});

	it('mark the chosen report', () => {
		const fc = reportsGeoJson(
			[
				{ id: 'a', status: 'new', location: stretch },
				{ id: 'b', status: 'resolved', location: { type: 'Point', coordinates: [4.8, 51.2] } },
			],
			'b',
		);
		expect(fc.features.map((f) => f.properties)).toEqual([
			{ id: 'a', status: 'new', selected: false },
			{ id: 'b', status: 'resolved', selected: true },
		]);
	});
});
