import { expect, type Page } from '@playwright/test';

/**
 * Makes the app's map reachable from the test as `window.buurtkaartMap`. The app keeps no global
 * handle: its map container dispatches a `buurtkaart:map` event with the map when it creates one,
 * and this init script (test code only) listens for it. Call before `page.goto`.
 */
export async function captureMap(page: Page): Promise<void> {
	await page.addInitScript(() => {
		document.addEventListener('buurtkaart:map', (event) => {
			(window as unknown as { buurtkaartMap?: unknown }).buurtkaartMap = (
				event as CustomEvent
			).detail;
		});
	});
}

/**
 * Waits until the map has rendered its first complete frame (`data-map-ready="true"`). Generous:
 * software WebGL on a busy machine can take over 30 s for it.
 */
export async function waitForMapReady(page: Page): Promise<void> {
	await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true', {
		timeout: 120_000,
	});
}

/** Distinct values of `property` among the rendered features of `layers` in the current view. */
export async function renderedValues(
	page: Page,
	layers: string[],
	property: string,
): Promise<string[]> {
	return page.evaluate(
		({ layers, property }) => {
			const map = (
				window as unknown as {
					buurtkaartMap?: {
						queryRenderedFeatures: (o: unknown) => { properties: Record<string, unknown> }[];
					};
				}
			).buurtkaartMap;
			if (!map) throw new Error('map not captured: call captureMap(page) before page.goto');
			const features = map.queryRenderedFeatures({ layers });
			return [...new Set(features.map((f) => String(f.properties[property])))].sort();
		},
		{ layers, property },
	);
}

/** The ids of the map's layers, bottom first, as MapLibre draws them. */
export async function renderedLayerOrder(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const map = (
			window as unknown as { buurtkaartMap?: { getStyle: () => { layers: { id: string }[] } } }
		).buurtkaartMap;
		if (!map) throw new Error('map not captured: call captureMap(page) before page.goto');
		return map.getStyle().layers.map((l) => l.id);
	});
}
