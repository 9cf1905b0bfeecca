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
import { keepDelivering, ReportOutbox } from './outbox.ts';
import { deviceRepositories } from './repositories.ts';
import type { Area } from './types.ts';

function sampleAreas(): Area[] {
	const url = new URL('../../data/vorselaar-lille/boundaries/municipalities.geojson', import.meta.url);
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
		boundary: f.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] } : f.geometry,
	}));
}

async function open(factory = new IDBFactory()) {
	const device = await DeviceDb.open('outbox-test', factory);
	const repos = await deviceRepositories(device);
	await repos.areas.import(sampleAreas(), []);
	return { factory, device, repos };
}

const bench = { kind: 'no_bench' as const, description: 'Geen bank', location: { type: 'Point' as const, coordinates: [4.7705, 51.2025] } };

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
		expect(stored.map((r) => [r.id, r.status, r.areaId])).toEqual([[entry.id, 'new', (await again.areas.list()).find((a) => a.slug === 'vorselaar')?.id]]);
	});

	it('keeps a report the backend refuses, with the reason, instead of losing it', async () => {
		const { device, repos } = await open();
		// a report in Brussels passes the outbox's own checks (it is in Belgium) but no area serves it
		const entry = await repos.outbox.enqueue({ ...bench, location: { type: 'Point', coordinates: [4.35, 50.85] } });
		expect(await repos.outbox.flush()).toEqual({ delivered: 0, pending: 0, refused: 1 });
		const [kept] = await repos.outbox.entries();
		expect(kept).toMatchObject({ id: entry.id, state: 'refused', attempts: 1 });
		expect(kept?.lastError).toMatch(/^barrierReports\.submit: the location lies outside every area/);
		device.close();
	});

	it('flushes again when the device comes back online, until stopped', async () => {
		const { device, repos } = await open();
		const events = new CountingTarget();
		const stop = new AbortController();
		await repos.outbox.enqueue(bench);
		keepDelivering(repos.outbox, { signal: stop.signal, events, intervalMs: 3_600_000 });
		await vi.waitFor(async () => expect(await repos.outbox.entries()).toEqual([]));

		// the hourly timer cannot have fired: only the 'online' event delivers the second one
		const second = await repos.outbox.enqueue({ ...bench, description: 'Tweede' });
		events.dispatchEvent(new Event('online'));
		await vi.waitFor(async () => expect(await repos.outbox.entries()).toEqual([]));
		expect((await repos.barrierReports.listMine()).map((r) => r.id)).toContain(second.id);

		expect(events.listening).toBe(1);
		stop.abort();
		expect(events.listening).toBe(0);
		device.close();
	});

	it('refuses a nonsensical retry interval', async () => {
		const { device, repos } = await open();
		expect(() => keepDelivering(repos.outbox, { signal: new AbortController().signal, intervalMs: 0 })).toThrow(/intervalMs must be ≥ 1000, got 0/);
		device.close();
	});

	it('gives each device its own client id', async () => {
		const a = await open();
		const b = await open();
		expect(a.repos.outbox.clientId).not.toBe(b.repos.outbox.clientId);
		expect((await ReportOutbox.open(a.device, () => Promise.resolve())).clientId).toBe(a.repos.outbox.clientId);
		a.device.close();
		b.device.close();
	});
});
