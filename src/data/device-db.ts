/**
 * The embedded default's storage: one IndexedDB database on the device, opened with `idb` (a typed
 * schema, promises) and upgraded version by version through {@link UPGRADES}. Every multi-record
 * write happens in one transaction (all or nothing). In Node tests pass `fake-indexeddb`'s
 * IDBFactory.
 */
import {
	unwrap,
	wrap,
	type DBSchema,
	type IDBPDatabase,
	type IDBPTransaction,
	type IndexKey,
	type IndexNames,
	type StoreNames,
	type StoreValue,
} from 'idb';
import { DataError } from './errors.ts';
import type { OutboxEntry } from './outbox.ts';
import type { DeviceDetail } from './saved-analyses.ts';
import type { Area, BarrierReport, CuratedPlace, Neighbourhood, SavedAnalysis } from './types.ts';

/** What the database holds: per object store its key, values and indexes. */
export interface BuurtkaartDbSchema extends DBSchema {
	areas: { key: string; value: Area };
	neighbourhoods: { key: string; value: Neighbourhood; indexes: { areaId: string } };
	curated_places: { key: string; value: CuratedPlace; indexes: { areaId: string } };
	saved_analyses: { key: string; value: SavedAnalysis; indexes: { areaId: string } };
	analysis_details: { key: string; value: DeviceDetail };
	/** Reports sent from this device keep the client id they were queued under. */
	barrier_reports: {
		key: string;
		value: BarrierReport & { clientId?: string };
		indexes: { areaId: string };
	};
	outbox: { key: string; value: OutboxEntry };
	settings: { key: string; value: { key: string; value: string } };
}

export type StoreName = StoreNames<BuurtkaartDbSchema>;
type Value<S extends StoreName> = StoreValue<BuurtkaartDbSchema, S>;

/** A version's upgrade: brings a database of the version before it up to its own. */
export type Upgrade = (
	db: IDBPDatabase<BuurtkaartDbSchema>,
	tx: IDBPTransaction<BuurtkaartDbSchema, StoreName[], 'versionchange'>,
) => void;

/**
 * The upgrades, one per version: `UPGRADES[v - 1]` turns version v - 1 into v. Opening runs those
 * above the stored version, in order, inside the one upgrade transaction (all or nothing), so a
 * database of any earlier version keeps what it holds. Add a version by appending a row; never
 * change a row that shipped.
 */
export const UPGRADES: readonly Upgrade[] = [
	// 1: the stores and their areaId indexes.
	(db) => {
		for (const store of [
			'areas',
			'analysis_details',
			'outbox',
		] as const satisfies readonly StoreName[])
			db.createObjectStore(store, { keyPath: 'id' });
		for (const store of [
			'neighbourhoods',
			'curated_places',
			'saved_analyses',
			'barrier_reports',
		] as const)
			db.createObjectStore(store, { keyPath: 'id' }).createIndex('areaId', 'areaId');
		db.createObjectStore('settings', { keyPath: 'key' });
	},
];

/** Resolves when the transaction commits; rejects when it aborts, naming the failed request's error. */
export function committed(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
		// a failed request's error bubbles here first; it names the cause (e.g. ConstraintError)
		tx.onerror = (event) =>
			reject(
				(event.target as IDBRequest | null)?.error ??
					tx.error ??
					new Error('IndexedDB transaction failed'),
			);
	});
}

export class DeviceDb {
	private constructor(readonly idb: IDBPDatabase<BuurtkaartDbSchema>) {}

	/**
	 * Opens the database `name`, creating it or upgrading it from the version it has through
	 * `upgrades` (default {@link UPGRADES}; its length is the version).
	 */
	static async open(
		name = 'buurtkaart',
		factory: IDBFactory = globalThis.indexedDB,
		upgrades: readonly Upgrade[] = UPGRADES,
	): Promise<DeviceDb> {
		if (!factory)
			throw new DataError('device.open', 'unknown', 'IndexedDB is not available on this device');
		// idb's openDB, on the factory given (fake-indexeddb in Node) rather than the global one
		const req = factory.open(name, upgrades.length);
		let failure: DataError | undefined;
		req.onupgradeneeded = (event) => {
			const db = wrap(req.result) as IDBPDatabase<BuurtkaartDbSchema>;
			const tx = wrap(req.transaction as IDBTransaction) as unknown as IDBPTransaction<
				BuurtkaartDbSchema,
				StoreName[],
				'versionchange'
			>;
			// an aborted upgrade rejects the open below, with the cause named
			tx.done.catch(() => undefined);
			let v = event.oldVersion;
			try {
				for (; v < upgrades.length; v++) (upgrades[v] as Upgrade)(db, tx);
			} catch (err) {
				failure = new DataError(
					'device.open',
					'unknown',
					`upgrading the device database from version ${event.oldVersion} failed at version ${v + 1}: ${(err as Error).message}; nothing was changed`,
					{ cause: err },
				);
				tx.abort();
			}
		};
		try {
			return new DeviceDb(await (wrap(req) as Promise<IDBPDatabase<BuurtkaartDbSchema>>));
		} catch (err) {
			throw failure ?? err;
		}
	}

	close(): void {
		this.idb.close();
	}

	/** All records of a store, or those whose `index` equals `key`. */
	async all<S extends StoreName>(
		store: S,
		index?: IndexNames<BuurtkaartDbSchema, S>,
		key?: string,
	): Promise<Value<S>[]> {
		return index
			? this.idb.getAllFromIndex(
					store,
					index,
					key as IndexKey<BuurtkaartDbSchema, S, IndexNames<BuurtkaartDbSchema, S>> | undefined,
				)
			: this.idb.getAll(store);
	}

	async get<S extends StoreName>(store: S, key: string): Promise<Value<S> | undefined> {
		return this.idb.get(store, key);
	}

	/**
	 * Runs `write` in one readwrite transaction over `stores` and waits for the commit. `write` gets
	 * the plain IDBTransaction (requests whose errors abort the whole transaction, with no promise
	 * left to reject unseen) and must only issue requests (no other awaits), so that the transaction
	 * stays active.
	 */
	async write(stores: StoreName[], write: (tx: IDBTransaction) => void): Promise<void> {
		// on the plain database: idb's wrapped transaction would add a `done` promise that rejects,
		// unseen, whenever a write fails
		const tx = unwrap(this.idb).transaction(stores, 'readwrite');
		const done = committed(tx);
		try {
			write(tx);
		} catch (err) {
			tx.abort();
			await done.catch(() => undefined);
			throw err;
		}
		await done;
	}
}

/** True when an IndexedDB error is a key conflict (add() of an existing key). */
export function isConstraintError(err: unknown): boolean {
	return (err as { name?: unknown } | null)?.name === 'ConstraintError';
}
