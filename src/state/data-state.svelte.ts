/**
 * Where the app saves things, and the resident's barrier reports: the data layer (src/data) as the
 * UI sees it, shared through context. The data layer is loaded lazily after the first paint, and
 * supabase-js only when Supabase is configured (VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY), so
 * neither weighs on the first load. Where things are saved is known at once from the configuration.
 *
 * Reports go through the outbox (src/data/outbox.ts): stored on the device first, then delivered
 * while the browser says it is online (at once, when it comes back online, and every
 * `retryIntervalMs` while reports wait). On the embedded default "delivered" means stored in the
 * device's report store, with the same outbox behaviour as with Supabase.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { createContext } from 'svelte';
import type { SignedInUser } from '../data/auth.ts';
import type { BarrierKind } from '../data/enums.ts';
import type { DataErrorCode } from '../data/errors.ts';
import type { OutboxEntry } from '../data/outbox.ts';
import type { Repositories } from '../data/repositories.ts';
import type { Area, BarrierReport } from '../data/types.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** Where things are saved. */
export type StorageWhere = 'device' | 'supabase';

export interface DataConfig {
	supabaseUrl?: string | undefined;
	supabaseAnonKey?: string | undefined;
}

/** What a resident fills in; the outbox adds the ids. */
export interface ReportDraft {
	kind: BarrierKind;
	description: string;
	location: Point | LineString;
}

/** A translatable message: a key and its slot values. */
export interface Message {
	key: MessageKey;
	values?: Record<string, string | number>;
}

/** True when `config` asks for Supabase (both the URL and the anon key are set). */
export function whereFor(config: DataConfig): StorageWhere {
	return config.supabaseUrl && config.supabaseAnonKey ? 'supabase' : 'device';
}

/** The app's configuration from Vite's environment. */
export function configFromEnv(): DataConfig {
	return {
		supabaseUrl: import.meta.env.VITE_SUPABASE_URL as string | undefined,
		supabaseAnonKey: import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined,
	};
}

interface ErrorLike {
	name?: unknown;
	code?: unknown;
	message?: unknown;
}

/** The DataError code of `err`, or undefined when it is no DataError. */
export function dataErrorCode(err: unknown): DataErrorCode | undefined {
	const e = err as ErrorLike | null;
	return e?.name === 'DataError' && typeof e.code === 'string'
		? (e.code as DataErrorCode)
		: undefined;
}

/**
 * A resident-facing message for an error the data layer gave about a report (or a refused outbox
 * entry's `lastError`), naming the problem: too long, markup, control characters, outside Belgium
 * or the area, a bad stretch, rate limit; otherwise the technical detail.
 */
export function reportErrorMessage(err: unknown): Message {
	const message = String((err as ErrorLike | null)?.message ?? err);
	const tooLong = /description must have at most (\d+) characters, got (\d+)/.exec(message);
	if (tooLong)
		return { key: 'reportErrorTooLong', values: { max: tooLong[1]!, count: tooLong[2]! } };
	if (/description must not contain markup/.test(message)) return { key: 'reportErrorMarkup' };
	if (/description contains control or direction/.test(message))
		return { key: 'reportErrorControl' };
	if (/lies outside Belgium/.test(message)) return { key: 'reportErrorOutsideBelgium' };
	if (/outside every area|outside.*area/.test(message)) return { key: 'reportErrorOutsideArea' };
	if (/a stretch (needs|must be)|must be a GeoJSON LineString/.test(message))
		return { key: 'reportErrorStretch' };
	if (/must be a GeoJSON Point/.test(message)) return { key: 'reportErrorNoLocation' };
	if (dataErrorCode(err) === 'rate_limited' || /rate limit/.test(message))
		return { key: 'reportErrorRateLimited' };
	return { key: 'reportErrorOther', values: { detail: message } };
}

/** How often waiting reports are retried while online, in milliseconds. */
const RETRY_INTERVAL_MS = 15_000;

export class DataState {
	/** Where things are saved: known from the configuration before anything loads. */
	readonly where: StorageWhere;
	/** 'opening' until the data layer is loaded and the device database open. */
	phase = $state<'opening' | 'ready' | 'failed'>('opening');
	/** Why opening failed (technical detail), when it did. */
	failure = $state<string | undefined>();
	/** The outbox: reports not yet delivered, oldest first. */
	outbox = $state.raw<OutboxEntry[]>([]);
	/** Reports waiting for delivery. */
	waiting = $derived(this.outbox.filter((e) => e.state === 'queued').length);
	/** Reports the backend refused; they stay on the device with the reason. */
	refused = $derived(this.outbox.filter((e) => e.state === 'refused'));
	/** The resident's own stored reports, newest first. */
	myReports = $state.raw<BarrierReport[]>([]);
	/** False when the backend keeps a resident's reports to signed-in users (Supabase, anonymous). */
	canListMine = $state(true);
	/** The signed-in coordinator, planner or admin (Supabase only). */
	user = $state.raw<SignedInUser | null>(null);
	/** What the browser says about the network. */
	isOnline = $state(true);

	#config: DataConfig;
	#repos: Repositories | undefined;
	#client: SupabaseClient | undefined;
	#stop = new AbortController();
	#opened: Promise<void> | undefined;

	constructor(config: DataConfig = configFromEnv()) {
		this.#config = config;
		this.where = whereFor(config);
		this.isOnline = typeof navigator === 'undefined' ? true : navigator.onLine;
	}

	/**
	 * Loads the data layer and opens the repositories (openRepositories for the embedded default;
	 * Supabase with the client kept for signing in). With Supabase it starts delivering the outbox;
	 * the embedded default starts once an area's boundaries are known ({@link useArea}), since it
	 * stores a report in the municipality it lies in. Idempotent.
	 */
	open(): Promise<void> {
		this.#opened ??= this.#open().catch((err: unknown) => {
			this.phase = 'failed';
			this.failure = err instanceof Error ? err.message : String(err);
		});
		return this.#opened;
	}

	async #open(): Promise<void> {
		const { openRepositories, supabaseRepositories } = await import('../data/repositories.ts');
		if (this.where === 'supabase') {
			const [{ connectSupabase }, { DeviceDb }, auth] = await Promise.all([
				import('../data/supabase.ts'),
				import('../data/device-db.ts'),
				import('../data/auth.ts'),
			]);
			const client = connectSupabase({
				url: this.#config.supabaseUrl ?? '',
				anonKey: this.#config.supabaseAnonKey ?? '',
			});
			this.#client = client;
			this.#repos = await supabaseRepositories(client, await DeviceDb.open());
			this.user = await auth.currentUser(client).catch(() => null);
			const stop = auth.onUserChange(client, (user) => {
				this.user = user;
				void this.refresh();
			});
			this.#stop.signal.addEventListener('abort', stop, { once: true });
		} else {
			this.#repos = await openRepositories({});
		}
		this.phase = 'ready';
		if (this.where === 'supabase') this.#keepDelivering();
		await this.refresh();
	}

	/**
	 * An area is open: on the embedded default, the device learns its municipalities (from the
	 * boundaries the pipeline published, the URL from the area's manifest) if it does not know them
	 * yet, and the outbox starts delivering.
	 */
	async useArea(boundariesUrl: string | undefined): Promise<void> {
		await this.open();
		const repos = this.#repos;
		if (!repos) return;
		if (repos.where !== 'supabase' && boundariesUrl) {
			try {
				await this.#ensureDeviceAreas(repos, boundariesUrl);
			} catch (err) {
				this.failure = err instanceof Error ? err.message : String(err);
			}
		}
		this.#keepDelivering();
	}

	/**
	 * The embedded default stores a report in the municipality it lies in, so the device needs the
	 * municipality boundaries of the areas it shows (the pipeline's, from the same sources as the
	 * Supabase seed). Municipalities it already has are kept.
	 */
	async #ensureDeviceAreas(repos: Repositories, url: string): Promise<void> {
		const areas = repos.areas as Repositories['areas'] & {
			import?: (areas: Area[], neighbourhoods: []) => Promise<void>;
		};
		if (!areas.import) return;
		// A local lookup, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const known = new Set((await areas.list()).map((a) => a.nisCode));
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
		const fc = (await response.json()) as {
			features: { properties: { nis: string; name: string }; geometry: Polygon | MultiPolygon }[];
		};
		const missing = fc.features.filter((f) => !known.has(f.properties.nis));
		if (missing.length === 0) return;
		await areas.import(
			missing.map((f) => ({
				id: crypto.randomUUID(),
				slug: f.properties.name.toLowerCase(),
				name: f.properties.name,
				nisCode: f.properties.nis,
				population: null,
				populationYear: null,
				boundary:
					f.geometry.type === 'Polygon'
						? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] }
						: f.geometry,
			})),
			[],
		);
	}

	#isDelivering = false;

	/** Delivers the outbox now and whenever it can (online again, every retry interval); once. */
	#keepDelivering(): void {
		if (this.#isDelivering) return;
		this.#isDelivering = true;
		const { signal } = this.#stop;
		const online = () => {
			this.isOnline = true;
			void this.deliver();
		};
		const offline = () => (this.isOnline = false);
		addEventListener('online', online, { signal });
		addEventListener('offline', offline, { signal });
		const timer = setInterval(() => {
			if (this.waiting > 0) void this.deliver();
		}, RETRY_INTERVAL_MS);
		signal.addEventListener('abort', () => clearInterval(timer), { once: true });
		void this.deliver();
	}

	/** Reads the outbox and the resident's reports again. */
	async refresh(): Promise<void> {
		const repos = this.#repos;
		if (!repos) return;
		this.outbox = await repos.outbox.entries();
		if (repos.where === 'supabase' && !this.user) {
			// Anonymous residents may submit but not read back (Row Level Security).
			this.canListMine = false;
			this.myReports = [];
			return;
		}
		this.canListMine = true;
		this.myReports = await repos.barrierReports.listMine();
	}

	/** Delivers what waits in the outbox, when the browser is online. */
	async deliver(): Promise<void> {
		const repos = this.#repos;
		if (!repos) return;
		this.isOnline = navigator.onLine;
		if (this.isOnline) await repos.outbox.flush();
		await this.refresh();
	}

	/**
	 * Queues a report (checked by the data layer: bad input throws a DataError 'invalid' and nothing
	 * is queued), then tries to deliver it. Returns the entry and whether it still waits.
	 */
	async submitReport(draft: ReportDraft): Promise<{ entry: OutboxEntry; isWaiting: boolean }> {
		const repos = await this.#ready();
		const entry = await repos.outbox.enqueue(draft);
		await this.deliver();
		return { entry, isWaiting: this.outbox.some((e) => e.id === entry.id) };
	}

	/** Withdraws one of the resident's own reports while it is new. */
	async withdraw(id: string): Promise<void> {
		const repos = await this.#ready();
		await repos.barrierReports.setStatus(id, 'withdrawn');
		await this.refresh();
	}

	async signIn(email: string, password: string): Promise<void> {
		const { client, auth } = await this.#auth();
		this.user = await auth.signInWithPassword(client, email, password);
		await this.refresh();
	}

	async sendMagicLink(email: string): Promise<void> {
		const { client, auth } = await this.#auth();
		await auth.sendMagicLink(client, email, location.origin + location.pathname);
	}

	async signOut(): Promise<void> {
		const { client, auth } = await this.#auth();
		await auth.signOut(client);
		this.user = null;
		await this.refresh();
	}

	/** Stops delivering (the app is closing). */
	close(): void {
		this.#stop.abort();
	}

	async #ready(): Promise<Repositories> {
		await this.open();
		if (!this.#repos) throw new Error(this.failure ?? 'storage is not available');
		return this.#repos;
	}

	async #auth() {
		await this.#ready();
		if (!this.#client) throw new Error('signing in needs Supabase');
		return { client: this.#client, auth: await import('../data/auth.ts') };
	}
}

export const [getDataState, setDataState] = createContext<DataState>();
