-- The `private` schema holds privileged helpers (security definer, fixed search_path). It is not
-- in PostgREST's exposed schemas, so nothing in it is callable over the API; policies call the
-- helpers that authenticated users need.
create extension if not exists postgis with schema extensions;

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- Who is a member of which areas. Policies on tables that depend on area membership use
-- `area_id in (select private.my_area_ids(...))`: evaluated once per statement, and security
-- definer so that policies on memberships itself do not recurse.
create type public.member_role as enum ('coordinator', 'planner', 'admin');
comment on type public.member_role is
	'coordinator: manages places and analyses of the area; planner: triages barrier reports of the area; admin: manages memberships of the area.';

create type public.visibility as enum ('private', 'area_team', 'public');
comment on type public.visibility is
	'private: only its creator; area_team: every member of the area; public: everyone, signed in or not.';
