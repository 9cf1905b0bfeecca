/**
 * The embedded default's storage: one IndexedDB database on the device. Small promise helpers
 * around the IndexedDB API; every multi-record write happens in one transaction (all or nothing).
 * In Node tests pass `fake-indexeddb`'s IDBFactory.
 */
import { DataError } from './errors.ts';

/** Object stores and their key paths. */
const STORES = {
	areas: 'id',
	neighbourhoods: 'id',
	curated_places: 'id',
	saved_analyses: 'id',
	analysis_details: 'id',
	barrier_reports: 'id',
	outbox: 'id',
	settings: 'key',
} as const;
export type StoreName = keyof typeof STORES;

const INDEXES: Partial<Record<StoreName, string[]>> = {
	neighbourhoods: ['areaId'],
	curated_places: ['areaId'],
	saved_analyses: ['areaId'],
	barrier_reports: ['areaId'],
};

const VERSION = 1;

/** Resolves when the request succeeds; rejects with its error. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

/** Resolves when the transaction commits; rejects when it aborts. */
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
	private constructor(readonly idb: IDBDatabase) {}

	/** Opens (and creates or upgrades) the database `name`. */
	static async open(
		name = 'buurtkaart',
		factory: IDBFactory = globalThis.indexedDB,
	): Promise<DeviceDb> {
		if (!factory)
			throw new DataError('device.open', 'unknown', 'IndexedDB is not available on this device');
		const req = factory.open(name, VERSION);
		req.onupgradeneeded = () => {
			const db = req.result;
			for (const [store, keyPath] of Object.entries(STORES) as [StoreName, string][]) {
				if (db.objectStoreNames.contains(store)) continue;
				const os = db.createObjectStore(store, { keyPath });
				for (const index of INDEXES[store] ?? []) os.createIndex(index, index);
			}
		};
		return new DeviceDb(await request(req));
	}

	close(): void {
		this.idb.close();
	}

	/** All records of a store, or those whose `index` equals `key`. */
	async all<T>(store: StoreName, index?: string, key?: IDBValidKey): Promise<T[]> {
		const os = this.idb.transaction(store, 'readonly').objectStore(store);
		return request((index ? os.index(index).getAll(key) : os.getAll()) as IDBRequest<T[]>);
	}

	async get<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
		return request(
			this.idb.transaction(store, 'readonly').objectStore(store).get(key) as IDBRequest<
				T | undefined
			>,
		);
	}

	/**
	 * Runs `write` in one readwrite transaction over `stores` and waits for the commit. `write` must
	 * only issue requests (no other awaits), so that the transaction stays active.
	 */
	async write(stores: StoreName[], write: (tx: IDBTransaction) => void): Promise<void> {
		const tx = this.idb.transaction(stores, 'readwrite');
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
