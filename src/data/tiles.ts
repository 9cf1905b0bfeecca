/**
 * Where the app finds an area's data: `tiles/<areaId>/manifest.json`, written by the pipeline
 * (scripts/build-area.ts), the PMTiles archives and the other files it lists (analysis bundle,
 * search source, municipality boundaries). Every URL comes from here, never from string literals in
 * components.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { schemaVersionIssue, type ValidationIssue } from '../contracts/manifest.ts';

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

/** An optional archive of the manifest with the layer names it holds, or undefined. */
function optionalArchive(
	archives: Record<string, unknown>,
	name: string,
	baseUrl: string,
): (ArchiveRef & { layers: string[] }) | undefined {
	const entry = archives[name];
	if (!isRecord(entry) || typeof entry.file !== 'string') return undefined;
	return {
		url: new URL(entry.file, baseUrl).href,
		minzoom: typeof entry.minzoom === 'number' ? entry.minzoom : 0,
		maxzoom: typeof entry.maxzoom === 'number' ? entry.maxzoom : 14,
		layers: layerNames(entry.layers),
	};
}

/** The manifest's features per value of one layer of an archive (`counts`), when it has them. */
function layerCounts(
	archive: unknown,
	layer: string,
): { pointCounts: Record<string, number> } | Record<string, never> {
	if (!isRecord(archive) || !Array.isArray(archive.layers)) return {};
	const entry = archive.layers.find((l: unknown) => isRecord(l) && l.id === layer) as unknown;
	if (!isRecord(entry) || !isRecord(entry.counts)) return {};
	const counts: Record<string, number> = {};
	for (const [k, v] of Object.entries(entry.counts))
		if (typeof v === 'number' && Number.isInteger(v) && v >= 0) counts[k] = v;
	return { pointCounts: counts };
}

function layerNames(layers: unknown): string[] {
	return Array.isArray(layers)
		? layers
				.map((l: unknown) => (isRecord(l) ? (l.id ?? l.name) : l))
				.filter((n): n is string => typeof n === 'string')
		: [];
}

/**
 * A manifest that is missing or does not have the shape the app needs. `issue` says which rule it
 * breaks where the UI has its own message for it (a manifest of another format version).
 */
export class ManifestError extends Error {
	override name = 'ManifestError';
	readonly issue: ValidationIssue | undefined;
	constructor(message: string, issue?: ValidationIssue) {
		super(message);
		this.issue = issue;
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isBbox(value: unknown): value is [number, number, number, number] {
	return (
		Array.isArray(value) &&
		value.length === 4 &&
		value.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
		value[0] >= -180 &&
		value[2] <= 180 &&
		value[1] >= -90 &&
		value[3] <= 90 &&
		value[0] < value[2] &&
		value[1] < value[3]
	);
}

/**
 * Checks a manifest and resolves its archive paths against `baseUrl` (the manifest's own URL).
 * Throws a ManifestError naming what is wrong.
 */
export function parseManifest(json: unknown, baseUrl: string): AreaTiles {
	if (!isRecord(json)) throw new ManifestError('manifest is not a JSON object');
	const version = schemaVersionIssue(json);
	if (version)
		throw new ManifestError(
			`manifest has format version ${JSON.stringify(version.found ?? null)}; this app reads version ${version.limit}: the tiles were built by another version of the pipeline`,
			version,
		);
	const area = json.area;
	if (!isRecord(area) || typeof area.id !== 'string' || typeof area.name !== 'string')
		throw new ManifestError('manifest has no area id and name');
	const bbox = area.bbox ?? json.bbox;
	if (!isBbox(bbox))
		throw new ManifestError('manifest has no valid bbox [west, south, east, north]');
	const archives = json.archives;
	if (!isRecord(archives)) throw new ManifestError('manifest lists no archives');
	const hoods = archives.neighbourhoods;
	if (!isRecord(hoods) || typeof hoods.file !== 'string')
		throw new ManifestError('manifest has no neighbourhoods archive');
	const hoodLayers = layerNames(hoods.layers);
	if (!hoodLayers.includes('neighbourhoods'))
		throw new ManifestError('neighbourhoods archive has no "neighbourhoods" layer');
	const labels = hoodLayers.includes('neighbourhood_labels')
		? 'neighbourhood_labels'
		: 'neighbourhoods';
	const files: AreaTiles['files'] = {};
	const listed = isRecord(json.files) ? json.files : {};
	for (const name of ['analysis', 'search', 'boundaries', 'neighbourhoods'] as const) {
		const f = listed[name];
		if (!isRecord(f) || typeof f.file !== 'string') continue;
		files[name] = {
			url: new URL(f.file, baseUrl).href,
			bytes: typeof f.bytes === 'number' ? f.bytes : 0,
		};
	}
	const municipalities = (Array.isArray(area.municipalities) ? area.municipalities : [])
		.filter(isRecord)
		.map((m) => ({ nis: String(m.nis ?? ''), name: String(m.name ?? '') }));
	const ageSources: Record<string, string> = {};
	if (isRecord(json.neighbourhoodSources))
		for (const [id, src] of Object.entries(json.neighbourhoodSources))
			if (isRecord(src) && typeof src.ages === 'string') ageSources[id] = src.ages;
	const municipalDate = isRecord(json.ageShares)
		? Object.values(json.ageShares)
				.map((a) => (isRecord(a) && typeof a.date === 'string' ? a.date : undefined))
				.find((d) => d !== undefined)
		: undefined;
	const places = optionalArchive(archives, 'places', baseUrl);
	const basemap = optionalArchive(archives, 'basemap', baseUrl);
	const network = optionalArchive(archives, 'network', baseUrl);
	return {
		areaId: area.id,
		name: area.name,
		municipalities,
		files,
		bbox,
		attribution: OSM_ATTRIBUTION,
		ages: { sources: ageSources, municipalDate },
		archives: {
			neighbourhoods: {
				url: new URL(hoods.file, baseUrl).href,
				minzoom: typeof hoods.minzoom === 'number' ? hoods.minzoom : 0,
				maxzoom: typeof hoods.maxzoom === 'number' ? hoods.maxzoom : 14,
				layers: { polygons: 'neighbourhoods', labels },
			},
			...(places?.layers.includes('places') ? { places: { ...places, layer: 'places' } } : {}),
			...(basemap ? { basemap } : {}),
			...(network?.layers.includes('footways')
				? {
						network: {
							...network,
							layer: 'footways',
							...(network.layers.includes('network_points')
								? {
										pointsLayer: 'network_points',
										...layerCounts(archives.network, 'network_points'),
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
	const response = await fetchImpl(ref.url);
	if (!response.ok) throw new Error(`${ref.url}: HTTP ${response.status}`);
	let json: unknown;
	try {
		json = await response.json();
	} catch {
		throw new Error(`${ref.url} is not valid JSON`);
	}
	return parseNeighbourhoodPolygons(json, ref.url);
}

/** The checks of {@link loadNeighbourhoodPolygons} on parsed JSON; `where` names the file. */
export function parseNeighbourhoodPolygons(json: unknown, where: string): NeighbourhoodPolygon[] {
	if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features))
		throw new Error(`${where} is not a GeoJSON FeatureCollection`);
	return json.features.map((f: unknown, i): NeighbourhoodPolygon => {
		const props = isRecord(f) && isRecord(f.properties) ? f.properties : {};
		if (typeof props.id !== 'string' || props.id === '')
			throw new Error(`${where}: feature ${i} has no neighbourhood id`);
		const g = isRecord(f) ? f.geometry : undefined;
		if (
			!isRecord(g) ||
			(g.type !== 'Polygon' && g.type !== 'MultiPolygon') ||
			!Array.isArray(g.coordinates)
		)
			throw new Error(`${where}: neighbourhood ${props.id} has no Polygon or MultiPolygon`);
		return {
			id: props.id,
			name: typeof props.name === 'string' ? props.name : props.id,
			municipalityNis: typeof props.municipality_nis === 'string' ? props.municipality_nis : '',
			geometry: g as unknown as Polygon | MultiPolygon,
		};
	});
}
