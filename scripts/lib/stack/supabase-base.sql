-- What a Supabase project has before any of our migrations run, reduced to what our migrations,
-- policies and tests use: the API roles, the `extensions` schema (PostGIS, pgTAP, pgRouting),
-- default privileges as Supabase grants them, the part of the `auth` schema that policies use
-- (auth.users, auth.uid(), auth.role(), auth.jwt(), auth.email()), and the migration history table
-- of the Supabase CLI. Applied once by scripts/db-start.sh to a fresh cluster, as superuser.
-- psql variable: authenticator_password.

-- Roles, as in supabase/postgres migrations/db/init-scripts/00000000000000-initial-schema.sql
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator login noinherit password :'authenticator_password';
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;

-- Supabase's default search_path for its roles
alter role postgres set search_path = "$user", public, extensions;
alter role authenticator set search_path = "$user", public, extensions;
alter role authenticator set statement_timeout = '8s';
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- Extensions live in their own schema, never in public
create schema extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions grant all on sequences to postgres, anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists postgis with schema extensions;
create extension if not exists pgtap with schema extensions;
create extension if not exists pgrouting with schema extensions;

-- public: Supabase grants everything to the API roles and lets Row Level Security decide.
-- Our migrations revoke and grant explicitly per table on top of this.
grant usage on schema public to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to postgres, anon, authenticated, service_role;

-- auth: the subset of Supabase Auth's schema that policies and tests use
create schema auth;
grant usage on schema auth to anon, authenticated, service_role;

create table auth.users (
	instance_id uuid,
	id uuid primary key,
	aud varchar(255),
	role varchar(255),
	email varchar(255) unique,
	encrypted_password varchar(255),
	email_confirmed_at timestamptz,
	phone text unique,
	raw_app_meta_data jsonb,
	raw_user_meta_data jsonb,
	is_anonymous boolean not null default false,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
grant all on auth.users to service_role;

-- Same definitions as Supabase Auth's migrations: claims come from `request.jwt.claims`,
-- which PostgREST sets from the verified JWT on every request.
create function auth.uid() returns uuid
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.sub', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
	)::uuid
$$;

create function auth.role() returns text
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.role', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
	)::text
$$;

create function auth.email() returns text
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim.email', true), ''),
		(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
	)::text
$$;

create function auth.jwt() returns jsonb
language sql stable
as $$
	select coalesce(
		nullif(current_setting('request.jwt.claim', true), ''),
		nullif(current_setting('request.jwt.claims', true), '')
	)::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
	to anon, authenticated, service_role;

-- Migration history, the table the Supabase CLI keeps (supabase db push / migration list)
create schema supabase_migrations;
create table supabase_migrations.schema_migrations (
	version text primary key,
	statements text[],
	name text
);
