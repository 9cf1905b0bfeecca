import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	FUSE_OPTIONS,
	SearchIndex,
	normalise,
	ngrams,
	type SearchRecord,
} from './search-index.ts';

/** Named OSM places of the real sample extract, as search records (kind 'place'). */
function samplePlaces(): SearchRecord[] {
	const fc = JSON.parse(
		readFileSync('data/vorselaar-lille/osm/vorselaar-lille_pois.geojson', 'utf8'),
	) as { features: { properties: Record<string, string | undefined> }[] };
	return fc.features
		.filter((f) => f.properties.name)
		.map((f, i) => ({
			id: String(f.properties['@id'] ?? i),
			kind: 'place' as const,
			label: f.properties.name!,
			keywords: [f.properties.amenity ?? f.properties.shop ?? ''],
		}));
}

const categories: SearchRecord[] = [
	{ id: 'pharmacy', kind: 'category', label: 'Apotheek', keywords: ['pharmacie', 'pharmacy', 'medicijnen'] },
	{ id: 'gp', kind: 'category', label: 'Huisarts', keywords: ['dokter', 'arts', 'médecin', 'doctor'] },
	{ id: 'meeting_place', kind: 'category', label: 'Ontmoetingsplaats', keywords: ['iemand om mee te praten', 'buurthuis'] },
];

describe('normalise and ngrams', () => {
	it('folds accents, case and punctuation', () => {
		expect(normalise('  Médecin-Généraliste! ')).toBe('medecin generaliste');
	});
	it('takes the bigrams and trigrams of padded words', () => {
		expect(ngrams('ab')).toEqual([' a', 'ab', 'b ', ' ab', 'ab ']);
		expect(ngrams('apo ab').slice(0, 4)).toEqual([' a', 'ap', 'po', 'o ']);
	});
});

describe('SearchIndex', () => {
	const index = new SearchIndex([...categories, ...samplePlaces()]);

	it('finds a category by its name and by a synonym, in any language', () => {
		expect(index.search('apotheek')[0]?.record.id).toBe('pharmacy');
		expect(index.search('dokter')[0]?.record.id).toBe('gp');
		expect(index.search('medecin')[0]?.record.id).toBe('gp');
		expect(index.search('iemand om mee te praten')[0]?.record.id).toBe('meeting_place');
	});

	it('tolerates one typo and ignores case and accents', () => {
		expect(index.search('apoteek')[0]?.record.id).toBe('pharmacy');
		expect(index.search('HUISARST')[0]?.record.id).toBe('gp');
		expect(index.search('médécin')[0]?.record.id).toBe('gp');
	});

	it('finds real places of the sample by name', () => {
		const hits = index.search('Lindelo');
		expect(hits.some((h) => h.record.kind === 'place' && /Lindelo/i.test(h.record.label))).toBe(true);
	});

	it('limits hits per kind and overall', () => {
		const hits = index.search('bakkerij', { limit: 3, perKind: 2 });
		expect(hits.length).toBeLessThanOrEqual(3);
		expect(hits.filter((h) => h.record.kind === 'place').length).toBeLessThanOrEqual(2);
	});

	it('answers nothing for an empty query or a query that matches nothing', () => {
		expect(index.search('')).toEqual([]);
		expect(index.search('   ')).toEqual([]);
		expect(index.search('zzqxw')).toEqual([]);
	});

	it('ranks the same as plain Fuse.js over all records for real queries', async () => {
		const { default: Fuse } = await import('fuse.js');
		const all = index.records;
		const plain = new Fuse(all, FUSE_OPTIONS);
		for (const q of ['apotheek', 'dokter', 'lindelo', 'kerk']) {
			expect(index.search(q, { limit: 1, perKind: 1 })[0]?.record.id).toBe(plain.search(q)[0]?.item.id);
		}
	});

	it('rejects records without id or label', () => {
		expect(() => new SearchIndex([{ id: 'x' } as unknown as SearchRecord])).toThrow(/record 0/);
	});
});
