import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from '../../analysis/bundle.ts';
import { AnalysisEngine } from '../../analysis/engine.ts';
import { rankFixes } from '../../analysis/fixes.ts';
import { PROFILE_IDS } from '../../contracts/profiles.ts';
import { roundCoordinates, walkshed } from '../../analysis/walkshed.ts';
import { distanceM } from '../../analysis/geo.ts';
import { Z_ORDER } from '../z-order.ts';
import { NEIGHBOURHOODS_SOURCE } from './neighbourhoods-style.ts';
import {
	COMPLETENESS_CLASSES,
	completenessColour,
	completenessLayers,
	fixesGeoJson,
	fixesLayers,
	fixMinZooms,
	walkshedLayers,
	walkshedsGeoJson,
} from './planner-style.ts';

describe('the walksheds drawn as one GeoJSON source of the reached stretches', () => {
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
		const w = walkshed(engine, at, 10, profile, 'optimistic', { polygon: false });
		return w ? { profile, lines: w.lines } : null;
	});
	const layers = walkshedLayers('walkshed');

	it('make a valid style on one GeoJSON source, with no layer on the network tiles', () => {
		const style = {
			version: 8 as const,
			sources: { walkshed: { type: 'geojson' as const, data: walkshedsGeoJson(sheds, at) } },
			layers,
		};
		expect(validateStyleMin(style)).toEqual([]);
		for (const l of layers) {
			expect(l.source).toBe('walkshed');
			expect(Z_ORDER).toContain(l.id);
		}
		// walking (widest) lowest, the wheelchair on top; no layer draws every network edge
		const ids = PROFILE_IDS.map((p) => Z_ORDER.indexOf(`walkshed-${p}` as never));
		expect(ids).toEqual([...ids].sort((a, b) => a - b));
		expect(Z_ORDER.filter((id) => id.startsWith('walkshed-edges'))).toEqual([]);
	});

	it('hold every reached stretch, a feature per profile as the worker built it, and the point', () => {
		const fc = walkshedsGeoJson(sheds, at);
		expect(fc.features).toHaveLength(1 + sheds.filter(Boolean).length);
		for (const s of sheds) {
			if (!s) continue;
			const f = fc.features.find((x) => x.properties?.profile === s.profile);
			// the worker's geometry itself, not a copy
			expect(f?.geometry).toBe(s.lines.geometry);
			// every stretch: as many metres as the engine counts
			let m = 0;
			for (const line of s.lines.geometry.coordinates)
				for (let k = 1; k < line.length; k++)
					m += distanceM(line[k - 1]![0]!, line[k - 1]![1]!, line[k]![0]!, line[k]![1]!);
			expect(m).toBeCloseTo(s.lines.properties.lengthM, 0);
		}
		expect(fc.features.at(-1)?.geometry).toEqual({ type: 'Point', coordinates: at });
	});

	it("each profile's layer draws only its own feature", () => {
		const fc = walkshedsGeoJson(sheds, at);
		for (const [k, profile] of PROFILE_IDS.entries()) {
			const layer = layers[k]!;
			expect(layer.id).toBe(`walkshed-${profile}`);
			const filter = expression.createExpression(layer.filter, latest.filter as never);
			if (filter.result !== 'success') throw new Error(JSON.stringify(filter.value));
			const drawn = fc.features.filter((f) =>
				filter.value.evaluate(
					{ zoom: 14 } as never,
					{
						type: f.geometry.type === 'Point' ? 1 : 2,
						properties: f.properties ?? {},
					} as never,
				),
			);
			expect(drawn.map((f) => f.properties?.profile)).toEqual(sheds[k] ? [profile] : []);
		}
	});
});

describe('roundCoordinates', () => {
	it('rounds to 1e-6 degrees in place, within 0.1 m of the engine', () => {
		const lines = [
			[
				[4.12345649, 51.0000004],
				[4.1234566, 51.99999951],
			],
		];
		expect(roundCoordinates(lines)).toBe(lines);
		expect(lines).toEqual([
			[
				[4.123456, 51],
				[4.123457, 52],
			],
		]);
		expect(distanceM(4.12345649, 51.0000004, 4.123456, 51)).toBeLessThan(0.1);
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
		// as the map writes it: 24.85 % shows as "25 %", in the class from 25 %
		expect(completenessColour(0.2485)).toBe(COMPLETENESS_CLASSES[1]!.colour);
		expect(completenessColour(0.2449)).toBe(COMPLETENESS_CLASSES[0]!.colour);
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
			'10\u00a0%',
			'13044B001',
			'60\u00a0%',
			'',
		]);
	});

	it('draw nothing before there are shares', () => {
		const [f, l] = completenessLayers('n', 'l', {}, NEIGHBOURHOODS_SOURCE);
		expect(f.paint!['fill-color']).toEqual(['literal', 'rgba(0,0,0,0)']);
		expect(l.layout!['text-field']).toEqual(['literal', '']);
	});
});

describe("the top fixes' numbered points where fixes cluster", () => {
	const engine = new AnalysisEngine(
		decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
		),
	);
	// the planners' screen's default question, for the wheelchair: ten fixes, most in one village
	const { fixes } = rankFixes(engine, {
		categoryId: 'pharmacy',
		normM: 1000,
		profile: 'wheelchair',
		unknownMode: 'cautious',
		limit: 10,
	});
	const diameterPx = 2 * (11 + 2);
	/** Metres per pixel at a zoom (MapLibre: 512 px per world at zoom 0), where the fixes are. */
	const metresPerPx = (z: number, lat: number) =>
		(40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** z);

	it('number the best fix at every zoom, and never draw one number over another', () => {
		expect(fixes.length).toBe(10);
		const zooms = fixMinZooms(fixes.map((f) => f.at));
		expect(zooms[0]).toBe(0);
		let touching = 0;
		for (let z = 0; z <= 22; z++) {
			const shown = fixes.filter((_, k) => zooms[k]! <= z);
			for (let a = 0; a < shown.length; a++)
				for (let b = a + 1; b < shown.length; b++) {
					const [p, q] = [shown[a]!.at, shown[b]!.at];
					const px = distanceM(p[0], p[1], q[0], q[1]) / metresPerPx(z, p[1]);
					if (px < diameterPx) touching++;
				}
		}
		expect(touching).toBe(0);
		// the ten cluster in a village: at the zoom that shows the whole area only some are
		// numbered, more as the map zooms in, and all where the street's houses show
		const count = (z: number) => zooms.filter((m) => m <= z).length;
		expect(count(12)).toBeLessThan(10);
		for (let z = 0; z < 20; z++) expect(count(z + 1)).toBeGreaterThanOrEqual(count(z));
		expect(count(20)).toBe(10);
	});

	it('keep every line at every zoom, and the points and their numbers from their own zoom', () => {
		const data = fixesGeoJson(fixes);
		const layers = fixesLayers('fixes');
		expect(
			validateStyleMin({ version: 8, sources: { fixes: { type: 'geojson', data } }, layers }),
		).toEqual([]);
		const zooms = fixMinZooms(fixes.map((f) => f.at));
		for (const layer of layers) {
			const filter = expression.createExpression(layer.filter, latest.filter as never);
			if (filter.result !== 'success') throw new Error(`${layer.id}: filter does not compile`);
			for (const z of [11, 12, 14, 17]) {
				const drawn = data.features.filter((f) =>
					filter.value.evaluate({ zoom: z }, {
						type: f.geometry.type === 'Point' ? 1 : 2,
						properties: f.properties,
					} as never),
				);
				if (layer.id === 'fixes-line') expect(drawn).toHaveLength(10);
				else
					expect(drawn.map((f) => f.properties!.rank)).toEqual(
						fixes.map((_, k) => k + 1).filter((k) => zooms[k - 1]! <= z),
					);
			}
		}
	});
});
