-- Malformed GeoJSON in a report answered 500: PostgREST hands the body's `location` to PostGIS's
-- input function, which fails with SQLSTATE XX000 (internal error) before any trigger runs. Now the
-- API column `location` is the GeoJSON as jsonb, and the geometry lives in `geom`, parsed by the
-- before-insert trigger: a malformed geometry is refused with SQLSTATE 22023 (HTTP 400) and a
-- detail naming the problem. Every constraint, index and rule on the geometry moves with it to `geom`.
--
-- Refusals carry a machine-readable detail (see supabase/README.md, "Error kinds"):
--   raise exception '<english sentence>' using errcode = '<sqlstate>', detail = '{"kind": "...", ...}'
-- The app maps `kind` to a translated message; it never parses the English sentence.

-- A GeoJSON geometry (jsonb) as a PostGIS geometry in EPSG:4326, or a 22023 refusal naming the
-- problem. `field` names the argument or column in the refusal.
create function private.geometry_from_geojson(p_geojson jsonb, p_field text)
returns extensions.geometry
language plpgsql
immutable
set search_path = ''
as $$
declare
	g extensions.geometry;
begin
	if p_geojson is null then
		return null;
	end if;
	if jsonb_typeof(p_geojson) <> 'object' or not (p_geojson ? 'type') then
		raise exception '%: not a GeoJSON geometry (an object with "type" and "coordinates")', p_field
			using errcode = '22023',
			detail = jsonb_build_object('kind', 'malformed_geometry', 'field', p_field,
				'problem', 'not a GeoJSON geometry object')::text;
	end if;
	begin
		g := extensions.st_geomfromgeojson(p_geojson);
	exception when others then
		raise exception '%: malformed GeoJSON: %', p_field, sqlerrm
			using errcode = '22023',
			detail = jsonb_build_object('kind', 'malformed_geometry', 'field', p_field, 'problem', sqlerrm)::text;
	end;
	return extensions.st_setsrid(g, 4326);
end;
$$;
revoke execute on function private.geometry_from_geojson(jsonb, text) from public, anon;
grant execute on function private.geometry_from_geojson(jsonb, text) to authenticated, service_role;

alter table public.barrier_reports rename column location to geom;
alter table public.barrier_reports add column location jsonb;
update public.barrier_reports set location = extensions.st_asgeojson(geom)::jsonb;
alter table public.barrier_reports alter column location set not null;
comment on column public.barrier_reports.location is
	'The location as GeoJSON (Point or LineString, EPSG:4326), as written through the API; parsed into geom.';
comment on column public.barrier_reports.geom is
	'The location as PostGIS geometry, parsed from location by the before-insert trigger; every spatial rule applies here.';

-- column privileges followed the rename to geom: the API reads and writes `location` (GeoJSON) only
revoke select (geom), insert (geom) on public.barrier_reports from anon, authenticated;
grant select (location) on public.barrier_reports to anon, authenticated;
grant insert (location) on public.barrier_reports to anon, authenticated;
