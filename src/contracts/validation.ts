/**
 * The one structural checker of data the app or the pipeline reads (manifest, search source, area
 * config, analysis bundle input, saved records): Valibot schemas, whose issues become
 * {@link ValidationIssue}s `{path, kind, limit, found}`. The UI maps the kind to a message key
 * (src/i18n/validation.ts); the pipeline and the CLI print {@link formatIssue}.
 *
 * Convention: a schema or check may name its kind in its message (`v.literal(2, 'schemaVersion')`,
 * `v.check(f, 'selfCrossing')`), and a custom check its limit in `expected` ({@link issueAt});
 * otherwise the kind comes from Valibot's issue type. Geometric rules (Belgium's bounds, a
 * self-crossing line, a stretch's length) are such custom checks inside the schemas.
 */
import * as v from 'valibot';
import { isFiniteNumber, isLngLat } from './lnglat.ts';

export { isLngLat };

/**
 * Which rule a value breaks:
 * - `missing`: a required field is absent; `type`: a value of another kind (limit: the expected one);
 * - `value`: not one of the allowed values; `range`: a number outside its limit; `integer`;
 * - `length`: a text or list too short or too long; `format`: a text not in the expected form;
 * - `unique`: appears twice; `schemaVersion`: a file of another format version;
 * - `lngLat`: not [longitude, latitude] within -180..180 / -90..90; `bbox`: not a box
 *   [west, south, east, north]; `belgium`: outside Belgium's bounds; `selfCrossing`: a line or
 *   ring that crosses itself; `stretchLength`: a stretch longer than its limit.
 */
export const ISSUE_KINDS = [
	'missing',
	'type',
	'value',
	'range',
	'integer',
	'length',
	'format',
	'unique',
	'schemaVersion',
	'lngLat',
	'bbox',
	'belgium',
	'selfCrossing',
	'stretchLength',
] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

/**
 * One thing wrong with data the app or the pipeline reads: where (`path`, e.g. `area.bbox` or
 * `places[3].lngLat`), which rule it breaks (`kind`), and the limit it breaks (`limit`, what was
 * expected) beside what was `found`. The UI maps the kind to a message key.
 */
export interface ValidationIssue {
	path: string;
	kind: IssueKind;
	limit: number | string;
	found: unknown;
}

const KINDS: ReadonlySet<string> = new Set(ISSUE_KINDS);

/** Valibot's issue types by the kind they become (schema types not listed: `type`/`missing`). */
const KIND_OF_TYPE: Readonly<Record<string, IssueKind>> = {
	literal: 'value',
	picklist: 'value',
	enum: 'value',
	min_value: 'range',
	max_value: 'range',
	gt_value: 'range',
	lt_value: 'range',
	integer: 'integer',
	finite: 'type',
	safe_integer: 'integer',
	min_length: 'length',
	max_length: 'length',
	length: 'length',
	non_empty: 'length',
	regex: 'format',
	iso_date: 'format',
	url: 'format',
};

/** `a.b[2].c` from a Valibot issue path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const item of issue.path ?? []) {
		const key = (item as { key: unknown }).key;
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out;
}

/** The most specific issue of a union (the branch that went deepest), else the issue itself. */
function deepest(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
	if (!issue.issues || issue.issues.length === 0) return issue;
	let best = issue;
	for (const sub of issue.issues) {
		const d = deepest(sub);
		if ((d.path?.length ?? 0) > (best.path?.length ?? 0)) best = d;
	}
	return best;
}

/** A Valibot issue as a {@link ValidationIssue}. */
export function toValidationIssue(raw: v.BaseIssue<unknown>): ValidationIssue {
	const issue = deepest(raw);
	const found = issue.input;
	const named = KINDS.has(issue.message) ? (issue.message as IssueKind) : undefined;
	const kind: IssueKind =
		named ??
		KIND_OF_TYPE[issue.type] ??
		(found === undefined && issue.kind === 'schema' ? 'missing' : 'type');
	const requirement = (issue as { requirement?: unknown }).requirement;
	// a missing key: Valibot expects the key's name, which the path already says
	const expected = kind === 'missing' && !named ? '' : (issue.expected ?? '');
	const limit =
		typeof requirement === 'number' || typeof requirement === 'string'
			? requirement
			: /^-?\d+(\.\d+)?$/.test(expected)
				? Number(expected)
				: expected;
	return { path: pathOf(issue), kind, limit, found };
}

/**
 * A custom check inside a schema: `test` holds, or the value breaks rule `kind` with limit `limit`
 * (how geometric rules and rules across fields are written). With `field`, the issue is on that
 * field of the checked object (a rule run before the object's full schema, or on an absent field).
 *
 * @example v.pipe(v.number(), rule('stretchLength', 125, (m) => m <= 125))
 */
export function rule<T>(
	kind: IssueKind,
	limit: number | string,
	test: (value: T) => boolean,
	field?: keyof T & string,
): v.RawCheckAction<T> {
	return v.rawCheck<T>(({ dataset, addIssue }) => {
		if (!dataset.typed || test(dataset.value)) return;
		const value = dataset.value as Record<string, unknown>;
		addIssue({
			message: kind,
			expected: String(limit),
			// a rule on one field of an object names that field and what it holds
			...(field === undefined
				? {}
				: {
						input: value[field],
						path: [
							{ type: 'object', origin: 'value', input: value, key: field, value: value[field] },
						],
					}),
		});
	});
}

/**
 * The Valibot issue path from `root` along `keys` (for a rule that names a field deep inside the
 * value it checks).
 */
export function pathTo(
	root: unknown,
	keys: readonly (string | number)[],
): [v.IssuePathItem, ...v.IssuePathItem[]] {
	const items: v.IssuePathItem[] = [];
	let input = root as Record<string | number, unknown>;
	for (const key of keys) {
		const value = input[key];
		items.push(
			typeof key === 'number'
				? { type: 'array', origin: 'value', input: input as unknown as unknown[], key, value }
				: { type: 'object', origin: 'value', input, key, value },
		);
		input = value as Record<string | number, unknown>;
	}
	return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

/** Every issue of `input` against `schema` (empty: valid). */
export function validationIssues(
	schema: v.GenericSchema,
	input: unknown,
	config: { abortEarly?: boolean } = {},
): ValidationIssue[] {
	const result = v.safeParse(schema, input, config);
	return result.success ? [] : result.issues.map((i) => toValidationIssue(i));
}

/**
 * An English line for logs, errors and the pipeline: `area.bbox: range (limit 180, found 500)`.
 */
export function formatIssue(issue: ValidationIssue): string {
	const found = issue.found === undefined ? 'nothing' : JSON.stringify(issue.found);
	const shown = found !== undefined && found.length > 60 ? `${found.slice(0, 57)}...` : found;
	const limit = issue.limit === '' ? '' : `limit ${String(issue.limit)}, `;
	return `${issue.path || '(the whole value)'}: ${issue.kind} (${limit}found ${shown})`;
}

/** An error that carries the first {@link ValidationIssue} of a value and says it in its message. */
export class ValidationError extends Error {
	override name = 'ValidationError';
	readonly issue: ValidationIssue;
	readonly issues: readonly ValidationIssue[];
	constructor(what: string, issues: readonly ValidationIssue[]) {
		super(`${what}: ${issues.map(formatIssue).join('; ')}`);
		this.issue = issues[0] as ValidationIssue;
		this.issues = issues;
	}
}

/** The value, typed by its schema, or a {@link ValidationError} naming its first issue. */
export function parseWith<S extends v.GenericSchema>(
	schema: S,
	input: unknown,
	what: string,
): v.InferOutput<S> {
	const result = v.safeParse(schema, input, { abortEarly: true });
	if (result.success) return result.output;
	throw new ValidationError(
		what,
		result.issues.map((i) => toValidationIssue(i)),
	);
}

/** A [longitude, latitude] in a schema ({@link isLngLat}). */
export const lngLatSchema = v.pipe(
	v.tuple([v.number(), v.number()]),
	rule<[number, number]>('lngLat', '[-180..180, -90..90]', isLngLat),
);

/** A box [west, south, east, north] in degrees, west < east and south < north, within range. */
export const bboxSchema = v.pipe(
	v.tuple([v.number(), v.number(), v.number(), v.number()]),
	rule<[number, number, number, number]>(
		'bbox',
		'[west, south, east, north]',
		([w, s, e, n]) =>
			[w, s, e, n].every(isFiniteNumber) &&
			w >= -180 &&
			e <= 180 &&
			s >= -90 &&
			n <= 90 &&
			w < e &&
			s < n,
	),
);
