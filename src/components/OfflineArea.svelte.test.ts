/**
 * The offline panel where the browser has no service worker (happy-dom has none, as a browser
 * without them or a page not served securely): the area can be stored, the app itself cannot, and
 * the panel says so instead of "the app itself is still being stored" for ever.
 */
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import OfflineAreaHost from '../../tests/helpers/OfflineAreaHost.svelte';
import { I18n } from '../state/i18n.svelte.ts';
import { OfflineAreaState } from '../state/offline-area.svelte.ts';

describe('OfflineArea without service workers', () => {
	it('says the browser cannot keep the app itself, not that it is still being stored', async () => {
		expect('serviceWorker' in navigator).toBe(false);
		const offline = new OfflineAreaState();
		expect(offline.canKeepShell).toBe(false);
		offline.phase = 'stored';
		offline.stored = { files: 4, bytes: 2_500_000, isComplete: true, area: undefined };
		const i18n = new I18n('nl');
		render(OfflineAreaHost, { props: { offline, i18n, areaName: 'Testgebied' } });
		const panel = screen.getByTestId('offline-area');
		expect(panel.dataset.shell).toBe('unsupported');
		expect(screen.queryByTestId('offline-shell-storing')).toBeNull();
		expect(screen.getByTestId('offline-shell-unsupported').textContent!.trim()).toBe(
			'Het gebied Testgebied is bewaard op dit toestel (2,5 MB), maar deze browser kan de app zelf niet bewaren voor gebruik zonder verbinding: zonder verbinding opent Buurtkaart hier niet.',
		);
		offline.close();
	});
});
