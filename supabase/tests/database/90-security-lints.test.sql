-- Guards over the whole schema: Row Level Security on every table of the exposed schema, and the
-- security checks of Supabase's database linter (splinter), written as queries that must return
-- nothing. Lint numbers refer to supabase/splinter.
begin;
select plan(12);

select is_empty($$select * from tests.tables_without_rls('public')$$,
	'RLS is enabled on every table in the exposed schema (splinter 0013)');

select is_empty($$
	select schemaname || '.' || tablename || ': ' || policyname
	from pg_catalog.pg_policies
	where schemaname in ('public', 'private')
		and (
			(coalesce(qual, '') ~* 'auth\.(uid|jwt|role|email)\(\)' and coalesce(qual, '') !~* 'select auth\.(uid|jwt|role|email)\(\)')
			or (coalesce(with_check, '') ~* 'auth\.(uid|jwt|role|email)\(\)' and coalesce(with_check, '') !~* 'select auth\.(uid|jwt|role|email)\(\)')
			or coalesce(qual, '') || coalesce(with_check, '') ~* 'current_setting\('
		)
$$, 'no policy calls auth.uid() / auth.jwt() per row instead of (select ...) (splinter 0003)');

select is_empty($$
	select n.nspname || '.' || p.proname
	from pg_catalog.pg_proc as p
	join pg_catalog.pg_namespace as n on n.oid = p.pronamespace
	where n.nspname in ('public', 'private')
		and not exists (select 1 from pg_catalog.pg_depend as d where d.objid = p.oid and d.deptype = 'e')
		and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) as c where c like 'search_path=%')
$$, 'every function in public and private has a fixed search_path (splinter 0011)');

select is_empty($$
	select n.nspname || '.' || p.proname
	from pg_catalog.pg_proc as p
	join pg_catalog.pg_namespace as n on n.oid = p.pronamespace
	where n.nspname = 'public' and p.prosecdef
		and not exists (select 1 from pg_catalog.pg_depend as d where d.objid = p.oid and d.deptype = 'e')
		and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
$$, 'no SECURITY DEFINER function in the exposed schema is executable by anon or authenticated (splinter 0028, 0029)');

select is_empty($$
	select c.conrelid::regclass || ': ' || c.conname
	from pg_catalog.pg_constraint as c
	join pg_catalog.pg_namespace as n on n.oid = c.connamespace
	where c.contype = 'f' and n.nspname in ('public', 'private')
		and not exists (
			select 1 from pg_catalog.pg_index as i
			where i.indrelid = c.conrelid
				and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] operator(pg_catalog.@>) c.conkey
				and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] operator(pg_catalog.<@) c.conkey
		)
$$, 'every foreign key is covered by an index (splinter 0001)');

select is_empty($$
	select e.extname from pg_catalog.pg_extension as e
	join pg_catalog.pg_namespace as n on n.oid = e.extnamespace
	where n.nspname = 'public'
$$, 'no extension lives in the public schema (splinter 0014)');

select is_empty($$
	select c.oid::regclass::text from pg_catalog.pg_class as c
	join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
	where n.nspname = 'public' and c.relkind = 'v'
		and not coalesce(c.reloptions @> array['security_invoker=true'], false)
$$, 'no view in the exposed schema runs with its owner''s rights (splinter 0010)');

select is_empty($$
	select distinct p.schemaname || '.' || p.tablename
	from pg_catalog.pg_policies as p
	join pg_catalog.pg_class as c on c.relname = p.tablename
	join pg_catalog.pg_namespace as n on n.oid = c.relnamespace and n.nspname = p.schemaname
	where not c.relrowsecurity
$$, 'no table has policies with RLS disabled (splinter 0007)');

select is_empty($$
	select p.schemaname || '.' || p.tablename || ': ' || p.policyname
	from pg_catalog.pg_policies as p
	where p.schemaname = 'public' and (p.cmd = 'ALL' or p.roles = '{public}')
$$, 'one policy per command, each for named roles (no FOR ALL, no TO public)');

select is_empty($$
	select distinct c.oid::regclass::text
	from pg_catalog.pg_class as c
	join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
	join pg_catalog.pg_depend as d on d.objid in (select r.oid from pg_catalog.pg_rewrite as r where r.ev_class = c.oid)
	where n.nspname = 'public' and c.relkind in ('v', 'm') and d.refobjid = 'auth.users'::regclass
$$, 'no view in the exposed schema exposes auth.users (splinter 0002)');

select is_empty($$
	select schemaname || '.' || tablename || ': ' || policyname
	from pg_catalog.pg_policies
	where coalesce(qual, '') || coalesce(with_check, '') ~* 'user_metadata'
$$, 'no policy trusts user_metadata, which users can change themselves (splinter 0015)');

select is_empty($$
	select p.tablename || ' ' || p.cmd || ' ' || r.role
	from pg_catalog.pg_policies as p, unnest(p.roles) as r (role)
	where p.schemaname = 'public' and p.permissive = 'PERMISSIVE'
	group by p.tablename, p.cmd, r.role
	having count(*) > 1
$$, 'one permissive policy per table, command and role (splinter 0006)');

select * from finish();
rollback;
