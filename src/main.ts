import { mount } from 'svelte';
import App from './App.svelte';
import { setUpMapLibre } from './map/setup.ts';

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

// The map's workers start now, while the area's index and manifest load.
setUpMapLibre({ early: true });
target.replaceChildren();
const app = mount(App, { target });
if (hadFocus) document.getElementById('search-input')?.focus();
export default app;
