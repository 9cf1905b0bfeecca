/**
 * The planners' overlays: the route compared with the walking route (avoided stretches in red),
 * the three walksheds side by side (the reachable segments themselves), the top fixes with their
 * rank, the stretches without a bench, and the neighbourhoods shaded by data completeness. Pure
 * builders; the panels set them as overlays.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type {
	CircleLayerSpecification,
	ExpressionSpecification,
	FillLayerSpecification,
	FilterSpecification,
	LineLayerSpecification,
	SymbolLayerSpecification,
} from 'maplibre-gl';
import type { Fix, FixKind } from '../../analysis/fixes.ts';
import { mercatorX, mercatorY } from '../../analysis/geo.ts';
import type { ProfileId } from '../../contracts/profiles.ts';
import type { RouteComparison } from '../../analysis/route.ts';
import { percent } from '../../i18n/messages.ts';
import { BASEMAP_FONT } from '../style/basemap.ts';
import { markerBox } from './marker-box.ts';

/**
 * The route comparison's colours, also the panel's legend: the profile's route in violet (the
 * neighbourhoods' outlines are dark teal, the walksheds blue), the walking route grey and dashed,
 * the stretches of it the profile avoided red.
 */
export const ROUTE_COLOURS = { route: '#5e35b1', walking: '#6b7478', avoided: '#b71c1c' } as const;

/** Colours of the three profiles' walksheds (walking widest and lightest, drawn below). */
export const WALKSHED_COLOURS: Record<ProfileId, string> = {
	walking: '#9ecae1',
	rollator: '#3182bd',
	wheelchair: '#08306b',
};
export const WALKSHED_WIDTHS: Record<ProfileId, number> = {
	walking: 9,
	rollator: 5,
	wheelchair: 2.5,
};

/** The route comparison: walking route, profile route, avoided stretches, A and B. */
export function routeComparisonGeoJson(
	c: RouteComparison | undefined,
	a: [number, number] | undefined,
	b: [number, number] | undefined,
): FeatureCollection {
	const features: Feature[] = [];
	const line = (role: string, coordinates: [number, number][], extra = {}) => {
		if (coordinates.length >= 2)
			features.push({
				type: 'Feature',
				properties: { role, ...extra },
				geometry: { type: 'LineString', coordinates },
			});
	};
	if (c) {
		line('walking', c.walking.coordinates);
		line('route', c.route.coordinates);
		for (const s of c.avoided) line('avoided', s.coordinates, { reasons: s.reasons.join(',') });
	}
	for (const [role, p] of [
		['A', a],
		['B', b],
	] as const) {
		if (p)
			features.push({
				type: 'Feature',
				properties: { role, label: role },
				geometry: { type: 'Point', coordinates: p },
			});
	}
	return { type: 'FeatureCollection', features };
}

/** The points a planner picked (a route's A and B, a walkshed's start): ringed in white. */
function plannerPoints(
	source: string,
	radiusPx: number,
	colour: string | ExpressionSpecification,
): CircleLayerSpecification {
	return {
		id: 'planner-points',
		type: 'circle',
		source,
		filter: ['==', ['geometry-type'], 'Point'],
		paint: {
			'circle-radius': radiusPx,
			'circle-color': colour,
			'circle-stroke-color': '#ffffff',
			'circle-stroke-width': 2,
		},
	};
}

export function routeComparisonLayers(
	source: string,
): [
	LineLayerSpecification,
	LineLayerSpecification,
	LineLayerSpecification,
	CircleLayerSpecification,
	SymbolLayerSpecification,
	SymbolLayerSpecification,
] {
	const round = { 'line-cap': 'round', 'line-join': 'round' } as const;
	// large enough to carry their letter, as the panel names them ("vertrekpunt A")
	const points = plannerPoints(source, 10, ['match', ['get', 'role'], 'A', '#1d4e5f', '#7a3e00']);
	return [
		{
			id: 'planner-walking',
			type: 'line',
			source,
			filter: ['==', ['get', 'role'], 'walking'],
			layout: round,
			paint: { 'line-color': ROUTE_COLOURS.walking, 'line-width': 4, 'line-dasharray': [2, 1.5] },
		},
		{
			id: 'planner-route',
			type: 'line',
			source,
			filter: ['==', ['get', 'role'], 'route'],
			layout: round,
			paint: { 'line-color': ROUTE_COLOURS.route, 'line-width': 5 },
		},
		{
			id: 'planner-avoided',
			type: 'line',
			source,
			filter: ['==', ['get', 'role'], 'avoided'],
			layout: round,
			paint: { 'line-color': ROUTE_COLOURS.avoided, 'line-width': 7 },
		},
		points,
		{
			id: 'planner-points-label',
			type: 'symbol',
			source,
			filter: ['==', ['geometry-type'], 'Point'],
			layout: {
				'text-field': ['get', 'label'],
				'text-font': BASEMAP_FONT,
				'text-size': 13,
				'text-allow-overlap': true,
				// inside its circle, whose twin holds the place in the collision index
				'text-ignore-placement': true,
			},
			paint: { 'text-color': '#ffffff' },
		},
		markerBox(points),
	];
}

/**
 * The walksheds as one collection: a feature per profile (property `profile`), its reached
 * stretches as one MultiLineString built by the worker (drawn as they come, no copy), and the
 * point. One small GeoJSON source: MapLibre lays out only the stretches reached, not the whole
 * network.
 */
export function walkshedsGeoJson(
	sheds: readonly ({ profile: ProfileId; lines: Feature<Geometry> } | null)[],
	at: [number, number] | undefined,
): FeatureCollection {
	const features: Feature[] = [];
	for (const s of sheds) if (s) features.push({ ...s.lines, properties: { profile: s.profile } });
	if (at)
		features.push({
			type: 'Feature',
			properties: { role: 'A' },
			geometry: { type: 'Point', coordinates: at },
		});
	return { type: 'FeatureCollection', features };
}

export function walkshedLayers(
	source: string,
): (LineLayerSpecification | CircleLayerSpecification | SymbolLayerSpecification)[] {
	const profiles: ProfileId[] = ['walking', 'rollator', 'wheelchair'];
	const point = plannerPoints(source, 7, '#7a3e00');
	return [
		...profiles.map((p): LineLayerSpecification => ({
			id: `walkshed-${p}`,
			type: 'line',
			source,
			filter: ['==', ['get', 'profile'], p],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': WALKSHED_COLOURS[p], 'line-width': WALKSHED_WIDTHS[p] },
		})),
		point,
		markerBox(point),
	];
}

/** A fix's numbered point: its circle's radius and white ring (px). */
const FIX_RADIUS_PX = 11;
const FIX_RING_PX = 2;
/**
 * A fix to measure first: the same outer size, a white disc in a thicker ring of its colour (an
 * open mark, as its data are open), its number in that colour.
 */
const SURVEY_RING_PX = 3;

/**
 * The two kinds of fix on the map, also the panel's legend: a stretch to build or adapt red and
 * solid, filled like the network's impassable stretches; a stretch to measure first in slate and
 * dashed, as the network draws unknown stretches (darker, to stand out as a fix).
 */
export const FIX_COLOURS: Record<FixKind, string> = { build: '#b71c1c', survey: '#37474f' };
/** Two fixes' points closer than this (px, their diameter and a hair) would cover each other. */
const FIX_APART_PX = 2 * (FIX_RADIUS_PX + FIX_RING_PX) + 2;
/** The highest zoom a fix's point waits for (one at the same spot as a better one shows there). */
const FIX_LAST_ZOOM = 20;

/**
 * For each fix in rank order, the lowest whole zoom from which its numbered point covers no better
 * fix's point (MapLibre draws 512 px per world unit at zoom 0, evaluates a filter's zoom per tile,
 * in whole zooms, and a map between whole zooms only spreads points further apart). Where fixes
 * cluster (ten within 50 m in a village), the best one is numbered first and the others as the
 * map zooms in; every fix's line is drawn at every zoom, and the list holds them all.
 */
export function fixMinZooms(points: readonly (readonly [number, number])[]): number[] {
	const at = points.map(([lng, lat]) => [mercatorX(lng), mercatorY(lat)] as const);
	const zooms: number[] = [];
	for (let i = 0; i < at.length; i++) {
		let zoom = 0;
		for (let j = 0; j < i; j++) {
			const d = Math.hypot(at[i]![0] - at[j]![0], at[i]![1] - at[j]![1]) * 512;
			const apart = d > 0 ? Math.ceil(Math.log2(FIX_APART_PX / d)) : FIX_LAST_ZOOM;
			// j numbered from zooms[j]: i waits only if they would still touch there
			if (apart > zooms[j]!) zoom = Math.max(zoom, Math.min(apart, FIX_LAST_ZOOM));
		}
		zooms.push(zoom);
	}
	return zooms;
}

/**
 * {@link fixMinZooms} of fixes of both kinds, in their own order: the greater gain is numbered
 * first whatever its kind (then 65+, then a stretch to build before one to measure, then the
 * edge), so where a stretch to build and one to measure lie together the better one shows.
 */
export function fixesMinZooms(
	fixes: readonly Pick<Fix, 'at' | 'kind' | 'residents' | 'residents65' | 'edge'>[],
): number[] {
	const order = fixes
		.map((f, k) => ({ f, k }))
		.sort(
			(a, b) =>
				b.f.residents - a.f.residents ||
				b.f.residents65 - a.f.residents65 ||
				Number(a.f.kind === 'survey') - Number(b.f.kind === 'survey') ||
				a.f.edge - b.f.edge,
		);
	const zooms = fixMinZooms(order.map(({ f }) => f.at));
	const out: number[] = new Array<number>(fixes.length);
	order.forEach(({ k }, i) => (out[k] = zooms[i]!));
	return out;
}

/**
 * The top fixes: their lines and a numbered point each (kind, rank within its kind, edge, gain,
 * and the zoom from which the point is drawn: {@link fixesMinZooms}).
 */
export function fixesGeoJson(fixes: readonly Fix[]): FeatureCollection {
	const features: Feature[] = [];
	const minZooms = fixesMinZooms(fixes);
	fixes.forEach((f, k) => {
		const properties = {
			kind: f.kind,
			rank: f.rank,
			edge: f.edge,
			residents: Math.round(f.residents),
			residents65: Math.round(f.residents65),
			minzoom: minZooms[k]!,
		};
		features.push({
			type: 'Feature',
			properties,
			geometry: { type: 'LineString', coordinates: f.coordinates },
		});
		features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: f.at } });
	});
	return { type: 'FeatureCollection', features };
}

export function fixesLayers(
	source: string,
): [
	LineLayerSpecification,
	CircleLayerSpecification,
	SymbolLayerSpecification,
	SymbolLayerSpecification,
] {
	// a point from its zoom on (fixMinZooms): where fixes cluster, no number covers a better one
	const numbered: FilterSpecification = [
		'all',
		['==', ['geometry-type'], 'Point'],
		['>=', ['zoom'], ['get', 'minzoom']],
	];
	const survey: ExpressionSpecification = ['==', ['get', 'kind'], 'survey'];
	const point: CircleLayerSpecification = {
		id: 'fixes-point',
		type: 'circle',
		source,
		filter: numbered,
		paint: {
			'circle-radius': [
				'case',
				survey,
				FIX_RADIUS_PX + FIX_RING_PX - SURVEY_RING_PX,
				FIX_RADIUS_PX,
			],
			'circle-color': ['case', survey, '#ffffff', FIX_COLOURS.build],
			'circle-stroke-color': ['case', survey, FIX_COLOURS.survey, '#ffffff'],
			'circle-stroke-width': ['case', survey, SURVEY_RING_PX, FIX_RING_PX],
		},
	};
	return [
		{
			id: 'fixes-line',
			type: 'line',
			source,
			filter: ['==', ['geometry-type'], 'LineString'],
			layout: { 'line-cap': 'round' },
			paint: {
				'line-color': ['case', survey, FIX_COLOURS.survey, FIX_COLOURS.build],
				'line-width': 7,
				'line-dasharray': ['case', survey, ['literal', [2, 1]], ['literal', [1, 0]]],
			},
		},
		point,
		{
			id: 'fixes-label',
			type: 'symbol',
			source,
			filter: numbered,
			layout: {
				'text-field': ['to-string', ['get', 'rank']],
				'text-font': BASEMAP_FONT,
				'text-size': 13,
				'text-allow-overlap': true,
				// never hides the neighbourhood's name above it
				'text-ignore-placement': true,
			},
			paint: { 'text-color': ['case', survey, FIX_COLOURS.survey, '#ffffff'] },
		},
		markerBox(point),
	];
}

/** Stretches without a bench. */
export function restGapLayers(source: string): [LineLayerSpecification] {
	return [
		{
			id: 'rest-gap',
			type: 'line',
			source,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': '#d35400',
				'line-width': ['interpolate', ['linear'], ['zoom'], 12, 2, 16, 5],
			},
		},
	];
}

/**
 * Data completeness on the map: a neighbourhood shaded by the share of its network's length whose
 * features the profile needs are known (src/analysis/completeness.ts), light (little known) to
 * dark (much known). A sequential purple, apart from the status colours: it says how much the
 * data say, not whether a place is accessible. A neighbourhood without a share (no network near
 * its addresses) stays unshaded, never "0 %".
 */
export const COMPLETENESS_CLASSES: readonly { from: number; colour: string }[] = [
	{ from: 0, colour: '#f2f0f7' },
	{ from: 0.25, colour: '#cbc9e2' },
	{ from: 0.5, colour: '#9e9ac8' },
	{ from: 0.75, colour: '#6a51a3' },
];

/**
 * The class colour of a share 0..1, as its whole percentage shows it: the 24.85 % written "25 %"
 * on the map is in the class "25–50 %" too.
 */
export function completenessColour(share: number): string {
	const shown = Math.round(share * 100) / 100;
	let colour = COMPLETENESS_CLASSES[0]?.colour as string;
	for (const c of COMPLETENESS_CLASSES) if (shown >= c.from) colour = c.colour;
	return colour;
}

/**
 * The completeness layers over the area's neighbourhoods archive: the fill (by id; transparent
 * for a neighbourhood without a share) and the share as text at each neighbourhood's label point,
 * under its name. `shares`: neighbourhood id → share 0..1 for one profile (null: no network).
 */
export function completenessLayers(
	polygonLayer: string,
	labelLayer: string,
	shares: Readonly<Record<string, number | null>>,
	neighbourhoodSource: string,
): [FillLayerSpecification, SymbolLayerSpecification] {
	const ids = Object.keys(shares)
		.filter((id) => id !== '' && shares[id] !== null)
		.sort();
	const byId = (value: (share: number) => string, fallback: string): ExpressionSpecification =>
		ids.length === 0
			? (['literal', fallback] as unknown as ExpressionSpecification)
			: ([
					'match',
					['to-string', ['get', 'id']],
					...ids.flatMap((id) => [id, value(shares[id] as number)]),
					fallback,
				] as ExpressionSpecification);
	return [
		{
			id: 'completeness-fill',
			type: 'fill',
			source: neighbourhoodSource,
			'source-layer': polygonLayer,
			paint: {
				'fill-color': byId(completenessColour, 'rgba(0,0,0,0)'),
				'fill-opacity': 0.7,
				'fill-outline-color': '#4a3b73',
			},
		},
		{
			id: 'completeness-label',
			type: 'symbol',
			source: neighbourhoodSource,
			'source-layer': labelLayer,
			layout: {
				'text-field': byId((s) => percent(s), ''),
				'text-font': BASEMAP_FONT,
				'text-size': 14,
				'text-offset': [0, 1.5],
				'text-allow-overlap': true,
				// above the places' icons, as the names: hides none of them (neighbourhoods-style.ts)
				'text-ignore-placement': true,
			},
			paint: { 'text-color': '#2d1f4f', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
		},
	];
}
