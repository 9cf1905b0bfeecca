/**
 * Where the app finds an area's data: `tiles/<areaId>/manifest.json`, written by the pipeline
 * (scripts/build-area.ts), the PMTiles archives and the other files it lists (analysis bundle,
 * search source, municipality boundaries). Every URL comes from here, never from string literals in
 * components.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import * as v from 'valibot';
import {
	CountSchema,
	layerId,
	ManifestSchema,
	type ManifestAsRead,
} from '../contracts/manifest.ts';
import {
	NeighbourhoodGeometrySchema,
	NeighbourhoodPropertiesSchema,
	NeighbourhoodsFileSchema,
} from '../contracts/neighbourhoods-file.ts';
import { formatIssue, toValidationIssue, type ValidationIssue } from '../contracts/validation.ts';
import type { Lang } from '../i18n/messages.ts';

export const OSM_ATTRIBUTION =
	'© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a>-bijdragers (ODbL)';

export interface ArchiveRef {
	/** Absolute URL of the .pmtiles file. */
	url: string;
	minzoom: number;
	maxzoom: number;
}

/** A file of the area beside its manifest. */
export interface FileRef {
	/** Absolute URL. */
	url: string;
	/** Size in bytes, as the pipeline wrote it (for progress when a server sends no length). */
	bytes: number;
}

export interface AreaTiles {
	areaId: string;
	name: string;
	/** The name where a language writes it otherwise (shown by i18n's areaName). */
	names?: Partial<Record<Lang, string>>;
	/** The municipalities the area covers (NIS code and name). */
	municipalities: { nis: string; name: string }[];
	/**
	 * The analysis bundle, the search source, the municipality boundaries and the neighbourhood
	 * polygons (`neighbourhoods.geojson`, read by {@link loadNeighbourhoodPolygons}), when built.
	 */
	files: { analysis?: FileRef; search?: FileRef; boundaries?: FileRef; neighbourhoods?: FileRef };
	/** [west, south, east, north] in degrees (WGS84). */
	bbox: [number, number, number, number];
	/** Attribution for the map's sources (HTML; our own constant text, never data). */
	attribution: string;
	/**
	 * Where the 65+ and 80+ figures come from, per neighbourhood id (`neighbourhood table`,
	 * `municipal shares` or `none`), with the date of the municipal shares; empty when the
	 * manifest does not say.
	 */
	ages: { sources: Record<string, string>; municipalDate: string | undefined };
	archives: {
		neighbourhoods: ArchiveRef & { layers: { polygons: string; labels: string } };
		/** Places by category (layer `places`), when the area has them. */
		places?: ArchiveRef & { layer: string };
		/**
		 * The pedestrian network with its accessibility per profile (layer `footways`), and the
		 * barriers, kerbs, crossings and elevators on it (`pointsLayer`, when the archive has one).
		 */
		network?: ArchiveRef & {
			layer: string;
			pointsLayer?: string;
			/** Network points per kind (the manifest's counts of `pointsLayer`), when it has them. */
			pointCounts?: Record<string, number>;
		};
		/** The area's own basemap, when built. */
		basemap?: ArchiveRef & { layers: string[] };
	};
}

type Archive = ManifestAsRead['archives']['neighbourhoods'];

/** An archive's URL, zooms and layer names. */
function archiveRef(entry: Archive, baseUrl: string): ArchiveRef & { layers: string[] } {
	return {
		url: new URL(entry.file, baseUrl).href,
		minzoom: entry.minzoom,
		maxzoom: entry.maxzoom,
		layers: entry.layers.map(layerId),
	};
}

/** The manifest's features per value of one layer of an archive (`counts`), when it has them. */
function layerCounts(
	archive: Archive,
	layer: string,
): { pointCounts: Record<string, number> } | Record<string, never> {
	const entry = archive.layers.find((l) => layerId(l) === layer);
	if (typeof entry !== 'object' || !entry.counts) return {};
	const counts: Record<string, number> = {};
	for (const [k, n] of Object.entries(entry.counts)) if (v.is(CountSchema, n)) counts[k] = n;
	return { pointCounts: counts };
}

/**
 * A manifest that is missing or does not have the shape the app needs (src/contracts/manifest.ts).
 * `issue` says where and which rule it breaks; the UI words it from its kind.
 */
export class ManifestError extends Error {
	override name = 'ManifestError';
	readonly issue: ValidationIssue | undefined;
	constructor(message: string, issue?: ValidationIssue) {
		super(message);
		this.issue = issue;
	}
}

/**
 * Checks a manifest and resolves its archive paths against `baseUrl` (the manifest's own URL).
 * Throws a ManifestError naming what is wrong.
 */
export function parseManifest(json: unknown, baseUrl: string): AreaTiles {
	const result = v.safeParse(ManifestSchema, json, { abortEarly: true });
	if (!result.success) {
		const issue = toValidationIssue(result.issues[0]);
		if (issue.kind === 'schemaVersion')
			throw new ManifestError(
				`manifest has format version ${JSON.stringify(issue.found ?? null)}; this app reads version ${issue.limit}: the tiles were built by another version of the pipeline`,
				issue,
			);
		throw new ManifestError(`manifest: ${formatIssue(issue)}`, issue);
	}
	const m = result.output;
	const ageSources: Record<string, string> = {};
	for (const [id, src] of Object.entries(m.neighbourhoodSources))
		if (src.ages !== undefined) ageSources[id] = src.ages;
	const municipalDate = Object.values(m.ageShares)
		.map((a) => a.date)
		.find((d) => d !== undefined);
	const files: AreaTiles['files'] = {};
	for (const name of ['analysis', 'search', 'boundaries', 'neighbourhoods'] as const) {
		const f = m.files[name];
		if (f) files[name] = { url: new URL(f.file, baseUrl).href, bytes: f.bytes };
	}
	const hoods = archiveRef(m.archives.neighbourhoods, baseUrl);
	const labels = hoods.layers.includes('neighbourhood_labels')
		? 'neighbourhood_labels'
		: 'neighbourhoods';
	const places = m.archives.places && archiveRef(m.archives.places, baseUrl);
	const basemap = m.archives.basemap && archiveRef(m.archives.basemap, baseUrl);
	const network = m.archives.network && archiveRef(m.archives.network, baseUrl);
	return {
		areaId: m.area.id,
		name: m.area.name,
		...(m.area.names ? { names: m.area.names } : {}),
		municipalities: m.area.municipalities,
		files,
		bbox: (m.area.bbox ?? m.bbox) as AreaTiles['bbox'],
		attribution: OSM_ATTRIBUTION,
		ages: { sources: ageSources, municipalDate },
		archives: {
			neighbourhoods: { ...hoods, layers: { polygons: 'neighbourhoods', labels } },
			...(places?.layers.includes('places') ? { places: { ...places, layer: 'places' } } : {}),
			...(basemap ? { basemap } : {}),
			...(network?.layers.includes('footways') && m.archives.network
				? {
						network: {
							...network,
							layer: 'footways',
							...(network.layers.includes('network_points')
								? {
										pointsLayer: 'network_points',
										...layerCounts(m.archives.network, 'network_points'),
									}
								: {}),
						},
					}
				: {}),
		},
	};
}

/** Fetches and checks an area's manifest. */
export async function loadAreaTiles(
	areaId: string,
	origin: string = location.origin,
	fetchImpl: typeof fetch = fetch,
): Promise<AreaTiles> {
	if (!/^[a-z0-9-]+$/.test(areaId)) throw new ManifestError(`invalid area id "${areaId}"`);
	const url = `${origin}/tiles/${areaId}/manifest.json`;
	const response = await fetchImpl(url);
	if (!response.ok) throw new ManifestError(`${url}: HTTP ${response.status}`);
	let json: unknown;
	try {
		json = await response.json();
	} catch {
		throw new ManifestError(`${url} is not valid JSON`);
	}
	return parseManifest(json, url);
}

/** A file of the area as JSON; an Error names the file and an HTTP error or JSON that is not. */
async function fetchJson(ref: FileRef, fetchImpl: typeof fetch): Promise<unknown> {
	const response = await fetchImpl(ref.url);
	if (!response.ok) throw new Error(`${ref.url}: HTTP ${response.status}`);
	try {
		return (await response.json()) as unknown;
	} catch {
		throw new Error(`${ref.url} is not valid JSON`);
	}
}

/** One neighbourhood of `neighbourhoods.geojson`: its statistical code, name, municipality and polygon. */
export interface NeighbourhoodPolygon {
	id: string;
	name: string;
	/** Its municipality's NIS code ('' when the file does not say). */
	municipalityNis: string;
	geometry: Polygon | MultiPolygon;
}

/**
 * Reads an area's neighbourhood polygons (the manifest's `files.neighbourhoods`). Throws an Error
 * naming the file and what is wrong: an HTTP error, not JSON, not a FeatureCollection, or the
 * first feature without a string `id` or a (Multi)Polygon.
 */
export async function loadNeighbourhoodPolygons(
	ref: FileRef,
	fetchImpl: typeof fetch = fetch,
): Promise<NeighbourhoodPolygon[]> {
	return parseNeighbourhoodPolygons(await fetchJson(ref, fetchImpl), ref.url);
}

/** The checks of {@link loadNeighbourhoodPolygons} on parsed JSON; `where` names the file. */
export function parseNeighbourhoodPolygons(json: unknown, where: string): NeighbourhoodPolygon[] {
	if (!v.is(NeighbourhoodsFileSchema, json))
		throw new Error(`${where} is not a GeoJSON FeatureCollection`);
	return json.features.map((f: unknown, i): NeighbourhoodPolygon => {
		const feature = v.safeParse(
			v.object({ properties: NeighbourhoodPropertiesSchema, geometry: v.unknown() }),
			f,
		);
		if (!feature.success) throw new Error(`${where}: feature ${i} has no neighbourhood id`);
		const { properties: props, geometry } = feature.output;
		if (!v.is(NeighbourhoodGeometrySchema, geometry))
			throw new Error(`${where}: neighbourhood ${props.id} has no Polygon or MultiPolygon`);
		return {
			id: props.id,
			name: props.name ?? props.id,
			municipalityNis: props.municipality_nis ?? '',
			geometry: geometry as Polygon | MultiPolygon,
		};
	});
}

/** One municipality of `boundaries.geojson`: its NIS code, name and (Multi)Polygon. */
export interface MunicipalityBoundary {
	nis: string;
	name: string;
	geometry: Polygon | MultiPolygon;
}

/**
 * Reads an area's municipality boundaries (the manifest's `files.boundaries`, written by
 * scripts/lib/boundaries.ts). Throws an Error naming the file and what is wrong; a feature without
 * a NIS code or a (Multi)Polygon is left out (it can hold no point).
 */
export async function loadMunicipalityBoundaries(
	ref: FileRef,
	fetchImpl: typeof fetch = fetch,
): Promise<MunicipalityBoundary[]> {
	const json = await fetchJson(ref, fetchImpl);
	if (!v.is(NeighbourhoodsFileSchema, json))
		throw new Error(`${ref.url} is not a GeoJSON FeatureCollection`);
	return json.features.flatMap((f: unknown): MunicipalityBoundary[] => {
		const feature = v.safeParse(
			v.object({
				properties: v.object({
					nis: v.pipe(v.string(), v.nonEmpty()),
					name: v.optional(v.string()),
				}),
				geometry: NeighbourhoodGeometrySchema,
			}),
			f,
		);
		if (!feature.success) return [];
		const { properties, geometry } = feature.output;
		return [
			{
				nis: properties.nis,
				name: properties.name ?? properties.nis,
				geometry: geometry as Polygon | MultiPolygon,
			},
		];
	});
}
