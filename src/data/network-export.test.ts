import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { decodeAnalysisBundle } from '../analysis/bundle.ts';
import { completenessByNeighbourhood } from '../analysis/completeness.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { networkLayer, WAY_STATUSES } from '../analysis/network-layer.ts';
import { builtInProfile } from '../analysis/personal-profile.ts';
import { reasonsFromMask } from '../analysis/profiles.ts';
import { PROFILE_IDS, WAY_STATUS_CODES, type ProfileId } from '../contracts/profiles.ts';
import type { RoutingGraph } from '../analysis/bundle.ts';
import { BOM } from './csv.ts';
import { networkToCsv, networkToGeoJson } from './network-export.ts';

const engine = new AnalysisEngine(
	decodeAnalysisBundle(
		new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
	),
);
const g = engine.graph;

/** Edges per status as the engine's graph holds them, counted here apart from the module. */
function engineCounts(graph: RoutingGraph, p: ProfileId): Record<string, number> {
	const out: Record<string, number> = {};
	const E = graph.edgeCount;
	const pi = PROFILE_IDS.indexOf(p);
	for (const [name, code] of Object.entries(WAY_STATUS_CODES)) {
		let n = 0;
		for (let e = 0; e < E; e++) if (graph.statuses[pi * E + e] === code) n++;
		out[name] = n;
	}
	return out;
}

function countBy(values: readonly string[]): Record<string, number> {
	const out: Record<string, number> = Object.fromEntries(WAY_STATUSES.map((s) => [s, 0]));
	for (const v of values) out[v] = (out[v] ?? 0) + 1;
	return out;
}

/** A CSV number (decimal comma) as a number. */
const decimal = (cell: string) => Number(cell.replace(',', '.'));

describe('accessibility layer exports on the sample area', () => {
	const layer = networkLayer(g);
	const csv = networkToCsv(layer, 'nl');
	const parsed = Papa.parse<Record<string, string>>(csv.slice(BOM.length), {
		delimiter: ';',
		header: true,
		skipEmptyLines: true,
	});

	it('CSV parses back to one row per edge, with the statuses per profile the engine routes on', () => {
		expect(csv.startsWith(BOM)).toBe(true);
		expect(parsed.errors).toEqual([]);
		expect(parsed.data).toHaveLength(g.edgeCount);
		expect(parsed.meta.fields).toEqual([
			'edge',
			'way_id',
			'length_m',
			...PROFILE_IDS.flatMap((p) => [`${p}_status`, `${p}_reasons`, `${p}_unknown`]),
			'wkt',
		]);
		for (const p of PROFILE_IDS) {
			const counts = countBy(parsed.data.map((r) => r[`${p}_status`]!));
			expect(counts).toEqual(engineCounts(g, p));
		}
		// the wheelchair's layer has edges of several statuses on a real network
		const wheelchair = countBy(parsed.data.map((r) => r.wheelchair_status!));
		expect(Object.values(wheelchair).filter((n) => n > 0).length).toBeGreaterThan(2);
	});

	it('CSV reasons and lengths are the graph’s, and the known length per profile is the completeness table’s', () => {
		const E = g.edgeCount;
		for (const r of parsed.data) {
			const e = Number(r.edge);
			expect(r.way_id).toBe(g.wayIds[g.edgeWays[e]!]);
			expect(decimal(r.length_m!)).toBeCloseTo(g.lengthsM[e]!, 1);
			PROFILE_IDS.forEach((p, pi) =>
				expect(r[`${p}_reasons`]).toBe(reasonsFromMask(g.reasons[pi * E + e]!).join(' ')),
			);
			expect(r.wkt).toMatch(/^LINESTRING \(/);
		}
		const rows = completenessByNeighbourhood(engine);
		for (const p of PROFILE_IDS) {
			let known = 0;
			for (const r of parsed.data)
				if (r.walking_status !== 'impassable' && r[`${p}_status`] !== 'unknown')
					known += decimal(r.length_m!);
			// the CSV rounds lengths to 0.1 m: within 0.05 m an edge
			expect(Math.abs(known - rows.reduce((s, row) => s + row.knownM[p], 0))).toBeLessThan(
				0.05 * g.edgeCount,
			);
		}
	});

	// the separator and the decimal mark follow the interface language of whoever exports
	for (const [lang, separator, decimalMark] of [
		['nl', ';', ','],
		['fr', ';', ','],
		['en', ',', '.'],
	] as const)
		it(`CSV in ${lang}: "${separator}" between cells and lengths with "${decimalMark}", the same rows`, () => {
			const inLang = networkToCsv(layer, lang);
			const rows = Papa.parse<Record<string, string>>(inLang.slice(BOM.length), {
				header: true,
				skipEmptyLines: true,
			});
			// guessed as a spreadsheet does: the expected separator, every row whole
			expect(rows.meta.delimiter).toBe(separator);
			expect(rows.errors).toEqual([]);
			expect(rows.meta.fields).toEqual(parsed.meta.fields);
			expect(rows.data).toHaveLength(g.edgeCount);
			const fractional = rows.data.filter((r) => /\D/.test(r.length_m!));
			expect(fractional.length).toBeGreaterThan(0);
			for (const r of fractional)
				expect(r.length_m).toMatch(new RegExp(`^\\d+\\${decimalMark}\\d$`));
			// the same figures as the Dutch file, and a line's WKT (commas inside) stays one cell
			rows.data.forEach((r, i) => {
				expect(Number(r.length_m!.replace(',', '.'))).toBe(decimal(parsed.data[i]!.length_m!));
				expect(r.wkt).toBe(parsed.data[i]!.wkt);
			});
		});

	it('GeoJSON parses back with a line per edge along its shape and the same statuses', () => {
		const fc = JSON.parse(JSON.stringify(networkToGeoJson(layer))) as ReturnType<
			typeof networkToGeoJson
		>;
		expect(fc.features).toHaveLength(g.edgeCount);
		for (const p of PROFILE_IDS)
			expect(countBy(fc.features.map((f) => String(f.properties[`${p}_status`])))).toEqual(
				engineCounts(g, p),
			);
		const f = fc.features[0]!;
		const [a, b] = [g.edgeFrom[0]!, g.edgeTo[0]!];
		expect(f.geometry.coordinates[0]).toEqual([g.nodeLngLat[2 * a], g.nodeLngLat[2 * a + 1]]);
		expect(f.geometry.coordinates.at(-1)).toEqual([g.nodeLngLat[2 * b], g.nodeLngLat[2 * b + 1]]);
	});

	it('adds the personal profile as a column with the personal engine’s statuses', () => {
		const person = { ...builtInProfile('wheelchair'), kerbCm: 1, minWidthM: 1.5 };
		const personal = engine.withPersonal(person);
		const withPersonal = networkLayer(g, { graph: personal.graph, base: person.base });
		expect(withPersonal.profiles).toEqual([...PROFILE_IDS, 'personal']);
		const rows = Papa.parse<Record<string, string>>(networkToCsv(withPersonal, 'nl').slice(1), {
			delimiter: ';',
			header: true,
			skipEmptyLines: true,
		}).data;
		const counts = countBy(rows.map((r) => r.personal_status!));
		expect(counts).toEqual(engineCounts(personal.graph, 'wheelchair'));
		// a stricter kerb and width than the wheelchair profile's: fewer passable edges
		expect(counts.passable).toBeLessThan(engineCounts(g, 'wheelchair').passable!);
		expect(rows[0]!.personal_base).toBe('wheelchair');
	});

	it('refuses a personal graph of another network', () => {
		const other = { ...g, edgeCount: g.edgeCount - 1 };
		expect(() => networkLayer(g, { graph: other, base: 'walking' })).toThrow(/edges/);
	});
});
