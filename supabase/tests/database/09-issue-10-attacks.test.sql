-- Issue 10: what got in when the backend was attacked, per role, allowed and denied: rate limits
-- the caller cannot choose, writes into another area, malformed GeoJSON, private report text,
-- erasure, retention, and the index that places_near uses.
begin;
select plan(59);
select tests.create_cast();

-- Lille lies next to Vorselaar: points well inside each (sample municipalities)
create temporary table spot (name text primary key, lon double precision, lat double precision) on commit drop;
insert into spot values ('vorselaar', 4.7705, 51.2025), ('lille', 4.8260, 51.2420);
grant select on spot to anon, authenticated;

-- 1. Rate limits per network client, per user, per device, area-wide --------------------------
-- what other tests sent in the last hour does not count here (rolled back at the end)
delete from private.report_submissions;
select tests.clear_authentication();
select set_config('request.headers', '{"x-forwarded-for": "203.0.113.7"}', true);
select lives_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	select gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid()
	from generate_series(1, 60)$$, 'anon: 60 reports in an hour from one network client, each with a fresh device id, are accepted');
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid())$$,
	'PT429', null, 'the 61st from that network client is refused, whatever device id it claims');
select is((select (regexp_match(tests.sqlerrdetail($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid())$$), '"scope": "(\w+)"'))[1]),
	'network', 'the refusal names its kind and scope as JSON in the detail');
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.9, 203.0.113.7"}', true);
select lives_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid())$$,
	'another network client (first forwarded address) still reports');
select set_config('request.headers', '{"x-forwarded-for": "not an address"}', true);
select lives_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid())$$,
	'an API request without a valid address counts under one shared "unknown" key');

select tests.authenticate_as('resident');
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.1"}', true);
select lives_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	select gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid()
	from generate_series(1, 30)$$, 'a signed-in resident: 30 reports in an hour are accepted');
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.2"}', true);
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid())$$,
	'PT429', null, 'the 31st from the same user is refused, from any network and device');
select tests.authenticate_as('other_resident');
select lives_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid())$$,
	'another user on that network still reports');

select tests.clear_authentication();
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.3"}', true);
select lives_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	select gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), '00000000-0000-4000-8000-00000000dd01'
	from generate_series(1, 20)$$, 'one device: 20 reports are accepted');
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.4"}', true);
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.7705, 51.2025)), '00000000-0000-4000-8000-00000000dd01')$$,
	'PT429', null, 'the 21st from that device is refused, from any network');

select tests.as_superuser();
update public.areas set report_ceiling_per_hour = 3 where slug = 'lille';
select tests.clear_authentication();
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.10"}', true);
select lives_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.8260, 51.2420)), gen_random_uuid()),
		(gen_random_uuid(), 'other', tests.geojson(tests.pt(4.8260, 51.2420)), gen_random_uuid()),
		(gen_random_uuid(), 'other', tests.geojson(tests.pt(4.8260, 51.2420)), gen_random_uuid())$$,
	'an area accepts reports up to its ceiling');
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.11"}', true);
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.8260, 51.2420)), gen_random_uuid())$$,
	'PT429', null, 'then refuses any more, from anyone (area-wide ceiling)');
select tests.authenticate_as('planner_lille');
select results_eq($$select ceiling_per_hour, reports_last_hour, ceiling_reached from public.area_report_load(tests.area('lille'))$$,
	$$values (3, 3, true)$$, 'the area''s planner sees the ceiling, the last hour''s reports and that it is reached');
select throws_ok($$select * from public.area_report_load(tests.area('vorselaar'))$$, '42501', null,
	'another area''s planner does not see it');
select tests.authenticate_as('resident');
select throws_ok($$select * from public.area_report_load(tests.area('lille'))$$, '42501', null, 'a resident does not see it');
select tests.clear_authentication();
select throws_ok($$select * from public.area_report_load(tests.area('lille'))$$, '42501', null, 'anon does not see it');
select tests.authenticate_as_service_role();
select lives_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values (gen_random_uuid(), 'other', tests.geojson(tests.pt(4.8260, 51.2420)), '00000000-0000-4000-8000-00000000dd01')$$,
	'the service role (operations, imports) is not rate-limited');

-- 2. Writes into another area ---------------------------------------------------------------
select tests.authenticate_as('coord_vorselaar');
select throws_ok($$insert into public.curated_places (area_id, name, categories, location, source)
	values (tests.area('vorselaar'), 'Elders', '{meeting_place}', tests.geojson(tests.pt(4.8260, 51.2420)), 'pgTAP')$$,
	'23514', null, 'a coordinator cannot add a place of their area located in another area');
select lives_ok($$insert into public.curated_places (id, area_id, name, categories, location, source)
	values ('00000000-0000-4000-8000-0000000000f1', tests.area('vorselaar'), 'Binnen', '{meeting_place}', tests.geojson(tests.pt(4.7705, 51.2025)), 'pgTAP')$$,
	'a coordinator adds a place inside their area');
select throws_ok($$update public.curated_places set location = tests.geojson(tests.pt(4.8260, 51.2420)) where id = '00000000-0000-4000-8000-0000000000f1'$$,
	'23514', null, 'nor moves one into another area');
select tests.authenticate_as_service_role();
select throws_ok($$insert into public.curated_places (area_id, name, categories, location, source)
	values (tests.area('lille'), 'Elders', '{meeting_place}', tests.geojson(tests.pt(4.7705, 51.2025)), 'pgTAP')$$,
	'23514', null, 'the rule holds for the service role too');
select tests.as_superuser();
select lives_ok($$insert into public.curated_places (area_id, name, categories, geom, source)
	select tests.area('vorselaar'), 'Op de grens', '{meeting_place}'::public.place_category[],
		extensions.st_setsrid(extensions.st_project(extensions.st_pointonsurface(extensions.st_boundary(a.boundary))::extensions.geography, 50, radians(0))::extensions.geometry, 4326), 'pgTAP'
	from public.areas as a where a.slug = 'vorselaar'
	and not extensions.st_intersects(a.boundary, extensions.st_setsrid(extensions.st_project(extensions.st_pointonsurface(extensions.st_boundary(a.boundary))::extensions.geography, 50, radians(0))::extensions.geometry, 4326))
	union all
	select tests.area('vorselaar'), 'Op de grens', '{meeting_place}'::public.place_category[],
		extensions.st_setsrid(extensions.st_project(extensions.st_pointonsurface(extensions.st_boundary(a.boundary))::extensions.geography, 50, radians(180))::extensions.geometry, 4326), 'pgTAP'
	from public.areas as a where a.slug = 'vorselaar'
	and not extensions.st_intersects(a.boundary, extensions.st_setsrid(extensions.st_project(extensions.st_pointonsurface(extensions.st_boundary(a.boundary))::extensions.geography, 50, radians(180))::extensions.geometry, 4326))
	limit 1$$, 'a place 50 m outside the boundary (within the 100 m buffer) is accepted');

select tests.authenticate_as('coord_vorselaar');
select public.save_analysis(p_id => '00000000-0000-4000-8000-0000000000f2', p_area_id => tests.area('vorselaar'),
	p_name => 'Eigen', p_parameters => '{}', p_engine_version => '0.1.0', p_data_version => 'x');
select throws_ok($$insert into public.analysis_summaries (analysis_id, neighbourhood_id, summary)
	select '00000000-0000-4000-8000-0000000000f2', n.id, '{}' from public.neighbourhoods as n where n.area_id = tests.area('lille') limit 1$$,
	'42501', null, 'a coordinator cannot write a summary directly (another area''s neighbourhood under their analysis)');
select throws_ok($$insert into public.analysis_summaries (analysis_id, neighbourhood_id, summary)
	select '00000000-0000-4000-8000-0000000000f2', n.id, '{}' from public.neighbourhoods as n where n.area_id = tests.area('vorselaar') limit 1$$,
	'42501', null, 'nor one of their own area');
select throws_ok($$insert into public.analysis_cells (analysis_id, cell_index, cell, value)
	values ('00000000-0000-4000-8000-0000000000f2', 0, extensions.st_geomfromtext('POLYGON((4.77 51.2, 4.771 51.2, 4.771 51.201, 4.77 51.2))', 4326), 1)$$,
	'42501', null, 'nor a cell');
select tests.authenticate_as_service_role();
select throws_ok($$insert into public.analysis_summaries (analysis_id, neighbourhood_id, summary)
	select '00000000-0000-4000-8000-0000000000f2', n.id, '{}' from public.neighbourhoods as n where n.area_id = tests.area('lille') limit 1$$,
	'23514', null, 'even the service role cannot file a summary under an analysis of another area');

-- 3. Malformed GeoJSON: 22023 (HTTP 400) naming the problem, nothing stored ---------------------
select tests.clear_authentication();
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.50"}', true);
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values ('00000000-0000-4000-8000-0000000000f3', 'other', '{"type": "Point", "coordinates": "x"}', gen_random_uuid())$$,
	'22023', 'location: malformed GeoJSON: The ''coordinates'' in GeoJSON are not an array', 'a report with malformed coordinates is refused as invalid input');
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values ('00000000-0000-4000-8000-0000000000f3', 'other', '"POINT(4.77 51.2)"', gen_random_uuid())$$,
	'22023', null, 'a report whose location is not a GeoJSON object is refused as invalid input');
select throws_ok($$insert into public.barrier_reports (id, kind, location, client_id)
	values ('00000000-0000-4000-8000-0000000000f3', 'other', '{"type": "Polygon", "coordinates": [[[4.77, 51.2], [4.771, 51.2], [4.771, 51.201], [4.77, 51.2]]]}', gen_random_uuid())$$,
	'23514', null, 'a polygon is not a report location');
select tests.authenticate_as('coord_vorselaar');
select throws_ok($$select public.save_analysis(p_area_id => tests.area('vorselaar'), p_name => 'Kapot',
	p_parameters => '{}', p_engine_version => '0.1.0', p_data_version => 'x',
	p_cells => '[{"geometry": {"type": "Polygon", "coordinates": [[4.77, 51.2]]}, "value": 1}]')$$,
	'22023', null, 'an analysis cell with malformed GeoJSON is refused as invalid input');
select tests.as_superuser();
select is((select count(*) from public.barrier_reports where id = '00000000-0000-4000-8000-0000000000f3')
	+ (select count(*) from public.saved_analyses where name = 'Kapot'), 0::bigint, 'and nothing of them is stored');

-- Privacy: raw text only for the reporter and the area's team; a planner-approved public text --
select tests.clear_authentication();
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.60"}', true);
insert into public.barrier_reports (id, kind, description, location, client_id)
values ('00000000-0000-4000-8000-0000000000f4', 'no_bench', 'Bel me: 0470 12 34 56', tests.geojson(tests.pt(4.7705, 51.2025)),
	'00000000-0000-4000-8000-00000000dd04');
select tests.authenticate_as('planner_vorselaar');
select is(tests.affected_rows($$update public.barrier_reports set status = 'acknowledged' where id = '00000000-0000-4000-8000-0000000000f4'$$),
	1::bigint, 'the planner acknowledges the report');
select tests.clear_authentication();
select throws_ok($$select description from public.barrier_reports$$, '42501', null, 'anon never reads the raw text of an acknowledged report');
select throws_ok($$select planner_note from public.barrier_reports$$, '42501', null, 'nor the planner''s note');
select is((select public_text from public.barrier_reports where id = '00000000-0000-4000-8000-0000000000f4'), null,
	'anon sees the kind and place alone until a planner approves a public text');
select tests.authenticate_as('resident');
select throws_ok($$select description from public.barrier_reports$$, '42501', null, 'nor does a signed-in resident');
select is(tests.affected_rows($$update public.barrier_reports set public_text = 'x' where id = '00000000-0000-4000-8000-0000000000f4'$$),
	0::bigint, 'a resident cannot write the public text');
select throws_ok($$select * from public.area_barrier_reports(tests.area('vorselaar'))$$, '42501', null,
	'a resident cannot list an area''s reports with text');
select tests.authenticate_as('coord_lille');
select throws_ok($$select * from public.area_barrier_reports(tests.area('vorselaar'))$$, '42501', null,
	'nor can another area''s coordinator');
select tests.authenticate_as('planner_vorselaar');
select is(tests.affected_rows($$update public.barrier_reports set public_text = 'Ontbrekende bank gemeld' where id = '00000000-0000-4000-8000-0000000000f4'$$),
	1::bigint, 'the area''s planner writes the public text');
select is((select description from public.area_barrier_reports(tests.area('vorselaar')) where id = '00000000-0000-4000-8000-0000000000f4'),
	'Bel me: 0470 12 34 56', 'and reads the raw text in the area''s list');
select tests.authenticate_as('coord_vorselaar');
select is((select count(*) from public.area_barrier_reports(tests.area('vorselaar')) where id = '00000000-0000-4000-8000-0000000000f4'),
	1::bigint, 'so does the area''s coordinator');
select tests.clear_authentication();
select is((select public_text from public.barrier_reports where id = '00000000-0000-4000-8000-0000000000f4'),
	'Ontbrekende bank gemeld', 'anon reads the approved public text');
select is((select description from public.my_barrier_reports('00000000-0000-4000-8000-00000000dd04')),
	'Bel me: 0470 12 34 56', 'the device that sent it reads its own report with the text');
select is((select count(*) from public.my_barrier_reports(gen_random_uuid())), 0::bigint, 'another device reads nothing');

-- Erasure by the reporter ------------------------------------------------------------------------
select is(public.erase_barrier_report('00000000-0000-4000-8000-0000000000f4', gen_random_uuid()), false,
	'anon with another device id erases nothing');
select is(public.erase_barrier_report('00000000-0000-4000-8000-0000000000f4', '00000000-0000-4000-8000-00000000dd04'), true,
	'anon erases a report from the device that sent it');
select tests.as_superuser();
select is((select count(*) from public.barrier_reports where id = '00000000-0000-4000-8000-0000000000f4'), 0::bigint, 'it is gone');
select tests.authenticate_as('resident');
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.61"}', true);
select tests.as_superuser();
update public.barrier_reports set status = 'new' where false;
insert into public.barrier_reports (id, kind, description, location, client_id, reporter_id)
values ('00000000-0000-4000-8000-0000000000f5', 'no_bench', 'Van mij', tests.geojson(tests.pt(4.7705, 51.2025)),
	gen_random_uuid(), tests.get_supabase_uid('resident'));
select tests.authenticate_as('other_resident');
select is(public.erase_barrier_report('00000000-0000-4000-8000-0000000000f5'), false, 'another resident cannot erase it');
select tests.authenticate_as('resident');
select is(public.erase_barrier_report('00000000-0000-4000-8000-0000000000f5'), true, 'a signed-in reporter erases their own report');

-- Retention ----------------------------------------------------------------------------------------
select tests.as_superuser();
insert into public.barrier_reports (id, kind, description, location, client_id)
values ('00000000-0000-4000-8000-0000000000f6', 'other', 'Oud en gesloten', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid()),
	('00000000-0000-4000-8000-0000000000f7', 'other', 'Oud maar open', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid()),
	('00000000-0000-4000-8000-0000000000f8', 'other', 'Recent gesloten', tests.geojson(tests.pt(4.7705, 51.2025)), gen_random_uuid());
alter table public.barrier_reports disable trigger barrier_reports_before_update;
update public.barrier_reports set created_at = now() - interval '400 days', status = 'resolved', resolved_at = now() - interval '13 months'
	where id = '00000000-0000-4000-8000-0000000000f6';
update public.barrier_reports set created_at = now() - interval '400 days' where id = '00000000-0000-4000-8000-0000000000f7';
update public.barrier_reports set created_at = now() - interval '100 days', status = 'rejected', rejected_at = now() - interval '2 months'
	where id = '00000000-0000-4000-8000-0000000000f8';
alter table public.barrier_reports enable trigger barrier_reports_before_update;
insert into private.report_submissions (scope, key_hash, submitted_at) values ('device', 'old', now() - interval '2 days');
select ok((private.apply_retention() ->> 'texts_erased')::integer >= 1, 'the retention job runs');
select results_eq($$select description, client_id is null from public.barrier_reports
	where id in ('00000000-0000-4000-8000-0000000000f6', '00000000-0000-4000-8000-0000000000f7', '00000000-0000-4000-8000-0000000000f8') order by id$$,
	$$values ('', true), ('Oud maar open', true), ('Recent gesloten', true)$$,
	'it erases text 12 months after closing (not of open reports) and device ids after 90 days');
select is((select count(*) from private.report_submissions where key_hash = 'old'), 0::bigint, 'and the rate-limit log after a day');
select tests.clear_authentication();
select throws_ok($$select private.apply_retention()$$, '42501', null, 'anon cannot run it');
select tests.as_superuser();
create function pg_temp.retention_scheduled() returns boolean language plpgsql as $f$
declare
	found boolean;
begin
	if to_regclass('cron.job') is null then
		return current_setting('shared_preload_libraries') !~ 'pg_cron';
	end if;
	execute $q$select exists (select 1 from cron.job where jobname = 'buurtkaart-retention'
		and schedule = '17 3 * * *' and command = 'select private.apply_retention()')$q$ into found;
	return found;
end;
$f$;
select ok(pg_temp.retention_scheduled(), 'where pg_cron is loaded, the job is scheduled daily');

-- 5. places_near applies the select policies itself (it bypasses RLS to use its index) ----------
select tests.as_superuser();
insert into public.curated_places (id, area_id, name, categories, geom, source, visibility)
values ('00000000-0000-4000-8000-0000000000f9', tests.area('vorselaar'), 'Concept', '{meeting_place}',
	tests.pt(4.7706, 51.2026), 'pgTAP', 'area_team');
select tests.clear_authentication();
select is((select count(*) from public.places_near(4.7705, 51.2025, 500) where (place).id = '00000000-0000-4000-8000-0000000000f9'),
	0::bigint, 'places_near: anon does not find a draft');
select tests.authenticate_as('coord_lille');
select is((select count(*) from public.places_near(4.7705, 51.2025, 500) where (place).id = '00000000-0000-4000-8000-0000000000f9'),
	0::bigint, 'places_near: another area''s coordinator does not find it');
select tests.authenticate_as('planner_vorselaar');
select is((select count(*) from public.places_near(4.7705, 51.2025, 500) where (place).id = '00000000-0000-4000-8000-0000000000f9'),
	1::bigint, 'places_near: the area''s team finds it');
select tests.as_superuser();

-- places_near uses the spatial index ----------------------------------------------------------------
set local enable_seqscan = off;
select ok(exists (select 1 from tests.explain($$select p.id from public.curated_places as p
	where extensions.st_dwithin(p.geom::extensions.geography,
		extensions.st_setsrid(extensions.st_makepoint(4.77, 51.2), 4326)::extensions.geography, 500)$$) as e(line)
	where line like '%curated_places_geom_geog_idx%'), 'places_near''s predicate can use the geography index');

select * from finish();
rollback;
