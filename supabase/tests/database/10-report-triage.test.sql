-- Triage of barrier reports (issue 20), each action allowed and denied per role: reading the area's
-- list with the text (and paging it with filters), acknowledging, resolving and rejecting with a
-- note, writing the public text; the reporter reads the status and the note; everyone else reads a
-- report only once moderated, never its raw text or the note.
begin;
select plan(38);
select tests.create_cast();

-- Three reports in Vorselaar from the resident, one from an anonymous device, one in Lille.
select tests.authenticate_as('resident');
select lives_ok($$insert into public.barrier_reports (id, kind, description, location, client_id) values
	('00000000-0000-4000-8000-0000000020a1', 'narrow_path', 'Voetpad 80 cm breed, bel me op 0470 00 00 00', tests.geojson(tests.pt(4.7705, 51.2025)), '00000000-0000-4000-8000-00000000c201'),
	('00000000-0000-4000-8000-0000000020a2', 'high_kerb', 'Stoeprand te hoog', tests.geojson(tests.pt(4.7706, 51.2026)), '00000000-0000-4000-8000-00000000c201'),
	('00000000-0000-4000-8000-0000000020a3', 'no_bench', 'Geen bank', tests.geojson(tests.pt(4.7707, 51.2027)), '00000000-0000-4000-8000-00000000c201')$$,
	'a resident sends three reports');
select tests.clear_authentication();
select lives_ok($$insert into public.barrier_reports (id, kind, description, location, client_id) values
	('00000000-0000-4000-8000-0000000020a4', 'other', 'Anoniem', tests.geojson(tests.pt(4.7708, 51.2028)), '00000000-0000-4000-8000-00000000c202')$$,
	'an anonymous device sends one');
select tests.as_superuser();
select is((select count(*) from public.barrier_reports where area_id = tests.area('vorselaar')
	and id::text like '00000000-0000-4000-8000-0000000020a%'), 4::bigint, 'all four lie in Vorselaar');

-- Reading the area's list with the text: its planners and coordinators only.
select tests.authenticate_as('planner_vorselaar');
select is((select count(*) from public.area_barrier_reports(tests.area('vorselaar'))
	where id::text like '00000000-0000-4000-8000-0000000020a%'), 4::bigint, 'the area''s planner reads its reports');
select is((select description from public.area_barrier_reports(tests.area('vorselaar')) where id = '00000000-0000-4000-8000-0000000020a1'),
	'Voetpad 80 cm breed, bel me op 0470 00 00 00', 'with the reporter''s text');
select is((select count(*) from public.area_barrier_reports(tests.area('vorselaar'))
	where kind = 'narrow_path' and status = 'new' and id::text like '00000000-0000-4000-8000-0000000020a%'), 1::bigint,
	'filtered by kind and status (as PostgREST filters the function''s rows)');
select is((select count(*) from (select id from public.area_barrier_reports(tests.area('vorselaar'))
	where id::text like '00000000-0000-4000-8000-0000000020a%' order by created_at desc, id limit 2 offset 2) as p), 2::bigint,
	'and paged');
select tests.authenticate_as('coord_vorselaar');
select is((select count(*) from public.area_barrier_reports(tests.area('vorselaar'))
	where id::text like '00000000-0000-4000-8000-0000000020a%'), 4::bigint, 'the area''s coordinator reads them too');
select tests.authenticate_as('admin_vorselaar');
select throws_ok($$select * from public.area_barrier_reports(tests.area('vorselaar'))$$, '42501', null,
	'the area''s admin (no planner, no coordinator) does not');
select tests.authenticate_as('planner_lille');
select throws_ok($$select * from public.area_barrier_reports(tests.area('vorselaar'))$$, '42501', null,
	'a planner of another area does not');
select tests.authenticate_as('coord_lille');
select throws_ok($$select * from public.area_barrier_reports(tests.area('vorselaar'))$$, '42501', null,
	'a coordinator of another area does not');
select tests.authenticate_as('resident');
select throws_ok($$select * from public.area_barrier_reports(tests.area('vorselaar'))$$, '42501', null,
	'a resident (even the reporter) does not');
select tests.clear_authentication();
select throws_ok($$select * from public.area_barrier_reports(tests.area('vorselaar'))$$, '42501', null, 'anon does not');

-- Acknowledging with a note: the area's planner only.
select tests.authenticate_as('planner_lille');
select is(tests.affected_rows($$update public.barrier_reports set status = 'acknowledged', planner_note = 'x'
	where id = '00000000-0000-4000-8000-0000000020a1'$$), 0::bigint, 'a planner of another area cannot acknowledge');
select tests.authenticate_as('coord_vorselaar');
select is(tests.affected_rows($$update public.barrier_reports set status = 'acknowledged' where id = '00000000-0000-4000-8000-0000000020a1'$$), 0::bigint,
	'the area''s coordinator cannot acknowledge (the update changes no row)');
select tests.authenticate_as('admin_vorselaar');
select is(tests.affected_rows($$update public.barrier_reports set status = 'acknowledged' where id = '00000000-0000-4000-8000-0000000020a1'$$), 0::bigint,
	'the area''s admin cannot acknowledge (the update changes no row)');
select tests.authenticate_as('resident');
select throws_ok($$update public.barrier_reports set status = 'acknowledged', planner_note = 'zelf'
	where id = '00000000-0000-4000-8000-0000000020a1'$$, '42501', null, 'the reporter cannot acknowledge their own report');
select tests.clear_authentication();
select throws_ok($$update public.barrier_reports set status = 'acknowledged' where id = '00000000-0000-4000-8000-0000000020a4'$$,
	'42501', null, 'anon cannot acknowledge');
select tests.clear_authentication();
select is((select count(*) from public.barrier_reports where id::text like '00000000-0000-4000-8000-0000000020a%'), 0::bigint,
	'before moderation anon sees none of them');
select tests.authenticate_as('planner_vorselaar');
select is(tests.affected_rows($$update public.barrier_reports set status = 'acknowledged',
	planner_note = 'We meten het voetpad op 3 december.', public_text = 'Voetpad te smal; de gemeente meet het op.'
	where id = '00000000-0000-4000-8000-0000000020a1'$$), 1::bigint, 'the area''s planner acknowledges with a note and a public text');

-- The reporter reads the status and the note; everyone reads the moderated report's public text,
-- never the raw text or the note.
select tests.authenticate_as('resident');
select results_eq($$select status::text, planner_note from public.my_barrier_reports() where id = '00000000-0000-4000-8000-0000000020a1'$$,
	$$values ('acknowledged', 'We meten het voetpad op 3 december.')$$, 'the reporter reads the status and the note');
select tests.authenticate_as('other_resident');
select is((select count(*) from public.my_barrier_reports() where id = '00000000-0000-4000-8000-0000000020a1'), 0::bigint,
	'another resident does not read it as theirs');
select tests.clear_authentication();
select results_eq($$select status::text, public_text from public.barrier_reports where id = '00000000-0000-4000-8000-0000000020a1'$$,
	$$values ('acknowledged', 'Voetpad te smal; de gemeente meet het op.')$$, 'once moderated, anon reads the status and the public text');
select throws_ok($$select description from public.barrier_reports where id = '00000000-0000-4000-8000-0000000020a1'$$,
	'42501', null, 'but never the reporter''s text');
select throws_ok($$select planner_note from public.barrier_reports where id = '00000000-0000-4000-8000-0000000020a1'$$,
	'42501', null, 'nor the note');

-- The public text: the area's planner only.
select tests.authenticate_as('coord_vorselaar');
select is(tests.affected_rows($$update public.barrier_reports set public_text = 'anders' where id = '00000000-0000-4000-8000-0000000020a1'$$), 0::bigint,
	'the area''s coordinator cannot write the public text (the update changes no row)');
select tests.authenticate_as('resident');
select is(tests.affected_rows($$update public.barrier_reports set public_text = 'anders' where id = '00000000-0000-4000-8000-0000000020a1'$$), 0::bigint,
	'the reporter cannot write the public text (the update changes no row)');
select tests.authenticate_as('planner_lille');
select is(tests.affected_rows($$update public.barrier_reports set public_text = 'anders' where id = '00000000-0000-4000-8000-0000000020a1'$$),
	0::bigint, 'a planner of another area cannot write it');

-- Resolving: the area's planner only, and only an acknowledged report.
select tests.as_superuser();
select results_eq($$select public_text from public.barrier_reports where id = '00000000-0000-4000-8000-0000000020a1'$$,
	$$values ('Voetpad te smal; de gemeente meet het op.')$$, 'the public text is still the planner''s');
select tests.authenticate_as('planner_lille');
select is(tests.affected_rows($$update public.barrier_reports set status = 'resolved' where id = '00000000-0000-4000-8000-0000000020a1'$$),
	0::bigint, 'a planner of another area cannot resolve');
select tests.authenticate_as('coord_vorselaar');
select is(tests.affected_rows($$update public.barrier_reports set status = 'resolved' where id = '00000000-0000-4000-8000-0000000020a1'$$), 0::bigint,
	'the area''s coordinator cannot resolve (the update changes no row)');
select tests.authenticate_as('planner_vorselaar');
select throws_ok($$update public.barrier_reports set status = 'resolved' where id = '00000000-0000-4000-8000-0000000020a2'$$,
	'23514', null, 'a new report cannot be resolved without being acknowledged');
select is(tests.affected_rows($$update public.barrier_reports set status = 'resolved', planner_note = 'Voetpad verbreed.'
	where id = '00000000-0000-4000-8000-0000000020a1'$$), 1::bigint, 'the area''s planner resolves it with a note');
select tests.authenticate_as('resident');
select results_eq($$select status::text, planner_note from public.my_barrier_reports() where id = '00000000-0000-4000-8000-0000000020a1'$$,
	$$values ('resolved', 'Voetpad verbreed.')$$, 'the reporter reads it resolved, with the new note');

-- Rejecting: the area's planner only; a rejected report is never public.
select tests.authenticate_as('planner_lille');
select is(tests.affected_rows($$update public.barrier_reports set status = 'rejected' where id = '00000000-0000-4000-8000-0000000020a3'$$),
	0::bigint, 'a planner of another area cannot reject');
select tests.authenticate_as('resident');
select throws_ok($$update public.barrier_reports set status = 'rejected' where id = '00000000-0000-4000-8000-0000000020a3'$$,
	'42501', null, 'the reporter cannot reject');
select tests.authenticate_as('planner_vorselaar');
select is(tests.affected_rows($$update public.barrier_reports set status = 'rejected', planner_note = 'Privé-terrein.'
	where id = '00000000-0000-4000-8000-0000000020a3'$$), 1::bigint, 'the area''s planner rejects with a note');
select tests.clear_authentication();
select is((select count(*) from public.barrier_reports where id = '00000000-0000-4000-8000-0000000020a3'), 0::bigint,
	'anon never reads a rejected report');

select * from finish();
rollback;
