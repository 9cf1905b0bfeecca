import { expect, type Page } from '@playwright/test';

/** Waits until the map has rendered its first complete frame (`data-map-ready="true"`). */
export async function waitForMapReady(page: Page): Promise<void> {
	await expect(page.getByTestId('map')).toHaveAttribute('data-map-ready', 'true');
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
			if (!map) throw new Error('map handle not exposed');
			const features = map.queryRenderedFeatures({ layers });
			return [...new Set(features.map((f) => String(f.properties[property])))].sort();
		},
		{ layers, property },
	);
}
