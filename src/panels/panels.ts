/**
 * One panel per mode (src/state/modes.ts): the shell renders `PANELS[mode.kind]` with the mode.
 * A mode without a panel here is a type error, so a new screen cannot be half added.
 */
import type { Component } from 'svelte';
import type { ModeKind, ModeOf } from '../state/modes.ts';
import ExplorePanel from './ExplorePanel.svelte';
import NearestPanel from './NearestPanel.svelte';
import PlacePanel from './PlacePanel.svelte';
import ReportPanel from './ReportPanel.svelte';

/** A panel receives its mode (and reads everything else from the states in context). */
export type PanelComponent<K extends ModeKind> = Component<{ mode: ModeOf<K> }>;

export const PANELS: { [K in ModeKind]: PanelComponent<K> } = {
	explore: ExplorePanel,
	place: PlacePanel,
	nearest: NearestPanel,
	report: ReportPanel,
};
