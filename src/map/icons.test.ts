import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../contracts/taxonomy.ts';
import { ICON_PATHS, iconSvg } from './icons.ts';

describe('icons', () => {
	it('has an icon for every category of the taxonomy', () => {
		for (const category of CATEGORIES)
			expect(ICON_PATHS, category.id).toHaveProperty(category.icon);
	});

	it('draws a disc in the category colour with the white glyph', () => {
		const svg = iconSvg('pharmacy', '#16a085', 32);
		expect(svg).toContain('fill="#16a085"');
		expect(svg).toContain('width="32"');
		expect(svg).toContain(ICON_PATHS.pharmacy);
	});

	it('refuses unknown icons and colours that are not #rrggbb', () => {
		expect(() => iconSvg('nope', '#000000', 24)).toThrow(/unknown icon "nope"/);
		expect(() => iconSvg('bus', 'red"/><script>', 24)).toThrow(/#rrggbb/);
	});
});
