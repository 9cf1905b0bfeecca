/**
 * One panel per mode (src/state/modes.ts): the shell renders the panel of `mode.kind` with the mode.
 * A mode without a panel here is a type error, so a new screen cannot be half added. The panel of
 * the first view is bundled; the others load when their mode first opens, so the first-visit
 * JavaScript stays within its budget (`npm run bench -- bundle`).
 */
import type { Component } from 'svelte';
import type { ModeKind, ModeOf } from '../state/modes.ts';
import ExplorePanel from './ExplorePanel.svelte';

/** A panel receives its mode (and reads everything else from the states in context). */
export type PanelComponent<K extends ModeKind> = Component<{ mode: ModeOf<K> }>;

/** A panel in the first load, or one loaded when its mode opens. */
export type PanelEntry<K extends ModeKind> =
	{ component: PanelComponent<K> } | { load: () => Promise<{ default: PanelComponent<K> }> };

export const PANELS: { [K in ModeKind]: PanelEntry<K> } = {
	explore: { component: ExplorePanel },
	place: { load: () => import('./PlacePanel.svelte') },
	nearest: { load: () => import('./NearestPanel.svelte') },
	line: { load: () => import('./LinePanel.svelte') },
	report: { load: () => import('./ReportPanel.svelte') },
	reports: { load: () => import('./ReportsPanel.svelte') },
	route: { load: () => import('./RoutePanel.svelte') },
	walkshed: { load: () => import('./WalkshedPanel.svelte') },
	fixes: { load: () => import('./FixesPanel.svelte') },
	rest: { load: () => import('./RestPanel.svelte') },
	completeness: { load: () => import('./CompletenessPanel.svelte') },
	coverage: { load: () => import('./CoveragePanel.svelte') },
};

/** The panel of a mode kind: at once when bundled, else once loaded. */
export async function loadPanel<K extends ModeKind>(kind: K): Promise<PanelComponent<K>> {
	const entry = PANELS[kind] as PanelEntry<K>;
	return 'component' in entry ? entry.component : (await entry.load()).default;
}
