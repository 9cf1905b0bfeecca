import geodesic from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import {
	distanceM,
	lineLengthM,
	mercatorX,
	mercatorY,
	metresPerDegree,
	projectOnSegment,
} from './geo.ts';
import { mulberry32 } from './synthetic.ts';

/** The exact geodesic on WGS84 (Karney's algorithm, GeographicLib), in metres. */
const geodesicM = (a: [number, number], b: [number, number]): number =>
	geodesic.Geodesic.WGS84.Inverse(a[1], a[0], b[1], b[0]).s12 as number;

describe('the geodesy module (WGS84)', () => {
	it('matches exact geodesics within 0.01 % from 1 m to 20 km anywhere in Belgium', () => {
		const next = mulberry32(20261123); // seeded: the same pairs every run
		let worst = 0;
		for (let k = 0; k < 2000; k++) {
			// Belgium: 2.5–6.4° E, 49.5–51.5° N; lengths spread log-uniformly over 1 m … 20 km
			const a: [number, number] = [2.5 + next() * 3.9, 49.5 + next() * 2];
			const len = 10 ** (next() * Math.log10(20_000));
			const bearing = next() * 2 * Math.PI;
			const { kx, ky } = metresPerDegree(a[1]);
			const b: [number, number] = [
				a[0] + (len * Math.sin(bearing)) / kx,
				a[1] + (len * Math.cos(bearing)) / ky,
			];
			const exact = geodesicM(a, b);
			const rel = Math.abs(distanceM(a[0], a[1], b[0], b[1]) - exact) / exact;
			worst = Math.max(worst, rel);
		}
		expect(worst).toBeLessThan(1e-4);
		// in practice far better: below 0.001 % at these lengths
		expect(worst).toBeLessThan(1e-5);
	});

	it('gives known geodesic lengths of one degree and of a sample street', () => {
		// One degree of latitude from 51° to 52° N along a meridian: 111,257.8 m (GeographicLib).
		expect(geodesicM([4.8, 51], [4.8, 52])).toBeCloseTo(111_257.8, 0);
		expect(Math.abs(distanceM(4.8, 51, 4.8, 52) - 111_257.8)).toBeLessThan(111_257.8 * 1e-4);
		// 800 m due east at Vorselaar: the sphere (haversine) is 2.6 m short, WGS84 within 5 mm.
		const b: [number, number] = [4.77 + 800 / metresPerDegree(51.2).kx, 51.2];
		const exact = geodesicM([4.77, 51.2], b);
		expect(exact).toBeCloseTo(800, 2);
		expect(Math.abs(distanceM(4.77, 51.2, b[0], b[1]) - exact)).toBeLessThan(0.005);
		const rad = Math.PI / 180;
		const sphere =
			6_371_008.8 * 2 * Math.asin(Math.cos(51.2 * rad) * Math.sin(((b[0] - 4.77) * rad) / 2));
		expect(exact - sphere).toBeGreaterThan(2.4);
	});

	it('sums a line and projects a point onto a segment in metres', () => {
		const line: [number, number][] = [
			[4.77, 51.2],
			[4.771, 51.2],
			[4.771, 51.201],
		];
		expect(lineLengthM(line)).toBeCloseTo(
			geodesicM(line[0]!, line[1]!) + geodesicM(line[1]!, line[2]!),
			2,
		);
		const { ky } = metresPerDegree(51.2);
		const p = projectOnSegment(4.7705, 51.2 + 30 / ky, 4.77, 51.2, 4.771, 51.2);
		expect(p.t).toBeCloseTo(0.5, 6);
		expect(p.distanceM).toBeCloseTo(30, 3);
	});
});

describe('Web Mercator (the map and the tiles)', () => {
	it('puts the equator and the prime meridian in the middle and 85.0511° at the edges', () => {
		expect(mercatorX(0)).toBe(0.5);
		expect(mercatorX(-180)).toBe(0);
		expect(mercatorY(0)).toBeCloseTo(0.5, 15);
		expect(mercatorY(85.0511287798)).toBeCloseTo(0, 9);
		expect(mercatorY(-85.0511287798)).toBeCloseTo(1, 9);
	});

	it("gives the slippy-map tile of OpenStreetMap's formula, y = (1 − asinh(tan φ)/π)/2", () => {
		for (const [lng, lat] of [
			[4.8356, 51.2285],
			[4.8689, 51.2658],
			[-73.98, 40.75],
			[151.2, -33.87],
		] as const) {
			const n = 2 ** 17;
			const rad = (lat * Math.PI) / 180;
			expect(Math.floor(mercatorX(lng) * n)).toBe(Math.floor(((lng + 180) / 360) * n));
			expect(mercatorY(lat)).toBeCloseTo((1 - Math.asinh(Math.tan(rad)) / Math.PI) / 2, 12);
		}
	});
});
