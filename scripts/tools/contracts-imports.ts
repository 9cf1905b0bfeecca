/**
 * `npx tsx scripts/tools/contracts-imports.ts [--check]`: points every import at the contracts'
 * new home, src/contracts/ (issue #14). Re-runnable: it rewrites only what still points at an old
 * place, so after merging a branch written against the old paths, run it again (then `npm run
 * check`). `--check` changes nothing and exits 1 when something would change (lists the files).
 *
 * Two kinds of move:
 * - a whole module moved ({@link FILE_MOVES}): every relative specifier that resolves to the old
 *   path (`from '…'`, `import('…')`, `vi.mock('…')`) is pointed at the new one, and the repository
 *   paths named in comments and Markdown are renamed;
 * - some of a module's exports moved ({@link SYMBOL_MOVES}): a named import or re-export from the
 *   old module is split, the moved names going to the new module (merged into an import of it that
 *   the file already has).
 * Files: src/, scripts/, tests/ (.ts, .js, .svelte, .md) and the Markdown at the root. Changed code is
 * formatted with the project's Prettier config (Markdown is left as written, as .prettierignore says).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';

/** Modules moved whole: old path → new path, from the repository root. */
export const FILE_MOVES: Readonly<Record<string, string>> = {
	'src/analysis/taxonomy.ts': 'src/contracts/taxonomy.ts',
	'src/data/enums.ts': 'src/contracts/enums.ts',
	'src/data/enums.test.ts': 'src/contracts/enums.test.ts',
	'src/data/search-source.ts': 'src/contracts/search-source.ts',
	'src/data/search-source.test.ts': 'src/contracts/search-source.test.ts',
};

/** Exports moved out of a module that stays: the names, and where they live now. */
export const SYMBOL_MOVES: readonly { from: string; to: string; names: readonly string[] }[] = [
	{
		from: 'src/analysis/profiles.ts',
		to: 'src/contracts/profiles.ts',
		names: [
			'ProfileId',
			'PROFILE_IDS',
			'WayStatus',
			'WAY_STATUS_CODES',
			'UnknownMode',
			'Profile',
			'PROFILES',
			'WHEELCHAIR_MAX_KERB_M',
			'WHEELCHAIR_MAX_INCLINE_PCT',
			'WHEELCHAIR_MIN_WIDTH_M',
			'ROLLATOR_MAX_STRETCH_WITHOUT_BENCH_M',
			'ReasonCode',
			'REASON_BITS',
			'UnknownAttribute',
			'UNKNOWN_BITS',
		],
	},
	{
		from: 'src/map/style/basemap.ts',
		to: 'src/contracts/tile-schema.ts',
		names: ['BASEMAP_SCHEMA'],
	},
	{
		from: 'src/analysis/bundle.ts',
		to: 'src/contracts/bundle-format.ts',
		names: ['BUNDLE_VERSION'],
	},
	{
		from: 'src/contracts/manifest.ts',
		to: 'src/contracts/validation.ts',
		names: ['ValidationIssue'],
	},
];

const ROOTS = ['src', 'scripts', 'tests'];
const EXTENSIONS = ['.ts', '.js', '.svelte', '.md'];
const SKIP = new Set(['node_modules', 'dist', 'tiles', 'test-results', 'playwright-report']);
/** This script and its test name the old paths on purpose. */
const SELF = new Set([
	'scripts/tools/contracts-imports.ts',
	'tests/unit/contracts-imports.test.ts',
]);

function walk(dir: string, out: string[]): string[] {
	for (const name of readdirSync(dir)) {
		if (SKIP.has(name)) continue;
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) walk(full, out);
		else if (EXTENSIONS.some((e) => name.endsWith(e))) out.push(full);
	}
	return out;
}

/** Repository path of a relative specifier written in `file`, or undefined when not relative. */
function resolve(file: string, spec: string): string | undefined {
	if (!spec.startsWith('./') && !spec.startsWith('../')) return undefined;
	return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
}

/** The specifier that reaches repository path `target` from `file`. */
function specifierTo(file: string, target: string): string {
	const rel = path.posix.relative(path.posix.dirname(file), target);
	return rel.startsWith('.') ? rel : `./${rel}`;
}

const OLD_OF = Object.fromEntries(Object.entries(FILE_MOVES).map(([from, to]) => [to, from]));

/**
 * Where a specifier in `file` points once the moves are applied: the new path of a moved module,
 * or, in a moved file, the module its old relative specifier reached (when that still exists).
 */
function target(file: string, spec: string): string | undefined {
	const resolved = resolve(file, spec);
	if (!resolved) return undefined;
	if (FILE_MOVES[resolved]) return FILE_MOVES[resolved];
	const oldSelf = OLD_OF[file];
	if (oldSelf && !existsSync(resolved)) {
		const before = resolve(oldSelf, spec) as string;
		return FILE_MOVES[before] ?? (existsSync(before) ? before : undefined);
	}
	return undefined;
}

/** A named import/re-export clause: `import type { a, type b as c } from '…';` */
const NAMED = /(^[ \t]*)(import|export)(\s+type)?\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\5;?/gm;

function nameOf(specifier: string): string {
	return specifier
		.replace(/^type\s+/, '')
		.split(/\s+as\s+/)[0]!
		.trim();
}

/** Splits the named imports of moved exports off to their new module. */
function moveSymbols(file: string, code: string): string {
	return code.replace(
		NAMED,
		(whole, indent: string, kw: string, typeOnly, list: string, q, spec) => {
			const resolved = resolve(file, spec);
			const move = SYMBOL_MOVES.find((m) => m.from === resolved);
			if (!move) return whole;
			const parts = list
				.split(',')
				.map((p) => p.trim())
				.filter(Boolean);
			const moved = parts.filter((p) => move.names.includes(nameOf(p)));
			if (moved.length === 0) return whole;
			const kept = parts.filter((p) => !move.names.includes(nameOf(p)));
			const type = typeOnly ? ' type' : '';
			const clause = (names: string[], s: string) =>
				`${indent}${kw}${type} { ${names.join(', ')} } from ${q}${s}${q};`;
			const lines = [clause(moved, specifierTo(file, move.to))];
			if (kept.length > 0) lines.unshift(clause(kept, spec));
			return lines.join('\n');
		},
	);
}

/** Merges two named imports of the same module (same kind, same type-only-ness) into one. */
function mergeDuplicates(code: string): string {
	const seen = new Map<string, { text: string; names: string[] }>();
	const found = [...code.matchAll(NAMED)];
	for (const m of found) {
		const key = `${m[2]}|${m[3] ?? ''}|${m[6]}`;
		const names = m[4]!
			.split(',')
			.map((p) => p.trim())
			.filter(Boolean);
		const first = seen.get(key);
		if (!first) {
			seen.set(key, { text: m[0], names });
			continue;
		}
		const union = [...first.names, ...names.filter((n) => !first.names.includes(n))];
		const indent = m[1] ?? '';
		const merged = `${indent}${m[2]}${m[3] ?? ''} { ${union.join(', ')} } from ${m[5]}${m[6]}${m[5]};`;
		code = code.replace(first.text, merged).replace(`\n${m[0]}`, '');
		seen.set(key, { text: merged, names: union });
	}
	return code;
}

/** Points relative specifiers of moved modules at their new paths. */
function moveFiles(file: string, code: string): string {
	return code.replace(
		/(\bfrom\s*|\bimport\s*\(\s*|\bvi\.(?:mock|doMock|importActual)\s*\(\s*|^import\s*)(['"])(\.{1,2}\/[^'"]+)\2/gm,
		(whole, lead: string, q: string, spec: string) => {
			const to = target(file, spec);
			return to ? `${lead}${q}${specifierTo(file, to)}${q}` : whole;
		},
	);
}

/** Renames the moved modules' repository paths where prose names them. */
function renamePaths(code: string): string {
	for (const [from, to] of Object.entries(FILE_MOVES))
		code = code.replace(new RegExp(`(?<![\\w/.-])${from.replace(/[.]/g, '\\.')}`, 'g'), to);
	return code;
}

export async function rewrite(file: string, code: string): Promise<string> {
	let out = renamePaths(code);
	if (!file.endsWith('.md')) {
		out = moveFiles(file, out);
		const split = moveSymbols(file, out);
		if (split !== out) out = mergeDuplicates(split);
	}
	if (out === code || file.endsWith('.md')) return out; // Markdown: .prettierignore leaves it as written
	const options = (await prettier.resolveConfigFile(file))
		? { ...(await prettier.resolveConfig(file)), filepath: file }
		: { filepath: file };
	try {
		return await prettier.format(out, options);
	} catch {
		return out; // a parser Prettier lacks here (e.g. .svelte without its plugin): left as written
	}
}

async function main(): Promise<void> {
	const check = process.argv.includes('--check');
	const files = [
		...ROOTS.flatMap((r) => (existsSync(r) ? walk(r, []) : [])),
		...readdirSync('.').filter((f) => f.endsWith('.md')),
	];
	const changed: string[] = [];
	for (const file of files.sort()) {
		if (SELF.has(file)) continue;
		const code = readFileSync(file, 'utf8');
		const out = await rewrite(file, code);
		if (out === code) continue;
		changed.push(file);
		if (!check) writeFileSync(file, out);
	}
	for (const f of changed) console.log(`${check ? 'would change' : 'changed'} ${f}`);
	console.log(`${changed.length} file(s) ${check ? 'to change' : 'changed'}`);
	if (check && changed.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${path.resolve(process.argv[1] ?? '')}`) await main();
