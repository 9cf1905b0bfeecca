-- Curated places: public ones for everyone, drafts for the area team, written only by the
-- coordinators of the area.
begin;
select plan(20);

select tests.create_supabase_user('resident');
select tests.create_supabase_user('coord_vorselaar');
select tests.create_supabase_user('coord_lille');
select tests.create_supabase_user('planner_vorselaar');
insert into public.memberships (area_id, user_id, role) values
	((select id from public.areas where slug = 'vorselaar'), tests.get_supabase_uid('coord_vorselaar'), 'coordinator'),
	((select id from public.areas where slug = 'lille'), tests.get_supabase_uid('coord_lille'), 'coordinator'),
	((select id from public.areas where slug = 'vorselaar'), tests.get_supabase_uid('planner_vorselaar'), 'planner');

-- one public place and one draft in Vorselaar (ids fixed for the checks below)
insert into public.curated_places (id, area_id, name, categories, location, source, visibility) values
	('00000000-0000-4000-8000-000000000001', (select id from public.areas where slug = 'vorselaar'),
		'Dorpsdienst Vorselaar', '{village_service}', tests.geojson(tests.pt(4.7705, 51.2025)),
		'pgTAP fixture', 'public'),
	('00000000-0000-4000-8000-000000000002', (select id from public.areas where slug = 'vorselaar'),
		'Burenhulp (concept)', '{neighbour_help}', tests.geojson(tests.pt(4.7710, 51.2030)),
		'pgTAP fixture', 'area_team');

-- anon
select tests.clear_authentication();
select results_eq($$select name from public.curated_places where created_at = now() order by name$$,
	array['Dorpsdienst Vorselaar'], 'anon reads public places only');
select throws_ok(
	$$insert into public.curated_places (area_id, name, categories, location, source)
		select id, 'X', '{bench}', tests.geojson(tests.pt(4.77, 51.2)), 'x' from public.areas limit 1$$,
	'42501', null, 'anon cannot insert places');
select throws_ok($$update public.curated_places set name = 'X'$$, '42501', null, 'anon cannot update places');
select throws_ok($$delete from public.curated_places$$, '42501', null, 'anon cannot delete places');

-- resident (signed in, no membership)
select tests.authenticate_as('resident');
select results_eq($$select name from public.curated_places where created_at = now() order by name$$,
	array['Dorpsdienst Vorselaar'], 'a resident reads public places only');
select throws_ok(
	$$insert into public.curated_places (area_id, name, categories, location, source)
		select id, 'X', '{bench}', tests.geojson(tests.pt(4.77, 51.2)), 'x' from public.areas where slug = 'vorselaar'$$,
	'42501', null, 'a resident cannot insert places');
update public.curated_places set name = 'Hacked';
select is((select count(*) from public.curated_places where name = 'Hacked'), 0::bigint,
	'a resident updates nothing');

-- coordinator of the area
select tests.authenticate_as('coord_vorselaar');
select results_eq($$select name from public.curated_places where created_at = now() order by name$$,
	array['Burenhulp (concept)', 'Dorpsdienst Vorselaar'], 'the area''s coordinator reads drafts too');
select lives_ok(
	$$insert into public.curated_places (area_id, name, categories, target_groups, care_functions, location, source)
		select id, 'Mantelzorgcafé', '{informal_care_support}', '{informal_carers}', '{social_networks}',
			tests.geojson(tests.pt(4.772, 51.203)), 'pgTAP fixture'
		from public.areas where slug = 'vorselaar'$$,
	'the area''s coordinator adds a place');
select lives_ok($$update public.curated_places set visibility = 'public' where id = '00000000-0000-4000-8000-000000000002'$$,
	'the area''s coordinator publishes a draft');
select lives_ok($$delete from public.curated_places where name = 'Mantelzorgcafé'$$,
	'the area''s coordinator removes a place');
select throws_ok(
	$$insert into public.curated_places (area_id, name, categories, location, source)
		select id, 'X', '{bench}', tests.geojson(tests.pt(4.85, 51.25)), 'x' from public.areas where slug = 'lille'$$,
	'42501', null, 'a coordinator cannot add a place to another area');

-- coordinator of another area
select tests.authenticate_as('coord_lille');
select results_eq($$select name from public.curated_places where created_at = now() order by name$$,
	array['Burenhulp (concept)', 'Dorpsdienst Vorselaar'], 'another area''s coordinator reads only public places');
update public.curated_places set name = 'Hacked';
delete from public.curated_places;
select tests.as_superuser();
select is((select count(*) from public.curated_places where name <> 'Hacked' and created_at = now()), 2::bigint,
	'another area''s coordinator changes and removes nothing');

-- planner of the area: reads the team's places, does not manage them
select tests.authenticate_as('planner_vorselaar');
select is((select count(*) from public.curated_places where created_at = now()), 2::bigint, 'the area''s planner reads its places');
delete from public.curated_places;
select tests.as_superuser();
select is((select count(*) from public.curated_places where created_at = now()), 2::bigint, 'the area''s planner removes nothing');

-- bad input is refused by the database, as every role
select tests.authenticate_as('coord_vorselaar');
select throws_ok(
	$$insert into public.curated_places (area_id, name, categories, location, source)
		select id, 'Ergens', '{bench}', tests.geojson(tests.pt(2.35, 48.85)), 'x' from public.areas where slug = 'vorselaar'$$,
	'22023', null, 'a place outside Belgium is refused');
select throws_ok(
	$$insert into public.curated_places (area_id, name, categories, location, source)
		select id, 'Ergens', '{spaceship}', tests.geojson(tests.pt(4.77, 51.2)), 'x' from public.areas where slug = 'vorselaar'$$,
	'22P02', null, 'an unknown category is refused');
select throws_ok(
	$$insert into public.curated_places (area_id, name, categories, location, source)
		select id, '<script>alert(1)</script>', '{bench}', tests.geojson(tests.pt(4.77, 51.2)), 'x' from public.areas where slug = 'vorselaar'$$,
	'23514', null, 'markup in a name is refused');
select throws_ok(
	$$insert into public.curated_places (area_id, name, categories, location, source)
		select id, repeat('a', 201), '{bench}', tests.geojson(tests.pt(4.77, 51.2)), 'x' from public.areas where slug = 'vorselaar'$$,
	'23514', null, 'an over-long name is refused');

select * from finish();
rollback;
