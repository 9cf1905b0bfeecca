-- Audit trail of places and report status, and the spatial RPC.
begin;
select plan(11);
select tests.create_cast();

select tests.authenticate_as('coord_vorselaar');
insert into public.curated_places (id, area_id, name, categories, location, source, visibility) values
	('00000000-0000-4000-8000-0000000000d1', tests.area('vorselaar'), 'Buurtcafé De Kroon', '{meeting_place}',
		tests.geojson(tests.pt(4.7705, 51.2025)), 'pgTAP fixture', 'public');
update public.curated_places set name = 'Buurtcafé De Kroon (dinsdag)' where id = '00000000-0000-4000-8000-0000000000d1';
select tests.clear_authentication();
insert into public.barrier_reports (id, kind, location, client_id)
	values ('00000000-0000-4000-8000-0000000000d2', 'high_kerb', tests.geojson(tests.pt(4.7706, 51.2026)), gen_random_uuid());
select tests.authenticate_as('planner_vorselaar');
update public.barrier_reports set status = 'acknowledged' where id = '00000000-0000-4000-8000-0000000000d2';

-- audit trail
select tests.authenticate_as('coord_vorselaar');
select results_eq($$select action from public.audit_events where entity_id = '00000000-0000-4000-8000-0000000000d1' order by id$$,
	array['insert', 'update'], 'adding and changing a place is in the audit trail');
select is((select actor_id from public.audit_events where entity_id = '00000000-0000-4000-8000-0000000000d1' and action = 'update'),
	tests.get_supabase_uid('coord_vorselaar'), 'with who did it');
select is((select new_row ->> 'status' from public.audit_events where entity_id = '00000000-0000-4000-8000-0000000000d2'),
	'acknowledged', 'a report''s status change is in the audit trail');
select throws_ok($$insert into public.audit_events (area_id, entity, entity_id, action) values (tests.area('vorselaar'), 'curated_place', gen_random_uuid(), 'insert')$$,
	'42501', null, 'a coordinator cannot write the audit trail');
select throws_ok($$delete from public.audit_events$$, '42501', null, 'nor erase it');
select tests.authenticate_as('coord_lille');
select is((select count(*) from public.audit_events where changed_at = now()), 0::bigint, 'another area''s coordinator reads none of it');
select tests.clear_authentication();
select throws_ok($$select * from public.audit_events$$, '42501', null, 'anon cannot read the audit trail');

-- places_near (security invoker: the policies apply)
select results_eq($$select (place).name, round(distance_m) from public.places_near(4.7705, 51.2025, 500) where (place).created_at = now()$$,
	$$values ('Buurtcafé De Kroon (dinsdag)'::text, 0::double precision)$$, 'anon finds a public place near a point');
select is((select count(*) from public.places_near(4.7705, 51.2025, 500, '{pharmacy}') where (place).created_at = now()), 0::bigint,
	'filtered by category');
select throws_ok($$select * from public.places_near(2.35, 48.85, 500)$$, '22023', null,
	'a point outside Belgium is refused');
select throws_ok($$select * from public.places_near(4.77, 51.20, 1e6)$$, '22023', null,
	'an absurd radius is refused');

select * from finish();
rollback;
