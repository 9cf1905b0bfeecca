-- Curated places: the API writes `location` as GeoJSON; malformed GeoJSON, another type than a
-- Point, an empty Point and a point outside Belgium are refused with 22023 (HTTP 400) and a JSON
-- detail naming the problem, per role, and nothing is stored or changed. A valid point is stored
-- as GeoJSON and as geometry (`geom`), which the area rule, places_near and the audit trail use.
begin;
select plan(34);

select tests.create_supabase_user('geo_resident');
select tests.create_supabase_user('geo_coord');
insert into public.memberships (area_id, user_id, role)
values (tests.area('vorselaar'), tests.get_supabase_uid('geo_coord'), 'coordinator');

create temporary table bad (label text primary key, geojson jsonb, kind text, problem text) on commit drop;
insert into bad values
	('malformed coordinates', '{"type": "Point", "coordinates": "x"}', 'malformed_geometry', 'The ''coordinates'' in GeoJSON are not an array'),
	('too few ordinates', '{"type": "Point", "coordinates": [4.77]}', 'malformed_geometry', 'Too few ordinates in GeoJSON'),
	('not an object', '"POINT(4.77 51.2)"', 'malformed_geometry', 'not a GeoJSON geometry object'),
	('wrong type', '{"type": "LineString", "coordinates": [[4.77, 51.2], [4.771, 51.2]]}', 'malformed_geometry', 'expected a Point, got LineString'),
	('empty point', '{"type": "Point", "coordinates": []}', 'malformed_geometry', 'a Point without coordinates'),
	('out of Belgium', '{"type": "Point", "coordinates": [2.35, 48.85]}', 'outside_belgium', null),
	('out of range', '{"type": "Point", "coordinates": [4.77, 91]}', 'outside_belgium', null);
grant select on bad to anon, authenticated;

-- the JSON detail of what inserting `g` as a new place of Vorselaar raises
create function pg_temp.insert_detail(g jsonb) returns jsonb language sql as $$
	select tests.sqlerrdetail(format(
		$q$insert into public.curated_places (area_id, name, categories, location, source)
		values (tests.area('vorselaar'), 'Geotest', '{meeting_place}', %L, 'pgTAP geojson')$q$, g))::jsonb
$$;
grant execute on function pg_temp.insert_detail(jsonb) to anon, authenticated;

-- anon: no write at all, whatever the GeoJSON
select tests.clear_authentication();
select throws_ok($$insert into public.curated_places (area_id, name, categories, location, source)
	values (tests.area('vorselaar'), 'Geotest', '{meeting_place}', '{"type": "Point", "coordinates": "x"}', 'pgTAP geojson')$$,
	'42501', null, 'anon: malformed GeoJSON is refused for lack of a grant, not a 500');

-- resident (signed in, no membership): the GeoJSON is checked first (400), a valid one meets RLS
select tests.authenticate_as('geo_resident');
select throws_ok($$insert into public.curated_places (area_id, name, categories, location, source)
	values (tests.area('vorselaar'), 'Geotest', '{meeting_place}', '{"type": "Point", "coordinates": "x"}', 'pgTAP geojson')$$,
	'22023', 'location: malformed GeoJSON: The ''coordinates'' in GeoJSON are not an array',
	'resident: malformed GeoJSON is invalid input naming the problem');
select is(pg_temp.insert_detail('{"type": "Point", "coordinates": [2.35, 48.85]}') ->> 'kind', 'outside_belgium',
	'resident: a point outside Belgium is refused as such');
select throws_ok($$insert into public.curated_places (area_id, name, categories, location, source)
	values (tests.area('vorselaar'), 'Geotest', '{meeting_place}', '{"type": "Point", "coordinates": [4.7705, 51.2025]}', 'pgTAP geojson')$$,
	'42501', null, 'resident: a valid place is still not theirs to add');

-- coordinator of the area: every bad GeoJSON is 22023 with its kind, field and problem
select tests.authenticate_as('geo_coord');
select throws_ok($$insert into public.curated_places (area_id, name, categories, location, source)
	values (tests.area('vorselaar'), 'Geotest', '{meeting_place}', '{"type": "Point", "coordinates": "x"}', 'pgTAP geojson')$$,
	'22023', 'location: malformed GeoJSON: The ''coordinates'' in GeoJSON are not an array',
	'coordinator: malformed GeoJSON is invalid input naming the problem');
select throws_ok($$insert into public.curated_places (area_id, name, categories, location, source)
	values (tests.area('vorselaar'), 'Geotest', '{meeting_place}', '{"type": "LineString", "coordinates": [[4.77, 51.2], [4.771, 51.2]]}', 'pgTAP geojson')$$,
	'22023', 'location: expected a GeoJSON Point, got LineString', 'coordinator: a line is not a place''s location');
select throws_ok($$insert into public.curated_places (area_id, name, categories, location, source)
	values (tests.area('vorselaar'), 'Geotest', '{meeting_place}', '{"type": "Point", "coordinates": [4.77, 91]}', 'pgTAP geojson')$$,
	'22023', 'location: POINT(4.77 91) is not in Belgium', 'coordinator: a latitude out of range is invalid input, not a 500');
select results_eq($$select b.label, d ->> 'kind', d ->> 'field', d ->> 'problem'
		from bad as b cross join lateral pg_temp.insert_detail(b.geojson) as d order by b.label$$,
	$$select label, kind, 'location', problem from bad order by label$$,
	'coordinator: each bad GeoJSON gets its kind, the field and the problem in the JSON detail');
select is((select count(*) from public.curated_places where source = 'pgTAP geojson'), 0::bigint,
	'nothing of the refused places is stored');

-- a valid point (with an altitude, which is dropped) is stored as GeoJSON and as geometry
select lives_ok($$insert into public.curated_places (id, area_id, name, categories, location, source)
	values ('00000000-0000-4000-8000-0000000000e1', tests.area('vorselaar'), 'Geotest', '{meeting_place}',
		'{"type": "Point", "coordinates": [4.7705, 51.2025, 12]}', 'pgTAP geojson')$$,
	'coordinator: a valid GeoJSON point is stored');
select is((select location from public.curated_places where id = '00000000-0000-4000-8000-0000000000e1'),
	'{"type": "Point", "coordinates": [4.7705, 51.2025]}'::jsonb, 'its location reads back as a 2D GeoJSON Point');
select tests.as_superuser();
select ok((select extensions.st_equals(geom, tests.pt(4.7705, 51.2025)) and extensions.st_srid(geom) = 4326
	from public.curated_places where id = '00000000-0000-4000-8000-0000000000e1'), 'its geom is the same point in EPSG:4326');
select is((select new_row -> 'location' from public.audit_events where entity_id = '00000000-0000-4000-8000-0000000000e1' and action = 'insert'),
	'{"type": "Point", "coordinates": [4.7705, 51.2025]}'::jsonb, 'the audit trail keeps the GeoJSON location');
select ok((select not (new_row ? 'geom') from public.audit_events where entity_id = '00000000-0000-4000-8000-0000000000e1' and action = 'insert'),
	'and not the binary geometry');

-- updates: bad GeoJSON changes nothing; a valid move updates both columns; the area rule still holds
select tests.authenticate_as('geo_coord');
select throws_ok($$update public.curated_places set location = '{"type": "Point", "coordinates": [4.77]}'
	where id = '00000000-0000-4000-8000-0000000000e1'$$,
	'22023', 'location: malformed GeoJSON: Too few ordinates in GeoJSON', 'coordinator: malformed GeoJSON is refused on update too');
select throws_ok($$update public.curated_places set location = '{"type": "Point", "coordinates": [5.5, 60]}'
	where id = '00000000-0000-4000-8000-0000000000e1'$$,
	'22023', null, 'and a point outside Belgium');
select throws_ok($$update public.curated_places set location = null where id = '00000000-0000-4000-8000-0000000000e1'$$,
	'23502', null, 'and no location at all');
select is((select location from public.curated_places where id = '00000000-0000-4000-8000-0000000000e1'),
	'{"type": "Point", "coordinates": [4.7705, 51.2025]}'::jsonb, 'the place is unchanged after the refused updates');
select lives_ok($$update public.curated_places set location = '{"type": "Point", "coordinates": [4.771, 51.203]}'
	where id = '00000000-0000-4000-8000-0000000000e1'$$, 'coordinator: a valid move is stored');
select throws_ok($$update public.curated_places set location = '{"type": "Point", "coordinates": [4.826, 51.242]}'
	where id = '00000000-0000-4000-8000-0000000000e1'$$,
	'23514', null, 'a move into another area is still refused (area rule on the GeoJSON update)');
select throws_ok($$update public.curated_places set geom = tests.pt(4.7712, 51.2032) where id = '00000000-0000-4000-8000-0000000000e1'$$,
	'42501', null, 'the API cannot write geom directly');
select tests.as_superuser();
select ok((select extensions.st_equals(geom, tests.pt(4.771, 51.203)) from public.curated_places where id = '00000000-0000-4000-8000-0000000000e1'),
	'geom followed the GeoJSON move');

-- the service role in SQL may give geom alone: location is filled from it
select lives_ok($$insert into public.curated_places (id, area_id, name, categories, geom, source)
	values ('00000000-0000-4000-8000-0000000000e2', tests.area('vorselaar'), 'Geotest 2', '{meeting_place}', tests.pt(4.7706, 51.2026), 'pgTAP geojson')$$,
	'SQL may insert geom alone');
select is((select location from public.curated_places where id = '00000000-0000-4000-8000-0000000000e2'),
	'{"type": "Point", "coordinates": [4.7706, 51.2026]}'::jsonb, 'and location is filled from it');
select lives_ok($$update public.curated_places set geom = tests.pt(4.7707, 51.2027) where id = '00000000-0000-4000-8000-0000000000e2'$$,
	'SQL may move geom alone');
select is((select location from public.curated_places where id = '00000000-0000-4000-8000-0000000000e2'),
	'{"type": "Point", "coordinates": [4.7707, 51.2027]}'::jsonb, 'and location follows');
select throws_ok($$insert into public.curated_places (area_id, name, categories, source)
	values (tests.area('vorselaar'), 'Geotest 3', '{meeting_place}', 'pgTAP geojson')$$,
	'23502', null, 'a place without any location is refused');

-- places_near finds the stored places by geom and returns location as GeoJSON
select tests.authenticate_as('geo_coord');
select is((select array_agg((place).location order by distance_m) from public.places_near(4.7705, 51.2025, 200)
		where (place).id in ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000e2')),
	array['{"type": "Point", "coordinates": [4.7707, 51.2027]}'::jsonb, '{"type": "Point", "coordinates": [4.771, 51.203]}'::jsonb],
	'places_near finds them, nearest first, with their GeoJSON location');
select tests.clear_authentication();
select is((select count(*) from public.places_near(4.7705, 51.2025, 200)
		where (place).id in ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000e2')),
	0::bigint, 'anon does not find these drafts');

-- analysis cells, written through save_analysis: each a 2D Polygon in Belgium, with the detail
select tests.authenticate_as('geo_coord');
create function pg_temp.cells_detail(cells jsonb) returns jsonb language sql as $$
	select tests.sqlerrdetail(format(
		$q$select public.save_analysis(p_area_id => tests.area('vorselaar'), p_name => 'Geotest', p_parameters => '{}',
			p_engine_version => '1', p_data_version => '1', p_cells => %L)$q$, cells))::jsonb
$$;
grant execute on function pg_temp.cells_detail(jsonb) to authenticated;
select is(pg_temp.cells_detail('[{"geometry": {"type": "Point", "coordinates": [4.77, 51.2]}, "value": 1}]'),
	'{"kind": "malformed_geometry", "field": "cells[0].geometry", "problem": "expected a Polygon, got Point"}'::jsonb,
	'a cell that is not a polygon is refused with the detail');
select is(pg_temp.cells_detail('[{"geometry": {"type": "Polygon", "coordinates": [[[4.77, 91], [4.771, 91], [4.771, 90.9], [4.77, 91]]]}, "value": 1}]'),
	'{"kind": "outside_belgium", "field": "cells[0].geometry"}'::jsonb, 'and a cell out of range');
select lives_ok($$select public.save_analysis(p_area_id => tests.area('vorselaar'), p_name => 'Geotest 3D', p_parameters => '{}',
	p_engine_version => '1', p_data_version => '1',
	p_cells => '[{"geometry": {"type": "Polygon", "coordinates": [[[4.77, 51.2, 5], [4.771, 51.2, 5], [4.771, 51.201, 5], [4.77, 51.2, 5]]]}, "value": 1}]')$$,
	'a cell with an altitude is stored');
select is((select count(*) from public.saved_analyses where name like 'Geotest%'), 1::bigint, 'only the valid analysis is stored');
select tests.as_superuser();
select is((select extensions.st_ndims(x.cell) from public.analysis_cells as x join public.saved_analyses as a on a.id = x.analysis_id
	where a.name = 'Geotest 3D'), 2::smallint, 'as a 2D polygon');

select * from finish();
rollback;
