/**
 * When a gap analysis's figures rest too much on unknown data to rank them: one rule for the
 * table, the map and the printed report. Its own module (types only besides): the main thread
 * reads it without the analysis bundle's code.
 */
import type { NeighbourhoodSummary } from './summary.ts';

/**
 * Above this share of the way on unknown data ({@link NeighbourhoodSummary.unknownShare}) a
 * neighbourhood's figures rest mostly on missing data: it is not ranked (DESIGN.md: never rank
 * neighbourhoods on data that is mostly missing).
 */
export const MOSTLY_UNKNOWN_SHARE = 0.5;

/**
 * Whether a measured row is left unranked: its way rests mostly on unknown data
 * ({@link MOSTLY_UNKNOWN_SHARE}). Only where unknown streets counted as usable (optimistic): counted
 * as not usable (cautious), no way rests on them.
 */
export function isUnranked(
	row: Pick<NeighbourhoodSummary, 'unknownShare' | 'state'>,
	unknownMode: 'optimistic' | 'cautious',
): boolean {
	return (
		unknownMode === 'optimistic' &&
		row.state === 'measured' &&
		row.unknownShare > MOSTLY_UNKNOWN_SHARE
	);
}
