/**
 * `npm run bench -- search`: time per query of the app's search (trigram-narrowed Fuse.js) against
 * plain Fuse.js over all records, in the same run, on
 * - the real search index of the sample area (categories + the pipeline's places, streets and
 *   addresses: about 10 k records), and
 * - 100 k seeded synthetic records made from the sample's real street and place names.
 * Queries: a fixed list of real queries plus each with one typo. Targets (issue #6): p95 ≤ 1 ms at
 * 10 k records and ≤ 5 ms at 100 k, with no empty result on the real queries.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fuse from 'fuse.js';
import { mulberry32 } from '../../src/analysis/synthetic.ts';
import { FUSE_OPTIONS, SearchIndex, type SearchRecord } from '../../src/data/search-index.ts';
import { areaSearchRecords } from '../../src/data/search-records.ts';

/** What residents type (DESIGN.md, seeds): kinds of help, places, streets, in nl/fr/en. */
export const REAL_QUERIES = [
	'dokter',
	'huisarts',
	'apotheek',
	'pharmacie',
	'doctor',
	'iemand om mee te praten',
	'rolstoel',
	'tandarts',
	'kinesist',
	'thuisverpleging',
	'woonzorgcentrum',
	'dienstencentrum',
	'ocmw',
	'bakker',
	'supermarkt',
	'bushalte',
	'toilet',
	'zitbank',
	'bibliotheek',
	'kerk',
	'médecin',
	'boulangerie',
	'Lindelo',
	'Kerkstraat',
	'Markt',
	'Lilsedijk',
	'Gierle',
	'Poederlee',
];

/** The query with one typo: a letter in the middle dropped (long words) or two letters swapped. */
export function withTypo(query: string): string {
	if (query.length < 5) return query;
	const i = Math.floor(query.length / 2);
	return query.length >= 8
		? query.slice(0, i) + query.slice(i + 1)
		: query.slice(0, i) + query[i + 1] + query[i] + query.slice(i + 2);
}

/** `count` records: the real ones, then addresses and places recombined from real names. */
export function syntheticRecords(
	real: readonly SearchRecord[],
	count: number,
	seed = 42,
): SearchRecord[] {
	const random = mulberry32(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const streets = real.filter((r) => r.kind === 'street');
	const places = real.filter((r) => r.kind === 'place');
	const towns = [
		'Vorselaar',
		'Lille',
		'Gierle',
		'Poederlee',
		'Wechelderzande',
		'Herentals',
		'Kasterlee',
		'Grobbendonk',
		'Beerse',
		'Vosselaar',
	];
	if (streets.length === 0 || places.length === 0)
		throw new Error('the real search source has no streets or places to recombine');
	const out = [...real];
	for (let i = 0; out.length < count; i++) {
		if (random() < 0.85) {
			const street = pick(streets);
			const number = 1 + Math.floor(random() * 250);
			const town = pick(towns);
			out.push({
				id: `syn-a${i}`,
				kind: 'address',
				label: `${street.label} ${number}`,
				keywords: [town],
				detail: town,
			});
		} else {
			const place = pick(places);
			const town = pick(towns);
			out.push({
				id: `syn-p${i}`,
				kind: 'place',
				label: `${place.label} ${town}`,
				keywords: place.keywords,
				detail: town,
			});
		}
	}
	return out;
}

function quantile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

interface Timing {
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
}

function time(queries: readonly string[], rounds: number, fn: (q: string) => unknown): Timing {
	for (const q of queries) fn(q); // warm up
	const samples: number[] = [];
	for (let r = 0; r < rounds; r++) {
		for (const q of queries) {
			const t0 = performance.now();
			fn(q);
			samples.push(performance.now() - t0);
		}
	}
	samples.sort((a, b) => a - b);
	const round = (x: number) => Math.round(x * 1000) / 1000;
	return {
		p50Ms: round(quantile(samples, 0.5)),
		p95Ms: round(quantile(samples, 0.95)),
		maxMs: round(samples.at(-1)!),
	};
}

function measure(
	label: string,
	records: SearchRecord[],
	queries: readonly string[],
	rounds: number,
) {
	process.stderr.write(`search bench: ${label}: indexing ${records.length} records…\n`);
	const t0 = performance.now();
	const index = new SearchIndex(records);
	const buildMs = Math.round(performance.now() - t0);
	const plain = new Fuse(records, FUSE_OPTIONS);
	process.stderr.write(`search bench: ${label}: timing ${queries.length} queries × ${rounds}…\n`);
	const ours = time(queries, rounds, (q) => index.search(q));
	const reference = time(queries, Math.max(1, Math.ceil(rounds / 5)), (q) => plain.search(q));
	const empty = queries.filter((q) => index.search(q).length === 0);
	const sameTop = queries.filter(
		(q) => index.search(q, { limit: 1, perKind: 1 })[0]?.record.id === plain.search(q)[0]?.item.id,
	).length;
	return {
		records: records.length,
		buildMs,
		ours,
		plainFuse: reference,
		speedup: Math.round((reference.p95Ms / ours.p95Ms) * 10) / 10,
		emptyResults: empty,
		sameTopAsPlainFuse: `${sameTop}/${queries.length}`,
	};
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const areaDir = args[0] ?? path.join('tiles', 'vorselaar-lille');
	const real = areaSearchRecords(
		JSON.parse(readFileSync(path.join(areaDir, 'search.json'), 'utf8')),
		'nl',
	);
	const queries = [...REAL_QUERIES, ...REAL_QUERIES.map(withTypo)];
	const sample = measure('sample', real, queries, 20);
	const large = measure('100k', syntheticRecords(real, 100_000), queries, 5);
	return {
		queries: queries.length,
		sample,
		synthetic100k: large,
		targets: { sampleP95Ms: 1, synthetic100kP95Ms: 5 },
		meetsTargets:
			sample.ours.p95Ms <= 1 && large.ours.p95Ms <= 5 && sample.emptyResults.length === 0,
	};
}
