-- Curated places: what OpenStreetMap lacks (burenhulp, dorpsdienst, mantelzorg support, volunteer
-- visiting services...), added by the coordinators of an area, with target groups and the care
-- functions they serve. Public places are read by everyone; drafts (area_team) only by the team.
-- Coordinators of the area manage them; nobody else writes.

-- One taxonomy: these ids must match the category ids defined in the app's code.
create type public.place_category as enum (
	'gp', 'pharmacy', 'home_care', 'dentist', 'physiotherapist', 'hospital', 'local_service_centre',
	'residential_care', 'social_services', 'mental_health', 'childcare', 'supermarket', 'bakery',
	'daily_shop', 'meeting_place', 'bench', 'toilets', 'public_transport', 'accessible_parking',
	'neighbour_help', 'informal_care_support', 'volunteer_visiting', 'village_service'
);
-- The eight functions of neighbourhood care direction (buurtzorgregie, VVSG).
create type public.care_function as enum (
	'neighbourhood_analysis', 'partnerships', 'awareness_information', 'social_networks',
	'valued_roles', 'detecting_care_needs', 'guidance_to_care', 'policy_advice'
);
create type public.target_group as enum (
	'everyone', 'older_people', 'people_with_disability', 'informal_carers', 'families_with_children',
	'young_people', 'people_in_poverty', 'newcomers'
);
create type public.wheelchair_access as enum ('yes', 'limited', 'no');

create table public.curated_places (
	id uuid primary key default gen_random_uuid(),
	area_id uuid not null references public.areas (id) on delete cascade,
	name text not null,
	description text not null default '',
	categories public.place_category[] not null,
	target_groups public.target_group[] not null default '{}',
	care_functions public.care_function[] not null default '{}',
	address text,
	phone text,
	email text,
	website text,
	opening_hours text,
	wheelchair public.wheelchair_access,
	location extensions.geometry(Point, 4326) not null,
	source text not null,
	verified_at timestamptz not null default now(),
	visibility public.visibility not null default 'area_team',
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	constraint curated_places_name_length check (char_length(name) between 1 and 200),
	constraint curated_places_name_clean check (
		name = btrim(name) and name !~ '[\x01-\x1f\x7f\u202a-\u202e\u2066-\u2069]' and name !~ '<[a-zA-Z/!?]'
	),
	constraint curated_places_description_length check (char_length(description) <= 2000),
	constraint curated_places_description_clean check (
		description !~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]' and description !~ '<[a-zA-Z/!?]'
	),
	constraint curated_places_categories_count check (cardinality(categories) between 1 and 8),
	constraint curated_places_target_groups_count check (cardinality(target_groups) <= 8),
	constraint curated_places_care_functions_count check (cardinality(care_functions) <= 8),
	constraint curated_places_address_clean check (
		char_length(address) between 1 and 300 and address !~ '[\x01-\x1f\x7f\u202a-\u202e\u2066-\u2069]' and address !~ '<[a-zA-Z/!?]'
	),
	constraint curated_places_phone_format check (phone ~ '^\+?[0-9 ./()-]{6,30}$'),
	constraint curated_places_email_format check (
		char_length(email) <= 254 and email ~ '^[^@\s<>]+@[^@\s<>]+\.[a-zA-Z]{2,}$'
	),
	constraint curated_places_website_format check (
		char_length(website) <= 500 and website ~ '^https?://[^\s<>"]+$'
	),
	constraint curated_places_opening_hours_clean check (
		char_length(opening_hours) between 1 and 500 and opening_hours !~ '[\x01-\x1f\x7f<>]'
	),
	constraint curated_places_source_length check (char_length(source) between 1 and 300),
	constraint curated_places_source_clean check (
		source !~ '[\x01-\x1f\x7f\u202a-\u202e\u2066-\u2069]' and source !~ '<[a-zA-Z/!?]'
	),
	constraint curated_places_visibility_shared check (visibility in ('area_team', 'public')),
	constraint curated_places_location_valid check (extensions.st_isvalid(location)),
	constraint curated_places_location_within_belgium check (
		extensions.st_coveredby(location, extensions.st_makeenvelope(2.54, 49.49, 6.41, 51.51, 4326))
	)
);
comment on table public.curated_places is
	'Places and initiatives that coordinators add for what OpenStreetMap lacks. Public ones are on the map for everyone.';
create index curated_places_area_id_idx on public.curated_places (area_id);
create index curated_places_created_by_idx on public.curated_places (created_by);
create index curated_places_visibility_idx on public.curated_places (visibility);
create index curated_places_location_idx on public.curated_places using gist (location);

-- keeps updated_at current; created_by and created_at cannot be rewritten
create function private.touch_row()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.updated_at := now();
	new.created_at := old.created_at;
	new.created_by := old.created_by;
	return new;
end;
$$;
create trigger curated_places_touch before update on public.curated_places
	for each row execute function private.touch_row();

alter table public.curated_places enable row level security;
revoke all on public.curated_places from anon, authenticated;
grant select on public.curated_places to anon;
grant select, insert, update, delete on public.curated_places to authenticated;
grant all on public.curated_places to service_role;

create policy "curated places: anon reads public ones" on public.curated_places
	for select to anon
	using (visibility = 'public');
create policy "curated places: public ones, and all of my areas" on public.curated_places
	for select to authenticated
	using (
		visibility = 'public'
		or area_id in (select private.my_area_ids('{coordinator,planner,admin}'))
	);
create policy "curated places: coordinators add to their areas" on public.curated_places
	for insert to authenticated
	with check (area_id in (select private.my_area_ids('{coordinator}')));
create policy "curated places: coordinators change those of their areas" on public.curated_places
	for update to authenticated
	using (area_id in (select private.my_area_ids('{coordinator}')))
	with check (area_id in (select private.my_area_ids('{coordinator}')));
create policy "curated places: coordinators remove those of their areas" on public.curated_places
	for delete to authenticated
	using (area_id in (select private.my_area_ids('{coordinator}')));
