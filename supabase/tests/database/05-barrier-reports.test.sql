-- Barrier reports: anyone submits (once per client-generated id, rate-limited per device); not public
-- until moderated; reporters see and withdraw their own; planners triage their own area.
begin;
select plan(30);
select tests.create_cast();

-- insert
select tests.clear_authentication();
select lives_ok($$insert into public.barrier_reports (id, kind, description, location, client_id)
	values ('00000000-0000-4000-8000-0000000000b1', 'broken_sidewalk', 'Stoeptegels los', tests.geojson(tests.pt(4.7705, 51.2025)),
		'00000000-0000-4000-8000-00000000c001')$$, 'anon submits a report');
select throws_ok($$insert into public.barrier_reports (id, kind, description, location, client_id)
	values ('00000000-0000-4000-8000-0000000000b1', 'other', 'Tweede keer', tests.geojson(tests.pt(4.7705, 51.2025)),
		'00000000-0000-4000-8000-00000000c001')$$, '23505', null, 'a retried submission (same id) is refused as a duplicate');
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id, status)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid(), 'resolved')$$,
	'42501', null, 'anon cannot set a status');
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.35, 50.85)), gen_random_uuid())$$,
	'23514', null, 'a report outside every served area is refused');
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'teleporter', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid())$$,
	'22P02', null, 'an unknown barrier type is refused');
select throws_ok($$insert into public.barrier_reports (id, kind, description, location, client_id)
	values (gen_random_uuid(), 'other', E'<img src=x onerror=alert(1)>', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid())$$,
	'23514', null, 'markup in a description is refused');
select throws_ok($$insert into public.barrier_reports (id, kind, description, location, client_id)
	values (gen_random_uuid(), 'other', repeat('x', 1001), tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid())$$,
	'23514', null, 'an over-long description is refused');
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'blocked_path', tests.geojson(extensions.st_geomfromtext('LINESTRING(4.77 51.20, 4.90 51.27)', 4326)), gen_random_uuid())$$,
	'23514', null, 'a stretch longer than 2 km is refused');
select lives_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values ('00000000-0000-4000-8000-0000000000b2', 'narrow_path',
		tests.geojson(extensions.st_geomfromtext('LINESTRING(4.7700 51.2020, 4.7710 51.2024)', 4326)), '00000000-0000-4000-8000-00000000c001')$$,
	'anon reports a stretch of street as a line');
select tests.authenticate_as('resident');
select lives_ok($$insert into public.barrier_reports (id, kind, description, location, client_id)
	values ('00000000-0000-4000-8000-0000000000b3', 'no_bench', 'Geen bank tot aan de kerk', tests.geojson(tests.pt(4.7710, 51.2030)),
		'00000000-0000-4000-8000-00000000c002')$$, 'a resident submits a report');
select tests.as_superuser();
select is((select area_id from public.barrier_reports where id = '00000000-0000-4000-8000-0000000000b3'),
	tests.area('vorselaar'), 'the report is filed under the area it lies in');
select is((select reporter_id from public.barrier_reports where id = '00000000-0000-4000-8000-0000000000b3'),
	tests.get_supabase_uid('resident'), 'and under its reporter');

-- rate limit: 20 per hour per device
select tests.clear_authentication();
select lives_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	select gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), '00000000-0000-4000-8000-00000000c0ff'
	from generate_series(1, 20)$$, '20 reports in an hour from one device are accepted');
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), '00000000-0000-4000-8000-00000000c0ff')$$,
	'PT429', null, 'the 21st is refused (rate limit)');

-- select
select is((select count(*) from public.barrier_reports where created_at = now()), 0::bigint, 'anon reads no unmoderated reports');
select throws_ok($$select reporter_id from public.barrier_reports$$, '42501', null, 'nobody reads reporter ids');
select tests.authenticate_as('resident');
select results_eq($$select id from public.my_barrier_reports()$$, array['00000000-0000-4000-8000-0000000000b3'::uuid],
	'a resident reads their own reports');
select tests.authenticate_as('other_resident');
select is((select count(*) from public.barrier_reports where created_at = now()), 0::bigint, 'another resident reads none of them');
select tests.authenticate_as('coord_lille');
select is((select count(*) from public.barrier_reports where created_at = now()), 0::bigint, 'another area''s coordinator reads none');
select tests.authenticate_as('planner_vorselaar');
select is((select count(*) from public.barrier_reports where created_at = now()), 23::bigint, 'the area''s planner reads all of them');

-- update: triage and withdrawal
select is(tests.affected_rows($$update public.barrier_reports set status = 'acknowledged', planner_note = 'Doorgegeven aan de technische dienst'
	where id = '00000000-0000-4000-8000-0000000000b1'$$), 1::bigint, 'the area''s planner acknowledges a report');
select throws_ok($$update public.barrier_reports set status = 'new' where id = '00000000-0000-4000-8000-0000000000b1'$$,
	'23514', null, 'a status cannot go back to new');
select tests.authenticate_as('planner_lille');
select is(tests.affected_rows($$update public.barrier_reports set status = 'rejected' where created_at = now()$$), 0::bigint,
	'another area''s planner triages nothing');
select tests.clear_authentication();
select results_eq($$select id from public.barrier_reports where created_at = now()$$, array['00000000-0000-4000-8000-0000000000b1'::uuid],
	'anon reads a report once it is acknowledged');
select tests.authenticate_as('other_resident');
select is(tests.affected_rows($$update public.barrier_reports set status = 'withdrawn' where created_at = now()$$), 0::bigint,
	'a resident cannot withdraw someone else''s report');
select tests.authenticate_as('resident');
select throws_ok($$update public.barrier_reports set status = 'acknowledged' where id = '00000000-0000-4000-8000-0000000000b3'$$,
	'42501', null, 'a resident cannot triage their own report');
select is(tests.affected_rows($$update public.barrier_reports set status = 'withdrawn' where id = '00000000-0000-4000-8000-0000000000b3'$$),
	1::bigint, 'a resident withdraws their own new report');
select tests.as_superuser();
select isnt((select withdrawn_at from public.barrier_reports where id = '00000000-0000-4000-8000-0000000000b3'),
	null, 'with the time it was withdrawn');

-- delete: nobody through the API
select tests.authenticate_as('planner_vorselaar');
select throws_ok($$delete from public.barrier_reports$$, '42501', null, 'a planner cannot erase reports');
select tests.clear_authentication();
select throws_ok($$delete from public.barrier_reports$$, '42501', null, 'anon cannot erase reports');

select * from finish();
rollback;
