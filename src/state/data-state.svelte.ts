/**
 * Where the app saves things, and the resident's barrier reports: the data layer (src/data) as the
 * UI sees it, shared through context. The data layer is loaded lazily after the first paint, and
 * supabase-js only when Supabase is configured (VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY), so
 * neither weighs on the first load. Where things are saved is known at once from the configuration.
 *
 * Reports go through the outbox (src/data/outbox.ts): stored on the device first, then delivered by
 * the outbox's one delivery loop (keepDelivering: at start, when the browser comes back online,
 * and when a waiting report's backoff has passed). On the embedded default "delivered" means
 * stored in the device's report store, with the same outbox behaviour as with Supabase.
 */
import type { Client } from '../data/supabase.ts';
import type { LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { createContext } from 'svelte';
import type { SignedInUser } from '../data/auth.ts';
import type { BarrierKind } from '../contracts/enums.ts';
import { type DataErrorCode, type ErrorKind, errorInfo } from '../data/errors.ts';
import { DELIVER_MESSAGE, OUTBOX_SYNC_TAG } from '../data/outbox-tags.ts';
import type {
	DeliveryLoop,
	keepDelivering as KeepDelivering,
	OutboxEntry,
	ReportEdit,
} from '../data/outbox.ts';
import type { ReportFilter, ReportPage } from '../data/barrier-reports.ts';
import type { ReportStatus } from '../contracts/enums.ts';
import type { Repositories } from '../data/repositories.ts';
import type {
	Area,
	BarrierReport,
	CuratedPlace,
	CuratedPlaceInput,
	CuratedPlacePatch,
	Neighbourhood,
	SavedAnalysis,
	SavedAnalysisDetail,
	SavedAnalysisInput,
} from '../data/types.ts';
import { parseNeighbourhoodPolygons } from '../data/tiles.ts';
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

/** A municipality whose reports the user reads (coordinator) or triages (planner). */
export interface TriageArea {
	id: string;
	name: string;
	role: 'planner' | 'coordinator';
}

/**
 * What the user does with the reports of the open area's municipalities, from their strongest role
 * there (`triageAreas`): a planner handles them (triage), a coordinator reads them; undefined for
 * anyone else (a resident, signed in or not, whose own reports are under "Mijn meldingen" in the
 * report form): the reports panel would show them nothing, so there is no button to it.
 */
export function reportsRole(areas: readonly TriageArea[]): TriageArea['role'] | undefined {
	if (areas.some((a) => a.role === 'planner')) return 'planner';
	if (areas.some((a) => a.role === 'coordinator')) return 'coordinator';
	return undefined;
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

/** The message key of each error kind about a report (the rest: reportErrorOther with the detail). */
const REPORT_MESSAGE: Partial<Record<ErrorKind, MessageKey>> = {
	too_long: 'reportErrorTooLong',
	markup: 'reportErrorMarkup',
	control_characters: 'reportErrorControl',
	forbidden_characters: 'reportErrorCharacters',
	no_location: 'reportErrorNoLocation',
	outside_belgium: 'reportErrorOutsideBelgium',
	outside_area: 'reportErrorOutsideArea',
	bad_stretch: 'reportErrorStretch',
	malformed_geometry: 'reportErrorGeometry',
	unknown_value: 'reportErrorKind',
	rate_limited: 'reportErrorRateLimited',
	sign_in_needed: 'reportErrorSignIn',
	denied: 'reportErrorWaiting',
	network: 'reportErrorWaiting',
	server: 'reportErrorWaiting',
};

/**
 * A resident-facing message for an error the data layer gave about a report (or a kept outbox
 * entry's `lastError`): its error kind mapped to a message key, with the kind's values (e.g. the
 * length and the maximum); an error without a kind gets reportErrorOther with its detail.
 */
export function reportErrorMessage(err: unknown): Message {
	const info = errorInfo(err);
	const key = REPORT_MESSAGE[info.kind];
	if (!key) return { key: 'reportErrorOther', values: { detail: info.detail } };
	if (key === 'reportErrorTooLong') {
		return { key, values: { max: info.values.max ?? '', count: info.values.count ?? '?' } };
	}
	return { key };
}

/** Background Sync's part of a service worker registration (not in TypeScript's DOM types yet). */
interface SyncRegistration {
	sync?: { register(tag: string): Promise<void> };
}

/**
 * Asks the browser to wake the service worker when the connection returns (Background Sync), so a
 * waiting report goes out even with the app closed. False where the browser cannot (no service
 * worker in control, no Background Sync: Firefox, Safari): the report then goes out when the app
 * next starts or the browser goes online with the app open.
 */
async function askForBackgroundSync(): Promise<boolean> {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
	if (!navigator.serviceWorker.controller) return false;
	try {
		const registration = (await navigator.serviceWorker.ready) as SyncRegistration;
		if (!registration.sync) return false;
		await registration.sync.register(OUTBOX_SYNC_TAG);
		return true;
	} catch {
		return false;
	}
}

/** The outbox's delivery loop, loaded with the data layer (after the first paint). */
let keepDelivering: typeof KeepDelivering;

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
	/** The resident's own stored reports (their account's and this device's), newest first. */
	myReports = $state.raw<BarrierReport[]>([]);
	/** The signed-in coordinator, planner or admin (Supabase only). */
	user = $state.raw<SignedInUser | null>(null);
	/** What the browser says about the network. */
	isOnline = $state(true);
	/**
	 * Whether the browser delivers waiting reports with the app closed (Background Sync through the
	 * service worker): known once a report waited; undefined before.
	 */
	backgroundSync = $state<boolean | undefined>();
	/**
	 * Counts the times the open area's municipalities became known to the data layer (on the
	 * device, once their boundaries are stored): what depends on them (the roles per municipality)
	 * asks again.
	 */
	areasKnown = $state(0);

	#config: DataConfig;
	#repos: Repositories | undefined;
	#client: Client | undefined;
	#stop = new AbortController();
	#opened: Promise<void> | undefined;
	#loop: DeliveryLoop | undefined;

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
		const [{ openRepositories, supabaseRepositories }, { keepDelivering: loop }] =
			await Promise.all([import('../data/repositories.ts'), import('../data/outbox.ts')]);
		keepDelivering = loop;
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
		await this.refresh();
		if (this.where === 'supabase') this.#keepDelivering();
	}

	/**
	 * An area is open: on the embedded default, the device learns its municipalities (from the
	 * boundaries the pipeline published, the URL from the area's manifest) if it does not know them
	 * yet, and the outbox starts delivering.
	 */
	useArea(
		boundariesUrl: string | undefined,
		neighbourhoodsUrl?: string | undefined,
	): Promise<void> {
		// Whoever lists the area's municipalities (analysisAreas) waits for this first.
		this.#areaKnown = this.#useArea(boundariesUrl, neighbourhoodsUrl);
		return this.#areaKnown;
	}

	#areaKnown: Promise<void> = Promise.resolve();

	async #useArea(
		boundariesUrl: string | undefined,
		neighbourhoodsUrl: string | undefined,
	): Promise<void> {
		await this.open();
		const repos = this.#repos;
		if (!repos) return;
		if (repos.where !== 'supabase' && boundariesUrl) {
			try {
				await this.#ensureDeviceAreas(repos, boundariesUrl, neighbourhoodsUrl);
			} catch (err) {
				this.failure = err instanceof Error ? err.message : String(err);
			}
		}
		this.areasKnown++;
		this.#keepDelivering();
	}

	/**
	 * The embedded default stores a report in the municipality it lies in, so the device needs the
	 * municipality boundaries of the areas it shows (the pipeline's, from the same sources as the
	 * Supabase seed), and a saved analysis keeps its figures per neighbourhood by their codes, so it
	 * needs their neighbourhoods too (`neighbourhoods.geojson`, when the manifest lists it).
	 * Municipalities it already has are kept; one stored without neighbourhoods gets them.
	 */
	async #ensureDeviceAreas(
		repos: Repositories,
		url: string,
		neighbourhoodsUrl: string | undefined,
	): Promise<void> {
		const areas = repos.areas as Repositories['areas'] & {
			import?: (areas: Area[], neighbourhoods: Neighbourhood[]) => Promise<void>;
		};
		if (!areas.import) return;
		const readJson = async <T>(u: string): Promise<T> => {
			const response = await fetch(u);
			if (!response.ok) throw new Error(`${u}: HTTP ${response.status}`);
			return (await response.json()) as T;
		};
		// A local lookup, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const known = new Map((await areas.list()).map((a) => [a.nisCode, a]));
		const fc = await readJson<{
			features: { properties: { nis: string; name: string }; geometry: Polygon | MultiPolygon }[];
		}>(url);
		const added = fc.features
			.filter((f) => !known.has(f.properties.nis))
			.map((f): Area => ({
				id: crypto.randomUUID(),
				slug: f.properties.name.toLowerCase(),
				name: f.properties.name,
				nisCode: f.properties.nis,
				population: null,
				populationYear: null,
				boundary: asMulti(f.geometry),
			}));
		const lacking: Area[] = [];
		if (neighbourhoodsUrl)
			for (const a of known.values())
				if ((await areas.neighbourhoods(a.id)).length === 0) lacking.push(a);
		if (added.length === 0 && lacking.length === 0) return;
		const all = [...added, ...lacking];
		const neighbourhoods: Neighbourhood[] = [];
		if (neighbourhoodsUrl) {
			const polygons = parseNeighbourhoodPolygons(
				await readJson<unknown>(neighbourhoodsUrl),
				neighbourhoodsUrl,
			);
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			const nisOf = new Map(all.map((a) => [a.nisCode, a.id]));
			for (const n of polygons) {
				const areaId = nisOf.get(n.municipalityNis);
				if (areaId)
					neighbourhoods.push({
						id: crypto.randomUUID(),
						areaId,
						code: n.id,
						name: n.name,
						population: null,
						populationYear: null,
						boundary: asMulti(n.geometry),
					});
			}
		}
		await areas.import(all, neighbourhoods);
	}

	/**
	 * Starts the outbox's one delivery loop (now, online again, with backoff) once the repositories
	 * are open; later calls do nothing.
	 */
	#keepDelivering(): void {
		const repos = this.#repos;
		if (this.#loop || !repos) return;
		const { signal } = this.#stop;
		addEventListener('online', () => (this.isOnline = true), { signal });
		addEventListener('offline', () => (this.isOnline = false), { signal });
		// The service worker's Background Sync wakes this same loop (src/pwa/sw.ts).
		if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
			navigator.serviceWorker.addEventListener(
				'message',
				(e: MessageEvent) => {
					if ((e.data as { type?: unknown } | null)?.type !== DELIVER_MESSAGE) return;
					void this.deliver().then(
						() => e.ports[0]?.postMessage({ waiting: this.waiting }),
						() => e.ports[0]?.postMessage({ waiting: -1 }),
					);
				},
				{ signal },
			);
		}
		this.#loop = keepDelivering(repos.outbox, {
			signal,
			onFlushed: () => {
				this.isOnline = navigator.onLine;
				void this.refresh();
			},
			onError: (err) => (this.failure = err instanceof Error ? err.message : String(err)),
		});
	}

	/** Reads the outbox and the resident's reports again. */
	async refresh(): Promise<void> {
		const repos = this.#repos;
		if (!repos) return;
		this.outbox = await repos.outbox.entries();
		try {
			this.myReports = await repos.barrierReports.listMine(repos.outbox.clientId);
		} catch (err) {
			// Without a connection the stored reports stay as last read (a report written offline
			// still counts as waiting, not as failed).
			if (dataErrorCode(err) !== 'network') throw err;
		}
	}

	/** Delivers what waits in the outbox now (when the browser is online), through the delivery loop. */
	async deliver(): Promise<void> {
		await this.#ready();
		await this.#loop?.deliver({ force: true });
		await this.refresh();
	}

	/**
	 * Queues a report (checked by the data layer: bad input throws a DataError 'invalid' and nothing
	 * is queued), then tries to deliver it. Returns its entry as it is now, whether it still waits,
	 * and whether the backend refused its content (it then stays on the device, see MyReports).
	 */
	async submitReport(
		draft: ReportDraft,
	): Promise<{ entry: OutboxEntry; isWaiting: boolean; refused: boolean }> {
		const repos = await this.#ready();
		// a signed-in reporter's report goes out only with their valid session, never anonymously
		const reporterId = repos.where === 'supabase' ? (this.user?.id ?? null) : null;
		const queued = await repos.outbox.enqueue({ ...draft, reporterId });
		await this.deliver();
		const entry = this.outbox.find((e) => e.id === queued.id);
		if (entry?.state === 'queued') this.backgroundSync = await askForBackgroundSync();
		return {
			entry: entry ?? queued,
			isWaiting: entry?.state === 'queued',
			refused: entry?.state === 'refused',
		};
	}

	/** Queues a refused report again and tries to deliver it. */
	async retryReport(id: string): Promise<void> {
		const repos = await this.#ready();
		await repos.outbox.retry(id);
		await this.deliver();
	}

	/** Changes a refused report (checked as a new one is) and tries to deliver it again. */
	async editReport(id: string, change: ReportEdit): Promise<void> {
		const repos = await this.#ready();
		await repos.outbox.edit(id, change);
		await this.deliver();
	}

	/** Deletes a report that never left this device. */
	async deleteQueuedReport(id: string): Promise<void> {
		const repos = await this.#ready();
		await repos.outbox.remove(id);
		await this.refresh();
	}

	/** Withdraws one of the resident's own reports while it is new. */
	async withdraw(id: string): Promise<void> {
		const repos = await this.#ready();
		await repos.barrierReports.setStatus(id, 'withdrawn');
		await this.refresh();
	}

	/** Erases one of the resident's own stored reports for good (their account's, or this device's). */
	async erase(id: string): Promise<void> {
		const repos = await this.#ready();
		await repos.barrierReports.erase(id, repos.outbox.clientId);
		await this.refresh();
	}

	/**
	 * The municipalities among `nisCodes` whose reports this user triages: with Supabase, those where
	 * they are a planner or coordinator (`role`: the strongest: planner before coordinator); on the
	 * device, the one user plans every area.
	 */
	async triageAreas(nisCodes: readonly string[]): Promise<TriageArea[]> {
		const repos = await this.#ready();
		// On the device, the municipalities are known once the area's boundaries are stored.
		await this.#areaKnown;
		const areas = (await repos.areas.list()).filter(
			(a) => a.nisCode !== null && nisCodes.includes(a.nisCode),
		);
		if (!repos.memberships) return areas.map((a) => ({ id: a.id, name: a.name, role: 'planner' }));
		const userId = this.user?.id;
		if (!userId) return [];
		const mine = (await repos.memberships.list()).filter((m) => m.userId === userId);
		return areas.flatMap((a): TriageArea[] => {
			const roles = mine.filter((m) => m.areaId === a.id).map((m) => m.role);
			if (roles.includes('planner')) return [{ id: a.id, name: a.name, role: 'planner' }];
			if (roles.includes('coordinator')) return [{ id: a.id, name: a.name, role: 'coordinator' }];
			return [];
		});
	}

	/** One page of an area's reports that pass `filter` (planners and coordinators of the area). */
	async areaReports(areaId: string, filter: ReportFilter, offset: number): Promise<ReportPage> {
		const repos = await this.#ready();
		return repos.barrierReports.pageForArea(areaId, filter, offset);
	}

	/** Every report of an area that passes `filter`, newest first (for exports). */
	async allAreaReports(areaId: string, filter: ReportFilter): Promise<BarrierReport[]> {
		const repos = await this.#ready();
		const { matchesFilter } = await import('../data/barrier-reports.ts');
		return (await repos.barrierReports.listForArea(areaId)).filter((r) => matchesFilter(r, filter));
	}

	/** A planner moves a report on (acknowledged, resolved, rejected) with a note for the reporter. */
	async triage(
		id: string,
		status: ReportStatus,
		plannerNote: string | null,
		publicText?: string | null,
	): Promise<BarrierReport> {
		const repos = await this.#ready();
		const report = await repos.barrierReports.setStatus(id, status, plannerNote, publicText);
		await this.refresh();
		return report;
	}

	/**
	 * The municipalities among `nisCodes` where this user keeps analyses: with Supabase, the ones
	 * where they are a coordinator (`canSave`) and, for reading, every one (published analyses are
	 * for everyone); on the device, every one, and the one user saves in each.
	 */
	async analysisAreas(
		nisCodes: readonly string[],
	): Promise<{ id: string; name: string; nisCode: string; canSave: boolean }[]> {
		const repos = await this.#ready();
		// On the device, the municipalities are known once the area's boundaries are stored.
		await this.#areaKnown;
		const areas = (await repos.areas.list()).filter(
			(a): a is Area & { nisCode: string } => a.nisCode !== null && nisCodes.includes(a.nisCode),
		);
		if (!repos.memberships)
			return areas.map((a) => ({ id: a.id, name: a.name, nisCode: a.nisCode, canSave: true }));
		const userId = this.user?.id;
		const mine = userId
			? (await repos.memberships.list()).filter(
					(m) => m.userId === userId && m.role === 'coordinator',
				)
			: [];
		return areas.map((a) => ({
			id: a.id,
			name: a.name,
			nisCode: a.nisCode,
			canSave: mine.some((m) => m.areaId === a.id),
		}));
	}

	/**
	 * The neighbourhoods of a municipality as the backend keeps them (ids and codes; on the device,
	 * none: it keeps an analysis's figures in its parameters only).
	 */
	async neighbourhoods(areaId: string): Promise<{ id: string; code: string }[]> {
		return (await (await this.#ready()).areas.neighbourhoods(areaId)).map((n) => ({
			id: n.id,
			code: n.code,
		}));
	}

	/** The boundary of a municipality as the backend keeps it (undefined for an unknown id). */
	async areaBoundary(areaId: string): Promise<MultiPolygon | undefined> {
		return (await (await this.#ready()).areas.list()).find((a) => a.id === areaId)?.boundary;
	}

	/** The saved analyses of these municipalities that this user may see, newest first. */
	async savedAnalyses(areaIds: readonly string[]): Promise<SavedAnalysis[]> {
		const repos = await this.#ready();
		const lists = await Promise.all(areaIds.map((id) => repos.savedAnalyses.list(id)));
		return lists
			.flat()
			.sort((a, b) => (a.createdAt > b.createdAt ? -1 : a.createdAt < b.createdAt ? 1 : 0));
	}

	/** Saves an analysis (checked by the data layer; bad input throws and nothing is saved). */
	async saveAnalysis(input: SavedAnalysisInput): Promise<string> {
		return (await this.#ready()).savedAnalyses.save(input);
	}

	/** One saved analysis with its details, or null when it does not exist or is not visible. */
	async savedAnalysis(id: string): Promise<SavedAnalysisDetail | null> {
		return (await this.#ready()).savedAnalyses.get(id);
	}

	/** Renames a saved analysis or changes who sees it (private, the area's team, published). */
	async updateAnalysis(
		id: string,
		patch: { name?: string; visibility?: SavedAnalysis['visibility'] },
	): Promise<SavedAnalysis> {
		return (await this.#ready()).savedAnalyses.update(id, patch);
	}

	/** Removes a saved analysis. */
	async removeAnalysis(id: string): Promise<void> {
		await (await this.#ready()).savedAnalyses.remove(id);
	}

	/** The curated places of these municipalities that this user may see, by name. */
	async curatedPlaces(areaIds: readonly string[]): Promise<CuratedPlace[]> {
		const repos = await this.#ready();
		const lists = await Promise.all(areaIds.map((id) => repos.curatedPlaces.list(id)));
		return lists
			.flat()
			.sort((a, b) => a.name.localeCompare(b.name, 'nl') || (a.id < b.id ? -1 : 1));
	}

	/**
	 * Adds a curated place (checked by the data layer: a bad field throws a DataError naming it, a
	 * point outside the municipality has kind `outside_area`; nothing is saved then).
	 */
	async createCuratedPlace(input: CuratedPlaceInput): Promise<CuratedPlace> {
		return (await this.#ready()).curatedPlaces.create(input);
	}

	/** Changes a curated place (checked as a new one is). */
	async updateCuratedPlace(id: string, patch: CuratedPlacePatch): Promise<CuratedPlace> {
		return (await this.#ready()).curatedPlaces.update(id, patch);
	}

	/** Removes a curated place. */
	async removeCuratedPlace(id: string): Promise<void> {
		await (await this.#ready()).curatedPlaces.remove(id);
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

function asMulti(g: Polygon | MultiPolygon): MultiPolygon {
	return g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;
}
