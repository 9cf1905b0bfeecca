-- Spatial RPC: the curated places the caller may see within a radius of a point, nearest first.
-- Security invoker: the policies of curated_places apply. Distances in metres on the spheroid.
create function public.places_near(
	p_lon double precision,
	p_lat double precision,
	p_radius_m double precision default 1000,
	p_categories public.place_category[] default null,
	p_limit integer default 50
)
returns table (place public.curated_places, distance_m double precision)
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
	origin extensions.geometry := extensions.st_setsrid(extensions.st_makepoint(p_lon, p_lat), 4326);
begin
	if p_lon is null or p_lat is null or not extensions.st_coveredby(origin,
		extensions.st_makeenvelope(2.54, 49.49, 6.41, 51.51, 4326)) then
		raise exception 'places_near: (%, %) is not a point in Belgium', p_lon, p_lat using errcode = '22023';
	end if;
	if p_radius_m is null or p_radius_m <= 0 or p_radius_m > 50000 then
		raise exception 'places_near: p_radius_m must be in (0, 50000] metres, got %', p_radius_m using errcode = '22023';
	end if;
	if p_limit is null or p_limit < 1 or p_limit > 500 then
		raise exception 'places_near: p_limit must be in [1, 500], got %', p_limit using errcode = '22023';
	end if;
	return query
	select p, extensions.st_distance(p.location::extensions.geography, origin::extensions.geography)
	from public.curated_places as p
	where extensions.st_dwithin(p.location::extensions.geography, origin::extensions.geography, p_radius_m)
		and (p_categories is null or p.categories && p_categories)
	order by 2, p.id
	limit p_limit;
end;
$$;
grant execute on function public.places_near(double precision, double precision, double precision, public.place_category[], integer)
	to anon, authenticated, service_role;
