/**
 * Data completeness per neighbourhood: the share of the walkable network's length that carries the
 * tags each profile needs (its status is passable, limited or impassable, not `unknown`).
 *
 * The bundle holds no neighbourhood outlines, so each edge counts for the neighbourhood of the
 * addresses that use it: the neighbourhood of the origins snapped onto it for walking, else of
 * the nearest origin within the access limit; edges farther than that from every address
 * (fields, woods) are counted apart as "away from addresses". The table says so; it never
 * claims a share for a neighbourhood without network.
 */
import KDBush from 'kdbush';
import { NO_NEIGHBOURHOOD } from './bundle.ts';
import type { AnalysisEngine } from './engine.ts';
import { distanceM, metresPerDegree } from './geo.ts';
import { PROFILE_IDS, WAY_STATUS_CODES, type ProfileId } from '../contracts/profiles.ts';
import { EDGE_FLAG, UNKNOWN_SURFACE_CLASS } from './profiles.ts';

/** One row: a neighbourhood (or the network away from addresses). */
export interface CompletenessRow {
	/** Neighbourhood id; '' for the network away from any address. */
	id: string;
	name: string;
	/** Metres of walkable network counted for it. */
	networkM: number;
	/** Per profile: metres whose needed tags are all present, and that share (null without network). */
	knownM: Record<ProfileId, number>;
	share: Record<ProfileId, number | null>;
	/**
	 * Metres whose surface is known (tagged `surface`, or a `tracktype`), and that share. A profile
	 * that reads surfaces without needing them (the rollator: a rough surface slows it) takes an
	 * untagged way as paved: this says how much of its answer rests on that.
	 */
	surfaceKnownM: number;
	surfaceShare: number | null;
}

/** Edge → neighbourhood index (NO_NEIGHBOURHOOD when away from addresses), as described above. */
export function edgeNeighbourhoods(engine: AnalysisEngine): Uint32Array {
	const g = engine.graph;
	const o = engine.bundle.origins;
	const out = new Uint32Array(g.edgeCount).fill(NO_NEIGHBOURHOOD);
	const snaps = engine.originSnaps('walking', 'optimistic');
	const index = new KDBush(Math.max(1, o.count), 64, Float64Array);
	for (let i = 0; i < o.count; i++)
		index.add(o.lngLat[2 * i] as number, o.lngLat[2 * i + 1] as number);
	if (o.count === 0) index.add(0, 0);
	index.finish();
	const maxM = engine.maxAccessM;
	for (let e = 0; e < g.edgeCount; e++) {
		// the neighbourhood most of its snapped origins lie in
		const k0 = snaps.byEdgeOffsets[e] as number;
		const k1 = snaps.byEdgeOffsets[e + 1] as number;
		if (k1 > k0) {
			const votes = new Map<number, number>();
			for (let k = k0; k < k1; k++) {
				const nb = o.neighbourhood[snaps.byEdge[k] as number] as number;
				if (nb !== NO_NEIGHBOURHOOD) votes.set(nb, (votes.get(nb) ?? 0) + 1);
			}
			let best = NO_NEIGHBOURHOOD;
			let most = 0;
			for (const [nb, n] of votes)
				if (n > most || (n === most && nb < best)) [best, most] = [nb, n];
			if (best !== NO_NEIGHBOURHOOD) {
				out[e] = best;
				continue;
			}
		}
		// else the nearest origin to its midpoint, within the access limit
		const a = g.edgeFrom[e] as number;
		const b = g.edgeTo[e] as number;
		const x = ((g.nodeLngLat[2 * a] as number) + (g.nodeLngLat[2 * b] as number)) / 2;
		const y = ((g.nodeLngLat[2 * a + 1] as number) + (g.nodeLngLat[2 * b + 1] as number)) / 2;
		// The search box: maxM on the local WGS84 plane, 1 % wider so that no origin within maxM (as
		// distanceM measures it, at the two points' mean latitude) falls outside it.
		const { kx, ky } = metresPerDegree(y);
		const dy = (maxM * 1.01) / ky;
		const dx = (maxM * 1.01) / kx;
		let best = -1;
		let bestD = Infinity;
		for (const i of index.range(x - dx, y - dy, x + dx, y + dy)) {
			if (i >= o.count) continue;
			const d = distanceM(x, y, o.lngLat[2 * i] as number, o.lngLat[2 * i + 1] as number);
			if (d < bestD) [best, bestD] = [i, d];
		}
		if (best >= 0 && bestD <= maxM) out[e] = o.neighbourhood[best] as number;
	}
	return out;
}

/**
 * The completeness table: one row per neighbourhood (bundle order), then the network away from
 * addresses. Lengths are of the edges walkers may use (walking status not impassable).
 */
export function completenessByNeighbourhood(engine: AnalysisEngine): CompletenessRow[] {
	const g = engine.graph;
	const nbs = engine.bundle.neighbourhoods;
	const owner = edgeNeighbourhoods(engine);
	const zero = (): Record<ProfileId, number> => ({ walking: 0, rollator: 0, wheelchair: 0 });
	const rows: CompletenessRow[] = [
		...nbs.map((n) => ({
			id: n.id,
			name: n.name,
			networkM: 0,
			knownM: zero(),
			share: {} as Record<ProfileId, number | null>,
			surfaceKnownM: 0,
			surfaceShare: null,
		})),
		{
			id: '',
			name: '',
			networkM: 0,
			knownM: zero(),
			share: {} as Record<ProfileId, number | null>,
			surfaceKnownM: 0,
			surfaceShare: null,
		},
	];
	const flags = g.attributes.flags;
	const walkIndex = PROFILE_IDS.indexOf('walking');
	const E = g.edgeCount;
	for (let e = 0; e < E; e++) {
		if (g.statuses[walkIndex * E + e] === WAY_STATUS_CODES.impassable) continue;
		const nb = owner[e] as number;
		const row = rows[nb === NO_NEIGHBOURHOOD ? nbs.length : nb] as CompletenessRow;
		const L = g.lengthsM[e] as number;
		row.networkM += L;
		PROFILE_IDS.forEach((p, pi) => {
			if (g.statuses[pi * E + e] !== WAY_STATUS_CODES.unknown) row.knownM[p] += L;
		});
		if ((((flags[e] as number) >>> EDGE_FLAG.surfaceShift) & 3) !== UNKNOWN_SURFACE_CLASS)
			row.surfaceKnownM += L;
	}
	for (const r of rows) {
		for (const p of PROFILE_IDS) r.share[p] = r.networkM > 0 ? r.knownM[p] / r.networkM : null;
		r.surfaceShare = r.networkM > 0 ? r.surfaceKnownM / r.networkM : null;
	}
	return rows;
}
