/**
 * Barrier reports on the map: the one being written (the point or stretch the reporter picked or
 * drew) and the reports a planner triages, coloured by status. A stretch is a line, a point a ring;
 * the selected report is drawn larger.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type {
	CircleLayerSpecification,
	LineLayerSpecification,
	SymbolLayerSpecification,
} from 'maplibre-gl';
import type { ReportStatus } from '../../contracts/enums.ts';
import { UI_PALETTE } from '../style/theme.ts';
import { markerBox } from './marker-box.ts';

export const REPORT_DRAFT_SOURCE = 'report-draft';
/** A refused report's location while the reporter corrects it. */
export const REPORT_EDIT_SOURCE = 'report-edit';
export const REPORTS_SOURCE = 'reports';

/**
 * Colours of the statuses, each its own, from the palette (contrast ≥ 3:1 on the basemap's light
 * ground); the triage list gives each status's label the same colour (ReportsPanel.svelte).
 */
export const STATUS_COLOURS: Record<ReportStatus, string> = {
	new: UI_PALETTE.red,
	acknowledged: UI_PALETTE.brown,
	resolved: UI_PALETTE.green,
	rejected: UI_PALETTE.violet,
	withdrawn: UI_PALETTE.greySlate,
};

/** The report being written: a point, or the stretch's line and its points as drawn so far. */
export function draftGeoJson(
	location: Point | LineString | undefined,
): FeatureCollection<Point | LineString> {
	const features: Feature<Point | LineString>[] = [];
	if (location?.type === 'Point') {
		features.push({ type: 'Feature', properties: {}, geometry: location });
	} else if (location?.type === 'LineString') {
		if (location.coordinates.length >= 2)
			features.push({ type: 'Feature', properties: {}, geometry: location });
		for (const c of location.coordinates)
			features.push({
				type: 'Feature',
				properties: {},
				geometry: { type: 'Point', coordinates: c },
			});
	}
	return { type: 'FeatureCollection', features };
}

/** The layers of a report being written (or, from `report-edit`, corrected). */
export function draftLayers(
	source: typeof REPORT_DRAFT_SOURCE | typeof REPORT_EDIT_SOURCE = REPORT_DRAFT_SOURCE,
): [LineLayerSpecification, CircleLayerSpecification, SymbolLayerSpecification] {
	const point: CircleLayerSpecification = {
		id: `${source}-point`,
		type: 'circle',
		source,
		filter: ['==', ['geometry-type'], 'Point'],
		paint: {
			'circle-radius': 8,
			'circle-color': '#ffffff',
			'circle-stroke-color': '#b3261e',
			'circle-stroke-width': 4,
		},
	};
	return [
		{
			id: `${source}-line`,
			type: 'line',
			source,
			filter: ['==', ['geometry-type'], 'LineString'],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: { 'line-color': '#b3261e', 'line-width': 6, 'line-dasharray': [1.5, 1] },
		},
		point,
		markerBox(point),
	];
}

/** What the reports layer needs of a report. */
export interface MappedReport {
	id: string;
	status: ReportStatus;
	location: Point | LineString;
}

/** Reports as GeoJSON with their id, status and whether they are selected. */
export function reportsGeoJson(
	reports: readonly MappedReport[],
	selectedId?: string,
): FeatureCollection<Point | LineString> {
	return {
		type: 'FeatureCollection',
		features: reports.map((r) => ({
			type: 'Feature',
			id: r.id,
			properties: { id: r.id, status: r.status, selected: r.id === selectedId },
			geometry: r.location,
		})),
	};
}

const statusColour = [
	'match',
	['get', 'status'],
	...Object.entries(STATUS_COLOURS).flat(),
	'#4b5563',
] as unknown as string;

export function reportsLayers(): [
	LineLayerSpecification,
	CircleLayerSpecification,
	SymbolLayerSpecification,
] {
	const point: CircleLayerSpecification = {
		id: 'reports-point',
		type: 'circle',
		source: REPORTS_SOURCE,
		filter: ['==', ['geometry-type'], 'Point'],
		paint: {
			'circle-radius': ['case', ['get', 'selected'], 10, 6],
			'circle-color': statusColour,
			'circle-stroke-color': '#ffffff',
			'circle-stroke-width': 2,
		},
	};
	return [
		{
			id: 'reports-line',
			type: 'line',
			source: REPORTS_SOURCE,
			filter: ['==', ['geometry-type'], 'LineString'],
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': statusColour,
				'line-width': ['case', ['get', 'selected'], 9, 5],
			},
		},
		point,
		markerBox(point),
	];
}
