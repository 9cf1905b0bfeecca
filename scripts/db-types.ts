/**
 * `npm run db:types [-- --check]`: src/data/database.types.ts from the local stack's catalog.
 *
 * `supabase gen types` needs Docker; this reads pg_catalog of the running local stack
 * (`npm run db:start`; DATABASE_URL from the environment or .local/stack/env) and writes the
 * schema PostgREST serves (`public`) in supabase-js's `Database` shape: per table Row, Insert,
 * Update and Relationships, Views, Functions (Args, Returns, SetofOptions), Enums and
 * CompositeTypes, plus the `Tables<>`, `TablesInsert<>`, `TablesUpdate<>`, `Enums<>` and
 * `CompositeTypes<>` and `Functions<>` helpers, as the Supabase CLI writes them.
 *
 * Types: bool → boolean; int2/4/8, float4/8, numeric → number; text, uuid, dates and times →
 * string; json/jsonb → Json; an enum or composite type of the schema → its entry; an array →
 * T[]; anything else (PostGIS geometry) → unknown. A column is optional in Insert when it may be
 * null, has a default, is an identity, or is set by a BEFORE INSERT row trigger (`new.col := …` or
 * `select … into new.col`: the area of a report, a place's geometry from its GeoJSON); generated
 * columns are `never` there. Everything is sorted by name, and the text formatted by prettier, so
 * the output depends on the schema only.
 *
 * `--check` writes nothing and exits 1 when the file differs from what the stack gives, naming
 * the first differing line; tests/integration/database-types.test.ts makes the same comparison.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import * as prettier from 'prettier';
import { REPO_ROOT } from './lib/version.ts';

export const TYPES_FILE = path.join(REPO_ROOT, 'src', 'data', 'database.types.ts');
const SCHEMA = 'public';

interface PgType {
	oid: number;
	schema: string;
	name: string;
	/** b base, c composite, d domain, e enum, p pseudo, r range, m multirange */
	type: string;
	category: string;
	elem: number;
	base: number;
	relkind: string | null;
	relname: string | null;
}

interface Column {
	table: string;
	name: string;
	typeOid: number;
	notNull: boolean;
	hasDefault: boolean;
	identity: string;
	generated: string;
}

interface Fn {
	name: string;
	argNames: string[] | null;
	argTypes: number[];
	argModes: string[] | null;
	nArgDefaults: number;
	returnType: number;
	returnsSet: boolean;
}

/** What the generator reads from the catalog. */
export interface Catalog {
	types: Map<number, PgType>;
	tables: { name: string; kind: string }[];
	columns: Column[];
	enums: Map<string, string[]>;
	composites: Map<string, { name: string; typeOid: number }[]>;
	functions: Fn[];
	foreignKeys: {
		name: string;
		table: string;
		columns: string[];
		referenced: string;
		referencedColumns: string[];
	}[];
	uniqueKeys: { table: string; columns: string[] }[];
	triggerSet: Map<string, Set<string>>;
}

/** The stack's DATABASE_URL: from the environment, else from .local/stack/env. */
export function databaseUrl(): string {
	if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
	const file = path.join(REPO_ROOT, '.local', 'stack', 'env');
	const line = existsSync(file)
		? readFileSync(file, 'utf8')
				.split('\n')
				.find((l) => l.startsWith('DATABASE_URL='))
		: undefined;
	if (!line) throw new Error('local stack not running: npm run db:start (no DATABASE_URL)');
	return line.slice('DATABASE_URL='.length);
}

/** Reads the schema's tables, views, columns, enums, composite types, functions and keys. */
export async function readCatalog(client: pg.Client, schema = SCHEMA): Promise<Catalog> {
	const q = async <T>(sql: string): Promise<T[]> =>
		(await client.query<T & pg.QueryResultRow>(sql, [schema])).rows;
	const types = new Map<number, PgType>();
	for (const t of await q<PgType>(`
		select t.oid::int as oid, n.nspname as schema, t.typname as name, t.typtype as type,
			t.typcategory as category, t.typelem::int as elem, t.typbasetype::int as base,
			c.relkind::text as relkind, c.relname as relname
		from pg_type t join pg_namespace n on n.oid = t.typnamespace
		left join pg_class c on c.oid = t.typrelid
		where $1::text is not null`))
		types.set(t.oid, t);
	const tables = await q<{ name: string; kind: string }>(`
		select c.relname as name, c.relkind::text as kind from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm') order by c.relname`);
	const columns = await q<Column>(`
		select c.relname as table, a.attname as name, a.atttypid::int as "typeOid",
			a.attnotnull as "notNull", a.atthasdef as "hasDefault", a.attidentity::text as identity,
			a.attgenerated::text as generated
		from pg_attribute a join pg_class c on c.oid = a.attrelid
		join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = $1 and c.relkind in ('r', 'p', 'v', 'm') and a.attnum > 0
			and not a.attisdropped
		order by c.relname, a.attname`);
	const enums = new Map<string, string[]>();
	for (const e of await q<{ name: string; values: string[] }>(`
		select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as values
		from pg_type t join pg_namespace n on n.oid = t.typnamespace
		join pg_enum e on e.enumtypid = t.oid
		where n.nspname = $1 group by t.typname order by t.typname`))
		enums.set(e.name, e.values);
	const composites = new Map<string, { name: string; typeOid: number }[]>();
	for (const a of await q<{ type: string; name: string; typeOid: number }>(`
		select t.typname as type, a.attname as name, a.atttypid::int as "typeOid"
		from pg_type t join pg_namespace n on n.oid = t.typnamespace
		join pg_class c on c.oid = t.typrelid and c.relkind = 'c'
		join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
		where n.nspname = $1 order by t.typname, a.attname`)) {
		if (!composites.has(a.type)) composites.set(a.type, []);
		composites.get(a.type)!.push({ name: a.name, typeOid: a.typeOid });
	}
	// Functions PostgREST can call: not trigger or event-trigger functions, not aggregates or
	// procedures, not from an extension.
	const functions = (
		await q<Fn & { argTypes: string }>(`
		select p.proname as name, p.proargnames as "argNames",
			coalesce(p.proallargtypes::int[], p.proargtypes::int[]) as "argTypes",
			p.proargmodes::text[] as "argModes", p.pronargdefaults as "nArgDefaults",
			p.prorettype::int as "returnType", p.proretset as "returnsSet"
		from pg_proc p join pg_namespace n on n.oid = p.pronamespace
		where n.nspname = $1 and p.prokind = 'f'
			and p.prorettype not in ('trigger'::regtype, 'event_trigger'::regtype)
			and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
		order by p.proname, pg_get_function_identity_arguments(p.oid)`)
	).map((f) => ({ ...f, argTypes: f.argTypes as unknown as number[] }));
	const foreignKeys = await q<Catalog['foreignKeys'][number]>(`
		select k.conname as name, c.relname as table, r.relname as referenced,
			array(select a.attname from unnest(k.conkey) with ordinality u(n, i)
				join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i)::text[] as columns,
			array(select a.attname from unnest(k.confkey) with ordinality u(n, i)
				join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)::text[]
				as "referencedColumns"
		from pg_constraint k join pg_class c on c.oid = k.conrelid
		join pg_namespace n on n.oid = c.relnamespace
		join pg_class r on r.oid = k.confrelid join pg_namespace rn on rn.oid = r.relnamespace
		where k.contype = 'f' and n.nspname = $1 and rn.nspname = $1
		order by c.relname, k.conname`);
	const uniqueKeys = await q<{ table: string; columns: string[] }>(`
		select c.relname as table,
			array(select a.attname from unnest(k.conkey) u(n)
				join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by a.attname)::text[]
				as columns
		from pg_constraint k join pg_class c on c.oid = k.conrelid
		join pg_namespace n on n.oid = c.relnamespace
		where k.contype in ('p', 'u') and n.nspname = $1`);
	// Columns a BEFORE INSERT row trigger sets (tgtype bits: 1 row, 2 before, 4 insert).
	const triggerSet = new Map<string, Set<string>>();
	for (const t of await q<{ table: string; source: string }>(`
		select c.relname as table, p.prosrc as source
		from pg_trigger t join pg_class c on c.oid = t.tgrelid
		join pg_namespace n on n.oid = c.relnamespace join pg_proc p on p.oid = t.tgfoid
		where n.nspname = $1 and not t.tgisinternal and t.tgenabled <> 'D'
			and (t.tgtype & 7) = 7`)) {
		const set = triggerSet.get(t.table) ?? new Set<string>();
		for (const m of t.source.matchAll(/\bnew\.(\w+)\s*:=/gi)) set.add(m[1]!.toLowerCase());
		for (const m of t.source.matchAll(/\binto\s+((?:[\w.]+\s*,\s*)*[\w.]+)/gi))
			for (const n of m[1]!.matchAll(/\bnew\.(\w+)/gi)) set.add(n[1]!.toLowerCase());
		triggerSet.set(t.table, set);
	}
	return {
		types,
		tables,
		columns,
		enums,
		composites,
		functions,
		foreignKeys,
		uniqueKeys,
		triggerSet,
	};
}

const NUMBER = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const STRING = new Set([
	'text',
	'varchar',
	'bpchar',
	'char',
	'name',
	'citext',
	'uuid',
	'date',
	'time',
	'timetz',
	'timestamp',
	'timestamptz',
	'interval',
	'bytea',
	'inet',
	'cidr',
	'macaddr',
]);

const key = (name: string): string =>
	/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);

/** The TypeScript type of a PostgreSQL type, as the Supabase CLI writes it. */
export function tsType(catalog: Catalog, oid: number, schema = SCHEMA): string {
	const t = catalog.types.get(oid);
	if (!t) return 'unknown';
	if (t.category === 'A' && t.elem) return `${tsType(catalog, t.elem, schema)}[]`;
	if (t.type === 'd') return tsType(catalog, t.base, schema);
	if (t.type === 'e')
		return t.schema === schema
			? `Database[${JSON.stringify(schema)}]["Enums"][${JSON.stringify(t.name)}]`
			: 'string';
	if (t.type === 'c') {
		if (t.schema !== schema) return 'unknown';
		const kind =
			t.relkind === 'c'
				? 'CompositeTypes'
				: t.relkind === 'v' || t.relkind === 'm'
					? 'Views'
					: 'Tables';
		return kind === 'CompositeTypes'
			? `Database[${JSON.stringify(schema)}]["CompositeTypes"][${JSON.stringify(t.name)}]`
			: `Database[${JSON.stringify(schema)}][${JSON.stringify(kind)}][${JSON.stringify(t.relname)}]["Row"]`;
	}
	if (t.name === 'bool') return 'boolean';
	if (NUMBER.has(t.name)) return 'number';
	if (STRING.has(t.name)) return 'string';
	if (t.name === 'json' || t.name === 'jsonb') return 'Json';
	if (t.name === 'void') return 'undefined';
	if (t.name === 'record') return 'Record<string, unknown>';
	return 'unknown';
}

/** The text of database.types.ts for a catalog, before formatting. */
export function generateTypes(catalog: Catalog, schema = SCHEMA): string {
	const s = JSON.stringify(schema);
	const obj = (entries: string[]): string =>
		entries.length ? `{\n${entries.join('\n')}\n}` : '{ [_ in never]: never }';
	const columnsOf = (table: string) => catalog.columns.filter((c) => c.table === table);

	const relationships = (table: string): string => {
		const fks = catalog.foreignKeys.filter((f) => f.table === table);
		return `[${fks
			.map((f) => {
				const cols = [...f.columns].sort();
				const oneToOne = catalog.uniqueKeys.some(
					(u) => u.table === table && u.columns.join(',') === cols.join(','),
				);
				return `{
					foreignKeyName: ${JSON.stringify(f.name)}
					columns: ${JSON.stringify(f.columns)}
					isOneToOne: ${oneToOne}
					referencedRelation: ${JSON.stringify(f.referenced)}
					referencedColumns: ${JSON.stringify(f.referencedColumns)}
				}`;
			})
			.join(',\n')}]`;
	};

	const relation = (name: string, updatable: boolean): string => {
		const cols = columnsOf(name);
		const type = (c: Column) => tsType(catalog, c.typeOid, schema);
		const row = cols.map((c) => `${key(c.name)}: ${type(c)}${c.notNull ? '' : ' | null'}`);
		const setBy = catalog.triggerSet.get(name) ?? new Set<string>();
		const insert = cols.map((c) => {
			if (c.generated === 's') return `${key(c.name)}?: never`;
			const optional =
				!c.notNull || c.hasDefault || c.identity !== '' || setBy.has(c.name.toLowerCase());
			return `${key(c.name)}${optional ? '?' : ''}: ${type(c)}${c.notNull ? '' : ' | null'}`;
		});
		const update = cols.map((c) =>
			c.generated === 's'
				? `${key(c.name)}?: never`
				: `${key(c.name)}?: ${type(c)}${c.notNull ? '' : ' | null'}`,
		);
		return `${key(name)}: {
			Row: ${obj(row)}
			${updatable ? `Insert: ${obj(insert)}\nUpdate: ${obj(update)}` : ''}
			Relationships: ${relationships(name)}
		}`;
	};

	const tables = catalog.tables
		.filter((t) => t.kind === 'r' || t.kind === 'p')
		.map((t) => relation(t.name, true));
	const views = catalog.tables
		.filter((t) => t.kind === 'v' || t.kind === 'm')
		.map((t) => relation(t.name, false));

	const fnEntry = (f: Fn): string => {
		const modes = f.argModes ?? f.argTypes.map(() => 'i');
		const names = f.argNames ?? [];
		const inputs = f.argTypes
			.map((oid, i) => ({ oid, name: names[i] ?? '', mode: modes[i] ?? 'i' }))
			.filter((a) => a.mode === 'i' || a.mode === 'b' || a.mode === 'v');
		const firstDefault = inputs.length - f.nArgDefaults;
		const args = inputs.map(
			(a, i) => `${key(a.name)}${i >= firstDefault ? '?' : ''}: ${tsType(catalog, a.oid, schema)}`,
		);
		const tableColumns = f.argTypes
			.map((oid, i) => ({ oid, name: names[i] ?? '', mode: modes[i] ?? 'i' }))
			.filter((a) => a.mode === 't' || a.mode === 'o');
		let returns: string;
		let setof = '';
		if (tableColumns.length > 0) {
			returns = `{\n${tableColumns
				.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
				.map((c) => `${key(c.name)}: ${tsType(catalog, c.oid, schema)}`)
				.join('\n')}\n}${f.returnsSet ? '[]' : ''}`;
		} else {
			returns = `${tsType(catalog, f.returnType, schema)}${f.returnsSet ? '[]' : ''}`;
			const t = catalog.types.get(f.returnType);
			if (t?.type === 'c' && t.schema === schema)
				setof = `SetofOptions: {
					from: "*"
					to: ${JSON.stringify(t.relname)}
					isOneToOne: ${!f.returnsSet}
					isSetofReturn: ${f.returnsSet}
				}`;
		}
		return `{
			Args: ${args.length ? `{\n${[...args].sort().join('\n')}\n}` : 'never'}
			Returns: ${returns}
			${setof}
		}`;
	};
	const byName = new Map<string, Fn[]>();
	for (const f of catalog.functions) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
	const functions = [...byName.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([name, fs]) => `${key(name)}: ${fs.map(fnEntry).join(' | ')}`);

	const enums = [...catalog.enums.entries()].map(
		([name, values]) => `${key(name)}: ${values.map((v) => JSON.stringify(v)).join(' | ')}`,
	);
	const composites = [...catalog.composites.entries()].map(
		([name, attrs]) =>
			`${key(name)}: {\n${attrs.map((a) => `${key(a.name)}: ${tsType(catalog, a.typeOid, schema)} | null`).join('\n')}\n}`,
	);
	return `/**
 * The local stack's database as supabase-js's \`Database\` type. Generated by \`npm run db:types\`
 * (scripts/db-types.ts) from the migrations applied to the local stack: do not edit by hand.
 * tests/integration/database-types.test.ts (in \`npm test\`'s stack step) fails when it is stale.
 */
export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
	${s}: {
		Tables: ${obj(tables)}
		Views: ${obj(views)}
		Functions: ${obj(functions)}
		Enums: ${obj(enums)}
		CompositeTypes: ${obj(composites)}
	}
};

type DefaultSchema = Database[${s}];

/** A table's (or view's) row: \`Tables<'areas'>\`. */
export type Tables<T extends keyof (DefaultSchema['Tables'] & DefaultSchema['Views'])> = (DefaultSchema['Tables'] &
	DefaultSchema['Views'])[T] extends { Row: infer R } ? R : never;
/** What an insert into a table takes. */
export type TablesInsert<T extends keyof DefaultSchema['Tables']> = DefaultSchema['Tables'][T]['Insert'];
/** What an update of a table takes. */
export type TablesUpdate<T extends keyof DefaultSchema['Tables']> = DefaultSchema['Tables'][T]['Update'];
/** An enum's values: \`Enums<'report_status'>\`. */
export type Enums<T extends keyof DefaultSchema['Enums']> = DefaultSchema['Enums'][T];
/** A composite type's fields. */
export type CompositeTypes<T extends keyof DefaultSchema['CompositeTypes']> = DefaultSchema['CompositeTypes'][T];
/** What a function takes and returns. */
export type Functions<T extends keyof DefaultSchema['Functions']> = DefaultSchema['Functions'][T];

`;
}

/** database.types.ts as the running stack gives it, formatted as the repository formats it. */
export async function typesFromStack(url = databaseUrl()): Promise<string> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const text = generateTypes(await readCatalog(client));
		return prettier.format(text, {
			...(await prettier.resolveConfig(TYPES_FILE)),
			filepath: TYPES_FILE,
		});
	} finally {
		await client.end();
	}
}

async function main(): Promise<void> {
	const check = process.argv.includes('--check');
	const rel = path.relative(REPO_ROOT, TYPES_FILE);
	let text: string;
	try {
		text = await typesFromStack();
	} catch (err) {
		console.error(`db:types: cannot read the local stack: ${(err as Error).message}`);
		process.exit(2);
	}
	const current = existsSync(TYPES_FILE) ? readFileSync(TYPES_FILE, 'utf8') : '';
	if (check) {
		if (current === text) {
			console.log(`db:types: ${rel} matches the local stack`);
			return;
		}
		const a = current.split('\n');
		const b = text.split('\n');
		let i = 0;
		while (i < a.length && a[i] === b[i]) i++;
		console.error(
			`db:types: ${rel} is stale (line ${i + 1}: has ${JSON.stringify(a[i] ?? '')}, the stack gives ${JSON.stringify(b[i] ?? '')}): run \`npm run db:types\` with the stack up (npm run db:start)`,
		);
		process.exit(1);
	}
	if (current === text) console.log(`db:types: ${rel} already up to date`);
	else {
		writeFileSync(TYPES_FILE, text);
		console.log(`db:types: ${rel} written`);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
