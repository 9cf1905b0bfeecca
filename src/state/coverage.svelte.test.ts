/**
 * CoverageAnalysis with the real sample area and the real analysis engine behind a message channel:
 * the ids of planned places stay unique after a saved analysis's edits are applied again.
 */
import { describe, expect, it } from 'vitest';
import { openSampleArea } from '../../tests/helpers/panels.ts';
import { CoverageAnalysis } from './coverage.svelte.ts';

describe('CoverageAnalysis', () => {
	it('gives a new planned place an id none of the reopened ones has', async () => {
		const area = await openSampleArea();
		const analysis = new CoverageAnalysis(() => area.analysis!.client());
		await analysis.run({
			categoryIds: ['pharmacy'],
			profile: 'walking',
			unknownMode: 'optimistic',
			norms: {},
		});
		expect(analysis.status).toBe('done');
		expect(analysis.nextPlannedId()).toBe('planned-1');
		// a reopened analysis's edits, as a save kept them (one removed before it was saved)
		const home = area.data!.places.find((p) => p.categoryIds.includes('pharmacy'))!.lngLat;
		await analysis.applyEdits('pharmacy', {
			add: [
				{ id: 'planned-1', lngLat: [home[0] + 0.01, home[1]], name: 'Gepland 1' },
				{ id: 'planned-3', lngLat: [home[0], home[1] + 0.01], name: 'Gepland 2' },
			],
		});
		expect(analysis.whatIf?.add.map((p) => p.id)).toEqual(['planned-1', 'planned-3']);
		const id = analysis.nextPlannedId();
		expect(id).toBe('planned-4');
		await analysis.applyEdits('pharmacy', {
			add: [{ id, lngLat: [home[0] - 0.01, home[1]], name: 'Gepland 3' }],
		});
		expect(analysis.error).toBeUndefined();
		expect(new Set(analysis.whatIf?.add.map((p) => p.id)).size).toBe(3);

		// run again because the extra places changed (a curated initiative): the edits stay applied
		const withEdits = analysis.resultOf('pharmacy')!.summary.map((r) => r.beyond65);
		const edits = analysis.whatIf;
		await analysis.run(analysis.params, { keepEdits: true });
		expect(analysis.whatIf).toEqual(edits);
		expect(analysis.resultOf('pharmacy')!.summary.map((r) => r.beyond65)).toEqual(withEdits);
		// without keepEdits (other parameters), they go
		await analysis.run(analysis.params);
		expect(analysis.whatIf).toBeUndefined();
		analysis.dispose();
	}, 120_000);
});
