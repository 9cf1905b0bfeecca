/**
 * `npm run bench -- nearest` (also part of `npm run bench -- analysis`): the k = 5 nearest places of
 * a category from a resident's point, by walking time along the network, on the sample's built
 * analysis bundle (tiles/vorselaar-lille/analysis.bin, else built from data/):
 *
 * - nearest-k: one bounded single-source search that stops once k places are settled
 *   (src/analysis/nearest.ts, the worker's `nearest` request);
 * - reference: the app's previous loop (until issue #9): places in order of straight-line distance,
 *   one `route` request each (routeWithReasons: the profile's route and the walking route), stopping
 *   when the next place's straight-line time exceeds the k-th best time found.
 *
 * 200 seeded random origins (address points) × 3 categories (pharmacy, gp, grocery), walking; the
 * two run interleaved per query (alternating which goes first), and every answer is checked equal
 * (same times within 1 µs). Target: nearest-k ≤ 1/5 of the reference's time.
 */
import type { AnalysisBundle } from '../../src/analysis/bundle.ts';
import { AnalysisEngine } from '../../src/analysis/engine.ts';
import { distanceM } from '../../src/analysis/geo.ts';
import { nearestPlaces } from '../../src/analysis/nearest.ts';
import { PROFILES, type ProfileId } from '../../src/contracts/profiles.ts';
import { routeWithReasons, type Route } from '../../src/analysis/route.ts';
import { SearchSpace } from '../../src/analysis/search.ts';
import { mulberry32 } from '../../src/analysis/synthetic.ts';
import type { TargetCheck } from './analysis.ts';
import { sampleBundle } from './lib/sample.ts';

const log = (s: string): void => void process.stderr.write(`[bench nearest] ${s}\n`);

const K = 5;
const ORIGINS = 200;
const CATEGORIES = ['pharmacy', 'gp', 'grocery'];
const PROFILE: ProfileId = 'walking';
const TARGET_RATIO = 1 / 5;

/** The previous per-place loop (src/places/nearest.ts until issue #9), run here without the worker. */
function perPlaceLoop(
	engine: AnalysisEngine,
	from: [number, number],
	categoryId: string,
	profile: ProfileId,
	k: number,
): { placeId: string; route: Route }[] {
	const p = engine.bundle.places;
	const speedMps = PROFILES[profile].speedMps;
	const byCrowFly = engine
		.placesOf(categoryId)
		.map((i) => {
			const to: [number, number] = [p.lngLat[i * 2] as number, p.lngLat[i * 2 + 1] as number];
			return {
				placeId: p.ids[i] as string,
				to,
				lowerBoundS: distanceM(from[0], from[1], to[0], to[1]) / speedMps,
			};
		})
		.sort((a, b) => a.lowerBoundS - b.lowerBoundS || a.placeId.localeCompare(b.placeId));
	const found: { placeId: string; route: Route }[] = [];
	for (const c of byCrowFly) {
		if (found.length >= k && c.lowerBoundS > found[k - 1]!.route.timeS) break;
		const { route } = routeWithReasons(engine, from, c.to, profile, 'optimistic');
		if (!Number.isFinite(route.timeS)) continue;
		found.push({ placeId: c.placeId, route });
		found.sort((a, b) => a.route.timeS - b.route.timeS || a.placeId.localeCompare(b.placeId));
	}
	return found.slice(0, k);
}

/**
 * The figures (see the file's doc comment), with their target check under `targets`. `sample` is
 * the analysis suite's shared sample (bundle and engine); without it the sample is loaded here.
 */
export async function nearestFigures(sample?: {
	bundle: AnalysisBundle;
	source: string;
	engine: AnalysisEngine;
}): Promise<Record<string, unknown> & { targets: Record<string, TargetCheck> }> {
	const { bundle, source } = sample ?? (await sampleBundle());
	const engine = sample?.engine ?? new AnalysisEngine(bundle);
	const space = new SearchSpace(engine.graph.nodeCount);
	const rand = mulberry32(2026);
	const o = bundle.origins;
	const origins = Array.from({ length: ORIGINS }, (): [number, number] => {
		const i = Math.floor(rand() * o.count);
		return [o.lngLat[i * 2] as number, o.lngLat[i * 2 + 1] as number];
	});
	// warm-up: snapping index, profile network, place snaps
	for (const c of CATEGORIES) {
		nearestPlaces(engine, origins[0]!, c, PROFILE, K, { space });
		perPlaceLoop(engine, origins[0]!, c, PROFILE, K);
	}
	let nearestMs = 0;
	let referenceMs = 0;
	const perCategory = Object.fromEntries(
		CATEGORIES.map((c) => [
			c,
			{ places: engine.placesOf(c).length, nearest_ms: 0, reference_ms: 0, ratio: 0 },
		]),
	);
	let mismatches = 0;
	let queries = 0;
	const time = <T>(f: () => T): [T, number] => {
		const t = performance.now();
		const r = f();
		return [r, performance.now() - t];
	};
	origins.forEach((from, j) => {
		for (const categoryId of CATEGORIES) {
			const runNew = () =>
				time(() => nearestPlaces(engine, from, categoryId, PROFILE, K, { space }));
			const runRef = () => time(() => perPlaceLoop(engine, from, categoryId, PROFILE, K));
			let got: ReturnType<typeof runNew>;
			let want: ReturnType<typeof runRef>;
			if ((j + queries) % 2 === 0) {
				got = runNew();
				want = runRef();
			} else {
				want = runRef();
				got = runNew();
			}
			nearestMs += got[1];
			referenceMs += want[1];
			perCategory[categoryId]!.nearest_ms += got[1];
			perCategory[categoryId]!.reference_ms += want[1];
			queries++;
			const a = got[0].map((x) => x.route.timeS);
			const b = want[0].map((x) => x.route.timeS);
			if (a.length !== b.length || a.some((t, i) => Math.abs(t - (b[i] as number)) > 1e-6))
				mismatches++;
		}
	});
	const ratio = nearestMs / referenceMs;
	for (const c of Object.values(perCategory)) {
		c.ratio = Number((c.nearest_ms / c.reference_ms).toFixed(4));
		c.nearest_ms = Number(c.nearest_ms.toFixed(1));
		c.reference_ms = Number(c.reference_ms.toFixed(1));
	}
	log(
		`${queries} queries: nearest-k ${nearestMs.toFixed(0)} ms, per-place loop ${referenceMs.toFixed(0)} ms, ratio ${ratio.toFixed(3)}, mismatches ${mismatches}`,
	);
	return {
		nearest_source: source,
		nearest_queries: `${ORIGINS} origins × ${CATEGORIES.join(', ')} (${PROFILE}, k = ${K})`,
		nearest_k_ms_total: Number(nearestMs.toFixed(1)),
		nearest_reference_ms_total: Number(referenceMs.toFixed(1)),
		nearest_k_ms_per_query: Number((nearestMs / queries).toFixed(3)),
		nearest_reference_ms_per_query: Number((referenceMs / queries).toFixed(3)),
		nearest_vs_reference_ratio: Number(ratio.toFixed(4)),
		nearest_mismatches: mismatches,
		nearest_per_category: perCategory,
		targets: {
			nearest_vs_per_place_loop: {
				value: Number(ratio.toFixed(4)),
				target: `≤ 1/5 = ${TARGET_RATIO} of the per-place loop, equal answers`,
				meetsTargets: ratio <= TARGET_RATIO && mismatches === 0,
			},
		},
	};
}

/** `npm run bench -- nearest` */
export async function run(): Promise<Record<string, unknown>> {
	return nearestFigures();
}
