/**
 * The start of every pick's status line while the map loads (happy-dom, a stand-in map): the
 * waiting text until the map is ready, nothing from then on, and the waiting text again without a
 * map.
 */
import { render } from '@testing-library/svelte';
import { flushSync, type Component } from 'svelte';
import { describe, expect, it } from 'vitest';
import I18nHost from '../../tests/helpers/I18nHost.svelte';
import { standIn } from '../../tests/helpers/map-stand-in.ts';
import { I18n } from '../state/i18n.svelte.ts';
import { MapState } from '../state/map-state.svelte.ts';
import MapLoadingNote from './MapLoadingNote.svelte';

const host = (map: MapState | undefined, lang: 'nl' | 'fr' | 'en' = 'nl') =>
	render(I18nHost, {
		props: {
			i18n: new I18n(lang),
			component: MapLoadingNote as unknown as Component<Record<string, unknown>>,
			props: { map },
		},
	});

describe('MapLoadingNote', () => {
	it('says the map is still loading until it is ready, then nothing', () => {
		const map = new MapState();
		const { container } = host(map);
		expect(container.textContent).toBe('De kaart laadt nog… Je kunt erop kiezen zodra ze er is.');
		const detach = map.attach(standIn().map);
		flushSync();
		expect(container.textContent).toBe('');
		detach();
		flushSync();
		expect(container.textContent).toBe('De kaart laadt nog… Je kunt erop kiezen zodra ze er is.');
	});

	it('says it without a map too, in the resident’s language', () => {
		expect(host(undefined, 'fr').container.textContent).toBe(
			'La carte se charge encore… Vous pourrez y choisir dès qu’elle sera là.',
		);
	});
});
