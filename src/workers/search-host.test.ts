import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleSearchFile } from '../../tests/helpers/sample-search.ts';
import type { SearchResult } from '../data/search-index.ts';
import { SearchHost } from './search-host.ts';
import type { SearchResponse } from './search-protocol.ts';

/** The host over the real sample search source, served as the dev server serves it. */
async function host(): Promise<{ host: SearchHost; answers: SearchResponse[] }> {
	const bytes = readFileSync(await sampleSearchFile());
	const answers: SearchResponse[] = [];
	const fetchFile = (async (url: string) =>
		url.endsWith('/search.json.gz')
			? new Response(bytes)
			: new Response('not found', { status: 404 })) as unknown as typeof fetch;
	return { host: new SearchHost((m) => answers.push(m), fetchFile), answers };
}

describe('SearchHost (the search worker, without the Worker global)', () => {
	it('loads the source, answers queries in each language, and names a failed load', async () => {
		const { host: h, answers } = await host();
		await h.receive({ kind: 'search', id: 1, query: 'apotheek', lang: 'nl' });
		expect(answers.pop()).toEqual({ kind: 'error', id: 1, message: 'no search source loaded' });

		await h.receive({ kind: 'load', id: 2, url: '/tiles/x/missing.json.gz' });
		expect(answers.pop()).toMatchObject({
			kind: 'error',
			id: 2,
			message: expect.stringMatching(/HTTP 404/),
		});

		await h.receive({ kind: 'load', id: 3, url: '/tiles/vorselaar-lille/search.json.gz' });
		const loaded = answers.pop();
		expect(loaded?.kind).toBe('loaded');
		if (loaded?.kind !== 'loaded') return;
		expect(loaded.source.places.length).toBeGreaterThan(100);
		expect(loaded.source.localities.some((l) => l.name === 'Poederlee')).toBe(true);

		await h.receive({
			kind: 'search',
			id: 4,
			query: 'pharmacie',
			lang: 'fr',
			near: loaded.source.centre,
		});
		const fr = answers.pop() as { kind: 'result'; id: number; result: SearchResult };
		expect(fr.id).toBe(4);
		expect(fr.result.kindPlaces?.category.label).toBe('Pharmacie');
		await h.receive({ kind: 'search', id: 5, query: 'markt 10 vorselaar', lang: 'nl' });
		const nl = answers.pop() as { kind: 'result'; result: SearchResult };
		expect(nl.result.groups[0]?.hits[0]?.record.label).toBe('Markt 10');
	}, 120_000);

	it('finds extra places (curated initiatives) once they are sent, and forgets replaced ones', async () => {
		const { host: h, answers } = await host();
		await h.receive({ kind: 'load', id: 1, url: '/tiles/vorselaar-lille/search.json.gz' });
		const loaded = answers.pop();
		if (loaded?.kind !== 'loaded') throw new Error('not loaded');
		const [lng, lat] = loaded.source.centre;
		const search = async (id: number, query: string, lang: 'nl' | 'en') => {
			await h.receive({ kind: 'search', id, query, lang });
			const { result } = answers.pop() as { kind: 'result'; result: SearchResult };
			const hits = [
				...(result.kindPlaces?.hits ?? []),
				...result.groups.flatMap((g) => g.hits),
			].map((x) => x.record);
			return hits.filter((r) => r.kind === 'place');
		};
		expect((await search(2, 'Zorgzame Buren Zonnestraal', 'nl')).map((r) => r.id)).not.toContain(
			'curated:1',
		);
		await h.receive({
			kind: 'extra',
			id: 3,
			places: [
				{
					id: 'curated:1',
					name: 'Zorgzame Buren Zonnestraal',
					categoryIds: ['neighbour_help'],
					lngLat: [lng, lat],
					localities: [],
				},
			],
		});
		expect(answers.pop()).toEqual({ kind: 'extra', id: 3, count: 1 });
		const byName = await search(4, 'zonnestraal', 'nl');
		expect(byName[0]).toMatchObject({ id: 'curated:1', label: 'Zorgzame Buren Zonnestraal' });
		// found by what it is, in another language too
		expect((await search(5, 'neighbour help', 'en')).map((r) => r.id)).toContain('curated:1');
		await h.receive({ kind: 'extra', id: 6, places: [] });
		expect((await search(7, 'zonnestraal', 'nl')).map((r) => r.id)).not.toContain('curated:1');
	}, 120_000);
});
