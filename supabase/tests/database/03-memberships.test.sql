-- Memberships: admins manage their area's team; members see their team; nobody sees other areas'.
begin;
select plan(17);
select tests.create_cast();

-- select
select tests.clear_authentication();
select throws_ok($$select * from public.memberships$$, '42501', null, 'anon cannot read memberships');
select tests.authenticate_as('resident');
select is((select count(*) from public.memberships where created_at = now()), 0::bigint, 'a resident without membership sees none');
select tests.authenticate_as('coord_vorselaar');
select is((select count(*) from public.memberships where created_at = now()), 3::bigint, 'a coordinator sees the team of their area');
select is((select count(*) from public.memberships where area_id = tests.area('lille')), 0::bigint,
	'a coordinator does not see another area''s team');
select tests.authenticate_as('planner_vorselaar');
select is((select count(*) from public.memberships where area_id = tests.area('vorselaar') and created_at = now()), 3::bigint,
	'a planner sees the team of their area');

-- insert
select tests.authenticate_as('admin_vorselaar');
select lives_ok($$insert into public.memberships (area_id, user_id, role)
	values (tests.area('vorselaar'), tests.get_supabase_uid('resident'), 'coordinator')$$,
	'the area''s admin adds a coordinator');
select throws_ok($$insert into public.memberships (area_id, user_id, role)
	values (tests.area('lille'), tests.get_supabase_uid('resident'), 'coordinator')$$,
	'42501', null, 'an admin cannot add to another area');
select tests.authenticate_as('coord_vorselaar');
select throws_ok($$insert into public.memberships (area_id, user_id, role)
	values (tests.area('vorselaar'), tests.get_supabase_uid('other_resident'), 'admin')$$,
	'42501', null, 'a coordinator cannot add members (nor make themselves admin)');
select tests.authenticate_as('resident');
select throws_ok($$insert into public.memberships (area_id, user_id, role)
	values (tests.area('vorselaar'), tests.get_supabase_uid('resident'), 'planner')$$,
	'42501', null, 'a resident cannot make themselves planner');
select tests.clear_authentication();
select throws_ok($$insert into public.memberships (area_id, user_id, role)
	values (tests.area('vorselaar'), tests.get_supabase_uid('resident'), 'planner')$$,
	'42501', null, 'anon cannot add members');

-- update
select tests.authenticate_as('admin_vorselaar');
select is(tests.affected_rows($$update public.memberships set role = 'planner'
	where user_id = tests.get_supabase_uid('resident')$$), 1::bigint, 'the area''s admin changes a role');
select tests.authenticate_as('coord_lille');
select is(tests.affected_rows($$update public.memberships set role = 'admin'$$), 0::bigint,
	'another area''s coordinator changes no role');
select tests.authenticate_as('coord_vorselaar');
select is(tests.affected_rows($$update public.memberships set role = 'admin'
	where user_id = tests.get_supabase_uid('coord_vorselaar')$$), 0::bigint,
	'a coordinator cannot promote themselves');

-- delete
select tests.authenticate_as('planner_vorselaar');
select is(tests.affected_rows($$delete from public.memberships$$), 0::bigint, 'a planner removes nobody');
select tests.authenticate_as('coord_lille');
select is(tests.affected_rows($$delete from public.memberships where area_id = tests.area('vorselaar')$$),
	0::bigint, 'another area''s coordinator removes nobody');
select tests.authenticate_as('admin_vorselaar');
select is(tests.affected_rows($$delete from public.memberships
	where user_id = tests.get_supabase_uid('resident')$$), 1::bigint, 'the area''s admin removes a member');
select tests.clear_authentication();
select throws_ok($$delete from public.memberships$$, '42501', null, 'anon cannot remove members');

select * from finish();
rollback;
