/**
 * The sample area's analysis bundle for the bench suites: tiles/vorselaar-lille/analysis.bin when
 * the pipeline has built it, else built here from data/vorselaar-lille
 * (tests/fixtures/analysis/sample-input.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	buildAnalysisBundle,
	decodeAnalysisBundle,
	type AnalysisBundle,
} from '../../../src/analysis/bundle.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function sampleBundle(): Promise<{ bundle: AnalysisBundle; source: string }> {
	const built = path.join(root, 'tiles/vorselaar-lille/analysis.bin');
	if (existsSync(built)) {
		try {
			return {
				bundle: decodeAnalysisBundle(new Uint8Array(readFileSync(built))),
				source: 'tiles/vorselaar-lille/analysis.bin',
			};
		} catch (err) {
			process.stderr.write(
				`cannot read ${built} (${(err as Error).message}); building from data/ instead\n`,
			);
		}
	}
	const { sampleBundleInput } = await import('../../../tests/fixtures/analysis/sample-input.ts');
	return {
		bundle: decodeAnalysisBundle(buildAnalysisBundle(sampleBundleInput())),
		source: 'data/vorselaar-lille (tests/fixtures/analysis/sample-input.ts)',
	};
}
