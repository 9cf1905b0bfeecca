/**
 * The page's entry (index.html): the first view's map before the app (issue #12: cold load).
 * This chunk holds MapLibre, the pmtiles protocol and src/map/first-view.ts only. On a plain visit
 * the map of the first view is drawn from the preloaded index and the area's manifest while the
 * HTML shell shows; the Svelte app (src/main.ts, with everything the first view does not need)
 * loads after the map's first idle, so that it does not share the connection with the map's own
 * code, worker, fonts and tiles. It loads at once when the resident needs it first: something
 * typed in, or the focus on, the shell's search box, or a link that is not a plain visit.
 */
import { startFirstView } from './map/first-view.ts';

/** The app loads at the latest this long after the start, the first view's map idle or not. */
const APP_AT_LATEST_MS = 20_000;

let isAppStarted = false;
function startApp(): void {
	if (isAppStarted) return;
	isAppStarted = true;
	// (a failure here leaves the shell: there is nothing the app could say it with)
	void import('./main.ts');
}

const shellSearch = document.getElementById('shell-search') as HTMLInputElement | null;
for (const type of ['focus', 'input', 'pointerdown'] as const)
	shellSearch?.addEventListener(type, startApp, { once: true });
const isSearching =
	shellSearch !== null && (shellSearch.value !== '' || document.activeElement === shellSearch);
// The map sits under the shell's header, where the app's map will be.
const firstView = startFirstView(
	location.search,
	() => document.querySelector('.shell-header')?.getBoundingClientRect().bottom ?? 0,
);
if (!firstView || isSearching) startApp();
else {
	void firstView.then(startApp);
	// A map that takes very long (a tile server that does not answer) does not hold the app back:
	// it loads anyway, and says the map is slow (MapView counts from the first view's start).
	setTimeout(startApp, APP_AT_LATEST_MS);
}
