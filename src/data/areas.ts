/**
 * Areas and their neighbourhoods (reference data: read by everyone).
 */
import type { Client } from './supabase.ts';
import type { MultiPolygon } from 'geojson';
import type { DeviceDb } from './device-db.ts';
import { DataError, fromBackend, guarded } from './errors.ts';
import { geometryOf } from './rows.ts';
import type { Area, Neighbourhood } from './types.ts';

export interface AreasRepository {
	/** Every area, by slug. */
	list(): Promise<Area[]>;
	/** The neighbourhoods of an area, by code. */
	neighbourhoods(areaId: string): Promise<Neighbourhood[]>;
}

const bySlug = (a: Area, b: Area) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
const byCode = (a: Neighbourhood, b: Neighbourhood) =>
	a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

export function areasFromSupabase(client: Client): AreasRepository {
	return guarded('areas', {
		async list() {
			const { data, error } = await client
				.from('areas')
				.select('id, slug, name, nis_code, population, population_year, boundary')
				.order('slug');
			if (error) throw fromBackend('areas.list', error);
			return data.map((r) => ({
				id: r.id,
				slug: r.slug,
				name: r.name,
				nisCode: r.nis_code,
				population: r.population,
				populationYear: r.population_year,
				boundary: geometryOf<MultiPolygon>(r.boundary),
			}));
		},
		async neighbourhoods(areaId) {
			const { data, error } = await client
				.from('neighbourhoods')
				.select('id, area_id, code, name, population, population_year, boundary')
				.eq('area_id', areaId)
				.order('code');
			if (error) throw fromBackend('areas.neighbourhoods', error);
			return data.map((r) => ({
				id: r.id,
				areaId: r.area_id,
				code: r.code,
				name: r.name,
				population: r.population,
				populationYear: r.population_year,
				boundary: geometryOf<MultiPolygon>(r.boundary),
			}));
		},
	});
}

/** The embedded default: areas come with the app's area data and are imported on the device. */
export interface DeviceAreasRepository extends AreasRepository {
	/** Stores (or replaces) areas and their neighbourhoods on the device, in one transaction. */
	import(areas: Area[], neighbourhoods: Neighbourhood[]): Promise<void>;
}

export function areasOnDevice(db: DeviceDb): DeviceAreasRepository {
	return guarded('areas', {
		async list() {
			return (await db.all('areas')).sort(bySlug);
		},
		async neighbourhoods(areaId) {
			return (await db.all('neighbourhoods', 'areaId', areaId)).sort(byCode);
		},
		async import(areas, neighbourhoods) {
			const ids = new Set(areas.map((a) => a.id));
			const orphan = neighbourhoods.find((n) => !ids.has(n.areaId));
			if (orphan)
				throw new DataError(
					'areas.import',
					'invalid',
					`neighbourhood ${orphan.code} has no area in this import`,
				);
			await db.write(['areas', 'neighbourhoods'], (tx) => {
				for (const a of areas) tx.objectStore('areas').put(a);
				for (const n of neighbourhoods) tx.objectStore('neighbourhoods').put(n);
			});
		},
	});
}
