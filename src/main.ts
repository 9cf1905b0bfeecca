import { mount } from 'svelte';
import App from './App.svelte';

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
target.replaceChildren();
const app = mount(App, { target });
if (hadFocus) document.getElementById('search-input')?.focus();
export default app;
