/**
 * Failures of the device's storage reach the caller as DataErrors naming the operation.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DeviceDb } from './device-db.ts';
import { DataError } from './errors.ts';
import { deviceRepositories } from './repositories.ts';

describe('device storage failures', () => {
	it('reports a closed database as a DataError naming the operation', async () => {
		const device = await DeviceDb.open('closed', new IDBFactory());
		const repos = await deviceRepositories(device);
		device.close();
		const err = await repos.curatedPlaces.list(crypto.randomUUID()).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(DataError);
		expect(err).toMatchObject({ operation: 'curatedPlaces.list', code: 'unknown' });
		expect((err as DataError).message).toMatch(/^curatedPlaces\.list: InvalidStateError/);
	});

	it('reports importing a neighbourhood without its area as invalid, storing nothing', async () => {
		const device = await DeviceDb.open('orphans', new IDBFactory());
		const repos = await deviceRepositories(device);
		const boundary = { type: 'MultiPolygon' as const, coordinates: [] };
		const neighbourhood = {
			id: crypto.randomUUID(),
			areaId: crypto.randomUUID(),
			code: 'X',
			name: 'X',
			population: null,
			populationYear: null,
			boundary,
		};
		await expect(repos.areas.import([], [neighbourhood])).rejects.toMatchObject({
			operation: 'areas.import',
			code: 'invalid',
		});
		expect(await repos.areas.neighbourhoods(neighbourhood.areaId)).toEqual([]);
		device.close();
	});
});
