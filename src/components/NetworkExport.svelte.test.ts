/**
 * The accessibility layers' downloads in the completeness panel (happy-dom), with the real sample
 * area and the real analysis engine behind a message channel: the file saved parses back, and its
 * statuses per profile are the engine's; with a personal profile set, its column is added.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import Papa from 'papaparse';
import type { Component } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from '../../tests/helpers/areas.ts';
import { openSampleArea, renderPanel } from '../../tests/helpers/panels.ts';
import { decodeAnalysisBundle } from '../analysis/bundle.ts';
import { AnalysisEngine } from '../analysis/engine.ts';
import { builtInProfile, encodePersonalProfile } from '../analysis/personal-profile.ts';
import { PROFILE_IDS, PROFILES, WAY_STATUS_CODES, type ProfileId } from '../contracts/profiles.ts';
import type { RoutingGraph } from '../analysis/bundle.ts';
import CompletenessPanel from '../panels/CompletenessPanel.svelte';
import type { AreaState } from '../state/area-state.svelte.ts';
import type { Mode } from '../state/modes.ts';

let area: AreaState;
let engine: AnalysisEngine;

beforeAll(async () => {
	area = await openSampleArea();
	engine = new AnalysisEngine(
		decodeAnalysisBundle(
			new Uint8Array(readFileSync(path.join(REPO_ROOT, 'tiles', SAMPLE_AREA, 'analysis.bin'))),
		),
	);
}, 60_000);

afterEach(() => vi.restoreAllMocks());

function counts(graph: RoutingGraph, p: ProfileId): Record<string, number> {
	const E = graph.edgeCount;
	const pi = PROFILE_IDS.indexOf(p);
	return Object.fromEntries(
		Object.entries(WAY_STATUS_CODES).map(([name, code]) => {
			let n = 0;
			for (let e = 0; e < E; e++) if (graph.statuses[pi * E + e] === code) n++;
			return [name, n];
		}),
	);
}

function countBy(values: string[]): Record<string, number> {
	const out: Record<string, number> = { passable: 0, limited: 0, impassable: 0, unknown: 0 };
	for (const v of values) out[v]! += 1;
	return out;
}

/** Clicks a download button and returns the saved file's name and text. */
async function saved(testId: string): Promise<{ name: string; text: string }> {
	const blobs: Blob[] = [];
	vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
		blobs.push(b as Blob);
		return 'blob:export';
	});
	let name = '';
	vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
		this: HTMLAnchorElement,
	) {
		name = this.download;
	});
	await fireEvent.click(screen.getByTestId(testId));
	await screen.findByTestId('network-export-done', {}, { timeout: 60_000 });
	expect(blobs).toHaveLength(1);
	return { name, text: await blobs[0]!.text() };
}

describe('NetworkExport in the completeness panel', () => {
	it('downloads the layers as CSV and GeoJSON with the engine’s statuses, and the personal profile’s column when set', async () => {
		const { i18n } = renderPanel(CompletenessPanel as unknown as Component<{ mode: Mode }>, area, {
			kind: 'completeness',
		});
		await screen.findByTestId('completeness-table', {}, { timeout: 60_000 });
		const g = engine.graph;

		const csv = await saved('network-export-csv');
		expect(csv.name).toMatch(/\.csv$/);
		const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), {
			header: true,
			skipEmptyLines: true,
		});
		// in Dutch: a semicolon between cells, a decimal comma (src/data/csv.ts)
		expect(parsed.meta.delimiter).toBe(';');
		const rows = parsed.data;
		expect(rows).toHaveLength(g.edgeCount);
		expect(rows.some((r) => /^\d+,\d$/.test(r.length_m!))).toBe(true);
		for (const p of PROFILE_IDS)
			expect(countBy(rows.map((r) => r[`${p}_status`]!))).toEqual(counts(g, p));
		expect(rows[0]).not.toHaveProperty('personal_status');
		const said = screen.getByTestId('network-export-done').textContent;
		expect(said).toContain(`${new Intl.NumberFormat('nl').format(g.edgeCount)} stukken`);
		// the profiles' names after a colon, as labels (not "(Te voet, Met rollator, …)" mid-sentence)
		expect(said).toContain(
			`stukken gedownload. Profielen: ${PROFILE_IDS.map((p) => PROFILES[p].label.nl).join(' · ')}.`,
		);

		const geo = await saved('network-export-geojson');
		expect(geo.name).toMatch(/\.geojson$/);
		const fc = JSON.parse(geo.text) as {
			features: { geometry: { type: string }; properties: Record<string, string> }[];
		};
		expect(fc.features).toHaveLength(g.edgeCount);
		expect(fc.features.every((f) => f.geometry.type === 'LineString')).toBe(true);
		expect(countBy(fc.features.map((f) => f.properties.wheelchair_status!))).toEqual(
			counts(g, 'wheelchair'),
		);

		// the personal profile the app sends the worker: its column comes along
		const person = { ...builtInProfile('wheelchair'), kerbCm: 1, minWidthM: 1.5 };
		await area.analysis!.setPersonal(encodePersonalProfile(person));
		try {
			const withPersonal = await saved('network-export-csv');
			const personalRows = Papa.parse<Record<string, string>>(
				withPersonal.text.replace(/^\uFEFF/, ''),
				{ header: true, skipEmptyLines: true },
			).data;
			expect(countBy(personalRows.map((r) => r.personal_status!))).toEqual(
				counts(engine.withPersonal(person).graph, 'wheelchair'),
			);
			await waitFor(() =>
				// named as everywhere else: its base and what differs
				expect(screen.getByTestId('network-export-done').textContent).toContain(
					'Mijn profiel (op basis van: rolstoel) — stoep ≤',
				),
			);
		} finally {
			await area.analysis!.setPersonal(null);
		}

		// in English: a comma between cells and a decimal point, as English spreadsheets read CSV
		await i18n.setLang('en');
		const english = Papa.parse<Record<string, string>>(
			(await saved('network-export-csv')).text.replace(/^\uFEFF/, ''),
			{ header: true, skipEmptyLines: true },
		);
		expect(english.meta.delimiter).toBe(',');
		expect(english.errors).toEqual([]);
		expect(english.data).toHaveLength(g.edgeCount);
		expect(english.data.map((r) => r.length_m)).toEqual(
			rows.map((r) => r.length_m!.replace(',', '.')),
		);
	}, 120_000);
});
