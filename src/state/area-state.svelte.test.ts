/**
 * AreaState over the real built areas (tiles/, through a file-backed fetch): which area opens, what
 * a switch resets, and the analysis bundle's download progress (bytes, then the decode step).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import {
	channelSearch,
	channelWorker,
	ORIGIN,
	testAreaState,
	tilesFetch,
} from '../../tests/helpers/panels.ts';
import { loadAreaIndex, type AreaSummary } from '../data/area-index.ts';
import { loadAreaTiles, type AreaTiles } from '../data/tiles.ts';
import { MANIFEST_SCHEMA_VERSION } from '../contracts/manifest.ts';
import { decodeAnalysisBundle } from '../analysis/bundle.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { nearestPlaces } from '../analysis/nearest.ts';
import { decodePersonalProfile } from '../analysis/personal-profile.ts';
import { AnalysisState, type AnalysisProgress } from './analysis.svelte.ts';
import { AreaState, pickArea } from './area-state.svelte.ts';

const summary = (id: string) => ({ id }) as AreaSummary;

describe('pickArea', () => {
	it('opens the named area, else the only one, else the remembered one, else asks', () => {
		const two = [summary('a'), summary('b')];
		expect(pickArea(two, 'b', 'a')).toBe('b');
		expect(pickArea([summary('a')], undefined, null)).toBe('a');
		expect(pickArea(two, undefined, 'b')).toBe('b');
		expect(pickArea(two, undefined, 'gone')).toBeUndefined();
		expect(pickArea(two, undefined, null)).toBeUndefined();
	});
});

describe('AreaState', () => {
	it('lists the built areas and gives every URL of the opened one from its manifest', async () => {
		const area = testAreaState();
		await area.start('lille');
		expect(area.areas?.map((a) => a.id)).toEqual(
			expect.arrayContaining(['lille', 'vorselaar', 'vorselaar-lille']),
		);
		expect(area.id).toBe('lille');
		const files = area.tiles!.files;
		for (const f of [files.analysis, files.search, files.boundaries])
			expect(f?.url.startsWith(`${ORIGIN}/tiles/lille/`)).toBe(true);
		expect(area.data?.areaName).toBe('Lille');
	});

	it('says it is opening until its manifest is in, or failed: whether it has an engine is known only then', async () => {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const holding: typeof fetch = async (input, init) => {
			if (String(input).endsWith('/manifest.json')) await held;
			return tilesFetch(input, init);
		};
		const area = new AreaState({
			origin: ORIGIN,
			fetch: holding,
			startWorker: channelWorker,
			startSearch: channelSearch,
		});
		expect(area.isOpening).toBe(false);
		const started = area.start('lille');
		expect(area.isOpening).toBe(true);
		await vi.waitFor(() => expect(area.id).toBe('lille'));
		expect(area.isOpening).toBe(true);
		expect(area.analysis).toBeUndefined();
		release();
		await vi.waitFor(() => expect(area.analysis).toBeDefined());
		expect(area.isOpening).toBe(false);
		await started;
		// an area whose manifest is missing: opened and failed, not opening any more
		await area.open('nowhere');
		expect(area.manifestError).toBeDefined();
		expect(area.isOpening).toBe(false);
		// no area to open (a first visit, nothing remembered: the resident chooses): not opening
		localStorage.clear();
		const none = testAreaState();
		await none.start(undefined);
		expect(none.id).toBeUndefined();
		expect(none.isOpening).toBe(false);
		area.close();
	});

	it('defers the places and search until wanted (a first visit draws the map first)', async () => {
		let searches = 0;
		const area = new AreaState({
			origin: ORIGIN,
			fetch: tilesFetch,
			startWorker: channelWorker,
			startSearch: () => {
				searches++;
				return channelSearch();
			},
			deferData: true,
		});
		const opened = area.open('lille');
		await vi.waitFor(() => expect(area.tiles?.areaId).toBe('lille'));
		expect(area.isDataWanted).toBe(false);
		expect(searches).toBe(0);
		expect(area.data).toBeUndefined();
		area.wantData();
		await opened;
		expect(area.isDataWanted).toBe(true);
		expect(searches).toBe(1);
		expect(area.data?.areaName).toBe('Lille');
		// Once wanted, another area's data load with it.
		await area.open('vorselaar');
		expect(searches).toBe(2);
		expect(area.data?.areaName).toBe('Vorselaar');
		area.close();
	});

	it('takes over the index and the manifest the first view read, each once (issue #12: cold load)', async () => {
		const reads: string[] = [];
		const counting: typeof fetch = (input, init) => {
			reads.push(new URL(String(input)).pathname);
			return tilesFetch(input, init);
		};
		// what src/map/first-view.ts read before the app arrived
		const index = loadAreaIndex(ORIGIN, tilesFetch);
		const id = (await index)[0]!.id;
		let tiles: Promise<AreaTiles> | undefined = loadAreaTiles(id, ORIGIN, tilesFetch);
		const firstTiles = await tiles;
		let indexOnce: typeof index | undefined = index;
		const area = new AreaState({
			origin: ORIGIN,
			fetch: counting,
			startWorker: channelWorker,
			startSearch: channelSearch,
			deferData: true,
			first: {
				index: () => [indexOnce, (indexOnce = undefined)][0],
				tiles: (wanted) => (wanted === id ? [tiles, (tiles = undefined)][0] : undefined),
			},
		});
		void area.start(id);
		await vi.waitFor(() => expect(area.tiles).toBeDefined());
		// the same manifest object (MapView takes the first view's map for it), nothing read again
		expect(area.tiles).toBe(firstTiles);
		expect(reads.filter((r) => r.endsWith('/areas.json') || r.endsWith('/manifest.json'))).toEqual(
			[],
		);
		// opening it again later reads it afresh
		area.close();
		void area.open(id);
		await vi.waitFor(() => expect(area.tiles).toBeDefined());
		expect(area.tiles).not.toBe(firstTiles);
		expect(reads.filter((r) => r.endsWith('/manifest.json'))).toHaveLength(1);
		area.close();
	});

	it('drops the old area on a switch: data, search index and worker', async () => {
		const area = testAreaState();
		await area.open('vorselaar');
		const first = area.analysis!;
		const firstSearch = area.data!.search;
		const streets = async () => {
			const r = await area.data!.search.search('Kerkstraat', 'nl');
			return r.groups.flatMap((g) => g.hits).filter((h) => h.record.kind === 'street');
		};
		const inLocality = (hits: { record: { detail?: string } }[], name: RegExp) =>
			hits.some((h) => name.test(h.record.detail ?? ''));
		const before = await streets();
		expect(inLocality(before, /Vorselaar/)).toBe(true);
		await area.open('lille');
		expect(area.analysis).not.toBe(first);
		await expect(first.client()).rejects.toThrow(/closed/);
		await expect(firstSearch.search('Kerkstraat', 'nl')).rejects.toThrow(/closed/);
		const after = await streets();
		expect(inLocality(after, /Vorselaar/)).toBe(false);
		expect(inLocality(after, /Lille/)).toBe(true);
	});

	it('names a missing area', async () => {
		const area = new AreaState({ origin: ORIGIN, fetch: tilesFetch });
		await area.open('nowhere');
		expect(area.manifestError).toMatch(/nowhere\/manifest\.json: HTTP 404/);
		expect(area.manifestIssue).toBeUndefined();
	});

	it('refuses a manifest of another format version, saying which (the real manifest, one version on)', async () => {
		const newer: typeof fetch = async (input, init) => {
			const response = await tilesFetch(input, init);
			if (!String(input).endsWith('/lille/manifest.json')) return response;
			const json = (await response.json()) as { schemaVersion: number };
			return Response.json({ ...json, schemaVersion: MANIFEST_SCHEMA_VERSION + 1 });
		};
		const area = new AreaState({ origin: ORIGIN, fetch: newer });
		await area.open('lille');
		expect(area.tiles).toBeUndefined();
		expect(area.manifestIssue).toEqual({
			path: 'schemaVersion',
			kind: 'schemaVersion',
			limit: MANIFEST_SCHEMA_VERSION,
			found: MANIFEST_SCHEMA_VERSION + 1,
		});
		expect(area.manifestError).toMatch(/another version of the pipeline/);
	});
});

describe('AnalysisState', () => {
	it('counts the bundle bytes as they arrive, then decodes it in the worker', async () => {
		const bytes = readFileSync(path.join(REPO_ROOT, 'tiles/vorselaar-lille/analysis.bin'));
		const chunk = 64 * 1024;
		let release: () => void = () => {};
		const seen: AnalysisProgress[] = [];
		const body = new ReadableStream<Uint8Array>({
			async start(controller) {
				for (let at = 0; at < bytes.length; at += chunk) {
					controller.enqueue(new Uint8Array(bytes.subarray(at, at + chunk)));
					// one chunk at a time: the test looks at the progress in between
					await new Promise<void>((r) => (release = r));
				}
				controller.close();
			},
		});
		const analysis = new AnalysisState(`${ORIGIN}/tiles/vorselaar-lille/analysis.bin`, {
			expectedBytes: bytes.length,
			fetch: (async () => new Response(body)) as typeof fetch,
			startWorker: channelWorker,
		});
		const ready = analysis.client();
		for (let i = 0; i < Math.ceil(bytes.length / chunk); i++) {
			await new Promise((r) => setTimeout(r, 0));
			if (analysis.progress) seen.push(analysis.progress);
			release();
		}
		await ready;
		expect(analysis.status).toBe('ready');
		expect(analysis.progress).toBeUndefined();
		const downloads = seen.filter((p) => p.phase === 'download');
		expect(downloads.length).toBeGreaterThan(3);
		expect(downloads.every((p) => p.total === bytes.length)).toBe(true);
		const loaded = downloads.map((p) => (p.phase === 'download' ? p.loaded : 0));
		expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
		expect(loaded.at(-1)).toBeGreaterThan(bytes.length / 2);
		analysis.dispose();
	});

	it('sends the personal profile before any answer, and again when it changes', async () => {
		const bytes = readFileSync(path.join(REPO_ROOT, 'tiles/vorselaar-lille/analysis.bin'));
		const analysis = new AnalysisState(`${ORIGIN}/tiles/vorselaar-lille/analysis.bin`, {
			fetch: (async () => new Response(new Uint8Array(bytes))) as typeof fetch,
			startWorker: channelWorker,
		});
		const my = 'wheelchair.k2.s5.w1.5.st0.avrough.b-.vusual.uc';
		await analysis.setPersonal(my); // before the load: sent right after it
		const client = await analysis.client();
		expect(analysis.personal?.base).toBe('wheelchair');
		const key = {
			categoryId: 'pharmacy',
			profile: 'wheelchair',
			unknownMode: 'cautious',
			normM: 800,
		} as const;
		const mine = await client.request('coverage', key);
		await analysis.setPersonal(null);
		expect(analysis.personal?.base).toBeNull();
		const builtIn = await client.request('coverage', key);
		expect([...mine.columns.timeS]).not.toEqual([...builtIn.columns.timeS]);
		analysis.dispose();
	});

	it("asks nearest help, routes and walking times with the personal profile's unknown-data choice", async () => {
		const bytes = readFileSync(path.join(REPO_ROOT, 'tiles/vorselaar-lille/analysis.bin'));
		const analysis = new AnalysisState(`${ORIGIN}/tiles/vorselaar-lille/analysis.bin`, {
			fetch: (async () => new Response(new Uint8Array(bytes))) as typeof fetch,
			startWorker: channelWorker,
		});
		const limits = 'wheelchair.k2.s5.w1.5.st0.avrough.b-.vusual';
		const b = decodeAnalysisBundle(new Uint8Array(bytes));
		const o = b.origins.lngLat;
		await analysis.setPersonal(`${limits}.uo`);
		expect(analysis.unknownMode).toBe('optimistic');
		// the first origin from which an optimistic wheelchair user reaches a pharmacy
		let from: [number, number] | undefined;
		let found: Awaited<ReturnType<AnalysisState['nearest']>> = [];
		for (let i = 0; i < b.origins.count && found.length === 0; i++) {
			from = [o[2 * i]!, o[2 * i + 1]!];
			found = await analysis.nearest(from, 'pharmacy', 'wheelchair', 1);
		}
		expect(found[0]?.route.unknownMode).toBe('optimistic');
		const to = found[0]!.route.coordinates.at(-1)!;
		const [optimisticS] = await analysis.walkingTimes(from!, [to], 'wheelchair');
		expect(optimisticS).toBeCloseTo(found[0]!.route.timeS, 6);

		await analysis.setPersonal(`${limits}.uc`);
		expect(analysis.unknownMode).toBe('cautious');
		const mine = new AnalysisEngine(b).withPersonal(decodePersonalProfile(`${limits}.uc`));
		const expected = nearestPlaces(mine, from!, 'pharmacy', 'wheelchair', 1, {
			unknownMode: 'cautious',
		});
		const cautious = await analysis.nearest(from!, 'pharmacy', 'wheelchair', 1);
		expect(cautious.map((p) => [p.placeId, p.route.timeS])).toEqual(
			expected.map((p) => [p.placeId, p.route.timeS]),
		);
		const route = await analysis.route(from!, to, 'wheelchair');
		expect(route.unknownMode).toBe('cautious');
		const [cautiousS] = await analysis.walkingTimes(from!, [to], 'wheelchair');
		expect(cautiousS).toBe(route.timeS);
		// on the sample's sparsely tagged streets, counting unknown data as unusable changes the answer
		expect(cautiousS).not.toBe(optimisticS);
		analysis.dispose();
	});
});
