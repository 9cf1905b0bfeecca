import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from '../../analysis/bundle.ts';
import { AnalysisEngine } from '../../analysis/engine.ts';
import { rankFixes, type FixKind } from '../../analysis/fixes.ts';
import { PROFILE_IDS } from '../../contracts/profiles.ts';
import { roundCoordinates, walkshed } from '../../analysis/walkshed.ts';
import { distanceM } from '../../analysis/geo.ts';
import { Z_ORDER } from '../z-order.ts';
import { NEIGHBOURHOODS_SOURCE } from './neighbourhoods-style.ts';
import {
	COMPLETENESS_CLASSES,
	completenessColour,
	completenessLayers,
	FIX_COLOURS,
	fixesGeoJson,
	fixesLayers,
	fixesMinZooms,
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
	// the planners' screen's default question, for the wheelchair: up to ten fixes of each kind
	// (to build, to measure first), most in one village
	const { fixes } = rankFixes(engine, {
		categoryId: 'pharmacy',
		normM: 1000,
		profile: 'wheelchair',
		unknownMode: 'cautious',
		limit: 10,
	});
	const n = fixes.length;
	const diameterPx = 2 * (11 + 2);
	/** Metres per pixel at a zoom (MapLibre: 512 px per world at zoom 0), where the fixes are. */
	const metresPerPx = (z: number, lat: number) =>
		(40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** z);
	/** A point's name on the map: its kind and its rank in its kind's list. */
	const mark = (f: { kind?: unknown; rank?: unknown }) => `${String(f.kind)} ${String(f.rank)}`;

	it('number the best fix at every zoom, and never draw one number over another', () => {
		expect(n).toBeGreaterThan(10);
		expect(new Set(fixes.map((f) => f.kind))).toEqual(new Set(['build', 'survey']));
		const zooms = fixesMinZooms(fixes);
		// the greatest gain of either kind
		const best = fixes.reduce((a, b) => (b.residents > a.residents ? b : a));
		expect(zooms[fixes.indexOf(best)]).toBe(0);
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
		// they cluster in a village: at the zoom that shows the whole area only some are numbered,
		// more as the map zooms in, and all where the street's houses show
		const count = (z: number) => zooms.filter((m) => m <= z).length;
		expect(count(12)).toBeLessThan(n);
		for (let z = 0; z < 20; z++) expect(count(z + 1)).toBeGreaterThanOrEqual(count(z));
		expect(count(20)).toBe(n);
		// the engine's order (build, then survey) gives the same zooms as fixMinZooms in gain order
		const byGain = [...fixes].sort(
			(a, b) =>
				b.residents - a.residents ||
				b.residents65 - a.residents65 ||
				Number(a.kind === 'survey') - Number(b.kind === 'survey') ||
				a.edge - b.edge,
		);
		expect(byGain.map((f) => zooms[fixes.indexOf(f)])).toEqual(
			fixMinZooms(byGain.map((f) => f.at)),
		);
	});

	it('keep every line at every zoom, and the points and their numbers from their own zoom', () => {
		const data = fixesGeoJson(fixes);
		const layers = fixesLayers('fixes');
		expect(
			validateStyleMin({ version: 8, sources: { fixes: { type: 'geojson', data } }, layers }),
		).toEqual([]);
		const zooms = fixesMinZooms(fixes);
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
				if (layer.id === 'fixes-line') expect(drawn).toHaveLength(n);
				else
					expect(drawn.map((f) => mark(f.properties!))).toEqual(
						fixes.filter((_, k) => zooms[k]! <= z).map(mark),
					);
			}
		}
	});

	it("draw each kind's mark apart: filled red to build, an open slate ring and a dashed line to measure first", () => {
		// the split list's two kinds had one red mark on the map, numbered 1..n across both
		const data = fixesGeoJson(fixes);
		const points = data.features.filter((f) => f.geometry.type === 'Point');
		expect(points.map((f) => mark(f.properties!))).toEqual(fixes.map(mark));
		expect(points.map((f) => f.properties!.edge)).toEqual(fixes.map((f) => f.edge));
		const layers = fixesLayers('fixes');
		/** A layer's paint property evaluated for a feature of `kind`. */
		const paint = (id: string, name: string, kind: FixKind): unknown => {
			const layer = layers.find((l) => l.id === id)!;
			const spec = (latest as unknown as Record<string, Record<string, unknown>>)[
				`paint_${layer.type}`
			]![name];
			const value = (layer.paint as Record<string, unknown>)[name];
			const e = expression.createExpression(value, spec as never);
			if (e.result !== 'success') throw new Error(`${id} ${name} does not compile`);
			const out = e.value.evaluate({ zoom: 14 }, {
				type: 1,
				properties: { kind, rank: 1 },
			} as never) as unknown;
			return typeof out === 'object' && out !== null && 'toString' in out
				? String(out)
				: JSON.stringify(out);
		};
		for (const [id, name] of [
			['fixes-point', 'circle-color'],
			['fixes-point', 'circle-stroke-color'],
			['fixes-label', 'text-color'],
			['fixes-line', 'line-color'],
			['fixes-line', 'line-dasharray'],
		] as const)
			expect(paint(id, name, 'survey'), `${id} ${name}`).not.toEqual(paint(id, name, 'build'));
		expect(paint('fixes-point', 'circle-color', 'build')).toBe(
			paint('fixes-line', 'line-color', 'build'),
		);
		expect(paint('fixes-point', 'circle-stroke-color', 'survey')).toBe(
			paint('fixes-line', 'line-color', 'survey'),
		);
		expect(FIX_COLOURS.build).not.toBe(FIX_COLOURS.survey);
		// the same outer size: the rule that keeps numbers apart holds for both
		const size = (kind: FixKind) =>
			Number(paint('fixes-point', 'circle-radius', kind)) +
			Number(paint('fixes-point', 'circle-stroke-width', kind));
		expect(size('survey')).toBe(size('build'));
	});
});
