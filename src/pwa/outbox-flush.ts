/**
 * One flush of the barrier-report outbox from the service worker, when Background Sync fires with
 * no app open (src/pwa/sw.ts): the same ReportOutbox on the same device database, delivering to
 * the backend the app is built for. Supabase is compiled in only when the build is configured for
 * it (the worker is one file: a Supabase client in the embedded default's worker would weigh
 * ~75 KB gzip for nothing). Without a session in the worker, a signed-in reporter's report waits
 * for the app (sign_in_needed), as in the app.
 */
import type { FlushResult, Submit } from '../data/outbox.ts';

export async function flushOutboxHere(): Promise<FlushResult> {
	const [{ DeviceDb }, { ReportOutbox }] = await Promise.all([
		import('../data/device-db.ts'),
		import('../data/outbox.ts'),
	]);
	const device = await DeviceDb.open();
	let submit: Submit;
	const url = import.meta.env.VITE_SUPABASE_URL as string | undefined;
	const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined;
	if (url && anonKey) {
		const [{ connectSupabase }, { barrierReportsFromSupabase }] = await Promise.all([
			import('../data/supabase.ts'),
			import('../data/barrier-reports.ts'),
		]);
		const reports = barrierReportsFromSupabase(connectSupabase({ url, anonKey }));
		submit = (r) => reports.submit(r);
	} else {
		const { barrierReportsOnDevice } = await import('../data/barrier-reports.ts');
		const reports = barrierReportsOnDevice(device);
		submit = (r) => reports.submit(r);
	}
	const outbox = await ReportOutbox.open(device, submit);
	return outbox.flush({ force: true });
}
