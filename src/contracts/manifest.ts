/**
 * The contract of `tiles/<area>/manifest.json` between the pipeline, which writes it
 * (scripts/lib/build-steps.ts, checked against {@link ManifestSchema} before it is published), and
 * the app, which reads it (src/data/tiles.ts, through the same schema). Pure TypeScript: the
 * pipeline runs it in Node, the app in the browser. The schema holds what the app reads; the
 * manifest's other sections (inputs, counts, assumptions...) are documented in scripts/README.md.
 */
import * as v from 'valibot';
import { bboxSchema, rule } from './validation.ts';

/**
 * Manifest format version: the pipeline writes it, the app reads only this one. 2: `walkableRules`,
 * `network`, `warnings`, `counts.originsPerReason`, `counts.placesInAnalysisPerCategory`, reasons per
 * neighbourhood. Raise it when the app could misread a manifest written before the change.
 */
export const MANIFEST_SCHEMA_VERSION = 2;

/** A layer of an archive as the manifest lists it: its id and, for some, its features per value. */
const LayerSchema = v.union([
	v.string(),
	v.object({
		id: v.string(),
		/** Features per value; a count that is not a whole number ≥ 0 is left out by the reader. */
		counts: v.optional(v.record(v.string(), v.unknown())),
	}),
]);

/** A count of features: a whole number ≥ 0. */
export const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** The id of a listed layer. */
export const layerId = (layer: v.InferOutput<typeof LayerSchema>): string =>
	typeof layer === 'string' ? layer : layer.id;

/** An archive of the area (`.pmtiles`), its path relative to the manifest. */
const ArchiveSchema = v.object({
	file: v.pipe(v.string(), v.nonEmpty('length')),
	minzoom: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24)), 0),
	maxzoom: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24)), 14),
	layers: v.optional(v.array(LayerSchema), []),
});

/** Another file of the area (analysis bundle, search source, boundaries). */
const FileSchema = v.object({
	file: v.pipe(v.string(), v.nonEmpty('length')),
	bytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
});

/** What the app reads of a manifest. */
export const ManifestSchema = v.pipe(
	// the version first: a manifest of another version is named as such, whatever else it holds
	v.looseObject({ schemaVersion: v.optional(v.unknown()) }),
	rule(
		'schemaVersion',
		MANIFEST_SCHEMA_VERSION,
		(m) => m.schemaVersion === MANIFEST_SCHEMA_VERSION,
		'schemaVersion',
	),
	v.object({
		schemaVersion: v.literal(MANIFEST_SCHEMA_VERSION),
		area: v.object({
			id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'format')),
			name: v.pipe(v.string(), v.nonEmpty('length')),
			/** The name where a language writes it otherwise (the area config's `names`). */
			names: v.optional(
				v.object({
					nl: v.optional(v.pipe(v.string(), v.nonEmpty('length'))),
					fr: v.optional(v.pipe(v.string(), v.nonEmpty('length'))),
					en: v.optional(v.pipe(v.string(), v.nonEmpty('length'))),
				}),
			),
			bbox: v.optional(bboxSchema),
			municipalities: v.optional(v.array(v.object({ nis: v.string(), name: v.string() })), []),
		}),
		/** Older manifests: the bbox beside the area. */
		bbox: v.optional(bboxSchema),
		archives: v.object({
			neighbourhoods: v.pipe(
				ArchiveSchema,
				rule('value', 'neighbourhoods', (a) => a.layers.map(layerId).includes('neighbourhoods')),
			),
			places: v.optional(ArchiveSchema),
			basemap: v.optional(ArchiveSchema),
			network: v.optional(ArchiveSchema),
		}),
		files: v.optional(
			v.object({
				analysis: v.optional(FileSchema),
				search: v.optional(FileSchema),
				boundaries: v.optional(FileSchema),
				neighbourhoods: v.optional(FileSchema),
			}),
			{},
		),
		neighbourhoodSources: v.optional(
			v.record(v.string(), v.object({ ages: v.optional(v.string()) })),
			{},
		),
		ageShares: v.optional(v.record(v.string(), v.object({ date: v.optional(v.string()) })), {}),
	}),
	rule('missing', 'area.bbox', (m) => (m.area.bbox ?? m.bbox) !== undefined),
);

/** A manifest as the app reads it. */
export type ManifestAsRead = v.InferOutput<typeof ManifestSchema>;
