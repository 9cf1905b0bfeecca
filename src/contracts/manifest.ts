/**
 * The contract of `tiles/<area>/manifest.json` between the pipeline, which writes it
 * (scripts/lib/build-area.ts), and the app, which reads it (src/data/tiles.ts). Pure TypeScript: the
 * pipeline runs it in Node, the app in the browser.
 */

/**
 * Manifest format version: the pipeline writes it, the app reads only this one. 2: `walkableRules`,
 * `network`, `warnings`, `counts.originsPerReason`, `counts.placesInAnalysisPerCategory`, reasons per
 * neighbourhood. Raise it when the app could misread a manifest written before the change.
 */
export const MANIFEST_SCHEMA_VERSION = 2;

/**
 * One thing wrong with data the app or the pipeline reads: where (`path`, e.g. `schemaVersion`),
 * which rule it breaks (`kind`), and the limit it breaks (`limit`, what was expected) beside what
 * was `found`. The UI maps the kind to a message key.
 */
export interface ValidationIssue {
	path: string;
	kind: 'schemaVersion';
	limit: number | string;
	found: unknown;
}

/**
 * The issue with a manifest's `schemaVersion`, or undefined when it is the one this code reads.
 *
 * @example schemaVersionIssue({ schemaVersion: 1 }) // → { path: 'schemaVersion', kind: 'schemaVersion', limit: 2, found: 1 }
 */
export function schemaVersionIssue(manifest: {
	schemaVersion?: unknown;
}): ValidationIssue | undefined {
	const found = manifest.schemaVersion;
	if (found === MANIFEST_SCHEMA_VERSION) return undefined;
	return { path: 'schemaVersion', kind: 'schemaVersion', limit: MANIFEST_SCHEMA_VERSION, found };
}
