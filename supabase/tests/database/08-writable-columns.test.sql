-- Who created a row and when is set by the database, never by the client.
begin;
select plan(6);
select tests.create_cast();

select tests.authenticate_as('coord_vorselaar');
select throws_ok($$insert into public.curated_places (area_id, name, categories, location, source, created_by)
	values (tests.area('vorselaar'), 'X', '{bench}', tests.geojson(tests.pt(4.77, 51.2)), 'x', tests.get_supabase_uid('coord_lille'))$$,
	'42501', null, 'a coordinator cannot attribute a place to someone else');
select throws_ok($$insert into public.curated_places (area_id, name, categories, location, source, created_at)
	values (tests.area('vorselaar'), 'X', '{bench}', tests.geojson(tests.pt(4.77, 51.2)), 'x', '2000-01-01')$$,
	'42501', null, 'nor backdate it');
select lives_ok($$insert into public.curated_places (id, area_id, name, categories, location, source)
	values ('00000000-0000-4000-8000-0000000000f1', tests.area('vorselaar'), 'X', '{bench}', tests.geojson(tests.pt(4.77, 51.2)), 'x')$$,
	'a coordinator adds a place with a client-generated id');
select throws_ok($$update public.curated_places set id = gen_random_uuid() where id = '00000000-0000-4000-8000-0000000000f1'$$,
	'42501', null, 'but cannot change a place''s id');
select throws_ok($$insert into public.saved_analyses (area_id, name, parameters, engine_version, data_version, created_at)
	values (tests.area('vorselaar'), 'Backdated', '{}', '1', '1', '2000-01-01')$$,
	'42501', null, 'an analysis cannot be backdated');
select tests.authenticate_as('admin_vorselaar');
select throws_ok($$insert into public.memberships (area_id, user_id, role, created_by)
	values (tests.area('vorselaar'), tests.get_supabase_uid('resident'), 'planner', tests.get_supabase_uid('coord_lille'))$$,
	'42501', null, 'an admin cannot attribute a membership to someone else');

select * from finish();
rollback;
