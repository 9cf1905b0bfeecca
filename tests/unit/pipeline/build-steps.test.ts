/**
 * The pipeline's table of steps (scripts/lib/build-steps.ts): each step runs alone on a context that
 * holds the artefacts it needs and gives the same artefact as in a full run; a step without them
 * names the missing artefact; the progress display counts the table's rows; the assumptions table
 * picks one sentence per topic.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildArea } from '../../../scripts/lib/build-area.ts';
import {
	BUILD_STEPS,
	buildContext,
	runStep,
	type ArtefactKey,
	type BuildArtefacts,
	type BuildContext,
	type BuildStep,
} from '../../../scripts/lib/build-steps.ts';
import {
	ASSUMPTIONS,
	assumptionsFor,
	type AssumptionFacts,
} from '../../../scripts/lib/assumptions.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { tempDir } from './helpers.ts';

const CONFIG = path.join(REPO_ROOT, 'tests', 'fixtures', 'pipeline', 'sassenhout', 'area.json');
const TODAY = '2026-01-01';

/** Artefacts compared by what they hold: buffers by bytes, the rest by structure. */
function comparable(value: unknown): unknown {
	return JSON.parse(
		JSON.stringify(value, (_k, v: unknown) => {
			if (v instanceof Map) return [...v.entries()];
			if (ArrayBuffer.isView(v))
				return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
			return v;
		}),
	);
}

describe('buildArea as a table of steps (Sassenhout fixture)', () => {
	let full: BuildContext;
	beforeAll(async () => {
		full = buildContext(CONFIG, { outRoot: tempDir(), silent: true, today: TODAY });
		for (const step of BUILD_STEPS) await runStep(step as BuildStep<ArtefactKey>, full);
	}, 120_000);

	it('has one row per artefact, each named', () => {
		const keys = BUILD_STEPS.map((s) => s.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys.at(-1)).toBe('publish');
		for (const s of BUILD_STEPS) expect(s.name.length).toBeGreaterThan(0);
	});

	// Every step but the OSM reader and publish (which writes files: checked below) alone, on the
	// artefacts of the full run minus its own; the OSM step is covered by osm-reader.test.ts.
	for (const step of BUILD_STEPS) {
		if (step.key === 'publish') continue;
		it(`step "${step.name}" runs alone and gives the full run's "${step.key}"`, async () => {
			const { [step.key]: own, ...others } = full.artefacts;
			const ctx: BuildContext = { ...full, artefacts: { ...others } as Partial<BuildArtefacts> };
			const s = step as BuildStep<ArtefactKey>;
			const artefact = await runStep(s, ctx);
			expect(comparable(artefact)).toEqual(comparable(own));
			expect(s.summary(artefact, ctx)).toMatch(/\S/);
		}, 60_000);
	}

	it('publish writes the manifest it returns, and a step without its inputs names them', async () => {
		const { manifest, outDir } = full.artefacts.publish!;
		expect(JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'))).toEqual(
			comparable(manifest),
		);
		const places = BUILD_STEPS.find((s) => s.key === 'places') as BuildStep<'places'>;
		await expect(runStep(places, buildContext(CONFIG))).rejects.toThrow(
			'build step needs the "source" artefact',
		);
	});
});

describe('progress display', () => {
	afterEach(() => vi.restoreAllMocks());
	it('counts the steps of the table', async () => {
		const lines: string[] = [];
		vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
			lines.push(String(chunk));
			return true;
		});
		await buildArea(CONFIG, { outRoot: tempDir(), today: TODAY });
		const n = BUILD_STEPS.length;
		const started = lines.filter((l) => new RegExp(`\\] \\d+/${n} `).test(l));
		expect(started.map((l) => l.replace(/^.*\] \d+\/\d+ (.*) …\n$/, '$1'))).toEqual(
			BUILD_STEPS.map((s) => s.name),
		);
	}, 120_000);
});

describe('assumptions table', () => {
	const base: AssumptionFacts = {
		neighbourhoodAgeRows: 0,
		municipalShareRows: 3,
		municipalAges: true,
		ageDate: '2015-01-01',
		originSource: 'addresses',
		coverage: [4.7, 51.1, 4.9, 51.3],
	};
	it('gives one sentence per topic, the first row that holds', () => {
		const topics = [...new Set(ASSUMPTIONS.map((r) => r.topic))];
		const out = assumptionsFor(base);
		expect(out).toHaveLength(topics.length);
		expect(out[0]).toContain("the municipality's age shares (2015-01-01)");
		expect(out[1]).toContain('address points inside it');
		expect(out[2]).toContain('bbox 4.7, 51.1, 4.9, 51.3)');
	});
	it('words the variants: own age table, no ages, buildings, clip polygon', () => {
		const own = assumptionsFor({
			...base,
			neighbourhoodAgeRows: 5,
			municipalShareRows: 1,
			ageTable: { relativePath: 'population/ages.csv', date: '2024-01-01', keyKind: 'sector' },
		});
		expect(own[0]).toContain(
			'own age shares from population/ages.csv (2024-01-01, keyed by sector)',
		);
		expect(own[0]).toContain(
			"1 neighbourhood(s) without a row there get their municipality's shares",
		);
		expect(assumptionsFor({ ...base, municipalAges: false })[0]).toBe(
			'No age structure configured: no 65+/80+ estimates.',
		);
		const b = assumptionsFor({
			...base,
			originSource: 'buildings',
			coveragePolygon: 'clip.geojson',
		});
		expect(b[1]).toMatch(/^No address points configured/);
		expect(b[2]).toContain('∩ the clip polygon clip.geojson');
	});
});
