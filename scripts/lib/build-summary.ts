/** The few lines `npm run tiles:build` prints when a build is done (stdout). */
import type { AreaManifest } from './build-area.ts';

/** What a build did, in a few lines for the person who ran it. */
export function buildSummary(m: AreaManifest, outDir: string): string {
	const c = m.counts;
	const r = c.originsPerReason;
	const none = Object.entries(c.placesInAnalysisPerCategory)
		.filter(([, n]) => n === 0)
		.map(([id]) => id);
	const lines = [
		`built ${m.area.id} (${m.area.name}) into ${outDir}`,
		`  neighbourhoods: ${c.neighbourhoods}, residents ${c.population}${c.population65plus !== null ? `, 65+ ${c.population65plus}, 80+ ${c.population80plus}` : ''}`,
		`  origins (${m.originSource}): ${c.origins}; ${r.none} with figures, ${r.edge_of_data} at the edge of the data, ${r.beyond_access_limit} farther than ${m.network.maxAccessM} m from every way, ${r.isolated_fragment} on an isolated fragment`,
		`  places: ${c.places} (${c.placesFromOsm} from OSM, ${c.placesFromLists} from lists, ${c.placesMerged} merged), ${c.placesInAnalysis} in the analysis; none mapped: ${none.join(', ') || '—'}`,
		`  network: ${c.graphEdges} edges, ${m.network.joins.length} connectors joined fragments within ${m.network.joinMaxM} m, ${m.network.fragments.length} fragments left, ${m.network.placesOffMainNetwork.length} places off the main network`,
		`  streets: ${c.streets}; archives: ${Object.values(m.archives)
			.map((a) => `${a.file} ${(a.bytes / 1024).toFixed(0)} KiB`)
			.join(', ')}`,
		...m.warnings.map((w) => `  warning: ${w.message}`),
	];
	return `${lines.join('\n')}\n`;
}
