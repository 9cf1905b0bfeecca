/**
 * The basemap from the area's OSM extract, so the map needs no outside tile service: land use and
 * land cover, water, buildings, roads and paths by class (with street names), and place names.
 *
 * Layers, classes and properties: the contract in src/contracts/tile-schema.ts (the app's style
 * reads the same), checked by the types here.
 */
import type { Feature, Geometry } from 'geojson';
import type { BasemapClass, BasemapLayer } from '../../src/contracts/tile-schema.ts';
import { ROAD_MIN_ZOOM, TILE_LAYERS } from '../config/tiles.ts';
import type { TileLayerInput } from './tiler.ts';
import type { OsmData, OsmWay, Tags } from './osm.ts';
import { relationPolygon, wayLine, wayPolygon } from './osm-geometry.ts';

type Props = Record<string, string | number | boolean>;
type F = Feature<Geometry, Props>;

const ROAD_CLASS: Record<string, BasemapClass<'roads'>> = {
	motorway: 'motorway',
	motorway_link: 'motorway',
	trunk: 'trunk',
	trunk_link: 'trunk',
	primary: 'primary',
	primary_link: 'primary',
	secondary: 'secondary',
	secondary_link: 'secondary',
	tertiary: 'tertiary',
	tertiary_link: 'tertiary',
	residential: 'minor',
	unclassified: 'minor',
	living_street: 'minor',
	road: 'minor',
	pedestrian: 'minor',
	service: 'service',
	track: 'track',
	footway: 'path',
	path: 'path',
	cycleway: 'path',
	bridleway: 'path',
	steps: 'path',
	corridor: 'path',
};

/** Land-use class of an area's tags, or null. */
export function landuseClass(t: Tags): BasemapClass<'landuse'> | null {
	const lu = t.landuse;
	const nat = t.natural;
	const le = t.leisure;
	if (lu === 'residential' || lu === 'retail' || lu === 'commercial' || lu === 'industrial') {
		return lu === 'retail' ? 'commercial' : lu;
	}
	if (
		lu === 'farmland' ||
		lu === 'farmyard' ||
		lu === 'orchard' ||
		lu === 'greenhouse_horticulture'
	)
		return 'farmland';
	if (lu === 'meadow' || nat === 'grassland') return 'meadow';
	if (lu === 'grass' || lu === 'village_green' || lu === 'recreation_ground') return 'grass';
	if (lu === 'forest' || nat === 'wood') return 'forest';
	if (nat === 'heath') return 'heath';
	if (nat === 'scrub') return 'scrub';
	if (nat === 'wetland') return 'wetland';
	if (lu === 'cemetery' || t.amenity === 'grave_yard') return 'cemetery';
	if (lu === 'allotments') return 'allotments';
	if (le === 'park' || le === 'garden') return 'park';
	if (le === 'pitch' || le === 'sports_centre' || le === 'playground') return 'pitch';
	return null;
}

function waterClass(t: Tags): BasemapClass<'water'> | null {
	if (t.natural === 'water' || t.waterway === 'riverbank' || t.water) return 'water';
	if (t.landuse === 'reservoir' || t.landuse === 'basin') return 'basin';
	return null;
}

/** The waterway values drawn, with their class (a drain is drawn as a ditch). */
const WATERWAY = new Map<string, BasemapClass<'waterways'>>([
	['river', 'river'],
	['canal', 'canal'],
	['stream', 'stream'],
	['ditch', 'ditch'],
	['drain', 'ditch'],
]);

function withName(p: Props, t: Tags): Props {
	const name = t.name ?? t['name:nl'];
	if (name) p.name = name;
	return p;
}

/** The basemap's layers from an extract. Feature order follows the file (ids ascending). */
export function basemapLayers(osm: OsmData): (TileLayerInput & { name: BasemapLayer })[] {
	const landuse: F[] = [];
	const water: F[] = [];
	const waterways: F[] = [];
	const buildings: F[] = [];
	const roads: F[] = [];
	const places: F[] = [];

	const area = (geometry: Geometry | null, t: Tags) => {
		if (!geometry) return;
		const lu = landuseClass(t);
		if (lu) landuse.push({ type: 'Feature', geometry, properties: { class: lu } });
		const wc = waterClass(t);
		if (wc) water.push({ type: 'Feature', geometry, properties: withName({ class: wc }, t) });
		if (t.building && t.building !== 'no')
			buildings.push({ type: 'Feature', geometry, properties: {} });
	};

	const waysById = new Map<number, OsmWay>();
	for (const w of osm.ways) waysById.set(w.id, w);

	for (const w of osm.ways) {
		const t = w.tags;
		const hw = t.highway;
		const cls = hw ? ROAD_CLASS[hw] : undefined;
		if (cls && t.area !== 'yes') {
			const line = wayLine(w, osm);
			if (line) {
				const p: Props = { class: cls, subclass: hw as string };
				if (t.ref) p.ref = t.ref;
				if (t.bridge && t.bridge !== 'no') p.bridge = true;
				if (t.tunnel && t.tunnel !== 'no') p.tunnel = true;
				roads.push({ type: 'Feature', geometry: line, properties: withName(p, t) });
			}
			continue;
		}
		const c = t.waterway ? WATERWAY.get(t.waterway) : undefined;
		if (c) {
			const line = wayLine(w, osm);
			if (line)
				waterways.push({ type: 'Feature', geometry: line, properties: withName({ class: c }, t) });
			continue;
		}
		if (Object.keys(t).length > 0) area(wayPolygon(w, osm), t);
	}
	for (const r of osm.relations) {
		if (r.tags.type !== 'multipolygon') continue;
		area(relationPolygon(r, osm, waysById), r.tags);
	}
	/** The place values labelled, with their class (a city is labelled as a town). */
	const PLACE = new Map<string, BasemapClass<'place_labels'>>([
		['town', 'town'],
		['village', 'village'],
		['suburb', 'suburb'],
		['hamlet', 'hamlet'],
		['neighbourhood', 'neighbourhood'],
		['locality', 'locality'],
		['city', 'town'],
	]);
	for (const n of [...osm.taggedNodes.values()].sort((a, b) => a.id - b.id)) {
		const p = n.tags.place ? PLACE.get(n.tags.place) : undefined;
		if (p && n.tags.name) {
			places.push({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: n.lngLat },
				properties: withName({ class: p }, n.tags),
			});
		}
	}
	const z = TILE_LAYERS.basemap;
	return [
		{ name: 'landuse', features: landuse, ...z.landuse },
		{ name: 'water', features: water, ...z.water },
		{ name: 'waterways', features: waterways, ...z.waterways },
		{ name: 'buildings', features: buildings, ...z.buildings },
		{
			name: 'roads',
			features: roads,
			...z.roads,
			featureMinZoom: (f) => ROAD_MIN_ZOOM[String(f.properties.class)] ?? 13,
		},
		{ name: 'place_labels', features: places, ...z.place_labels },
	];
}
