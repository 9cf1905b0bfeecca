/**
 * Keeps the URL and the app in step, both ways. The URL follows the state: a new area or mode is a
 * new history entry, anything else (viewport while panning, toggles, search text) replaces the
 * current one, and the first area of a visit replaces too; the search text is written once typing
 * pauses (400 ms). Back and Forward apply the entry's state:
 * mode, origin, profile, language, area (the map stays where it is).
 *
 * Call once, while the shell component initialises (it sets up effects).
 */
import type { AppState } from './app-state.svelte.ts';
import type { AreaState } from './area-state.svelte.ts';
import type { I18n } from './i18n.svelte.ts';
import { historyKey, parseUrlState, serialiseUrlState } from './url-state.ts';

/** How long typing pauses before the URL follows the search text. */
const TYPING_PAUSE_MS = 400;

export function syncUrl(app: AppState, area: AreaState, i18n: I18n): void {
	let current = parseUrlState(location.search);
	let typed = { query: app.query, rest: '' };
	$effect(() => {
		// While the area is still being resolved, the link stays as it came.
		if (!area.id && area.areas === undefined) return;
		const next = app.toUrlState(area.id, i18n.lang);
		// typing: only the search text changed
		const rest = serialiseUrlState({ ...next, query: '' });
		const isTyping = next.query !== typed.query && rest === typed.rest;
		typed = { query: next.query, rest };
		const write = () => {
			const search = serialiseUrlState(next);
			const isNewEntry = historyKey(next) !== historyKey(current) && current.area !== undefined;
			current = next;
			if (search === location.search) return;
			const url = location.pathname + search + location.hash;
			if (isNewEntry) history.pushState(null, '', url);
			else history.replaceState(null, '', url);
		};
		if (!isTyping) {
			write();
			return;
		}
		// While the resident types, the URL follows once typing pauses: rewriting it costs the main
		// thread several ms per keystroke. Any other change writes at once (with the text so far).
		const timer = setTimeout(write, TYPING_PAUSE_MS);
		return () => clearTimeout(timer);
	});
	$effect(() => {
		const onPop = () => {
			const s = parseUrlState(location.search, { lang: i18n.lang, profile: app.profile });
			current = s;
			app.apply(s);
			if (s.lang !== i18n.lang) void i18n.setLang(s.lang);
			if (s.area && s.area !== area.id) void area.open(s.area);
			else if (!s.area && area.id) area.close();
		};
		addEventListener('popstate', onPop);
		return () => removeEventListener('popstate', onPop);
	});
}
