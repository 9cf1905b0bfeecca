/**
 * The area config's field checks (Valibot schemas in scripts/lib/area-config.ts): each refusal names
 * the field, the rule and what was found, in the words the pipeline prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	AreaConfigError,
	DEFAULT_MATCH,
	parseAreaConfig,
} from '../../../scripts/lib/area-config.ts';
import { SAMPLE_CONFIG } from './helpers.ts';

type Json = Record<string, unknown> & { sources: Record<string, Record<string, unknown>> };
const sample = (): Json => JSON.parse(readFileSync(SAMPLE_CONFIG, 'utf8')) as Json;

function refusal(edit: (c: Json) => void): string {
	const c = sample();
	edit(c);
	try {
		parseAreaConfig(c, SAMPLE_CONFIG, false);
	} catch (error) {
		expect(error).toBeInstanceOf(AreaConfigError);
		return (error as Error).message;
	}
	throw new Error('accepted');
}

describe('area config field checks', () => {
	it('reads the sample, with the match defaults where it gives none', () => {
		const config = parseAreaConfig(sample(), SAMPLE_CONFIG, false);
		for (const e of config.sources.extraPlaces)
			expect(e.match.maxDistanceM).toBeGreaterThanOrEqual(0);
		const c = sample();
		c.sources.extraPlaces = [
			{ ...(c.sources.extraPlaces as unknown as Record<string, unknown>[])[0], match: {} },
		] as unknown as Record<string, unknown>;
		expect(parseAreaConfig(c, SAMPLE_CONFIG, false).sources.extraPlaces[0]?.match).toEqual(
			DEFAULT_MATCH,
		);
	});

	it("reads the area's names by language, and refuses a language the app does not speak", () => {
		const c = sample();
		c.names = { fr: 'Bruxelles', en: 'Brussels' };
		expect(parseAreaConfig(c, SAMPLE_CONFIG, false).names).toEqual({
			fr: 'Bruxelles',
			en: 'Brussels',
		});
		expect(parseAreaConfig(sample(), SAMPLE_CONFIG, false).names).toEqual({});
		expect(refusal((c) => (c.names = { de: 'Brüssel' }))).toMatch(
			/: names\.de is not a known field \(known: nl, fr, en\)$/,
		);
		expect(refusal((c) => (c.names = { fr: ' ' }))).toMatch(
			/: names\.fr must be a non-empty string$/,
		);
		expect(refusal((c) => (c.names = 'Bruxelles'))).toMatch(
			/: names must be an object of names by language$/,
		);
	});

	it('names the field, the rule and what was found', () => {
		expect(refusal((c) => (c.id = 'Vorselaar Lille'))).toMatch(
			/: id must be a lower-case slug \(a-z, 0-9, -\), got "Vorselaar Lille"$/,
		);
		expect(refusal((c) => (c.name = '  '))).toMatch(/: name must be a non-empty string$/);
		expect(refusal((c) => ((c.municipalities as { nis: string }[])[0]!.nis = '1304'))).toMatch(
			/municipalities\[0\]\.nis must be a 5-digit NIS code, got "1304"$/,
		);
		expect(refusal((c) => (c.sources.osm!.date = '2019-13-45'))).toMatch(
			/sources\.osm\.date must be an ISO date YYYY-MM-DD, got "2019-13-45"$/,
		);
		expect(refusal((c) => (c.sources.neighbourhoods!.crs = 'EPSG:3857'))).toMatch(
			/sources\.neighbourhoods\.crs must be one of .*EPSG:31370.*, got "EPSG:3857"$/,
		);
		expect(
			refusal((c) => {
				const first = (c.sources.extraPlaces as unknown as Record<string, unknown>[])[0]!;
				first.match = { maxDistanceM: 6000 };
			}),
		).toMatch(/sources\.extraPlaces\[0\]\.match\.maxDistanceM must be metres 0\.\.5000, got 6000$/);
	});

	it("reads a list's fields in capitals, and refuses a field the list does not have", () => {
		const caps = parseAreaConfig(sample(), SAMPLE_CONFIG, false).sources.extraPlaces[0]?.capitals;
		expect(caps?.fields).toEqual(['name', 'site', 'address', 'city']);
		expect(caps?.keep).toContain('AZ');
		const first = (c: Json) => (c.sources.extraPlaces as unknown as Record<string, unknown>[])[0]!;
		expect(
			refusal((c) => {
				first(c).capitals = { fields: ['name', 'street'] };
			}),
		).toMatch(
			/sources\.extraPlaces\[0\]\.capitals\.fields names "street", which is not a field of this list \(fields: name, site, phone, website, address, postcode, city, emergency, facility_type\)$/,
		);
		expect(
			refusal((c) => {
				delete first(c).siteProperty;
			}),
		).toMatch(/capitals\.fields names "site", which is not a field of this list/);
		expect(
			refusal((c) => {
				first(c).capitals = { fields: ['name'], keep: ['AZ', 3] };
			}),
		).toMatch(/sources\.extraPlaces\[0\]\.capitals\.keep\[1\] must be a non-empty string$/);
		expect(
			refusal((c) => {
				first(c).capitals = { fields: ['name'], lower: ['op', 'van de'] };
			}),
		).toMatch(/capitals\.lower\[1\] must be one word, got "van de"$/);
		expect(
			refusal((c) => {
				first(c).capitals = { fields: [] };
			}),
		).toMatch(/capitals\.fields must be a non-empty array of strings$/);
		expect(
			refusal((c) => {
				first(c).capitals = { fields: ['name'], upper: ['AZ'] };
			}),
		).toMatch(/capitals\.upper is not a known field \(known: fields, keep, lower\)$/);
	});
});
