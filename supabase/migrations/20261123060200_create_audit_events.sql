-- Audit trail: every change to a curated place and every status change of a barrier report, with
-- who and when. Written only by triggers (security definer); the members of the area read it.

create table public.audit_events (
	id bigint generated always as identity primary key,
	area_id uuid not null references public.areas (id) on delete cascade,
	entity text not null,
	entity_id uuid not null,
	action text not null,
	actor_id uuid references auth.users (id) on delete set null,
	changed_at timestamptz not null default now(),
	old_row jsonb,
	new_row jsonb,
	constraint audit_events_entity_known check (entity in ('curated_place', 'barrier_report')),
	constraint audit_events_action_known check (action in ('insert', 'update', 'delete', 'status'))
);
comment on table public.audit_events is 'Who changed which curated place or report status, and when.';
create index audit_events_area_id_idx on public.audit_events (area_id);
create index audit_events_actor_id_idx on public.audit_events (actor_id);
create index audit_events_entity_idx on public.audit_events (entity, entity_id);

alter table public.audit_events enable row level security;
revoke all on public.audit_events from anon, authenticated;
grant select on public.audit_events to authenticated;
grant all on public.audit_events to service_role;

create policy "audit events: members read their areas' trail" on public.audit_events
	for select to authenticated
	using (area_id in (select private.my_area_ids('{coordinator,planner,admin}')));
-- no insert/update/delete policies or grants: only the triggers below write, and nobody rewrites history

create function private.audit_curated_place()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	insert into public.audit_events (area_id, entity, entity_id, action, actor_id, old_row, new_row)
	values (
		coalesce(new.area_id, old.area_id), 'curated_place', coalesce(new.id, old.id), lower(tg_op),
		(select auth.uid()),
		case when tg_op <> 'INSERT' then to_jsonb(old) - 'location' || jsonb_build_object('location', extensions.st_asgeojson(old.location)::jsonb) end,
		case when tg_op <> 'DELETE' then to_jsonb(new) - 'location' || jsonb_build_object('location', extensions.st_asgeojson(new.location)::jsonb) end
	);
	return null;
end;
$$;
revoke execute on function private.audit_curated_place() from public, anon, authenticated;
create trigger curated_places_audit after insert or update or delete on public.curated_places
	for each row execute function private.audit_curated_place();

create function private.audit_barrier_report_status()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	insert into public.audit_events (area_id, entity, entity_id, action, actor_id, old_row, new_row)
	values (
		new.area_id, 'barrier_report', new.id, 'status', (select auth.uid()),
		jsonb_build_object('status', old.status, 'planner_note', old.planner_note),
		jsonb_build_object('status', new.status, 'planner_note', new.planner_note)
	);
	return null;
end;
$$;
revoke execute on function private.audit_barrier_report_status() from public, anon, authenticated;
create trigger barrier_reports_audit_status after update on public.barrier_reports
	for each row when (old.status is distinct from new.status or old.planner_note is distinct from new.planner_note)
	execute function private.audit_barrier_report_status();
