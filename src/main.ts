import { mount } from 'svelte';
import './map/style/palette.css';
import App from './App.svelte';
import { initialLang, loadLang } from './i18n/messages.ts';
import { storedLang } from './state/i18n.svelte.ts';
import { hasFirstMap } from './map/first-view.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The HTML shell shows a search box before any JavaScript runs. Whatever was typed there carries
// over into the app's search (through the URL, which holds the search text), focus included.
const shellSearch = document.getElementById('shell-search') as HTMLInputElement | null;
const typed = shellSearch?.value.trim() ?? '';
const hadFocus = shellSearch !== null && document.activeElement === shellSearch;
if (typed) {
	const url = new URL(location.href);
	url.searchParams.set('q', typed.slice(0, 100));
	history.replaceState(null, '', url);
}

// MapLibre (its own chunk) loads now, and its workers start while the area's index and manifest
// load. A failure shows where the map would be (App.svelte loads the map the same way).
import('./map/setup.ts').then(
	(m) => m.setUpMapLibre({ early: true }),
	() => {},
);
// French or English (a link with ?lang=, or an earlier choice) loads before the app shows, so it
// never starts in Dutch; Dutch is in the entry. If the load fails, the app starts in Dutch.
function start(): void {
	target!.replaceChildren();
	mount(App, { target: target! });
	if (hadFocus) document.getElementById('search-input')?.focus();
}
// The first view's map (src/start.ts) is taken over by MapView: its chunk comes before the app
// shows, so the map is not covered by the app for a moment without it.
const lang = initialLang(location.search, storedLang());
Promise.all([
	lang === 'nl' ? undefined : loadLang(lang),
	hasFirstMap() ? import('./map/MapView.svelte') : undefined,
]).then(start, start);
