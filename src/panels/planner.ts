/**
 * What the planners' panels share: asking the area's analysis worker, and saving an export.
 */
import { reasonLabel } from '../analysis/profiles.ts';
import type { ClassifyLimits } from '../analysis/profiles.ts';
import { UNKNOWN_REASONS, type ReasonCode } from '../contracts/profiles.ts';
import type { AreaState } from '../state/area-state.svelte.ts';
import type { I18n } from '../state/i18n.svelte.ts';
import type { Params, RequestType, Result } from '../workers/protocol.ts';

/** What {@link ask} reads of the area: its engine, and whether that is still being looked up. */
export type AskedArea = Pick<AreaState, 'analysis' | 'isOpening'>;

/**
 * Sends one request to the area's analysis worker (started and loaded on first use). While the
 * area's manifest is still being read (a link opened before it is in), the request waits: it is
 * answered by the effect that asks again once the engine is there, or ends with `signal`. Read in
 * an effect, it tracks the area's engine. Rejects when the area has no analysis data.
 */
export async function ask<T extends RequestType>(
	area: AskedArea,
	type: T,
	params: Params<T>,
	signal: AbortSignal,
): Promise<Result<T>> {
	const analysis = area.analysis;
	if (!analysis) {
		if (area.isOpening) return untilAborted(signal);
		throw new Error('this area has no analysis data (analysis.bin)');
	}
	const client = await analysis.client();
	return client.request(type, params, { signal });
}

/** A promise that rejects with an AbortError when `signal` aborts, and never settles otherwise. */
function untilAborted(signal: AbortSignal): Promise<never> {
	return new Promise((_, reject) => {
		const abort = () => reject(new DOMException('cancelled', 'AbortError'));
		if (signal.aborted) abort();
		else signal.addEventListener('abort', abort, { once: true });
	});
}

/** Offers `text` as a file download named `name`. */
export function download(name: string, text: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Whole minutes of a time in seconds (at least 1 when there is any time). */
export function minutesOf(seconds: number): number {
	return seconds > 0 ? Math.max(1, Math.round(seconds / 60)) : 0;
}

/**
 * A point rounded to 6 decimals (about 0.1 m), as links write it: the point computed with is the
 * point the link reopens.
 */
export function roundPoint(p: readonly [number, number]): [number, number] {
	return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}

/** The box [west, south, east, north] around lines of [lng, lat] points; undefined when empty. */
export function bboxOf(
	lines: readonly (readonly (readonly number[])[])[],
): [number, number, number, number] | undefined {
	let w = Infinity;
	let so = Infinity;
	let e = -Infinity;
	let n = -Infinity;
	for (const line of lines)
		for (const p of line) {
			const x = p[0] as number;
			const y = p[1] as number;
			if (x < w) w = x;
			if (x > e) e = x;
			if (y < so) so = y;
			if (y > n) n = y;
		}
	return w <= e ? [w, so, e, n] : undefined;
}

/**
 * A way as the lists name it: its street name from the data (src/analysis/bundle.ts
 * `WAY_NAME_KEYS`), else honestly "unnamed way near Pastoorshof (w123)", by the nearest named way
 * it leads to (src/analysis/way-names.ts), or "unnamed way (w123)" when none is near.
 */
export function wayLabel(
	i18n: Pick<I18n, 't'>,
	way: { wayId: string; wayName: string; nearName: string },
): string {
	if (way.wayName) return way.wayName;
	return way.nearName
		? i18n.t('plannerWayNear', { id: way.wayId, name: way.nearName })
		: i18n.t('plannerWay', { id: way.wayId });
}

/**
 * Why a stretch was avoided or ranked, in words: what the data say is wrong first, then what they
 * do not know ("Ruwe verharding (…); ook breedte onbekend"). A stretch held back by unknown data
 * only says that a survey may settle it: nothing needs building there as far as the data know
 * (unless `underSurveyHeading`: a list whose heading says so already).
 * @example reasonsText(i18n, ['surface_rough', 'width_unknown'], limits)
 */
export function reasonsText(
	i18n: Pick<I18n, 't' | 'lang'>,
	codes: readonly ReasonCode[],
	limits?: ClassifyLimits,
	underSurveyHeading = false,
): string {
	const label = (c: ReasonCode) => reasonLabel(c, i18n.lang, limits);
	const known = codes.filter((c) => !UNKNOWN_REASONS.has(c)).map(label);
	const unknown = codes.filter((c) => UNKNOWN_REASONS.has(c)).map(label);
	if (known.length === 0 && unknown.length === 0) return i18n.t('networkUnknown');
	if (known.length === 0) {
		const list = unknown.join(', ');
		return underSurveyHeading ? list : i18n.t('reasonsOnlyUnknown', { list });
	}
	if (unknown.length === 0) return known.join(', ');
	const lower = unknown.map((u) => u.charAt(0).toLocaleLowerCase(i18n.lang) + u.slice(1));
	return i18n.t('reasonsAlsoUnknown', { known: known.join(', '), unknown: lower.join(', ') });
}
