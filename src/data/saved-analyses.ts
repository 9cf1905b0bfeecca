/**
 * Saved analyses: named gap analyses with their summaries per neighbourhood and overlay cells,
 * saved atomically (one RPC on Supabase, one transaction on the device).
 */
import type { Client } from './supabase.ts';
import { booleanIntersects } from '@turf/turf';
import type { Polygon } from 'geojson';
import { type DeviceDb, isConstraintError } from './device-db.ts';
import { DataError, fromBackend, guarded } from './errors.ts';
import type { Tables } from './database.types.ts';
import { allPages, geometryOf, isoTime, jsonObject, toJson } from './rows.ts';
import type { SavedAnalysis, SavedAnalysisDetail, SavedAnalysisInput } from './types.ts';
import { checkAnalysisInput, checkLine, checkUuid } from './validate.ts';

export interface SavedAnalysesRepository {
	/** Saves an analysis with its summaries and cells, all or nothing; returns its id. */
	save(input: SavedAnalysisInput): Promise<string>;
	/** The analyses of an area this user may see, newest first. */
	list(areaId: string): Promise<SavedAnalysis[]>;
	/** One analysis with its summaries and cells, or null. */
	get(id: string): Promise<SavedAnalysisDetail | null>;
	/** Renames an analysis or changes who sees it. */
	update(
		id: string,
		patch: { name?: string; visibility?: SavedAnalysis['visibility'] },
	): Promise<SavedAnalysis>;
	/** Removes an analysis with its summaries and cells. */
	remove(id: string): Promise<void>;
}

const COLUMNS =
	'id, area_id, name, description, parameters, engine_version, data_version, visibility, created_at';
/** An analysis's row as read (COLUMNS). */
type AnalysisRow = Omit<Tables<'saved_analyses'>, 'created_by' | 'updated_at'>;
/** PostgREST returns at most this many rows per request (db-max-rows); cells are read in pages. */
const PAGE = 1000;

function fromRow(r: AnalysisRow): SavedAnalysis {
	return {
		id: r.id,
		areaId: r.area_id,
		name: r.name,
		description: r.description,
		parameters: jsonObject('savedAnalyses.read', 'parameters', r.parameters),
		engineVersion: r.engine_version,
		dataVersion: r.data_version,
		visibility: r.visibility,
		createdAt: isoTime(r.created_at),
	};
}

const newestFirst = (a: SavedAnalysis, b: SavedAnalysis) =>
	a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id < b.id ? -1 : 1;

function checkPatch(
	op: string,
	patch: { name?: string; visibility?: SavedAnalysis['visibility'] },
) {
	const out: { name?: string; visibility?: SavedAnalysis['visibility'] } = {};
	if (patch.name !== undefined) out.name = checkLine(op, 'name', patch.name, 1, 120);
	if (patch.visibility !== undefined) {
		if (!['private', 'area_team', 'public'].includes(patch.visibility)) {
			throw new DataError(
				op,
				'invalid',
				`visibility: unknown value ${JSON.stringify(patch.visibility)}`,
			);
		}
		out.visibility = patch.visibility;
	}
	if (Object.keys(out).length === 0) throw new DataError(op, 'invalid', 'nothing to change');
	return out;
}

export function savedAnalysesFromSupabase(client: Client): SavedAnalysesRepository {
	return guarded('savedAnalyses', {
		async save(input) {
			const op = 'savedAnalyses.save';
			const a = checkAnalysisInput(op, input);
			const { data, error } = await client.rpc('save_analysis', {
				p_id: a.id,
				p_area_id: a.areaId,
				p_name: a.name,
				p_description: a.description,
				p_parameters: toJson(a.parameters),
				p_engine_version: a.engineVersion,
				p_data_version: a.dataVersion,
				p_visibility: a.visibility,
				p_summaries: toJson(
					a.summaries.map((s) => ({ neighbourhood_id: s.neighbourhoodId, summary: s.summary })),
				),
				p_cells: toJson(a.cells),
			});
			if (error) throw fromBackend(op, error);
			return data;
		},
		async list(areaId) {
			const op = 'savedAnalyses.list';
			const p_area_id = checkUuid(op, 'areaId', areaId);
			const rows = await allPages<AnalysisRow>(op, (from, to) =>
				client
					.rpc('analyses_of_area', { p_area_id })
					.select(COLUMNS)
					.order('created_at', { ascending: false })
					.order('id')
					.range(from, to),
			);
			return rows.map(fromRow);
		},
		async get(id) {
			const op = 'savedAnalyses.get';
			const { data, error } = await client
				.from('saved_analyses')
				.select(COLUMNS)
				.eq('id', checkUuid(op, 'id', id))
				.maybeSingle();
			if (error) throw fromBackend(op, error);
			if (!data) return null;
			const summaries = await client
				.from('analysis_summaries')
				.select('neighbourhood_id, summary')
				.eq('analysis_id', id)
				.order('neighbourhood_id');
			if (summaries.error) throw fromBackend(op, summaries.error);
			const cells: SavedAnalysisDetail['cells'] = [];
			for (let from = 0; ; from += PAGE) {
				const page = await client
					.from('analysis_cells')
					.select('cell, value, properties')
					.eq('analysis_id', id)
					.order('cell_index')
					.range(from, from + PAGE - 1);
				if (page.error) throw fromBackend(op, page.error);
				for (const c of page.data) {
					cells.push({
						geometry: geometryOf<Polygon>(c.cell),
						value: c.value,
						properties: jsonObject(op, 'properties', c.properties),
					});
				}
				if (page.data.length < PAGE) break;
			}
			return {
				...fromRow(data),
				summaries: summaries.data.map((s) => ({
					neighbourhoodId: s.neighbourhood_id,
					summary: jsonObject(op, 'summary', s.summary),
				})),
				cells,
			};
		},
		async update(id, patch) {
			const op = 'savedAnalyses.update';
			const checked = checkPatch(op, patch);
			const { data, error } = await client
				.from('saved_analyses')
				.update(checked)
				.eq('id', checkUuid(op, 'id', id))
				.select(COLUMNS);
			if (error) throw fromBackend(op, error);
			const row = data[0];
			if (!row) throw new DataError(op, 'not_found', `no analysis ${id} that you may change`);
			return fromRow(row);
		},
		async remove(id) {
			const op = 'savedAnalyses.remove';
			const { data, error } = await client
				.from('saved_analyses')
				.delete()
				.eq('id', checkUuid(op, 'id', id))
				.select('id');
			if (error) throw fromBackend(op, error);
			if (data.length === 0)
				throw new DataError(op, 'not_found', `no analysis ${id} that you may remove`);
		},
	});
}

/** The part of a saved analysis kept apart on the device (analysis_details). */
export interface DeviceDetail {
	id: string;
	summaries: SavedAnalysisDetail['summaries'];
	cells: SavedAnalysisDetail['cells'];
}

export function savedAnalysesOnDevice(db: DeviceDb): SavedAnalysesRepository {
	return guarded('savedAnalyses', {
		async save(input) {
			const op = 'savedAnalyses.save';
			const a = checkAnalysisInput(op, input);
			const target = await db.get('areas', a.areaId);
			if (!target) throw new DataError(op, 'invalid', `unknown area ${a.areaId}`);
			// as the database's check: every overlay cell touches the analysed area
			const outside = a.cells.findIndex((c) => !booleanIntersects(c.geometry, target.boundary));
			if (outside >= 0) {
				throw new DataError(
					op,
					'invalid',
					`cells[${outside}]: the cell lies outside the analysed area`,
					{ kind: 'outside_area', values: { field: 'cells' } },
				);
			}
			const own = new Set((await db.all('neighbourhoods', 'areaId', a.areaId)).map((n) => n.id));
			const foreign = a.summaries.find((s) => !own.has(s.neighbourhoodId));
			if (foreign) {
				throw new DataError(
					op,
					'invalid',
					`every summary must be of a neighbourhood of the analysed area (${foreign.neighbourhoodId} is not)`,
				);
			}
			const { summaries, cells, ...analysis } = a;
			const record: SavedAnalysis = { ...analysis, createdAt: new Date().toISOString() };
			const detail: DeviceDetail = {
				id: a.id,
				summaries: [...summaries].sort((x, y) => (x.neighbourhoodId < y.neighbourhoodId ? -1 : 1)),
				cells: cells.map((c) => ({
					geometry: c.geometry,
					value: c.value,
					properties: c.properties ?? {},
				})),
			};
			try {
				await db.write(['saved_analyses', 'analysis_details'], (tx) => {
					tx.objectStore('saved_analyses').add(record);
					tx.objectStore('analysis_details').add(detail);
				});
			} catch (err) {
				if (isConstraintError(err))
					throw new DataError(op, 'duplicate', `analysis ${a.id} exists`, { cause: err });
				throw err;
			}
			return a.id;
		},
		async list(areaId) {
			const op = 'savedAnalyses.list';
			return (await db.all('saved_analyses', 'areaId', checkUuid(op, 'areaId', areaId))).sort(
				newestFirst,
			);
		},
		async get(id) {
			const op = 'savedAnalyses.get';
			const analysis = await db.get('saved_analyses', checkUuid(op, 'id', id));
			if (!analysis) return null;
			const detail = await db.get('analysis_details', id);
			return { ...analysis, summaries: detail?.summaries ?? [], cells: detail?.cells ?? [] };
		},
		async update(id, patch) {
			const op = 'savedAnalyses.update';
			const checked = checkPatch(op, patch);
			const old = await db.get('saved_analyses', checkUuid(op, 'id', id));
			if (!old) throw new DataError(op, 'not_found', `no analysis ${id} that you may change`);
			const analysis = { ...old, ...checked };
			await db.write(['saved_analyses'], (tx) => tx.objectStore('saved_analyses').put(analysis));
			return analysis;
		},
		async remove(id) {
			const op = 'savedAnalyses.remove';
			if (!(await db.get('saved_analyses', checkUuid(op, 'id', id)))) {
				throw new DataError(op, 'not_found', `no analysis ${id} that you may remove`);
			}
			await db.write(['saved_analyses', 'analysis_details'], (tx) => {
				tx.objectStore('saved_analyses').delete(id);
				tx.objectStore('analysis_details').delete(id);
			});
		},
	});
}
