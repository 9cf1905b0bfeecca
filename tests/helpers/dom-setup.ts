/**
 * Setup of the `dom` vitest project: @testing-library/svelte unmounts what each test rendered, and
 * its `findBy…`/`waitFor` wait up to 30 s instead of 1 s: panels load parts lazily (dynamic
 * imports), which a busy machine can take seconds to resolve. They wait for a state, never a time.
 */
import { configure } from '@testing-library/svelte';
import '@testing-library/svelte/vitest';

configure({ asyncUtilTimeout: 30_000 });
