/**
 * The coordinator-facing message for an error the data layer gave about a curated place (its own
 * checks, src/data/validate.ts, or the backend's refusal), in the user's language: the error kind
 * and its values (the field, the limit) mapped to a message key, never the data layer's English
 * detail, as savedErrorMessage does for saved analyses (src/state/saved-analysis.ts). Only an error
 * without a known kind (a bug, an unexpected answer) gets curErrorOther with its technical detail.
 */
import { errorInfo, type ErrorKind } from '../data/errors.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** A message about a curated place: a key, its slot values, and the field it names (a label key). */
export interface CuratedMessage {
	key: MessageKey;
	values?: Record<string, string | number>;
	/** The form's label of the refused field, for the message's {field}. */
	field?: MessageKey;
}

/** The form's label of each field the data layer checks (its `values.field`). */
export const CURATED_FIELD_LABEL: Record<string, MessageKey> = {
	name: 'curName',
	categories: 'curCategory',
	targetGroups: 'curTargetGroups',
	careFunctions: 'curCareFunctions',
	description: 'curDescription',
	address: 'curAddress',
	phone: 'curPhone',
	email: 'curEmail',
	website: 'curWebsite',
	openingHours: 'curHours',
	location: 'curLocation',
	source: 'curSource',
	visibility: 'curVisibility',
	areaId: 'curMunicipality',
};

/** Kinds about a field's text: the message names the field. */
const FIELD_MESSAGE: Partial<Record<ErrorKind, MessageKey>> = {
	too_long: 'curErrorTooLong',
	too_short: 'curErrorRequired',
	markup: 'curErrorMarkup',
	control_characters: 'curErrorControl',
	forbidden_characters: 'curErrorCharacters',
	unknown_value: 'curErrorUnknownValue',
	invalid: 'curErrorInvalidField',
};

/**
 * A field not in its expected form: what that form is (for the address and the opening hours,
 * their rules as the database holds them in one check, with the longest it takes: `max`).
 */
const PATTERN_MESSAGE: Record<string, MessageKey> = {
	phone: 'curErrorPhone',
	email: 'curErrorEmail',
	website: 'curErrorWebsite',
	address: 'curErrorAddressRules',
	openingHours: 'curErrorHoursRules',
};

/** Kinds about the place or the request as a whole. */
const OTHER_MESSAGE: Partial<Record<ErrorKind, MessageKey>> = {
	no_location: 'curErrorNoLocation',
	malformed_geometry: 'curErrorNoLocation',
	outside_belgium: 'curErrorOutsideBelgium',
	denied: 'curErrorDenied',
	sign_in_needed: 'curErrorDenied',
	not_found: 'curErrorNotFound',
	rate_limited: 'curErrorRateLimited',
	network: 'curErrorNetwork',
	server: 'curErrorNetwork',
};

/**
 * The message for `err` about a curated place; `areaName` is the municipality it was to be saved
 * for (a place outside it says which).
 */
export function curatedErrorMessage(err: unknown, areaName: string): CuratedMessage {
	const info = errorInfo(err);
	if (info.kind === 'outside_area')
		return { key: 'curErrorOutsideArea', values: { area: areaName } };
	const other = OTHER_MESSAGE[info.kind];
	if (other) return { key: other };
	const fieldName = info.values.field;
	const field = typeof fieldName === 'string' ? CURATED_FIELD_LABEL[fieldName] : undefined;
	const key = FIELD_MESSAGE[info.kind];
	if (field && key) {
		if (info.kind === 'invalid' && info.values.limit === 'pattern') {
			const pattern = PATTERN_MESSAGE[fieldName as string];
			if (pattern)
				return info.values.max === undefined
					? { key: pattern, field }
					: { key: pattern, field, values: { max: info.values.max } };
		}
		// the database names the limit, not the length it refused
		if (info.kind === 'too_long')
			return info.values.count === undefined
				? { key: 'curErrorTooLongMax', field, values: { max: info.values.max ?? '' } }
				: { key, field, values: { max: info.values.max ?? '', count: info.values.count } };
		return { key, field };
	}
	return { key: 'curErrorOther', values: { detail: info.detail } };
}
