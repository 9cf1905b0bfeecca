/**
 * Curated places: what coordinators add for what OpenStreetMap lacks.
 */
import type { Client } from './supabase.ts';
import type { Point } from 'geojson';
import { type DeviceDb, isConstraintError } from './device-db.ts';
import { DataError, fromBackend, guarded } from './errors.ts';
import type { Tables, TablesUpdate } from './database.types.ts';
import { allPages, geometryOf, isoTime, toJson } from './rows.ts';
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

/** A place's row as read (COLUMNS, or the whole row from places_near). */
type PlaceRow = Omit<Tables<'curated_places'>, 'geom' | 'created_by'>;

function fromRow(r: PlaceRow): CuratedPlace {
	if (r.visibility === 'private')
		throw new DataError('curatedPlaces.read', 'unknown', `place ${r.id} is private`);
	return {
		id: r.id,
		areaId: r.area_id,
		name: r.name,
		description: r.description,
		categories: r.categories,
		targetGroups: r.target_groups,
		careFunctions: r.care_functions,
		address: r.address,
		phone: r.phone,
		email: r.email,
		website: r.website,
		openingHours: r.opening_hours,
		wheelchair: r.wheelchair,
		location: geometryOf<Point>(r.location),
		source: r.source,
		verifiedAt: isoTime(r.verified_at),
		visibility: r.visibility,
		createdAt: isoTime(r.created_at),
		updatedAt: isoTime(r.updated_at),
	};
}

/** The columns a patch sets (members left undefined are not sent: JSON has no undefined). */
function toRow(p: CuratedPlacePatch): TablesUpdate<'curated_places'> {
	return {
		name: p.name,
		description: p.description,
		categories: p.categories,
		target_groups: p.targetGroups,
		care_functions: p.careFunctions,
		address: p.address,
		phone: p.phone,
		email: p.email,
		website: p.website,
		opening_hours: p.openingHours,
		wheelchair: p.wheelchair,
		location: p.location && toJson(p.location),
		source: p.source,
		verified_at: p.verifiedAt,
		visibility: p.visibility,
	};
}

const byName = (a: CuratedPlace, b: CuratedPlace) =>
	a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1;

export function curatedPlacesFromSupabase(client: Client): CuratedPlacesRepository {
	return guarded('curatedPlaces', {
		async list(areaId) {
			const op = 'curatedPlaces.list';
			const id = checkUuid(op, 'areaId', areaId);
			const rows = await allPages<PlaceRow>(op, (from, to) =>
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
			return data ? fromRow(data) : null;
		},
		async create(input) {
			const op = 'curatedPlaces.create';
			const place = checkPlaceInput(op, input);
			const { data, error } = await client
				.from('curated_places')
				.insert({
					...toRow(place),
					area_id: place.areaId,
					name: place.name,
					categories: place.categories,
					source: place.source,
				})
				.select(COLUMNS)
				.single();
			if (error) throw fromBackend(op, error);
			return fromRow(data);
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
			const row = data[0];
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
			const [lon = NaN, lat = NaN] = point.coordinates;
			// no categories: the argument is left out, so the function's default (NULL: all) holds
			const { data, error } = await client.rpc('places_near', {
				p_lon: lon,
				p_lat: lat,
				p_radius_m: radiusM,
				p_categories: cats,
				p_limit: limit,
			});
			if (error) throw fromBackend(op, error);
			return data.map((r) => ({
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
