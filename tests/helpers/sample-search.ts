/**
 * The sample area's real search source, as the pipeline writes it to `tiles/`: built first when it
 * is missing or stale (as `npm run dev` does), so search tests run on what the app serves.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { staleReason } from '../../scripts/lib/ensure-area.ts';
import { REPO_ROOT } from '../../scripts/lib/version.ts';
import { readSearchSource, type SearchSourceV2 } from '../../src/contracts/search-source.ts';

export const SAMPLE_AREA_CONFIG = path.join(REPO_ROOT, 'data', 'vorselaar-lille', 'area.json');
const TILES = path.join(REPO_ROOT, 'tiles');

/** Path of the sample's `search.json.gz`, built when stale. */
export async function sampleSearchFile(): Promise<string> {
	if (staleReason(SAMPLE_AREA_CONFIG, TILES) !== null) {
		const { buildArea } = await import('../../scripts/lib/build-area.ts');
		await buildArea(SAMPLE_AREA_CONFIG, { outRoot: TILES, silent: true });
	}
	return path.join(TILES, 'vorselaar-lille', 'search.json.gz');
}

/** The sample's search source, decoded. */
export async function sampleSearchSource(): Promise<SearchSourceV2> {
	return readSearchSource(readFileSync(await sampleSearchFile()));
}
