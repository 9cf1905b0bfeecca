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
import { markerBox } from './marker-box.ts';
import { LABEL_FONT, NEIGHBOURHOODS_SOURCE } from './neighbourhoods-style.ts';

/** ORIGIN_REASONS' index of `edge_of_data` (src/analysis/bundle.ts). */
const EDGE_OF_DATA = 1;

/** What colours the address points. */
export const COLOUR_BY = ['distance', 'time', 'shortfall'] as const;
export type ColourBy = (typeof COLOUR_BY)[number];

/** The classes' colours, bottom up (ColorBrewer RdYlGn, four of them). */
const CLASS_COLOURS = ['#1a9850', '#91cf60', '#fc8d59', '#d73027'] as const;

/**
 * The classes of each colouring, bottom up: upper bound (inclusive; Infinity last) and colour.
 * Distance and time: half the norm, the norm, one and a half times it (time: the norm's length at
 * the profile's speed, `speedMps`, which only time needs); shortfall: within the norm, up to
 * 250 m and 500 m beyond it.
 */
export function classesOf(
	colourBy: ColourBy,
	normM: number,
	speedMps?: number,
): { upTo: number; colour: string }[] {
	let bounds: number[];
	if (colourBy === 'distance') bounds = [normM / 2, normM, normM * 1.5, Infinity];
	else if (colourBy === 'time') {
		if (!(speedMps! > 0)) throw new Error(`the time classes need a speed, not ${speedMps}`);
		// the norm's length at the profile's speed, in minutes to a tenth, as distance has it
		const normMin = Math.round((normM / speedMps! / 60) * 10) / 10;
		bounds = [normMin / 2, normMin, normMin * 1.5, Infinity].map((m) => Math.round(m * 10) / 10);
	} else bounds = [0, 250, 500, Infinity];
	return bounds.map((upTo, i) => ({ upTo, colour: CLASS_COLOURS[i] as string }));
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

/**
 * An origin's class on the map, carried as feature-state `c` (see {@link coverageLayers}): the
 * colouring's class 0..3 (within the norm or beyond it), or one of these.
 */
export const ORIGIN_CLASS = {
	/** A figure, but no place of the category reachable. */
	unreachable: 4,
	/** At the edge of the data: a hollow point over the hatched cells. */
	edge: 5,
	/** No figure for another reason, or the category none mapped in the data: grey. */
	noFigure: 6,
} as const;

/**
 * The class of every origin (feature id = origin index) for the colouring: the class of its
 * value among {@link classesOf}, or {@link ORIGIN_CLASS}. One byte per origin; a what-if changes
 * only the origins near the planned place, so only those get new feature-state.
 *
 * @param args as {@link originClassOf}'s.
 */
export function originClasses(...args: Parameters<typeof originClassOf>): Uint8Array {
	const classOf = originClassOf(...args);
	const out = new Uint8Array(args[0].length);
	for (let i = 0; i < out.length; i++) out[i] = classOf(i);
	return out;
}

/**
 * The class of one origin, as {@link originClasses} gives it: for updating only the origins a
 * what-if changed.
 *
 * @param reason why an origin has no figure, per origin, as the run's columns carry it (an index
 *   into ORIGIN_REASONS: 0 it has one, 1 edge of data, 2 or 3 another reason).
 */
export function originClassOf(
	reason: ArrayLike<number>,
	distanceM: Float64Array,
	timeS: Float64Array,
	normM: number,
	colourBy: ColourBy,
	noneMapped: boolean,
	speedMps: number,
): (i: number) => number {
	const bounds = classesOf(colourBy, normM, speedMps).map((c) => c.upTo);
	return (i) => {
		const r = reason[i];
		const d = distanceM[i] as number;
		if (r === EDGE_OF_DATA) return ORIGIN_CLASS.edge;
		if (r !== 0 || noneMapped) return ORIGIN_CLASS.noFigure;
		if (!Number.isFinite(d)) return ORIGIN_CLASS.unreachable;
		const v = valueOf(colourBy, d, timeS[i] as number, normM);
		return bounds.findIndex((upTo) => v <= upTo);
	};
}

/**
 * The origins as points with their index as feature id and no properties: built once per area
 * and sent to the map once; their look comes from feature-state ({@link originClasses}).
 */
export function originPoints(lngLat: Float64Array): FeatureCollection<Point> {
	const features: Feature<Point>[] = [];
	for (let i = 0; i < lngLat.length / 2; i++)
		features.push({
			type: 'Feature',
			id: i,
			geometry: {
				type: 'Point',
				coordinates: [lngLat[2 * i] as number, lngLat[2 * i + 1] as number],
			},
			properties: {},
		});
	return { type: 'FeatureCollection', features };
}

/** Shading of a neighbourhood by its share (0..1) of residents 65+ beyond the norm. */
export const SHARE_CLASSES: readonly { from: number; colour: string }[] = [
	{ from: 0, colour: '#fff5eb' },
	{ from: 0.1, colour: '#fdd0a2' },
	{ from: 0.25, colour: '#fd8d3c' },
	{ from: 0.5, colour: '#d94801' },
];

/** The index in {@link SHARE_CLASSES} of a share, as its whole percentage shows it in the table. */
export function shareClass(share: number): number {
	const shown = Math.round(share * 100) / 100;
	let k = 0;
	SHARE_CLASSES.forEach((c, i) => {
		if (shown >= c.from) k = i;
	});
	return k;
}

/**
 * The neighbourhoods' shading as feature-state `s` (the class of {@link shareClass}) keyed by
 * neighbourhood id (promoted to the features' id on the neighbourhoods source, MapView);
 * neighbourhoods not listed stay transparent. The "" row (addresses outside every neighbourhood)
 * has no polygon.
 */
export function neighbourhoodClasses(
	shares: Readonly<Record<string, number>>,
): Map<string, number> {
	const out = new Map<string, number>();
	for (const [id, share] of Object.entries(shares)) if (id !== '') out.set(id, shareClass(share));
	return out;
}

/** The feature-state keys of the overlay: the origins' class, the neighbourhoods' share class. */
export const ORIGIN_STATE_KEY = 'c';
export const SHARE_STATE_KEY = 's';

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
 * Their paint does not change with the figures: the origins' and neighbourhoods' classes come
 * from feature-state, so a what-if or another colouring repaints without laying anything out.
 * A feature without its state yet is not drawn.
 */
export function coverageLayers(neighbourhoodLayer: string): {
	neighbourhoods: FillLayerSpecification;
	edge: FillLayerSpecification;
	origins: CircleLayerSpecification;
} {
	const colours = CLASS_COLOURS;
	const share: ExpressionSpecification = ['coalesce', ['feature-state', SHARE_STATE_KEY], -1];
	const origin: ExpressionSpecification = ['coalesce', ['feature-state', ORIGIN_STATE_KEY], -1];
	return {
		neighbourhoods: {
			id: 'coverage-neighbourhoods',
			type: 'fill',
			source: NEIGHBOURHOODS_SOURCE,
			'source-layer': neighbourhoodLayer,
			paint: {
				'fill-color': [
					'match',
					share,
					...SHARE_CLASSES.flatMap((c, i) => [i, c.colour]),
					'rgba(0,0,0,0)',
				] as never,
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
					origin,
					...colours.flatMap((c, i) => [i, c]),
					ORIGIN_CLASS.unreachable,
					UNREACHABLE_COLOUR,
					NO_FIGURE_COLOUR,
				] as never,
				'circle-opacity': ['match', origin, [-1, ORIGIN_CLASS.edge], 0, 0.9] as never,
				'circle-stroke-color': NO_FIGURE_COLOUR,
				'circle-stroke-width': ['match', origin, ORIGIN_CLASS.edge, 1, 0] as never,
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

/** The colours of a planned place and of a suggestion. */
export const MARK_COLOURS: Readonly<Record<MarkProps['kind'], string>> = {
	planned: '#1f4e9c',
	suggested: '#6a3d9a',
};

/**
 * The layers of planned places and suggestions (source `coverage-marks`): one circle layer for
 * both, told apart by a data-driven colour, then their labels. Its paint binds the same
 * properties per feature (colour, opacity, stroke width) and the same ones as uniforms (radius,
 * stroke colour, the rest) as the origins' layer ({@link coverageLayers}), so MapLibre draws it
 * with the origins' compiled shader program: the first what-if compiles none (in software WebGL
 * that compile was an 851 ms main-thread task). A suggestion drawn under a planned place: the
 * panel lists the suggestions first.
 */
export function markLayers(): [
	CircleLayerSpecification,
	SymbolLayerSpecification,
	SymbolLayerSpecification,
] {
	const byKind = (planned: string | number, suggested: string | number) =>
		['match', ['get', 'kind'], 'planned', planned, suggested] as ExpressionSpecification;
	const circle: CircleLayerSpecification = {
		id: 'coverage-marks-circle',
		type: 'circle',
		source: 'coverage-marks',
		paint: {
			'circle-radius': 11,
			'circle-color': byKind(MARK_COLOURS.planned, MARK_COLOURS.suggested),
			'circle-opacity': byKind(1, 1),
			'circle-stroke-color': '#ffffff',
			'circle-stroke-width': byKind(2, 2),
		},
	};
	return [
		circle,
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
		markerBox(circle),
	];
}
