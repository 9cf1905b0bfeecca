-- The cases of the role matrix not covered per table above: reference data written by the service
-- role only, children of saved analyses written only through their analysis, the audit trail never
-- rewritten, and an area deleted with everything in it.
begin;
select plan(14);
select tests.create_cast();

-- areas and neighbourhoods: the service role writes; coordinators and planners do not
select tests.authenticate_as('coord_vorselaar');
select throws_ok($$update public.areas set name = 'Vorselaar-Dorp'$$, '42501', null, 'a coordinator cannot rename areas');
select throws_ok($$insert into public.neighbourhoods (area_id, code, name, boundary)
	select area_id, 'X1', 'X', boundary from public.neighbourhoods limit 1$$, '42501', null,
	'a coordinator cannot add neighbourhoods');
select tests.authenticate_as('planner_vorselaar');
select throws_ok($$delete from public.areas$$, '42501', null, 'a planner cannot remove areas');
select tests.authenticate_as_service_role();
select lives_ok($$update public.neighbourhoods set name = '13044A0 (Vorselaar-centrum)' where code = '13044A0'$$,
	'the service role maintains neighbourhoods');

-- children of analyses: only through their analysis, never changed afterwards
select tests.authenticate_as('coord_vorselaar');
select public.save_analysis(p_id => '00000000-0000-4000-8000-0000000000e1', p_area_id => tests.area('vorselaar'),
	p_name => 'Team', p_parameters => '{}', p_engine_version => '0.1.0', p_data_version => 'x', p_visibility => 'area_team',
	p_cells => '[{"geometry": {"type":"Polygon","coordinates":[[[4.770,51.200],[4.771,51.200],[4.771,51.201],[4.770,51.200]]]}, "value": 5}]');
select tests.authenticate_as('coord_lille');
select throws_ok($$insert into public.analysis_cells (analysis_id, cell_index, cell, value)
	values ('00000000-0000-4000-8000-0000000000e1', 9, extensions.st_geomfromtext('POLYGON((4.77 51.2, 4.771 51.2, 4.771 51.201, 4.77 51.2))', 4326), 1)$$,
	'42501', null, 'another area''s coordinator cannot add cells to an analysis');
select tests.authenticate_as('planner_vorselaar');
select is((select count(*) from public.analysis_cells where analysis_id = '00000000-0000-4000-8000-0000000000e1'), 1::bigint,
	'the area''s planner reads the cells of a team analysis');
select throws_ok($$insert into public.analysis_summaries (analysis_id, neighbourhood_id, summary)
	select '00000000-0000-4000-8000-0000000000e1', id, '{}' from public.neighbourhoods where code = '13044A1'$$,
	'42501', null, 'a planner cannot add summaries to a coordinator''s analysis');
select tests.authenticate_as('coord_vorselaar');
select throws_ok($$update public.analysis_cells set value = 0$$, '42501', null, 'saved cells are never changed');
select throws_ok($$delete from public.analysis_cells$$, '42501', null, 'cells are removed only with their analysis');
select tests.clear_authentication();
select throws_ok($$insert into public.analysis_summaries (analysis_id, neighbourhood_id, summary)
	select '00000000-0000-4000-8000-0000000000e1', id, '{}' from public.neighbourhoods limit 1$$,
	'42501', null, 'anon cannot add summaries');

-- the audit trail is never rewritten, not even by the area's admin
select tests.authenticate_as('coord_vorselaar');
insert into public.curated_places (area_id, name, categories, location, source)
	values (tests.area('vorselaar'), 'Buurtwerking', '{meeting_place}', tests.geojson(tests.pt(4.7705, 51.2025)), 'pgTAP fixture');
select tests.authenticate_as('admin_vorselaar');
select is((select count(*) from public.audit_events where new_row ->> 'name' = 'Buurtwerking'), 1::bigint,
	'the area''s admin reads the trail');
select throws_ok($$update public.audit_events set actor_id = null$$, '42501', null, 'nobody rewrites the trail');

-- deleting an area (service role) removes everything in it
select tests.authenticate_as_service_role();
select lives_ok($$delete from public.areas where slug = 'vorselaar'$$, 'the service role deletes an area with its places');
select tests.as_superuser();
select is((select count(*) from public.curated_places where name = 'Buurtwerking'), 0::bigint,
	'its places, analyses and trail went with it');

select * from finish();
rollback;
