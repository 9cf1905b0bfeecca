import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { Z_ORDER } from '../z-order.ts';
import { NEIGHBOURHOODS_SOURCE } from './neighbourhoods-style.ts';
import { COMPLETENESS_CLASSES, completenessColour, completenessLayers } from './planner-style.ts';

describe('the completeness layers', () => {
	const shares = { '13044A00-': 0.1, '13044B001': 0.6, '13044C0': null, '': 0.9 };
	const [fill, label] = completenessLayers(
		'neighbourhoods',
		'neighbourhood_labels',
		shares,
		NEIGHBOURHOODS_SOURCE,
	);

	it('make a valid style, in the z-order registry', () => {
		const style = {
			version: 8 as const,
			'font-faces': { 'Noto Sans Regular': 'http://127.0.0.1/noto.woff2' },
			sources: {
				[NEIGHBOURHOODS_SOURCE]: {
					type: 'vector' as const,
					url: 'pmtiles://http://127.0.0.1/n.pmtiles',
				},
			},
			layers: [fill, label],
		};
		expect(validateStyleMin(style)).toEqual([]);
		for (const l of [fill, label]) expect(Z_ORDER).toContain(l.id);
		// the share is drawn over the neighbourhood fill, its text above the names
		expect(Z_ORDER.indexOf('completeness-fill')).toBeLessThan(
			Z_ORDER.indexOf('neighbourhoods-outline'),
		);
		expect(Z_ORDER.indexOf('completeness-label')).toBeGreaterThan(
			Z_ORDER.indexOf('neighbourhoods-label'),
		);
	});

	it('shade by the class of the share, light (little known) to dark; none without a share', () => {
		expect(completenessColour(0)).toBe(COMPLETENESS_CLASSES[0]!.colour);
		expect(completenessColour(0.6)).toBe(COMPLETENESS_CLASSES[2]!.colour);
		expect(completenessColour(1)).toBe(COMPLETENESS_CLASSES[3]!.colour);
		const colour = fill.paint!['fill-color'] as unknown[];
		expect(colour).toEqual([
			'match',
			['to-string', ['get', 'id']],
			'13044A00-',
			COMPLETENESS_CLASSES[0]!.colour,
			'13044B001',
			COMPLETENESS_CLASSES[2]!.colour,
			'rgba(0,0,0,0)',
		]);
		// a neighbourhood without network and the network away from addresses get no colour, no text
		const text = label.layout!['text-field'] as unknown[];
		expect(text).toEqual([
			'match',
			['to-string', ['get', 'id']],
			'13044A00-',
			'10 %',
			'13044B001',
			'60 %',
			'',
		]);
	});

	it('draw nothing before there are shares', () => {
		const [f, l] = completenessLayers('n', 'l', {}, NEIGHBOURHOODS_SOURCE);
		expect(f.paint!['fill-color']).toEqual(['literal', 'rgba(0,0,0,0)']);
		expect(l.layout!['text-field']).toEqual(['literal', '']);
	});
});
