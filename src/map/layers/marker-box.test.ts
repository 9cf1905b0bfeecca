import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { BASEMAP_LAYER_IDS } from '../style/basemap.ts';
import { Z_ORDER } from '../z-order.ts';
import { markLayers } from './coverage-style.ts';
import { curatedLayers } from './curated-style.ts';
import { MARKER_BOX_IMAGE, markerBox, markerBoxImage } from './marker-box.ts';
import { fixesLayers, routeComparisonLayers, walkshedLayers } from './planner-style.ts';
import { placesLayers } from './places-style.ts';
import { draftLayers, REPORT_EDIT_SOURCE, reportsLayers } from './reports-style.ts';
import { routeLayers } from './route-style.ts';

/** Every overlay the app draws with circle markers. */
const overlays: LayerSpecification[][] = [
	routeLayers(),
	routeComparisonLayers('planner-route'),
	walkshedLayers('walkshed'),
	fixesLayers('fixes'),
	curatedLayers(),
	markLayers(),
	reportsLayers(),
	draftLayers(),
	draftLayers(REPORT_EDIT_SOURCE),
	placesLayers('places', ['==', ['get', 'category'], 'gp']),
];

const ids: readonly string[] = Z_ORDER;

describe('circle markers in the collision index', () => {
	it('every circle marker has its invisible twin over the same features, as wide as the marker', () => {
		for (const layers of overlays)
			for (const circle of layers) {
				if (circle.type !== 'circle') continue;
				const twin = layers.find((l) => l.id === `${circle.id}-box`);
				expect(twin, circle.id).toEqual(markerBox(circle));
				expect(twin).toMatchObject({
					type: 'symbol',
					source: circle.source,
					layout: { 'icon-image': MARKER_BOX_IMAGE, 'icon-allow-overlap': true },
					paint: { 'icon-opacity': 0 },
				});
				expect(twin && 'filter' in twin ? twin.filter : undefined).toEqual(circle.filter);
				// in the collision index: the basemap's names keep out of it
				expect(twin?.layout).not.toHaveProperty('icon-ignore-placement');
			}
	});

	it('sizes the box as the circle with its stroke, numbers or expressions', () => {
		const circle = routeLayers()[3];
		expect(circle.id).toBe('origin-point');
		expect(markerBox(circle).layout?.['icon-size']).toBe(2 * (8 + 3));
		const selected = reportsLayers()[1];
		expect(markerBox(selected).layout?.['icon-size']).toEqual([
			'*',
			2,
			['+', ['case', ['get', 'selected'], 10, 6], 2],
		]);
		expect(markerBoxImage()).toEqual({ width: 1, height: 1, data: new Uint8Array(4) });
	});

	it('makes valid styles, each twin just below its circle and above the basemap names', () => {
		for (const layers of overlays) {
			const style = {
				version: 8 as const,
				glyphs: 'https://example.org/{fontstack}/{range}.pbf',
				sources: Object.fromEntries(
					layers.map((l) => [
						'source' in l ? l.source : '',
						{ type: 'geojson' as const, data: { type: 'FeatureCollection', features: [] } },
					]),
				),
				layers,
			};
			expect(validateStyleMin(style as never)).toEqual([]);
			for (const l of layers) {
				expect(ids, l.id).toContain(l.id);
				if (!l.id.endsWith('-box')) continue;
				const circle = l.id.slice(0, -'-box'.length);
				expect(ids.indexOf(l.id)).toBeGreaterThan(
					Math.max(...BASEMAP_LAYER_IDS.map((b) => ids.indexOf(b))),
				);
				// just below its circle; the initiatives' twin below their names too, so a name never
				// collides with its own dot
				const next = ids[ids.indexOf(l.id) + 1];
				expect(next === circle || (circle === 'curated-point' && next === 'curated-label')).toBe(
					true,
				);
			}
		}
	});
});
