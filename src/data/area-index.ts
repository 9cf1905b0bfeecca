/**
 * The areas the app can open: `tiles/areas.json`, written by the pipeline
 * (scripts/lib/area-index.ts) with every built area's id, name, municipalities, bbox and build date.
 */
import { LANGUAGES, type Lang } from '../i18n/messages.ts';
import { ManifestError } from './tiles.ts';

/** One built area. */
export interface AreaSummary {
	id: string;
	name: string;
	/** The name where a language writes it otherwise (shown by i18n's areaName). */
	names?: Partial<Record<Lang, string>>;
	municipalities: { nis: string; name: string }[];
	/** [west, south, east, north] in degrees. */
	bbox: [number, number, number, number];
	/** When the pipeline built it (ISO 8601). */
	builtAt: string;
}

const AREA_ID = /^[a-z0-9-]+$/;

/** The names by language of an index entry: only the app's languages, only non-empty text. */
function namesOf(names: Record<string, unknown>): Partial<Record<Lang, string>> {
	const out: Partial<Record<Lang, string>> = {};
	for (const lang of LANGUAGES) {
		const name = names[lang];
		if (typeof name === 'string' && name.trim() !== '') out[lang] = name;
	}
	return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks the index; an entry that is not an area (bad id, no name or bbox) is left out rather
 * than failing the others. Throws a ManifestError when the file is not an index at all.
 */
export function parseAreaIndex(json: unknown): AreaSummary[] {
	if (!isRecord(json) || !Array.isArray(json.areas))
		throw new ManifestError('areas.json has no list of areas');
	return json.areas.flatMap((a): AreaSummary[] => {
		if (!isRecord(a) || typeof a.id !== 'string' || !AREA_ID.test(a.id)) return [];
		if (typeof a.name !== 'string' || !Array.isArray(a.bbox) || a.bbox.length !== 4) return [];
		if (!a.bbox.every((v) => typeof v === 'number' && Number.isFinite(v))) return [];
		return [
			{
				id: a.id,
				name: a.name,
				...(isRecord(a.names) ? { names: namesOf(a.names) } : {}),
				municipalities: (Array.isArray(a.municipalities) ? a.municipalities : [])
					.filter(isRecord)
					.map((m) => ({ nis: String(m.nis ?? ''), name: String(m.name ?? '') })),
				bbox: a.bbox as [number, number, number, number],
				builtAt: typeof a.builtAt === 'string' ? a.builtAt : '',
			},
		];
	});
}

/** Fetches and checks `tiles/areas.json`. */
export async function loadAreaIndex(
	origin: string = location.origin,
	fetchImpl: typeof fetch = fetch,
): Promise<AreaSummary[]> {
	const url = `${origin}/tiles/areas.json`;
	const response = await fetchImpl(url);
	if (!response.ok) throw new ManifestError(`${url}: HTTP ${response.status}`);
	let json: unknown;
	try {
		json = await response.json();
	} catch {
		throw new ManifestError(`${url} is not valid JSON`);
	}
	return parseAreaIndex(json);
}

/** Where this device remembers the area it opened last. */
export const AREA_KEY = 'buurtkaart.area';

/** The area this device opened last, if storage is available. */
export function readRemembered(): string | null {
	try {
		return localStorage.getItem(AREA_KEY);
	} catch {
		return null;
	}
}

/**
 * The area to open: the one the link names (`?area=`), else the only one built, else the one this
 * device used last, else none (the resident chooses).
 */
export function pickArea(
	areas: readonly AreaSummary[],
	named: string | undefined,
	remembered: string | null,
): string | undefined {
	if (named) return named;
	if (areas.length === 1) return areas[0]!.id;
	if (remembered && areas.some((a) => a.id === remembered)) return remembered;
	return undefined;
}
