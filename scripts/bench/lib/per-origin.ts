/**
 * The per-origin reference of the full analysis, set up once for an engine: per profile, the
 * connected origins, a seeded sample of them and a {@link PerOriginSearch} over the places of the
 * given categories. `time()` runs the reference on the sampled origins of every profile and
 * scales to all connected origins (the `analysis` and `coverage` benches share it).
 */
import type { AnalysisBundle } from '../../../src/analysis/bundle.ts';
import type { AnalysisEngine } from '../../../src/analysis/engine.ts';
import { PROFILE_IDS, type ProfileId, type UnknownMode } from '../../../src/contracts/profiles.ts';
import type { Snap } from '../../../src/analysis/snap.ts';
import { mulberry32 } from '../../../src/analysis/synthetic.ts';
import { PerOriginSearch, type ReferencePlace } from './references.ts';

export interface PerOriginReference {
	/** Per profile: its connected origins' count and the sampled origins. */
	profiles: { profile: ProfileId; connected: number; picked: number[] }[];
	/** Sampled origins over all profiles. */
	sampled: number;
	/**
	 * One timed run: milliseconds scaled to every connected origin of every profile. The results
	 * (seconds per sampled origin × category, per profile) land in `results`.
	 */
	time(): number;
	/** Per profile: seconds, sampled origin j × category k at j × categories + k. */
	results: Float64Array[];
}

/**
 * @param only the profiles to run (default all three) and the unknown mode (default optimistic):
 *   the `personal` bench runs the reference for a personal profile's base profile in its mode.
 */
export function perOriginReference(
	engine: AnalysisEngine,
	bundle: AnalysisBundle,
	categories: readonly string[],
	referenceOrigins: number,
	seed = 42,
	only: { profiles?: readonly ProfileId[]; unknownMode?: UnknownMode } = {},
): PerOriginReference {
	const o = bundle.origins;
	const rand = mulberry32(seed);
	const mode = only.unknownMode ?? 'optimistic';
	const perProfile = (only.profiles ?? PROFILE_IDS).map((profile) => {
		const snaps = engine.originSnaps(profile, mode);
		const connected: number[] = [];
		for (let i = 0; i < o.count; i++) if ((snaps.edge[i] as number) >= 0) connected.push(i);
		const picked = Array.from(
			{ length: Math.min(referenceOrigins, connected.length) },
			() => connected[Math.floor(rand() * connected.length)] as number,
		);
		const places: ReferencePlace[] = [];
		for (let i = 0; i < bundle.places.count; i++) {
			const cats = categories.flatMap((c, k) =>
				(bundle.places.categoryIds[i] as string[]).includes(c) ? [k] : [],
			);
			const snap = cats.length > 0 ? engine.placeSnap(i, profile, mode) : undefined;
			if (snap) places.push({ snap, categories: cats });
		}
		const search = new PerOriginSearch(engine.network(profile, mode), places, categories.length);
		const originSnap = (i: number): Snap => ({
			edge: snaps.edge[i] as number,
			t: snaps.t[i] as number,
			accessM: snaps.accessM[i] as number,
			lng: 0,
			lat: 0,
		});
		return { profile, connected: connected.length, picked, search, originSnap };
	});
	const results = perProfile.map((p) => new Float64Array(p.picked.length * categories.length));
	const best = new Float64Array(categories.length);
	return {
		profiles: perProfile.map(({ profile, connected, picked }) => ({ profile, connected, picked })),
		sampled: perProfile.reduce((n, p) => n + p.picked.length, 0),
		results,
		time(): number {
			let scaled = 0;
			perProfile.forEach((pp, k) => {
				const out = results[k] as Float64Array;
				const t = performance.now();
				pp.picked.forEach((i, j) => {
					pp.search.run(pp.originSnap(i), best);
					out.set(best, j * categories.length);
				});
				scaled += ((performance.now() - t) / Math.max(1, pp.picked.length)) * pp.connected;
			});
			return scaled;
		},
	};
}
