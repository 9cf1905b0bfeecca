/**
 * `idb` tells its wrapped objects apart with `instanceof IDBRequest`, `IDBDatabase`, … of the global
 * scope, which Node (and happy-dom) lack. The device database's tests open fake-indexeddb's
 * IDBFactory: its classes (IDBRequest, IDBTransaction, …) stand in as those globals. `indexedDB`
 * itself stays unset, so code that checks for IndexedDB sees what it saw before.
 */
import * as fake from 'fake-indexeddb';

const scope = globalThis as Record<string, unknown>;
for (const [name, value] of Object.entries(fake))
	if (name.startsWith('IDB') && name !== 'IDBFactory' && !(name in scope)) scope[name] = value;
