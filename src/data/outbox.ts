/**
 * The barrier-report outbox: a report is first stored on the device, then delivered. It survives
 * reloads (IndexedDB) and is stored exactly once: every attempt carries the same client-generated
 * id, and a 'duplicate' answer means an earlier attempt got through.
 *
 * It gives up only on what can never succeed: a refusal of the report's own content (DataError
 * code 'invalid': a check constraint, an unknown kind, outside every area, malformed geometry)
 * marks the entry 'refused', kept with the reason until the resident retries, edits or deletes
 * it. Anything else (network, 401/403, rate limit, 5xx, unknown, a signed-in reporter's session
 * that is gone) keeps it queued and retries with exponential backoff.
 *
 * One delivery loop (keepDelivering) runs it: at start (a report written offline in a closed tab
 * goes out when the app next opens), when the browser goes online, and when the next entry's
 * backoff has passed. Where the browser has Background Sync, the service worker's `sync` event
 * (tag OUTBOX_SYNC_TAG of outbox-tags.ts, src/pwa/sw.ts) wakes that same loop in an open app, or, with no app open,
 * runs one flush of the same outbox. Every flush holds the Web Lock OUTBOX_LOCK, so a page and the
 * worker never deliver at the same time (and the report's id makes a second delivery a no-op).
 */
import type { DeviceDb } from './device-db.ts';
import { OUTBOX_LOCK } from './outbox-tags.ts';
import { DataError, type ErrorInfo, errorInfo } from './errors.ts';
import type { BarrierReportInput } from './types.ts';
import { checkReportInput } from './validate.ts';

export interface OutboxEntry {
	id: string;
	report: BarrierReportInput;
	/** ISO 8601. */
	queuedAt: string;
	attempts: number;
	/** 'queued': waiting for delivery; 'refused': the backend refused its content (see lastError). */
	state: 'queued' | 'refused';
	/** Why the last attempt failed (entries of older versions kept a plain message). */
	lastError: ErrorInfo | string | null;
	/** ISO 8601: not tried again before this time (backoff); null or absent: at the next flush. */
	nextAttemptAt?: string | null;
}

export interface FlushResult {
	delivered: number;
	pending: number;
	refused: number;
}

export interface FlushOptions {
	/** Also try entries whose backoff has not passed yet (the app opened, the network came back). */
	force?: boolean;
}

/** What a report is delivered with: a BarrierReportsRepository's submit. */
export type Submit = (report: BarrierReportInput) => Promise<void>;

/** What a resident may change in a refused (or waiting) report. */
export type ReportEdit = Partial<Pick<BarrierReportInput, 'kind' | 'description' | 'location'>>;

const CLIENT_ID_KEY = 'outbox.clientId';

/** Runs `fn` holding the outbox's Web Lock where the browser has Web Locks (else at once). */
function withOutboxLock<T>(fn: () => Promise<T>): Promise<T> {
	const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
	return locks ? locks.request(OUTBOX_LOCK, fn) : fn();
}

/** First retry after 15 s, doubling up to 30 minutes. */
export function retryDelayMs(attempts: number): number {
	return Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

const byQueueOrder = (a: OutboxEntry, b: OutboxEntry) =>
	a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.id < b.id ? -1 : 1;

export class ReportOutbox {
	private flushing: Promise<FlushResult> | null = null;

	private constructor(
		private readonly db: DeviceDb,
		private readonly submit: Submit,
		/** This device's id, sent with every report (rate limiting per device; erasure from the device). */
		readonly clientId: string,
		private readonly now: () => number,
	) {}

	/** Opens the outbox on the device; the device's client id is created once and kept. */
	static async open(
		db: DeviceDb,
		submit: Submit,
		now: () => number = Date.now,
	): Promise<ReportOutbox> {
		let setting = await db.get('settings', CLIENT_ID_KEY);
		if (!setting) {
			setting = { key: CLIENT_ID_KEY, value: crypto.randomUUID() };
			const s = setting;
			await db.write(['settings'], (tx) => tx.objectStore('settings').add(s));
		}
		return new ReportOutbox(db, submit, setting.value, now);
	}

	/**
	 * Checks a report and queues it; returns its entry. Bad input is refused here (DataError
	 * 'invalid') and never queued. Queuing the same id again keeps the first entry.
	 */
	async enqueue(
		report: Omit<BarrierReportInput, 'id' | 'clientId'> & { id?: string },
	): Promise<OutboxEntry> {
		const op = 'outbox.enqueue';
		const checked = checkReportInput(op, {
			...report,
			id: report.id ?? crypto.randomUUID(),
			clientId: this.clientId,
		});
		const existing = await this.db.get('outbox', checked.id);
		if (existing) return existing;
		const entry: OutboxEntry = {
			id: checked.id,
			report: checked,
			queuedAt: new Date(this.now()).toISOString(),
			attempts: 0,
			state: 'queued',
			lastError: null,
			nextAttemptAt: null,
		};
		await this.db.write(['outbox'], (tx) => tx.objectStore('outbox').add(entry));
		return entry;
	}

	/** Everything in the outbox, oldest first. */
	async entries(): Promise<OutboxEntry[]> {
		return (await this.db.all('outbox')).sort(byQueueOrder);
	}

	/** When the next queued entry is due (ms since the epoch), or null when none waits. */
	async nextDueAt(): Promise<number | null> {
		let due: number | null = null;
		for (const e of await this.entries()) {
			if (e.state !== 'queued') continue;
			const at = e.nextAttemptAt ? Date.parse(e.nextAttemptAt) : this.now();
			due = due === null ? at : Math.min(due, at);
		}
		return due;
	}

	/** Queues a refused (or waiting) entry again, to be tried at the next flush. */
	async retry(id: string): Promise<OutboxEntry> {
		const entry = await this.#get('outbox.retry', id);
		return this.#put({ ...entry, state: 'queued', nextAttemptAt: null });
	}

	/**
	 * Changes the kind, text or location of an entry (checked as a new report is; bad input throws
	 * DataError 'invalid' and changes nothing) and queues it again. Its id stays: it is still
	 * stored at most once.
	 */
	async edit(id: string, change: ReportEdit): Promise<OutboxEntry> {
		const entry = await this.#get('outbox.edit', id);
		const report = checkReportInput('outbox.edit', { ...entry.report, ...change });
		return this.#put({ ...entry, report, state: 'queued', lastError: null, nextAttemptAt: null });
	}

	/** Deletes an entry from the device for good (it was never stored elsewhere). */
	async remove(id: string): Promise<void> {
		await this.#get('outbox.remove', id);
		await this.db.write(['outbox'], (tx) => tx.objectStore('outbox').delete(id));
	}

	async #get(op: string, id: string): Promise<OutboxEntry> {
		const entry = await this.db.get('outbox', id);
		if (!entry) throw new DataError(op, 'not_found', `no report ${id} in the outbox`);
		return entry;
	}

	async #put(entry: OutboxEntry): Promise<OutboxEntry> {
		await this.db.write(['outbox'], (tx) => tx.objectStore('outbox').put(entry));
		return entry;
	}

	/**
	 * Tries to deliver every queued report that is due (all of them with `force`), oldest first.
	 * Delivered (or already stored) reports leave the outbox; a refusal of the content marks the
	 * entry refused; any other failure keeps it queued with backoff, and a network failure or rate
	 * limit ends this round. Concurrent calls share one run.
	 */
	flush(options: FlushOptions = {}): Promise<FlushResult> {
		this.flushing ??= withOutboxLock(() => this.run(options.force ?? false)).finally(() => {
			this.flushing = null;
		});
		return this.flushing;
	}

	private async run(force: boolean): Promise<FlushResult> {
		const result: FlushResult = { delivered: 0, pending: 0, refused: 0 };
		let stop = false;
		for (const entry of await this.entries()) {
			if (entry.state === 'refused') {
				result.refused++;
				continue;
			}
			const notYet = !force && entry.nextAttemptAt && Date.parse(entry.nextAttemptAt) > this.now();
			if (stop || notYet) {
				result.pending++;
				continue;
			}
			try {
				await this.submit(entry.report);
			} catch (err) {
				const code = err instanceof DataError ? err.code : 'unknown';
				if (code !== 'duplicate') {
					const refused = code === 'invalid';
					const attempts = entry.attempts + 1;
					await this.#put({
						...entry,
						attempts,
						state: refused ? 'refused' : 'queued',
						lastError: errorInfo(err),
						nextAttemptAt: refused
							? null
							: new Date(this.now() + retryDelayMs(attempts)).toISOString(),
					});
					result[refused ? 'refused' : 'pending']++;
					stop = code === 'network' || code === 'rate_limited';
					continue;
				}
			}
			await this.db.write(['outbox'], (tx) => tx.objectStore('outbox').delete(entry.id));
			result.delivered++;
		}
		return result;
	}
}

export interface KeepDeliveringOptions {
	/** Stops the loop. */
	signal: AbortSignal;
	/** Where 'online' events come from (default: globalThis, i.e. window in the browser). */
	events?: EventTarget;
	/** Whether the device says it is online (default: navigator.onLine, true where unknown). */
	isOnline?: () => boolean;
	/** Told after every delivery round (and after a round skipped because the device is offline). */
	onFlushed?: (result: FlushResult | null) => void;
	/** Told about a round that failed as a whole (e.g. IndexedDB unavailable). */
	onError?: (err: unknown) => void;
}

/** The running delivery loop. */
export interface DeliveryLoop {
	/** Delivers now (all queued entries with `force`), then waits for the next due entry. */
	deliver(options?: FlushOptions): Promise<FlushResult | null>;
}

/**
 * The outbox's one delivery loop: delivers at once (force), whenever the device comes back online
 * (force), and when the next queued entry's backoff has passed, until `signal` aborts.
 */
export function keepDelivering(outbox: ReportOutbox, options: KeepDeliveringOptions): DeliveryLoop {
	const { signal, events = globalThis, onFlushed, onError } = options;
	const isOnline =
		options.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
	let timer: ReturnType<typeof setTimeout> | undefined;

	const schedule = async () => {
		clearTimeout(timer);
		const due = await outbox.nextDueAt();
		if (due === null || signal.aborted) return;
		timer = setTimeout(() => void deliver(), Math.max(1000, due - Date.now()));
	};

	const deliver = async (flush: FlushOptions = {}): Promise<FlushResult | null> => {
		if (signal.aborted) return null;
		try {
			const result = isOnline() ? await outbox.flush(flush) : null;
			onFlushed?.(result);
			await schedule();
			return result;
		} catch (err) {
			onError?.(err);
			return null;
		}
	};

	const online = () => void deliver({ force: true });
	events.addEventListener('online', online);
	signal.addEventListener(
		'abort',
		() => {
			clearTimeout(timer);
			events.removeEventListener('online', online);
		},
		{ once: true },
	);
	if (!signal.aborted) void deliver({ force: true });
	return { deliver };
}
