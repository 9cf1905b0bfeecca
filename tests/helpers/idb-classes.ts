/**
 * `idb` tells its wrapped objects apart with `instanceof IDBRequest`, `IDBDatabase`, … of the global
 * scope, which Node (and happy-dom) lack. The device database's tests open fake-indexeddb's
 * IDBFactory: its classes stand in as those globals. `indexedDB` itself stays unset, so code that
 * checks for IndexedDB sees what it saw before.
 */
import {
	IDBCursor,
	IDBCursorWithValue,
	IDBDatabase,
	IDBIndex,
	IDBKeyRange,
	IDBObjectStore,
	IDBOpenDBRequest,
	IDBRequest,
	IDBTransaction,
	IDBVersionChangeEvent,
} from 'fake-indexeddb';

const classes = {
	IDBCursor,
	IDBCursorWithValue,
	IDBDatabase,
	IDBIndex,
	IDBKeyRange,
	IDBObjectStore,
	IDBOpenDBRequest,
	IDBRequest,
	IDBTransaction,
	IDBVersionChangeEvent,
};
const scope = globalThis as Record<string, unknown>;
for (const [name, value] of Object.entries(classes)) if (!(name in scope)) scope[name] = value;
