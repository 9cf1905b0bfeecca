/**
 * The device database through idb: a database written by the first version (the raw IndexedDB
 * code of before, version 1) opens without losing a record; a later version's upgrade runs on it
 * and keeps what is saved; a failing upgrade leaves the database as it was.
 */
import { IDBFactory } from 'fake-indexeddb';
import { unwrap, wrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { DeviceDb, UPGRADES, isConstraintError, type Upgrade } from './device-db.ts';

/** Version 1 as the code before idb created it, with one record in every store. */
async function versionOneDatabase(factory: IDBFactory, name: string): Promise<void> {
	const stores = {
		areas: 'id',
		neighbourhoods: 'id',
		curated_places: 'id',
		saved_analyses: 'id',
		analysis_details: 'id',
		barrier_reports: 'id',
		outbox: 'id',
		settings: 'key',
	};
	const indexed = ['neighbourhoods', 'curated_places', 'saved_analyses', 'barrier_reports'];
	const req = factory.open(name, 1);
	req.onupgradeneeded = () => {
		for (const [store, keyPath] of Object.entries(stores)) {
			const os = req.result.createObjectStore(store, { keyPath });
			if (indexed.includes(store)) os.createIndex('areaId', 'areaId');
		}
	};
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	const tx = db.transaction(Object.keys(stores), 'readwrite');
	for (const store of Object.keys(stores)) {
		tx.objectStore(store).put(
			store === 'settings'
				? { key: 'clientId', value: 'c-1' }
				: { id: `${store}-1`, areaId: 'area-1', name: `saved ${store}` },
		);
	}
	await new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
	});
	db.close();
}

async function everything(db: DeviceDb): Promise<unknown[]> {
	return [
		await db.all('areas'),
		await db.all('neighbourhoods', 'areaId', 'area-1'),
		await db.all('curated_places', 'areaId', 'area-1'),
		await db.all('saved_analyses', 'areaId', 'area-1'),
		await db.get('analysis_details', 'analysis_details-1'),
		await db.all('barrier_reports', 'areaId', 'area-1'),
		await db.all('outbox'),
		await db.get('settings', 'clientId'),
	];
}

describe('device database (idb)', () => {
	it('opens a version 1 database of before without losing a record', async () => {
		const factory = new IDBFactory();
		await versionOneDatabase(factory, 'v1');
		const db = await DeviceDb.open('v1', factory);
		expect(db.idb.version).toBe(UPGRADES.length);
		const all = await everything(db);
		expect(all[0]).toEqual([{ id: 'areas-1', areaId: 'area-1', name: 'saved areas' }]);
		expect(all[4]).toMatchObject({ id: 'analysis_details-1' });
		expect(all[7]).toEqual({ key: 'clientId', value: 'c-1' });
		for (const list of [all[1], all[2], all[3], all[5], all[6]]) expect(list).toHaveLength(1);
		db.close();
	});

	it('upgrades version 1 to a later version, keeping what is saved', async () => {
		const factory = new IDBFactory();
		await versionOneDatabase(factory, 'up');
		const before = await DeviceDb.open('up', factory);
		const saved = await everything(before);
		before.close();
		// A version 2 as a later release would append it: an index over two fields.
		const v2: Upgrade = (_db, tx) => {
			// (an index the schema's types do not know yet: through the plain API)
			unwrap(tx).objectStore('barrier_reports').createIndex('areaId_name', ['areaId', 'name']);
		};
		const after = await DeviceDb.open('up', factory, [...UPGRADES, v2]);
		expect(after.idb.version).toBe(UPGRADES.length + 1);
		expect(await everything(after)).toEqual(saved);
		const byIndex = await wrap(
			unwrap(after.idb)
				.transaction('barrier_reports')
				.objectStore('barrier_reports')
				.index('areaId_name')
				.getAll(['area-1', 'saved barrier_reports']),
		);
		expect(byIndex).toHaveLength(1);
		after.close();
	});

	it('a failing upgrade leaves the database at its version with everything in it', async () => {
		const factory = new IDBFactory();
		await versionOneDatabase(factory, 'fail');
		const broken: Upgrade = (db) => {
			db.deleteObjectStore('outbox');
			throw new Error('upgrade 2 failed');
		};
		await expect(DeviceDb.open('fail', factory, [...UPGRADES, broken])).rejects.toThrow(
			'device.open: upgrading the device database from version 1 failed at version 2: upgrade 2 failed; nothing was changed',
		);
		const db = await DeviceDb.open('fail', factory);
		expect(db.idb.version).toBe(1);
		expect(await db.all('outbox')).toEqual([
			{ id: 'outbox-1', areaId: 'area-1', name: 'saved outbox' },
		]);
		db.close();
	});

	it('a fresh database gets every store and index of the schema', async () => {
		const db = await DeviceDb.open('fresh', new IDBFactory());
		expect([...db.idb.objectStoreNames].sort()).toEqual([
			'analysis_details',
			'areas',
			'barrier_reports',
			'curated_places',
			'neighbourhoods',
			'outbox',
			'saved_analyses',
			'settings',
		]);
		const tx = db.idb.transaction('saved_analyses');
		expect([...tx.store.indexNames]).toEqual(['areaId']);
		db.close();
	});

	it('a failed write names its cause and stores nothing of the transaction', async () => {
		const db = await DeviceDb.open('conflict', new IDBFactory());
		await db.write(['outbox'], (tx) => tx.objectStore('outbox').add({ id: 'e1', n: 1 }));
		const err = await db
			.write(['outbox', 'settings'], (tx) => {
				tx.objectStore('settings').put({ key: 'k', value: 'v' });
				tx.objectStore('outbox').add({ id: 'e1', n: 2 });
			})
			.catch((e: unknown) => e);
		// the request's own error, not a bare AbortError (and no promise rejected unseen: vitest
		// fails a run on an unhandled rejection)
		expect(isConstraintError(err)).toBe(true);
		expect(await db.get('settings', 'k')).toBeUndefined();
		expect(await db.all('outbox')).toEqual([{ id: 'e1', n: 1 }]);
		db.close();
	});
});
