import { expect, type Page } from '@playwright/test';

/**
 * Makes the app's map reachable from the test as `window.buurtkaartMap`. The app keeps no global
 * handle: its map container dispatches a `buurtkaart:map` event with the map when it creates one
 * (the first view's map before the app too, then MapView with the map it takes over or creates),
 * and this init script (test code only) keeps the latest. Call before `page.goto`.
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
 * Holds the map's tiles (every .pmtiles request) back until the returned function is called, so
 * the map stays not ready (`data-map-ready="false"`) while the rest of the app works: for what a
 * user does before the map is there on a slow phone. Call before `page.goto`.
 */
export async function holdMapTiles(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/*.pmtiles', async (route) => {
		await held;
		await route.continue().catch(() => {});
	});
	return release;
}

/**
 * Holds the area's analysis data (its `analysis.bin`) back until the returned function is called,
 * so every request to the analysis worker stays unanswered meanwhile. Call before `page.goto`.
 */
export async function holdAnalysisData(page: Page): Promise<() => void> {
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/analysis(-\d+)?\.bin$/, async (route) => {
		await held;
		await route.continue().catch(() => {});
	});
	return release;
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

/**
 * A paint property of one layer of the captured map, or null while that map has no such layer: the
 * map captured first can be the first view's, which has none of the app's layers, and MapLibre's
 * getPaintProperty throws for a layer it does not have. For `expect.poll`.
 */
export function paintProperty(page: Page, layer: string, property: string): Promise<unknown> {
	return page.evaluate(
		({ layer, property }) => {
			const map = (
				window as unknown as {
					buurtkaartMap?: {
						getLayer: (id: string) => unknown;
						getPaintProperty: (id: string, p: string) => unknown;
					};
				}
			).buurtkaartMap;
			if (!map?.getLayer(layer)) return null;
			return map.getPaintProperty(layer, property) ?? null;
		},
		{ layer, property },
	);
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

/**
 * The colours on screen (everything drawn there: the map and any element above it) of the pixels
 * within `radius` CSS px of the viewport point `at`, as [r, g, b] from a real screenshot decoded in
 * the page.
 */
export async function screenPixelsAround(
	page: Page,
	at: { x: number; y: number },
	radius: number,
): Promise<[number, number, number][]> {
	const x = Math.round(at.x) - radius;
	const y = Math.round(at.y) - radius;
	const size = 2 * radius + 1;
	const png = await page.screenshot({ clip: { x, y, width: size, height: size }, scale: 'css' });
	return page.evaluate(
		async ({ base64, size, radius }) => {
			const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
			const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
			const canvas = new OffscreenCanvas(size, size);
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(bitmap, 0, 0, size, size);
			const data = ctx.getImageData(0, 0, size, size).data;
			const out: [number, number, number][] = [];
			for (let j = 0; j < size; j++)
				for (let i = 0; i < size; i++) {
					if ((i - radius) ** 2 + (j - radius) ** 2 > radius ** 2) continue;
					const k = 4 * (j * size + i);
					out.push([data[k]!, data[k + 1]!, data[k + 2]!]);
				}
			return out;
		},
		{ base64: png.toString('base64'), size, radius },
	);
}

type ViewMap = {
	getCenter(): { lng: number; lat: number };
	getZoom(): number;
	loaded(): boolean;
	areTilesLoaded(): boolean;
	isMoving(): boolean;
};

/** The captured map's view: its centre's `lng` and `lat`, and its `zoom`. */
export function mapView(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
	return page.evaluate(() => {
		const map = (window as unknown as { buurtkaartMap: ViewMap }).buurtkaartMap;
		return { ...map.getCenter(), zoom: map.getZoom() };
	});
}

/**
 * Waits until the captured map has drawn everything it has (sources loaded, tiles rendered) and
 * stands still (no fit or flight under way).
 */
export async function mapSettled(page: Page): Promise<void> {
	await expect
		.poll(
			() =>
				page.evaluate(() => {
					const map = (window as unknown as { buurtkaartMap: ViewMap }).buurtkaartMap;
					return map.loaded() && map.areTilesLoaded() && !map.isMoving();
				}),
			{ timeout: 120_000 },
		)
		.toBe(true);
}
