/**
 * Input rules of the data layer, the same the database enforces with check constraints
 * (supabase/migrations). The Supabase backend checks them before sending, so errors read the same
 * on both backends; the database checks them again, so nothing bypasses them. The embedded default
 * has only these.
 */
import { area, kinks } from '@turf/turf';
import * as v from 'valibot';
import { rule, toValidationIssue, type ValidationIssue } from '../contracts/validation.ts';
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
	return checkWith(op, field, v.pipe(v.string(), v.uuid('format')), value, () => [
		` must be a UUID, got ${JSON.stringify(value)}`,
	]).toLowerCase();
}

/** A text's length as people count it: code points, not UTF-16 units. */
const charCount = (text: string): number => [...text].length;

/** The rules every stored text shares: no control or direction characters, no markup. */
function textRules(bad: RegExp) {
	return v.pipe(
		v.string('type'),
		rule<string>('format', 'control', (t) => !bad.test(t)),
		rule<string>('format', 'markup', (t) => !MARKUP.test(t)),
	);
}
const SINGLE_LINE_TEXT = textRules(BAD_SINGLE_LINE);
const MULTI_LINE_TEXT = textRules(BAD_MULTI_LINE);

/**
 * A text of `min`..`max` characters by the rules of `base`, trimmed when `trimmed`: the schema of
 * {@link checkLine} and {@link checkText}. Length first, so an over-long text says so whatever else
 * it holds.
 */
function textSchema(base: typeof SINGLE_LINE_TEXT, min: number, max: number, trimmed: boolean) {
	return v.pipe(
		v.string('type'),
		rule<string>('length', max, (t) => charCount(t) >= min && charCount(t) <= max),
		rule<string>('format', 'trimmed', (t) => !trimmed || t === t.trim()),
		base,
	);
}

/** The DataError wording of a text's first broken rule (kinds and values the UI's messages use). */
function wordText(value: unknown, min: number, max: number): (issue: ValidationIssue) => Worded {
	return (issue) => {
		if (issue.kind === 'type') return [' must be text'];
		if (issue.kind === 'length') {
			const count = charCount(value as string);
			return min > 0
				? [
						` must have ${min} to ${max} characters, got ${count}`,
						count > max ? 'too_long' : 'too_short',
						{ min, max, count },
					]
				: [` must have at most ${max} characters, got ${count}`, 'too_long', { max, count }];
		}
		if (issue.limit === 'trimmed') return [' must not start or end with spaces', 'invalid'];
		if (issue.limit === 'control')
			return [' contains control or direction characters', 'control_characters'];
		return [' must not contain markup (<...>)', 'markup'];
	};
}

/** A one-line text of `min`..`max` characters, trimmed, without control characters or markup. */
export function checkLine(
	op: string,
	field: string,
	value: unknown,
	min: number,
	max: number,
): string {
	const schema = textSchema(SINGLE_LINE_TEXT, min, max, true);
	return checkWith(op, field, schema, value, wordText(value, min, max));
}

/** A multi-line text of at most `max` characters, without other control characters or markup. */
export function checkText(op: string, field: string, value: unknown, max: number): string {
	const schema = textSchema(MULTI_LINE_TEXT, 0, max, false);
	return checkWith(op, field, schema, value, wordText(value, 0, max));
}

/** How a broken rule is worded: the detail after the field's name, the error kind, its values. */
type Worded = [detail: string, kind?: ErrorKind, values?: Record<string, string | number>];

/** The value of `schema` or the DataError of its first issue, worded by `word`. */
function checkWith<S extends v.GenericSchema>(
	op: string,
	field: string,
	schema: S,
	value: unknown,
	word: (issue: ValidationIssue) => Worded,
): v.InferOutput<S> {
	const result = v.safeParse(schema, value, { abortEarly: true });
	if (result.success) return result.output;
	const issue = toValidationIssue(result.issues[0]);
	const [detail, kind, values] = word(issue);
	throw invalid(op, `${field}${detail}`, kind, {
		field,
		path: issue.path,
		limit: String(issue.limit),
		...values,
	});
}

function checkEnum<T extends string>(
	op: string,
	field: string,
	allowed: readonly T[],
	value: unknown,
): T {
	return checkWith(op, field, v.picklist(allowed), value, (issue) => [
		`: unknown value ${JSON.stringify(issue.found)}`,
		'unknown_value',
	]) as T;
}

function checkEnumList<T extends string>(
	op: string,
	field: string,
	allowed: readonly T[],
	value: unknown,
	min: number,
	max: number,
): T[] {
	const schema = v.pipe(
		v.array(v.unknown(), 'type'),
		v.minLength(min, 'length'),
		v.maxLength(max, 'length'),
		v.array(v.picklist(allowed)),
	);
	return checkWith(op, field, schema, value, (issue) => {
		if (issue.kind === 'type' && issue.path === '') return [' must be a list'];
		if (issue.kind === 'length')
			return [` must have ${min} to ${max} entries, got ${(value as unknown[]).length}`];
		return [`: unknown value ${JSON.stringify(issue.found)}`, 'unknown_value'];
	}) as T[];
}

const [WEST, SOUTH, EAST, NORTH] = BELGIUM_BBOX;

/** A position [longitude, latitude] (an altitude dropped) within Belgium's bounds. */
const PositionSchema = v.pipe(
	v.array(v.pipe(v.number(), v.finite())),
	rule<number[]>('lngLat', '[longitude, latitude]', (p) => p.length === 2 || p.length === 3),
	rule<number[]>(
		'belgium',
		BELGIUM_BBOX.join(', '),
		([lon, lat]) => lon! >= WEST && lon! <= EAST && lat! >= SOUTH && lat! <= NORTH,
	),
	v.transform((p): Position => [p[0]!, p[1]!]),
);

/** A GeoJSON Point in Belgium. */
const PointSchema = v.object({ type: v.literal('Point'), coordinates: PositionSchema });

/** The metres a stretch may be long. */
const STRETCH_M = { min: 1, max: 2000 } as const;

/** A GeoJSON LineString in Belgium, 2 to 500 positions, 1 m to 2 km long. */
const StretchSchema = v.pipe(
	v.object({
		type: v.literal('LineString'),
		coordinates: v.pipe(
			v.array(v.unknown()),
			v.minLength(2, 'length'),
			v.maxLength(500, 'length'),
			v.array(PositionSchema),
		),
	}),
	v.rawCheck(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const m = lineLengthM(dataset.value.coordinates);
		if (m < STRETCH_M.min || m > STRETCH_M.max)
			addIssue({
				message: 'stretchLength',
				expected: `${STRETCH_M.min}..${STRETCH_M.max}`,
				input: Math.round(m),
			});
	}),
);

/** One ring of a cell: at least 4 positions, closed. */
const RingSchema = v.pipe(
	v.array(v.unknown()),
	v.minLength(4, 'length'),
	v.array(PositionSchema),
	rule<Position[]>('format', 'closed', (r) => {
		const a = r[0]!;
		const b = r[r.length - 1]!;
		return a[0] === b[0] && a[1] === b[1];
	}),
);

type CellInput = { type: 'Polygon'; coordinates: Position[][] };

/** A GeoJSON Polygon cell in Belgium: closed simple rings, ≤ 64 positions, ≤ 1 km². */
const CellSchema = v.pipe(
	v.object({
		type: v.literal('Polygon'),
		coordinates: v.pipe(v.array(RingSchema), v.minLength(1)),
	}),
	rule<CellInput>(
		'length',
		64,
		(g) => g.coordinates.reduce((sum, r) => sum + r.length, 0) <= 64,
		'coordinates',
	),
	rule<CellInput>('selfCrossing', 'simple', (g) => kinks(g).features.length === 0, 'coordinates'),
	rule<CellInput>('range', '1 km²', (g) => area(g) <= 1e6),
);

/**
 * The value of `schema`, or the DataError of its first issue: `problem` words an issue of a kind
 * not geometric in itself (a wrong type, too few positions...), with its ErrorKind.
 */
function checkGeometry<S extends v.GenericSchema>(
	op: string,
	field: string,
	schema: S,
	g: unknown,
	problem: (issue: ValidationIssue) => [detail: string, kind: ErrorKind],
): v.InferOutput<S> {
	return checkWith(op, field, schema, g, (issue) => {
		if (issue.kind === 'belgium') {
			const [lon, lat] = issue.found as number[];
			return [`: (${lon}, ${lat}) lies outside Belgium`, 'outside_belgium'];
		}
		if (/coordinates/.test(issue.path) && (issue.kind === 'lngLat' || issue.kind === 'type'))
			return [': a position must be [longitude, latitude]', 'malformed_geometry'];
		return problem(issue);
	});
}

/** A GeoJSON Point in Belgium. */
export function checkPoint(op: string, field: string, g: unknown): Point {
	return checkGeometry(op, field, PointSchema, g, () => [
		' must be a GeoJSON Point',
		'no_location',
	]);
}

/** A GeoJSON LineString in Belgium, 1 m to 2 km long, at most 500 positions. */
export function checkStretch(op: string, field: string, g: unknown): LineString {
	return checkGeometry(op, field, StretchSchema, g, (issue) => {
		if (issue.kind === 'stretchLength')
			return [`: a stretch must be 1 m to 2 km long, got ${String(issue.found)} m`, 'bad_stretch'];
		if (issue.kind === 'length')
			return [
				`: a stretch needs 2 to 500 positions, got ${(issue.found as unknown[]).length}`,
				'bad_stretch',
			];
		return [' must be a GeoJSON LineString', 'bad_stretch'];
	});
}

/** A GeoJSON Polygon cell in Belgium: one closed simple ring, ≤ 64 positions, ≤ 1 km². */
export function checkCell(op: string, field: string, g: unknown): Polygon {
	return checkGeometry(op, field, CellSchema, g, (issue) => {
		if (issue.kind === 'selfCrossing')
			return [': the polygon intersects itself', 'malformed_geometry'];
		if (issue.kind === 'range') return [': a cell must be at most 1 km²', 'invalid'];
		if (issue.kind === 'format') return [': a ring must be closed', 'malformed_geometry'];
		if (issue.kind === 'length' && /\]$/.test(issue.path))
			return [': a ring needs at least 4 positions', 'malformed_geometry'];
		if (issue.kind === 'length')
			return [
				`: at most 64 positions, got ${(issue.found as Position[][]).reduce((n, r) => n + r.length, 0)}`,
				'invalid',
			];
		return [' must be a GeoJSON Polygon', 'malformed_geometry'];
	});
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
	if (pattern && !pattern.test(text))
		throw invalid(op, `${field} is not in the expected form`, 'invalid', {
			field,
			limit: 'pattern',
		});
	return text;
}

function checkJsonObject(
	op: string,
	field: string,
	value: unknown,
	maxBytes: number,
): Record<string, unknown> {
	const bytes = (o: unknown) => new TextEncoder().encode(JSON.stringify(o)).length;
	const schema = v.pipe(
		v.custom<Record<string, unknown>>(
			(o) => typeof o === 'object' && o !== null && !Array.isArray(o),
			'type',
		),
		rule<Record<string, unknown>>('length', maxBytes, (o) => bytes(o) <= maxBytes),
	);
	return checkWith(op, field, schema, value, (issue) =>
		issue.kind === 'type'
			? [' must be a JSON object']
			: [` must be at most ${maxBytes} bytes of JSON, got ${bytes(value)}`],
	);
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
