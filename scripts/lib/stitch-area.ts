/**
 * Stitches a larger area out of real copies of one area's inputs, for the pipeline benchmark
 * (`npm run bench -- pipeline`): copy k of the OSM extract, the neighbourhoods, the address points,
 * the age structure, the extra place lists and the coverage polygon is shifted by whole multiples of
 * the inputs' own extent, on a grid, so copies never overlap and every tile at the area's density
 * looks like a tile of the original. Nothing is invented: every object, tag, name, population and
 * address is a real one, only moved.
 *
 * Copy 0 is the original, unchanged. Copy k ≥ 1 gets OSM ids + k × a power of ten above the largest
 * id, municipality NIS codes `9kkii` (k, index of the municipality in the config), neighbourhood ids
 * `<id>-c<k>` and names with ` (k+1)`. Inputs in Lambert 72 are written in WGS84.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { loadAreaConfig, type AreaConfig, type SupportedCrs } from './area-config.ts';
import { declaredCrs, mapPositions, toWgs84 } from './crs.ts';
import { bboxOf, type Bbox } from './geo.ts';
import { parseCsv, readFeatureCollection, readInput } from './io.ts';
import { readOsm, type OsmRelation, type OsmWay } from './osm.ts';
import {
	nodeBlob,
	osmHeaderBlob,
	relationBlob,
	wayBlob,
	writeNodeOf,
	type WriteNode,
} from '../../tests/helpers/osm-pbf-writer.ts';

/** Objects per OSMData block, as osmium writes them. */
const BLOCK = 8000;

/** What was stitched. */
export interface StitchResult {
	/** The area config of the stitched area (inside `outDir`). */
	config: string;
	copies: number;
	grid: { cols: number; rows: number; dxDeg: number; dyDeg: number };
	osmBytes: number;
}

const shiftGeometry = (g: Geometry, dx: number, dy: number): Geometry =>
	mapPositions(g, (c) => [
		Math.round(((c[0] as number) + dx) * 1e7) / 1e7,
		Math.round(((c[1] as number) + dy) * 1e7) / 1e7,
	]);

/** A GeoJSON input in WGS84 (reprojected when the config or the file says Lambert 72). */
function readWgs84(file: string, what: string, crs: SupportedCrs | null): FeatureCollection {
	const fc = readFeatureCollection(file, what);
	const c = (crs ?? declaredCrs(fc) ?? 'EPSG:4326') as SupportedCrs;
	return {
		type: 'FeatureCollection',
		features: fc.features.map((f) => ({ ...f, geometry: toWgs84(f.geometry, c) })),
	};
}

const union = (a: Bbox, b: Bbox): Bbox => [
	Math.min(a[0], b[0]),
	Math.min(a[1], b[1]),
	Math.max(a[2], b[2]),
	Math.max(a[3], b[3]),
];

/**
 * Writes `copies` shifted copies of the area at `configPath` into `outDir` (an `area.json` and its
 * inputs) and returns the new config's path. The copies lie on a grid of ⌈√copies⌉ columns.
 */
export async function stitchArea(
	configPath: string,
	copies: number,
	outDir: string,
): Promise<StitchResult> {
	if (!Number.isInteger(copies) || copies < 1)
		throw new Error(`copies must be a positive integer, got ${copies}`);
	if (copies > 99) throw new Error(`at most 99 copies (NIS codes 9kkii), got ${copies}`);
	const config: AreaConfig = loadAreaConfig(configPath);
	const src = config.sources;
	mkdirSync(outDir, { recursive: true });

	const nb = readWgs84(src.neighbourhoods.path, 'neighbourhoods', src.neighbourhoods.crs);
	const addresses = src.addresses
		? readWgs84(src.addresses.path, 'address points', src.addresses.crs)
		: null;
	const coverage = src.osm.coveragePolygon
		? readWgs84(src.osm.coveragePolygon.path, 'OSM coverage polygon', null)
		: null;
	const extras = src.extraPlaces.map((e) => readWgs84(e.path, 'extra places', e.crs));
	const osm = await readOsm(src.osm.path);

	let extent = bboxOf(nb.features);
	if (addresses && addresses.features.length > 0)
		extent = union(extent, bboxOf(addresses.features));
	if (coverage) extent = union(extent, bboxOf(coverage.features));
	if (osm.headerBbox) extent = union(extent, osm.headerBbox);
	const cols = Math.ceil(Math.sqrt(copies));
	const rows = Math.ceil(copies / cols);
	const dxDeg = Math.ceil((extent[2] - extent[0]) * 1e4) / 1e4;
	const dyDeg = Math.ceil((extent[3] - extent[1]) * 1e4) / 1e4;
	const offset = (k: number): [number, number] => [
		(k % cols) * dxDeg,
		Math.floor(k / cols) * dyDeg,
	];

	const nisIndex = new Map(config.municipalities.map((m, i) => [m.nis, i]));
	const nisOf = (nis: string, k: number): string => {
		const i = nisIndex.get(nis);
		if (k === 0 || i === undefined) return nis;
		return `9${String(k).padStart(2, '0')}${String(i).padStart(2, '0')}`;
	};
	const suffix = (k: number) => (k === 0 ? '' : ` (${k + 1})`);
	const idOf = (id: string, k: number) => (k === 0 ? id : `${id}-c${k}`);
	const nameOf = (p: Record<string, unknown>, key: string, k: number) => {
		if (typeof p[key] === 'string' && p[key] !== '') p[key] = `${String(p[key])}${suffix(k)}`;
	};
	// A Statbel sector code starts with its municipality's NIS code.
	const sectorOf = (code: string, k: number): string => {
		if (k === 0) return code;
		const nis = code.slice(0, 5);
		return nisIndex.has(nis) ? `${nisOf(nis, k)}${code.slice(5)}` : `${code}-c${k}`;
	};
	/** Copies a CSV input, each row once per copy with `edit` applied, keeping only `columns`. */
	const copyCsv = (
		file: string,
		what: string,
		columns: string[],
		name: string,
		edit: (row: Record<string, string>, k: number) => boolean,
	): string => {
		const rowsIn = parseCsv(readInput(file, what).toString('utf8'), file);
		const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
		const lines = [columns.map(quote).join(',')];
		for (let k = 0; k < copies; k++) {
			for (const r of rowsIn) {
				const row = { ...r };
				if (!edit(row, k)) continue;
				lines.push(columns.map((c) => quote(row[c] ?? '')).join(','));
			}
		}
		writeFileSync(path.join(outDir, name), `${lines.join('\n')}\n`);
		return name;
	};

	const copiesOf = (
		fc: FeatureCollection,
		edit: (props: Record<string, unknown>, k: number) => void,
	): FeatureCollection => {
		const out: Feature[] = [];
		for (let k = 0; k < copies; k++) {
			const [dx, dy] = offset(k);
			for (const f of fc.features) {
				const properties = { ...(f.properties ?? {}) };
				edit(properties, k);
				out.push({ type: 'Feature', properties, geometry: shiftGeometry(f.geometry, dx, dy) });
			}
		}
		return { type: 'FeatureCollection', features: out };
	};
	const writeJson = (name: string, fc: FeatureCollection): string => {
		writeFileSync(path.join(outDir, name), JSON.stringify(fc));
		return name;
	};

	const nbs = src.neighbourhoods;
	const nbFile = writeJson(
		'neighbourhoods.geojson',
		copiesOf(nb, (p, k) => {
			if (k === 0) return;
			p[nbs.idProperty] = idOf(String(p[nbs.idProperty]), k);
			if (nbs.nameProperty) nameOf(p, nbs.nameProperty, k);
			p[nbs.municipalityProperty] = nisOf(String(p[nbs.municipalityProperty]), k);
			// Sector codes listed as "a;b" or "a,b", or as an array.
			const sp = nbs.sectorsProperty;
			if (sp && Array.isArray(p[sp]))
				p[sp] = (p[sp] as unknown[]).map((c) => sectorOf(String(c), k));
			else if (sp && typeof p[sp] === 'string')
				p[sp] = (p[sp] as string).replace(/[^;,\s]+/g, (c) => sectorOf(c, k));
		}),
	);
	const addrFile =
		addresses && src.addresses
			? writeJson(
					'addresses.geojson',
					copiesOf(addresses, (p, k) => {
						const prop = src.addresses?.municipalityProperty;
						if (prop && p[prop] !== undefined && p[prop] !== null)
							p[prop] = nisOf(String(p[prop]), k);
					}),
				)
			: null;
	const covFile = coverage
		? writeJson(
				'coverage.geojson',
				copiesOf(coverage, () => {}),
			)
		: null;
	const extraFiles = extras.map((fc, i) =>
		writeJson(
			`extra-${i}.geojson`,
			copiesOf(fc, () => {}),
		),
	);

	const files: Record<string, string> = {};
	if (src.ageStructure) {
		const a = src.ageStructure;
		files.ageStructure = copyCsv(
			a.path,
			'age structure',
			[a.municipalityColumn, a.ageColumn, a.countColumn],
			'ages.csv',
			(r, k) => {
				const nis = (r[a.municipalityColumn] ?? '').trim();
				r[a.municipalityColumn] = nisOf(nis, k);
				return nisIndex.has(nis);
			},
		);
	}
	if (src.population) {
		const pop = src.population;
		const columns = [
			pop.sectorColumn,
			pop.populationColumn,
			pop.neighbourhoodColumn,
			pop.nameColumn,
		];
		files.population = copyCsv(
			pop.path,
			'population',
			columns.filter((c): c is string => c !== null),
			'population.csv',
			(r, k) => {
				r[pop.sectorColumn] = sectorOf((r[pop.sectorColumn] ?? '').trim(), k);
				if (pop.neighbourhoodColumn && r[pop.neighbourhoodColumn])
					r[pop.neighbourhoodColumn] = idOf(r[pop.neighbourhoodColumn] as string, k);
				if (pop.nameColumn) nameOf(r, pop.nameColumn, k);
				return true;
			},
		);
	}
	if (src.neighbourhoodAges) {
		const na = src.neighbourhoodAges;
		files.neighbourhoodAges = copyCsv(
			na.path,
			'neighbourhood ages',
			[na.keyColumn, na.ageColumn, na.countColumn],
			'neighbourhood-ages.csv',
			(r, k) => {
				const key = (r[na.keyColumn] ?? '').trim();
				r[na.keyColumn] = na.keyKind === 'sector' ? sectorOf(key, k) : idOf(key, k);
				return true;
			},
		);
	}
	if (src.subMunicipalities) {
		const sm = src.subMunicipalities;
		files.subMunicipalities = writeJson(
			'sub-municipalities.geojson',
			copiesOf(readWgs84(sm.path, 'sub-municipalities', sm.crs), (p, k) => {
				if (k === 0) return;
				p[sm.idProperty] = idOf(String(p[sm.idProperty]), k);
				nameOf(p, sm.nameProperty, k);
				if (sm.municipalityProperty && p[sm.municipalityProperty] != null)
					p[sm.municipalityProperty] = nisOf(String(p[sm.municipalityProperty]), k);
			}),
		);
	}

	// OSM: all nodes of every copy, then all ways, then all relations, ids ascending (osmium's order).
	let maxId = 0;
	for (const id of osm.coords.keys()) maxId = Math.max(maxId, id);
	for (const w of osm.ways) maxId = Math.max(maxId, w.id);
	for (const r of osm.relations) maxId = Math.max(maxId, r.id);
	const stride = 10 ** Math.ceil(Math.log10(maxId + 1));
	const nodes: WriteNode[] = [...osm.coords.keys()]
		.sort((a, b) => a - b)
		.map((id) => writeNodeOf(osm, id));
	const ways = [...osm.ways].sort((a, b) => a.id - b.id);
	const relations = [...osm.relations].sort((a, b) => a.id - b.id);
	const osmFile = 'osm.osm.pbf';
	const fd = openSync(path.join(outDir, osmFile), 'w');
	let osmBytes = 0;
	const write = (b: Buffer) => {
		writeSync(fd, b);
		osmBytes += b.length;
	};
	try {
		const hb = osm.headerBbox;
		const header: Bbox | null = hb
			? [hb[0], hb[1], hb[2] + (cols - 1) * dxDeg, hb[3] + (rows - 1) * dyDeg]
			: null;
		write(osmHeaderBlob(header, 'buurtkaart-stitch'));
		const chunks = <T>(list: T[], fn: (part: T[]) => Buffer) => {
			for (let i = 0; i < list.length; i += BLOCK) write(fn(list.slice(i, i + BLOCK)));
		};
		for (let k = 0; k < copies; k++) {
			const [dx, dy] = offset(k);
			chunks(
				nodes.map((n) => ({
					...n,
					id: n.id + k * stride,
					lngLat: [
						Math.round((n.lngLat[0] + dx) * 1e7) / 1e7,
						Math.round((n.lngLat[1] + dy) * 1e7) / 1e7,
					] as [number, number],
				})),
				nodeBlob,
			);
		}
		for (let k = 0; k < copies; k++) {
			chunks(
				ways.map((w): OsmWay => ({
					...w,
					id: w.id + k * stride,
					refs: w.refs.map((r) => r + k * stride),
				})),
				wayBlob,
			);
		}
		for (let k = 0; k < copies; k++) {
			chunks(
				relations.map((r): OsmRelation => ({
					...r,
					id: r.id + k * stride,
					members: r.members.map((m) => ({ ...m, ref: m.ref + k * stride })),
				})),
				relationBlob,
			);
		}
	} finally {
		closeSync(fd);
	}

	// The config: the original's settings, with the copies' files, WGS84 and the new municipalities.
	type RawSource = Record<string, unknown>;
	const raw = JSON.parse(readFileSync(config.configPath, 'utf8')) as {
		sources: Record<string, RawSource | RawSource[]>;
	} & Record<string, unknown>;
	const sources: Record<string, RawSource | RawSource[]> = {};
	for (const [key, value] of Object.entries(raw.sources)) {
		if (key.startsWith('$')) continue;
		const one = value as RawSource;
		if (key === 'osm') {
			sources.osm = { ...one, path: osmFile };
			if (covFile) (sources.osm as RawSource).coveragePolygon = covFile;
		} else if (key === 'neighbourhoods') sources[key] = { ...one, path: nbFile, crs: 'EPSG:4326' };
		else if (key === 'addresses' && addrFile)
			sources[key] = { ...one, path: addrFile, crs: 'EPSG:4326' };
		else if (key === 'subMunicipalities' && files[key])
			sources[key] = { ...one, path: files[key], crs: 'EPSG:4326' };
		else if (files[key]) sources[key] = { ...one, path: files[key] };
		else if (key === 'extraPlaces')
			sources[key] = (value as RawSource[]).map((e, i) => ({
				...e,
				path: extraFiles[i],
				crs: 'EPSG:4326',
			}));
		else throw new Error(`stitch-area does not know how to copy sources.${key}`);
	}
	const out = {
		...raw,
		$comment: `${copies} shifted copies of ${path.basename(configPath)} (scripts/lib/stitch-area.ts), for the pipeline benchmark`,
		id: `${config.id}-x${copies}`,
		name: `${config.name} × ${copies}`,
		municipalities: Array.from({ length: copies }, (_, k) =>
			config.municipalities.map((m) => ({ nis: nisOf(m.nis, k), name: `${m.name}${suffix(k)}` })),
		).flat(),
		sources,
	};
	const configOut = path.join(outDir, 'area.json');
	writeFileSync(configOut, `${JSON.stringify(out, null, '\t')}\n`);
	return { config: configOut, copies, grid: { cols, rows, dxDeg, dyDeg }, osmBytes };
}
