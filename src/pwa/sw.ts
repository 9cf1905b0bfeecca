/// <reference lib="webworker" />
/**
 * The service worker, assembled from Workbox's modules and built by vite-plugin-pwa
 * (`injectManifest`: the plugin injects the precache list of the build into `self.__WB_MANIFEST`).
 *
 * - The app shell (HTML, JavaScript, CSS, fonts, icons, the web manifest) is precached, so a reload
 *   with no connection opens the app; navigations are answered with the precached index.html.
 * - An area's files under /tiles/ are answered from the device when the area is kept there
 *   (src/data/offline-area.ts stores them whole, and keeps them up to date while online: its own
 *   requests carry KEEP_HEADER and go to the network), else from the network. Workbox's
 *   range-requests module answers the PMTiles reader's byte ranges from those whole files
 *   (src/pwa/range-requests.ts). So a kept area loads without waiting on a weak connection, and
 *   works with none. The worker never stores area files itself: the resident decides what is kept.
 * - Background Sync (where the browser has it): the app registers OUTBOX_SYNC_TAG when a report
 *   waits in the outbox; when the connection returns, the `sync` event wakes the outbox's one
 *   delivery loop in an open app (DELIVER_MESSAGE), or, with no app open, runs one flush of the same
 *   outbox on the device here (src/data/outbox.ts: every flush holds one Web Lock, and a report's id
 *   makes a repeat a no-op, so it is stored exactly once). Reports still waiting fail the event, so
 *   the browser tries again later.
 * - A new version waits until the resident chooses to reload (the "new version" prompt sends
 *   SKIP_WAITING), so nobody is switched to new code mid-task, and nobody is trapped on old code.
 */
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { AREA_CACHE, AREA_PATH_PREFIX, KEEP_HEADER, isAreaUrl } from '../data/offline-area.ts';
import { DELIVER_MESSAGE, OUTBOX_SYNC_TAG } from '../data/outbox-tags.ts';
import { flushOutboxHere } from './outbox-flush.ts';
import { rangeRequestsPlugin } from './range-requests.ts';

declare const self: ServiceWorkerGlobalScope & {
	__WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes control of the open page at once, so the area kept during the first
// visit already answers when the connection drops in that same visit.
clientsClaim();

registerRoute(
	new NavigationRoute(createHandlerBoundToURL('index.html'), {
		denylist: [new RegExp(`^${AREA_PATH_PREFIX}`), /^\/rest\//, /^\/auth\//],
	}),
);

registerRoute(
	({ url, request }) => isAreaUrl(url, self.location.origin) && !request.headers.has(KEEP_HEADER),
	new CacheFirst({
		cacheName: AREA_CACHE,
		plugins: [
			// Kept copies are whole files: answer a Range request with its slice (206).
			rangeRequestsPlugin,
			// Only keeping an area stores its files (keepArea), never a passing response.
			{ cacheWillUpdate: async () => null },
		],
	}),
);

self.addEventListener('message', (event) => {
	if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** Asks an open app to deliver through its delivery loop; true once it answers. */
function askToDeliver(client: Client): Promise<boolean> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => resolve(false), 60_000);
		channel.port1.onmessage = (e) => {
			clearTimeout(timer);
			resolve((e.data as { waiting?: number } | null)?.waiting === 0);
		};
		client.postMessage({ type: DELIVER_MESSAGE }, [channel.port2]);
	});
}

async function deliverOutbox(): Promise<void> {
	const windows = await self.clients.matchAll({ type: 'window' });
	if (windows.length > 0) {
		const answers = await Promise.all(windows.map(askToDeliver));
		if (answers.some(Boolean)) return;
	}
	// No app open (or none could deliver): one flush of the same outbox, here.
	const result = await flushOutboxHere();
	if (result.pending > 0) throw new Error(`${result.pending} report(s) still wait`);
}

self.addEventListener('sync', (event) => {
	const e = event as ExtendableEvent & { tag?: string };
	if (e.tag === OUTBOX_SYNC_TAG) e.waitUntil(deliverOutbox());
});
