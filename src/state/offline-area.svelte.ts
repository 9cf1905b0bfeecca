/**
 * The area kept on the device for use without a connection (src/data/offline-area.ts), shared
 * through context. While online it keeps the current area up to date (only changed files are
 * downloaded), whether or not the panel that shows this state is on screen, so opening a place's
 * details never stops a download; unless the resident removed the area: that choice is remembered
 * on the device until they store it again. The data module loads on first use, after the first
 * paint.
 */
import { createContext } from 'svelte';
import type { AreaFiles, StoredArea } from '../data/offline-area.ts';

export type OfflinePhase =
	'idle' | 'checking' | 'storing' | 'stored' | 'not-stored' | 'failed' | 'unsupported';

const SKIP_PREFIX = 'buurtkaart.offline.skip:';

/** Whether the resident removed this area here (and has not stored it again since). */
function isSkipped(manifestUrl: string): boolean {
	try {
		return localStorage.getItem(SKIP_PREFIX + manifestUrl) !== null;
	} catch {
		return false;
	}
}

function setSkipped(manifestUrl: string, skip: boolean): void {
	try {
		if (skip) localStorage.setItem(SKIP_PREFIX + manifestUrl, 'removed');
		else localStorage.removeItem(SKIP_PREFIX + manifestUrl);
	} catch {
		// Private browsing can refuse storage; the choice then lasts for this visit only.
	}
}

const offlineArea = () => import('../data/offline-area.ts');

export class OfflineAreaState {
	/** The manifest URL of the area watched, once an area is open. */
	manifestUrl = $state<string | undefined>();
	phase = $state<OfflinePhase>('idle');
	/** What is stored for the area. */
	stored = $state.raw<StoredArea | undefined>();
	/** The area's files on the network, when it is not stored (to say how much storing takes). */
	offered = $state.raw<AreaFiles | undefined>();
	/** Progress of a first download, 0–100. */
	percent = $state(0);
	/** Why storing failed (technical detail). */
	failure = $state<string | undefined>();
	/** What the browser says about the network. */
	isOnline = $state(true);
	/** A removal or a requested download is running. */
	isBusy = $state(false);
	/**
	 * Whether the app itself (its shell) opens without a connection: a service worker is active for
	 * the page. A worker becomes active only once it is installed, i.e. once it has stored every file
	 * of the app shell (src/pwa/sw.ts), so before that a reload without a connection fails. Not
	 * whether it controls this page: after a hard reload (Shift+Reload) the page is not controlled,
	 * yet the worker is active and a reload without a connection opens the app.
	 */
	isShellReady = $state(false);
	/** Whether this browser can keep the app itself at all (it has service workers). */
	canKeepShell = $state(true);

	#stop = new AbortController();
	#run: AbortController | undefined;
	/** The URL watched (not reactive: `watch` runs inside effects and must not depend on it). */
	#watched: string | undefined;

	constructor() {
		if (typeof window === 'undefined') return;
		this.isOnline = navigator.onLine;
		const { signal } = this.#stop;
		addEventListener(
			'online',
			() => {
				this.isOnline = true;
				// Back online: store the area now if it was meant to be kept but could not be.
				const url = this.manifestUrl;
				if (url && (this.phase === 'not-stored' || this.phase === 'failed') && !isSkipped(url))
					void this.#keep(url, this.#run?.signal);
			},
			{ signal },
		);
		addEventListener('offline', () => (this.isOnline = false), { signal });
		const workers = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
		if (!workers) {
			this.canKeepShell = false;
			return;
		}
		this.isShellReady = workers.controller !== null;
		// resolves once a registration for this page has an active worker (its precache installed)
		void workers.ready.then(
			(registration) => {
				if (!signal.aborted && registration.active) this.isShellReady = true;
			},
			() => {},
		);
		workers.addEventListener(
			'controllerchange',
			() => (this.isShellReady ||= workers.controller !== null),
			{ signal },
		);
	}

	/**
	 * Watches the area whose manifest lives at `manifestUrl`: checks what is stored, then keeps it up
	 * to date while online unless the resident removed it. Watching the same area again does nothing.
	 */
	watch(manifestUrl: string): void {
		if (manifestUrl === this.#watched) return;
		this.#watched = manifestUrl;
		this.#run?.abort();
		const run = (this.#run = new AbortController());
		this.manifestUrl = manifestUrl;
		this.stored = undefined;
		this.offered = undefined;
		this.failure = undefined;
		if (!('caches' in globalThis)) {
			this.phase = 'unsupported';
			return;
		}
		this.phase = 'checking';
		void this.#refresh(manifestUrl).then(() => {
			if (run.signal.aborted || !navigator.onLine) return;
			if (!isSkipped(manifestUrl)) void this.#keep(manifestUrl, run.signal);
			else if (!this.stored?.isComplete) void this.#offer(manifestUrl, run.signal);
		});
	}

	/** Stores the area again at the resident's request (and forgets an earlier removal). */
	async keep(): Promise<void> {
		const url = this.manifestUrl;
		if (!url) return;
		this.isBusy = true;
		setSkipped(url, false);
		// The resident asked: ask the browser not to evict what is stored under storage pressure.
		void navigator.storage?.persist?.().catch(() => false);
		await this.#keep(url, this.#run?.signal);
		this.isBusy = false;
	}

	/** Removes the area from the device and remembers that choice. */
	async remove(): Promise<void> {
		const url = this.manifestUrl;
		if (!url) return;
		this.isBusy = true;
		setSkipped(url, true);
		try {
			await (await offlineArea()).removeArea(url);
		} catch (error) {
			this.#fail(error);
		}
		await this.#refresh(url);
		if (navigator.onLine) await this.#offer(url, this.#run?.signal);
		this.isBusy = false;
	}

	/** Stops listening and downloading (the app is closing). */
	close(): void {
		this.#stop.abort();
		this.#run?.abort();
	}

	async #refresh(url: string): Promise<void> {
		try {
			this.stored = await (await offlineArea()).storedArea(url);
			this.phase = this.stored.isComplete ? 'stored' : 'not-stored';
		} catch (error) {
			this.#fail(error);
		}
	}

	async #offer(url: string, signal: AbortSignal | undefined): Promise<void> {
		try {
			const files = await (await offlineArea()).areaFilesAt(url, signal ? { signal } : {});
			if (!signal?.aborted) this.offered = files;
		} catch {
			// Only the size on the button is missing then.
		}
	}

	async #keep(url: string, signal: AbortSignal | undefined): Promise<void> {
		// An update of a stored area runs quietly; a first download shows its progress.
		const isNew = !this.stored?.isComplete;
		if (isNew) {
			this.phase = 'storing';
			this.percent = 0;
		}
		this.failure = undefined;
		try {
			const { keepArea } = await offlineArea();
			this.stored = await keepArea(url, {
				...(signal ? { signal } : {}),
				onProgress: (done, total) =>
					(this.percent = total > 0 ? Math.round((done / total) * 100) : 0),
			});
			this.phase = this.stored.isComplete ? 'stored' : 'not-stored';
		} catch (error) {
			if ((error as Error).name === 'AbortError') return;
			// An update that fails (e.g. the connection dropped) leaves the stored copy in use.
			if (!isNew && this.stored?.isComplete) return;
			this.#fail(error);
		}
	}

	#fail(error: unknown): void {
		this.failure = error instanceof Error ? error.message : String(error);
		this.phase = 'failed';
	}
}

export const [getOfflineAreaState, setOfflineAreaState] = createContext<OfflineAreaState>();
