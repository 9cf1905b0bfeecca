import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n/messages.ts';
import { mapLocale, osmAttribution } from './locale.ts';

describe('the map in the app language', () => {
	it('gives MapLibre the same keys in every language, with the canvas label', () => {
		const keys = Object.keys(mapLocale('nl', 'x')).sort();
		for (const lang of LANGUAGES) expect(Object.keys(mapLocale(lang, 'x')).sort()).toEqual(keys);
		expect(mapLocale('fr', 'Carte de Lille')['Map.Title']).toBe('Carte de Lille');
		expect(mapLocale('en', 'Map')['NavigationControl.ZoomIn']).toBe('Zoom in');
	});

	it('attributes OpenStreetMap in the language, always with the ODbL link', () => {
		expect(osmAttribution('nl')).toContain('OpenStreetMap-bijdragers');
		expect(osmAttribution('fr')).toContain('contributeurs d’OpenStreetMap');
		for (const lang of LANGUAGES)
			expect(osmAttribution(lang)).toContain('https://www.openstreetmap.org/copyright');
	});
});
