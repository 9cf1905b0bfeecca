/**
 * THE CONTRACT WITH scripts/ (the data pipeline). The pipeline calls {@link buildAnalysisBundle}
 * with every highway way of an area's extract, the residents' origins, the places and the
 * neighbourhoods, and writes the bytes to `tiles/<areaId>/analysis.bin`. The engine (in the app's
 * worker, the CLI and the benchmarks) reads them back with {@link decodeAnalysisBundle}.
 * Change the format only together with BUNDLE_VERSION (src/contracts/bundle-format.ts).
 *
 * What the builder does:
 * 1. keeps the ways pedestrians may use ({@link isWalkableWay}); a node without coordinates (cut off
 *    by the extract) splits the way there;
 * 2. makes a graph node of every way end and of every node shared by two walkable way positions,
 *    and an edge of every stretch between them, keeping its interior vertices as the shape;
 * 3. reads every edge's classification attributes ({@link edgeAttributes}: the way's tags, the tags of the
 *    tagged nodes on the edge, and for the rollator the longest stretch of the edge without a bench
 *    within {@link BENCH_NEAR_M} of it; benches are nodes tagged `amenity=bench` and places whose
 *    category ids include one of `benchCategoryIds`, default `['bench']`), keeps them, and
 *    classifies every edge per built-in profile from them with {@link classifyEdgeInto};
 * 4. reorders nodes along a Hilbert curve (locality for the sweeps) and sorts edges by their end
 *    nodes, so the encoding is deterministic: the same input gives byte-identical output;
 * 5. orders the origins along the edges they snap to on foot (edge, then position along it; those
 *    on no edge last): a coverage job, which evaluates origins edge by edge, then writes its
 *    per-origin results in order instead of scattered (ids and every origin column follow).
 *
 * Binary layout (little-endian): `BKAB` magic, u32 version, u32 header length, UTF-8 JSON header
 * (meta, counts, string tables, and the byte offset/length/type of each section), zero padding to
 * 8 bytes, then the typed-array sections, each starting on an 8-byte boundary.
 */
import {
	joinFragments,
	JOIN_MAX_M,
	markFragments,
	type NetworkFragment,
	type NetworkJoin,
	type Piece,
} from './fragments.ts';
import KDBush from 'kdbush';
import {
	assertLngLat,
	bboxOfPositions,
	distanceM,
	hilbertIndex,
	metresPerDegree,
	projectOnSegment,
} from './geo.ts';
import { decodeSections, encodeSections, type Section, type SectionInfo } from './sections.ts';
import { EdgeIndex, type Snap } from './snap.ts';
import {
	PROFILE_LIMITS,
	classifyEdgeInto,
	edgeAttributes,
	prepareLimits,
	isWalkableWay,
	type ClassifyLimits,
} from './profiles.ts';
import { PROFILE_IDS, type WayStatus } from '../contracts/profiles.ts';
import { BENCH_CATEGORY_ID } from '../contracts/taxonomy.ts';
import { parseWith } from '../contracts/validation.ts';
import {
	BundleInputSchema,
	BUNDLE_FORMAT,
	BUNDLE_SECTIONS,
	BUNDLE_VERSION,
	type BundleSectionName,
} from '../contracts/bundle-format.ts';

/**
 * The tags that name a way in the planners' lists, first present wins (data, not code): the
 * street's `name`, else a road number (`ref`, "N153"). A way with neither (most footways, the
 * pipeline's connectors) has the name '' and is listed by its way id. The names live in the
 * header (`wayNames`, beside `wayIds`); every binary section stays byte-identical.
 */
export const WAY_NAME_KEYS = ['name', 'ref'] as const;

/** The name of a way by {@link WAY_NAME_KEYS}, '' when it has none. */
export function wayName(way: Pick<BundleWay, 'tags'>): string {
	for (const key of WAY_NAME_KEYS) {
		const value = way.tags[key]?.trim();
		if (value) return value;
	}
	return '';
}

/**
 * Longest access leg (straight line from an origin or place to its nearest way) in metres: the
 * engine's default; an origin farther from every way carries the reason `beyond_access_limit`.
 */
export const MAX_ACCESS_M = 300;

/**
 * Why an origin has no figure, as stored per origin (`originReason`): 0 none (it gets a figure
 * per reachable category), 1 edge of data, 2 beyond the access limit ({@link MAX_ACCESS_M} from
 * every way), 3 its nearest way lies on an isolated fragment of the network.
 */
export const ORIGIN_REASONS = [
	'none',
	'edge_of_data',
	'beyond_access_limit',
	'isolated_fragment',
] as const;
export type OriginReason = (typeof ORIGIN_REASONS)[number];

/** A bench within this many metres of an edge counts as on it (rollator rest points). */
export const BENCH_NEAR_M = 25;

/** One OSM highway way as the pipeline read it. */
export interface BundleWay {
	/** OSM id with type prefix, e.g. `w123`. */
	id: string;
	/** OSM node ids in way order. */
	nodeIds: number[];
	tags: Record<string, string>;
}

/** A residential origin (an address point with its estimated residents). */
export interface BundleOrigin {
	id: string;
	/** [longitude, latitude] in degrees (WGS84). */
	lngLat: [number, number];
	/** Estimated residents (persons, may be fractional). */
	residents: number;
	/** Estimated residents aged 65 or more. */
	residents65: number;
	/** Estimated residents aged 80 or more. */
	residents80: number;
	/** Id of the neighbourhood it lies in; must be one of `neighbourhoods`, or '' for none. */
	neighbourhoodId: string;
	/** True when its nearest street is at the edge of the extract or its neighbourhood is only partly covered. */
	edgeOfData: boolean;
}

/** A place (OSM object or curated initiative) that serves one or more categories. */
export interface BundlePlace {
	/** `n123` / `w123` / `r123` for OSM, or a curated id. */
	id: string;
	/** Category ids from the taxonomy (src/contracts/taxonomy.ts). */
	categoryIds: string[];
	/** [longitude, latitude] in degrees (the entrance if tagged, else a point inside). */
	lngLat: [number, number];
	name: string;
}

/** A neighbourhood with its population figures. */
export interface BundleNeighbourhood {
	id: string;
	name: string;
	/** Residents (persons). */
	population: number;
	/** Estimated residents aged 65 or more. */
	residents65: number;
	/** Estimated residents aged 80 or more. */
	residents80: number;
	/** Share (0..1) of the neighbourhood covered by the extract. */
	coverageShare: number;
}

/** Area metadata. */
export interface BundleMeta {
	areaId: string;
	/** [west, south, east, north] in degrees. */
	bbox: [number, number, number, number];
	/** Date of the source data (ISO 8601, e.g. `2019-11-05`). */
	dataDate: string;
}

/** Everything the pipeline hands to {@link buildAnalysisBundle}. */
export interface AnalysisBundleInput {
	/** All highway ways of the extract; the builder decides which are walkable. */
	ways: BundleWay[];
	/**
	 * Coordinates [lng, lat] (degrees) of the nodes of the ways, by OSM node id: a Map, or anything
	 * that answers `get` (the pipeline's compact NodeCoords); undefined for a node not in the extract.
	 */
	nodeLngLat: { get(osmNodeId: number): [number, number] | undefined };
	/** Tags of tagged nodes only (barrier=kerb, kerb=raised, highway=crossing, amenity=bench ...). */
	nodeTags: Map<number, Record<string, string>>;
	origins: BundleOrigin[];
	places: BundlePlace[];
	neighbourhoods: BundleNeighbourhood[];
	meta: BundleMeta;
	/** Category ids whose places are benches for the rollator rule; default `['bench']`. */
	benchCategoryIds?: string[];
	/**
	 * Lines a connector between a fragment and the main network must not cross (water, railways,
	 * roads closed to pedestrians, fences, walls), [[lng, lat], …] each.
	 */
	joinBarriers?: [number, number][][];
}

/** What the builder did to the network, and what it found (header `network`). */
export interface BundleNetworkReport {
	/** The bound of a connector, metres ({@link JOIN_MAX_M}). */
	joinMaxM: number;
	/** Length of the main component, metres. */
	mainLengthM: number;
	/** Connectors added between fragments and the main network. */
	joins: NetworkJoin[];
	/** Components left unconnected to the main network. */
	fragments: NetworkFragment[];
	/**
	 * Places whose nearest way lies on a fragment (index into `fragments`), or that lie farther
	 * than the access limit from every way (fragment -1, accessM null).
	 */
	placesOffMainNetwork: { placeId: string; fragment: number; accessM: number | null }[];
	/** Origins per reason ({@link ORIGIN_REASONS}). */
	originsPerReason: Record<OriginReason, number>;
}

/**
 * The routing graph in compressed sparse row form. Edges are undirected; each edge `e` appears as
 * two arcs (one from each end). Per-profile arrays are laid out profile-major: the value for
 * profile index `p` ({@link PROFILE_IDS}) and edge `e` is at `p * edgeCount + e`.
 */
export interface RoutingGraph {
	nodeCount: number;
	edgeCount: number;
	/** Node coordinates, [lng0, lat0, lng1, lat1, ...] in degrees (exact to 1e-7°). */
	nodeLngLat: Float64Array;
	/** OSM node id of each graph node. */
	nodeOsmIds: Float64Array;
	/** Arcs of node `n` are `offsets[n] .. offsets[n + 1] - 1`; length nodeCount + 1. */
	offsets: Uint32Array;
	/** Target node of each arc; length 2 × edgeCount. */
	targets: Uint32Array;
	/** Edge of each arc; length 2 × edgeCount. */
	arcEdges: Uint32Array;
	/** First node of each edge (the end where its shape starts). */
	edgeFrom: Uint32Array;
	/** Last node of each edge. */
	edgeTo: Uint32Array;
	/** Length of each edge in metres (along its shape). */
	lengthsM: Float32Array;
	/** Index into `wayIds` of the OSM way each edge comes from. */
	edgeWays: Uint32Array;
	/** 1 when the edge lies on a fragment not connected to the main network. */
	edgeFragment: Uint8Array;
	/** Per profile × edge: status code ({@link WAY_STATUS_CODES}). */
	statuses: Uint8Array;
	/** Per profile × edge: reason mask ({@link reasonMask}). */
	reasons: Uint32Array;
	/** Per profile × edge: unknown-attribute mask ({@link unknownMask}). */
	unknowns: Uint8Array;
	/** What classification needs per edge ({@link EdgeAttributes}, as columns). */
	attributes: EdgeAttributeTable;
	/** Interior shape vertices of edge `e` are `shapeOffsets[e] .. shapeOffsets[e + 1] - 1`. */
	shapeOffsets: Uint32Array;
	/** Interior shape vertices, [lng, lat, ...] in degrees. */
	shapeLngLat: Float64Array;
	/** OSM way ids (`w123`), or connector ids (`j1`), referenced by `edgeWays`. */
	wayIds: string[];
	/**
	 * The name of each way of `wayIds` (the first of {@link WAY_NAME_KEYS} it is tagged with), ''
	 * when it has none: a list then says the way id instead.
	 */
	wayNames: string[];
}

/**
 * The classification attributes of every edge ({@link EdgeAttributes}) as columns: index `e` is
 * edge `e` in every column.
 */
export interface EdgeAttributeTable {
	flags: Uint32Array;
	kerbM: Float32Array;
	inclinePct: Float32Array;
	widthM: Float32Array;
	benchStretchM: Float32Array;
}

/** Per-edge classification for one profile: status codes, reason masks, unknown masks. */
export interface EdgeClassification {
	statuses: Uint8Array;
	reasons: Uint32Array;
	unknowns: Uint8Array;
}

/**
 * Classifies every edge of the graph for a profile's limits with {@link classifyEdgeInto}, the
 * function the pipeline baked the three built-in profiles with (so map and numbers agree).
 * Writes into `out` when given (reused between profiles), else into new arrays.
 *
 * @example classifyEdges(bundle.graph.attributes, PROFILE_LIMITS.wheelchair).statuses
 */
export function classifyEdges(
	a: EdgeAttributeTable,
	limits: ClassifyLimits,
	out?: EdgeClassification,
): EdgeClassification {
	const E = a.flags.length;
	const o = out ?? {
		statuses: new Uint8Array(E),
		reasons: new Uint32Array(E),
		unknowns: new Uint8Array(E),
	};
	const { flags, kerbM, inclinePct, widthM, benchStretchM } = a;
	const prepared = prepareLimits(limits);
	for (let e = 0; e < E; e++) {
		classifyEdgeInto(
			flags[e] as number,
			kerbM[e] as number,
			inclinePct[e] as number,
			widthM[e] as number,
			benchStretchM[e] as number,
			prepared,
			o,
			e,
		);
	}
	return o;
}

/** Origins as columns. Index `i` is the same origin in every column. */
export interface OriginTable {
	count: number;
	ids: string[];
	/** [lng, lat, ...] in degrees. */
	lngLat: Float64Array;
	residents: Float32Array;
	residents65: Float32Array;
	residents80: Float32Array;
	/** Index into the bundle's `neighbourhoods`, or {@link NO_NEIGHBOURHOOD}. */
	neighbourhood: Uint32Array;
	/** 1 when flagged edge-of-data. */
	edgeOfData: Uint8Array;
	/** Why it has no figure: index into {@link ORIGIN_REASONS} (0: none). */
	reason: Uint8Array;
}

/** Places as columns. */
export interface PlaceTable {
	count: number;
	ids: string[];
	names: string[];
	categoryIds: string[][];
	/** [lng, lat, ...] in degrees. */
	lngLat: Float64Array;
}

/** Marks an origin without a neighbourhood. */
export const NO_NEIGHBOURHOOD = 0xffffffff;

/** A decoded bundle: what the engine works on. */
export interface AnalysisBundle {
	version: number;
	meta: BundleMeta;
	graph: RoutingGraph;
	origins: OriginTable;
	places: PlaceTable;
	neighbourhoods: BundleNeighbourhood[];
	network: BundleNetworkReport;
}

interface Header {
	version: number;
	meta: BundleMeta & { maxAccessM: number };
	network: BundleNetworkReport;
	nodeCount: number;
	edgeCount: number;
	wayIds: string[];
	/** Since the street names were added (format 3 still): absent in bundles built before. */
	wayNames?: string[];
	origins: { ids: string[] };
	places: { ids: string[]; names: string[]; categoryIds: string[][] };
	neighbourhoods: BundleNeighbourhood[];
	sections: SectionInfo[];
}

function fail(message: string): never {
	throw new Error(`analysis bundle: ${message}`);
}

const e7 = (deg: number): number => Math.round(deg * 1e7);

interface RawEdge {
	from: number; // OSM node id
	to: number;
	way: number; // index in walkable way list
	nodes: number[]; // OSM node ids from .. to inclusive
	lengthM: number;
}

/** Longest stretch (m) of a polyline without a bench within BENCH_NEAR_M. */
function longestStretchWithoutBench(
	coords: [number, number][],
	lengthM: number,
	benches: [number, number][],
): number {
	if (benches.length === 0) return lengthM;
	const positions: number[] = [];
	for (const [bl, bb] of benches) {
		let best = Infinity;
		let bestPos = 0;
		let walked = 0;
		for (let i = 0; i + 1 < coords.length; i++) {
			const a = coords[i] as [number, number];
			const b = coords[i + 1] as [number, number];
			const segM = distanceM(a[0], a[1], b[0], b[1]);
			const p = projectOnSegment(bl, bb, a[0], a[1], b[0], b[1]);
			if (p.distanceM < best) {
				best = p.distanceM;
				bestPos = walked + p.t * segM;
			}
			walked += segM;
		}
		if (best <= BENCH_NEAR_M) positions.push(bestPos);
	}
	if (positions.length === 0) return lengthM;
	positions.sort((x, y) => x - y);
	let longest = positions[0] ?? 0;
	for (let i = 1; i < positions.length; i++) {
		longest = Math.max(longest, (positions[i] ?? 0) - (positions[i - 1] ?? 0));
	}
	return Math.max(longest, lengthM - (positions[positions.length - 1] ?? 0));
}

/** Index of each neighbourhood id (checked unique by {@link BundleInputSchema}). */
function neighbourhoodIndex(list: readonly BundleNeighbourhood[]): Map<string, number> {
	return new Map(list.map((n, i) => [n.id, i]));
}

/** An edge of the graph from ways: OSM node ids and the graph node indices of its ends. */
export interface GraphEdge extends RawEdge {
	/** Graph node index of `from` (≤ `t`). */
	f: number;
	/** Graph node index of `to`. */
	t: number;
}

/** The routing graph's topology as built from the ways, before it is encoded. */
export interface WayGraph {
	/** The walkable ways used, in way id order, then the connectors (`j<n>`) joining fragments. */
	ways: BundleWay[];
	joins: NetworkJoin[];
	/** Coordinates of an OSM node id, or of a connector's synthetic (negative) node id. */
	lngLat: (id: number) => [number, number];
	/** OSM node id of each graph node, in Hilbert-curve order. */
	nodeIds: number[];
	/** Edges oriented from their lower node index, sorted by end nodes. */
	edges: GraphEdge[];
}

/** Walkable ways as runs of nodes with coordinates: a node without them splits the way there. */
function walkablePieces(
	ways: readonly BundleWay[],
	nodeLngLat: AnalysisBundleInput['nodeLngLat'],
): { pieces: Piece[]; ways: BundleWay[] } {
	const pieces: Piece[] = [];
	const walkableWays: BundleWay[] = [];
	const sortedWays = [...ways].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	for (const way of sortedWays) {
		if (!isWalkableWay(way.tags)) continue;
		const wayIndex = walkableWays.length;
		let used = false;
		let run: number[] = [];
		const flush = (): void => {
			if (run.length >= 2) {
				pieces.push({ way: wayIndex, nodes: run });
				used = true;
			}
			run = [];
		};
		for (const id of way.nodeIds) {
			const ll = nodeLngLat.get(id);
			if (ll === undefined) {
				flush();
				continue;
			}
			assertLngLat(ll, `analysis bundle: node ${id}`);
			if (run.length > 0 && run[run.length - 1] === id) continue; // repeated node
			run.push(id);
		}
		flush();
		if (used) walkableWays.push(way);
	}
	return { pieces, ways: walkableWays };
}

/** Edges between graph nodes: piece ends and nodes used more than once. */
function splitAtGraphNodes(
	pieces: readonly Piece[],
	ll: (id: number) => [number, number],
): RawEdge[] {
	const uses = new Map<number, number>();
	for (const p of pieces) {
		for (const id of p.nodes) uses.set(id, (uses.get(id) ?? 0) + 1);
	}
	const isGraphNode = (id: number, i: number, n: number): boolean =>
		i === 0 || i === n - 1 || (uses.get(id) ?? 0) > 1;
	const rawEdges: RawEdge[] = [];
	for (const p of pieces) {
		let start = 0;
		let lengthM = 0;
		for (let i = 1; i < p.nodes.length; i++) {
			const a = ll(p.nodes[i - 1] as number);
			const b = ll(p.nodes[i] as number);
			lengthM += distanceM(a[0], a[1], b[0], b[1]);
			if (isGraphNode(p.nodes[i] as number, i, p.nodes.length)) {
				const nodes = p.nodes.slice(start, i + 1);
				rawEdges.push({
					from: nodes[0] as number,
					to: nodes[nodes.length - 1] as number,
					way: p.way,
					nodes,
					lengthM,
				});
				start = i;
				lengthM = 0;
			}
		}
	}
	return rawEdges;
}

/** The ids sorted along a Hilbert curve over their bbox (ties by id): locality for the sweeps. */
function hilbertOrder(ids: number[], ll: (id: number) => [number, number]): number[] {
	const [minX, minY, maxX, maxY] = bboxOfPositions(ids.map(ll));
	const spanX = maxX - minX || 1;
	const spanY = maxY - minY || 1;
	const hkey = new Map<number, number>();
	for (const id of ids) {
		const [x, y] = ll(id);
		hkey.set(
			id,
			hilbertIndex(
				Math.floor(((x - minX) / spanX) * 65535),
				Math.floor(((y - minY) / spanY) * 65535),
			),
		);
	}
	return ids.sort((a, b) => (hkey.get(a) as number) - (hkey.get(b) as number) || a - b);
}

/**
 * The graph from the ways: walkable pieces, fragments joined to the main network where they come
 * within {@link JOIN_MAX_M} (not across `joinBarriers`), edges between graph nodes, nodes in
 * Hilbert order, edges oriented and sorted. Deterministic for ways in any order.
 */
export function graphFromWays(
	input: Pick<AnalysisBundleInput, 'ways' | 'nodeLngLat' | 'joinBarriers'>,
): WayGraph {
	const { pieces, ways } = walkablePieces(input.ways, input.nodeLngLat);
	const realWays = ways.length;
	const joined = joinFragments(
		pieces,
		(id) => input.nodeLngLat.get(id),
		(w) => (ways[w] as BundleWay).id,
		(k) => realWays + k,
		input.joinBarriers ?? [],
	);
	for (const j of joined.joins) {
		ways.push({ id: j.id, nodeIds: [], tags: { highway: 'footway', 'buurtkaart:join': 'yes' } });
	}
	pieces.push(...joined.connectors);
	const ll = (id: number): [number, number] =>
		(id < 0 ? joined.synthetic.get(id) : input.nodeLngLat.get(id)) as [number, number];
	const rawEdges = splitAtGraphNodes(pieces, ll);
	const nodeIds = hilbertOrder([...new Set(rawEdges.flatMap((e) => [e.from, e.to]))], ll);
	const nodeIndex = new Map<number, number>();
	nodeIds.forEach((id, i) => nodeIndex.set(id, i));
	const edges: GraphEdge[] = rawEdges.map((e) => {
		const f = nodeIndex.get(e.from) as number;
		const t = nodeIndex.get(e.to) as number;
		return f <= t
			? { ...e, f, t }
			: { ...e, f: t, t: f, from: e.to, to: e.from, nodes: [...e.nodes].reverse() };
	});
	const wayIdOf = (e: { way: number }): string => (ways[e.way] as BundleWay).id;
	edges.sort(
		(a, b) =>
			a.f - b.f ||
			a.t - b.t ||
			(wayIdOf(a) < wayIdOf(b) ? -1 : wayIdOf(a) > wayIdOf(b) ? 1 : 0) ||
			a.lengthM - b.lengthM ||
			(a.nodes.join(',') < b.nodes.join(',') ? -1 : a.nodes.join(',') > b.nodes.join(',') ? 1 : 0),
	);
	return { ways, joins: joined.joins, lngLat: ll, nodeIds, edges };
}

/** The benches of an area in a KDBush index, for the longest stretch without one per edge. */
export class BenchIndex {
	readonly #points: readonly [number, number][];
	readonly #index: KDBush | null;

	constructor(points: readonly [number, number][]) {
		this.#points = points;
		if (points.length === 0) {
			this.#index = null;
			return;
		}
		this.#index = new KDBush(points.length);
		for (const [x, y] of points) this.#index.add(x, y);
		this.#index.finish();
	}

	/**
	 * The benches that can lie within {@link BENCH_NEAR_M} of the polyline: those in its bbox
	 * widened by twice that distance (a superset; {@link longestStretchWithoutBench} measures).
	 */
	near(coords: readonly [number, number][]): [number, number][] {
		if (!this.#index) return [];
		const [w, s, e, n] = bboxOfPositions(coords);
		const { kx, ky } = metresPerDegree(Math.max(Math.abs(s), Math.abs(n)));
		const padX = (2 * BENCH_NEAR_M) / kx;
		const padY = (2 * BENCH_NEAR_M) / ky;
		return this.#index
			.range(w - padX, s - padY, e + padX, n + padY)
			.map((i) => this.#points[i] as [number, number]);
	}
}

/**
 * The benches: nodes tagged `amenity=bench` (in node id order), then places of a bench category
 * (whose coordinates are checked here).
 */
function benchPoints(input: AnalysisBundleInput): [number, number][] {
	const benchCats = new Set(input.benchCategoryIds ?? [BENCH_CATEGORY_ID]);
	const benches: [number, number][] = [];
	for (const [id, tags] of [...input.nodeTags.entries()].sort((a, b) => a[0] - b[0])) {
		const c = input.nodeLngLat.get(id);
		if (tags.amenity === 'bench' && c) benches.push(c);
	}
	input.places.forEach((p) => {
		if (p.categoryIds.some((c) => benchCats.has(c))) benches.push(p.lngLat);
	});
	return benches;
}

/** The edges as columns: ends, length, way and shape (interior vertices, 1e-7°). */
function edgeColumns(graph: WayGraph) {
	const { edges, lngLat: ll } = graph;
	const edgeCount = edges.length;
	const edgeFrom = new Uint32Array(edgeCount);
	const edgeTo = new Uint32Array(edgeCount);
	const lengthsM = new Float32Array(edgeCount);
	const edgeWays = new Uint32Array(edgeCount);
	const shapeOffsets = new Uint32Array(edgeCount + 1);
	let shapeCount = 0;
	for (const e of edges) shapeCount += e.nodes.length - 2;
	const shapeE7 = new Int32Array(shapeCount * 2);
	let s = 0;
	edges.forEach((e, i) => {
		edgeFrom[i] = e.f;
		edgeTo[i] = e.t;
		lengthsM[i] = e.lengthM;
		edgeWays[i] = e.way;
		shapeOffsets[i] = s;
		for (let k = 1; k + 1 < e.nodes.length; k++) {
			const [x, y] = ll(e.nodes[k] as number);
			shapeE7[s * 2] = e7(x);
			shapeE7[s * 2 + 1] = e7(y);
			s++;
		}
	});
	shapeOffsets[edgeCount] = s;
	return { edgeFrom, edgeTo, lengthsM, edgeWays, shapeOffsets, shapeE7 };
}

/**
 * Every edge's classification attributes ({@link edgeAttributes}: its way's tags, the tags of the
 * tagged nodes on it, its longest stretch without a bench) and its classification per built-in
 * profile ({@link classifyEdgeInto}), profile-major.
 */
export function classifyGraphEdges(
	graph: WayGraph,
	nodeTags: ReadonlyMap<number, Record<string, string>>,
	benches: BenchIndex,
): { attributes: EdgeAttributeTable; classification: EdgeClassification } {
	const edgeCount = graph.edges.length;
	const attributes: EdgeAttributeTable = {
		flags: new Uint32Array(edgeCount),
		kerbM: new Float32Array(edgeCount),
		inclinePct: new Float32Array(edgeCount),
		widthM: new Float32Array(edgeCount),
		benchStretchM: new Float32Array(edgeCount),
	};
	const classification: EdgeClassification = {
		statuses: new Uint8Array(edgeCount * 3),
		reasons: new Uint32Array(edgeCount * 3),
		unknowns: new Uint8Array(edgeCount * 3),
	};
	const prepared = PROFILE_IDS.map((p) => prepareLimits(PROFILE_LIMITS[p]));
	graph.edges.forEach((e, i) => {
		const way = graph.ways[e.way] as BundleWay;
		const coords = e.nodes.map(graph.lngLat);
		const tagsOnEdge: Record<string, string>[] = [];
		for (const id of e.nodes) {
			const t = nodeTags.get(id);
			if (t) tagsOnEdge.push(t);
		}
		const stretchWithoutBenchM = longestStretchWithoutBench(
			coords,
			e.lengthM,
			benches.near(coords),
		);
		const a = edgeAttributes(way.tags, { nodeTags: tagsOnEdge, stretchWithoutBenchM });
		attributes.flags[i] = a.flags;
		attributes.kerbM[i] = a.kerbM;
		attributes.inclinePct[i] = a.inclinePct;
		attributes.widthM[i] = a.widthM;
		attributes.benchStretchM[i] = a.benchStretchM;
		prepared.forEach((limits, pi) => {
			classifyEdgeInto(
				a.flags,
				a.kerbM,
				a.inclinePct,
				a.widthM,
				a.benchStretchM,
				limits,
				classification,
				pi * edgeCount + i,
			);
		});
	});
	return { attributes, classification };
}

/** CSR arcs: for each node, its edges in edge order. */
function csrArcs(nodeCount: number, edgeFrom: Uint32Array, edgeTo: Uint32Array) {
	const edgeCount = edgeFrom.length;
	const degree = new Uint32Array(nodeCount);
	for (let i = 0; i < edgeCount; i++) {
		degree[edgeFrom[i] as number]! += 1;
		degree[edgeTo[i] as number]! += 1;
	}
	const offsets = new Uint32Array(nodeCount + 1);
	for (let n = 0; n < nodeCount; n++)
		offsets[n + 1] = (offsets[n] as number) + (degree[n] as number);
	const fill = offsets.slice(0, nodeCount);
	const targets = new Uint32Array(edgeCount * 2);
	const arcEdges = new Uint32Array(edgeCount * 2);
	for (let i = 0; i < edgeCount; i++) {
		const f = edgeFrom[i] as number;
		const t = edgeTo[i] as number;
		let a = fill[f] as number;
		targets[a] = t;
		arcEdges[a] = i;
		fill[f] = a + 1;
		a = fill[t] as number;
		targets[a] = f;
		arcEdges[a] = i;
		fill[t] = a + 1;
	}
	return { offsets, targets, arcEdges };
}

/** The origins as columns, the input checked. */
function originColumns(origins: readonly BundleOrigin[], nbIndex: ReadonlyMap<string, number>) {
	const nO = origins.length;
	const originE7 = new Int32Array(nO * 2);
	const residents = new Float32Array(nO);
	const residents65 = new Float32Array(nO);
	const residents80 = new Float32Array(nO);
	const neighbourhood = new Uint32Array(nO);
	const edgeOfData = new Uint8Array(nO);
	const ids: string[] = [];
	origins.forEach((o, i) => {
		originE7[i * 2] = e7(o.lngLat[0]);
		originE7[i * 2 + 1] = e7(o.lngLat[1]);
		residents[i] = o.residents;
		residents65[i] = o.residents65;
		residents80[i] = o.residents80;
		if (o.neighbourhoodId === '') neighbourhood[i] = NO_NEIGHBOURHOOD;
		else {
			const k = nbIndex.get(o.neighbourhoodId);
			if (k === undefined)
				fail(`origin #${i} "${o.id}": unknown neighbourhoodId "${o.neighbourhoodId}"`);
			neighbourhood[i] = k;
		}
		edgeOfData[i] = o.edgeOfData ? 1 : 0;
		ids.push(o.id);
	});
	return { ids, originE7, residents, residents65, residents80, neighbourhood, edgeOfData };
}

/** The places' coordinates (1e-7°); {@link BundleInputSchema} checked them and their ids. */
function placeColumns(places: readonly BundlePlace[]): Int32Array {
	const placeE7 = new Int32Array(places.length * 2);
	places.forEach((p, i) => {
		placeE7[i * 2] = e7(p.lngLat[0]);
		placeE7[i * 2 + 1] = e7(p.lngLat[1]);
	});
	return placeE7;
}

/** The snapping index over the bundle's edges, on their coordinates as decoded (1e-7°). */
function snapIndexOf(
	nodeCount: number,
	edgeCount: number,
	nodeE7: Int32Array,
	cols: ReturnType<typeof edgeColumns>,
): EdgeIndex {
	const deg = (a: Int32Array): Float64Array => Float64Array.from(a, (v) => v / 1e7);
	return new EdgeIndex({
		nodeCount,
		edgeCount,
		nodeLngLat: deg(nodeE7),
		edgeFrom: cols.edgeFrom,
		edgeTo: cols.edgeTo,
		shapeOffsets: cols.shapeOffsets,
		shapeLngLat: deg(cols.shapeE7),
	} as RoutingGraph);
}

/**
 * The origins' columns in the order of the edges they snap to on foot (every edge of the bundle is
 * walkable; the nearest within MAX_ACCESS_M, coordinates as decoded), then of their position
 * along it; origins on no edge last; ties in input order. Also each origin's snap, in that order.
 */
function originsInEdgeOrder(
	o: ReturnType<typeof originColumns>,
	snapIndex: EdgeIndex,
): { o: ReturnType<typeof originColumns>; originSnaps: (Snap | undefined)[] } {
	const n = o.ids.length;
	const snaps = Array.from({ length: n }, (_, i) =>
		snapIndex.snap(
			(o.originE7[i * 2] as number) / 1e7,
			(o.originE7[i * 2 + 1] as number) / 1e7,
			() => true,
			MAX_ACCESS_M,
		),
	);
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
		const sa = snaps[a];
		const sb = snaps[b];
		if (!sa || !sb) return sa ? -1 : sb ? 1 : a - b;
		return sa.edge - sb.edge || sa.t - sb.t || a - b;
	});
	const pick = <T extends Int32Array | Float32Array | Uint32Array | Uint8Array>(a: T, k = 1): T => {
		const out = new (a.constructor as new (length: number) => T)(a.length);
		order.forEach((from, to) => {
			for (let j = 0; j < k; j++) out[to * k + j] = a[from * k + j] as number;
		});
		return out;
	};
	return {
		o: {
			ids: order.map((i) => o.ids[i] as string),
			originE7: pick(o.originE7, 2),
			residents: pick(o.residents),
			residents65: pick(o.residents65),
			residents80: pick(o.residents80),
			neighbourhood: pick(o.neighbourhood),
			edgeOfData: pick(o.edgeOfData),
		},
		originSnaps: order.map((i) => snaps[i]),
	};
}

/**
 * Fragments left, and where origins and places meet the network (as the engine snaps them on
 * foot: the nearest way within MAX_ACCESS_M, coordinates as decoded): the header's network report
 * and each origin's reason code.
 */
function networkOfGraph(
	graph: WayGraph,
	cols: ReturnType<typeof edgeColumns>,
	nodeE7: Int32Array,
	edgeFragmentOf: ReturnType<typeof markFragments>,
	origins: { edgeOfData: Uint8Array },
	originSnaps: readonly (Snap | undefined)[],
	snapIndex: EdgeIndex,
	places: readonly BundlePlace[],
	placeE7: Int32Array,
): { network: BundleNetworkReport; originReason: Uint8Array } {
	const { edgeFrom, lengthsM, edgeWays } = cols;
	const frag = edgeFragmentOf;
	const edgeCount = graph.edges.length;
	const fragments: NetworkFragment[] = Array.from({ length: frag.count }, () => ({
		lengthM: 0,
		edges: 0,
		ways: [],
		at: [0, 0],
	}));
	for (let e = 0; e < edgeCount; e++) {
		const k = frag.fragmentOfEdge[e] as number;
		if (k < 0) continue;
		const f = fragments[k] as NetworkFragment;
		if (f.edges === 0) {
			const n = edgeFrom[e] as number;
			f.at = [(nodeE7[n * 2] as number) / 1e7, (nodeE7[n * 2 + 1] as number) / 1e7];
		}
		f.edges++;
		f.lengthM += lengthsM[e] as number;
		const w = (graph.ways[edgeWays[e] as number] as BundleWay).id;
		if (f.ways.length < 10 && !f.ways.includes(w)) f.ways.push(w);
	}
	for (const f of fragments) f.lengthM = Math.round(f.lengthM * 10) / 10;
	const usable = (): boolean => true; // every edge of the bundle is walkable
	const nO = origins.edgeOfData.length;
	const originReason = new Uint8Array(nO);
	const perReason: Record<OriginReason, number> = {
		none: 0,
		edge_of_data: 0,
		beyond_access_limit: 0,
		isolated_fragment: 0,
	};
	for (let i = 0; i < nO; i++) {
		let r = 0;
		if (origins.edgeOfData[i] === 1) r = 1;
		else {
			const sn = originSnaps[i];
			if (!sn) r = 2;
			else if (frag.edgeFragment[sn.edge] === 1) r = 3;
		}
		originReason[i] = r;
		perReason[ORIGIN_REASONS[r] as OriginReason]++;
	}
	const placesOffMainNetwork: BundleNetworkReport['placesOffMainNetwork'] = [];
	places.forEach((p, i) => {
		const sn = snapIndex.snap(
			(placeE7[i * 2] as number) / 1e7,
			(placeE7[i * 2 + 1] as number) / 1e7,
			usable,
			MAX_ACCESS_M,
		);
		if (!sn) placesOffMainNetwork.push({ placeId: p.id, fragment: -1, accessM: null });
		else if (frag.edgeFragment[sn.edge] === 1) {
			placesOffMainNetwork.push({
				placeId: p.id,
				fragment: frag.fragmentOfEdge[sn.edge] as number,
				accessM: Math.round(sn.accessM * 10) / 10,
			});
		}
	});
	return {
		network: {
			joinMaxM: JOIN_MAX_M,
			mainLengthM: Math.round(frag.mainLengthM),
			joins: graph.joins,
			fragments,
			placesOffMainNetwork,
			originsPerReason: perReason,
		},
		originReason,
	};
}

/**
 * Builds the analysis bundle of an area. Deterministic: the same input (same order of origins,
 * places and neighbourhoods; ways and nodes in any order) gives byte-identical output.
 * Its parts: {@link graphFromWays}, the benches ({@link BenchIndex}), {@link classifyGraphEdges},
 * the origin and place columns, the network report, and the section container
 * ({@link encodeSections}).
 *
 * @throws ValidationError naming the field and the rule of a bad origin, place, neighbourhood or
 * meta ({@link BundleInputSchema}); Error naming a node without valid coordinates or an origin's
 * unknown neighbourhood.
 * @example
 * const bytes = buildAnalysisBundle({ ways, nodeLngLat, nodeTags, origins, places, neighbourhoods, meta });
 * writeFileSync('tiles/<area id>/analysis.bin', bytes);
 */
export function buildAnalysisBundle(input: AnalysisBundleInput): Uint8Array {
	const { meta } = input;
	parseWith(BundleInputSchema, input, 'analysis bundle input');
	const nbIndex = neighbourhoodIndex(input.neighbourhoods);
	const graph = graphFromWays(input);
	const nodeCount = graph.nodeIds.length;
	const benches = new BenchIndex(benchPoints(input));

	const nodeE7 = new Int32Array(nodeCount * 2);
	const nodeOsm = new Float64Array(nodeCount);
	graph.nodeIds.forEach((id, i) => {
		const [x, y] = graph.lngLat(id);
		nodeE7[i * 2] = e7(x);
		nodeE7[i * 2 + 1] = e7(y);
		nodeOsm[i] = id;
	});
	const cols = edgeColumns(graph);
	const { attributes, classification } = classifyGraphEdges(graph, input.nodeTags, benches);
	const arcs = csrArcs(nodeCount, cols.edgeFrom, cols.edgeTo);
	const snapIndex = snapIndexOf(nodeCount, graph.edges.length, nodeE7, cols);
	const { o, originSnaps } = originsInEdgeOrder(originColumns(input.origins, nbIndex), snapIndex);
	const placeE7 = placeColumns(input.places);
	const frag = markFragments(nodeCount, cols.edgeFrom, cols.edgeTo, cols.lengthsM);
	const { network, originReason } = networkOfGraph(
		graph,
		cols,
		nodeE7,
		frag,
		o,
		originSnaps,
		snapIndex,
		input.places,
		placeE7,
	);

	// Every section of the contract's table, in its order, with its element type.
	const values: Record<BundleSectionName, ArrayBufferView> = {
		nodeE7,
		nodeOsmIds: nodeOsm,
		offsets: arcs.offsets,
		targets: arcs.targets,
		arcEdges: arcs.arcEdges,
		edgeFrom: cols.edgeFrom,
		edgeTo: cols.edgeTo,
		lengthsM: cols.lengthsM,
		edgeWays: cols.edgeWays,
		edgeFragment: frag.edgeFragment,
		statuses: classification.statuses,
		reasons: classification.reasons,
		unknowns: classification.unknowns,
		shapeOffsets: cols.shapeOffsets,
		shapeE7: cols.shapeE7,
		originE7: o.originE7,
		residents: o.residents,
		residents65: o.residents65,
		residents80: o.residents80,
		originNeighbourhood: o.neighbourhood,
		originEdgeOfData: o.edgeOfData,
		originReason,
		placeE7,
		edgeFlags: attributes.flags,
		edgeKerbM: attributes.kerbM,
		edgeInclinePct: attributes.inclinePct,
		edgeWidthM: attributes.widthM,
		edgeBenchStretchM: attributes.benchStretchM,
	};
	const sections: Section[] = Object.entries(BUNDLE_SECTIONS).map(
		([name, type]) => [name, type, values[name as BundleSectionName]] as const,
	);
	const header: Omit<Header, 'sections'> = {
		version: BUNDLE_VERSION,
		meta: {
			areaId: meta.areaId,
			bbox: [...meta.bbox],
			dataDate: meta.dataDate,
			maxAccessM: MAX_ACCESS_M,
		},
		network,
		nodeCount,
		edgeCount: graph.edges.length,
		wayIds: graph.ways.map((w) => w.id),
		wayNames: graph.ways.map(wayName),
		origins: { ids: o.ids },
		places: {
			ids: input.places.map((p) => p.id),
			names: input.places.map((p) => p.name),
			categoryIds: input.places.map((p) => [...p.categoryIds]),
		},
		neighbourhoods: input.neighbourhoods.map((n) => ({
			id: n.id,
			name: n.name,
			population: n.population,
			residents65: n.residents65,
			residents80: n.residents80,
			coverageShare: n.coverageShare,
		})),
	};
	return encodeSections(BUNDLE_FORMAT, header, sections);
}

/**
 * Decodes a bundle made by {@link buildAnalysisBundle}. Typed arrays view the given bytes without
 * copying when they are 8-byte aligned (as read from a file or fetched); otherwise they are copied.
 *
 * @throws Error when the bytes are not a bundle, of another version, or truncated.
 */
export function decodeAnalysisBundle(bytes: Uint8Array): AnalysisBundle {
	const { version, header, get } = decodeSections<Header>(BUNDLE_FORMAT, bytes);
	const sec = <K extends BundleSectionName>(name: K) => get(name, BUNDLE_SECTIONS[name]);
	const deg = (a: Int32Array): Float64Array => {
		const out = new Float64Array(a.length);
		for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) / 1e7;
		return out;
	};
	const graph: RoutingGraph = {
		nodeCount: header.nodeCount,
		edgeCount: header.edgeCount,
		nodeLngLat: deg(sec('nodeE7')),
		nodeOsmIds: sec('nodeOsmIds'),
		offsets: sec('offsets'),
		targets: sec('targets'),
		arcEdges: sec('arcEdges'),
		edgeFrom: sec('edgeFrom'),
		edgeTo: sec('edgeTo'),
		lengthsM: sec('lengthsM'),
		edgeWays: sec('edgeWays'),
		edgeFragment: sec('edgeFragment'),
		statuses: sec('statuses'),
		reasons: sec('reasons'),
		unknowns: sec('unknowns'),
		attributes: {
			flags: sec('edgeFlags'),
			kerbM: sec('edgeKerbM'),
			inclinePct: sec('edgeInclinePct'),
			widthM: sec('edgeWidthM'),
			benchStretchM: sec('edgeBenchStretchM'),
		},
		shapeOffsets: sec('shapeOffsets'),
		shapeLngLat: deg(sec('shapeE7')),
		wayIds: header.wayIds,
		wayNames: header.wayNames ?? header.wayIds.map(() => ''),
	};
	const origins: OriginTable = {
		count: header.origins.ids.length,
		ids: header.origins.ids,
		lngLat: deg(sec('originE7')),
		residents: sec('residents'),
		residents65: sec('residents65'),
		residents80: sec('residents80'),
		neighbourhood: sec('originNeighbourhood'),
		edgeOfData: sec('originEdgeOfData'),
		reason: sec('originReason'),
	};
	const places: PlaceTable = {
		count: header.places.ids.length,
		ids: header.places.ids,
		names: header.places.names,
		categoryIds: header.places.categoryIds,
		lngLat: deg(sec('placeE7')),
	};
	return {
		version,
		meta: header.meta,
		graph,
		origins,
		places,
		neighbourhoods: header.neighbourhoods,
		network: header.network,
	};
}

/** Status of edge `e` for profile index `p` as a {@link WayStatus}. */
export function edgeStatus(graph: RoutingGraph, p: number, e: number): WayStatus {
	const code = graph.statuses[p * graph.edgeCount + e];
	return (['passable', 'limited', 'impassable', 'unknown'] as const)[code ?? 2] ?? 'impassable';
}
