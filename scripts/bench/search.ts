/**
 * `npm run bench -- search`: time per query of the app's search against two references it could
 * have used instead, in the same run, interleaved query by query (the order of the sides alternates
 * each round), each side given the same records and the same folded query:
 * - MiniSearch (fuzzy 0.2, prefix), the well-kept full-text library;
 * - plain Fuse.js over all records (fewer rounds: it is slow).
 * On
 * - the real search source of the sample area (kinds of help, places, streets, addresses:
 *   about 12 k records), and
 * - 100 k seeded records: streets, addresses and places recombined from the sample's real names,
 *   in its real localities.
 * Queries: the fixed list of real queries, each also with one typo, plus addresses as residents
 * type them, drawn (seeded) from the area's own addresses. Target (issue #12): p95 ≤ MiniSearch's
 * at both sizes, with no empty answer on the fixed list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { mulberry32 } from '../../src/analysis/synthetic.ts';
import {
	SearchIndex,
	normalise,
	type SearchLocality,
	type SearchRecord,
	type SearchResult,
} from '../../src/data/search-index.ts';
import { helpLinesFor, repositoryHelpLines } from '../../src/data/help-lines.ts';
import {
	areaSearchRecords,
	municipalitiesOf,
	searchLocalities,
} from '../../src/data/search-records.ts';
import { readSearchSource } from '../../src/contracts/search-source.ts';

/** What residents type (DESIGN.md, seeds): kinds of help, places, streets, in nl/fr/en. */
export const REAL_QUERIES = [
	'dokter',
	'huisarts',
	'apotheek',
	'pharmacie',
	'doctor',
	'iemand om mee te praten',
	'quelqu’un à qui parler',
	'someone to talk to',
	'huisarts van wacht',
	'dokter van wacht',
	'wachtdienst',
	'1733',
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

/**
 * `count` addresses of the records typed as residents type them: street and number with the
 * locality before or after, with or without a comma, in lower case or not (seeded).
 */
export function addressQueries(
	records: readonly SearchRecord[],
	localities: readonly SearchLocality[],
	count: number,
	seed = 7,
): string[] {
	const random = mulberry32(seed);
	const addresses = records.filter((r) => r.kind === 'address');
	const byId = new Map(localities.map((l) => [l.id, l]));
	const out: string[] = [];
	for (let i = 0; i < count && addresses.length; i++) {
		const a = addresses[Math.floor(random() * addresses.length)]!;
		const own = (a.localities ?? []).map((id) => byId.get(id)).filter((l) => l !== undefined);
		const place = own[Math.floor(random() * own.length)];
		const where = place
			? random() < 0.3 && place.postcodes[0]
				? place.postcodes[0]
				: place.name
			: '';
		const text = [
			`${a.label}${random() < 0.5 ? ',' : ''} ${where}`,
			`${where} ${a.label}`,
			`${a.label}`,
		][Math.floor(random() * 3)]!.trim();
		out.push(random() < 0.5 ? text.toLowerCase() : text);
	}
	return out;
}

/**
 * `count` records: the real ones, then streets with addresses and places recombined from the real
 * street and place names, each in one of the real localities (seeded).
 */
export function syntheticRecords(
	real: readonly SearchRecord[],
	localities: readonly SearchLocality[],
	count: number,
	seed = 42,
): SearchRecord[] {
	const random = mulberry32(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const streets = real.filter((r) => r.kind === 'street');
	const places = real.filter((r) => r.kind === 'place' && r.keywords.length);
	if (streets.length === 0 || places.length === 0 || localities.length === 0)
		throw new Error('the real search source has no streets, places or localities to recombine');
	const out = [...real];
	let street: SearchRecord | undefined;
	let number = 0;
	for (let i = 0; out.length < count; i++) {
		const roll = random();
		const where = pick(localities);
		const own = [where.municipality, where.id];
		if (!street || roll < 0.025) {
			const name = pick(streets).label;
			street = {
				id: `syn-s${i}`,
				kind: 'street',
				label: name,
				keywords: [],
				detail: where.name,
				lngLat: [4.8 + random() * 0.2, 51.2 + random() * 0.1],
				localities: own,
			};
			number = 0;
			out.push(street);
		} else if (roll < 0.125) {
			const place = pick(places);
			out.push({
				...place,
				id: `syn-p${i}`,
				label: `${place.label} ${where.name}`,
				detail: where.name,
				localities: own,
				lngLat: [4.8 + random() * 0.2, 51.2 + random() * 0.1],
			});
		} else {
			number += 1 + Math.floor(random() * 3);
			out.push({
				id: `${street.id}/${number}`,
				kind: 'address',
				label: `${street.label} ${number}`,
				keywords: [],
				detail: street.detail!,
				lngLat: street.lngLat!,
				localities: street.localities!,
				street: street.id,
				houseNumber: String(number),
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

function summary(samples: number[]): Timing {
	samples.sort((a, b) => a - b);
	const round = (x: number) => Math.round(x * 1000) / 1000;
	return {
		p50Ms: round(quantile(samples, 0.5)),
		p95Ms: round(quantile(samples, 0.95)),
		maxMs: round(samples.at(-1)!),
	};
}

/** Times each side on every folded query, side by side: each round alternates which goes first. */
function interleaved(
	queries: readonly string[],
	rounds: number,
	sides: Record<string, (folded: string) => unknown>,
): Record<string, Timing> {
	const names = Object.keys(sides);
	const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
	const folded = queries.map(normalise);
	for (const q of folded) for (const n of names) sides[n]!(q); // warm up
	for (let r = 0; r < rounds; r++) {
		const order = r % 2 === 0 ? names : [...names].reverse();
		for (const q of folded)
			for (const n of order) {
				const t0 = performance.now();
				sides[n]!(q);
				samples[n]!.push(performance.now() - t0);
			}
	}
	return Object.fromEntries(names.map((n) => [n, summary(samples[n]!)]));
}

const isEmpty = (r: SearchResult) => r.groups.length === 0 && !r.kindPlaces;

function measure(
	label: string,
	records: SearchRecord[],
	localities: readonly SearchLocality[],
	queries: readonly string[],
	fixed: readonly string[],
	rounds: number,
) {
	process.stderr.write(`search bench: ${label}: indexing ${records.length} records…\n`);
	let t0 = performance.now();
	const index = new SearchIndex(records, localities);
	const buildMs = Math.round(performance.now() - t0);
	t0 = performance.now();
	// The same records as documents: label, and keywords with the names of the localities (so that
	// "markt 10 vorselaar" has something to match).
	const names = new Map(localities.map((l) => [l.id, l.name]));
	const mini = new MiniSearch<{ i: number; label: string; keywords: string }>({
		idField: 'i',
		fields: ['label', 'keywords'],
		searchOptions: { fuzzy: 0.2, prefix: true, boost: { label: 1.5 } },
	});
	mini.addAll(
		records.map((r, i) => ({
			i,
			label: normalise(r.label),
			keywords: normalise(
				[...r.keywords, ...(r.localities ?? []).map((id) => names.get(id) ?? '')].join(' '),
			),
		})),
	);
	const miniBuildMs = Math.round(performance.now() - t0);
	const fuse = new Fuse(records, {
		keys: [
			{ name: 'label', weight: 3, getFn: (r) => normalise(r.label) },
			{ name: 'keywords', weight: 2, getFn: (r) => r.keywords.map(normalise) },
		],
		ignoreLocation: true,
		threshold: 0.34,
		minMatchCharLength: 2,
	});
	process.stderr.write(
		`search bench: ${label}: timing ${queries.length} queries × ${rounds}, interleaved…\n`,
	);
	const fast = interleaved(queries, rounds, {
		ours: (q) => index.search(q),
		miniSearch: (q) => mini.search(q),
	});
	process.stderr.write(`search bench: ${label}: plain Fuse.js, 1 round…\n`);
	const slow = interleaved(queries, 1, {
		ours: (q) => index.search(q),
		plainFuse: (q) => fuse.search(q),
	});
	const folded = fixed.map(normalise);
	return {
		records: records.length,
		buildMs: { ours: buildMs, miniSearch: miniBuildMs },
		ours: fast.ours!,
		miniSearch: fast.miniSearch!,
		plainFuse: slow.plainFuse!,
		p95VsMiniSearch: Math.round((fast.ours!.p95Ms / fast.miniSearch!.p95Ms) * 100) / 100,
		p95VsPlainFuse: Math.round((slow.ours!.p95Ms / slow.plainFuse!.p95Ms) * 1000) / 1000,
		emptyOnFixedList: {
			ours: folded.filter((q) => isEmpty(index.search(q))),
			miniSearch: folded.filter((q) => mini.search(q).length === 0),
		},
	};
}

export async function run(args: string[]): Promise<Record<string, unknown>> {
	const areaDir = args[0] ?? path.join('tiles', 'vorselaar-lille');
	const source = await readSearchSource(readFileSync(path.join(areaDir, 'search.json.gz')));
	const real = areaSearchRecords(
		source,
		'nl',
		helpLinesFor(repositoryHelpLines(), municipalitiesOf(source)),
	);
	const localities = searchLocalities(source);
	const fixed = [...REAL_QUERIES, ...REAL_QUERIES.map(withTypo)];
	const sample = measure(
		'sample',
		real,
		localities,
		[...fixed, ...addressQueries(real, localities, 20)],
		fixed,
		20,
	);
	const synthetic = syntheticRecords(real, localities, 100_000);
	const large = measure(
		'100k',
		synthetic,
		localities,
		[...fixed, ...addressQueries(synthetic, localities, 20)],
		fixed,
		5,
	);
	return {
		queries: { fixed: fixed.length, addresses: 20 },
		sample,
		synthetic100k: large,
		targets: { p95VsMiniSearch: 1, emptyOnFixedList: 0 },
		meetsTargets:
			sample.p95VsMiniSearch <= 1 &&
			large.p95VsMiniSearch <= 1 &&
			sample.emptyOnFixedList.ours.length === 0 &&
			large.emptyOnFixedList.ours.length === 0,
	};
}
