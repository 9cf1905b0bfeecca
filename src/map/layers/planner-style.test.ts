import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from '../../analysis/bundle.ts';
import { AnalysisEngine } from '../../analysis/engine.ts';
import { PROFILE_IDS } from '../../contracts/profiles.ts';
import { walkshed } from '../../analysis/walkshed.ts';
import { Z_ORDER } from '../z-order.ts';
import { NETWORK_SOURCE } from './network-style.ts';
import { NEIGHBOURHOODS_SOURCE } from './neighbourhoods-style.ts';
import {
	COMPLETENESS_CLASSES,
	completenessColour,
	completenessLayers,
	WALKSHED_STATE,
	walkshedEdgeLayers,
	walkshedEdgeStates,
	walkshedLayers,
	walkshedsGeoJson,
} from './planner-style.ts';

describe('the walksheds drawn from the network tiles and a small GeoJSON', () => {
	const engine = new AnalysisEngine(
		decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
		),
	);
	// a real address point of the sample with residents
	const o = engine.bundle.origins;
	let i = 0;
	while (o.edgeOfData[i] === 1 || o.reason[i] !== 0) i++;
	const at: [number, number] = [o.lngLat[2 * i] as number, o.lngLat[2 * i + 1] as number];
	const sheds = PROFILE_IDS.map((profile) => {
		const w = walkshed(engine, at, 10, profile, 'optimistic', { polygon: false, split: true });
		return w ? { profile, lines: w.lines, edges: w.edges } : null;
	});
	const layers = walkshedEdgeLayers('footways');

	it('make a valid style, each profile with its pieces in the z-order registry', () => {
		const style = {
			version: 8 as const,
			sources: {
				[NETWORK_SOURCE]: { type: 'vector' as const, url: 'pmtiles://http://127.0.0.1/n.pmtiles' },
				walkshed: { type: 'geojson' as const, data: walkshedsGeoJson(sheds, at) },
			},
			layers: [...layers, ...walkshedLayers('walkshed')],
		};
		expect(validateStyleMin(style)).toEqual([]);
		for (const p of PROFILE_IDS)
			expect(Z_ORDER.indexOf(`walkshed-edges-${p}`)).toBe(Z_ORDER.indexOf(`walkshed-${p}`) - 1);
	});

	it('the GeoJSON holds only the partly reached pieces, a feature per profile, and the point', () => {
		const fc = walkshedsGeoJson(sheds, at);
		expect(fc.features).toHaveLength(1 + sheds.filter(Boolean).length);
		for (const s of sheds) {
			if (!s) continue;
			const f = fc.features.find((x) => x.properties?.profile === s.profile);
			expect(f?.geometry).toEqual(s.lines.geometry);
		}
		// fewer pieces than whole edges: the GeoJSON stays small
		const walking = sheds[0]!;
		expect(walking.lines.geometry.coordinates.length).toBeLessThan(walking.edges.length);
		expect(fc.features.at(-1)?.geometry).toEqual({ type: 'Point', coordinates: at });
	});

	it("shows an edge in a profile's layer exactly when that profile reaches it whole", () => {
		const states = walkshedEdgeStates(sheds);
		const reached = new Set(sheds.flatMap((s) => [...(s?.edges ?? [])]));
		expect(states.size).toBe(reached.size);
		const feature = { type: 2, properties: {} } as never;
		for (const [k, layer] of layers.entries()) {
			const profile = PROFILE_IDS[k];
			expect(layer.id).toBe(`walkshed-edges-${profile}`);
			const opacity = expression.createPropertyExpression(
				layer.paint?.['line-opacity'],
				'line-opacity',
				latest.paint_line['line-opacity'] as never,
			);
			if (opacity.result !== 'success') throw new Error(JSON.stringify(opacity.value));
			const own = new Set(sheds[k]?.edges ?? []);
			// every edge reached by any profile, and one reached by none (no state)
			const none = engine.graph.edgeCount - 1;
			for (const e of reached.has(none) ? reached : [...reached, none]) {
				const state = states.has(e) ? { [WALKSHED_STATE]: states.get(e) } : {};
				expect(opacity.value.evaluate({ zoom: 14 } as never, feature, state)).toBe(
					own.has(e) ? 1 : 0,
				);
			}
		}
	});
});

describe('the completeness layers', () => {
	const shares = { '13044A00-': 0.1, '13044B001': 0.6, '13044C0': null, '': 0.9 };
	const [fill, label] = completenessLayers(
		'neighbourhoods',
		'neighbourhood_labels',
		shares,
		NEIGHBOURHOODS_SOURCE,
	);

	it('make a valid style, in the z-order registry', () => {
		const style = {
			version: 8 as const,
			'font-faces': { 'Noto Sans Regular': 'http://127.0.0.1/noto.woff2' },
			sources: {
				[NEIGHBOURHOODS_SOURCE]: {
					type: 'vector' as const,
					url: 'pmtiles://http://127.0.0.1/n.pmtiles',
				},
			},
			layers: [fill, label],
		};
		expect(validateStyleMin(style)).toEqual([]);
		for (const l of [fill, label]) expect(Z_ORDER).toContain(l.id);
		// the share is drawn over the neighbourhood fill, its text above the names
		expect(Z_ORDER.indexOf('completeness-fill')).toBeLessThan(
			Z_ORDER.indexOf('neighbourhoods-outline'),
		);
		expect(Z_ORDER.indexOf('completeness-label')).toBeGreaterThan(
			Z_ORDER.indexOf('neighbourhoods-label'),
		);
	});

	it('shade by the class of the share, light (little known) to dark; none without a share', () => {
		expect(completenessColour(0)).toBe(COMPLETENESS_CLASSES[0]!.colour);
		expect(completenessColour(0.6)).toBe(COMPLETENESS_CLASSES[2]!.colour);
		expect(completenessColour(1)).toBe(COMPLETENESS_CLASSES[3]!.colour);
		const colour = fill.paint!['fill-color'] as unknown[];
		expect(colour).toEqual([
			'match',
			['to-string', ['get', 'id']],
			'13044A00-',
			COMPLETENESS_CLASSES[0]!.colour,
			'13044B001',
			COMPLETENESS_CLASSES[2]!.colour,
			'rgba(0,0,0,0)',
		]);
		// a neighbourhood without network and the network away from addresses get no colour, no text
		const text = label.layout!['text-field'] as unknown[];
		expect(text).toEqual([
			'match',
			['to-string', ['get', 'id']],
			'13044A00-',
			'10 %',
			'13044B001',
			'60 %',
			'',
		]);
	});

	it('draw nothing before there are shares', () => {
		const [f, l] = completenessLayers('n', 'l', {}, NEIGHBOURHOODS_SOURCE);
		expect(f.paint!['fill-color']).toEqual(['literal', 'rgba(0,0,0,0)']);
		expect(l.layout!['text-field']).toEqual(['literal', '']);
	});
});
