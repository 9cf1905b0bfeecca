/**
 * Barrier reports: submitted by anyone (through the outbox, see outbox.ts), followed by their
 * reporter, triaged by the planners of the area.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { booleanIntersects } from '@turf/turf';
import type { LineString, Point } from 'geojson';
import { type DeviceDb, isConstraintError } from './device-db.ts';
import type { ReportStatus } from './enums.ts';
import { DataError, fromBackend, guarded } from './errors.ts';
import { geometryOf, isoTime, isoTimeOrNull } from './rows.ts';
import type { Area, BarrierReport, BarrierReportInput } from './types.ts';
import { checkReportInput, checkText, checkTransition, checkUuid } from './validate.ts';

export interface BarrierReportsRepository {
	/**
	 * Stores a report once. A second submission with the same id throws DataError 'duplicate' and
	 * changes nothing (the outbox treats that as delivered).
	 */
	submit(input: BarrierReportInput): Promise<void>;
	/** The reports this user (or, on the device, this device) submitted, newest first. */
	listMine(): Promise<BarrierReport[]>;
	/** The reports of an area this user may see (planners: all), newest first. */
	listForArea(areaId: string): Promise<BarrierReport[]>;
	/**
	 * Moves a report along new → acknowledged → resolved / rejected (planners), or withdraws a new
	 * one (its reporter); `plannerNote` replaces the note when given.
	 */
	setStatus(id: string, status: ReportStatus, plannerNote?: string | null): Promise<BarrierReport>;
}

type Row = Record<string, unknown>;
const COLUMNS =
	'id, area_id, kind, description, location, status, planner_note, created_at, acknowledged_at, resolved_at, rejected_at, withdrawn_at';

function fromRow(r: Row): BarrierReport {
	return {
		id: r.id as string,
		areaId: r.area_id as string,
		kind: r.kind as BarrierReport['kind'],
		description: r.description as string,
		location: geometryOf<Point | LineString>(r.location),
		status: r.status as ReportStatus,
		plannerNote: r.planner_note as string | null,
		createdAt: isoTime(r.created_at),
		acknowledgedAt: isoTimeOrNull(r.acknowledged_at),
		resolvedAt: isoTimeOrNull(r.resolved_at),
		rejectedAt: isoTimeOrNull(r.rejected_at),
		withdrawnAt: isoTimeOrNull(r.withdrawn_at),
	};
}

const newestFirst = (a: BarrierReport, b: BarrierReport) =>
	a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id < b.id ? -1 : 1;

const checkNote = (op: string, note: string | null | undefined) =>
	note === undefined || note === null ? note : checkText(op, 'plannerNote', note, 1000);

export function barrierReportsFromSupabase(client: SupabaseClient): BarrierReportsRepository {
	return guarded('barrierReports', {
		async submit(input) {
			const op = 'barrierReports.submit';
			const r = checkReportInput(op, input);
			// return=minimal: an anonymous reporter may not read the report back
			const { error } = await client.from('barrier_reports').insert({
				id: r.id,
				client_id: r.clientId,
				kind: r.kind,
				description: r.description,
				location: r.location,
			});
			if (error) throw fromBackend(op, error);
		},
		async listMine() {
			const { data, error } = await client.rpc('my_barrier_reports');
			if (error) throw fromBackend('barrierReports.listMine', error);
			return (data as Row[]).map(fromRow);
		},
		async listForArea(areaId) {
			const op = 'barrierReports.listForArea';
			const { data, error } = await client
				.from('barrier_reports')
				.select(COLUMNS)
				.eq('area_id', checkUuid(op, 'areaId', areaId))
				.order('created_at', { ascending: false })
				.order('id');
			if (error) throw fromBackend(op, error);
			return (data as Row[]).map(fromRow);
		},
		async setStatus(id, status, plannerNote) {
			const op = 'barrierReports.setStatus';
			const note = checkNote(op, plannerNote);
			const change: Row = { status };
			if (note !== undefined) change.planner_note = note;
			const { data, error } = await client
				.from('barrier_reports')
				.update(change)
				.eq('id', checkUuid(op, 'id', id))
				.select(COLUMNS);
			if (error) throw fromBackend(op, error);
			const row = (data as Row[])[0];
			if (!row) throw new DataError(op, 'not_found', `no report ${id} that you may change`);
			return fromRow(row);
		},
	});
}

/** On the device, the one user is the reporter of every report and the planner of every area. */
export function barrierReportsOnDevice(db: DeviceDb): BarrierReportsRepository {
	return guarded('barrierReports', {
		async submit(input) {
			const op = 'barrierReports.submit';
			const r = checkReportInput(op, input);
			const areas = (await db.all<Area>('areas')).sort((a, b) => (a.slug < b.slug ? -1 : 1));
			const area = areas.find((a) => booleanIntersects(a.boundary, r.location));
			if (!area) throw new DataError(op, 'invalid', 'the location lies outside every area that Buurtkaart serves');
			const report: BarrierReport & { clientId: string } = {
				id: r.id,
				clientId: r.clientId,
				areaId: area.id,
				kind: r.kind,
				description: r.description,
				location: r.location,
				status: 'new',
				plannerNote: null,
				createdAt: new Date().toISOString(),
				acknowledgedAt: null,
				resolvedAt: null,
				rejectedAt: null,
				withdrawnAt: null,
			};
			try {
				await db.write(['barrier_reports'], (tx) => tx.objectStore('barrier_reports').add(report));
			} catch (err) {
				if (isConstraintError(err)) throw new DataError(op, 'duplicate', `report ${r.id} is already stored`, { cause: err });
				throw err;
			}
		},
		async listMine() {
			return (await db.all<BarrierReport & { clientId?: string }>('barrier_reports')).map(strip).sort(newestFirst);
		},
		async listForArea(areaId) {
			const op = 'barrierReports.listForArea';
			return (await db.all<BarrierReport>('barrier_reports', 'areaId', checkUuid(op, 'areaId', areaId)))
				.map(strip)
				.sort(newestFirst);
		},
		async setStatus(id, status, plannerNote) {
			const op = 'barrierReports.setStatus';
			const note = checkNote(op, plannerNote);
			const old = await db.get<BarrierReport & { clientId: string }>('barrier_reports', checkUuid(op, 'id', id));
			if (!old) throw new DataError(op, 'not_found', `no report ${id} that you may change`);
			const report = { ...old };
			if (status !== old.status) {
				checkTransition(op, old.status, status, status === 'withdrawn' ? 'reporter' : 'planner');
				const now = new Date().toISOString();
				report.status = status;
				if (status === 'acknowledged') report.acknowledgedAt = now;
				if (status === 'resolved') report.resolvedAt = now;
				if (status === 'rejected') report.rejectedAt = now;
				if (status === 'withdrawn') report.withdrawnAt = now;
			}
			if (note !== undefined) report.plannerNote = note;
			await db.write(['barrier_reports'], (tx) => tx.objectStore('barrier_reports').put(report));
			return strip(report);
		},
	});
}

function strip(r: BarrierReport & { clientId?: string }): BarrierReport {
	const { clientId: _clientId, ...report } = r;
	return report;
}
