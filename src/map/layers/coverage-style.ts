/**
 * The gap analysis on the map, as pure builders: address points coloured by walking distance,
 * walking time or shortfall against the norm; neighbourhoods shaded by the share of residents 65+
 * beyond the norm; the edge of the data hatched; planned places and "where next" suggestions.
 * An origin without a figure keeps its own look (edge of data: hatched area, hollow grey point; no
 * figure for another reason: grey); a category with no place in the data is grey throughout.
 */
import type {
	CircleLayerSpecification,
	ExpressionSpecification,
	FillLayerSpecification,
	SymbolLayerSpecification,
} from 'maplibre-gl';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { LABEL_FONT, NEIGHBOURHOODS_SOURCE } from './neighbourhoods-style.ts';

/** What colours the address points. */
export const COLOUR_BY = ['distance', 'time', 'shortfall'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];

/** An origin's look: within or beyond the norm, no figure (with why), or the category none mapped. */
export type OriginLook = 'within' | 'beyond' | 'unreachable' | 'edge' | 'nofig' | 'none';

/** The classes of each colouring, bottom up: upper bound (inclusive; Infinity last) and colour. */
export function classesOf(colourBy: ColourBy, normM: number): { upTo: number; colour: string }[] {
	const colours = ['#1a9850', '#91cf60', '#fc8d59', '#d73027'];
	const bounds =
		colourBy === 'distance'
			? [normM / 2, normM, normM * 1.5, Infinity]
			: colourBy === 'time'
				? [5, 10, 15, Infinity]
				: [0, 250, 500, Infinity];
	return bounds.map((upTo, i) => ({ upTo, colour: colours[i] as string }));
}

export const NO_FIGURE_COLOUR = '#8c8c8c';
export const UNREACHABLE_COLOUR = '#67001f';

/** The value an origin is coloured by: metres, minutes, or metres beyond the norm (0 within). */
export function valueOf(
	colourBy: ColourBy,
	distanceM: number,
	timeS: number,
	normM: number,
): number {
	if (colourBy === 'time') return Math.round((timeS / 60) * 10) / 10;
	if (colourBy === 'shortfall') return Math.max(0, Math.round(distanceM - normM));
	return Math.round(distanceM);
}

export interface OriginFeatureProps {
	look: OriginLook;
	/** The coloured value (see {@link valueOf}); null without a figure. */
	v: number | null;
}

/**
 * Every origin as a point with its look and value for the overlay.
 *
 * @param reason why an origin has no figure, per origin (null: it has one).
 */
export function originFeatures(
	lngLat: Float64Array,
	reason: readonly (string | null)[],
	distanceM: Float64Array,
	timeS: Float64Array,
	normM: number,
	colourBy: ColourBy,
	noneMapped: boolean,
): FeatureCollection<Point, OriginFeatureProps> {
	const features: Feature<Point, OriginFeatureProps>[] = [];
	for (let i = 0; i < reason.length; i++) {
		const r = reason[i];
		const d = distanceM[i] as number;
		let look: OriginLook;
		let v: number | null = null;
		if (r === 'edge_of_data') look = 'edge';
		else if (r) look = 'nofig';
		else if (noneMapped) look = 'none';
		else if (!Number.isFinite(d)) look = 'unreachable';
		else {
			look = d <= normM ? 'within' : 'beyond';
			v = valueOf(colourBy, d, timeS[i] as number, normM);
		}
		features.push({
			type: 'Feature',
			geometry: {
				type: 'Point',
				coordinates: [lngLat[2 * i] as number, lngLat[2 * i + 1] as number],
			},
			properties: { look, v },
		});
	}
	return { type: 'FeatureCollection', features };
}

/** Shading of a neighbourhood by its share (0..1) of residents 65+ beyond the norm. */
export const SHARE_CLASSES: readonly { from: number; colour: string }[] = [
	{ from: 0, colour: '#fff5eb' },
	{ from: 0.1, colour: '#fdd0a2' },
	{ from: 0.25, colour: '#fd8d3c' },
	{ from: 0.5, colour: '#d94801' },
];

/** The fill colour expression of the neighbourhoods: by id, transparent for any not listed. */
export function neighbourhoodFill(
	shares: Readonly<Record<string, number>>,
): ExpressionSpecification | string {
	const ids = Object.keys(shares).filter((id) => id !== '');
	if (ids.length === 0) return 'rgba(0,0,0,0)';
	const colourOf = (s: number): string =>
		[...SHARE_CLASSES].reverse().find((c) => s >= c.from)?.colour ??
		(SHARE_CLASSES[0]?.colour as string);
	const pairs: string[] = [];
	for (const id of ids.sort()) pairs.push(id, colourOf(shares[id] as number));
	return [
		'match',
		['to-string', ['get', 'id']],
		...pairs,
		'rgba(0,0,0,0)',
	] as ExpressionSpecification;
}

/** The id of the hatch pattern image. */
export const HATCH_IMAGE = 'coverage-hatch';

/** A 12 × 12 RGBA hatch (diagonal dark grey lines on transparent) for the edge of the data. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
	const size = 12;
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++)
		for (let x = 0; x < size; x++) {
			const onLine = (x + y) % size < 2;
			const k = (y * size + x) * 4;
			data[k] = 60;
			data[k + 1] = 60;
			data[k + 2] = 60;
			data[k + 3] = onLine ? 200 : 0;
		}
	return { width: size, height: size, data };
}

/**
 * The layers of the coverage overlay: neighbourhood shading (from the area's neighbourhoods
 * archive), hatched edge-of-data cells (source `coverage-edge`), origins (source `coverage`).
 */
export function coverageLayers(
	neighbourhoodLayer: string,
	shares: Readonly<Record<string, number>>,
	colourBy: ColourBy,
	normM: number,
): {
	neighbourhoods: FillLayerSpecification;
	edge: FillLayerSpecification;
	origins: CircleLayerSpecification;
} {
	const steps: (string | number)[] = [];
	classesOf(colourBy, normM).forEach((c, i, all) => {
		if (i === 0) steps.push(c.colour);
		const next = all[i + 1];
		if (next) steps.push(c.upTo + (colourBy === 'time' ? 0.05 : 0.5), next.colour);
	});
	return {
		neighbourhoods: {
			id: 'coverage-neighbourhoods',
			type: 'fill',
			source: NEIGHBOURHOODS_SOURCE,
			'source-layer': neighbourhoodLayer,
			paint: {
				'fill-color': neighbourhoodFill(shares) as never,
				'fill-opacity': ['interpolate', ['linear'], ['zoom'], 11, 0.55, 15, 0.2],
			},
		},
		edge: {
			id: 'coverage-edge',
			type: 'fill',
			source: 'coverage-edge',
			paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.9 },
		},
		origins: {
			id: 'coverage-origins',
			type: 'circle',
			source: 'coverage',
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 1.5, 16, 5],
				'circle-color': [
					'match',
					['get', 'look'],
					['within', 'beyond'],
					['step', ['coalesce', ['get', 'v'], 0], ...steps],
					'unreachable',
					UNREACHABLE_COLOUR,
					NO_FIGURE_COLOUR,
				] as never,
				'circle-opacity': ['match', ['get', 'look'], 'edge', 0, 0.9] as never,
				'circle-stroke-color': NO_FIGURE_COLOUR,
				'circle-stroke-width': ['match', ['get', 'look'], 'edge', 1, 0] as never,
			},
		},
	};
}

/** A stored overlay cell on the map: its value (mean walking distance, m; null: no figure). */
export interface StoredCellProps {
	v: number | null;
}

/** The cells of one category of a saved analysis (as `analysis_cells` keeps them) for the map. */
export function storedCellFeatures(
	cells: readonly {
		geometry: Polygon;
		value: number | null;
		properties: Record<string, unknown>;
	}[],
	categoryId: string,
): FeatureCollection<Polygon, StoredCellProps> {
	return {
		type: 'FeatureCollection',
		features: cells
			.filter((c) => c.properties.category === categoryId)
			.map((c) => ({ type: 'Feature', geometry: c.geometry, properties: { v: c.value } })),
	};
}

/**
 * The fill of a saved analysis's stored cells (source `coverage-stored`): the mean walking
 * distance in the distance classes of the norm, grey without a figure.
 */
export function storedCellsLayer(normM: number): FillLayerSpecification {
	const steps: (string | number)[] = [];
	classesOf('distance', normM).forEach((c, i, all) => {
		if (i === 0) steps.push(c.colour);
		const next = all[i + 1];
		if (next) steps.push(c.upTo + 0.5, next.colour);
	});
	return {
		id: 'coverage-stored-cells',
		type: 'fill',
		source: 'coverage-stored',
		paint: {
			'fill-color': [
				'case',
				['==', ['get', 'v'], null],
				NO_FIGURE_COLOUR,
				['step', ['get', 'v'], ...steps],
			] as never,
			'fill-opacity': 0.6,
			'fill-outline-color': 'rgba(255,255,255,0.6)',
		},
	};
}

/** A planned place or a "where next" suggestion on the map. */
export interface MarkProps {
	kind: 'planned' | 'suggested';
	label: string;
}

/** Square cells of the edge of the data as polygons (from the worker's cells). */
export type EdgeCells = FeatureCollection<Polygon>;

/** The layers of planned places and suggestions (source `coverage-marks`). */
export function markLayers(): [
	CircleLayerSpecification,
	CircleLayerSpecification,
	SymbolLayerSpecification,
] {
	const circle = (kind: MarkProps['kind'], colour: string): CircleLayerSpecification => ({
		id: kind === 'planned' ? 'coverage-planned' : 'coverage-suggested',
		type: 'circle',
		source: 'coverage-marks',
		filter: ['==', ['get', 'kind'], kind],
		paint: {
			'circle-radius': 11,
			'circle-color': colour,
			'circle-stroke-color': '#ffffff',
			'circle-stroke-width': 2,
		},
	});
	return [
		circle('suggested', '#6a3d9a'),
		circle('planned', '#1f4e9c'),
		{
			id: 'coverage-marks-label',
			type: 'symbol',
			source: 'coverage-marks',
			layout: {
				'text-field': ['get', 'label'],
				'text-font': LABEL_FONT,
				'text-size': 12,
				'text-allow-overlap': true,
			},
			paint: { 'text-color': '#ffffff' },
		},
	];
}
