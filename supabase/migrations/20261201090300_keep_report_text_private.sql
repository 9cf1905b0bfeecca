-- Privacy of reports (GDPR). Once a planner acknowledged a report, anyone read its raw text, so a
-- phone number written in it became public. Now:
-- - the reporter's text (description) and the planner's note are readable only by the reporter
--   (public.my_barrier_reports) and by the planners and coordinators of the area
--   (public.area_barrier_reports); everyone else sees the kind, the place, the status and, when a
--   planner wrote one, the planner-approved public text (public_text);
-- - reporters erase their own reports (public.erase_barrier_report): signed in, by their account;
--   anonymous, from the device that holds the report's device id;
-- - a reporter without an account reads their own reports from that device too.

alter table public.barrier_reports add column public_text text;
alter table public.barrier_reports add constraint barrier_reports_public_text_length check (char_length(public_text) between 1 and 1000);
alter table public.barrier_reports add constraint barrier_reports_public_text_clean check (
	public_text !~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]' and public_text !~ '<[a-zA-Z/!?]'
);
comment on column public.barrier_reports.public_text is
	'What everyone may read about the report, written or approved by a planner of the area; null: the kind and place alone.';
-- the device id is erased by the retention job (private.apply_retention) after 90 days
alter table public.barrier_reports alter column client_id drop not null;

revoke select (description, planner_note) on public.barrier_reports from anon, authenticated;
grant select (public_text) on public.barrier_reports to anon, authenticated;
grant update (public_text) on public.barrier_reports to authenticated;

-- Before update: only valid status transitions, by the right person; what the report says stays
-- as reported; only the area's planners write the note and the public text.
create or replace function private.barrier_report_before_update()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
	uid uuid := (select auth.uid());
	is_planner boolean := old.area_id in (select private.my_area_ids('{planner}'))
		or coalesce(current_setting('role', true), '') in ('service_role', 'none', 'postgres');
begin
	new.id := old.id;
	new.area_id := old.area_id;
	new.kind := old.kind;
	new.location := old.location;
	new.geom := old.geom;
	new.reporter_id := old.reporter_id;
	new.created_at := old.created_at;
	-- the retention job (private.apply_retention) alone erases the text and the device id
	if coalesce(current_setting('buurtkaart.retention', true), '') <> 'on' then
		new.description := old.description;
		new.client_id := old.client_id;
	end if;

	if (new.planner_note is distinct from old.planner_note or new.public_text is distinct from old.public_text)
		and not is_planner then
		raise exception 'barrier report: only a planner of the area writes the note and the public text'
			using errcode = '42501', detail = '{"kind": "denied"}';
	end if;
	if new.status = old.status then
		new.status_changed_by := old.status_changed_by;
		new.acknowledged_at := old.acknowledged_at;
		new.resolved_at := old.resolved_at;
		new.rejected_at := old.rejected_at;
		new.withdrawn_at := old.withdrawn_at;
		return new;
	end if;

	if new.status = 'withdrawn' then
		if old.status <> 'new' or uid is null or uid is distinct from old.reporter_id then
			raise exception 'barrier report: only its reporter withdraws it, and only while it is new'
				using errcode = '42501', detail = '{"kind": "denied"}';
		end if;
	elsif not is_planner then
		raise exception 'barrier report: only a planner of the area changes its status'
			using errcode = '42501', detail = '{"kind": "denied"}';
	elsif not (
		(old.status = 'new' and new.status in ('acknowledged', 'rejected'))
		or (old.status = 'acknowledged' and new.status in ('resolved', 'rejected'))
	) then
		raise exception 'barrier report: status cannot go from % to %', old.status, new.status
			using errcode = '23514',
			detail = jsonb_build_object('kind', 'bad_transition', 'from', old.status, 'to', new.status)::text;
	end if;

	new.status_changed_by := uid;
	new.acknowledged_at := case when new.status = 'acknowledged' then now() else old.acknowledged_at end;
	new.resolved_at := case when new.status = 'resolved' then now() else old.resolved_at end;
	new.rejected_at := case when new.status = 'rejected' then now() else old.rejected_at end;
	new.withdrawn_at := case when new.status = 'withdrawn' then now() else old.withdrawn_at end;
	return new;
end;
$$;

-- The rows the API returns with the text: the reporter's own, and the area team's.
create type public.barrier_report_full as (
	id uuid, area_id uuid, kind public.barrier_kind, description text, public_text text, location jsonb,
	status public.report_status, planner_note text, created_at timestamptz, acknowledged_at timestamptz,
	resolved_at timestamptz, rejected_at timestamptz, withdrawn_at timestamptz
);

-- The caller's own reports: signed in, those of their account; with p_client_id, also those sent
-- from the device holding that id (anonymous reporters). Newest first.
create function private.my_barrier_reports_with_text(p_client_id uuid)
returns setof public.barrier_report_full
language sql
stable
security definer
set search_path = ''
as $$
	select r.id, r.area_id, r.kind, r.description, r.public_text, r.location, r.status, r.planner_note,
		r.created_at, r.acknowledged_at, r.resolved_at, r.rejected_at, r.withdrawn_at
	from public.barrier_reports as r
	where (r.reporter_id = (select auth.uid()))
		or (p_client_id is not null and r.client_id = p_client_id)
	order by r.created_at desc, r.id
$$;
revoke execute on function private.my_barrier_reports_with_text(uuid) from public;
grant execute on function private.my_barrier_reports_with_text(uuid) to anon, authenticated, service_role;
grant usage on schema private to anon;

drop function public.my_barrier_reports();
create function public.my_barrier_reports(p_client_id uuid default null)
returns setof public.barrier_report_full
language sql
stable
security invoker
set search_path = ''
as $$
	select * from private.my_barrier_reports_with_text(p_client_id)
$$;
revoke execute on function public.my_barrier_reports(uuid) from public;
grant execute on function public.my_barrier_reports(uuid) to anon, authenticated, service_role;

-- Every report of an area with its text, for the area's planners and coordinators (others: 42501).
-- Newest first; PostgREST pages it (limit/offset, at most its row limit per request).
create function private.area_barrier_reports(p_area_id uuid)
returns setof public.barrier_report_full
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if p_area_id is null or p_area_id not in (select private.my_area_ids('{planner,coordinator}')) then
		raise exception 'area_barrier_reports: only the planners and coordinators of the area read its reports'
			using errcode = '42501', detail = '{"kind": "denied"}';
	end if;
	return query
	select r.id, r.area_id, r.kind, r.description, r.public_text, r.location, r.status, r.planner_note,
		r.created_at, r.acknowledged_at, r.resolved_at, r.rejected_at, r.withdrawn_at
	from public.barrier_reports as r
	where r.area_id = p_area_id
	order by r.created_at desc, r.id;
end;
$$;
revoke execute on function private.area_barrier_reports(uuid) from public, anon;
grant execute on function private.area_barrier_reports(uuid) to authenticated, service_role;

create function public.area_barrier_reports(p_area_id uuid)
returns setof public.barrier_report_full
language sql
stable
security invoker
set search_path = ''
as $$
	select * from private.area_barrier_reports(p_area_id)
$$;
revoke execute on function public.area_barrier_reports(uuid) from public, anon;
grant execute on function public.area_barrier_reports(uuid) to authenticated, service_role;

-- Erases one of the caller's own reports for good (GDPR): signed in, a report of their account;
-- anonymous, a report sent from the device holding p_client_id. Returns false when there is no
-- such report of theirs. The audit trail keeps only status changes (no text, no reporter).
create function private.erase_barrier_report(p_id uuid, p_client_id uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
	n integer;
begin
	delete from public.barrier_reports as r
	where r.id = p_id
		and ((r.reporter_id is not null and r.reporter_id = (select auth.uid()))
			or (p_client_id is not null and r.client_id = p_client_id));
	get diagnostics n = row_count;
	return n > 0;
end;
$$;
revoke execute on function private.erase_barrier_report(uuid, uuid) from public;
grant execute on function private.erase_barrier_report(uuid, uuid) to anon, authenticated, service_role;

create function public.erase_barrier_report(p_id uuid, p_client_id uuid default null)
returns boolean
language sql
volatile
security invoker
set search_path = ''
as $$
	select private.erase_barrier_report(p_id, p_client_id)
$$;
revoke execute on function public.erase_barrier_report(uuid, uuid) from public;
grant execute on function public.erase_barrier_report(uuid, uuid) to anon, authenticated, service_role;
