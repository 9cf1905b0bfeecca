import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleBundleInput } from '../../tests/fixtures/analysis/sample-input.ts';
import { buildAnalysisBundle, decodeAnalysisBundle } from '../analysis/bundle.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { nearestPlaces } from '../analysis/nearest.ts';
import {
	builtInProfile,
	encodePersonalProfile,
	personalGraph,
} from '../analysis/personal-profile.ts';
import { EdgeIndex } from '../analysis/snap.ts';
import { summarizeByNeighbourhood } from '../analysis/summary.ts';
import { AnalysisClient, type MessageEndpoint } from './analysis-client.ts';
import { AnalysisHost } from './analysis-host.ts';
import { applyWhatIf } from './apply-what-if.ts';
import type { ToWorker } from './protocol.ts';

const bytes = buildAnalysisBundle(sampleBundleInput());

/** A real message channel (structured clone + transfer), the host on one port, the client on the other. */
function connect(): { client: AnalysisClient; ports: MessagePort[] } {
	const { port1, port2 } = new MessageChannel();
	const host = new AnalysisHost({ postMessage: (m, t) => port2.postMessage(m, t as never) });
	port2.on('message', (m: ToWorker) => host.receive(m));
	const endpoint: MessageEndpoint = {
		postMessage: (m, t) => port1.postMessage(m, t as never),
		addEventListener: (_type, l) => port1.on('message', (data) => l({ data } as MessageEvent)),
		removeEventListener: () => port1.removeAllListeners('message'),
	};
	return { client: new AnalysisClient(endpoint), ports: [port1, port2] };
}

let open: MessagePort[] = [];
afterEach(() => {
	for (const p of open) p.close();
	open = [];
});

describe('analysis worker protocol over a MessageChannel', () => {
	it(
		'snaps every origin and place once after load: coverage jobs for every profile and mode snap nothing more',
		{ timeout: 60_000 },
		async () => {
			const { client, ports } = connect();
			open = ports;
			const snapEach = vi.spyOn(EdgeIndex.prototype, 'snapEach');
			const snap = vi.spyOn(EdgeIndex.prototype, 'snap');
			try {
				const info = await client.request('load', { bytes: bytes.slice().buffer });
				for (const profile of ['walking', 'rollator', 'wheelchair'] as const) {
					for (const unknownMode of ['optimistic', 'cautious'] as const) {
						for (const categoryId of ['pharmacy', 'grocery']) {
							await client.request('coverage', { categoryId, profile, unknownMode, normM: 800 });
						}
					}
				}
				// each origin and place exactly once, for all six filters at a time
				expect(snapEach).toHaveBeenCalledTimes(info.origins + info.places);
				expect(snap).not.toHaveBeenCalled();
				// a personal profile: only the points whose snapped edge the person cannot use are
				// snapped again, one search each; back to the built-in profiles, nothing
				const person = {
					...builtInProfile('wheelchair', 'cautious'),
					kerbCm: 2,
					slopePct: 5,
					minWidthM: 1.5,
				};
				const local = new AnalysisEngine(decodeAnalysisBundle(bytes));
				local.prepare();
				const { resnapped } = local.withPersonal(person).prepare();
				expect(resnapped!.origins).toBeGreaterThan(0);
				snapEach.mockClear();
				snap.mockClear();
				await client.request('personal', { profile: encodePersonalProfile(person) });
				for (const unknownMode of ['optimistic', 'cautious'] as const) {
					await client.request('coverage', {
						categoryId: 'pharmacy',
						profile: 'wheelchair',
						unknownMode,
						normM: 800,
					});
				}
				await client.request('personal', { profile: null });
				await client.request('coverage', {
					categoryId: 'pharmacy',
					profile: 'wheelchair',
					unknownMode: 'cautious',
					normM: 800,
				});
				expect(snapEach).not.toHaveBeenCalled();
				expect(snap).toHaveBeenCalledTimes(resnapped!.origins + resnapped!.places);
			} finally {
				snapEach.mockRestore();
				snap.mockRestore();
			}
		},
	);

	it(
		'answers for a personal profile after a personal request: layer statuses, coverage and routes as the engine',
		{ timeout: 60_000 },
		async () => {
			const { client, ports } = connect();
			open = ports;
			await client.request('load', { bytes: bytes.slice().buffer });
			const local = new AnalysisEngine(decodeAnalysisBundle(bytes));
			const person = {
				...builtInProfile('wheelchair', 'cautious'),
				kerbCm: 2,
				slopePct: 5,
				minWidthM: 1.5,
				speed: 'slow',
			} as const;
			const key = {
				categoryId: 'pharmacy',
				profile: 'wheelchair',
				unknownMode: 'cautious',
				normM: 800,
			} as const;
			const before = await client.request('coverage', key);
			const set = await client.request('personal', { profile: encodePersonalProfile(person) });
			expect(set.base).toBe('wheelchair');
			const pg = personalGraph(local.graph, person);
			const E = local.graph.edgeCount;
			expect(set.statuses).toEqual(pg.statuses.subarray(2 * E, 3 * E));
			expect(set.reasons).toEqual(pg.reasons.subarray(2 * E, 3 * E));
			expect(set.statuses).not.toEqual(local.graph.statuses.subarray(2 * E, 3 * E));
			// beside them the tiles' built-in statuses, which the layer diffs against
			expect(set.builtIn).toEqual(local.graph.statuses.subarray(2 * E, 3 * E));
			const cov = await client.request('coverage', key);
			const mine = local.withPersonal(person);
			expect([...cov.columns.timeS]).toEqual([...mine.coverage(key).result.timeS]);
			expect([...cov.columns.timeS]).not.toEqual([...before.columns.timeS]);
			const o = local.bundle.origins.lngLat;
			const from: [number, number] = [o[0]!, o[1]!];
			const near = await client.request('nearest', { ...key, from, k: 1 });
			const expected = nearestPlaces(mine, from, 'pharmacy', 'wheelchair', 1, key);
			expect(near.places.map((p) => p.route.timeS)).toEqual(expected.map((p) => p.route.timeS));
			// back to the built-in profiles: the baked answers again
			const off = await client.request('personal', { profile: null });
			expect(off.base).toBeNull();
			const again = await client.request('coverage', key);
			expect([...again.columns.timeS]).toEqual([...before.columns.timeS]);
			await expect(client.request('personal', { profile: 'wheelchair.k99' })).rejects.toThrow(
				/kerbCm 99 is out of range/,
			);
		},
	);

	it('loads a bundle, runs a coverage and a what-if, results equal the engine run in place', async () => {
		const { client, ports } = connect();
		open = ports;
		const copy = bytes.slice().buffer;
		const info = await client.request('load', { bytes: copy });
		expect(copy.byteLength).toBe(0); // transferred, not cloned
		expect(info.areaId).toBe('vorselaar-lille');
		expect(info.categoriesWithPlaces).toContain('pharmacy');
		const key = {
			categoryId: 'pharmacy',
			profile: 'walking',
			unknownMode: 'optimistic',
			normM: 800,
		} as const;
		const cov = await client.request('coverage', key);
		const local = new AnalysisEngine(decodeAnalysisBundle(bytes)).coverage(key);
		expect(cov.columns.distanceM).toBeInstanceOf(Float64Array);
		expect([...cov.columns.distanceM]).toEqual([...local.result.distanceM]);
		const beyond = cov.summary.reduce((s, r) => s + r.beyond65!, 0);
		const origin = info.origins > 0 ? 5000 : 0;
		const engine = new AnalysisEngine(decodeAnalysisBundle(bytes));
		const snaps = engine.originSnaps('walking');
		const i = [...Array(info.origins).keys()].find(
			(k) => k >= origin && snaps.edge[k]! >= 0 && cov.columns.distanceM[k]! > 800,
		)!;
		const lngLat = [
			engine.bundle.origins.lngLat[i * 2]!,
			engine.bundle.origins.lngLat[i * 2 + 1]!,
		] as [number, number];
		const w = await client.request('whatIf', { ...key, add: [{ id: 'planned-1', lngLat }] });
		expect(w.delta.residents65).toBeGreaterThan(0);
		// only what changed comes back, and patched in it gives the full recompute
		expect(w.changed.origins.length).toBe(w.delta.changedOrigins);
		expect(w.changed.origins.length).toBeLessThan(info.origins);
		expect(w.summaryRows.length).toBeLessThanOrEqual(cov.summary.length);
		applyWhatIf(cov.columns, cov.summary, w);
		expect(cov.summary.reduce((s, r) => s + r.beyond65!, 0)).toBeCloseTo(
			beyond - w.delta.residents65,
			6,
		);
		const full = engine.coverage({ ...key, extraPlaces: [{ id: 'planned-1', lngLat }] }).result;
		expect([...cov.columns.distanceM]).toEqual([...full.distanceM]);
		expect([...cov.columns.timeS]).toEqual([...full.timeS]);
		expect([...cov.columns.unknownM]).toEqual([...full.unknownM]);
		expect(cov.columns.placeIds).toContain('planned-1');
		expect(cov.summary).toEqual(summarizeByNeighbourhood(engine.bundle, full, 800));
		const pharmacy = engine.bundle.places.ids[engine.placesOf('pharmacy')[0]!]!;
		// a report's run of the same key with a plan's places: answered, not kept (the what-if below
		// still edits the run above)
		const report = await client.request('coverage', {
			...key,
			extraPlaces: [{ id: 'planned-1', lngLat }],
			excludePlaceIds: [pharmacy],
			keep: false,
		});
		const reportFull = engine.coverage({
			...key,
			extraPlaces: [{ id: 'planned-1', lngLat }],
			excludePlaceIds: [pharmacy],
		}).result;
		expect([...report.columns.distanceM]).toEqual([...reportFull.distanceM]);
		// then remove it and a bundle pharmacy in one request
		const w2 = await client.request('whatIf', {
			...key,
			removePlaceIds: ['planned-1', pharmacy],
		});
		applyWhatIf(cov.columns, cov.summary, w2);
		const full2 = engine.coverage({ ...key, excludePlaceIds: [pharmacy] });
		expect([...cov.columns.distanceM]).toEqual([...full2.result.distanceM]);
		const placeOf = (k: number): string | undefined =>
			k < 0 ? undefined : cov.columns.placeIds[k];
		expect([...cov.columns.place].map(placeOf)).toEqual(
			[...full2.result.placeLabel].map((l) => full2.placeId(l)),
		);
		expect(cov.summary).toEqual(summarizeByNeighbourhood(engine.bundle, full2.result, 800));
		const r = await client.request('route', {
			from: lngLat,
			to: lngLat,
			profile: 'wheelchair',
			unknownMode: 'optimistic',
		});
		// from a point to itself: the access leg there and back
		const snap = engine.snapPoint(lngLat[0], lngLat[1], 'wheelchair')!;
		expect(r.route.distanceM).toBeCloseTo(2 * snap.accessM, 6);
		// the nearest pharmacies in one request: the same as a route to each
		const near = await client.request('nearest', {
			from: lngLat,
			categoryId: 'pharmacy',
			profile: 'wheelchair',
			k: 2,
		});
		expect(near.places.length).toBe(2);
		for (const p of near.places) {
			const i = engine.bundle.places.ids.indexOf(p.placeId);
			const to: [number, number] = [
				engine.bundle.places.lngLat[i * 2]!,
				engine.bundle.places.lngLat[i * 2 + 1]!,
			];
			const direct = await client.request('route', {
				from: lngLat,
				to,
				profile: 'wheelchair',
				unknownMode: 'optimistic',
			});
			expect(p.route.timeS).toBeCloseTo(direct.route.timeS, 6);
			expect(p.route.distanceM).toBeCloseTo(direct.route.distanceM, 6);
		}
		expect(near.places[0]!.route.timeS).toBeLessThanOrEqual(near.places[1]!.route.timeS);
		client.dispose();
	});

	it('counts extra places (curated initiatives) of a coverage as existing places, equal to the engine run in place', async () => {
		const { client, ports } = connect();
		open = ports;
		await client.request('load', { bytes: bytes.slice().buffer });
		const key = {
			categoryId: 'pharmacy',
			profile: 'walking' as const,
			unknownMode: 'optimistic' as const,
		};
		const without = await client.request('coverage', { ...key, normM: 500 });
		// the origin farthest from a pharmacy, with a figure, gets a curated place at its door
		let far = -1;
		without.columns.distanceM.forEach((d, i) => {
			if (Number.isFinite(d) && (far < 0 || d > (without.columns.distanceM[far] as number)))
				far = i;
		});
		const engine = new AnalysisEngine(decodeAnalysisBundle(bytes));
		const lngLat = [...engine.bundle.origins.lngLat.subarray(2 * far, 2 * far + 2)] as [
			number,
			number,
		];
		const extraPlaces = [{ id: 'curated:x', lngLat, name: 'Curated' }];
		const withExtra = await client.request('coverage', { ...key, normM: 500, extraPlaces });
		expect(withExtra.placeCount).toBe(without.placeCount + 1);
		expect(withExtra.columns.distanceM[far]).toBeLessThan(without.columns.distanceM[far] as number);
		expect(withExtra.columns.placeIds).toContain('curated:x');
		const inPlace = engine.coverage({ ...key, extraPlaces });
		expect([...withExtra.columns.distanceM]).toEqual([...inPlace.result.distanceM]);
	});

	it('cancels a request through its AbortSignal and reports errors by name', async () => {
		const { client, ports } = connect();
		open = ports;
		await expect(
			client.request('coverage', {
				categoryId: 'pharmacy',
				profile: 'walking',
				unknownMode: 'optimistic',
				normM: 800,
			}),
		).rejects.toThrow(/no analysis bundle loaded/);
		const load = client.request('load', { bytes: bytes.slice().buffer });
		const controller = new AbortController();
		const cov = client.request(
			'coverage',
			{ categoryId: 'pharmacy', profile: 'walking', unknownMode: 'optimistic', normM: 800 },
			{ signal: controller.signal },
		);
		controller.abort();
		await expect(cov).rejects.toMatchObject({ name: 'AbortError' });
		await load;
		// the worker still answers later requests
		const o = decodeAnalysisBundle(bytes).origins;
		const at: [number, number] = [o.lngLat[2000]!, o.lngLat[2001]!];
		const ws = await client.request('walkshed', {
			lngLat: at,
			minutes: 5,
			profile: 'walking',
			unknownMode: 'optimistic',
		});
		expect(ws?.lines.geometry.type).toBe('MultiLineString');
		expect(ws?.residents).toBeGreaterThan(0);
		client.dispose();
	});

	it(
		"a re-run of a key, and a new bundle, hand the replaced runs' arrays back to the engine; the answers are unchanged",
		{ timeout: 60_000 },
		async () => {
			const { client, ports } = connect();
			open = ports;
			const keep = vi.spyOn(AnalysisEngine.prototype, 'keepRunArrays');
			try {
				await client.request('load', { bytes: bytes.slice().buffer });
				const key = {
					categoryId: 'pharmacy',
					profile: 'walking',
					unknownMode: 'optimistic',
					normM: 800,
				} as const;
				const first = await client.request('coverage', key);
				await client.request('coverage', { ...key, categoryId: 'grocery' });
				expect(keep).not.toHaveBeenCalled();
				const again = await client.request('coverage', key);
				expect(keep).toHaveBeenCalledTimes(1);
				expect(again.columns).toEqual(first.columns);
				expect(again.summary).toEqual(first.summary);
				// a what-if on the re-run works on its own arrays, not on the released ones
				const edited = await client.request('whatIf', {
					...key,
					removePlaceIds: [first.columns.placeIds[0]!],
				});
				expect(edited.changed.origins.length).toBeGreaterThan(0);
				await client.request('load', { bytes: bytes.slice().buffer });
				expect(keep).toHaveBeenCalledTimes(3);
			} finally {
				keep.mockRestore();
			}
			client.dispose();
		},
	);

	it('runs requests queued behind each other with no timer between them (a nested setTimeout(0) waits 4 ms in a browser), and still skips one cancelled while queued', async () => {
		const { client, ports } = connect();
		open = ports;
		await client.request('load', { bytes: bytes.slice().buffer });
		const coverage = (categoryId: string, signal?: AbortSignal) =>
			client.request(
				'coverage',
				{ categoryId, profile: 'walking', unknownMode: 'optimistic', normM: 800 },
				signal ? { signal } : {},
			);
		const timers = vi.spyOn(globalThis, 'setTimeout');
		try {
			const controller = new AbortController();
			const first = coverage('pharmacy');
			const skipped = coverage('bakery', controller.signal);
			const last = coverage('bakery');
			controller.abort();
			await expect(skipped).rejects.toMatchObject({ name: 'AbortError' });
			const [a, b] = await Promise.all([first, last]);
			expect(a.placeCount).toBeGreaterThan(0);
			expect(b.placeCount).toBeGreaterThan(0);
			expect(timers).not.toHaveBeenCalled();
		} finally {
			timers.mockRestore();
		}
		client.dispose();
	});
});

describe('overlay requests', () => {
	it('returns grid cells and origin points of the edited coverage', async () => {
		const { client, ports } = connect();
		open = ports;
		await client.request('load', { bytes: bytes.slice().buffer });
		const key = {
			categoryId: 'bakery',
			profile: 'rollator',
			unknownMode: 'optimistic',
			normM: 500,
		} as const;
		const cov = await client.request('coverage', key);
		const cells = await client.request('cells', { ...key, cellM: 300 });
		const beyond = cov.summary.reduce((s, r) => s + r.beyondResidents!, 0);
		const cellBeyond = cells.features.reduce((s, f) => s + f.properties.beyond_residents!, 0);
		expect(Math.abs(cellBeyond - beyond)).toBeLessThan(0.005 * cells.features.length + 1e-6);
		const pts = await client.request('originsGeoJSON', key);
		expect(pts.features).toHaveLength(cov.columns.distanceM.length);
		expect(pts.features[0]?.geometry.type).toBe('Point');
		client.dispose();
	});

	it('says which points a walkshed can start from: the ones that snap for at least one profile, as the engine', async () => {
		const { client, ports } = connect();
		open = ports;
		await client.request('load', { bytes: bytes.slice().buffer });
		const engine = new AnalysisEngine(decodeAnalysisBundle(bytes));
		engine.prepare();
		const g = engine.graph;
		// a node of the network, and points 1 km and 50 km east of it
		const x = g.nodeLngLat[0] as number;
		const y = g.nodeLngLat[1] as number;
		const points: [number, number][] = [
			[x, y],
			[x + 0.0143, y],
			[x + 0.7, y],
		];
		const expected = points.map(([lng, lat]) =>
			(['walking', 'rollator', 'wheelchair'] as const).some((p) => engine.snapPoint(lng, lat, p)),
		);
		expect(expected[0]).toBe(true);
		expect(expected[2]).toBe(false);
		const answer = await client.request('startable', {
			points,
			profiles: ['walking', 'rollator', 'wheelchair'],
			unknownMode: 'optimistic',
		});
		expect(answer.startable).toEqual(expected);
	});
});
