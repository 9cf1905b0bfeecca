/**
 * The names the outbox (outbox.ts), the app (DataState) and the service worker (src/pwa/sw.ts)
 * share, in a module of their own so neither the first load nor the worker pulls in the outbox.
 */

/** The Background Sync tag the app registers when a report waits (src/pwa/sw.ts answers it). */
export const OUTBOX_SYNC_TAG = 'buurtkaart-outbox';
/** The message the service worker sends an open app to have its delivery loop deliver now. */
export const DELIVER_MESSAGE = 'DELIVER_OUTBOX';
/** The Web Lock every flush holds, in every page and in the service worker. */
export const OUTBOX_LOCK = 'buurtkaart-outbox';
