import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { reportsToCsv, reportsToGeoJson, wkt } from './report-export.ts';
import type { BarrierReport } from './types.ts';

const base: BarrierReport = {
	id: '2f1c7a7e-5b1d-4c4e-9a53-0b8f1d2e3c4a',
	areaId: '7c1d6c9e-0c5e-4d7f-8d0e-1b2c3d4e5f60',
	kind: 'narrow_path',
	description: '=HYPERLINK("http://evil")',
	publicText: null,
	location: { type: 'Point', coordinates: [4.8235, 51.2381] },
	status: 'acknowledged',
	plannerNote: 'Gemeten: 80 cm, "te smal"',
	createdAt: '2026-11-30T10:00:00.000Z',
	acknowledgedAt: '2026-12-01T09:00:00.000Z',
	resolvedAt: null,
	rejectedAt: null,
	withdrawnAt: null,
};
const stretch: BarrierReport = {
	...base,
	id: '3a2b1c0d-5b1d-4c4e-9a53-0b8f1d2e3c4a',
	description: 'Voetpad, kapot',
	location: {
		type: 'LineString',
		coordinates: [
			[4.82, 51.238],
			[4.821, 51.2385],
		],
	},
};

describe('report exports', () => {
	it('GeoJSON keeps the geometry and every field', () => {
		const fc = reportsToGeoJson([base, stretch]);
		expect(fc.features).toHaveLength(2);
		expect(fc.features[1]?.geometry).toEqual(stretch.location);
		expect(fc.features[0]?.properties).toMatchObject({
			id: base.id,
			kind: 'narrow_path',
			status: 'acknowledged',
			planner_note: base.plannerNote,
		});
	});

	it('CSV: one row per report, formulas escaped, the geometry as WKT and a position', () => {
		const csv = reportsToCsv([base, stretch], 'nl');
		const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
			delimiter: ';',
			header: true,
			skipEmptyLines: true,
		}).data;
		expect(rows).toHaveLength(2);
		expect(rows[0]?.description).toBe(`'=HYPERLINK("http://evil")`);
		expect(rows[0]?.planner_note).toBe(base.plannerNote);
		expect(rows[0]).toMatchObject({
			// a decimal comma (Belgian spreadsheets); the WKT is text, as the standard writes it
			longitude: '4,8235',
			latitude: '51,2381',
			wkt: 'POINT (4.8235 51.2381)',
		});
		expect(rows[1]).toMatchObject({
			geometry_type: 'LineString',
			longitude: '4,82',
			wkt: 'LINESTRING (4.82 51.238, 4.821 51.2385)',
		});
		expect(wkt(base.location)).toBe('POINT (4.8235 51.2381)');
	});

	// the separator and the decimal mark follow the interface language of whoever exports
	for (const [lang, separator, longitude] of [
		['nl', ';', '4,8235'],
		['fr', ';', '4,8235'],
		['en', ',', '4.8235'],
	] as const)
		it(`CSV in ${lang}: "${separator}" between cells, ${longitude} as the longitude`, () => {
			const csv = reportsToCsv([base, stretch], lang);
			expect(csv.slice(1).split('\r\n')[0]).toBe(
				[
					'id',
					'kind',
					'status',
					'created_at',
					'acknowledged_at',
					'resolved_at',
					'rejected_at',
					'withdrawn_at',
					'description',
					'planner_note',
					'public_text',
					'geometry_type',
					'longitude',
					'latitude',
					'wkt',
				].join(separator),
			);
			const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
				header: true,
				skipEmptyLines: true,
			});
			// Papa guesses the separator as a spreadsheet does: the expected one, every row whole
			expect(parsed.meta.delimiter).toBe(separator);
			expect(parsed.errors).toEqual([]);
			expect(parsed.data[0]).toMatchObject({
				longitude,
				wkt: 'POINT (4.8235 51.2381)',
				planner_note: base.plannerNote,
			});
			// a cell holding the separator stays one cell ("Voetpad, kapot"; the stretch's WKT)
			expect(parsed.data[1]).toMatchObject({
				description: 'Voetpad, kapot',
				wkt: 'LINESTRING (4.82 51.238, 4.821 51.2385)',
			});
		});
});
