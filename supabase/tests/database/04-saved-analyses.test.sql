-- Saved analyses: saved atomically by coordinators of the area; private ones only for their creator,
-- area_team ones for the area's members, public ones for everyone.
begin;
select plan(32);
select tests.create_cast();

-- a square cell of about 100 m in Vorselaar, as GeoJSON
create temporary table fixture (cell jsonb) on commit drop;
insert into fixture values ('{"type":"Polygon","coordinates":[[[4.770,51.200],[4.7714,51.200],[4.7714,51.2009],[4.770,51.2009],[4.770,51.200]]]}');
-- the same in Lille (Lille wijk)
create temporary table fixture_lille (cell jsonb) on commit drop;
insert into fixture_lille values ('{"type":"Polygon","coordinates":[[[4.850,51.260],[4.8514,51.260],[4.8514,51.2609],[4.850,51.2609],[4.850,51.260]]]}');
grant select on fixture_lille to authenticated, anon;
grant select on fixture to authenticated, anon;

-- insert (through the RPC)
select tests.authenticate_as('coord_vorselaar');
select lives_ok($$select public.save_analysis(
	p_id => '00000000-0000-4000-8000-0000000000a1', p_area_id => tests.area('vorselaar'),
	p_name => 'Apotheek binnen 800 m', p_parameters => '{"category": "pharmacy", "normM": 800}',
	p_engine_version => '0.1.0', p_data_version => 'osm-2019-11-05',
	p_summaries => (select jsonb_agg(jsonb_build_object('neighbourhood_id', n.id, 'summary', jsonb_build_object('peopleBeyondNorm', 10)))
		from public.neighbourhoods as n where n.area_id = tests.area('vorselaar')),
	p_cells => (select jsonb_build_array(jsonb_build_object('geometry', cell, 'value', 812.5)) from fixture),
	p_visibility => 'private')$$, 'a coordinator saves an analysis of their area');
select is((select count(*) from public.analysis_summaries where analysis_id = '00000000-0000-4000-8000-0000000000a1'),
	2::bigint, 'its summaries are saved with it');
select is((select count(*) from public.analysis_cells where analysis_id = '00000000-0000-4000-8000-0000000000a1'),
	1::bigint, 'its cells are saved with it');
select lives_ok($$select public.save_analysis(
	p_id => '00000000-0000-4000-8000-0000000000a2', p_area_id => tests.area('vorselaar'),
	p_name => 'Gedeeld met het team', p_parameters => '{}', p_engine_version => '0.1.0',
	p_data_version => 'osm-2019-11-05', p_visibility => 'area_team')$$, 'a coordinator shares one with the team');
select lives_ok($$select public.save_analysis(
	p_id => '00000000-0000-4000-8000-0000000000a3', p_area_id => tests.area('vorselaar'),
	p_name => 'Gepubliceerd', p_parameters => '{}', p_engine_version => '0.1.0',
	p_data_version => 'osm-2019-11-05', p_visibility => 'public',
	p_summaries => (select jsonb_agg(jsonb_build_object('neighbourhood_id', n.id, 'summary', jsonb_build_object('code', n.code)))
		from public.neighbourhoods as n where n.area_id = tests.area('vorselaar')),
	p_cells => (select jsonb_build_array(jsonb_build_object('geometry', cell, 'value', 420, 'properties', '{"category": "pharmacy"}'::jsonb)) from fixture))$$,
	'a coordinator publishes one');
select throws_ok($$select public.save_analysis(p_area_id => tests.area('vorselaar'), p_name => 'Elders',
	p_parameters => '{}', p_engine_version => '0.1.0', p_data_version => 'x',
	p_cells => (select jsonb_build_array(jsonb_build_object('geometry', cell, 'value', 1)) from fixture_lille))$$,
	'23514', null, 'a cell in another area is refused');
select is((select count(*) from public.saved_analyses where name = 'Elders'), 0::bigint,
	'and nothing of that analysis is saved');
select throws_ok($$select public.save_analysis(p_area_id => tests.area('lille'), p_name => 'X',
	p_parameters => '{}', p_engine_version => '0.1.0', p_data_version => 'x')$$,
	'42501', null, 'a coordinator cannot save for another area');
select throws_ok($$select public.save_analysis(p_area_id => tests.area('vorselaar'), p_name => 'Half',
	p_parameters => '{}', p_engine_version => '0.1.0', p_data_version => 'x',
	p_cells => '[{"geometry": {"type":"Polygon","coordinates":[[[2.3,48.8],[2.31,48.8],[2.31,48.81],[2.3,48.8]]]}, "value": 1}]')$$,
	'22023', null, 'a cell outside Belgium is refused');
select is((select count(*) from public.saved_analyses where name = 'Half'), 0::bigint,
	'and nothing of that analysis is saved (atomic)');
select throws_ok($$select public.save_analysis(p_area_id => tests.area('vorselaar'), p_name => 'Mixed',
	p_parameters => '{}', p_engine_version => '0.1.0', p_data_version => 'x',
	p_summaries => (select jsonb_agg(jsonb_build_object('neighbourhood_id', n.id, 'summary', '{}'::jsonb))
		from public.neighbourhoods as n where n.area_id = tests.area('lille')))$$,
	'23514', null, 'summaries of another area''s neighbourhoods are refused');
select throws_ok($$select public.save_analysis(
	p_id => '00000000-0000-4000-8000-0000000000a1', p_area_id => tests.area('vorselaar'),
	p_name => 'Nogmaals', p_parameters => '{}', p_engine_version => '0.1.0', p_data_version => 'x')$$,
	'23505', null, 'a retried save with the same id is refused as a duplicate');
select tests.authenticate_as('planner_vorselaar');
select throws_ok($$select public.save_analysis(p_area_id => tests.area('vorselaar'), p_name => 'X',
	p_parameters => '{}', p_engine_version => '0.1.0', p_data_version => 'x')$$,
	'42501', null, 'a planner cannot save analyses');
select tests.clear_authentication();
select throws_ok($$select public.save_analysis(p_area_id => tests.area('vorselaar'), p_name => 'X',
	p_parameters => '{}', p_engine_version => '0.1.0', p_data_version => 'x')$$,
	'42501', null, 'anon cannot save analyses');

-- select
select results_eq($$select name from public.saved_analyses where created_at = now() order by name$$, array['Gepubliceerd'],
	'anon reads published analyses only');
select is((select count(*) from public.analysis_cells where analysis_id = '00000000-0000-4000-8000-0000000000a1'), 0::bigint, 'anon reads no cells of unpublished analyses');
select is((select count(*) from public.analysis_cells where analysis_id = '00000000-0000-4000-8000-0000000000a3'), 1::bigint, 'anon reads the cells of a published analysis');
select results_eq($$select n.code from public.analysis_summaries as s join public.neighbourhoods as n on n.id = s.neighbourhood_id
		where s.analysis_id = '00000000-0000-4000-8000-0000000000a3' order by n.code$$,
	$$select code from public.neighbourhoods where area_id = tests.area('vorselaar') order by code$$,
	'anon reads a published analysis''s summaries with their neighbourhood''s code (the app''s neighbourhood id)');
select tests.authenticate_as('resident');
select results_eq($$select name from public.saved_analyses where created_at = now() order by name$$, array['Gepubliceerd'],
	'a resident reads published analyses only');
select tests.authenticate_as('planner_vorselaar');
select results_eq($$select name from public.saved_analyses where created_at = now() order by name$$, array['Gedeeld met het team', 'Gepubliceerd'],
	'a planner of the area reads the team''s and published ones, not a coordinator''s private one');
select tests.authenticate_as('coord_lille');
select results_eq($$select name from public.saved_analyses where created_at = now() order by name$$, array['Gepubliceerd'],
	'another area''s coordinator reads published ones only');
select results_eq($$select analysis_id::text, value from public.analysis_cells where analysis_id in
		('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a3')$$,
	$$values ('00000000-0000-4000-8000-0000000000a3', 420::double precision)$$,
	'another area''s coordinator reads the cells of the published analysis, not of the private one');
select throws_ok($$update public.analysis_cells set value = 0 where analysis_id = '00000000-0000-4000-8000-0000000000a3'$$,
	'42501', null, 'another area''s coordinator cannot change cells');
select throws_ok($$delete from public.analysis_cells where analysis_id = '00000000-0000-4000-8000-0000000000a3'$$,
	'42501', null, 'nor remove them');
select throws_ok($$insert into public.analysis_cells (analysis_id, cell_index, cell)
	select '00000000-0000-4000-8000-0000000000a1', 5, extensions.st_setsrid(extensions.st_geomfromgeojson(cell), 4326) from fixture_lille$$,
	'42501', null, 'nor add cells to an analysis');
select is((select count(*) from public.analysis_summaries where analysis_id in ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2')), 0::bigint,
	'another area''s coordinator reads no summaries of private or team analyses');
select tests.authenticate_as('coord_vorselaar');
select is((select count(*) from public.saved_analyses where created_at = now()), 3::bigint, 'the creator reads all three');

-- update
select is(tests.affected_rows($$update public.saved_analyses set name = 'Apotheek, herzien'
	where id = '00000000-0000-4000-8000-0000000000a1'$$), 1::bigint, 'the creator renames their analysis');
select tests.authenticate_as('coord_lille');
select is(tests.affected_rows($$update public.saved_analyses set name = 'Hacked' where created_at = now()$$), 0::bigint,
	'another area''s coordinator changes nothing');
select tests.authenticate_as('planner_vorselaar');
select is(tests.affected_rows($$update public.saved_analyses set visibility = 'public' where created_at = now()$$), 0::bigint,
	'a planner changes nothing');

-- delete
select tests.authenticate_as('coord_lille');
select is(tests.affected_rows($$delete from public.saved_analyses where created_at = now()$$), 0::bigint,
	'another area''s coordinator removes nothing');
select tests.authenticate_as('coord_vorselaar');
select is(tests.affected_rows($$delete from public.saved_analyses where id = '00000000-0000-4000-8000-0000000000a1'$$),
	1::bigint, 'the creator removes their analysis (with its summaries and cells)');

select * from finish();
rollback;
