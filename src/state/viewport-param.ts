/**
 * The map's view as a link writes it (url-state.ts's `at` parameter): `lng,lat,zoom`, the centre to
 * 5 decimals (about a metre), the zoom to 2. On its own, without the rest of url-state.ts, so that
 * the first view's map (src/map/first-map.ts, before the app) writes it the same way.
 */

/** The `at` parameter's name. */
export const VIEWPORT_PARAM = 'at';

/** The `at` parameter's value for a map at `centre` ([lng, lat], degrees) and `zoom`. */
export function viewportParam(centre: [number, number], zoom: number): string {
	return `${round(centre[0], 5)},${round(centre[1], 5)},${round(zoom, 2)}`;
}

function round(x: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}
