import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { distanceM } from '../analysis/geo.ts';
import { parseAreaIndex, type AreaSummary } from './area-index.ts';
import {
	loadNeighbourHelp,
	nearestNeighbourPlaces,
	neighbouringAreas,
	placesInNeighbour,
} from './neighbour-help.ts';
import { readSearchSource } from '../contracts/search-source.ts';

// The sample's built areas: Vorselaar and Lille together, and each alone (`npm run tiles:build`).
const areas = parseAreaIndex(
	JSON.parse(readFileSync(path.join(REPO_ROOT, 'tiles', 'areas.json'), 'utf8')),
);
const area = (id: string) => areas.find((a) => a.id === id) as AreaSummary;
const centre = (a: AreaSummary): [number, number] => [
	(a.bbox[0] + a.bbox[2]) / 2,
	(a.bbox[1] + a.bbox[3]) / 2,
];
/** The built files under tiles/, as the dev server serves them. */
const fromTiles: typeof fetch = async (input) => {
	const url = new URL(String(input));
	try {
		return new Response(readFileSync(path.join(REPO_ROOT, decodeURIComponent(url.pathname))));
	} catch {
		return new Response('not found', { status: 404 });
	}
};

describe('the same help in neighbouring municipalities (the sample’s built areas)', () => {
	it('Vorselaar’s neighbours are the built areas that cover another municipality; the combined area has none', () => {
		expect(neighbouringAreas(areas, area('vorselaar')).map((a) => a.id)).toEqual(
			expect.arrayContaining(['lille', 'vorselaar-lille']),
		);
		expect(neighbouringAreas(areas, area('vorselaar')).map((a) => a.id)).not.toContain('vorselaar');
		// Vorselaar and Lille alone cover no municipality that the combined area does not.
		expect(neighbouringAreas(areas, area('vorselaar-lille'))).toEqual([]);
		// Too far away: not a neighbour.
		const far = {
			...area('lille'),
			id: 'far',
			bbox: [5.5, 50.5, 5.6, 50.6] as AreaSummary['bbox'],
		};
		expect(neighbouringAreas([...areas, far], area('vorselaar')).map((a) => a.id)).not.toContain(
			'far',
		);
	});

	it('Lille’s pharmacies, seen from Vorselaar: only those inside Lille, named by municipality, by distance', async () => {
		const source = await readSearchSource(
			new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', 'lille', 'search.json.gz'))),
		);
		const from = centre(area('vorselaar'));
		const found = placesInNeighbour(source, 'pharmacy', ['13044'], from);
		const inLille = source.places.filter(
			(p) => p.categoryIds.includes('pharmacy') && p.localities.length > 0,
		);
		expect(found.length).toBe(inLille.length);
		expect(found.length).toBeGreaterThan(0);
		for (const f of found) {
			expect(f.municipality).toBe('Lille');
			expect(f.areaId).toBe('lille');
			expect(f.distanceM).toBeCloseTo(
				distanceM(from[0], from[1], f.place.lngLat[0], f.place.lngLat[1]),
			);
		}
		// A pharmacy in Lille's margin has no municipality there: left out, as are Lille's own when
		// the open area covers Lille too.
		expect(placesInNeighbour(source, 'pharmacy', ['13044', '13019'], from)).toEqual([]);
		const nearest = nearestNeighbourPlaces([...found, ...found], 2);
		expect(nearest.length).toBe(2);
		expect(nearest[0]!.distanceM).toBeLessThanOrEqual(nearest[1]!.distanceM);
		expect(nearest[0]!.place.id).not.toBe(nearest[1]!.place.id);
	});

	it('reads the neighbours through their manifests: the nearest places with municipality and distance', async () => {
		const help = await loadNeighbourHelp(
			areas,
			area('vorselaar'),
			'pharmacy',
			centre(area('vorselaar')),
			'http://tiles.test',
			fromTiles,
		);
		expect(help.failed).toEqual([]);
		// the neighbouring municipality, once, though two built areas cover it (lille, vorselaar-lille)
		expect(help.checked).toEqual(['Lille']);
		expect(help.places.length).toBe(3);
		expect(help.places.map((p) => p.municipality)).toEqual(['Lille', 'Lille', 'Lille']);
		// A kind none of them has: nothing, and the areas that were read are named.
		const none = await loadNeighbourHelp(
			areas,
			area('vorselaar'),
			'local_service_centre',
			centre(area('vorselaar')),
			'http://tiles.test',
			fromTiles,
		);
		expect(none.places).toEqual([]);
		expect(none.checked.length).toBeGreaterThan(0);
		// An area whose files are missing is named with the reason, the others still answer.
		const broken = { ...area('lille'), id: 'missing', name: 'Ontbreekt' };
		const partial = await loadNeighbourHelp(
			[...areas, broken],
			area('vorselaar'),
			'pharmacy',
			centre(area('vorselaar')),
			'http://tiles.test',
			fromTiles,
		);
		expect(partial.failed).toEqual([
			{ area: 'Ontbreekt', reason: expect.stringMatching(/HTTP 404/) },
		]);
		expect(partial.places.length).toBe(3);
	});
});
