/**
 * The data layer's entry point: every repository on one backend, and where things are saved.
 * With VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY set, Supabase; otherwise the embedded default
 * on this device (IndexedDB). Barrier reports always pass through the outbox on the device.
 */
import type { Client } from './supabase.ts';
import {
	type AreasRepository,
	areasFromSupabase,
	areasOnDevice,
	type DeviceAreasRepository,
} from './areas.ts';
import {
	type BarrierReportsRepository,
	barrierReportsFromSupabase,
	barrierReportsOnDevice,
} from './barrier-reports.ts';
import {
	type CuratedPlacesRepository,
	curatedPlacesFromSupabase,
	curatedPlacesOnDevice,
} from './curated-places.ts';
import { DeviceDb } from './device-db.ts';
import {
	type AuditTrailRepository,
	auditTrailFromSupabase,
	type MembershipsRepository,
	membershipsFromSupabase,
} from './memberships.ts';
import { ReportOutbox } from './outbox.ts';
import {
	type SavedAnalysesRepository,
	savedAnalysesFromSupabase,
	savedAnalysesOnDevice,
} from './saved-analyses.ts';

export interface Repositories {
	/** Where things are saved: in the Supabase project, or only on this device. */
	where: 'supabase' | 'device';
	areas: AreasRepository;
	curatedPlaces: CuratedPlacesRepository;
	savedAnalyses: SavedAnalysesRepository;
	barrierReports: BarrierReportsRepository;
	outbox: ReportOutbox;
	/** Teams exist only with Supabase (null on the device: one user, no accounts). */
	memberships: MembershipsRepository | null;
	/** The audit trail exists only with Supabase (null on the device). */
	auditTrail: AuditTrailRepository | null;
}

/** Repositories on a Supabase project; the outbox lives in `device`. */
export async function supabaseRepositories(
	client: Client,
	device: DeviceDb,
): Promise<Repositories> {
	const barrierReports = barrierReportsFromSupabase(client);
	return {
		where: 'supabase',
		areas: areasFromSupabase(client),
		curatedPlaces: curatedPlacesFromSupabase(client),
		savedAnalyses: savedAnalysesFromSupabase(client),
		barrierReports,
		outbox: await ReportOutbox.open(device, (r) => barrierReports.submit(r)),
		memberships: membershipsFromSupabase(client),
		auditTrail: auditTrailFromSupabase(client),
	};
}

/** The embedded default: everything on this device. */
export async function deviceRepositories(
	device: DeviceDb,
): Promise<Repositories & { areas: DeviceAreasRepository }> {
	const barrierReports = barrierReportsOnDevice(device);
	return {
		where: 'device',
		areas: areasOnDevice(device),
		curatedPlaces: curatedPlacesOnDevice(device),
		savedAnalyses: savedAnalysesOnDevice(device),
		barrierReports,
		outbox: await ReportOutbox.open(device, (r) => barrierReports.submit(r)),
		memberships: null,
		auditTrail: null,
	};
}

/** Opens the repositories the app's configuration asks for. */
export async function openRepositories(
	config: { supabaseUrl?: string; supabaseAnonKey?: string } = {
		supabaseUrl: import.meta.env?.VITE_SUPABASE_URL as string | undefined,
		supabaseAnonKey: import.meta.env?.VITE_SUPABASE_ANON_KEY as string | undefined,
	},
): Promise<Repositories> {
	const device = await DeviceDb.open();
	if (config.supabaseUrl && config.supabaseAnonKey) {
		// supabase-js is loaded only when Supabase is configured: it stays out of the first load and
		// out of the embedded default entirely.
		const { connectSupabase } = await import('./supabase.ts');
		return supabaseRepositories(
			connectSupabase({ url: config.supabaseUrl, anonKey: config.supabaseAnonKey }),
			device,
		);
	}
	return deviceRepositories(device);
}
