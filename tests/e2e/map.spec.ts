import { KEEP_HEADER } from '../../src/data/offline-area.ts';
import { iconImageId } from '../../src/map/layers/places-style.ts';
import { FIRST_READ_BYTES } from '../../src/map/pmtiles-source.ts';
import { devices } from '@playwright/test';
import { expect, test, type Page } from '../helpers/test.ts';
import { renderedLayerOrder, renderedValues, waitForMapReady, captureMap } from '../helpers/map.ts';

// The map reaches the test through the app's `buurtkaart:map` event (no global handle).
test.beforeEach(async ({ page }) => captureMap(page));

/** Holds the app's entry chunk until the returned function is called: the first view stays. */
async function holdApp(page: Page): Promise<() => void> {
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/assets\/main-[^/]+\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	return release;
}

/** The manifest the page read for its area (the first view's or the app's). */
async function readManifest(page: Page): Promise<{
	area: { bbox: [number, number, number, number] };
	archives: { places: { file: string; minzoom: number } };
}> {
	const url = await page.evaluate(
		() =>
			performance
				.getEntriesByType('resource')
				.find((e) => /\/tiles\/[^/]+\/manifest\.json$/.test(e.name))!.name,
	);
	return (await page.request.get(url)).json();
}

/**
 * Where the map shows the area `bbox`: its zoom, the zoom at which the whole area would just fit
 * the map (no margin), whether each corner of the area lies on the screen (inside the map's canvas
 * and the visible width of the page), and the page's widths.
 */
async function areaOnScreen(page: Page, bbox: [number, number, number, number]) {
	return page.evaluate(([west, south, east, north]) => {
		type Handle = {
			getZoom(): number;
			project(p: [number, number]): { x: number; y: number };
			cameraForBounds(b: [[number, number], [number, number]]): { zoom: number } | undefined;
			getCanvas(): HTMLCanvasElement;
		};
		const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
		const box = map.getCanvas().getBoundingClientRect();
		const visible = window.visualViewport?.width ?? window.innerWidth;
		const corners = [
			[west, south],
			[west, north],
			[east, south],
			[east, north],
		] as [number, number][];
		return {
			zoom: map.getZoom(),
			fitZoom: map.cameraForBounds([
				[west, south],
				[east, north],
			])!.zoom,
			cornersOnScreen: corners.map((c) => {
				const p = map.project(c);
				const x = box.left + p.x;
				return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height && x <= visible;
			}),
			pageWidth: document.documentElement.scrollWidth,
			visible,
		};
	}, bbox);
}

test.describe('the map of the sample area', () => {
	test('draws and labels the neighbourhoods of Vorselaar and Lille from PMTiles over range requests; the accessible-routes layer per profile', async ({
		page,
	}, testInfo) => {
		const rangeStatuses: { url: string; status: number; range?: string }[] = [];
		page.on('response', (response) => {
			// The map's reads; not the whole-file downloads that keep the area for offline use
			// (src/data/offline-area.ts, marked with the keep header).
			if (
				response.url().endsWith('.pmtiles') &&
				!response.request().headers()[KEEP_HEADER.toLowerCase()]
			)
				rangeStatuses.push({
					url: response.url(),
					status: response.status(),
					range: response.request().headers()['range'],
				});
		});

		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Buurtkaart' })).toBeVisible();
		await waitForMapReady(page);

		// At the first full frame, every kind of help among the places drawn has its icon (MapLibre
		// asks for each icon when a tile needs it: src/map/MapView.svelte).
		const categories = await renderedValues(page, ['places-icon'], 'category');
		expect(categories.length).toBeGreaterThan(0);
		const missing = await page.evaluate(
			(ids) => {
				const map = (window as unknown as { buurtkaartMap: { hasImage: (id: string) => boolean } })
					.buurtkaartMap;
				return ids.filter((id) => !map.hasImage(id));
			},
			categories.map((c) => iconImageId(c)),
		);
		expect(missing).toEqual([]);

		// The six wijken of the sample (data/vorselaar-lille/SOURCES.md) are drawn and labelled; the
		// two of Vorselaar, whose polygons carry only a code (13044A0, 13044A1), by the names of their
		// Statbel sectors.
		const wijken = [
			'Gierle (Lille)',
			'Lille (wijk)',
			'Poederlee (Lille)',
			'Sassenhout',
			'Vorselaar-Centrum e.o.',
			'Wechelderzande (Lille)',
		];
		expect(await renderedValues(page, ['neighbourhoods-fill'], 'name')).toEqual(wijken);
		const labels = await renderedValues(page, ['neighbourhoods-label'], 'name');
		expect(labels.length).toBeGreaterThanOrEqual(4);
		expect(wijken).toEqual(expect.arrayContaining(labels));

		// PMTiles is read with HTTP range requests, answered 206 Partial Content.
		expect(rangeStatuses.length).toBeGreaterThan(0);
		expect(rangeStatuses.filter((r) => r.status !== 206)).toEqual([]);

		// OpenStreetMap attribution is on the map.
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OpenStreetMap');

		await page.screenshot({ path: testInfo.outputPath('map.png'), fullPage: true });

		// The accessible-routes layer colours streets per profile and shows unknown apart.
		await page.getByRole('radio', { name: 'In een rolstoel' }).check();
		await expect(page).toHaveURL(/profile=wheelchair/);
		await page.getByTestId('network-toggle').getByRole('checkbox').check();
		await expect(page.getByTestId('network-toggle')).toContainText(
			'Onbekend: de gegevens zeggen het niet',
		);
		// Zoom in on the centre of Vorselaar (the network tiles start at zoom 12).
		await page.evaluate(() => {
			const map = (window as unknown as { buurtkaartMap: { jumpTo: (o: unknown) => void } })
				.buurtkaartMap;
			map.jumpTo({ center: [4.7718, 51.2024], zoom: 15 });
		});
		await expect
			.poll(() => renderedValues(page, ['network-known', 'network-unknown'], 'wheelchair_status'))
			.toEqual(expect.arrayContaining(['unknown']));
		const statuses = await renderedValues(
			page,
			['network-known', 'network-unknown'],
			'wheelchair_status',
		);
		for (const status of statuses)
			expect(['passable', 'limited', 'impassable', 'unknown']).toContain(status);
		await page.screenshot({ path: testInfo.outputPath('network-wheelchair.png') });
	});

	test('writing the view to the address downloads nothing again (no icon per URL change)', async ({
		page,
	}) => {
		// Chromium fetches and decodes the page's icon again at every pushState/replaceState when
		// the icon is an SVG (an SVG document per fetch, on the main thread): the app writes the
		// URL at every move, profile and mode.
		await page.goto('/');
		await waitForMapReady(page);
		const icons: string[] = [];
		page.on('request', (r) => {
			if (/favicon|icon-\d|\.ico$/.test(new URL(r.url()).pathname)) icons.push(r.url());
		});
		await page.getByRole('radio', { name: 'In een rolstoel' }).check();
		await expect(page).toHaveURL(/profile=wheelchair/);
		await page.getByRole('radio', { name: 'Met rollator' }).check();
		await expect(page).toHaveURL(/profile=rollator/);
		await page.getByRole('radio', { name: 'Te voet' }).check();
		await expect(page).not.toHaveURL(/profile=/); // walking: the default, left out
		// a move of the map
		await page.evaluate(() => {
			const map = (window as unknown as { buurtkaartMap: { jumpTo: (o: unknown) => void } })
				.buurtkaartMap;
			map.jumpTo({ center: [4.7718, 51.2024], zoom: 14 });
		});
		await expect(page).toHaveURL(/at=4\.7718%2C51\.2024%2C14(&|$)/);
		// a request the page starts comes before the test's next step reads it: one round trip more
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
		expect(icons).toEqual([]);
	});

	test('the preview server answers range requests on a tile archive with 206', async ({
		request,
	}) => {
		const manifest = await (await request.get('/tiles/vorselaar-lille/manifest.json')).json();
		const file = manifest.archives.neighbourhoods.file as string;
		const response = await request.get(`/tiles/vorselaar-lille/${file}`, {
			headers: { Range: 'bytes=0-126' },
		});
		expect(response.status()).toBe(206);
		expect(response.headers()['content-range']).toMatch(/^bytes 0-126\/\d+$/);
		const body = await response.body();
		expect(body.length).toBe(127);
		expect(body.subarray(0, 7).toString('latin1')).toBe('PMTiles');
		expect(body[7]).toBe(3);
	});

	test('the HTML asks for MapLibre at once: maplibre-gl is the first module it preloads, and the app itself is not preloaded (issue #12)', async ({
		request,
	}) => {
		const html = await (await request.get('/')).text();
		const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map(
			(m) => m[1]!,
		);
		expect(preloads[0]).toMatch(/\/maplibre-gl-[^/]*\.js$/);
		// the app (and its map view) loads after the first view's map
		expect(preloads.filter((p) => /\/(main|MapView)-/.test(p))).toEqual([]);
		// each preloaded file is served (a stale name would cost a wasted request)
		for (const href of preloads) expect((await request.get(href)).status(), href).toBe(200);
	});

	test("cold load, map first: the first view's map is drawn before the app's code is asked for; the app then takes the same map over (issue #12)", async ({
		page,
	}) => {
		// On the page's clock: when the map was first ready and when the app's toolbar appeared.
		await page.addInitScript(() => {
			const marks: Record<string, number> = {};
			(window as unknown as { marks: Record<string, number> }).marks = marks;
			new MutationObserver(() => {
				if (!marks.map && document.querySelector('[data-map-ready="true"]'))
					marks.map = performance.now();
				if (!marks.app && document.querySelector('[data-testid="toolbar"]'))
					marks.app = performance.now();
			}).observe(document, { subtree: true, childList: true, attributes: true });
		});
		// every map the page hands out (the first view's, then MapView's)
		await page.addInitScript(() => {
			const maps: unknown[] = [];
			(window as unknown as { maps: unknown[] }).maps = maps;
			document.addEventListener('buurtkaart:map', (e) => maps.push((e as CustomEvent).detail));
		});
		await page.goto('/');
		await expect(page.getByTestId('toolbar')).toBeVisible();
		await waitForMapReady(page);
		const { marks, html, scripts, tiles } = await page.evaluate(async () => {
			const resources = performance.getEntriesByType('resource');
			return {
				marks: (window as unknown as { marks: Record<string, number> }).marks,
				html: await (await fetch('/')).text(),
				scripts: resources
					.filter((e) => /\/assets\/[^/]+\.js$/.test(new URL(e.name).pathname))
					.map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
				tiles: resources
					.filter((e) => new URL(e.name).pathname.endsWith('.pmtiles'))
					.map((e) => e.startTime),
			};
		});
		// The app's own scripts: neither the HTML's entry nor what it preloads, nor MapLibre's worker.
		const linked = new Set(
			[...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]),
		);
		const appScripts = scripts.filter((s) => !linked.has(s.path) && !/worker/i.test(s.path));
		expect(appScripts.length).toBeGreaterThan(0);
		expect(tiles.length).toBeGreaterThan(0);
		// the map asked for its tiles, and drew its first view, before any of the app's code was asked for
		expect(Math.min(...appScripts.map((s) => s.start))).toBeGreaterThanOrEqual(marks.map!);
		expect(Math.min(...tiles)).toBeLessThan(marks.map!);
		expect(marks.app).toBeGreaterThan(marks.map!);
		// one map: the app took the first view's over (one canvas, in the app's map region)
		await expect(page.locator('canvas.maplibregl-canvas')).toHaveCount(1);
		await expect(page.getByTestId('map').locator('canvas.maplibregl-canvas')).toHaveCount(1);
		expect(
			await page.evaluate(() => new Set((window as unknown as { maps: unknown[] }).maps).size),
		).toBe(1);
	});
});

test.describe('the first view before the app', () => {
	test('the link follows every move of the first view, and the app keeps that view @phone', async ({
		page,
	}) => {
		const release = await holdApp(page);
		await page.goto('/');
		const first = page.locator('.first-map[data-map-ready="true"]');
		await expect(first).toHaveCount(1);
		await expect(page.getByTestId('toolbar')).toHaveCount(0);
		/** The view the link says, and the map's own, rounded as links write it. */
		const views = () =>
			page.evaluate(() => {
				const map = (
					window as unknown as {
						buurtkaartMap: { getCenter(): { lng: number; lat: number }; getZoom(): number };
					}
				).buurtkaartMap;
				const c = map.getCenter();
				const r = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
				return {
					link: new URLSearchParams(location.search).get('at'),
					map: `${r(c.lng, 5)},${r(c.lat, 5)},${r(map.getZoom(), 2)}`,
				};
			});
		expect((await views()).link).toBeNull(); // the fitted view is not written
		const box = (await first.boundingBox())!;
		const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		// a pan: the link says where the map is, at once (the app is still held)
		await page.mouse.move(mid.x, mid.y);
		await page.mouse.down();
		await page.mouse.move(mid.x - 90, mid.y - 60, { steps: 8 });
		await page.mouse.up();
		await expect.poll(async () => (await views()).link).not.toBeNull();
		const panned = await views();
		expect(panned.link).toBe(panned.map);
		// a zoom, again before the app
		await page.mouse.wheel(0, -400);
		await expect.poll(async () => (await views()).link).not.toBe(panned.link);
		await expect.poll(async () => (await views()).map).toBe((await views()).link);
		const zoomed = await views();
		expect(zoomed.link).toBe(zoomed.map);
		await expect(page.getByTestId('toolbar')).toHaveCount(0);
		// the app takes the map over where the resident left it, and its link says so
		release();
		await expect(page.getByTestId('toolbar')).toBeVisible();
		await waitForMapReady(page);
		const after = await views();
		expect(after.map).toBe(zoomed.map);
		expect(after.link).toBe(zoomed.map);
	});

	test("credits the map's data (ODbL) while it shows, and leaves that to the app's map afterwards", async ({
		page,
	}) => {
		// the app's entry is held until the first view has been looked at
		const release = await holdApp(page);
		await page.goto('/');
		await expect(page.locator('.first-map[data-map-ready="true"]')).toHaveCount(1);
		await expect(page.getByTestId('toolbar')).toHaveCount(0);
		const credit = page.locator('.shell-attribution');
		await expect(credit).toBeVisible();
		await expect(credit).toContainText('OpenStreetMap');
		await expect(credit).toContainText('ODbL');
		await expect(credit.getByRole('link')).toHaveAttribute(
			'href',
			'https://www.openstreetmap.org/copyright',
		);
		release();
		await expect(page.getByTestId('toolbar')).toBeVisible();
		await waitForMapReady(page);
		await expect(credit).toHaveCount(0);
		await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('OpenStreetMap');
	});
});

test.describe('reading the archives', () => {
	test("each archive's first read is its header and root directory, not 16 KB, and the map draws from them (issue #12)", async ({
		page,
	}) => {
		const firstReads: Record<string, string> = {};
		page.on('request', (request) => {
			const file = new URL(request.url()).pathname.split('/').pop() ?? '';
			const range = request.headers()['range'];
			if (file.endsWith('.pmtiles') && range?.startsWith('bytes=0-')) firstReads[file] ??= range;
		});
		await captureMap(page);
		await page.goto('/');
		await waitForMapReady(page);
		// the first view's archives: basemap, neighbourhoods, places (the network only when shown)
		expect(Object.keys(firstReads).sort()).toEqual([
			'basemap.pmtiles',
			'neighbourhoods.pmtiles',
			'places.pmtiles',
		]);
		for (const range of Object.values(firstReads))
			expect(Number(range.slice('bytes=0-'.length)) + 1).toBeLessThanOrEqual(FIRST_READ_BYTES);
		expect((await renderedValues(page, ['places-icon'], 'category')).length).toBeGreaterThan(0);
		expect((await renderedValues(page, ['neighbourhoods-fill'], 'name')).length).toBeGreaterThan(0);
	});
});

/** The captured map, as the tests that read its rendered features use it. */
type QueryMap = {
	queryRenderedFeatures(
		at: unknown,
		o?: unknown,
	): { geometry: { coordinates: [number, number] }; properties: Record<string, unknown> }[];
	project(at: [number, number]): { x: number; y: number };
	jumpTo(o: unknown): void;
	once(event: string, listener: () => void): void;
	triggerRepaint(): void;
};

// The places' markers covered the neighbourhoods' names at the first view (the names were drawn
// below them): the names are now drawn above every marker, and hide none of them. The basemap's
// village names, under the markers too, now keep out of them.
test.describe('the neighbourhood names at the first view @phone', () => {
	// Placed and drawn as a phone draws them: the phone project draws at 1 device pixel per CSS px
	// (playwright.config.ts), this test at the Pixel 7's real 2.625 (its icons' images scaled, its
	// glyphs at that density).
	test.use({
		deviceScaleFactor: async ({ isMobile }, use) =>
			use(isMobile ? devices['Pixel 7'].deviceScaleFactor : 1),
	});
	test("are drawn above the places and initiatives, and hide no place icon; the basemap's names keep out of the icons; every place shows at every zoom", async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		await waitForMapReady(page);
		expect(await page.evaluate(() => devicePixelRatio)).toBe(
			testInfo.project.use.isMobile ? devices['Pixel 7'].deviceScaleFactor : 1,
		);
		const order = await renderedLayerOrder(page);
		const label = order.indexOf('neighbourhoods-label');
		expect(label).toBeGreaterThanOrEqual(0);
		const markers = ['places-selected', 'places-icon', 'curated-point'].filter((id) =>
			order.includes(id),
		);
		expect(markers).toContain('places-icon');
		for (const id of markers) expect(label, id).toBeGreaterThan(order.indexOf(id));
		expect((await renderedValues(page, ['neighbourhoods-label'], 'name')).length).toBeGreaterThan(
			0,
		);
		// Drawn with the names and without them (both their layers hidden): the names take no place
		// from the icons (as many icons either way).
		const iconsDrawn = (names: 'visible' | 'none') =>
			page.evaluate(async (names) => {
				type Handle = {
					setLayoutProperty(layer: string, name: string, value: string): void;
					once(event: string, listener: () => void): void;
					queryRenderedFeatures(o: unknown): unknown[];
				};
				const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
				const idle = new Promise<void>((resolve) => map.once('idle', resolve));
				for (const layer of ['neighbourhoods-label', 'neighbourhoods-label-collision'])
					map.setLayoutProperty(layer, 'visibility', names);
				await idle;
				return map.queryRenderedFeatures({ layers: ['places-icon'] }).length;
			}, names);
		const without = await iconsDrawn('none');
		expect(without).toBeGreaterThan(0);
		expect(await iconsDrawn('visible')).toBe(without);
		await page.screenshot({ path: testInfo.outputPath('names-above-markers.png') });

		// The basemap's own names (a village's, a street's) keep out of the places' icons and of
		// the neighbourhoods' names: none is drawn under an icon (the village names sat under their
		// markers at the first view) or across a neighbourhood's name.
		const namesUnder = await page.evaluate(() => {
			const map = (window as unknown as { buurtkaartMap: QueryMap }).buurtkaartMap;
			const under: string[] = [];
			for (const layer of ['places-icon', 'neighbourhoods-label'])
				for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
					const p = map.project(f.geometry.coordinates);
					const names = map.queryRenderedFeatures(
						[
							[p.x - 5, p.y - 5],
							[p.x + 5, p.y + 5],
						],
						{ layers: ['basemap-place-labels', 'basemap-road-labels'] },
					);
					for (const n of names)
						under.push(
							`${String(n.properties.name)} under ${layer} ${String(f.properties.id ?? f.properties.name)}`,
						);
				}
			return under;
		});
		expect(namesUnder).toEqual([]);

		// Every place shows at every zoom, from the first view's to a street's. Between zoom 13 and
		// 15 an invisible copy of the icons (for the curated initiatives' names) hid all of them.
		const place = await page.evaluate(() => {
			const map = (window as unknown as { buurtkaartMap: QueryMap }).buurtkaartMap;
			const f = map.queryRenderedFeatures({ layers: ['places-icon'] })[0]!;
			return { id: String(f.properties.id), at: f.geometry.coordinates };
		});
		for (const zoom of [12, 13, 14, 15, 16]) {
			const shown = await page.evaluate(
				async ({ at, zoom }) => {
					const map = (window as unknown as { buurtkaartMap: QueryMap }).buurtkaartMap;
					const idle = new Promise<void>((resolve) => map.once('idle', resolve));
					map.jumpTo({ center: at, zoom });
					map.triggerRepaint();
					await idle;
					const p = map.project(at);
					return map
						.queryRenderedFeatures(
							[
								[p.x - 3, p.y - 3],
								[p.x + 3, p.y + 3],
							],
							{ layers: ['places-icon'] },
						)
						.map((f) => String(f.properties.id));
				},
				{ at: place.at, zoom },
			);
			expect(shown, `place ${place.id} at zoom ${zoom}`).toContain(place.id);
		}
	});
});

// Circle markers took no part in MapLibre's collision index: a village's name stayed drawn right
// under the point a planner had just placed on it. Each marker now has an invisible twin that is.
test.describe('a marker the user places', () => {
	test("keeps the basemap's names out from under it: a walkshed's point on a village's name", async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		await waitForMapReady(page);
		// a place name the basemap draws at the first view, wherever the area is
		const name = await page.evaluate(() => {
			const map = (window as unknown as { buurtkaartMap: QueryMap }).buurtkaartMap;
			const f = map.queryRenderedFeatures({ layers: ['basemap-place-labels'] })[0]!;
			return { name: String(f.properties.name), at: f.geometry.coordinates };
		});
		const at = name.at.map((x) => x.toFixed(6)).join(',');
		await page.goto(`/?mode=walkshed&pt=${at}&min=10&at=${at},14.5`);
		await expect(page.getByTestId('walkshed-panel').getByTestId('walkshed-row')).toHaveCount(3, {
			timeout: 120_000,
		});
		await waitForMapReady(page);
		// read once the map has placed the marker's twin (it places symbols after drawing)
		const drawn = () =>
			page.evaluate(() => {
				const map = (window as unknown as { buurtkaartMap: QueryMap }).buurtkaartMap;
				const [marker] = map.queryRenderedFeatures({ layers: ['planner-points'] });
				if (!marker) return undefined;
				const p = map.project(marker.geometry.coordinates);
				const around = (r: number) => [
					[p.x - r, p.y - r],
					[p.x + r, p.y + r],
				];
				const names = (r: number) =>
					map
						.queryRenderedFeatures(around(r), {
							layers: ['basemap-place-labels', 'basemap-road-labels'],
						})
						.map((f) => String(f.properties.name));
				return {
					// the marker's invisible twin is there, in the collision index
					twins: map.queryRenderedFeatures(around(1), { layers: ['planner-points-box'] }).length,
					// within the marker's circle (radius 7 px and its 2 px ring): no name
					under: names(9),
					// the name takes a side of the marker, beside it
					beside: names(40),
				};
			});
		await expect.poll(drawn, { timeout: 60_000 }).toMatchObject({ twins: 1, under: [] });
		await expect.poll(async () => (await drawn())?.beside).toContain(name.name);
		await page.screenshot({ path: testInfo.outputPath('walkshed-point-on-a-name.png') });
	});
});

// A small phone (320 × 568 CSS px, the smallest screen still in use): under the header, the toolbar
// and the sheet, the whole area fitted lands below zoom 10, where the places archive started: the
// first view showed no place at all, then (kept at zoom 10) cut the area's north and south edges.
// The archive now starts lower (scripts/config/tiles.ts). Runs in both projects at that size.
test.describe('the first view on a small phone @phone', () => {
	test.use({ viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true });

	test("shows the whole area: the manifest's bounds lie inside the map's visible bounds, in the first view and in the app", async ({
		page,
	}, testInfo) => {
		const release = await holdApp(page);
		await page.goto('/');
		await expect(page.locator('.first-map[data-map-ready="true"]')).toHaveCount(1);
		const [west, south, east, north] = (await readManifest(page)).area.bbox;
		for (const stage of ['first view', 'app'] as const) {
			if (stage === 'app') {
				release();
				await expect(page.getByTestId('toolbar')).toBeVisible();
				await waitForMapReady(page);
			}
			const shown = await page.evaluate(() => {
				type Handle = { getBounds(): { toArray(): [[number, number], [number, number]] } };
				return (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap.getBounds().toArray();
			});
			const [[shownWest, shownSouth], [shownEast, shownNorth]] = shown;
			expect(
				{
					west: shownWest <= west,
					south: shownSouth <= south,
					east: shownEast >= east,
					north: shownNorth >= north,
				},
				`${stage}: shown ${JSON.stringify(shown)}`,
			).toEqual({ west: true, south: true, east: true, north: true });
			expect((await renderedValues(page, ['places-icon'], 'category')).length).toBeGreaterThan(0);
			await page.screenshot({ path: testInfo.outputPath(`${stage.replace(' ', '-')}-320.png`) });
		}
	});

	test('shows places: the first view is never below the zoom where the places archive starts', async ({
		page,
	}, testInfo) => {
		await page.goto('/');
		await waitForMapReady(page);
		const { zoom, placesFrom } = await page.evaluate(() => {
			type Handle = {
				getZoom(): number;
				getStyle(): { sources: Record<string, { url?: string }> };
			};
			const map = (window as unknown as { buurtkaartMap: Handle }).buurtkaartMap;
			return { zoom: map.getZoom(), placesFrom: map.getStyle().sources.places?.url };
		});
		// the places archive's first zoom, from the manifest the app read
		const manifest = await readManifest(page);
		expect(placesFrom).toContain(manifest.archives.places.file);
		expect(zoom).toBeGreaterThanOrEqual(manifest.archives.places.minzoom);
		expect((await renderedValues(page, ['places-icon'], 'category')).length).toBeGreaterThan(0);
		await page.screenshot({ path: testInfo.outputPath('first-view-small-phone.png') });
	});
});

// A 360 × 640 phone, the most common Android size: the first view's map was fitted to a page 402 px
// wide (the shell's search box did not shrink), so the area's east was cut off at the screen's edge.
test.describe('the first view on a 360 × 640 phone @phone', () => {
	test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });

	test('shows the whole area where that keeps the places shown, before and after the app takes over', async ({
		page,
	}, testInfo) => {
		const release = await holdApp(page);
		await page.goto('/');
		await expect(page.locator('.first-map[data-map-ready="true"]')).toHaveCount(1);
		const manifest = await readManifest(page);
		const placesFrom = manifest.archives.places.minzoom;
		for (const stage of ['first view', 'app'] as const) {
			if (stage === 'app') {
				release();
				await expect(page.getByTestId('toolbar')).toBeVisible();
				await waitForMapReady(page);
			}
			const seen = await areaOnScreen(page, manifest.area.bbox);
			expect(seen.pageWidth, stage).toBe(360);
			// never below the places' first zoom: there no place at all would show
			expect(seen.zoom, stage).toBeGreaterThanOrEqual(placesFrom);
			// the whole area, wherever it fits at that zoom (it does on this screen: checked)
			expect(seen.fitZoom, stage).toBeGreaterThanOrEqual(placesFrom);
			expect(seen.cornersOnScreen, stage).toEqual([true, true, true, true]);
			expect((await renderedValues(page, ['places-icon'], 'category')).length).toBeGreaterThan(0);
			await page.screenshot({ path: testInfo.outputPath(`${stage.replace(' ', '-')}-360.png`) });
		}
	});
});
