/**
 * Mode panels in the `dom` vitest project, with the real sample area as the pipeline built it
 * (tiles/, read from disk through a file-backed fetch) and the real analysis engine and search
 * answering over MessageChannels (AnalysisHost and SearchHost on the other port, as the workers run
 * them; happy-dom has no Worker).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { render } from '@testing-library/svelte';
import type { Component } from 'svelte';
import type { MessageEndpoint } from '../../src/workers/analysis-client.ts';
import { AnalysisHost } from '../../src/workers/analysis-host.ts';
import type { ToWorker } from '../../src/workers/protocol.ts';
import type { SearchEndpoint } from '../../src/workers/search-client.ts';
import { SearchHost } from '../../src/workers/search-host.ts';
import type { SearchRequest } from '../../src/workers/search-protocol.ts';
import { AppState } from '../../src/state/app-state.svelte.ts';
import { AreaState } from '../../src/state/area-state.svelte.ts';
import { CuratedState } from '../../src/state/curated.svelte.ts';
import { DataState } from '../../src/state/data-state.svelte.ts';
import { I18n } from '../../src/state/i18n.svelte.ts';
import { MapState } from '../../src/state/map-state.svelte.ts';
import type { Mode } from '../../src/state/modes.ts';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { SAMPLE_AREA } from './areas.ts';
import PanelHost from './PanelHost.svelte';

export const ORIGIN = 'http://buurtkaart.test';

/** fetch over the built `tiles/` folder. */
export const tilesFetch: typeof fetch = async (input) => {
	const url = new URL(String(input instanceof Request ? input.url : input));
	const file = path.join(REPO_ROOT, decodeURIComponent(url.pathname));
	try {
		const bytes = readFileSync(file);
		return new Response(bytes, { headers: { 'Content-Length': String(bytes.length) } });
	} catch {
		return new Response('not found', { status: 404 });
	}
};

/** The analysis host behind a real message channel (structured clone and transfer). */
export function channelWorker() {
	const { port1, port2 } = new MessageChannel();
	const host = new AnalysisHost({ postMessage: (m, t) => port2.postMessage(m, t as never) });
	port2.on('message', (m: ToWorker) => host.receive(m));
	const endpoint: MessageEndpoint = {
		postMessage: (m, t) => port1.postMessage(m, t as never),
		addEventListener: (_type, l) => port1.on('message', (data) => l({ data } as MessageEvent)),
		removeEventListener: () => port1.removeAllListeners('message'),
	};
	return {
		endpoint,
		terminate: () => {
			port1.close();
			port2.close();
		},
	};
}

/** The search host behind a real message channel, fetching from the built `tiles/`. */
export function channelSearch(): SearchEndpoint {
	const { port1, port2 } = new MessageChannel();
	const host = new SearchHost((m) => port2.postMessage(m), tilesFetch);
	port2.on('message', (m: SearchRequest) => void host.receive(m));
	return {
		postMessage: (m) => port1.postMessage(m),
		addEventListener: (_type, l) => port1.on('message', (data) => l({ data } as MessageEvent)),
		terminate: () => {
			port1.close();
			port2.close();
		},
	};
}

/** What passes between the page and the analysis worker, as a test watches it. */
export type WorkerTraffic = (direction: 'sent' | 'answered', message: unknown) => void;

/** The analysis host behind a message channel, every message in either direction told to `watch`. */
export function watchedChannelWorker(watch: WorkerTraffic) {
	const worker = channelWorker();
	const endpoint: MessageEndpoint = {
		postMessage: (m, t) => {
			watch('sent', m);
			worker.endpoint.postMessage(m, t);
		},
		addEventListener: (type, l) =>
			worker.endpoint.addEventListener(type, (e) => {
				watch('answered', e.data);
				l(e);
			}),
		removeEventListener: worker.endpoint.removeEventListener,
	};
	return { ...worker, endpoint };
}

/** AreaState over the built `tiles/`, both workers behind message channels. */
export function testAreaState(watch?: WorkerTraffic): AreaState {
	return new AreaState({
		origin: ORIGIN,
		fetch: tilesFetch,
		startWorker: watch ? () => watchedChannelWorker(watch) : channelWorker,
		startSearch: channelSearch,
	});
}

/** The sample area opened as the app opens it (its worker's messages told to `watch`). */
export async function openSampleArea(watch?: WorkerTraffic): Promise<AreaState> {
	const area = testAreaState(watch);
	await area.open(SAMPLE_AREA);
	if (!area.data) throw new Error(area.manifestError ?? area.dataError ?? 'no area data');
	return area;
}

/** Renders `panel` for `mode` with fresh states around it (or the map and data state given). */
export function renderPanel(
	panel: Component<{ mode: Mode }>,
	area: AreaState,
	mode: Mode,
	given: { map?: MapState; data?: DataState } = {},
) {
	const app = new AppState();
	app.setMode(mode);
	const map = given.map ?? new MapState();
	const i18n = new I18n('nl');
	const data = given.data ?? new DataState({});
	const curated = new CuratedState(data, area);
	const result = render(PanelHost, { props: { panel, app, area, map, i18n, data, curated } });
	return { ...result, app, map, i18n, data, curated };
}
