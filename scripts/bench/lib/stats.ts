/** Small statistics shared by the bench suites: every ratio is reported with its median and range. */

/** The middle value (upper middle for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)] ?? NaN;
}

/** The q-quantile (0..1) by rank; NaN for none. */
export function quantile(xs: readonly number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

/** Median, min and max of a series, rounded to `digits` significant digits. */
export interface Spread {
	median: number;
	min: number;
	max: number;
	runs: number;
}

export function spread(xs: readonly number[], digits = 4): Spread {
	const r = (x: number): number => Number(x.toPrecision(digits));
	return {
		median: r(median(xs)),
		min: r(Math.min(...xs)),
		max: r(Math.max(...xs)),
		runs: xs.length,
	};
}

/** Milliseconds rounded to the microsecond. */
export const ms = (x: number): number => Number(x.toFixed(3));
