/**
 * A long trip names a stop on the way, on the real sample (the pipeline's analysis bundle input):
 * from a resident's address to the farthest pharmacy by wheelchair, beyond the 30-minute mark.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleBundleInput } from '../../tests/fixtures/analysis/sample-input.ts';
import { buildAnalysisBundle, decodeAnalysisBundle } from './bundle.ts';
import { AnalysisEngine } from './engine.ts';
import { nearestPlaces } from './nearest.ts';
import { route } from './route.ts';
import {
	distanceToLineM,
	STOP_CATEGORY,
	STOP_KINDS,
	stopOnTheWay,
	STOP_ON_ROUTE_M,
} from './stop-on-the-way.ts';
import { placeKindOf } from '../contracts/taxonomy.ts';

const engine = new AnalysisEngine(decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput())));
const places = engine.bundle.places;
const lngLatOf = (id: string): [number, number] => {
	const i = places.ids.indexOf(id);
	return [places.lngLat[i * 2]!, places.lngLat[i * 2 + 1]!];
};
const LONG_S = 30 * 60;

/** The kind of each stop of the sample by its real OSM tags (as the pipeline gives it). */
const kindOf = new Map(
	(
		JSON.parse(
			readFileSync(
				new URL('../../data/vorselaar-lille/osm/vorselaar-lille_pois.geojson', import.meta.url),
				'utf8',
			),
		) as { features: { properties: Record<string, string> }[] }
	).features.map((f) => {
		const { '@type': type, '@id': id, ...tags } = f.properties;
		return [`${String(type).charAt(0)}${String(id)}`, placeKindOf([STOP_CATEGORY], tags)?.id];
	}),
);

/** The longest wheelchair trip to a pharmacy from the first origins of the sample that has one. */
function longTrip() {
	const o = engine.bundle.origins;
	const pharmacies = engine.placesOf('pharmacy').map((i) => places.ids[i]!);
	for (let i = 0; i < o.count; i += 97) {
		const from: [number, number] = [o.lngLat[i * 2]!, o.lngLat[i * 2 + 1]!];
		for (const id of pharmacies) {
			const trip = route(engine, from, lngLatOf(id), 'wheelchair');
			if (Number.isFinite(trip.timeS) && trip.timeS > LONG_S) return { from, trip };
		}
	}
	throw new Error('no trip of more than 30 minutes by wheelchair to a pharmacy in the sample');
}

describe('a stop on the way of a long trip (real sample)', () => {
	const { from, trip } = longTrip();
	const stops = nearestPlaces(engine, from, STOP_CATEGORY, 'wheelchair', 10).map((s) => ({
		...s,
		lngLat: lngLatOf(s.placeId),
		kind: kindOf.get(s.placeId),
	}));

	it('counts bus stops only: every stop of the sample is tagged highway=bus_stop', () => {
		expect(STOP_KINDS).toEqual(['bus_stop']);
		expect(stops.map((s) => s.kind)).toEqual(stops.map(() => 'bus_stop'));
		// a station or a tram stop (another kind, or none) is never named
		const first = stopOnTheWay(trip, stops)!;
		const asStation = stops.map((s) =>
			s.placeId === first.placeId ? { ...s, kind: 'station' } : s,
		);
		expect(stopOnTheWay(trip, asStation)?.placeId).not.toBe(first.placeId);
		expect(
			stopOnTheWay(
				trip,
				stops.map((s) => ({ ...s, kind: undefined })),
			),
		).toBeUndefined();
	});

	it('names a stop on the route, reached sooner than the place, with its walking time', () => {
		expect(stops.length).toBeGreaterThan(0);
		const stop = stopOnTheWay(trip, stops)!;
		// In the sample the route passes a stop (bus stops line the village roads).
		expect(stop.onRoute).toBe(true);
		{
			expect(distanceToLineM(trip.coordinates, stop.lngLat)).toBeLessThanOrEqual(STOP_ON_ROUTE_M);
			expect(stop.route.timeS).toBeLessThan(trip.timeS);
			// the first such stop of the fastest-first list
			const before = stops.slice(
				0,
				stops.findIndex((s) => s.placeId === stop.placeId),
			);
			for (const s of before)
				expect(
					distanceToLineM(trip.coordinates, s.lngLat) > STOP_ON_ROUTE_M ||
						s.route.timeS >= trip.timeS,
				).toBe(true);
		}
		expect(stop.route.timeS).toBeGreaterThan(0);
	});

	it('without a stop near the route, names the one reached fastest from the origin', () => {
		const stop = stopOnTheWay(trip, stops, 0)!;
		expect(stop.onRoute).toBe(false);
		expect(stop.placeId).toBe(stops[0]!.placeId);
		expect(stop.route.timeS).toBe(Math.min(...stops.map((s) => s.route.timeS)));
		expect(stopOnTheWay(trip, [])).toBeUndefined();
	});

	it('measures the distance to a line', () => {
		const line: [number, number][] = [
			[4.77, 51.2],
			[4.78, 51.2],
		];
		expect(distanceToLineM(line, [4.775, 51.2])).toBeLessThan(0.01);
		expect(distanceToLineM(line, [4.775, 51.201])).toBeCloseTo(111.3, 0);
		expect(distanceToLineM([], [4.775, 51.2])).toBe(Infinity);
	});
});
