/**
 * The app's side of a what-if answer: patches it into the coverage the app holds.
 */
import type { NeighbourhoodSummary } from '../analysis/summary.ts';
import type { CoverageColumns, WhatIfResult } from './protocol.ts';

/**
 * Patches a what-if answer into the coverage the app holds (from the `coverage` request and any
 * earlier what-ifs of the same key): the changed origins' values and the changed summary rows,
 * in place. Work is proportional to what changed.
 *
 * @example applyWhatIf(cov.columns, cov.summary, await client.request('whatIf', { ...key, add }))
 */
export function applyWhatIf(
	columns: CoverageColumns,
	summary: NeighbourhoodSummary[],
	answer: Pick<WhatIfResult, 'changed' | 'summaryRows'>,
): void {
	const c = answer.changed;
	const placeIndex = new Map<string, number>();
	const local = c.placeIds.map((id) => {
		let k = placeIndex.get(id);
		if (k === undefined) {
			k = columns.placeIds.indexOf(id);
			if (k < 0) {
				k = columns.placeIds.length;
				columns.placeIds.push(id);
			}
			placeIndex.set(id, k);
		}
		return k;
	});
	c.origins.forEach((i, j) => {
		if (i >= columns.distanceM.length)
			throw new Error(`what-if origin ${i} is outside the coverage`);
		columns.distanceM[i] = c.distanceM[j] as number;
		columns.timeS[i] = c.timeS[j] as number;
		columns.unknownM[i] = c.unknownM[j] as number;
		const p = c.place[j] as number;
		columns.place[i] = p < 0 ? -1 : (local[p] as number);
	});
	for (const row of answer.summaryRows) {
		const k = summary.findIndex((r) => r.neighbourhoodId === row.neighbourhoodId);
		if (k >= 0) summary[k] = row;
		else summary.push(row);
	}
}
