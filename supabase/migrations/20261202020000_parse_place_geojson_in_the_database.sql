-- Malformed GeoJSON for a curated place answered 500, as it did for reports before
-- 20261201090000: PostgREST hands the body's `location` to PostGIS's geometry input function,
-- which fails with SQLSTATE XX000 (internal error) before any trigger runs; and a point outside
-- the range of geography (latitude 91) was only coerced by the area check. Curated places are the
-- last table whose geometry the API writes (areas and neighbourhoods: service role only; analysis
-- cells: only through save_analysis, which parses with private.geometry_from_geojson).
-- Now, as for reports: the API column `location` is the GeoJSON as jsonb, and the geometry lives
-- in `geom`, parsed by a before-insert-or-update trigger. Malformed GeoJSON, another type than a
-- Point, or an empty Point is refused with 22023 (HTTP 400) and {"kind": "malformed_geometry",
-- "field": "location", "problem": ...}; a point outside Belgium's bounding box with 22023 and
-- {"kind": "outside_belgium", "field": "location"}; nothing is stored. An altitude (a third
-- coordinate, which GeoJSON allows) is dropped. Every constraint and index on the geometry moves
-- with the rename to `geom`; places_near, the area check and the audit trail use `geom`.
-- save_analysis checks each cell the same way (a 2D Polygon in Belgium), with the detail.

-- A GeoJSON geometry (jsonb) of type p_type ('Point', 'Polygon') in Belgium's bounding box, as a
-- 2D PostGIS geometry in EPSG:4326, or a 22023 refusal naming the problem; null for null.
create function private.geometry_from_geojson(p_geojson jsonb, p_field text, p_type text)
returns extensions.geometry
language plpgsql
immutable
set search_path = ''
as $$
declare
	g extensions.geometry := private.geometry_from_geojson(p_geojson, p_field);
	got text := replace(extensions.st_geometrytype(g), 'ST_', '');
begin
	if g is null then
		return null;
	end if;
	if got <> p_type then
		raise exception '%: expected a GeoJSON %, got %', p_field, p_type, got
			using errcode = '22023',
			detail = jsonb_build_object('kind', 'malformed_geometry', 'field', p_field,
				'problem', format('expected a %s, got %s', p_type, got))::text;
	end if;
	if extensions.st_isempty(g) then
		raise exception '%: the GeoJSON % has no coordinates', p_field, p_type
			using errcode = '22023',
			detail = jsonb_build_object('kind', 'malformed_geometry', 'field', p_field,
				'problem', format('a %s without coordinates', p_type))::text;
	end if;
	g := extensions.st_force2d(g);
	if not extensions.st_coveredby(g, extensions.st_makeenvelope(2.54, 49.49, 6.41, 51.51, 4326)) then
		raise exception '%: % is not in Belgium', p_field,
			case when got = 'Point' then extensions.st_astext(g) else extensions.box2d(g)::text end
			using errcode = '22023',
			detail = jsonb_build_object('kind', 'outside_belgium', 'field', p_field)::text;
	end if;
	return g;
end;
$$;
revoke execute on function private.geometry_from_geojson(jsonb, text, text) from public, anon, authenticated;

alter table public.curated_places rename column location to geom;
alter table public.curated_places add column location jsonb;
update public.curated_places set location = extensions.st_asgeojson(geom)::jsonb;
alter table public.curated_places alter column location set not null;
comment on column public.curated_places.location is
	'The location as GeoJSON (a Point, EPSG:4326), as written through the API; parsed into geom.';
comment on column public.curated_places.geom is
	'The location as PostGIS geometry, parsed from location by a before trigger; every spatial rule and index applies here.';
alter index public.curated_places_location_idx rename to curated_places_geom_idx;
alter index public.curated_places_location_geog_idx rename to curated_places_geom_geog_idx;

-- the column grants followed the rename to geom: the API writes `location` (GeoJSON) only (reading
-- stays a table-wide grant, and geom is the same point)
revoke insert (geom), update (geom) on public.curated_places from authenticated;
grant insert (location), update (location) on public.curated_places to authenticated;

-- Before insert, and before an update of location or geom: geom from the GeoJSON `location`
-- (the API's way), or, when only geom is given (SQL as the service role), location from geom;
-- `location` is then rewritten as PostGIS writes the stored point. Runs before the area check
-- (curated_places_in_area): triggers of one event fire in the order of their names.
create function private.curated_place_location()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'INSERT' and new.location is not null
		or tg_op = 'UPDATE' and new.location is distinct from old.location then
		new.geom := private.geometry_from_geojson(new.location, 'location', 'Point');
	end if;
	if new.geom is null then
		raise exception 'curated place: a location is required'
			using errcode = '23502', detail = '{"kind": "no_location", "field": "location"}';
	end if;
	new.location := extensions.st_asgeojson(new.geom)::jsonb;
	return new;
end;
$$;
revoke execute on function private.curated_place_location() from public, anon, authenticated;
create trigger curated_places_geom_from_location before insert or update of location, geom on public.curated_places
	for each row execute function private.curated_place_location();

-- the area check on geom; it fires also when an update sets only the GeoJSON `location`
create or replace function private.curated_place_in_area()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not exists (
		select 1 from public.areas as a
		where a.id = new.area_id
			and extensions.st_dwithin(a.boundary::extensions.geography, new.geom::extensions.geography, 100)
	) then
		raise exception 'curated place: the location lies outside its area (more than 100 m from its boundary)'
			using errcode = '23514',
			detail = jsonb_build_object('kind', 'outside_area', 'field', 'location', 'buffer_m', 100)::text;
	end if;
	return new;
end;
$$;
drop trigger curated_places_in_area on public.curated_places;
create trigger curated_places_in_area before insert or update of area_id, location, geom on public.curated_places
	for each row execute function private.curated_place_in_area();

-- the audit trail keeps the GeoJSON `location` as before, without the binary geom
create or replace function private.audit_curated_place()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'DELETE' and not exists (select 1 from public.areas as a where a.id = old.area_id) then
		return null;
	end if;
	insert into public.audit_events (area_id, entity, entity_id, action, actor_id, old_row, new_row)
	values (
		coalesce(new.area_id, old.area_id), 'curated_place', coalesce(new.id, old.id), lower(tg_op),
		(select auth.uid()),
		case when tg_op <> 'INSERT' then to_jsonb(old) - 'geom' end,
		case when tg_op <> 'DELETE' then to_jsonb(new) - 'geom' end
	);
	return null;
end;
$$;

-- places_near on geom (the index on geom::geography, as before); its rows carry `location` as
-- GeoJSON as before (and geom, which the app ignores)
create or replace function private.places_near(
	p_lon double precision,
	p_lat double precision,
	p_radius_m double precision default 1000,
	p_categories public.place_category[] default null,
	p_limit integer default 50
)
returns table (place public.curated_places, distance_m double precision)
language plpgsql
stable
security definer
set search_path = ''
set max_parallel_workers_per_gather = 0
as $$
declare
	origin extensions.geometry := extensions.st_setsrid(extensions.st_makepoint(p_lon, p_lat), 4326);
begin
	if p_lon is null or p_lat is null or not extensions.st_coveredby(origin,
		extensions.st_makeenvelope(2.54, 49.49, 6.41, 51.51, 4326)) then
		raise exception 'places_near: (%, %) is not a point in Belgium', p_lon, p_lat
			using errcode = '22023', detail = '{"kind": "outside_belgium", "field": "p_lon, p_lat"}';
	end if;
	if p_radius_m is null or p_radius_m <= 0 or p_radius_m > 50000 then
		raise exception 'places_near: p_radius_m must be in (0, 50000] metres, got %', p_radius_m
			using errcode = '22023', detail = '{"kind": "invalid", "field": "p_radius_m"}';
	end if;
	if p_limit is null or p_limit < 1 or p_limit > 500 then
		raise exception 'places_near: p_limit must be in [1, 500], got %', p_limit
			using errcode = '22023', detail = '{"kind": "invalid", "field": "p_limit"}';
	end if;
	return query
	select n.p, extensions.st_distance((n.p).geom::extensions.geography, origin::extensions.geography) as d
	from (
		select p
		from public.curated_places as p
		where extensions.st_dwithin(p.geom::extensions.geography, origin::extensions.geography, p_radius_m, false)
			and (p_categories is null or p.categories && p_categories)
			-- the select policies of curated_places (this function bypasses them)
			and (p.visibility = 'public' or p.area_id in (select private.my_area_ids('{coordinator,planner,admin}')))
		order by p.geom::extensions.geography operator(extensions.<->) origin::extensions.geography
		limit 2 * p_limit
	) as n
	order by d, (n.p).id
	limit p_limit;
end;
$$;

-- save_analysis' cells: each a 2D GeoJSON Polygon in Belgium, refused with the detail otherwise
-- (as in 20261201090200, with the typed parse)
create or replace function private.write_analysis_children(p_analysis_id uuid, p_summaries jsonb, p_cells jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	c record;
	g extensions.geometry;
begin
	if not exists (
		select 1 from public.saved_analyses as a
		where a.id = p_analysis_id and a.created_by = (select auth.uid())
			and a.area_id in (select private.my_area_ids('{coordinator}'))
	) or exists (select 1 from public.analysis_summaries as s where s.analysis_id = p_analysis_id)
		or exists (select 1 from public.analysis_cells as x where x.analysis_id = p_analysis_id) then
		raise exception 'save_analysis: summaries and cells are written once, with their analysis, by its creator'
			using errcode = '42501', detail = '{"kind": "denied"}';
	end if;

	insert into public.analysis_summaries (analysis_id, neighbourhood_id, summary)
	select p_analysis_id, (s ->> 'neighbourhood_id')::uuid, s -> 'summary'
	from jsonb_array_elements(p_summaries) as s;

	for c in select value, ordinality from jsonb_array_elements(p_cells) with ordinality loop
		if jsonb_typeof(c.value) <> 'object' then
			raise exception 'save_analysis: cell % is not an object', c.ordinality - 1
				using errcode = '22023',
				detail = jsonb_build_object('kind', 'malformed_geometry', 'field', format('cells[%s]', c.ordinality - 1))::text;
		end if;
		g := private.geometry_from_geojson(c.value -> 'geometry', format('cells[%s].geometry', c.ordinality - 1), 'Polygon');
		if g is null then
			raise exception 'save_analysis: cell % has no geometry', c.ordinality - 1
				using errcode = '22023',
				detail = jsonb_build_object('kind', 'malformed_geometry', 'field', format('cells[%s].geometry', c.ordinality - 1))::text;
		end if;
		insert into public.analysis_cells (analysis_id, cell_index, cell, value, properties)
		values (p_analysis_id, (c.ordinality - 1)::integer, g, (c.value ->> 'value')::double precision,
			coalesce(c.value -> 'properties', '{}'));
	end loop;
end;
$$;
