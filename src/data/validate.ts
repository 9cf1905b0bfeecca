/**
 * Input rules of the data layer, the same the database enforces with check constraints
 * (supabase/migrations). The Supabase backend checks them before sending, so errors read the same
 * on both backends; the database checks them again, so nothing bypasses them. The embedded default
 * has only these.
 */
import { area, kinks } from '@turf/turf';
import { lineLengthM } from '../analysis/geo.ts';
import type { LineString, Point, Polygon, Position } from 'geojson';
import { DataError, type ErrorKind } from './errors.ts';
import {
	BARRIER_KINDS,
	CARE_FUNCTIONS,
	PLACE_CATEGORIES,
	type ReportStatus,
	TARGET_GROUPS,
	VISIBILITIES,
	WHEELCHAIR_ACCESS,
} from '../contracts/enums.ts';
import type {
	BarrierReportInput,
	CuratedPlaceInput,
	CuratedPlacePatch,
	SavedAnalysisInput,
} from './types.ts';

/** [west, south, east, north] of Belgium in degrees (EPSG:4326), as the database checks it. */
export const BELGIUM_BBOX = [2.54, 49.49, 6.41, 51.51] as const;

// Control characters, bidi overrides/isolates (Trojan Source) and markup are refused in all text.
// eslint-disable-next-line no-control-regex
const BAD_SINGLE_LINE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const BAD_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const MARKUP = /<[a-zA-Z/!?]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A DataError 'invalid' of `kind` (default 'invalid') with the values its message needs. */
const invalid = (
	op: string,
	detail: string,
	kind: ErrorKind = 'invalid',
	values: Record<string, string | number> = {},
): DataError => new DataError(op, 'invalid', detail, { kind, values });

/** True for a UUID in canonical text form. */
export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}

export function checkUuid(op: string, field: string, value: unknown): string {
	if (!isUuid(value)) throw invalid(op, `${field} must be a UUID, got ${JSON.stringify(value)}`);
	return value.toLowerCase();
}

/** A one-line text of `min`..`max` characters, trimmed, without control characters or markup. */
export function checkLine(
	op: string,
	field: string,
	value: unknown,
	min: number,
	max: number,
): string {
	if (typeof value !== 'string') throw invalid(op, `${field} must be text`);
	const n = [...value].length;
	if (n < min || n > max) {
		throw invalid(
			op,
			`${field} must have ${min} to ${max} characters, got ${n}`,
			n > max ? 'too_long' : 'too_short',
			{ field, min, max, count: n },
		);
	}
	if (value !== value.trim())
		throw invalid(op, `${field} must not start or end with spaces`, 'invalid', { field });
	if (BAD_SINGLE_LINE.test(value))
		throw invalid(op, `${field} contains control or direction characters`, 'control_characters', {
			field,
		});
	if (MARKUP.test(value))
		throw invalid(op, `${field} must not contain markup (<...>)`, 'markup', { field });
	return value;
}

/** A multi-line text of at most `max` characters, without other control characters or markup. */
export function checkText(op: string, field: string, value: unknown, max: number): string {
	if (typeof value !== 'string') throw invalid(op, `${field} must be text`);
	const n = [...value].length;
	if (n > max)
		throw invalid(op, `${field} must have at most ${max} characters, got ${n}`, 'too_long', {
			field,
			max,
			count: n,
		});
	if (BAD_MULTI_LINE.test(value))
		throw invalid(op, `${field} contains control or direction characters`, 'control_characters', {
			field,
		});
	if (MARKUP.test(value))
		throw invalid(op, `${field} must not contain markup (<...>)`, 'markup', { field });
	return value;
}

function checkEnum<T extends string>(
	op: string,
	field: string,
	allowed: readonly T[],
	value: unknown,
): T {
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
		throw invalid(op, `${field}: unknown value ${JSON.stringify(value)}`, 'unknown_value', {
			field,
		});
	}
	return value as T;
}

function checkEnumList<T extends string>(
	op: string,
	field: string,
	allowed: readonly T[],
	value: unknown,
	min: number,
	max: number,
): T[] {
	if (!Array.isArray(value)) throw invalid(op, `${field} must be a list`);
	if (value.length < min || value.length > max) {
		throw invalid(op, `${field} must have ${min} to ${max} entries, got ${value.length}`);
	}
	return value.map((v) => checkEnum(op, field, allowed, v));
}

function checkPosition(op: string, field: string, p: unknown): Position {
	if (
		!Array.isArray(p) ||
		p.length < 2 ||
		p.length > 3 ||
		!p.every((c) => typeof c === 'number' && Number.isFinite(c))
	) {
		throw invalid(op, `${field}: a position must be [longitude, latitude]`, 'malformed_geometry', {
			field,
		});
	}
	const [lon, lat] = p as number[];
	const [w, s, e, n] = BELGIUM_BBOX;
	if ((lon as number) < w || (lon as number) > e || (lat as number) < s || (lat as number) > n) {
		throw invalid(op, `${field}: (${lon}, ${lat}) lies outside Belgium`, 'outside_belgium', {
			field,
		});
	}
	return [lon as number, lat as number];
}

/** A GeoJSON Point in Belgium. */
export function checkPoint(op: string, field: string, g: unknown): Point {
	const geom = g as Point | null;
	if (geom?.type !== 'Point')
		throw invalid(op, `${field} must be a GeoJSON Point`, 'no_location', { field });
	return { type: 'Point', coordinates: checkPosition(op, field, geom.coordinates) };
}

/** A GeoJSON LineString in Belgium, 1 m to 2 km long, at most 500 positions. */
export function checkStretch(op: string, field: string, g: unknown): LineString {
	const geom = g as LineString | null;
	if (geom?.type !== 'LineString' || !Array.isArray(geom.coordinates)) {
		throw invalid(op, `${field} must be a GeoJSON LineString`, 'bad_stretch', { field });
	}
	if (geom.coordinates.length < 2 || geom.coordinates.length > 500) {
		throw invalid(
			op,
			`${field}: a stretch needs 2 to 500 positions, got ${geom.coordinates.length}`,
			'bad_stretch',
			{ field },
		);
	}
	const line: LineString = {
		type: 'LineString',
		coordinates: geom.coordinates.map((p) => checkPosition(op, field, p)),
	};
	const m = lineLengthM(line.coordinates);
	if (m < 1 || m > 2000)
		throw invalid(
			op,
			`${field}: a stretch must be 1 m to 2 km long, got ${Math.round(m)} m`,
			'bad_stretch',
			{ field },
		);
	return line;
}

/** A GeoJSON Polygon cell in Belgium: one closed simple ring, ≤ 64 positions, ≤ 1 km². */
export function checkCell(op: string, field: string, g: unknown): Polygon {
	const geom = g as Polygon | null;
	if (geom?.type !== 'Polygon' || !Array.isArray(geom.coordinates) || geom.coordinates.length < 1) {
		throw invalid(op, `${field} must be a GeoJSON Polygon`, 'malformed_geometry', { field });
	}
	const rings = geom.coordinates.map((ring) => {
		if (!Array.isArray(ring) || ring.length < 4)
			throw invalid(op, `${field}: a ring needs at least 4 positions`, 'malformed_geometry', {
				field,
			});
		return ring.map((p) => checkPosition(op, field, p));
	});
	const count = rings.reduce((sum, r) => sum + r.length, 0);
	if (count > 64) throw invalid(op, `${field}: at most 64 positions, got ${count}`);
	for (const ring of rings) {
		const a = ring[0] as Position;
		const b = ring[ring.length - 1] as Position;
		if (a[0] !== b[0] || a[1] !== b[1])
			throw invalid(op, `${field}: a ring must be closed`, 'malformed_geometry', { field });
	}
	const polygon: Polygon = { type: 'Polygon', coordinates: rings };
	if (kinks(polygon).features.length > 0)
		throw invalid(op, `${field}: the polygon intersects itself`, 'malformed_geometry', { field });
	if (area(polygon) > 1e6) throw invalid(op, `${field}: a cell must be at most 1 km²`);
	return polygon;
}

function optionalLine(
	op: string,
	field: string,
	value: unknown,
	max: number,
	pattern?: RegExp,
): string | null {
	if (value === undefined || value === null) return null;
	const text = checkLine(op, field, value, 1, max);
	if (pattern && !pattern.test(text)) throw invalid(op, `${field} is not in the expected form`);
	return text;
}

function checkJsonObject(
	op: string,
	field: string,
	value: unknown,
	maxBytes: number,
): Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw invalid(op, `${field} must be a JSON object`);
	}
	const size = new TextEncoder().encode(JSON.stringify(value)).length;
	if (size > maxBytes)
		throw invalid(op, `${field} must be at most ${maxBytes} bytes of JSON, got ${size}`);
	return value as Record<string, unknown>;
}

const PHONE = /^\+?[0-9 ./()-]{6,30}$/;
const EMAIL = /^[^@\s<>]+@[^@\s<>]+\.[a-zA-Z]{2,}$/;
const WEBSITE = /^https?:\/\/[^\s<>"]+$/;

/** Checks every field a patch of a curated place carries; returns the checked patch. */
export function checkPlacePatch(op: string, p: CuratedPlacePatch): CuratedPlacePatch {
	const out: CuratedPlacePatch = {};
	if (p.name !== undefined) out.name = checkLine(op, 'name', p.name, 1, 200);
	if (p.description !== undefined)
		out.description = checkText(op, 'description', p.description, 2000);
	if (p.categories !== undefined)
		out.categories = checkEnumList(op, 'categories', PLACE_CATEGORIES, p.categories, 1, 8);
	if (p.targetGroups !== undefined)
		out.targetGroups = checkEnumList(op, 'targetGroups', TARGET_GROUPS, p.targetGroups, 0, 8);
	if (p.careFunctions !== undefined)
		out.careFunctions = checkEnumList(op, 'careFunctions', CARE_FUNCTIONS, p.careFunctions, 0, 8);
	if (p.address !== undefined) out.address = optionalLine(op, 'address', p.address, 300);
	if (p.phone !== undefined) out.phone = optionalLine(op, 'phone', p.phone, 30, PHONE);
	if (p.email !== undefined) out.email = optionalLine(op, 'email', p.email, 254, EMAIL);
	if (p.website !== undefined) out.website = optionalLine(op, 'website', p.website, 500, WEBSITE);
	if (p.openingHours !== undefined)
		out.openingHours = optionalLine(op, 'openingHours', p.openingHours, 500);
	if (p.wheelchair !== undefined) {
		out.wheelchair =
			p.wheelchair === null ? null : checkEnum(op, 'wheelchair', WHEELCHAIR_ACCESS, p.wheelchair);
	}
	if (p.location !== undefined) out.location = checkPoint(op, 'location', p.location);
	if (p.source !== undefined) out.source = checkLine(op, 'source', p.source, 1, 300);
	if (p.verifiedAt !== undefined) {
		if (Number.isNaN(Date.parse(p.verifiedAt)))
			throw invalid(op, 'verifiedAt must be an ISO 8601 time');
		out.verifiedAt = new Date(p.verifiedAt).toISOString();
	}
	if (p.visibility !== undefined) {
		out.visibility = checkEnum(op, 'visibility', ['area_team', 'public'] as const, p.visibility);
	}
	return out;
}

/** Checks a new curated place; returns it with defaults filled in. */
export function checkPlaceInput(op: string, input: CuratedPlaceInput): Required<CuratedPlaceInput> {
	if (
		input.name === undefined ||
		input.categories === undefined ||
		input.location === undefined ||
		input.source === undefined
	) {
		throw invalid(op, 'name, categories, location and source are required');
	}
	const p = checkPlacePatch(op, input);
	return {
		areaId: checkUuid(op, 'areaId', input.areaId),
		name: p.name as string,
		description: p.description ?? '',
		categories: p.categories ?? [],
		targetGroups: p.targetGroups ?? [],
		careFunctions: p.careFunctions ?? [],
		address: p.address ?? null,
		phone: p.phone ?? null,
		email: p.email ?? null,
		website: p.website ?? null,
		openingHours: p.openingHours ?? null,
		wheelchair: p.wheelchair ?? null,
		location: p.location as Point,
		source: p.source as string,
		verifiedAt: p.verifiedAt ?? new Date().toISOString(),
		visibility: p.visibility ?? 'area_team',
	};
}

/** Checks an analysis to save, including every summary and cell. */
export function checkAnalysisInput(
	op: string,
	a: SavedAnalysisInput,
): Required<SavedAnalysisInput> {
	if (!Array.isArray(a.summaries)) throw invalid(op, 'summaries must be a list');
	if (!Array.isArray(a.cells)) throw invalid(op, 'cells must be a list');
	if (a.cells.length > 100_000) throw invalid(op, `at most 100000 cells, got ${a.cells.length}`);
	const seen = new Set<string>();
	return {
		id: a.id === undefined ? crypto.randomUUID() : checkUuid(op, 'id', a.id),
		areaId: checkUuid(op, 'areaId', a.areaId),
		name: checkLine(op, 'name', a.name, 1, 120),
		description: checkText(op, 'description', a.description ?? '', 2000),
		parameters: checkJsonObject(op, 'parameters', a.parameters, 65536),
		engineVersion: checkLine(op, 'engineVersion', a.engineVersion, 1, 40),
		dataVersion: checkLine(op, 'dataVersion', a.dataVersion, 1, 80),
		visibility: checkEnum(op, 'visibility', VISIBILITIES, a.visibility ?? 'private'),
		summaries: a.summaries.map((s, i) => {
			const neighbourhoodId = checkUuid(op, `summaries[${i}].neighbourhoodId`, s.neighbourhoodId);
			if (seen.has(neighbourhoodId))
				throw invalid(op, `summaries[${i}]: neighbourhood ${neighbourhoodId} twice`);
			seen.add(neighbourhoodId);
			return {
				neighbourhoodId,
				summary: checkJsonObject(op, `summaries[${i}].summary`, s.summary, 16384),
			};
		}),
		cells: a.cells.map((c, i) => {
			if (c.value !== null && (typeof c.value !== 'number' || !Number.isFinite(c.value))) {
				throw invalid(op, `cells[${i}].value must be a finite number or null`);
			}
			return {
				geometry: checkCell(op, `cells[${i}].geometry`, c.geometry),
				value: c.value,
				properties: checkJsonObject(op, `cells[${i}].properties`, c.properties ?? {}, 2048),
			};
		}),
	};
}

/** Checks a barrier report as submitted from a device. */
export function checkReportInput(op: string, r: BarrierReportInput): BarrierReportInput {
	const geometry = r.location as { type?: string } | null;
	return {
		id: checkUuid(op, 'id', r.id),
		clientId: checkUuid(op, 'clientId', r.clientId),
		kind: checkEnum(op, 'kind', BARRIER_KINDS, r.kind),
		description: checkText(op, 'description', r.description ?? '', 1000),
		location:
			geometry?.type === 'LineString'
				? checkStretch(op, 'location', r.location)
				: checkPoint(op, 'location', r.location),
		...(r.reporterId ? { reporterId: checkUuid(op, 'reporterId', r.reporterId) } : {}),
	};
}

/** Who changes a report's status: a planner of its area, or its reporter. */
export type ReportActor = 'planner' | 'reporter';

/** The status transitions the database allows (trigger on barrier_reports). */
export function checkTransition(
	op: string,
	from: ReportStatus,
	to: ReportStatus,
	actor: ReportActor,
): void {
	if (to === 'withdrawn') {
		if (actor !== 'reporter' || from !== 'new') {
			throw new DataError(
				op,
				'denied',
				'only its reporter withdraws a report, and only while it is new',
			);
		}
		return;
	}
	if (actor !== 'planner')
		throw new DataError(op, 'denied', 'only a planner of the area changes the status');
	const ok =
		(from === 'new' && (to === 'acknowledged' || to === 'rejected')) ||
		(from === 'acknowledged' && (to === 'resolved' || to === 'rejected'));
	if (!ok) throw invalid(op, `status cannot go from ${from} to ${to}`);
}
