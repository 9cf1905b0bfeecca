/**
 * The network rules of the bundle builder on small real OSM cuts (tests/fixtures/PROVENANCE.md):
 * a bus platform drawn apart from its street is joined to it, and a way far from every other one
 * stays an isolated fragment whose residents carry that reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildAnalysisBundle,
	decodeAnalysisBundle,
	type AnalysisBundleInput,
	type BundleOrigin,
} from '../../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../../src/analysis/engine.ts';
import { JOIN_MAX_M } from '../../../src/analysis/fragments.ts';
import { distanceM } from '../../../src/analysis/geo.ts';
import { joinBarrierLines } from '../../../scripts/lib/network-report.ts';
import { readOsm, type OsmData } from '../../../scripts/lib/osm.ts';
import { osmPlaces } from '../../../scripts/lib/places.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { SAMPLE_DIR } from './helpers.ts';

const OSM_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'osm');

function bundleInput(osm: OsmData, origins: BundleOrigin[], barriers = true): AnalysisBundleInput {
	const places = osmPlaces(osm, '2019-11-05');
	return {
		ways: osm.ways
			.filter((w) => w.tags.highway !== undefined)
			.map((w) => ({ id: `w${w.id}`, nodeIds: w.refs, tags: w.tags })),
		nodeLngLat: osm.coords,
		nodeTags: new Map([...osm.taggedNodes.values()].map((n) => [n.id, n.tags])),
		origins,
		places: places.map((p) => ({
			id: p.id,
			categoryIds: p.categoryIds,
			lngLat: p.lngLat,
			name: p.name,
		})),
		neighbourhoods: [
			{ id: 'cut', name: 'cut', population: 1, residents65: 0, residents80: 0, coverageShare: 1 },
		],
		meta: { areaId: 'cut', bbox: [0, 0, 1, 1], dataDate: '2019-11-05' },
		joinBarriers: barriers ? joinBarrierLines(osm) : [],
	};
}

const origin = (id: string, lngLat: [number, number]): BundleOrigin => ({
	id,
	lngLat,
	residents: 1,
	residents65: 0,
	residents80: 0,
	neighbourhoodId: 'cut',
	edgeOfData: false,
});

describe('a bus platform drawn apart from its street (Tielen Dorp, real cut)', () => {
	it('is joined to the street, so the bench and the bus stop on it are reachable', async () => {
		const osm = await readOsm(path.join(OSM_DIR, 'tielen-platform.osm.pbf'));
		// the platform shares no node with any other way in the data
		const platform = osm.ways.find((w) => w.id === 242649328);
		expect(platform?.tags.highway).toBe('platform');
		const mine = new Set(platform!.refs);
		expect(osm.ways.filter((w) => w.id !== 242649328 && w.refs.some((r) => mine.has(r)))).toEqual(
			[],
		);
		// origins: the other places of the cut (real points: the supermarket, the church …)
		const places = osmPlaces(osm, '2019-11-05');
		const others = places.filter(
			(p) => !p.categoryIds.includes('bench') && !p.categoryIds.includes('public_transport'),
		);
		expect(others.length).toBeGreaterThan(2);
		const bundle = decodeAnalysisBundle(
			buildAnalysisBundle(
				bundleInput(
					osm,
					others.map((p) => origin(p.id, p.lngLat)),
				),
			),
		);
		const join = bundle.network.joins.find((j) => j.fromWay === 'w242649328');
		expect(join).toBeDefined();
		expect(join!.lengthM).toBeLessThanOrEqual(JOIN_MAX_M);
		expect(join!.toWay).toMatch(/^w\d+$/);
		expect(bundle.graph.wayIds).toContain(join!.id);
		// nothing left off the main network, no origin without a figure
		expect(bundle.network.placesOffMainNetwork).toEqual([]);
		expect(bundle.network.originsPerReason.isolated_fragment).toBe(0);
		const engine = new AnalysisEngine(bundle);
		for (const categoryId of ['bench', 'public_transport']) {
			const run = engine.coverage({ categoryId, profile: 'walking' });
			expect(run.result.unconnectedPlaceIds).toEqual([]);
			for (let i = 0; i < bundle.origins.count; i++) {
				const d = run.result.distanceM[i]!;
				const straight = Math.min(
					...engine
						.placesOf(categoryId)
						.map((p) =>
							distanceM(
								bundle.origins.lngLat[i * 2]!,
								bundle.origins.lngLat[i * 2 + 1]!,
								bundle.places.lngLat[p * 2]!,
								bundle.places.lngLat[p * 2 + 1]!,
							),
						),
				);
				// reachable, along streets: never shorter than the straight line, never absurdly longer
				expect(d).toBeGreaterThanOrEqual(straight - 0.01);
				expect(d).toBeLessThan(straight * 2 + 100);
			}
		}
		// the bench on the platform (node 5073085903) is the nearest bench of the nearest origin
		const bench = bundle.places.ids.indexOf('n5073085903');
		expect(bench).toBeGreaterThanOrEqual(0);
		const run = engine.coverage({ categoryId: 'bench', profile: 'walking' });
		expect([...run.result.placeLabel]).toContain(bench);
	});
});

describe('a way far from every other (Lille, real cut)', () => {
	it('stays an isolated fragment, and the addresses beside it carry that reason', async () => {
		const osm = await readOsm(path.join(OSM_DIR, 'lille-fragment.osm.pbf'));
		const bbox = [4.8385, 51.2165, 4.847, 51.2215];
		const crab = JSON.parse(
			readFileSync(path.join(SAMPLE_DIR, 'addresses', 'crab_addresses_2021-10-26.geojson'), 'utf8'),
		) as { features: { geometry: { coordinates: [number, number] } }[] };
		const addresses = crab.features
			.map((f) => f.geometry.coordinates)
			.filter(([x, y]) => x >= bbox[0]! && x <= bbox[2]! && y >= bbox[1]! && y <= bbox[3]!);
		expect(addresses.length).toBeGreaterThan(10);
		const bundle = decodeAnalysisBundle(
			buildAnalysisBundle(
				bundleInput(
					osm,
					addresses.map((c, i) => origin(`a${i}`, c)),
				),
			),
		);
		const k = bundle.network.fragments.findIndex((f) => f.ways.includes('w328549698'));
		expect(k).toBeGreaterThanOrEqual(0);
		expect(bundle.network.joins.some((j) => j.fromWay === 'w328549698')).toBe(false);
		const onFragment: number[] = [];
		for (let i = 0; i < bundle.origins.count; i++)
			if (bundle.origins.reason[i] === 3) onFragment.push(i);
		expect(onFragment.length).toBeGreaterThanOrEqual(2);
		expect(bundle.network.originsPerReason.isolated_fragment).toBe(onFragment.length);
		// exactly the origins whose nearest way is on a fragment
		const engine = new AnalysisEngine(bundle);
		const snaps = engine.originSnaps('walking');
		for (let i = 0; i < bundle.origins.count; i++) {
			const e = snaps.edge[i]!;
			expect(bundle.origins.reason[i] === 3).toBe(e >= 0 && bundle.graph.edgeFragment[e] === 1);
		}
	});
});
