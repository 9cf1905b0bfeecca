/**
 * Neighbourhood summaries and overlay outputs of a coverage result: residents, 65+ and 80+ beyond
 * the norm per neighbourhood, per-origin GeoJSON points, aggregated grid cells, and the CSV table.
 *
 * Honest gaps: an origin without a figure carries a reason from the bundle (edge of data, farther
 * than the access limit from every way, on an isolated fragment of the network) and is reported
 * apart, never as a gap. A category with no place in the data is "none mapped": a state of its
 * own in the summary, the CSV and the GeoJSON — never "100 % beyond the norm", never 0 m.
 */
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { NO_NEIGHBOURHOOD, ORIGIN_REASONS, type AnalysisBundle } from './bundle.ts';
import type { CoverageResult } from './engine.ts';
import { metresPerDegree } from './geo.ts';

/**
 * `measured`: the category has places (in the bundle or planned), the beyond figures are counted;
 * `none_mapped`: no place of the category in the data, so no distance and no beyond figure.
 */
export type SummaryState = 'measured' | 'none_mapped';

/** One neighbourhood's row. Counts are residents (persons, estimated, may be fractional). */
export interface NeighbourhoodSummary {
	neighbourhoodId: string;
	name: string;
	/** Whether the category could be measured at all (see {@link SummaryState}). */
	state: SummaryState;
	/** Residents of the origins counted (those with a reason for no figure excluded). */
	residents: number;
	residents65: number;
	residents80: number;
	/** Of those, farther than the norm (or not connected to any place); null when none mapped. */
	beyondResidents: number | null;
	beyond65: number | null;
	beyond80: number | null;
	/** beyond / residents, 0..1 (0 when no residents); null when none mapped. */
	beyondShare: number | null;
	beyond65Share: number | null;
	beyond80Share: number | null;
	/** Residents of edge-of-data origins: reported apart, never counted as a gap. */
	edgeOfDataResidents: number;
	edgeOfData65: number;
	edgeOfData80: number;
	/** Residents of origins farther than the access limit from every way: reported apart. */
	beyondAccessLimitResidents: number;
	/** Residents of origins whose nearest way lies on an isolated fragment: reported apart. */
	isolatedFragmentResidents: number;
	/** Origins (address points) per reason for no figure. */
	originsEdgeOfData: number;
	originsBeyondAccessLimit: number;
	originsIsolatedFragment: number;
	/** Share (0..1) of the counted path length that rests on unknown data, residents-weighted. */
	unknownShare: number;
	/**
	 * The residents {@link unknownShare} weights: those counted whose way has a length (a place
	 * reached, not at it). A total share of several rows is Σ share × weight ÷ Σ weight.
	 */
	unknownWeight: number;
	/** The neighbourhood's share covered by the extract (from the bundle). */
	coverageShare: number;
}

const share = (a: number, b: number): number => (b > 0 ? a / b : 0);

/**
 * Whether a result's category is "none mapped": no place of it in the bundle and none planned.
 *
 * @example isNoneMapped(bundle, engine.coverage({ categoryId: 'home_care', profile: 'walking' }).result) // true in the sample
 */
export function isNoneMapped(bundle: AnalysisBundle, result: CoverageResult): boolean {
	return (
		result.placeCount === 0 &&
		result.unconnectedPlaceIds.length === 0 &&
		!bundle.places.categoryIds.some((c) => c.includes(result.categoryId))
	);
}

/** A measured row with no one in it yet, for a neighbourhood of that id, name and extract coverage. */
export function blankSummary(
	neighbourhoodId: string,
	name: string,
	coverageShare: number,
): NeighbourhoodSummary {
	return {
		neighbourhoodId,
		name,
		state: 'measured',
		residents: 0,
		residents65: 0,
		residents80: 0,
		beyondResidents: 0,
		beyond65: 0,
		beyond80: 0,
		beyondShare: 0,
		beyond65Share: 0,
		beyond80Share: 0,
		edgeOfDataResidents: 0,
		edgeOfData65: 0,
		edgeOfData80: 0,
		beyondAccessLimitResidents: 0,
		isolatedFragmentResidents: 0,
		originsEdgeOfData: 0,
		originsBeyondAccessLimit: 0,
		originsIsolatedFragment: 0,
		unknownShare: 0,
		unknownWeight: 0,
		coverageShare,
	};
}

/** An empty row for neighbourhood `k` (k = neighbourhoods.length: outside the neighbourhoods). */
function emptyRow(bundle: AnalysisBundle, k: number): NeighbourhoodSummary {
	const n = bundle.neighbourhoods[k];
	return n ? blankSummary(n.id, n.name, n.coverageShare) : blankSummary('', '', 0);
}

/**
 * Adds origin `i` to its row; `unk` holds the row's residents-weighted unknown-share numerator and
 * denominator at [2k], [2k + 1].
 */
function addOrigin(
	bundle: AnalysisBundle,
	result: CoverageResult,
	normM: number,
	row: NeighbourhoodSummary,
	unk: Float64Array,
	k: number,
	i: number,
): void {
	const o = bundle.origins;
	const r = o.residents[i] as number;
	const r65 = o.residents65[i] as number;
	const r80 = o.residents80[i] as number;
	// why it has no figure (what the data cannot say; one with no usable way near has one: Infinity)
	const reason = result.originReason[i] as number;
	if (reason === 1) {
		row.edgeOfDataResidents += r;
		row.edgeOfData65 += r65;
		row.edgeOfData80 += r80;
		row.originsEdgeOfData++;
		return;
	}
	if (reason === 2) {
		row.beyondAccessLimitResidents += r;
		row.originsBeyondAccessLimit++;
		return;
	}
	if (reason === 3) {
		row.isolatedFragmentResidents += r;
		row.originsIsolatedFragment++;
		return;
	}
	row.residents += r;
	row.residents65 += r65;
	row.residents80 += r80;
	const d = result.distanceM[i] as number;
	if (!(d <= normM)) {
		row.beyondResidents = (row.beyondResidents as number) + r;
		row.beyond65 = (row.beyond65 as number) + r65;
		row.beyond80 = (row.beyond80 as number) + r80;
	}
	if (Number.isFinite(d) && d > 0) {
		unk[2 * k]! += r * ((result.unknownM[i] as number) / d);
		unk[2 * k + 1]! += r;
	}
}

function finishRow(
	row: NeighbourhoodSummary,
	unk: Float64Array,
	k: number,
	noneMapped: boolean,
): void {
	row.unknownShare = share(unk[2 * k] as number, unk[2 * k + 1] as number);
	row.unknownWeight = unk[2 * k + 1] as number;
	if (noneMapped) {
		row.state = 'none_mapped';
		row.beyondResidents = null;
		row.beyond65 = null;
		row.beyond80 = null;
		row.beyondShare = null;
		row.beyond65Share = null;
		row.beyond80Share = null;
		return;
	}
	row.beyondShare = share(row.beyondResidents as number, row.residents);
	row.beyond65Share = share(row.beyond65 as number, row.residents65);
	row.beyond80Share = share(row.beyond80 as number, row.residents80);
}

const checkNorm = (normM: number): void => {
	if (!(normM > 0)) throw new Error(`norm must be a distance in metres > 0, got ${normM}`);
};

/**
 * Summarises a coverage result per neighbourhood for a norm in metres. Origins without a
 * neighbourhood are gathered under id '' ("outside the neighbourhoods").
 *
 * @param normM the norm: an origin is beyond it when its distanceM > normM.
 * @example summarizeByNeighbourhood(bundle, run.result, 800)
 */
export function summarizeByNeighbourhood(
	bundle: AnalysisBundle,
	result: CoverageResult,
	normM: number,
): NeighbourhoodSummary[] {
	checkNorm(normM);
	const nbs = bundle.neighbourhoods;
	const rows = Array.from({ length: nbs.length + 1 }, (_, k) => emptyRow(bundle, k));
	const unk = new Float64Array(2 * (nbs.length + 1));
	const o = bundle.origins;
	for (let i = 0; i < o.count; i++) {
		const nb = o.neighbourhood[i] as number;
		const k = nb === NO_NEIGHBOURHOOD ? nbs.length : nb;
		addOrigin(bundle, result, normM, rows[k] as NeighbourhoodSummary, unk, k, i);
	}
	const noneMapped = isNoneMapped(bundle, result);
	rows.forEach((row, k) => finishRow(row, unk, k, noneMapped));
	const outside = rows[nbs.length] as NeighbourhoodSummary;
	const outsideResidents =
		outside.residents +
		outside.edgeOfDataResidents +
		outside.beyondAccessLimitResidents +
		outside.isolatedFragmentResidents;
	if (outsideResidents > 0) return rows;
	return rows.slice(0, nbs.length);
}

/** Origins per neighbourhood (CSR, ascending origin order); the last group is "outside". */
export interface NeighbourhoodIndex {
	/** Origins of neighbourhood k are `origins[offsets[k] .. offsets[k + 1] - 1]`. */
	offsets: Uint32Array;
	origins: Uint32Array;
}

/** Groups the bundle's origins by neighbourhood (k = neighbourhoods.length: outside). */
export function neighbourhoodIndex(bundle: AnalysisBundle): NeighbourhoodIndex {
	const o = bundle.origins;
	const K = bundle.neighbourhoods.length + 1;
	const group = (i: number): number => {
		const nb = o.neighbourhood[i] as number;
		return nb === NO_NEIGHBOURHOOD ? K - 1 : nb;
	};
	const offsets = new Uint32Array(K + 1);
	for (let i = 0; i < o.count; i++) offsets[group(i) + 1]! += 1;
	for (let k = 0; k < K; k++) offsets[k + 1]! += offsets[k] as number;
	const fill = offsets.slice(0, K);
	const origins = new Uint32Array(o.count);
	for (let i = 0; i < o.count; i++) origins[fill[group(i)]!++] = i;
	return { offsets, origins };
}

/**
 * The summary rows of the neighbourhoods of `origins` only (after a what-if edit changed them),
 * each summed over all its origins in the same order as {@link summarizeByNeighbourhood}, so the
 * rows are equal to that function's. Work is proportional to those neighbourhoods' origins.
 *
 * @returns the rows, in neighbourhood order (the '' row last when an origin has no neighbourhood).
 */
export function summarizeNeighbourhoodsOf(
	bundle: AnalysisBundle,
	result: CoverageResult,
	normM: number,
	origins: ArrayLike<number>,
	index: NeighbourhoodIndex,
): NeighbourhoodSummary[] {
	checkNorm(normM);
	const nbs = bundle.neighbourhoods;
	const o = bundle.origins;
	const ks = new Set<number>();
	for (let j = 0; j < origins.length; j++) {
		const nb = o.neighbourhood[origins[j] as number] as number;
		ks.add(nb === NO_NEIGHBOURHOOD ? nbs.length : nb);
	}
	const unk = new Float64Array(2 * (nbs.length + 1));
	const noneMapped = isNoneMapped(bundle, result);
	return [...ks]
		.sort((a, b) => a - b)
		.map((k) => {
			const row = emptyRow(bundle, k);
			for (let j = index.offsets[k] as number; j < (index.offsets[k + 1] as number); j++) {
				addOrigin(bundle, result, normM, row, unk, k, index.origins[j] as number);
			}
			finishRow(row, unk, k, noneMapped);
			return row;
		});
}

const CSV_COLUMNS: (keyof NeighbourhoodSummary)[] = [
	'neighbourhoodId',
	'name',
	'state',
	'residents',
	'residents65',
	'residents80',
	'beyondResidents',
	'beyond65',
	'beyond80',
	'beyondShare',
	'beyond65Share',
	'beyond80Share',
	'edgeOfDataResidents',
	'edgeOfData65',
	'edgeOfData80',
	'beyondAccessLimitResidents',
	'isolatedFragmentResidents',
	'originsEdgeOfData',
	'originsBeyondAccessLimit',
	'originsIsolatedFragment',
	'unknownShare',
	'coverageShare',
];

/** What a none-mapped row holds in its beyond columns (never a blank, never 0). */
export const NONE_MAPPED = 'none mapped';

function csvCell(v: unknown): string {
	if (v === null) return NONE_MAPPED;
	if (typeof v === 'number')
		return Number.isInteger(v) ? String(v) : v.toFixed(v < 1 && v > -1 ? 4 : 1);
	const s = String(v);
	return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The summary as CSV (comma-separated, header row, residents to 0.1, shares to 0.0001). A row of a
 * category with no place has state `none_mapped` and "none mapped" in its beyond columns.
 */
export function summaryToCsv(rows: readonly NeighbourhoodSummary[]): string {
	// residents65 → residents_65, beyond65Share → beyond_65_share
	const snake = (k: string): string =>
		k
			.replace(/([a-z])([A-Z0-9])/g, '$1_$2')
			.replace(/([0-9])([A-Z])/g, '$1_$2')
			.toLowerCase();
	const lines = [CSV_COLUMNS.map(snake).join(',')];
	for (const r of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(','));
	return `${lines.join('\n')}\n`;
}

/** Properties of an origin point in the GeoJSON export. */
export interface OriginProperties {
	id: string;
	/** Metres to the nearest place, access legs included; null when no place is reachable. */
	distance_m: number | null;
	/** Minutes for the profile; null when unreachable. */
	time_min: number | null;
	place_id: string | null;
	/** Share (0..1) of the path length on unknown data; null when unreachable. */
	unknown_share: number | null;
	residents: number;
	residents_65: number;
	residents_80: number;
	neighbourhood_id: string | null;
	edge_of_data: boolean;
	/**
	 * Why it has no figure (`edge_of_data`, `beyond_access_limit`, `isolated_fragment`), or
	 * `none_mapped` when the category has no place in the data; null when it has a figure.
	 */
	no_figure_reason: string | null;
	/** True when distance_m > norm (or unreachable) and no reason applies; only with a norm. */
	beyond_norm?: boolean;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/**
 * Every origin as a GeoJSON Point with its result (coordinates to 1e-7°, distances to 0.1 m).
 *
 * @param placeId maps a place label to its id (CoverageRun.placeId).
 */
export function originsToGeoJSON(
	bundle: AnalysisBundle,
	result: CoverageResult,
	placeId: (label: number) => string | undefined,
	normM?: number,
): FeatureCollection<Point, OriginProperties> {
	const o = bundle.origins;
	const noneMapped = isNoneMapped(bundle, result);
	const features: FeatureCollection<Point, OriginProperties>['features'] = [];
	for (let i = 0; i < o.count; i++) {
		const d = result.distanceM[i] as number;
		const ok = Number.isFinite(d);
		const nb = o.neighbourhood[i] as number;
		const r = result.originReason[i] as number;
		const props: OriginProperties = {
			id: o.ids[i] as string,
			distance_m: ok ? round(d, 1) : null,
			time_min: ok ? round((result.timeS[i] as number) / 60, 2) : null,
			place_id: ok ? (placeId(result.placeLabel[i] as number) ?? null) : null,
			unknown_share: ok ? round(d > 0 ? (result.unknownM[i] as number) / d : 0, 4) : null,
			residents: round(o.residents[i] as number, 3),
			residents_65: round(o.residents65[i] as number, 3),
			residents_80: round(o.residents80[i] as number, 3),
			neighbourhood_id: nb === NO_NEIGHBOURHOOD ? null : (bundle.neighbourhoods[nb]?.id ?? null),
			edge_of_data: o.edgeOfData[i] === 1,
			no_figure_reason: r !== 0 ? (ORIGIN_REASONS[r] ?? null) : noneMapped ? 'none_mapped' : null,
		};
		if (normM !== undefined && !noneMapped) props.beyond_norm = r === 0 && !(d <= normM);
		features.push({
			type: 'Feature',
			geometry: {
				type: 'Point',
				coordinates: [o.lngLat[i * 2] as number, o.lngLat[i * 2 + 1] as number],
			},
			properties: props,
		});
	}
	return { type: 'FeatureCollection', features };
}

/** Properties of a grid cell. */
export interface CellProperties {
	/** Column and row of the cell in the grid. */
	col: number;
	row: number;
	residents: number;
	residents_65: number;
	/** Residents-weighted mean distance of reachable origins, metres; null when none reachable. */
	mean_distance_m: number | null;
	/** Largest distance of the cell's origins, metres; null when none reachable. */
	max_distance_m: number | null;
	/** Residents farther than the norm (origins without a figure excluded); null when none mapped. */
	beyond_residents: number | null;
	beyond_65: number | null;
	/** Residents of edge-of-data origins in the cell. */
	edge_of_data_residents: number;
	/** Residents of origins beyond the access limit or on an isolated fragment (no figure). */
	no_figure_residents: number;
	/** Residents-weighted share of path length on unknown data. */
	unknown_share: number;
}

/**
 * Aggregates origins into square cells of `cellM` metres (a regular grid on a local
 * equirectangular projection anchored at the bundle bbox's south-west corner). Only cells with
 * origins are returned. With `neighbourhoodIds`, only the origins of those neighbourhoods count
 * (a saved analysis keeps the cells of the municipality it is saved for).
 */
export function cellsToGeoJSON(
	bundle: AnalysisBundle,
	result: CoverageResult,
	normM: number,
	cellM = 200,
	neighbourhoodIds?: readonly string[],
): FeatureCollection<Polygon, CellProperties> {
	if (!(cellM > 0)) throw new Error(`cell size must be > 0 m, got ${cellM}`);
	const [west, south, , north] = bundle.meta.bbox;
	const midLat = (south + north) / 2;
	const { kx, ky } = metresPerDegree(midLat);
	const dLat = cellM / ky;
	const dLng = cellM / kx;
	const noneMapped = isNoneMapped(bundle, result);
	const cells = new Map<string, CellProperties & { wsum: number; unum: number }>();
	const o = bundle.origins;
	const keep = neighbourhoodIds && new Set(neighbourhoodIds);
	for (let i = 0; i < o.count; i++) {
		if (keep) {
			const nb = o.neighbourhood[i] as number;
			const id = nb === NO_NEIGHBOURHOOD ? undefined : bundle.neighbourhoods[nb]?.id;
			if (id === undefined || !keep.has(id)) continue;
		}
		const col = Math.floor(((o.lngLat[i * 2] as number) - west) / dLng);
		const row = Math.floor(((o.lngLat[i * 2 + 1] as number) - south) / dLat);
		const k = `${col},${row}`;
		let c = cells.get(k);
		if (!c) {
			c = {
				col,
				row,
				residents: 0,
				residents_65: 0,
				mean_distance_m: null,
				max_distance_m: null,
				beyond_residents: 0,
				beyond_65: 0,
				edge_of_data_residents: 0,
				no_figure_residents: 0,
				unknown_share: 0,
				wsum: 0,
				unum: 0,
			};
			cells.set(k, c);
		}
		const r = o.residents[i] as number;
		if (o.edgeOfData[i] === 1) {
			c.edge_of_data_residents += r;
			continue;
		}
		if (result.originReason[i] !== 0) {
			c.no_figure_residents += r;
			continue;
		}
		c.residents += r;
		c.residents_65 += o.residents65[i] as number;
		const d = result.distanceM[i] as number;
		if (!(d <= normM)) {
			c.beyond_residents = (c.beyond_residents as number) + r;
			c.beyond_65 = (c.beyond_65 as number) + (o.residents65[i] as number);
		}
		if (Number.isFinite(d)) {
			c.mean_distance_m = (c.mean_distance_m ?? 0) + r * d;
			c.wsum += r;
			c.max_distance_m = Math.max(c.max_distance_m ?? 0, d);
			if (d > 0) c.unum += r * ((result.unknownM[i] as number) / d);
		}
	}
	const keys = [...cells.keys()].sort();
	return {
		type: 'FeatureCollection',
		features: keys.map((k) => {
			const c = cells.get(k) as CellProperties & { wsum: number; unum: number };
			const x0 = west + c.col * dLng;
			const y0 = south + c.row * dLat;
			const { wsum, unum, ...props } = c;
			props.mean_distance_m =
				props.mean_distance_m !== null && wsum > 0 ? round(props.mean_distance_m / wsum, 1) : null;
			props.max_distance_m = props.max_distance_m !== null ? round(props.max_distance_m, 1) : null;
			props.unknown_share = wsum > 0 ? round(unum / wsum, 4) : 0;
			props.residents = round(props.residents, 2);
			props.residents_65 = round(props.residents_65, 2);
			props.beyond_residents = noneMapped ? null : round(props.beyond_residents as number, 2);
			props.beyond_65 = noneMapped ? null : round(props.beyond_65 as number, 2);
			props.edge_of_data_residents = round(props.edge_of_data_residents, 2);
			props.no_figure_residents = round(props.no_figure_residents, 2);
			const ring: [number, number][] = [
				[x0, y0],
				[x0 + dLng, y0],
				[x0 + dLng, y0 + dLat],
				[x0, y0 + dLat],
				[x0, y0],
			].map(([x, y]) => [round(x as number, 7), round(y as number, 7)]);
			return {
				type: 'Feature' as const,
				geometry: { type: 'Polygon' as const, coordinates: [ring] },
				properties: props,
			};
		}),
	};
}
