/**
 * The area config: one JSON file that names an area and its sources. Paths inside it are relative to
 * the config file. See scripts/README.md ("Area config") for every field, and
 * data/vorselaar-lille/area.json for the sample.
 *
 * Validation is strict and names the field: a typo in a config must not silently drop a source.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { rule, toValidationIssue, type IssueKind } from '../../src/contracts/validation.ts';

/** The CRS codes an area config may name (reprojection lives in crs.ts). */
export const SUPPORTED_CRS = ['EPSG:4326', 'EPSG:31370'] as const;
export type SupportedCrs = (typeof SUPPORTED_CRS)[number];

/** Where a source came from and when the data describe (ISO date), as shown in the app. */
export interface SourceInfo {
	/** Absolute path, resolved from the config file's folder. */
	path: string;
	/** Path as written in the config (relative to it), recorded in the manifest. */
	relativePath: string;
	/** Date of the data (ISO 8601 date: `YYYY-MM-DD`). */
	date: string;
	/** Licence, e.g. `ODbL 1.0`. */
	licence: string;
	/** Attribution text to show. */
	attribution: string;
}

export interface NeighbourhoodSource extends SourceInfo {
	/** CRS of the coordinates; taken from the file's `crs` member when absent. */
	crs: SupportedCrs | null;
	idProperty: string;
	/** Property with the name; when absent or a code, the name comes from the sectors' names. */
	nameProperty: string | null;
	/** Property with the population; when absent, `sources.population` gives it. */
	populationProperty: string | null;
	/** Property with the municipality NIS code of each neighbourhood. */
	municipalityProperty: string;
	/** Property listing the neighbourhood's statistical sector codes (separated by `;` or `,`). */
	sectorsProperty: string | null;
	/** Optional property with the share (0..1) of the polygon covered by the OSM extract. */
	coverageProperty: string | null;
}

export interface AddressSource extends SourceInfo {
	crs: SupportedCrs | null;
	streetProperty: string;
	houseNumberProperty: string;
	municipalityProperty: string | null;
}

/** Sub-municipality (deelgemeente) polygons: the place names residents add to an address. */
export interface SubMunicipalitySource extends SourceInfo {
	crs: SupportedCrs | null;
	idProperty: string;
	nameProperty: string;
	/** Property with the municipality NIS code; when absent, found through the neighbourhoods. */
	municipalityProperty: string | null;
}

export interface AgeSource extends SourceInfo {
	municipalityColumn: string;
	ageColumn: string;
	countColumn: string;
}

/**
 * The Statbel population table per statistical sector (CSV): population, and optionally the
 * neighbourhood code and the sector name of each sector. Neighbourhoods are joined to it by the
 * neighbourhood code (`neighbourhoodColumn`), else by their sector codes (`sectorsProperty`), else
 * their id is a sector code (polygons of sectors).
 */
export interface PopulationSource extends SourceInfo {
	sectorColumn: string;
	populationColumn: string;
	neighbourhoodColumn: string | null;
	nameColumn: string | null;
}

/** Residents by age per neighbourhood or per statistical sector (CSV, one row per key × age). */
export interface NeighbourhoodAgeSource extends SourceInfo {
	keyColumn: string;
	keyKind: 'neighbourhood' | 'sector';
	/** Single years (67) or bands (65-69, 80+) that do not straddle 65 or 80. */
	ageColumn: string;
	countColumn: string;
}

export interface ExtraPlaceSource extends SourceInfo {
	crs: SupportedCrs | null;
	/** Taxonomy category id every feature of this file belongs to. */
	category: string;
	nameProperty: string;
	/**
	 * Property with the site of a facility that has several (a hospital's campus): shown after the
	 * name ("Algemeen Ziekenhuis Turnhout – St. Elisabeth"), so that the sites are told apart.
	 */
	siteProperty: string | null;
	/** Other properties copied onto places: output name → source property. */
	properties: Record<string, string>;
	/** The fields this list writes in capitals, shown in ordinary letter case (see {@link Capitals}). */
	capitals: Capitals | null;
	/**
	 * How a listed place is matched to an OSM place of the same category (then merged, keeping
	 * both sources): within `maxDistanceM` and with a name similarity of at least `minNameSimilarity`.
	 */
	match: { maxDistanceM: number; minNameSimilarity: number };
}

/**
 * A list that writes names and addresses in capitals ("ALGEMEEN ZIEKENHUIS HERENTALS"): those
 * fields are shown in ordinary letter case ("Algemeen Ziekenhuis Herentals"), as a resident reads
 * the rest of the map. Only words written wholly in capitals (two letters or more) change.
 */
export interface Capitals {
	/** The fields: `name`, `site`, or output names of `properties` (`address`, `city`). */
	fields: string[];
	/** Words kept as written here (acronyms): "AZ", "ZNA". */
	keep: string[];
	/** Words written in lower case where they do not begin the value: "op", "van", "vzw". */
	lower: string[];
}

/** The OSM extract, and optionally the polygon it was clipped to. */
export interface OsmSource extends SourceInfo {
	/**
	 * The polygon the extract was cut with (GeoJSON, WGS84), when it is not a plain bbox cut. The
	 * coverage is this polygon ∩ the extract's bbox; origins near its edge are flagged.
	 */
	coveragePolygon: { path: string; relativePath: string } | null;
}

/** The languages the app speaks (src/i18n/messages.ts LANGUAGES). */
export const NAME_LANGS = ['nl', 'fr', 'en'] as const;
export type NameLang = (typeof NAME_LANGS)[number];

export interface Municipality {
	nis: string;
	name: string;
}

/** A validated area config with absolute paths. */
export interface AreaConfig {
	/** Absolute path of the config file itself. */
	configPath: string;
	/** Lower-case slug: the folder name under tiles/. */
	id: string;
	name: string;
	/**
	 * The area's name where a language writes it otherwise (`fr`: "Bruxelles" for "Brussel",
	 * "Anvers" for "Antwerpen"); `name` elsewhere.
	 */
	names: Partial<Record<NameLang, string>>;
	municipalities: Municipality[];
	sources: {
		osm: OsmSource;
		neighbourhoods: NeighbourhoodSource;
		addresses: AddressSource | null;
		subMunicipalities: SubMunicipalitySource | null;
		ageStructure: AgeSource | null;
		population: PopulationSource | null;
		neighbourhoodAges: NeighbourhoodAgeSource | null;
		extraPlaces: ExtraPlaceSource[];
	};
}

/** Default matching of listed places to OSM places (see {@link ExtraPlaceSource.match}). */
export const DEFAULT_MATCH = { maxDistanceM: 150, minNameSimilarity: 0.5 } as const;

/** Thrown for any problem in the config file; the message names the file and the field. */
export class AreaConfigError extends Error {
	override name = 'AreaConfigError';
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads and validates an area config.
 * @param configPath path to the JSON file (absolute or relative to the working directory)
 * @param checkFiles whether every source file must exist (default true)
 * @throws AreaConfigError naming the file and field
 */
export function loadAreaConfig(configPath: string, checkFiles = true): AreaConfig {
	const abs = path.resolve(configPath);
	if (!existsSync(abs)) throw new AreaConfigError(`${configPath}: area config not found`);
	let raw: unknown;
	try {
		raw = JSON.parse(readFileSync(abs, 'utf8'));
	} catch (e) {
		throw new AreaConfigError(`${configPath}: not valid JSON (${(e as Error).message})`);
	}
	return parseAreaConfig(raw, abs, checkFiles);
}

/** A non-empty text (not only spaces). */
const Text = v.pipe(
	v.string(),
	rule<string>('length', 'non-empty', (t) => t.trim() !== ''),
);
/** A data date: ISO 8601 `YYYY-MM-DD`, a real day. */
const IsoDate = v.pipe(
	Text,
	rule<string>(
		'format',
		'an ISO date YYYY-MM-DD',
		(d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)),
	),
);
/** An area id: a lower-case slug. */
const Slug = v.pipe(
	Text,
	rule<string>('format', 'a lower-case slug (a-z, 0-9, -)', (id) =>
		/^[a-z0-9][a-z0-9-]*$/.test(id),
	),
);
/** A municipality's NIS code. */
const Nis = v.pipe(
	Text,
	rule<string>('format', 'a 5-digit NIS code', (nis) => /^\d{5}$/.test(nis)),
);
const CrsSchema = v.nullish(v.picklist(SUPPORTED_CRS, 'value'));
const KeyKind = v.picklist(['neighbourhood', 'sector'], 'value');
/** A number within a range, or absent (null too): then `fallback`. */
const numberWithin = (limit: string, lo: number, hi: number, fallback: number) =>
	v.nullish(
		v.pipe(
			v.unknown(),
			rule<unknown>('range', limit, (n) => typeof n === 'number' && n >= lo && n <= hi),
			v.transform((n) => n as number),
		),
		fallback,
	);
const MaxDistanceM = numberWithin('metres 0..5000', 0, 5000, DEFAULT_MATCH.maxDistanceM);
const NameSimilarity = numberWithin('a share 0..1', 0, 1, DEFAULT_MATCH.minNameSimilarity);

/** Validates an already parsed config object; `configPath` is used for messages and relative paths. */
export function parseAreaConfig(raw: unknown, configPath: string, checkFiles = true): AreaConfig {
	const dir = path.dirname(configPath);
	const fail = (field: string, problem: string): never => {
		throw new AreaConfigError(`${configPath}: ${field} ${problem}`);
	};
	if (!isObject(raw)) return fail('(root)', 'must be a JSON object');
	/** The value of `schema` at `obj[key]`, or a failure naming the field in the config's words. */
	const valid = <S extends v.GenericSchema>(
		schema: S,
		obj: Json,
		key: string,
		where: string,
	): v.InferOutput<S> => {
		const result = v.safeParse(schema, obj[key], { abortEarly: true });
		if (result.success) return result.output;
		const issue = toValidationIssue(result.issues[0]);
		const got = JSON.stringify(issue.found);
		const problem: Partial<Record<IssueKind, string>> = {
			format: `must be ${String(issue.limit)}, got ${got}`,
			range: `must be ${String(issue.limit)}, got ${got}`,
			value: `must be one of ${String(issue.limit)}, got ${got}`,
		};
		return fail(`${where}${key}`, problem[issue.kind] ?? 'must be a non-empty string');
	};
	const known = (obj: Json, where: string, keys: string[]) => {
		const unknown = Object.keys(obj).find((k) => !k.startsWith('$') && !keys.includes(k));
		if (unknown !== undefined)
			fail(`${where}${unknown}`, `is not a known field (known: ${keys.join(', ')})`);
	};
	const str = (obj: Json, key: string, where: string): string => valid(Text, obj, key, where);
	const optStr = (obj: Json, key: string, where: string): string | null =>
		obj[key] === undefined || obj[key] === null ? null : str(obj, key, where);
	const date = (obj: Json, key: string, where: string): string => valid(IsoDate, obj, key, where);
	const crs = (obj: Json, where: string): SupportedCrs | null =>
		valid(CrsSchema, obj, 'crs', where) ?? null;
	const source = (obj: unknown, where: string, extra: string[], ext: string[]): SourceInfo => {
		if (!isObject(obj)) return fail(where.slice(0, -1), 'must be an object');
		known(obj, where, ['path', 'date', 'licence', 'attribution', ...extra]);
		const rel = str(obj, 'path', where);
		const p = path.resolve(dir, rel);
		if (!ext.some((e) => rel.toLowerCase().endsWith(e))) {
			fail(`${where}path`, `must end with ${ext.join(' or ')}, got "${rel}"`);
		}
		if (checkFiles && !existsSync(p)) fail(`${where}path`, `names a missing file: ${p}`);
		return {
			path: p,
			relativePath: rel,
			date: date(obj, 'date', where),
			licence: str(obj, 'licence', where),
			attribution: str(obj, 'attribution', where),
		};
	};

	known(raw, '', ['id', 'name', 'names', 'municipalities', 'sources']);
	const id = valid(Slug, raw, 'id', '');
	const name = str(raw, 'name', '');
	const names: AreaConfig['names'] = {};
	if (raw.names !== undefined) {
		if (!isObject(raw.names)) fail('names', 'must be an object of names by language');
		known(raw.names as Json, 'names.', [...NAME_LANGS]);
		for (const lang of NAME_LANGS)
			if ((raw.names as Json)[lang] !== undefined)
				names[lang] = str(raw.names as Json, lang, 'names.');
	}
	const munis = raw.municipalities;
	if (!Array.isArray(munis) || munis.length === 0)
		fail('municipalities', 'must be a non-empty array');
	const municipalities = (munis as unknown[]).map((m, i): Municipality => {
		const w = `municipalities[${i}].`;
		if (!isObject(m)) return fail(w.slice(0, -1), 'must be an object');
		known(m, w, ['nis', 'name']);
		return { nis: valid(Nis, m, 'nis', w), name: str(m, 'name', w) };
	});
	const sources = raw.sources;
	if (!isObject(sources)) return fail('sources', 'must be an object');
	known(sources, 'sources.', [
		'osm',
		'neighbourhoods',
		'addresses',
		'subMunicipalities',
		'ageStructure',
		'population',
		'neighbourhoodAges',
		'extraPlaces',
	]);

	const osmBase = source(sources.osm, 'sources.osm.', ['coveragePolygon'], ['.osm.pbf']);
	const covRel = optStr(sources.osm as Json, 'coveragePolygon', 'sources.osm.');
	let coveragePolygon: OsmSource['coveragePolygon'] = null;
	if (covRel !== null) {
		const p = path.resolve(dir, covRel);
		if (checkFiles && !existsSync(p))
			fail('sources.osm.coveragePolygon', `names a missing file: ${p}`);
		coveragePolygon = { path: p, relativePath: covRel };
	}
	const osm: OsmSource = { ...osmBase, coveragePolygon };

	const nbRaw = sources.neighbourhoods;
	const nbExtra = [
		'crs',
		'idProperty',
		'nameProperty',
		'populationProperty',
		'municipalityProperty',
		'coverageProperty',
		'sectorsProperty',
	];
	const nbBase = source(nbRaw, 'sources.neighbourhoods.', nbExtra, ['.geojson', '.json']);
	const nb = nbRaw as Json;
	const neighbourhoods: NeighbourhoodSource = {
		...nbBase,
		crs: crs(nb, 'sources.neighbourhoods.'),
		idProperty: str(nb, 'idProperty', 'sources.neighbourhoods.'),
		nameProperty: optStr(nb, 'nameProperty', 'sources.neighbourhoods.'),
		populationProperty: optStr(nb, 'populationProperty', 'sources.neighbourhoods.'),
		municipalityProperty: str(nb, 'municipalityProperty', 'sources.neighbourhoods.'),
		coverageProperty: optStr(nb, 'coverageProperty', 'sources.neighbourhoods.'),
		sectorsProperty: optStr(nb, 'sectorsProperty', 'sources.neighbourhoods.'),
	};

	let population: PopulationSource | null = null;
	if (sources.population !== undefined) {
		const w = 'sources.population.';
		const base = source(
			sources.population,
			w,
			['sectorColumn', 'populationColumn', 'neighbourhoodColumn', 'nameColumn'],
			['.csv'],
		);
		const a = sources.population as Json;
		population = {
			...base,
			sectorColumn: str(a, 'sectorColumn', w),
			populationColumn: str(a, 'populationColumn', w),
			neighbourhoodColumn: optStr(a, 'neighbourhoodColumn', w),
			nameColumn: optStr(a, 'nameColumn', w),
		};
	}
	if (neighbourhoods.populationProperty === null && population === null) {
		fail(
			'sources.neighbourhoods.populationProperty',
			'is missing: give the property with the population, or sources.population (the Statbel table per statistical sector) to join the neighbourhoods to',
		);
	}

	let neighbourhoodAges: NeighbourhoodAgeSource | null = null;
	if (sources.neighbourhoodAges !== undefined) {
		const w = 'sources.neighbourhoodAges.';
		const base = source(
			sources.neighbourhoodAges,
			w,
			['keyColumn', 'keyKind', 'ageColumn', 'countColumn'],
			['.csv'],
		);
		const a = sources.neighbourhoodAges as Json;
		const keyKind = valid(KeyKind, a, 'keyKind', w);
		neighbourhoodAges = {
			...base,
			keyColumn: str(a, 'keyColumn', w),
			keyKind,
			ageColumn: str(a, 'ageColumn', w),
			countColumn: str(a, 'countColumn', w),
		};
	}

	let addresses: AddressSource | null = null;
	if (sources.addresses !== undefined) {
		const w = 'sources.addresses.';
		const base = source(
			sources.addresses,
			w,
			['crs', 'streetProperty', 'houseNumberProperty', 'municipalityProperty'],
			['.geojson', '.json'],
		);
		const a = sources.addresses as Json;
		addresses = {
			...base,
			crs: crs(a, w),
			streetProperty: str(a, 'streetProperty', w),
			houseNumberProperty: str(a, 'houseNumberProperty', w),
			municipalityProperty: optStr(a, 'municipalityProperty', w),
		};
	}

	let subMunicipalities: SubMunicipalitySource | null = null;
	if (sources.subMunicipalities !== undefined) {
		const w = 'sources.subMunicipalities.';
		const base = source(
			sources.subMunicipalities,
			w,
			['crs', 'idProperty', 'nameProperty', 'municipalityProperty'],
			['.geojson', '.json'],
		);
		const d = sources.subMunicipalities as Json;
		subMunicipalities = {
			...base,
			crs: crs(d, w),
			idProperty: str(d, 'idProperty', w),
			nameProperty: str(d, 'nameProperty', w),
			municipalityProperty: optStr(d, 'municipalityProperty', w),
		};
	}

	let ageStructure: AgeSource | null = null;
	if (sources.ageStructure !== undefined) {
		const w = 'sources.ageStructure.';
		const base = source(
			sources.ageStructure,
			w,
			['municipalityColumn', 'ageColumn', 'countColumn'],
			['.csv'],
		);
		const a = sources.ageStructure as Json;
		ageStructure = {
			...base,
			municipalityColumn: str(a, 'municipalityColumn', w),
			ageColumn: str(a, 'ageColumn', w),
			countColumn: str(a, 'countColumn', w),
		};
	}

	const extraRaw = sources.extraPlaces ?? [];
	if (!Array.isArray(extraRaw)) fail('sources.extraPlaces', 'must be an array');
	const extraPlaces = (extraRaw as unknown[]).map((e, i): ExtraPlaceSource => {
		const w = `sources.extraPlaces[${i}].`;
		const base = source(
			e,
			w,
			['crs', 'category', 'nameProperty', 'siteProperty', 'properties', 'capitals', 'match'],
			['.geojson', '.json'],
		);
		const o = e as Json;
		const props = o.properties ?? {};
		if (!isObject(props) || Object.values(props).some((v) => typeof v !== 'string')) {
			fail(`${w}properties`, 'must map output names to source property names (strings)');
		}
		const m = o.match ?? {};
		if (!isObject(m)) return fail(`${w}match`, 'must be an object');
		known(m, `${w}match.`, ['maxDistanceM', 'minNameSimilarity']);
		const maxDistanceM = valid(MaxDistanceM, m, 'maxDistanceM', `${w}match.`);
		const minNameSimilarity = valid(NameSimilarity, m, 'minNameSimilarity', `${w}match.`);
		const siteProperty = optStr(o, 'siteProperty', w);
		let capitals: Capitals | null = null;
		if (o.capitals !== undefined) {
			const c = o.capitals;
			if (!isObject(c)) return fail(`${w}capitals`, 'must be an object');
			known(c, `${w}capitals.`, ['fields', 'keep', 'lower']);
			const words = (key: string, required: boolean): string[] => {
				const list = c[key] ?? (required ? undefined : []);
				if (!Array.isArray(list) || (required && list.length === 0)) {
					return fail(`${w}capitals.${key}`, 'must be a non-empty array of strings');
				}
				list.forEach((x: unknown, k) => {
					if (typeof x !== 'string' || x.trim() === '') {
						fail(`${w}capitals.${key}[${k}]`, 'must be a non-empty string');
					}
					if (key !== 'fields' && /\s/u.test(x as string)) {
						fail(`${w}capitals.${key}[${k}]`, `must be one word, got ${JSON.stringify(x)}`);
					}
				});
				return list as string[];
			};
			const fields = words('fields', true);
			const allowed = ['name', ...(siteProperty ? ['site'] : []), ...Object.keys(props)];
			const unknownField = fields.find((f) => !allowed.includes(f));
			if (unknownField !== undefined) {
				fail(
					`${w}capitals.fields`,
					`names "${unknownField}", which is not a field of this list (fields: ${allowed.join(', ')})`,
				);
			}
			capitals = { fields, keep: words('keep', false), lower: words('lower', false) };
		}
		return {
			...base,
			crs: crs(o, w),
			category: str(o, 'category', w),
			nameProperty: str(o, 'nameProperty', w),
			siteProperty,
			properties: props as Record<string, string>,
			capitals,
			match: { maxDistanceM, minNameSimilarity },
		};
	});

	return {
		configPath,
		id,
		name,
		names,
		municipalities,
		sources: {
			osm,
			neighbourhoods,
			addresses,
			subMunicipalities,
			ageStructure,
			population,
			neighbourhoodAges,
			extraPlaces,
		},
	};
}

/** Every input file of a config with its role, in a fixed order (as recorded in the manifest). */
export function configInputs(config: AreaConfig): { role: string; src: SourceInfo }[] {
	const s = config.sources;
	const list: { role: string; src: SourceInfo }[] = [
		{ role: 'osm', src: s.osm },
		{ role: 'neighbourhoods', src: s.neighbourhoods },
	];
	if (s.osm.coveragePolygon) {
		list.push({ role: 'osmCoverage', src: { ...s.osm, ...s.osm.coveragePolygon } });
	}
	if (s.addresses) list.push({ role: 'addresses', src: s.addresses });
	if (s.subMunicipalities) list.push({ role: 'subMunicipalities', src: s.subMunicipalities });
	if (s.ageStructure) list.push({ role: 'ageStructure', src: s.ageStructure });
	if (s.population) list.push({ role: 'population', src: s.population });
	if (s.neighbourhoodAges) list.push({ role: 'neighbourhoodAges', src: s.neighbourhoodAges });
	s.extraPlaces.forEach((e, i) => list.push({ role: `extraPlaces[${i}]`, src: e }));
	return list;
}
