/**
 * Setup of the `dom` vitest project: @testing-library/svelte unmounts what each test rendered, and
 * its `findBy…`/`waitFor` wait up to 30 s instead of 1 s: panels load parts lazily (dynamic
 * imports), which a busy machine can take seconds to resolve. They wait for a state, never a time.
 * Every language's texts are loaded first (the app loads French and English when chosen).
 */
import { configure } from '@testing-library/svelte';
import '@testing-library/svelte/vitest';
import { LANGUAGES, loadLang } from '../../src/i18n/messages.ts';

configure({ asyncUtilTimeout: 30_000 });

// French and English are loaded when chosen in the app; tests switch `i18n.lang` directly.
await Promise.all(LANGUAGES.map((lang) => loadLang(lang)));
