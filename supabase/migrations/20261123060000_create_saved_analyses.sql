-- Saved analyses: a coordinator names and keeps a gap analysis of their area (parameters, engine
-- and data versions, summaries per neighbourhood, the overlay cells as geometry) to share and to
-- compare over time. Saved atomically through public.save_analysis(); private ones are seen only by
-- their creator, area_team ones by the area's members, public ones by everyone.

create table public.saved_analyses (
	id uuid primary key default gen_random_uuid(),
	area_id uuid not null references public.areas (id) on delete cascade,
	name text not null,
	description text not null default '',
	parameters jsonb not null,
	engine_version text not null,
	data_version text not null,
	visibility public.visibility not null default 'private',
	created_by uuid not null default auth.uid() references auth.users (id) on delete cascade,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint saved_analyses_name_length check (char_length(name) between 1 and 120),
	constraint saved_analyses_name_clean check (
		name = btrim(name) and name !~ '[\x01-\x1f\x7f\u202a-\u202e\u2066-\u2069]' and name !~ '<[a-zA-Z/!?]'
	),
	constraint saved_analyses_description_length check (char_length(description) <= 2000),
	constraint saved_analyses_description_clean check (
		description !~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]' and description !~ '<[a-zA-Z/!?]'
	),
	constraint saved_analyses_parameters_object check (
		jsonb_typeof(parameters) = 'object' and pg_column_size(parameters) <= 65536
	),
	constraint saved_analyses_engine_version_format check (engine_version ~ '^[0-9A-Za-z.+_-]{1,40}$'),
	constraint saved_analyses_data_version_format check (data_version ~ '^[0-9A-Za-z.:+_/-]{1,80}$')
);
comment on table public.saved_analyses is
	'Named gap analyses of an area, kept to share and to compare over time (monitoring).';
create index saved_analyses_area_id_idx on public.saved_analyses (area_id);
create index saved_analyses_created_by_idx on public.saved_analyses (created_by);
create trigger saved_analyses_touch before update on public.saved_analyses
	for each row execute function private.touch_row();

create table public.analysis_summaries (
	analysis_id uuid not null references public.saved_analyses (id) on delete cascade,
	neighbourhood_id uuid not null references public.neighbourhoods (id) on delete cascade,
	summary jsonb not null,
	primary key (analysis_id, neighbourhood_id),
	constraint analysis_summaries_summary_object check (
		jsonb_typeof(summary) = 'object' and pg_column_size(summary) <= 16384
	)
);
comment on table public.analysis_summaries is
	'Per neighbourhood figures of a saved analysis (people and older people beyond the norm, per category).';
create index analysis_summaries_neighbourhood_id_idx on public.analysis_summaries (neighbourhood_id);

create table public.analysis_cells (
	analysis_id uuid not null references public.saved_analyses (id) on delete cascade,
	cell_index integer not null,
	cell extensions.geometry(Polygon, 4326) not null,
	value double precision,
	properties jsonb not null default '{}',
	primary key (analysis_id, cell_index),
	constraint analysis_cells_cell_index_range check (cell_index >= 0),
	constraint analysis_cells_cell_valid check (extensions.st_isvalid(cell)),
	constraint analysis_cells_cell_within_belgium check (
		extensions.st_coveredby(cell, extensions.st_makeenvelope(2.54, 49.49, 6.41, 51.51, 4326))
	),
	constraint analysis_cells_cell_size check (
		extensions.st_npoints(cell) <= 64 and extensions.st_area(cell::extensions.geography) <= 1e6
	),
	constraint analysis_cells_value_finite check (value not in ('NaN', 'Infinity', '-Infinity')),
	constraint analysis_cells_properties_object check (
		jsonb_typeof(properties) = 'object' and pg_column_size(properties) <= 2048
	)
);
comment on table public.analysis_cells is
	'Overlay cells of a saved analysis (value: distance in metres or shortfall, as the parameters say).';
create index analysis_cells_cell_idx on public.analysis_cells using gist (cell);

alter table public.saved_analyses enable row level security;
alter table public.analysis_summaries enable row level security;
alter table public.analysis_cells enable row level security;
revoke all on public.saved_analyses, public.analysis_summaries, public.analysis_cells from anon, authenticated;
grant select on public.saved_analyses, public.analysis_summaries, public.analysis_cells to anon;
grant select, insert, delete on public.saved_analyses to authenticated;
grant update (name, description, visibility) on public.saved_analyses to authenticated;
grant select, insert on public.analysis_summaries, public.analysis_cells to authenticated;
grant all on public.saved_analyses, public.analysis_summaries, public.analysis_cells to service_role;

create policy "saved analyses: anon reads published ones" on public.saved_analyses
	for select to anon
	using (visibility = 'public');
create policy "saved analyses: published, my own, and my areas' shared ones" on public.saved_analyses
	for select to authenticated
	using (
		visibility = 'public'
		or created_by = (select auth.uid())
		or (visibility = 'area_team' and area_id in (select private.my_area_ids('{coordinator,planner,admin}')))
	);
create policy "saved analyses: coordinators save for their areas" on public.saved_analyses
	for insert to authenticated
	with check (
		created_by = (select auth.uid())
		and area_id in (select private.my_area_ids('{coordinator}'))
	);
create policy "saved analyses: coordinators change their areas' shared ones and their own" on public.saved_analyses
	for update to authenticated
	using (
		area_id in (select private.my_area_ids('{coordinator}'))
		and (created_by = (select auth.uid()) or visibility <> 'private')
	)
	with check (area_id in (select private.my_area_ids('{coordinator}')));
create policy "saved analyses: coordinators remove their areas' shared ones and their own" on public.saved_analyses
	for delete to authenticated
	using (
		area_id in (select private.my_area_ids('{coordinator}'))
		and (created_by = (select auth.uid()) or visibility <> 'private')
	);

-- Children follow their analysis: visible when it is (its policies apply in the subquery), written
-- once by its creator (through save_analysis), removed with it (on delete cascade), never changed.
create policy "analysis summaries: as visible as their analysis" on public.analysis_summaries
	for select to anon, authenticated
	using (analysis_id in (select a.id from public.saved_analyses as a));
create policy "analysis summaries: written by the analysis' creator" on public.analysis_summaries
	for insert to authenticated
	with check (analysis_id in (select a.id from public.saved_analyses as a where a.created_by = (select auth.uid())));
create policy "analysis cells: as visible as their analysis" on public.analysis_cells
	for select to anon, authenticated
	using (analysis_id in (select a.id from public.saved_analyses as a));
create policy "analysis cells: written by the analysis' creator" on public.analysis_cells
	for insert to authenticated
	with check (analysis_id in (select a.id from public.saved_analyses as a where a.created_by = (select auth.uid())));

-- Saves an analysis with its summaries and cells in one transaction: all or nothing.
-- p_id: optional client-generated id (a retried save then fails as a duplicate instead of saving twice).
-- p_summaries: [{"neighbourhood_id": uuid, "summary": {...}}, ...]
-- p_cells: [{"geometry": GeoJSON Polygon, "value": number|null, "properties": {...}}, ...] (cell_index = position)
-- Security invoker: every insert goes through the policies above as the caller.
create function public.save_analysis(
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
		raise exception 'save_analysis: p_summaries must be a JSON array' using errcode = '22023';
	end if;
	if jsonb_typeof(p_cells) is distinct from 'array' then
		raise exception 'save_analysis: p_cells must be a JSON array' using errcode = '22023';
	end if;
	if jsonb_array_length(p_cells) > 100000 then
		raise exception 'save_analysis: at most 100000 cells, got %', jsonb_array_length(p_cells)
			using errcode = '22023';
	end if;

	insert into public.saved_analyses (id, area_id, name, description, parameters, engine_version, data_version, visibility)
	values (coalesce(p_id, gen_random_uuid()), p_area_id, p_name, p_description, p_parameters,
		p_engine_version, p_data_version, p_visibility)
	returning id into new_id;

	insert into public.analysis_summaries (analysis_id, neighbourhood_id, summary)
	select new_id, (s ->> 'neighbourhood_id')::uuid, s -> 'summary'
	from jsonb_array_elements(p_summaries) as s;
	if exists (
		select 1 from public.analysis_summaries as x
		join public.neighbourhoods as n on n.id = x.neighbourhood_id
		where x.analysis_id = new_id and n.area_id <> p_area_id
	) then
		raise exception 'save_analysis: every summary must be of a neighbourhood of the analysed area'
			using errcode = '23514';
	end if;

	insert into public.analysis_cells (analysis_id, cell_index, cell, value, properties)
	select new_id, (c.ordinality - 1)::integer,
		extensions.st_setsrid(extensions.st_geomfromgeojson(c.value -> 'geometry'), 4326),
		(c.value ->> 'value')::double precision,
		coalesce(c.value -> 'properties', '{}')
	from jsonb_array_elements(p_cells) with ordinality as c;

	return new_id;
end;
$$;
revoke execute on function public.save_analysis from public, anon;
grant execute on function public.save_analysis to authenticated, service_role;

-- The analyses of an area the caller may see, newest first (security invoker: policies apply).
create function public.analyses_of_area(p_area_id uuid)
returns setof public.saved_analyses
language sql
stable
security invoker
set search_path = ''
as $$
	select a.* from public.saved_analyses as a
	where a.area_id = p_area_id
	order by a.created_at desc, a.id
$$;
grant execute on function public.analyses_of_area(uuid) to anon, authenticated, service_role;
