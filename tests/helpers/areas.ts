/**
 * The journeys of residents run as a returning resident of the sample area: the device remembers
 * the area it used last (AreaState, under AREA_KEY), so `/` opens it. The `test` fixture
 * (tests/helpers/test.ts) makes every test's context one; tests of the area choice use a fresh
 * context without it.
 */
import type { BrowserContext } from '@playwright/test';
import { AREA_KEY } from '../../src/data/area-index.ts';

export const SAMPLE_AREA = 'vorselaar-lille';

/**
 * Makes `context` a device that remembers `areaId`, as if it had been used before: before any
 * script of a page of the context runs, the area is stored where the app keeps it, unless the
 * device already remembers one (a choice made in the test stays). An init script rather than
 * Playwright's `storageState`, which opens a page of the origin in every new context to write it
 * (about half a second per test here).
 */
export async function rememberArea(context: BrowserContext, areaId = SAMPLE_AREA): Promise<void> {
	await context.addInitScript(
		([key, id]) => {
			try {
				if (localStorage.getItem(key) === null) localStorage.setItem(key, id);
			} catch {
				// a document with no storage of its own (about:blank, an opaque origin)
			}
		},
		[AREA_KEY, areaId] as const,
	);
}
