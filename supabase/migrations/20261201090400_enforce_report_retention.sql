-- Retention of what residents send (stated in README.md and the app's privacy text):
-- - a report's text (description) is kept while the report is open and for 12 months after it
--   was resolved, rejected or withdrawn, then erased (the kind, place, status, dates and the
--   planner-approved public text stay, for monitoring);
-- - the device id (client_id) of a report is kept 90 days, then erased (after that the device can
--   no longer list or erase the report; a signed-in reporter still can);
-- - the rate-limit log (private.report_submissions, salted key hashes) is kept one day.
-- private.apply_retention() does it; pg_cron runs it daily at 03:17 where pg_cron is loaded
-- (Supabase projects; the local stack when postgresql-15-cron is installed). Elsewhere, schedule
-- `select private.apply_retention();` once a day.

create function private.apply_retention()
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
	texts integer;
	devices integer;
	submissions integer;
begin
	perform set_config('buurtkaart.retention', 'on', true);
	update public.barrier_reports as r set description = ''
	where r.description <> ''
		and r.status in ('resolved', 'rejected', 'withdrawn')
		and coalesce(r.resolved_at, r.rejected_at, r.withdrawn_at) < now() - interval '12 months';
	get diagnostics texts = row_count;
	update public.barrier_reports as r set client_id = null
	where r.client_id is not null and r.created_at < now() - interval '90 days';
	get diagnostics devices = row_count;
	perform set_config('buurtkaart.retention', '', true);
	delete from private.report_submissions as s where s.submitted_at < now() - interval '1 day';
	get diagnostics submissions = row_count;
	return jsonb_build_object('texts_erased', texts, 'device_ids_erased', devices, 'rate_log_rows_removed', submissions);
end;
$$;
revoke execute on function private.apply_retention() from public, anon, authenticated;
comment on function private.apply_retention() is
	'Erases report texts 12 months after closing, device ids after 90 days, the rate-limit log after a day. Run daily.';

create index barrier_reports_created_at_idx on public.barrier_reports (created_at);

-- pg_cron where it is loaded (it needs shared_preload_libraries); otherwise a notice says what to schedule.
do $$
begin
	if exists (select 1 from pg_available_extensions where name = 'pg_cron')
		and current_setting('shared_preload_libraries') ~ '(^|[ ,])pg_cron($|[ ,])' then
		create extension if not exists pg_cron with schema pg_catalog;
		perform cron.schedule('buurtkaart-retention', '17 3 * * *', 'select private.apply_retention()');
	else
		raise notice 'pg_cron is not loaded: schedule "select private.apply_retention();" once a day';
	end if;
end;
$$;
