-- Writes into another area. A coordinator could publish a curated place located in another area
-- (whose team could then neither edit nor remove it), and could write analysis summaries and cells
-- directly, skipping what save_analysis() checks.
-- Now: (1) a curated place lies within its area's boundary, with a buffer of 100 m (a place on the
-- border street), checked on insert and on every update of area or location, for every role;
-- (2) analysis summaries and cells are written only by save_analysis(), which checks every
-- invariant (the analysis is the caller's own, just created, every summary is of a neighbourhood
-- of the analysed area, every cell a well-formed polygon); a direct insert is refused (42501).

create function private.curated_place_in_area()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not exists (
		select 1 from public.areas as a
		where a.id = new.area_id
			and extensions.st_dwithin(a.boundary::extensions.geography, new.location::extensions.geography, 100)
	) then
		raise exception 'curated place: the location lies outside its area (more than 100 m from its boundary)'
			using errcode = '23514',
			detail = jsonb_build_object('kind', 'outside_area', 'field', 'location', 'buffer_m', 100)::text;
	end if;
	return new;
end;
$$;
revoke execute on function private.curated_place_in_area() from public, anon, authenticated;
create trigger curated_places_in_area before insert or update of area_id, location on public.curated_places
	for each row execute function private.curated_place_in_area();

-- a summary's neighbourhood belongs to the analysed area, whoever writes it
create function private.analysis_summary_in_area()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not exists (
		select 1 from public.saved_analyses as a
		join public.neighbourhoods as n on n.area_id = a.area_id
		where a.id = new.analysis_id and n.id = new.neighbourhood_id
	) then
		raise exception 'analysis summary: the neighbourhood is not in the analysed area'
			using errcode = '23514', detail = '{"kind": "outside_area", "field": "neighbourhood_id"}';
	end if;
	return new;
end;
$$;
revoke execute on function private.analysis_summary_in_area() from public, anon, authenticated;
create trigger analysis_summaries_in_area before insert or update on public.analysis_summaries
	for each row execute function private.analysis_summary_in_area();

revoke insert on public.analysis_summaries, public.analysis_cells from authenticated;
drop policy "analysis summaries: written by the analysis' creator" on public.analysis_summaries;
drop policy "analysis cells: written by the analysis' creator" on public.analysis_cells;

-- Writes the summaries and cells of an analysis the caller has just created through
-- save_analysis (their own, coordinator of its area, no children yet). Security definer: the
-- child tables are not writable by the API roles.
create function private.write_analysis_children(p_analysis_id uuid, p_summaries jsonb, p_cells jsonb)
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
		g := private.geometry_from_geojson(c.value -> 'geometry', format('cells[%s].geometry', c.ordinality - 1));
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
revoke execute on function private.write_analysis_children(uuid, jsonb, jsonb) from public, anon;
grant execute on function private.write_analysis_children(uuid, jsonb, jsonb) to authenticated;

create or replace function public.save_analysis(
	p_area_id uuid,
	p_name text,
	p_parameters jsonb,
	p_engine_version text,
	p_data_version text,
	p_summaries jsonb default '[]',
	p_cells jsonb default '[]',
	p_visibility public.visibility default 'private',
	p_description text default '',
	p_id uuid default null
)
returns uuid
language plpgsql
security invoker
set search_path = ''
as $$
declare
	new_id uuid;
begin
	if jsonb_typeof(p_summaries) is distinct from 'array' then
		raise exception 'save_analysis: p_summaries must be a JSON array'
			using errcode = '22023', detail = '{"kind": "invalid", "field": "p_summaries"}';
	end if;
	if jsonb_typeof(p_cells) is distinct from 'array' then
		raise exception 'save_analysis: p_cells must be a JSON array'
			using errcode = '22023', detail = '{"kind": "invalid", "field": "p_cells"}';
	end if;
	if jsonb_array_length(p_cells) > 100000 then
		raise exception 'save_analysis: at most 100000 cells, got %', jsonb_array_length(p_cells)
			using errcode = '22023', detail = jsonb_build_object('kind', 'too_many', 'field', 'p_cells', 'max', 100000)::text;
	end if;

	-- as the caller: the policies of saved_analyses decide who may save for which area
	insert into public.saved_analyses (id, area_id, name, description, parameters, engine_version, data_version, visibility)
	values (coalesce(p_id, gen_random_uuid()), p_area_id, p_name, p_description, p_parameters,
		p_engine_version, p_data_version, p_visibility)
	returning id into new_id;

	perform private.write_analysis_children(new_id, p_summaries, p_cells);
	return new_id;
end;
$$;
