-- Areas are the working areas of a team (a municipality or a caring neighbourhood); neighbourhoods
-- ("wijken", statistical sectors) split an area and carry the population the analysis weighs.
-- Both are reference data: everyone reads them; only the service role (seed, operations) writes.

create table public.areas (
	id uuid primary key default gen_random_uuid(),
	slug text not null unique,
	name text not null,
	nis_code text,
	population integer,
	population_year smallint,
	boundary extensions.geometry(MultiPolygon, 4326) not null,
	created_at timestamptz not null default now(),
	constraint areas_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 64),
	constraint areas_name_length check (char_length(name) between 1 and 120),
	constraint areas_name_clean check (
		name = btrim(name) and name !~ '[\x01-\x1f\x7f\u202a-\u202e\u2066-\u2069]' and name !~ '<[a-zA-Z/!?]'
	),
	constraint areas_nis_code_format check (nis_code ~ '^[0-9]{5}$'),
	constraint areas_population_range check (population between 0 and 2000000),
	constraint areas_population_year_range check (population_year between 1990 and 2100),
	constraint areas_boundary_valid check (extensions.st_isvalid(boundary)),
	constraint areas_boundary_within_belgium check (
		extensions.st_coveredby(boundary, extensions.st_makeenvelope(2.54, 49.49, 6.41, 51.51, 4326))
	),
	constraint areas_boundary_size check (
		extensions.st_npoints(boundary) <= 100000
		and extensions.st_area(boundary::extensions.geography) between 1e4 and 2e9
	)
);
comment on table public.areas is 'Working areas (municipality or caring neighbourhood). Reference data.';
comment on constraint areas_boundary_within_belgium on public.areas is
	'Bounding box of Belgium: lon 2.54..6.41, lat 49.49..51.51 (EPSG:4326).';
create index areas_boundary_idx on public.areas using gist (boundary);

create table public.neighbourhoods (
	id uuid primary key default gen_random_uuid(),
	area_id uuid not null references public.areas (id) on delete cascade,
	code text not null,
	name text not null,
	population integer,
	population_year smallint,
	boundary extensions.geometry(MultiPolygon, 4326) not null,
	created_at timestamptz not null default now(),
	constraint neighbourhoods_area_code_unique unique (area_id, code),
	constraint neighbourhoods_code_format check (code ~ '^[0-9A-Za-z_-]{1,24}$'),
	constraint neighbourhoods_name_length check (char_length(name) between 1 and 120),
	constraint neighbourhoods_name_clean check (
		name = btrim(name) and name !~ '[\x01-\x1f\x7f\u202a-\u202e\u2066-\u2069]' and name !~ '<[a-zA-Z/!?]'
	),
	constraint neighbourhoods_population_range check (population between 0 and 2000000),
	constraint neighbourhoods_population_year_range check (population_year between 1990 and 2100),
	constraint neighbourhoods_boundary_valid check (extensions.st_isvalid(boundary)),
	constraint neighbourhoods_boundary_within_belgium check (
		extensions.st_coveredby(boundary, extensions.st_makeenvelope(2.54, 49.49, 6.41, 51.51, 4326))
	),
	constraint neighbourhoods_boundary_size check (
		extensions.st_npoints(boundary) <= 100000
		and extensions.st_area(boundary::extensions.geography) between 1e2 and 2e9
	)
);
comment on table public.neighbourhoods is
	'Neighbourhoods (wijken / statistical sectors) of an area, with population. Reference data.';
create index neighbourhoods_area_id_idx on public.neighbourhoods (area_id);
create index neighbourhoods_boundary_idx on public.neighbourhoods using gist (boundary);

alter table public.areas enable row level security;
alter table public.neighbourhoods enable row level security;

-- explicit grants: read for everyone; writes only by the service role (bypasses RLS)
revoke all on public.areas, public.neighbourhoods from anon, authenticated;
grant select on public.areas, public.neighbourhoods to anon, authenticated;
grant all on public.areas, public.neighbourhoods to service_role;

create policy "areas: everyone reads" on public.areas
	for select to anon, authenticated using (true);
create policy "neighbourhoods: everyone reads" on public.neighbourhoods
	for select to anon, authenticated using (true);
