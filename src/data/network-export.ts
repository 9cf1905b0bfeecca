/**
 * The accessibility layers as files for planners: every edge of the network with its status,
 * reasons and unknown attributes per profile (src/analysis/network-layer.ts, answered by the
 * analysis worker). GeoJSON (a LineString per edge) and CSV through the shared safe writer
 * (csv.ts), with the geometry as WKT so a spreadsheet and a GIS both read it. Reasons and unknown
 * attributes are the engine's codes, space-separated (the legend's labels are per language).
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { NetworkLayer, NetworkLayerEdge } from '../analysis/network-layer.ts';
import type { Lang } from '../i18n/messages.ts';
import { toCsv, type CsvColumn } from './csv.ts';
import { wkt } from './report-export.ts';

type Properties = Record<string, string | number | null>;

function properties(layer: NetworkLayer, e: NetworkLayerEdge): Properties {
	const out: Properties = {
		edge: e.edge,
		way_id: e.wayId,
		length_m: Math.round(e.lengthM * 10) / 10,
	};
	layer.profiles.forEach((p, k) => {
		const s = e.states[k]!;
		out[`${p}_status`] = s.status;
		out[`${p}_reasons`] = s.reasons.join(' ');
		out[`${p}_unknown`] = s.unknown.join(' ');
	});
	if (layer.personalBase) out.personal_base = layer.personalBase;
	return out;
}

/** The layer as a GeoJSON FeatureCollection, one LineString per edge. */
export function networkToGeoJson(layer: NetworkLayer): FeatureCollection<LineString, Properties> {
	return {
		type: 'FeatureCollection',
		features: layer.edges.map((e): Feature<LineString, Properties> => ({
			type: 'Feature',
			id: e.edge,
			properties: properties(layer, e),
			geometry: { type: 'LineString', coordinates: e.coordinates },
		})),
	};
}

/**
 * The layer as CSV (csv.ts) in the conventions of `lang`: the GeoJSON's properties as columns, then
 * the line as WKT.
 */
export function networkToCsv(layer: NetworkLayer, lang: Lang): string {
	const rows = layer.edges.map((e) => ({ e, p: properties(layer, e) }));
	const headers = rows[0] ? Object.keys(rows[0].p) : ['edge', 'way_id', 'length_m'];
	const columns: CsvColumn<(typeof rows)[number]>[] = headers.map((h) => ({
		header: h,
		value: (r) => r.p[h],
	}));
	columns.push({
		header: 'wkt',
		value: (r) => wkt({ type: 'LineString', coordinates: r.e.coordinates }),
	});
	return toCsv(rows, columns, lang);
}
