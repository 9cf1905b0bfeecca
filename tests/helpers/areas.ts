/**
 * The journeys of residents run as a returning resident of the sample area: the device remembers
 * the area it used last (AreaState), so `/` opens it. Tests of the area choice and of shared links
 * use a fresh browser context without it.
 */
export const SAMPLE_AREA = 'vorselaar-lille';

/** Playwright `storageState` with the sample area remembered for the app at `baseURL`. */
export function rememberSampleArea(baseURL: string) {
	return {
		cookies: [],
		origins: [{ origin: baseURL, localStorage: [{ name: 'buurtkaart.area', value: SAMPLE_AREA }] }],
	};
}
