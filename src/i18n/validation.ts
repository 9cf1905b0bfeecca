/**
 * The words for a {@link ValidationIssue}: its kind picks the message key (one per kind, in nl, fr
 * and en), its path, limit and found value fill the slots.
 */
import type { IssueKind, ValidationIssue } from '../contracts/validation.ts';
import type { MessageKey } from './messages.ts';

/** The message key of each kind of issue. */
export const ISSUE_MESSAGE_KEYS: Readonly<Record<IssueKind, MessageKey>> = {
	missing: 'validationMissing',
	type: 'validationType',
	value: 'validationValue',
	range: 'validationRange',
	integer: 'validationInteger',
	length: 'validationLength',
	format: 'validationFormat',
	unique: 'validationUnique',
	schemaVersion: 'validationSchemaVersion',
	lngLat: 'validationLngLat',
	bbox: 'validationBbox',
	belgium: 'validationBelgium',
	selfCrossing: 'validationSelfCrossing',
	stretchLength: 'validationStretchLength',
};

/** A found value as a short text (a long one cut). */
function shown(value: unknown): string {
	const text =
		value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * The issue in the reader's language.
 *
 * @example issueText(i18n.t.bind(i18n), { path: 'area.bbox', kind: 'bbox', limit: '…', found: [5, 51, 4, 52] })
 */
export function issueText(
	t: (key: MessageKey, values?: Record<string, string | number>) => string,
	issue: ValidationIssue,
): string {
	return t(ISSUE_MESSAGE_KEYS[issue.kind], {
		path: issue.path || '–',
		limit: String(issue.limit),
		found: shown(issue.found),
	});
}
