/**
 * The care functions in words, as the care-functions table and the printed buurtanalyse write
 * them: labels from the taxonomy, and the missing ones that only a local initiative can serve
 * (`onlyInitiatives` in the taxonomy) named apart, "… (alleen via initiatieven)".
 */
import { splitMissing } from '../analysis/care-functions.ts';
import { CARE_FUNCTIONS, type CareFunctionId, type Localized } from '../contracts/taxonomy.ts';
import type { MessageKey } from '../i18n/messages.ts';

interface Texts {
	lang: keyof Localized;
	t(key: MessageKey, values?: Record<string, string | number>): string;
}

/** A care function's label in the current language. */
export function careFunctionLabel(i18n: Texts, id: string): string {
	return CARE_FUNCTIONS.find((f) => f.id === id)?.labels[i18n.lang] ?? id;
}

/** The functions present, or "geen". */
export function presentFunctionsText(i18n: Texts, ids: readonly CareFunctionId[]): string {
	return ids.length === 0
		? i18n.t('curFunctionsNone')
		: ids.map((id) => careFunctionLabel(i18n, id)).join(', ');
}

/**
 * The functions missing: those a kind of place could serve, then those only initiatives can, with
 * that said; "—" when none is missing.
 * @example missingFunctionsText(i18n, ["neighbourhood_analysis", "policy_advice"]) // "Beleidsadvies vanuit de buurt; Buurtanalyse (alleen via initiatieven)"
 */
export function missingFunctionsText(i18n: Texts, ids: readonly CareFunctionId[]): string {
	if (ids.length === 0) return '—';
	const { missing, onlyInitiatives } = splitMissing(ids);
	const parts: string[] = [];
	if (missing.length > 0) parts.push(missing.map((id) => careFunctionLabel(i18n, id)).join(', '));
	if (onlyInitiatives.length > 0)
		parts.push(
			i18n.t('curFunctionsOnlyInitiatives', {
				functions: onlyInitiatives.map((id) => careFunctionLabel(i18n, id)).join(', '),
			}),
		);
	return parts.join('; ');
}
