/**
 * The embedded default learns the open area's neighbourhoods with their codes from the pipeline's
 * neighbourhoods.geojson (beside the municipality boundaries), so an analysis saved on the device
 * keeps its figures per neighbourhood (analysis_summaries) as the database does, and a published
 * one reopened shows them as stored.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { openSampleArea, tilesFetch } from '../../tests/helpers/panels.ts';
import type { AreaState } from './area-state.svelte.ts';
import { DataState } from './data-state.svelte.ts';

let area: AreaState;

beforeAll(async () => {
	globalThis.indexedDB = new IDBFactory();
	globalThis.fetch = tilesFetch;
	area = await openSampleArea();
}, 60_000);

describe('the device and the neighbourhoods', () => {
	it('stores each municipality with its neighbourhoods by code, also for one stored before without them', async () => {
		const polygons = JSON.parse(
			readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'neighbourhoods.geojson'), 'utf8'),
		) as { features: { properties: { id: string; municipality_nis: string } }[] };
		const files = area.tiles!.files;
		// first as an older app did: the municipalities only
		const older = new DataState({});
		await older.useArea(files.boundaries!.url);
		const nis = area.tiles!.municipalities.map((m) => m.nis);
		const areas = await older.analysisAreas(nis);
		expect(areas.length).toBeGreaterThan(0);
		for (const a of areas) expect(await older.neighbourhoods(a.id)).toEqual([]);

		// then with the neighbourhoods: the same municipalities, now with their codes
		const data = new DataState({});
		await data.useArea(files.boundaries!.url, files.neighbourhoods!.url);
		const again = await data.analysisAreas(nis);
		expect(again.map((a) => a.id).sort()).toEqual(areas.map((a) => a.id).sort());
		for (const a of again) {
			const codes = (await data.neighbourhoods(a.id)).map((n) => n.code).sort();
			expect(codes.length).toBeGreaterThan(0);
			expect(codes).toEqual(
				polygons.features
					.filter((f) => f.properties.municipality_nis === a.nisCode)
					.map((f) => f.properties.id)
					.sort(),
			);
		}
		// a third visit adds nothing twice
		await data.useArea(files.boundaries!.url, files.neighbourhoods!.url);
		for (const a of again)
			expect((await data.neighbourhoods(a.id)).length).toBe(
				polygons.features.filter((f) => f.properties.municipality_nis === a.nisCode).length,
			);
	});
});
