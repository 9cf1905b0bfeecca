/**
 * The barrier-report outbox: a report is first stored on the device, then delivered. It survives
 * reloads (IndexedDB), is retried while the backend cannot be reached, and is stored exactly once:
 * every attempt carries the same client-generated id, and a 'duplicate' answer means an earlier
 * attempt got through. Reports the backend refuses (invalid, denied) stay in the outbox, marked
 * with the reason, so nothing is lost silently.
 */
import type { DeviceDb } from './device-db.ts';
import { DataError } from './errors.ts';
import type { BarrierReportInput } from './types.ts';
import { checkReportInput } from './validate.ts';

export interface OutboxEntry {
	id: string;
	report: BarrierReportInput;
	/** ISO 8601. */
	queuedAt: string;
	attempts: number;
	/** 'queued': waiting for delivery; 'refused': the backend refused it (see lastError). */
	state: 'queued' | 'refused';
	lastError: string | null;
}

export interface FlushResult {
	delivered: number;
	pending: number;
	refused: number;
}

/** What a report is delivered with: a BarrierReportsRepository's submit. */
export type Submit = (report: BarrierReportInput) => Promise<void>;

const CLIENT_ID_KEY = 'outbox.clientId';

export class ReportOutbox {
	private flushing: Promise<FlushResult> | null = null;

	private constructor(
		private readonly db: DeviceDb,
		private readonly submit: Submit,
		/** This device's id, sent with every report (rate limiting per device). */
		readonly clientId: string,
	) {}

	/** Opens the outbox on the device; the device's client id is created once and kept. */
	static async open(db: DeviceDb, submit: Submit): Promise<ReportOutbox> {
		let setting = await db.get<{ key: string; value: string }>('settings', CLIENT_ID_KEY);
		if (!setting) {
			setting = { key: CLIENT_ID_KEY, value: crypto.randomUUID() };
			const s = setting;
			await db.write(['settings'], (tx) => tx.objectStore('settings').add(s));
		}
		return new ReportOutbox(db, submit, setting.value);
	}

	/**
	 * Checks a report and queues it; returns its entry. Bad input is refused here (DataError
	 * 'invalid') and never queued. Queuing the same id again keeps the first entry.
	 */
	async enqueue(report: Omit<BarrierReportInput, 'id' | 'clientId'> & { id?: string }): Promise<OutboxEntry> {
		const op = 'outbox.enqueue';
		const checked = checkReportInput(op, { ...report, id: report.id ?? crypto.randomUUID(), clientId: this.clientId });
		const existing = await this.db.get<OutboxEntry>('outbox', checked.id);
		if (existing) return existing;
		const entry: OutboxEntry = {
			id: checked.id,
			report: checked,
			queuedAt: new Date().toISOString(),
			attempts: 0,
			state: 'queued',
			lastError: null,
		};
		await this.db.write(['outbox'], (tx) => tx.objectStore('outbox').add(entry));
		return entry;
	}

	/** Everything in the outbox, oldest first. */
	async entries(): Promise<OutboxEntry[]> {
		return (await this.db.all<OutboxEntry>('outbox')).sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.id < b.id ? -1 : 1));
	}

	/**
	 * Tries to deliver every queued report, oldest first. Delivered (or already stored) reports
	 * leave the outbox; unreachable backend or rate limit: they stay queued for the next flush.
	 * Concurrent calls share one run.
	 */
	flush(): Promise<FlushResult> {
		this.flushing ??= this.run().finally(() => {
			this.flushing = null;
		});
		return this.flushing;
	}

	private async run(): Promise<FlushResult> {
		const result: FlushResult = { delivered: 0, pending: 0, refused: 0 };
		let offline = false;
		for (const entry of await this.entries()) {
			if (entry.state === 'refused') {
				result.refused++;
				continue;
			}
			if (offline) {
				result.pending++;
				continue;
			}
			let outcome: 'delivered' | 'pending' | 'refused';
			let message: string | null = null;
			try {
				await this.submit(entry.report);
				outcome = 'delivered';
			} catch (err) {
				const code = err instanceof DataError ? err.code : 'unknown';
				message = err instanceof Error ? err.message : String(err);
				if (code === 'duplicate') outcome = 'delivered';
				else if (code === 'invalid' || code === 'denied') outcome = 'refused';
				else {
					outcome = 'pending';
					offline = code === 'network' || code === 'rate_limited';
				}
			}
			if (outcome === 'delivered') {
				await this.db.write(['outbox'], (tx) => tx.objectStore('outbox').delete(entry.id));
			} else {
				const updated: OutboxEntry = { ...entry, attempts: entry.attempts + 1, state: outcome === 'refused' ? 'refused' : 'queued', lastError: message };
				await this.db.write(['outbox'], (tx) => tx.objectStore('outbox').put(updated));
			}
			result[outcome]++;
		}
		return result;
	}
}

export interface KeepDeliveringOptions {
	/** Stops the retries. */
	signal: AbortSignal;
	/** How often to retry while reports wait, in milliseconds (default 30,000). */
	intervalMs?: number;
	/** Where 'online' events come from (default: globalThis, i.e. window in the browser). */
	events?: EventTarget;
	/** Told about a flush that failed as a whole (e.g. IndexedDB unavailable). */
	onError?: (err: unknown) => void;
}

/**
 * Keeps the outbox delivering: flushes now, whenever the device comes back online, and every
 * `intervalMs` while reports wait, until `signal` aborts.
 */
export function keepDelivering(outbox: ReportOutbox, options: KeepDeliveringOptions): void {
	const { signal, intervalMs = 30_000, events = globalThis, onError } = options;
	if (!Number.isFinite(intervalMs) || intervalMs < 1000) {
		throw new DataError('outbox.keepDelivering', 'invalid', `intervalMs must be ≥ 1000, got ${intervalMs}`);
	}
	if (signal.aborted) return;
	const flush = () => {
		outbox.flush().catch((err: unknown) => onError?.(err));
	};
	const timer = setInterval(flush, intervalMs);
	events.addEventListener('online', flush);
	signal.addEventListener(
		'abort',
		() => {
			clearInterval(timer);
			events.removeEventListener('online', flush);
		},
		{ once: true },
	);
	flush();
}
