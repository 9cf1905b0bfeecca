/**
 * Bad input to the pipeline (issue 10): every coordinate error and an invalid neighbourhood
 * polygon is one line naming the file, the feature and the value, with a hint that fits the
 * value, no stack trace, and nothing published. OSM text is cleaned of bidi controls and capped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArea } from '../../../scripts/lib/build-area.ts';
import { cleanPlaceText, cleanText } from '../../../scripts/lib/text.ts';
import { REPO_ROOT } from '../../../scripts/lib/version.ts';
import { tempDir } from './helpers.ts';

const FIXTURE_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'pipeline', 'sassenhout');

type Json = Record<string, unknown> & { sources: Record<string, Record<string, unknown>> };
type Ring = unknown[];
type Neighbourhoods = { features: { geometry: { type: string; coordinates: unknown } }[] };

/** The fixture config, its neighbourhood file changed by `edit`, written into a fresh folder. */
function withNeighbourhoods(edit: (fc: Neighbourhoods, ring: Ring) => void): {
	config: string;
	out: string;
} {
	const dir = tempDir();
	const c = JSON.parse(readFileSync(path.join(FIXTURE_DIR, 'area.json'), 'utf8')) as Json;
	for (const s of Object.values(c.sources)) s.path = path.resolve(FIXTURE_DIR, s.path as string);
	const fc = JSON.parse(
		readFileSync(c.sources.neighbourhoods!.path as string, 'utf8'),
	) as Neighbourhoods;
	const polygon = fc.features[0]!.geometry.coordinates as Ring[];
	edit(fc, polygon[0]!);
	const file = path.join(dir, 'wijken.geojson');
	// JSON.stringify writes Infinity as null: keep the raw text of the edit where it matters
	writeFileSync(file, JSON.stringify(fc).replace('"__INFINITY__"', '1e999'));
	c.sources.neighbourhoods!.path = file;
	const config = path.join(dir, 'area.json');
	writeFileSync(config, JSON.stringify(c));
	return { config, out: path.join(dir, 'tiles') };
}

async function buildError(edit: (fc: Neighbourhoods, ring: Ring) => void): Promise<string> {
	const { config, out } = withNeighbourhoods(edit);
	try {
		await buildArea(config, { outRoot: out, silent: true });
	} catch (e) {
		expect(existsSync(path.join(out, 'sassenhout'))).toBe(false);
		expect((e as Error).name).toBe('InputError');
		const message = (e as Error).message;
		expect(message.split('\n')).toHaveLength(1);
		return message;
	}
	throw new Error('the build did not fail');
}

const WHERE = /^\/.*wijken\.geojson: neighbourhood 0 \("13044A1"\): /;

describe('coordinate errors: one line naming the file, the feature and the value, with a fitting hint', () => {
	it('null', async () => {
		const msg = await buildError((_fc, ring) => ((ring[3] as unknown[])[1] = null));
		expect(msg).toMatch(WHERE);
		expect(msg).toMatch(
			/coordinate \[[\d.]+,null\] has an empty \(null\) value: fill in the position or remove the feature$/,
		);
	});

	it('text', async () => {
		const msg = await buildError((_fc, ring) => ((ring[2] as unknown[])[0] = '4,8317'));
		expect(msg).toMatch(WHERE);
		expect(msg).toMatch(
			/coordinate \["4,8317",[\d.]+\] holds text "4,8317", not a number: write numbers without quotes$/,
		);
	});

	it('out of range: swapped longitude and latitude', async () => {
		const msg = await buildError((_fc, ring) => ring.forEach((p) => (p as number[]).reverse()));
		expect(msg).toMatch(WHERE);
		expect(msg).toMatch(
			/coordinate \[51\.\d+,4\.\d+\] lies outside Belgium, but swapped it lies inside: GeoJSON is \[longitude, latitude\]$/,
		);
	});

	it('out of range: a latitude beyond 90', async () => {
		const msg = await buildError((_fc, ring) => ((ring[1] as number[])[1] = 151.2));
		expect(msg).toMatch(WHERE);
		expect(msg).toMatch(/latitude 151\.2 is beyond ±90; longitude and latitude look swapped/);
		expect(msg).not.toMatch(/projected metres/);
	});

	it('not a finite number', async () => {
		const msg = await buildError((_fc, ring) => ((ring[1] as unknown[])[0] = '__INFINITY__'));
		expect(msg).toMatch(WHERE);
		expect(msg).toMatch(/is not a finite number \(NaN or Infinity\)$/);
	});

	it('wrong nesting: a ring of numbers instead of positions', async () => {
		const msg = await buildError((fc) => {
			const g = fc.features[0]!.geometry;
			g.coordinates = [(g.coordinates as number[][][])[0]!.flat()];
		});
		expect(msg).toMatch(WHERE);
		expect(msg).toMatch(
			/a position must be an array \[x, y\], got 4\.\d+ \(wrong nesting of "coordinates"\?\)$/,
		);
	});

	it('too few positions in a ring', async () => {
		const msg = await buildError((fc) => {
			fc.features[0]!.geometry.coordinates = [
				[
					[4.83, 51.2],
					[4.84, 51.2],
					[4.83, 51.2],
				],
			];
		});
		expect(msg).toMatch(WHERE);
		expect(msg).toMatch(
			/ring\[0\] has 3 positions: a polygon ring needs at least 4, the last equal to the first$/,
		);
	});

	it('a self-intersecting polygon is refused as the database would, and nothing is published', async () => {
		const msg = await buildError((fc) => {
			// a bow tie inside the area: its two edges cross
			fc.features[0]!.geometry.coordinates = [
				[
					[4.82, 51.2],
					[4.84, 51.22],
					[4.84, 51.2],
					[4.82, 51.22],
					[4.82, 51.2],
				],
			];
		});
		expect(msg).toMatch(WHERE);
		expect(msg).toMatch(
			/not a valid polygon: it intersects itself near \[4\.830000, 51\.210000\]; the database refuses such a polygon/,
		);
	});

	it('the CLI prints one line, no stack trace, and exits 1', { timeout: 60_000 }, () => {
		const { config } = withNeighbourhoods((_fc, ring) => ((ring[3] as unknown[])[1] = null));
		const r = spawnSync(
			process.execPath,
			['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'build-area.ts'), config],
			{
				cwd: REPO_ROOT,
				encoding: 'utf8',
			},
		);
		expect(r.status).toBe(1);
		const lines = r.stderr
			.trim()
			.split('\n')
			.filter((l) => !l.startsWith('[build-area]'));
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^build-area failed: .*wijken\.geojson: neighbourhood 0 \("13044A1"\): coordinate .* has an empty \(null\) value/,
		);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('OSM text', () => {
	it('loses bidi controls and control characters, and is capped as curated text is', () => {
		expect(cleanText('Apotheek \u202eSIRAP\u202c', 200)).toBe('Apotheek SIRAP');
		expect(cleanText('\u2067Bakkerij\u2069\tDe\n Kroon\u200f ', 200)).toBe('Bakkerij De Kroon');
		expect([...cleanText('x'.repeat(300), 200)]).toHaveLength(200);
		expect(cleanText('x'.repeat(300), 200).endsWith('…')).toBe(true);
		const place = cleanPlaceText({
			name: '\u202eeiledleB',
			address: 'Markt 1',
			operator: '',
			phone: '+32 14 12 34 56; +32 14 65 43 21',
			website: `https://example.org/${'a'.repeat(600)}`,
			openingHours: 'Mo-Fr 09:00-12:00',
			lines: '\u202e210;213',
		});
		expect(place).toEqual({
			name: 'eiledleB',
			address: 'Markt 1',
			operator: '',
			phone: '+32 14 12 34 56',
			website: '',
			openingHours: 'Mo-Fr 09:00-12:00',
			lines: '210;213',
		});
	});
});
