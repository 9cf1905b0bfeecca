/**
 * The role the toolbar's button to the reports panel follows (App.svelte): the user's strongest
 * role in the open area's municipalities (reportsRole of DataState.triageAreas). A planner handles
 * the reports, a coordinator reads them; a resident has no button (the panel would show them
 * nothing; their own reports are in the report form).
 */
import { reportsRole, type DataState, type TriageArea } from './data-state.svelte.ts';

export class ReportsRole {
	/**
	 * Undefined while it is not known (the data layer opening, the first answer pending, or the
	 * user or the area just changed), null for none.
	 */
	role = $state<TriageArea['role'] | null | undefined>();

	/**
	 * Follows `data` for the municipalities `codes` returns (NIS codes); made where effects may
	 * run (a component's script, an effect root). On the device its one user is the planner of
	 * every municipality, whatever the device stored of their boundaries (storing them may have
	 * failed). With Supabase the role is asked again when the user or the area changes (it is
	 * unknown until the answer: the other user's or area's role is not shown meanwhile), when the
	 * device learns the area's municipalities, and when the connection returns: a failed answer
	 * keeps what was known and is tried again then.
	 */
	constructor(data: DataState, codes: () => readonly string[]) {
		let asked: string | undefined;
		$effect(() => {
			const nis = codes();
			const key = `${data.user?.id ?? ''}|${nis.join(',')}`;
			if (key !== asked) {
				asked = key;
				this.role = undefined;
			}
			if (data.phase !== 'ready' || nis.length === 0) return;
			if (data.where === 'device') {
				this.role = 'planner';
				return;
			}
			void data.areasKnown;
			if (!data.isOnline) return;
			let live = true;
			data.triageAreas(nis).then(
				(found) => live && (this.role = reportsRole(found) ?? null),
				() => {},
			);
			return () => {
				live = false;
			};
		});
	}
}
