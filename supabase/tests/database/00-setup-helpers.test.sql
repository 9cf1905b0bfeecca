-- Test helpers, equivalent to usebasejump/supabase-test-helpers (written for this project, not
-- copied): create users in auth.users and act as them through `set role` + `request.jwt.claims`,
-- exactly what PostgREST does with a verified JWT. Runs first (file order) and is committed, as the
-- supabase-test-helpers setup file is, so every later test file can use the `tests` schema.
-- The schema is never exposed through the API.
begin;
select plan(1);

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- Creates (or finds) a user named by a test identifier; returns its id.
create or replace function tests.create_supabase_user(identifier text, email text default null)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	user_id uuid;
begin
	select u.id into user_id from auth.users as u
	where u.raw_user_meta_data ->> 'test_identifier' = identifier;
	if user_id is null then
		insert into auth.users (id, aud, role, email, raw_app_meta_data, raw_user_meta_data)
		values (
			gen_random_uuid(), 'authenticated', 'authenticated',
			coalesce(email, identifier || '@test.buurtkaart.invalid'),
			'{"provider": "email", "providers": ["email"]}',
			jsonb_build_object('test_identifier', identifier)
		)
		returning id into user_id;
	end if;
	return user_id;
end;
$$;

create or replace function tests.get_supabase_uid(identifier text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	user_id uuid;
begin
	select u.id into user_id from auth.users as u
	where u.raw_user_meta_data ->> 'test_identifier' = identifier;
	if user_id is null then
		raise exception 'tests: no user with test identifier %', identifier;
	end if;
	return user_id;
end;
$$;

-- Acts as the user for the rest of the transaction, as PostgREST does for a Supabase Auth session.
create or replace function tests.authenticate_as(identifier text)
returns void
language plpgsql
set search_path = ''
as $$
declare
	user_id uuid := tests.get_supabase_uid(identifier);
begin
	perform set_config('role', 'authenticated', true);
	perform set_config('request.jwt.claims', json_build_object(
		'sub', user_id, 'role', 'authenticated', 'aud', 'authenticated',
		'email', identifier || '@test.buurtkaart.invalid'
	)::text, true);
end;
$$;

-- Acts as an anonymous visitor (the anon API key) for the rest of the transaction.
create or replace function tests.clear_authentication()
returns void
language plpgsql
set search_path = ''
as $$
begin
	perform set_config('role', 'anon', true);
	perform set_config('request.jwt.claims', '{"role": "anon"}', true);
end;
$$;

-- Acts as the service role (bypasses RLS) for the rest of the transaction.
create or replace function tests.authenticate_as_service_role()
returns void
language plpgsql
set search_path = ''
as $$
begin
	perform set_config('role', 'service_role', true);
	perform set_config('request.jwt.claims', '{"role": "service_role"}', true);
end;
$$;

-- Back to the superuser that runs the tests (to set up data between checks).
create or replace function tests.as_superuser()
returns void
language plpgsql
set search_path = ''
as $$
begin
	perform set_config('role', 'none', true);
	perform set_config('request.jwt.claims', '', true);
end;
$$;

-- Tables of a schema without Row Level Security (empty when all have it).
create or replace function tests.tables_without_rls(schema_name text)
returns setof text
language sql
stable
set search_path = ''
as $$
	select c.relname::text
	from pg_catalog.pg_class as c
	join pg_catalog.pg_namespace as n on n.oid = c.relnamespace
	where n.nspname = schema_name and c.relkind in ('r', 'p') and not c.relrowsecurity
	order by 1
$$;


-- Rows changed by a statement run as the current role (RLS filters silently; this makes it visible).
create or replace function tests.affected_rows(statement text)
returns bigint
language plpgsql
set search_path = public, extensions
as $$
declare
	n bigint;
begin
	execute statement;
	get diagnostics n = row_count;
	return n;
end;
$$;

-- The cast of every RLS test: a resident without membership, a coordinator of Vorselaar, a
-- coordinator of Lille, a planner of Vorselaar and an admin of Vorselaar.
create or replace function tests.create_cast()
returns void
language plpgsql
set search_path = ''
as $$
begin
	perform tests.create_supabase_user(u) from unnest(array['resident', 'other_resident', 'coord_vorselaar',
		'coord_lille', 'planner_vorselaar', 'planner_lille', 'admin_vorselaar']) as u;
	insert into public.memberships (area_id, user_id, role)
	select a.id, tests.get_supabase_uid(m.who), m.role::public.member_role
	from (values ('vorselaar', 'coord_vorselaar', 'coordinator'), ('lille', 'coord_lille', 'coordinator'),
		('vorselaar', 'planner_vorselaar', 'planner'), ('lille', 'planner_lille', 'planner'),
		('vorselaar', 'admin_vorselaar', 'admin')) as m (slug, who, role)
	join public.areas as a on a.slug = m.slug
	on conflict do nothing;
end;
$$;

-- The id of an area by slug.
create or replace function tests.area(slug text)
returns uuid
language sql
stable
set search_path = ''
as $$
	select a.id from public.areas as a where a.slug = area.slug
$$;

-- A point (EPSG:4326) from longitude and latitude.
create or replace function tests.pt(lon double precision, lat double precision)
returns extensions.geometry
language sql
immutable
set search_path = ''
as $$
	select extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326)
$$;

-- A geometry as GeoJSON (jsonb), as a client sends it through the API (e.g. barrier_reports.location).
create or replace function tests.geojson(g extensions.geometry)
returns jsonb
language sql
immutable
set search_path = ''
as $$
	select extensions.st_asgeojson(g)::jsonb
$$;

-- The DETAIL of the error a statement raises (null when it raises none).
create or replace function tests.sqlerrdetail(statement text)
returns text
language plpgsql
set search_path = public, extensions
as $$
declare
	d text;
begin
	execute statement;
	return null;
exception when others then
	get stacked diagnostics d = pg_exception_detail;
	return d;
end;
$$;

-- The lines of EXPLAIN for a statement.
create or replace function tests.explain(statement text)
returns setof text
language plpgsql
set search_path = public, extensions
as $$
begin
	return query execute 'explain ' || statement;
end;
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;

select has_function('tests', 'authenticate_as', array['text'], 'test helpers are installed');
select * from finish();
commit;
