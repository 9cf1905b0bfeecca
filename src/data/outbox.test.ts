/**
 * The outbox on the embedded default, with no backend at all: the device repositories on
 * fake-indexeddb (an implementation of the IndexedDB spec), with the sample's real municipalities
 * as areas.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { DeviceDb } from './device-db.ts';
import { DataError } from './errors.ts';
import { type FlushResult, keepDelivering, ReportOutbox, retryDelayMs } from './outbox.ts';
import { deviceRepositories } from './repositories.ts';
import type { Area } from './types.ts';

function sampleAreas(): Area[] {
	const url = new URL(
		'../../data/vorselaar-lille/boundaries/municipalities.geojson',
		import.meta.url,
	);
	const fc = JSON.parse(readFileSync(url, 'utf8')) as {
		features: { properties: { nis: string; name: string }; geometry: Polygon | MultiPolygon }[];
	};
	return fc.features.map((f) => ({
		id: crypto.randomUUID(),
		slug: f.properties.name.toLowerCase(),
		name: f.properties.name,
		nisCode: f.properties.nis,
		population: null,
		populationYear: null,
		boundary:
			f.geometry.type === 'Polygon'
				? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] }
				: f.geometry,
	}));
}

async function open(factory = new IDBFactory()) {
	const device = await DeviceDb.open('outbox-test', factory);
	const repos = await deviceRepositories(device);
	await repos.areas.import(sampleAreas(), []);
	return { factory, device, repos };
}

const bench = {
	kind: 'no_bench' as const,
	description: 'Geen bank',
	location: { type: 'Point' as const, coordinates: [4.7705, 51.2025] },
};

/** An EventTarget that counts its listeners (to see that a stopped loop stops listening). */
class CountingTarget extends EventTarget {
	listening = 0;
	override addEventListener(...args: Parameters<EventTarget['addEventListener']>): void {
		this.listening++;
		super.addEventListener(...args);
	}
	override removeEventListener(...args: Parameters<EventTarget['removeEventListener']>): void {
		this.listening--;
		super.removeEventListener(...args);
	}
}

describe('barrier-report outbox on the device', () => {
	it('survives a reload and delivers each report exactly once', async () => {
		const { factory, device, repos } = await open();
		const entry = await repos.outbox.enqueue(bench);
		device.close();

		const reopened = await DeviceDb.open('outbox-test', factory);
		const again = await deviceRepositories(reopened);
		expect(again.outbox.clientId).toBe(repos.outbox.clientId);
		expect((await again.outbox.entries()).map((e) => e.id)).toEqual([entry.id]);
		expect(await again.outbox.flush()).toEqual({ delivered: 1, pending: 0, refused: 0 });
		expect(await again.outbox.flush()).toEqual({ delivered: 0, pending: 0, refused: 0 });
		const stored = await again.barrierReports.listMine();
		expect(stored.map((r) => [r.id, r.status, r.areaId])).toEqual([
			[entry.id, 'new', (await again.areas.list()).find((a) => a.slug === 'vorselaar')?.id],
		]);
	});

	it('keeps a report whose content the backend refuses, with the reason as an error kind', async () => {
		const { device, repos } = await open();
		// a report in Brussels passes the outbox's own checks (it is in Belgium) but no area serves it
		const entry = await repos.outbox.enqueue({
			...bench,
			location: { type: 'Point', coordinates: [4.35, 50.85] },
		});
		expect(await repos.outbox.flush()).toEqual({ delivered: 0, pending: 0, refused: 1 });
		const [kept] = await repos.outbox.entries();
		expect(kept).toMatchObject({
			id: entry.id,
			state: 'refused',
			attempts: 1,
			nextAttemptAt: null,
		});
		expect(kept?.lastError).toMatchObject({ kind: 'outside_area' });
		// a refused entry is not tried again by itself
		expect(await repos.outbox.flush({ force: true })).toEqual({
			delivered: 0,
			pending: 0,
			refused: 1,
		});
		expect((await repos.outbox.entries())[0]?.attempts).toBe(1);
		device.close();
	});

	it('gives up only on a refusal of the content: 401/403, 5xx, rate limit, network and unknown stay queued with backoff', async () => {
		const device = await DeviceDb.open('outbox-test', new IDBFactory());
		let now = Date.parse('2026-12-01T10:00:00Z');
		let failWith: DataError | null = null;
		const stored: string[] = [];
		const outbox = await ReportOutbox.open(
			device,
			(r) => {
				if (failWith) return Promise.reject(failWith);
				stored.push(r.id);
				return Promise.resolve();
			},
			() => now,
		);
		const cases: [DataError, 'queued' | 'refused'][] = [
			[
				new DataError('barrierReports.submit', 'denied', 'permission denied', { kind: 'denied' }),
				'queued',
			],
			[
				new DataError('barrierReports.submit', 'denied', 'JWT expired', { kind: 'sign_in_needed' }),
				'queued',
			],
			[
				new DataError('barrierReports.submit', 'unknown', '502 Bad Gateway', { kind: 'server' }),
				'queued',
			],
			[
				new DataError('barrierReports.submit', 'rate_limited', 'too many', {
					kind: 'rate_limited',
				}),
				'queued',
			],
			[new DataError('barrierReports.submit', 'network', 'fetch failed'), 'queued'],
			[new DataError('barrierReports.submit', 'unknown', 'who knows'), 'queued'],
			[
				new DataError('barrierReports.submit', 'invalid', 'check constraint', { kind: 'too_long' }),
				'refused',
			],
		];
		for (const [error, state] of cases) {
			const entry = await outbox.enqueue(bench);
			failWith = error;
			await outbox.flush({ force: true });
			const kept = (await outbox.entries()).find((e) => e.id === entry.id);
			expect([error.kind, kept?.state, kept?.lastError]).toEqual([error.kind, state, error.info()]);
			if (state === 'queued') {
				expect(Date.parse(kept?.nextAttemptAt ?? '')).toBe(now + retryDelayMs(1));
				// not again before its backoff has passed, unless forced
				failWith = null;
				expect(await outbox.flush()).toMatchObject({ delivered: 0 });
				now += retryDelayMs(1);
				expect(await outbox.flush()).toMatchObject({ delivered: 1 });
				expect(stored).toContain(entry.id);
			} else {
				await outbox.remove(entry.id);
			}
		}
		expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
		expect(retryDelayMs(100)).toBe(30 * 60_000);
		device.close();
	});

	it('lets the resident retry, edit or delete a refused report', async () => {
		const { device, repos } = await open();
		const outside = await repos.outbox.enqueue({
			...bench,
			location: { type: 'Point', coordinates: [4.35, 50.85] },
		});
		await repos.outbox.flush();
		// retry: refused again (still outside every area), one more attempt
		await repos.outbox.retry(outside.id);
		expect((await repos.outbox.entries())[0]).toMatchObject({ state: 'queued' });
		await repos.outbox.flush();
		expect((await repos.outbox.entries())[0]).toMatchObject({ state: 'refused', attempts: 2 });
		// edit: bad input changes nothing; a good change is delivered under the same id
		await expect(repos.outbox.edit(outside.id, { description: '<b>x</b>' })).rejects.toMatchObject({
			kind: 'markup',
		});
		await repos.outbox.edit(outside.id, {
			location: bench.location,
			description: 'Toch in Vorselaar',
		});
		expect(await repos.outbox.flush()).toEqual({ delivered: 1, pending: 0, refused: 0 });
		expect((await repos.barrierReports.listMine()).map((r) => [r.id, r.description])).toEqual([
			[outside.id, 'Toch in Vorselaar'],
		]);
		// delete
		const again = await repos.outbox.enqueue({
			...bench,
			location: { type: 'Point', coordinates: [4.35, 50.85] },
		});
		await repos.outbox.flush();
		await repos.outbox.remove(again.id);
		expect(await repos.outbox.entries()).toEqual([]);
		await expect(repos.outbox.remove(again.id)).rejects.toMatchObject({ code: 'not_found' });
		device.close();
	});

	it('one loop delivers at start and when the device comes back online, until stopped', async () => {
		const { device, repos } = await open();
		const events = new CountingTarget();
		const stop = new AbortController();
		let online = true;
		await repos.outbox.enqueue(bench);
		const flushed: (FlushResult | null)[] = [];
		const loop = keepDelivering(repos.outbox, {
			signal: stop.signal,
			events,
			isOnline: () => online,
			onFlushed: (r) => flushed.push(r),
		});
		await vi.waitFor(async () => expect(await repos.outbox.entries()).toEqual([]));

		// offline: a new report waits; the 'online' event delivers it
		online = false;
		const second = await repos.outbox.enqueue({ ...bench, description: 'Tweede' });
		expect(await loop.deliver()).toBeNull();
		expect((await repos.outbox.entries()).map((e) => e.id)).toEqual([second.id]);
		online = true;
		events.dispatchEvent(new Event('online'));
		await vi.waitFor(async () => expect(await repos.outbox.entries()).toEqual([]));
		expect((await repos.barrierReports.listMine()).map((r) => r.id)).toContain(second.id);
		expect(flushed).toContain(null);

		expect(events.listening).toBe(1);
		stop.abort();
		expect(events.listening).toBe(0);
		device.close();
	});

	it('gives each device its own client id', async () => {
		const a = await open();
		const b = await open();
		expect(a.repos.outbox.clientId).not.toBe(b.repos.outbox.clientId);
		expect((await ReportOutbox.open(a.device, () => Promise.resolve())).clientId).toBe(
			a.repos.outbox.clientId,
		);
		a.device.close();
		b.device.close();
	});
});
