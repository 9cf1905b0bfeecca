-- places_near scanned the whole table, for two reasons: its predicate cast the column to
-- geography, which the geometry GiST index cannot serve; and, as a security-invoker function
-- called by anon or a resident, Row Level Security put the policy's test first, so PostgreSQL may
-- not use an index for a predicate whose functions are not leakproof (PostGIS's are not). Now an
-- expression index on the geography cast serves st_dwithin(location::geography, ...), and the
-- search runs in a security-definer function that applies the select policies of curated_places
-- itself (public places, and all places of the caller's areas), so the index is used.
create index curated_places_location_geog_idx on public.curated_places
	using gist ((location::extensions.geography));

-- The circle test on the sphere (st_dwithin(..., false): within 0.5 % of the spheroid, a fraction
-- of the cost per candidate), the nearest candidates on the sphere first, the exact spheroid
-- distance only for those (nearest first by it, as before), and no parallel workers (their start
-- costs more than the whole search).
create function private.places_near(
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
	-- candidates in the circle, nearest first on the sphere (cheap); the exact spheroid distance
	-- only for twice as many as asked (the two orders differ by far less than that margin)
	return query
	select n.p, extensions.st_distance((n.p).location::extensions.geography, origin::extensions.geography) as d
	from (
		select p
		from public.curated_places as p
		where extensions.st_dwithin(p.location::extensions.geography, origin::extensions.geography, p_radius_m, false)
			and (p_categories is null or p.categories && p_categories)
			-- the select policies of curated_places (this function bypasses them)
			and (p.visibility = 'public' or p.area_id in (select private.my_area_ids('{coordinator,planner,admin}')))
		order by p.location::extensions.geography operator(extensions.<->) origin::extensions.geography
		limit 2 * p_limit
	) as n
	order by d, (n.p).id
	limit p_limit;
end;
$$;
revoke execute on function private.places_near(double precision, double precision, double precision, public.place_category[], integer)
	from public;
grant execute on function private.places_near(double precision, double precision, double precision, public.place_category[], integer)
	to anon, authenticated, service_role;

create or replace function public.places_near(
	p_lon double precision,
	p_lat double precision,
	p_radius_m double precision default 1000,
	p_categories public.place_category[] default null,
	p_limit integer default 50
)
returns table (place public.curated_places, distance_m double precision)
language sql
stable
security invoker
set search_path = ''
as $$
	select * from private.places_near(p_lon, p_lat, p_radius_m, p_categories, p_limit)
$$;
