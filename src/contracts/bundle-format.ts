/**
 * The contract of `tiles/<area>/analysis.bin` between the pipeline, which writes it
 * (src/analysis/bundle.ts `buildAnalysisBundle`, run by scripts/lib/build-steps.ts), and the
 * engine, which reads it (`decodeAnalysisBundle`, in the app's worker, the CLI and the benchmarks):
 * its container (magic, version, the prefix of its errors), and its sections, in the order they are
 * written, each with its element type. The layout of a container is src/analysis/sections.ts.
 * The builder's input is checked by {@link BundleInputSchema}. Pure TypeScript.
 */
import * as v from 'valibot';
import { lngLatSchema, pathTo } from './validation.ts';

/**
 * Format version written in every bundle. 2: fragments joined by connector edges (`j<n>` ways),
 * sections `edgeFragment` and `originReason`, header `network` (joins, fragments, places off the
 * main network, origins per reason) and `meta.maxAccessM`. 3: the classification attributes of
 * every edge (`edgeFlags`, `edgeKerbM`, `edgeInclinePct`, `edgeWidthM`, `edgeBenchStretchM`), so
 * the worker classifies for a personal profile with the pipeline's own function.
 */
export const BUNDLE_VERSION = 3;

/** The bundle's container format (src/analysis/sections.ts `encodeSections`). */
export const BUNDLE_FORMAT = {
	magic: [0x42, 0x4b, 0x41, 0x42], // 'BKAB'
	version: BUNDLE_VERSION,
	what: 'analysis bundle',
	versionHint: 'rebuild it with npm run tiles:build',
} as const;

/**
 * The bundle's sections, in the order they are written, with their element types: per node
 * (`nodeE7` two per node), the CSR arcs, per edge, per profile and edge (`statuses`, `reasons`,
 * `unknowns`), the edges' shapes, per origin, per place, and per edge's classification attributes.
 */
export const BUNDLE_SECTIONS = {
	nodeE7: 'i32',
	nodeOsmIds: 'f64',
	offsets: 'u32',
	targets: 'u32',
	arcEdges: 'u32',
	edgeFrom: 'u32',
	edgeTo: 'u32',
	lengthsM: 'f32',
	edgeWays: 'u32',
	edgeFragment: 'u8',
	statuses: 'u8',
	reasons: 'u32',
	unknowns: 'u8',
	shapeOffsets: 'u32',
	shapeE7: 'i32',
	originE7: 'i32',
	residents: 'f32',
	residents65: 'f32',
	residents80: 'f32',
	originNeighbourhood: 'u32',
	originEdgeOfData: 'u8',
	originReason: 'u8',
	placeE7: 'i32',
	edgeFlags: 'u32',
	edgeKerbM: 'f32',
	edgeInclinePct: 'f32',
	edgeWidthM: 'f32',
	edgeBenchStretchM: 'f32',
} as const;

/** The name of a bundle section. */
export type BundleSectionName = keyof typeof BUNDLE_SECTIONS;

/** A count of residents: a finite number ≥ 0 (estimates are fractional). */
const Residents = v.pipe(v.number(), v.finite(), v.minValue(0));

/** Every `id` of a list once: the first repeated one is named. */
function uniqueIds<T extends { id: string }>(): v.RawCheckAction<T[]> {
	return v.rawCheck<T[]>(({ dataset, addIssue }) => {
		if (!dataset.typed) return;
		const seen = new Set<string>();
		dataset.value.forEach((item, i) => {
			if (seen.has(item.id))
				addIssue({
					message: 'unique',
					expected: 'once',
					input: item.id,
					path: pathTo(dataset.value, [i, 'id']),
				});
			seen.add(item.id);
		});
	});
}

/**
 * What the builder checks of its input before it builds (the ways and nodes are checked as it
 * walks them): the area's metadata, the neighbourhoods, the residents' origins and the places.
 */
export const BundleInputSchema = v.object({
	meta: v.object({
		areaId: v.pipe(v.string(), v.nonEmpty('length')),
		bbox: v.tuple([
			v.pipe(v.number(), v.finite()),
			v.pipe(v.number(), v.finite()),
			v.pipe(v.number(), v.finite()),
			v.pipe(v.number(), v.finite()),
		]),
		dataDate: v.string(),
	}),
	neighbourhoods: v.pipe(
		v.array(
			v.object({
				id: v.pipe(v.string(), v.nonEmpty('length')),
				population: Residents,
				residents65: Residents,
				residents80: Residents,
				coverageShare: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
			}),
		),
		uniqueIds(),
	),
	origins: v.pipe(
		v.array(
			v.object({
				id: v.pipe(v.string(), v.nonEmpty('length')),
				lngLat: lngLatSchema,
				residents: Residents,
				residents65: Residents,
				residents80: Residents,
				neighbourhoodId: v.string(),
			}),
		),
		uniqueIds(),
	),
	places: v.pipe(
		v.array(
			v.object({
				id: v.pipe(v.string(), v.nonEmpty('length')),
				lngLat: lngLatSchema,
				categoryIds: v.array(v.string()),
			}),
		),
		uniqueIds(),
	),
});
