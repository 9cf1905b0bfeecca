/**
 * Curated places: what coordinators add for what OpenStreetMap lacks.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Point } from 'geojson';
import { type DeviceDb, isConstraintError } from './device-db.ts';
import { DataError, fromBackend, guarded } from './errors.ts';
import { allPages, geometryOf, isoTime } from './rows.ts';
import type { Area, CuratedPlace, CuratedPlaceInput, CuratedPlacePatch } from './types.ts';
import { checkPlaceInput, checkPlacePatch, checkPoint, checkUuid } from './validate.ts';
import type { PlaceCategory } from '../contracts/enums.ts';
import { distanceM } from '../analysis/geo.ts';
import { pointToPolygonDistance } from '@turf/turf';

/** How far outside its area's boundary a place may lie, in metres (the database's trigger's rule). */
export const AREA_MARGIN_M = 100;

/**
 * Refuses a place that lies more than {@link AREA_MARGIN_M} outside its area's boundary, with the
 * kind the database gives (`outside_area`), as the database's trigger does on Supabase.
 */
function checkInsideArea(op: string, area: Area, location: Point): void {
	const d = pointToPolygonDistance(location.coordinates as [number, number], area.boundary, {
		units: 'meters',
	});
	if (d > AREA_MARGIN_M) {
		throw new DataError(
			op,
			'invalid',
			`location lies ${Math.round(d)} m outside ${area.name} (at most ${AREA_MARGIN_M} m)`,
			{ kind: 'outside_area' },
		);
	}
}

export interface CuratedPlacesRepository {
	/** The places of an area this user may see, by name. */
	list(areaId: string): Promise<CuratedPlace[]>;
	/** One place, or null when it does not exist or is not visible. */
	get(id: string): Promise<CuratedPlace | null>;
	/** Adds a place; returns it as stored. */
	create(input: CuratedPlaceInput): Promise<CuratedPlace>;
	/** Changes the given fields; returns the place as stored. */
	update(id: string, patch: CuratedPlacePatch): Promise<CuratedPlace>;
	/** Removes a place. */
	remove(id: string): Promise<void>;
	/**
	 * The visible places within `radiusM` metres (0 < radiusM ≤ 50,000) of a point, nearest first,
	 * optionally only those with one of `categories`; at most `limit` (1..500, default 50).
	 * Distances are straight-line metres on the ellipsoid (walking time is the analysis' job).
	 */
	near(
		origin: Point,
		radiusM: number,
		categories?: PlaceCategory[],
		limit?: number,
	): Promise<{ place: CuratedPlace; distanceM: number }[]>;
}

function checkNear(
	op: string,
	origin: Point,
	radiusM: number,
	categories: PlaceCategory[] | undefined,
	limit: number,
) {
	const point = checkPoint(op, 'origin', origin);
	if (!Number.isFinite(radiusM) || radiusM <= 0 || radiusM > 50_000) {
		throw new DataError(op, 'invalid', `radiusM must be in (0, 50000] metres, got ${radiusM}`);
	}
	if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
		throw new DataError(op, 'invalid', `limit must be an integer in 1..500, got ${limit}`);
	}
	const cats =
		categories === undefined ? undefined : checkPlacePatch(op, { categories }).categories;
	return { point, cats };
}

const COLUMNS =
	'id, area_id, name, description, categories, target_groups, care_functions, address, phone, email, website, opening_hours, wheelchair, location, source, verified_at, visibility, created_at, updated_at';

type Row = Record<string, unknown>;

function fromRow(r: Row): CuratedPlace {
	return {
		id: r.id as string,
		areaId: r.area_id as string,
		name: r.name as string,
		description: r.description as string,
		categories: r.categories as CuratedPlace['categories'],
		targetGroups: r.target_groups as CuratedPlace['targetGroups'],
		careFunctions: r.care_functions as CuratedPlace['careFunctions'],
		address: r.address as string | null,
		phone: r.phone as string | null,
		email: r.email as string | null,
		website: r.website as string | null,
		openingHours: r.opening_hours as string | null,
		wheelchair: r.wheelchair as CuratedPlace['wheelchair'],
		location: geometryOf<Point>(r.location),
		source: r.source as string,
		verifiedAt: isoTime(r.verified_at),
		visibility: r.visibility as CuratedPlace['visibility'],
		createdAt: isoTime(r.created_at),
		updatedAt: isoTime(r.updated_at),
	};
}

function toRow(p: CuratedPlacePatch): Row {
	const map: Record<keyof CuratedPlacePatch, string> = {
		name: 'name',
		description: 'description',
		categories: 'categories',
		targetGroups: 'target_groups',
		careFunctions: 'care_functions',
		address: 'address',
		phone: 'phone',
		email: 'email',
		website: 'website',
		openingHours: 'opening_hours',
		wheelchair: 'wheelchair',
		location: 'location',
		source: 'source',
		verifiedAt: 'verified_at',
		visibility: 'visibility',
	};
	const row: Row = {};
	for (const [key, column] of Object.entries(map) as [keyof CuratedPlacePatch, string][]) {
		if (p[key] !== undefined) row[column] = p[key];
	}
	return row;
}

const byName = (a: CuratedPlace, b: CuratedPlace) =>
	a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1;

export function curatedPlacesFromSupabase(client: SupabaseClient): CuratedPlacesRepository {
	return guarded('curatedPlaces', {
		async list(areaId) {
			const op = 'curatedPlaces.list';
			const id = checkUuid(op, 'areaId', areaId);
			const rows = await allPages<Row>(op, (from, to) =>
				client
					.from('curated_places')
					.select(COLUMNS)
					.eq('area_id', id)
					.order('name')
					.order('id')
					.range(from, to),
			);
			return rows.map(fromRow);
		},
		async get(id) {
			const op = 'curatedPlaces.get';
			const { data, error } = await client
				.from('curated_places')
				.select(COLUMNS)
				.eq('id', checkUuid(op, 'id', id))
				.maybeSingle();
			if (error) throw fromBackend(op, error);
			return data ? fromRow(data as Row) : null;
		},
		async create(input) {
			const op = 'curatedPlaces.create';
			const place = checkPlaceInput(op, input);
			const { data, error } = await client
				.from('curated_places')
				.insert({ area_id: place.areaId, ...toRow(place) })
				.select(COLUMNS)
				.single();
			if (error) throw fromBackend(op, error);
			return fromRow(data as Row);
		},
		async update(id, patch) {
			const op = 'curatedPlaces.update';
			const checked = checkPlacePatch(op, patch);
			if (Object.keys(checked).length === 0)
				throw new DataError(op, 'invalid', 'nothing to change');
			const { data, error } = await client
				.from('curated_places')
				.update(toRow(checked))
				.eq('id', checkUuid(op, 'id', id))
				.select(COLUMNS);
			if (error) throw fromBackend(op, error);
			const row = (data as Row[])[0];
			if (!row) throw new DataError(op, 'not_found', `no place ${id} that you may change`);
			return fromRow(row);
		},
		async remove(id) {
			const op = 'curatedPlaces.remove';
			const { data, error } = await client
				.from('curated_places')
				.delete()
				.eq('id', checkUuid(op, 'id', id))
				.select('id');
			if (error) throw fromBackend(op, error);
			if (data.length === 0)
				throw new DataError(op, 'not_found', `no place ${id} that you may remove`);
		},
		async near(origin, radiusM, categories, limit = 50) {
			const op = 'curatedPlaces.near';
			const { point, cats } = checkNear(op, origin, radiusM, categories, limit);
			const { data, error } = await client.rpc('places_near', {
				p_lon: point.coordinates[0],
				p_lat: point.coordinates[1],
				p_radius_m: radiusM,
				p_categories: cats ?? null,
				p_limit: limit,
			});
			if (error) throw fromBackend(op, error);
			return (data as { place: Row; distance_m: number }[]).map((r) => ({
				place: fromRow(r.place),
				distanceM: r.distance_m,
			}));
		},
	});
}

export function curatedPlacesOnDevice(db: DeviceDb): CuratedPlacesRepository {
	return guarded('curatedPlaces', {
		async list(areaId) {
			const op = 'curatedPlaces.list';
			return (await db.all('curated_places', 'areaId', checkUuid(op, 'areaId', areaId))).sort(
				byName,
			);
		},
		async get(id) {
			return (await db.get('curated_places', checkUuid('curatedPlaces.get', 'id', id))) ?? null;
		},
		async create(input) {
			const op = 'curatedPlaces.create';
			const p = checkPlaceInput(op, input);
			const area = await db.get('areas', p.areaId);
			if (!area) throw new DataError(op, 'invalid', `unknown area ${p.areaId}`);
			checkInsideArea(op, area, p.location);
			const now = new Date().toISOString();
			const place: CuratedPlace = { id: crypto.randomUUID(), ...p, createdAt: now, updatedAt: now };
			try {
				await db.write(['curated_places'], (tx) => tx.objectStore('curated_places').add(place));
			} catch (err) {
				if (isConstraintError(err))
					throw new DataError(op, 'duplicate', `place ${place.id} exists`, { cause: err });
				throw err;
			}
			return place;
		},
		async update(id, patch) {
			const op = 'curatedPlaces.update';
			const checked = checkPlacePatch(op, patch);
			if (Object.keys(checked).length === 0)
				throw new DataError(op, 'invalid', 'nothing to change');
			const old = await db.get('curated_places', checkUuid(op, 'id', id));
			if (!old) throw new DataError(op, 'not_found', `no place ${id} that you may change`);
			if (checked.location) {
				const area = await db.get('areas', old.areaId);
				if (area) checkInsideArea(op, area, checked.location);
			}
			const place: CuratedPlace = {
				...old,
				...checked,
				updatedAt: new Date().toISOString(),
			} as CuratedPlace;
			await db.write(['curated_places'], (tx) => tx.objectStore('curated_places').put(place));
			return place;
		},
		async remove(id) {
			const op = 'curatedPlaces.remove';
			if (!(await db.get('curated_places', checkUuid(op, 'id', id)))) {
				throw new DataError(op, 'not_found', `no place ${id} that you may remove`);
			}
			await db.write(['curated_places'], (tx) => tx.objectStore('curated_places').delete(id));
		},
		async near(origin, radiusM, categories, limit = 50) {
			const op = 'curatedPlaces.near';
			const { point, cats } = checkNear(op, origin, radiusM, categories, limit);
			return (await db.all('curated_places'))
				.filter((p) => !cats || p.categories.some((c) => cats.includes(c)))
				.map((place) => ({
					place,
					distanceM: distanceM(
						point.coordinates[0] as number,
						point.coordinates[1] as number,
						place.location.coordinates[0] as number,
						place.location.coordinates[1] as number,
					),
				}))
				.filter((r) => r.distanceM <= radiusM)
				.sort((a, b) => a.distanceM - b.distanceM || (a.place.id < b.place.id ? -1 : 1))
				.slice(0, limit);
		},
	});
}
