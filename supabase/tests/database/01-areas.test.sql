-- Areas and neighbourhoods: reference data that everyone reads and only the service role writes.
begin;
select plan(13);

select tests.create_supabase_user('resident');

-- the seed: the two municipalities of the sample, with their wijken
select is((select count(*) from public.areas where nis_code in ('13044', '13019')), 2::bigint,
	'seed: Vorselaar and Lille are areas');
select is((select sum(population) from public.areas), 24390::bigint,
	'seed: Vorselaar and Lille had 24,390 inhabitants (Statbel, 1 January 2019)');
select is((select sum(population) from public.neighbourhoods), 24385::bigint,
	'seed: the six wijken hold 24,385 of them (5 are not localised in a sector)');

select tests.clear_authentication();
select is((select count(*) from public.areas), 2::bigint, 'anon reads areas');
select is((select count(*) from public.neighbourhoods), 6::bigint, 'anon reads neighbourhoods');
select throws_ok(
	$$insert into public.areas (slug, name, boundary) select 'x', 'X', boundary from public.areas limit 1$$,
	'42501', null, 'anon cannot insert areas');
select throws_ok($$update public.areas set name = 'X'$$, '42501', null, 'anon cannot update areas');
select throws_ok($$delete from public.neighbourhoods$$, '42501', null, 'anon cannot delete neighbourhoods');

select tests.authenticate_as('resident');
select is((select count(*) from public.areas), 2::bigint, 'a signed-in user reads areas');
select throws_ok($$update public.neighbourhoods set population = 0$$, '42501', null,
	'a signed-in user cannot update neighbourhoods');

-- bad geometry is refused by the checks, even for the service role
select tests.authenticate_as_service_role();
select throws_ok(
	$$insert into public.areas (slug, name, boundary) values ('paris', 'Paris',
		extensions.st_multi(extensions.st_buffer(extensions.st_setsrid(extensions.st_makepoint(2.35, 48.85), 4326), 0.01)))$$,
	'23514', null, 'an area outside Belgium is refused');
select throws_ok(
	$$insert into public.areas (slug, name, boundary) values ('bowtie', 'Bowtie',
		extensions.st_multi(extensions.st_geomfromtext('POLYGON((4.8 51.2, 4.81 51.21, 4.81 51.2, 4.8 51.21, 4.8 51.2))', 4326)))$$,
	'23514', null, 'a self-intersecting boundary is refused');
select throws_ok(
	$$insert into public.areas (slug, name, boundary) select 'bad slug', 'X', boundary from public.areas limit 1$$,
	'23514', null, 'a malformed slug is refused');

select * from finish();
rollback;
