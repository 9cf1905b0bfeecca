/**
 * Barrier reports as files for planners: GeoJSON (the geometry with every field as a property) and
 * CSV through the shared safe writer (csv.ts), with the geometry as WKT and the point (or the
 * stretch's first point) as longitude and latitude, so a spreadsheet and a GIS both read it.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { Lang } from '../i18n/messages.ts';
import { toCsv } from './csv.ts';
import type { BarrierReport } from './types.ts';

const FIELDS = [
	'id',
	'kind',
	'status',
	'created_at',
	'acknowledged_at',
	'resolved_at',
	'rejected_at',
	'withdrawn_at',
	'description',
	'planner_note',
	'public_text',
] as const;

function properties(r: BarrierReport): Record<(typeof FIELDS)[number], string | null> {
	return {
		id: r.id,
		kind: r.kind,
		status: r.status,
		created_at: r.createdAt,
		acknowledged_at: r.acknowledgedAt,
		resolved_at: r.resolvedAt,
		rejected_at: r.rejectedAt,
		withdrawn_at: r.withdrawnAt,
		description: r.description,
		planner_note: r.plannerNote,
		public_text: r.publicText,
	};
}

export function reportsToGeoJson(
	reports: readonly BarrierReport[],
): FeatureCollection<Point | LineString> {
	return {
		type: 'FeatureCollection',
		features: reports.map((r): Feature<Point | LineString> => ({
			type: 'Feature',
			id: r.id,
			properties: properties(r),
			geometry: r.location,
		})),
	};
}

/** Well-known text of a point or a line (EPSG:4326, longitude first). */
export function wkt(g: Point | LineString): string {
	const pos = (c: number[]) => `${c[0]} ${c[1]}`;
	return g.type === 'Point'
		? `POINT (${pos(g.coordinates)})`
		: `LINESTRING (${g.coordinates.map(pos).join(', ')})`;
}

/** The reports as CSV (csv.ts) in the conventions of `lang`, the exporting user's language. */
export function reportsToCsv(reports: readonly BarrierReport[], lang: Lang): string {
	const first = (r: BarrierReport) =>
		r.location.type === 'Point' ? r.location.coordinates : r.location.coordinates[0];
	return toCsv(
		reports,
		[
			...FIELDS.map((f) => ({ header: f, value: (r: BarrierReport) => properties(r)[f] })),
			{ header: 'geometry_type', value: (r) => r.location.type },
			{ header: 'longitude', value: (r) => first(r)?.[0] },
			{ header: 'latitude', value: (r) => first(r)?.[1] },
			{ header: 'wkt', value: (r) => wkt(r.location) },
		],
		lang,
	);
}
