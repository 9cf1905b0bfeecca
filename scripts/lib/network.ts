/**
 * The pedestrian network layers for the map, made from the decoded analysis bundle so the map shows
 * exactly what the analysis uses: one line per graph edge with the way's accessibility attributes
 * and, per mobility profile, its status (passable / limited / impassable / unknown) and reasons;
 * plus the points that matter on foot (barriers, kerbs, crossings).
 */
import type { Feature, Geometry } from 'geojson';
import type { AnalysisBundle } from '../../src/analysis/bundle.ts';
import { edgeStatus } from '../../src/analysis/bundle.ts';
import { NETWORK_POINT_ATTRIBUTES, networkPointKind } from '../../src/analysis/network-points.ts';
import { reasonsFromMask, unknownFromMask } from '../../src/analysis/profiles.ts';
import { PROFILE_IDS } from '../../src/contracts/profiles.ts';
import type { OsmData, Tags } from './osm.ts';

type Props = Record<string, string | number | boolean>;

/** Way attributes copied onto network edges (OSM keys). */
export const NETWORK_ATTRIBUTES = [
	'highway',
	'name',
	'footway',
	'surface',
	'smoothness',
	'incline',
	'width',
	'sidewalk',
	'sidewalk:both',
	'sidewalk:left',
	'sidewalk:right',
	'kerb',
	'lit',
	'wheelchair',
	'tactile_paving',
	'step_count',
	'handrail',
] as const;

/**
 * Network edges as lines, one per bundle edge in edge order, the feature id being the edge index.
 * Properties: `id` (the OSM way, `w123`), `length_m`, the OSM attributes
 * of {@link NETWORK_ATTRIBUTES} that are tagged, `steps` (true for highway=steps), `cut` (true when
 * the way lost nodes at the extract's edge), `join` (a connector the pipeline added between a
 * fragment and the main network; its `id` is `j<n>`), `fragment` (on a part of the network not
 * connected to the main one), and per profile `<profile>_status`,
 * `<profile>_reasons` and `<profile>_unknown` (comma-separated codes of src/analysis/profiles.ts).
 */
export function networkFeatures(bundle: AnalysisBundle, osm: OsmData): Feature<Geometry, Props>[] {
	const g = bundle.graph;
	const wayTags = new Map<string, Tags>();
	const wayCut = new Map<string, boolean>();
	for (const w of osm.ways) {
		if (!w.tags.highway) continue;
		wayTags.set(`w${w.id}`, w.tags);
		wayCut.set(
			`w${w.id}`,
			w.refs.some((r) => !osm.coords.has(r)),
		);
	}
	const out: Feature<Geometry, Props>[] = [];
	for (let e = 0; e < g.edgeCount; e++) {
		const from = g.edgeFrom[e] as number;
		const to = g.edgeTo[e] as number;
		const coords: [number, number][] = [
			[g.nodeLngLat[from * 2] as number, g.nodeLngLat[from * 2 + 1] as number],
		];
		for (let s = g.shapeOffsets[e] as number; s < (g.shapeOffsets[e + 1] as number); s++) {
			coords.push([g.shapeLngLat[s * 2] as number, g.shapeLngLat[s * 2 + 1] as number]);
		}
		coords.push([g.nodeLngLat[to * 2] as number, g.nodeLngLat[to * 2 + 1] as number]);
		const wayId = g.wayIds[g.edgeWays[e] as number] as string;
		const tags = wayTags.get(wayId) ?? {};
		const p: Props = { id: wayId, length_m: Math.round((g.lengthsM[e] as number) * 10) / 10 };
		for (const k of NETWORK_ATTRIBUTES) if (tags[k]) p[k] = tags[k];
		if (tags.highway === 'steps') p.steps = true;
		if (wayCut.get(wayId)) p.cut = true;
		if (wayId.startsWith('j')) p.join = true; // a connector the pipeline added (fragments.ts)
		if (g.edgeFragment[e] === 1) p.fragment = true; // not connected to the main network
		PROFILE_IDS.forEach((profile, pi) => {
			p[`${profile}_status`] = edgeStatus(g, pi, e);
			const reasons = reasonsFromMask(g.reasons[pi * g.edgeCount + e] as number);
			if (reasons.length > 0) p[`${profile}_reasons`] = reasons.join(',');
			const unknown = unknownFromMask(g.unknowns[pi * g.edgeCount + e] as number);
			if (unknown.length > 0) p[`${profile}_unknown`] = unknown.join(',');
		});
		out.push({
			type: 'Feature',
			// the bundle's edge index: the map sets per-edge feature-state (the worker's statuses for
			// a personal profile, walksheds) by it
			id: e,
			geometry: { type: 'LineString', coordinates: coords },
			properties: p,
		});
	}
	return out;
}

/**
 * Barriers, kerbs, crossings and elevators on walkable ways (the rules of
 * src/analysis/network-points.ts), as points with their attributes.
 */
export function networkPointFeatures(
	bundle: AnalysisBundle,
	osm: OsmData,
): Feature<Geometry, Props>[] {
	const onNetwork = new Set<number>();
	const g = bundle.graph;
	const wayIds = new Set(g.wayIds);
	for (const w of osm.ways) if (wayIds.has(`w${w.id}`)) for (const r of w.refs) onNetwork.add(r);
	const out: Feature<Geometry, Props>[] = [];
	for (const n of [...osm.taggedNodes.values()].sort((a, b) => a.id - b.id)) {
		if (!onNetwork.has(n.id)) continue;
		const kind = networkPointKind(n.tags);
		if (!kind) continue;
		const p: Props = { id: `n${n.id}`, kind };
		for (const k of NETWORK_POINT_ATTRIBUTES) if (n.tags[k]) p[k] = n.tags[k] as string;
		out.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: n.lngLat },
			properties: p,
		});
	}
	return out;
}
