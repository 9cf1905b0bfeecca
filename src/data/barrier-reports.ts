/**
 * Barrier reports: submitted by anyone (through the outbox, see outbox.ts), followed by their
 * reporter, triaged by the planners of the area.
 */
import type { Client } from './supabase.ts';
import { booleanIntersects } from '@turf/turf';
import type { LineString, Point } from 'geojson';
import { type DeviceDb, isConstraintError } from './device-db.ts';
import {
	BARRIER_KINDS,
	REPORT_STATUSES,
	type BarrierKind,
	type ReportStatus,
} from '../contracts/enums.ts';
import { DataError, fromBackend, guarded } from './errors.ts';
import type { CompositeTypes, TablesUpdate } from './database.types.ts';
import { allPages, geometryOf, isoTime, isoTimeOrNull, present, toJson } from './rows.ts';
import type { BarrierReport, BarrierReportInput } from './types.ts';
import { checkReportInput, checkText, checkTransition, checkUuid } from './validate.ts';

/** Which reports of an area a planner looks at. */
export interface ReportFilter {
	status?: ReportStatus | undefined;
	kind?: BarrierKind | undefined;
	/** ISO 8601: only reports sent at or after this time (their age). */
	since?: string | undefined;
}

/** One page of an area's reports, and how many match the filter in all. */
export interface ReportPage {
	reports: BarrierReport[];
	total: number;
}

/** Reports per page in the planners' list. */
export const REPORTS_PER_PAGE = 50;

function checkFilter(op: string, filter: ReportFilter): ReportFilter {
	if (filter.status !== undefined && !REPORT_STATUSES.includes(filter.status))
		throw new DataError(op, 'invalid', `unknown status ${String(filter.status)}`, {
			kind: 'unknown_value',
			values: { field: 'status' },
		});
	if (filter.kind !== undefined && !BARRIER_KINDS.includes(filter.kind))
		throw new DataError(op, 'invalid', `unknown kind ${String(filter.kind)}`, {
			kind: 'unknown_value',
			values: { field: 'kind' },
		});
	if (filter.since !== undefined && Number.isNaN(Date.parse(filter.since)))
		throw new DataError(op, 'invalid', `not a time: ${String(filter.since)}`, {
			kind: 'invalid',
			values: { field: 'since' },
		});
	return filter;
}

function checkPage(op: string, offset: number, limit: number): void {
	if (
		!Number.isInteger(offset) ||
		offset < 0 ||
		!Number.isInteger(limit) ||
		limit < 1 ||
		limit > 1000
	)
		throw new DataError(op, 'invalid', `bad page: offset ${offset}, limit ${limit}`, {
			kind: 'invalid',
			values: { field: 'page' },
		});
}

/** Whether a report passes a filter (the device's side of pageForArea). */
export function matchesFilter(r: BarrierReport, filter: ReportFilter): boolean {
	return (
		(filter.status === undefined || r.status === filter.status) &&
		(filter.kind === undefined || r.kind === filter.kind) &&
		(filter.since === undefined || Date.parse(r.createdAt) >= Date.parse(filter.since))
	);
}

export interface BarrierReportsRepository {
	/**
	 * Stores a report once. A second submission with the same id throws DataError 'duplicate' and
	 * changes nothing (the outbox treats that as delivered). A report with `reporterId` goes out
	 * only with that user's valid session (else DataError 'denied', kind 'sign_in_needed').
	 */
	submit(input: BarrierReportInput): Promise<void>;
	/**
	 * The reports this user submitted (signed in) and those sent from the device holding
	 * `clientId` (anonymous reporters), newest first, with their text.
	 */
	listMine(clientId?: string): Promise<BarrierReport[]>;
	/**
	 * Every report of an area, newest first, with its text: for the area's planners and
	 * coordinators (others: DataError 'denied'). Fetched page by page, so none is left out
	 * however many there are (the API returns at most 1,000 rows per request).
	 */
	listForArea(areaId: string): Promise<BarrierReport[]>;
	/**
	 * One page of an area's reports that pass `filter` (newest first), with the number that pass
	 * in all: for the area's planners and coordinators (others: DataError 'denied').
	 */
	pageForArea(
		areaId: string,
		filter: ReportFilter,
		offset: number,
		limit?: number,
	): Promise<ReportPage>;
	/**
	 * Moves a report along new → acknowledged → resolved / rejected (planners), or withdraws a new
	 * one (its reporter); `plannerNote` and `publicText` replace the note and the public text when given.
	 */
	setStatus(
		id: string,
		status: ReportStatus,
		plannerNote?: string | null,
		publicText?: string | null,
	): Promise<BarrierReport>;
	/**
	 * Erases one of the reporter's own reports for good: signed in, one of their account; otherwise
	 * one sent from the device holding `clientId`. DataError 'not_found' when there is no such report.
	 */
	erase(id: string, clientId?: string): Promise<void>;
}

/** A report as the RPCs my_barrier_reports and area_barrier_reports return it. */
type ReportRow = CompositeTypes<'barrier_report_full'>;

function fromRow(r: ReportRow): BarrierReport {
	const op = 'barrierReports.read';
	return {
		id: present(op, 'id', r.id),
		areaId: present(op, 'area_id', r.area_id),
		kind: present(op, 'kind', r.kind),
		description: r.description ?? '',
		publicText: r.public_text,
		location: geometryOf<Point | LineString>(r.location),
		status: present(op, 'status', r.status),
		plannerNote: r.planner_note,
		createdAt: isoTime(present(op, 'created_at', r.created_at)),
		acknowledgedAt: isoTimeOrNull(r.acknowledged_at),
		resolvedAt: isoTimeOrNull(r.resolved_at),
		rejectedAt: isoTimeOrNull(r.rejected_at),
		withdrawnAt: isoTimeOrNull(r.withdrawn_at),
	};
}

const newestFirst = (a: BarrierReport, b: BarrierReport) =>
	a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : a.id < b.id ? -1 : 1;

const checkNote = (op: string, field: string, note: string | null | undefined) =>
	note === undefined || note === null ? note : checkText(op, field, note, 1000);

export function barrierReportsFromSupabase(client: Client): BarrierReportsRepository {
	return guarded('barrierReports', {
		async submit(input) {
			const op = 'barrierReports.submit';
			const r = checkReportInput(op, input);
			if (r.reporterId) {
				// never anonymously in a signed-in reporter's place: wait for their valid session
				const { data } = await client.auth.getSession();
				const session = data.session;
				if (
					!session ||
					session.user.id !== r.reporterId ||
					(session.expires_at ?? 0) * 1000 <= Date.now()
				) {
					throw new DataError(
						op,
						'denied',
						'the report waits until its reporter is signed in again',
						{ kind: 'sign_in_needed' },
					);
				}
			}
			// return=minimal: an anonymous reporter may not read the report back
			const { error, status } = await client.from('barrier_reports').insert({
				id: r.id,
				client_id: r.clientId,
				kind: r.kind,
				description: r.description,
				location: toJson(r.location),
			});
			if (error) throw fromBackend(op, error, status);
		},
		async listMine(clientId) {
			const op = 'barrierReports.listMine';
			const args =
				clientId === undefined ? {} : { p_client_id: checkUuid(op, 'clientId', clientId) };
			const rows = await allPages<ReportRow>(op, (from, to) =>
				client
					.rpc('my_barrier_reports', args)
					.order('created_at', { ascending: false })
					.order('id')
					.range(from, to),
			);
			return rows.map(fromRow);
		},
		async listForArea(areaId) {
			const op = 'barrierReports.listForArea';
			const p_area_id = checkUuid(op, 'areaId', areaId);
			const rows = await allPages<ReportRow>(op, (from, to) =>
				client
					.rpc('area_barrier_reports', { p_area_id })
					.order('created_at', { ascending: false })
					.order('id')
					.range(from, to),
			);
			return rows.map(fromRow);
		},
		async pageForArea(areaId, filter, offset, limit = REPORTS_PER_PAGE) {
			const op = 'barrierReports.pageForArea';
			const p_area_id = checkUuid(op, 'areaId', areaId);
			const f = checkFilter(op, filter);
			checkPage(op, offset, limit);
			let query = client.rpc('area_barrier_reports', { p_area_id }, { count: 'exact' });
			if (f.status) query = query.eq('status', f.status);
			if (f.kind) query = query.eq('kind', f.kind);
			if (f.since) query = query.gte('created_at', new Date(f.since).toISOString());
			const { data, error, status, count } = await query
				.order('created_at', { ascending: false })
				.order('id')
				.range(offset, offset + limit - 1);
			if (error) throw fromBackend(op, error, status);
			return { reports: (data ?? []).map(fromRow), total: count ?? 0 };
		},
		async setStatus(id, status, plannerNote, publicText) {
			const op = 'barrierReports.setStatus';
			const note = checkNote(op, 'plannerNote', plannerNote);
			const text = checkNote(op, 'publicText', publicText);
			const change: TablesUpdate<'barrier_reports'> = { status };
			if (note !== undefined) change.planner_note = note;
			if (text !== undefined) change.public_text = text === '' ? null : text;
			const {
				data,
				error,
				status: http,
			} = await client
				.from('barrier_reports')
				.update(change)
				.eq('id', checkUuid(op, 'id', id))
				.select('id, area_id');
			if (error) throw fromBackend(op, error, http);
			const row = data[0];
			if (!row) throw new DataError(op, 'not_found', `no report ${id} that you may change`);
			// the text is read through the RPCs that let the reporter and the area team see it
			const full = await client
				.rpc('area_barrier_reports', { p_area_id: row.area_id })
				.eq('id', id)
				.maybeSingle();
			if (!full.error && full.data) return fromRow(full.data);
			const mine = await client.rpc('my_barrier_reports').eq('id', id).maybeSingle();
			if (mine.error) throw fromBackend(op, mine.error, mine.status);
			if (!mine.data)
				throw new DataError(op, 'not_found', `report ${id} changed but cannot be read back`);
			return fromRow(mine.data);
		},
		async erase(id, clientId) {
			const op = 'barrierReports.erase';
			// without a client id the argument is left out: the function's default (NULL) holds
			const { data, error, status } = await client.rpc('erase_barrier_report', {
				p_id: checkUuid(op, 'id', id),
				p_client_id: clientId === undefined ? undefined : checkUuid(op, 'clientId', clientId),
			});
			if (error) throw fromBackend(op, error, status);
			if (data !== true) throw new DataError(op, 'not_found', `no report ${id} of yours to erase`);
		},
	});
}

/** On the device, the one user is the reporter of every report and the planner of every area. */
export function barrierReportsOnDevice(db: DeviceDb): BarrierReportsRepository {
	return guarded('barrierReports', {
		async submit(input) {
			const op = 'barrierReports.submit';
			const r = checkReportInput(op, input);
			const areas = (await db.all('areas')).sort((a, b) => (a.slug < b.slug ? -1 : 1));
			const area = areas.find((a) => booleanIntersects(a.boundary, r.location));
			if (!area) {
				throw new DataError(
					op,
					'invalid',
					'the location lies outside every area that Buurtkaart serves',
					{ kind: 'outside_area' },
				);
			}
			const report: BarrierReport & { clientId: string } = {
				id: r.id,
				clientId: r.clientId,
				areaId: area.id,
				kind: r.kind,
				description: r.description,
				publicText: null,
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
				if (isConstraintError(err))
					throw new DataError(op, 'duplicate', `report ${r.id} is already stored`, { cause: err });
				throw err;
			}
		},
		async listMine() {
			return (await db.all('barrier_reports')).map(strip).sort(newestFirst);
		},
		async listForArea(areaId) {
			const op = 'barrierReports.listForArea';
			return (await db.all('barrier_reports', 'areaId', checkUuid(op, 'areaId', areaId)))
				.map(strip)
				.sort(newestFirst);
		},
		async pageForArea(areaId, filter, offset, limit = REPORTS_PER_PAGE) {
			const op = 'barrierReports.pageForArea';
			const f = checkFilter(op, filter);
			checkPage(op, offset, limit);
			const all = (await db.all('barrier_reports', 'areaId', checkUuid(op, 'areaId', areaId)))
				.map(strip)
				.filter((r) => matchesFilter(r, f))
				.sort(newestFirst);
			return { reports: all.slice(offset, offset + limit), total: all.length };
		},
		async setStatus(id, status, plannerNote, publicText) {
			const op = 'barrierReports.setStatus';
			const note = checkNote(op, 'plannerNote', plannerNote);
			const text = checkNote(op, 'publicText', publicText);
			const old = await db.get('barrier_reports', checkUuid(op, 'id', id));
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
			if (text !== undefined) report.publicText = text === '' ? null : text;
			await db.write(['barrier_reports'], (tx) => tx.objectStore('barrier_reports').put(report));
			return strip(report);
		},
		async erase(id) {
			const op = 'barrierReports.erase';
			const key = checkUuid(op, 'id', id);
			if (!(await db.get('barrier_reports', key)))
				throw new DataError(op, 'not_found', `no report ${id} of yours to erase`);
			await db.write(['barrier_reports'], (tx) => tx.objectStore('barrier_reports').delete(key));
		},
	});
}

function strip(r: BarrierReport & { clientId?: string }): BarrierReport {
	const { clientId: _clientId, ...report } = r;
	return { ...report, publicText: report.publicText ?? null };
}
