/**
 * The one longitude/latitude check of the project (the schemas in validation.ts, the analysis
 * engine's inputs and the bundle builder all use it). Without Valibot, so the engine and the first
 * view can use it without loading the schema library.
 */

/** Is `value` a finite number? */
export const isFiniteNumber = (value: unknown): value is number =>
	typeof value === 'number' && Number.isFinite(value);

/**
 * `[lng, lat]`, finite, within -180..180 and -90..90 (fast enough for every node of an extract).
 *
 * @example isLngLat([4.8, 51.2]) // → true
 */
export function isLngLat(value: unknown): value is [number, number] {
	return (
		Array.isArray(value) &&
		value.length === 2 &&
		isFiniteNumber(value[0]) &&
		isFiniteNumber(value[1]) &&
		Math.abs(value[0]) <= 180 &&
		Math.abs(value[1]) <= 90
	);
}
