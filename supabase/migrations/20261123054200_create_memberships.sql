-- Memberships say who works on which area and in which role. An admin of an area manages its
-- memberships; members see the team of their own areas; everyone sees their own memberships.
-- The first admin of an area is added by the service role (operations), never through the API.

create table public.memberships (
	area_id uuid not null references public.areas (id) on delete cascade,
	user_id uuid not null references auth.users (id) on delete cascade,
	role public.member_role not null,
	created_by uuid default auth.uid() references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	primary key (area_id, user_id, role)
);
comment on table public.memberships is 'Who works on which area, as coordinator, planner or admin.';
create index memberships_user_id_idx on public.memberships (user_id);
create index memberships_created_by_idx on public.memberships (created_by);

-- Areas where the signed-in user holds one of `roles`. Security definer: reads memberships without
-- going through their own policies (no recursion). Fixed empty search_path, fully qualified names.
create function private.my_area_ids(roles public.member_role[])
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
	select m.area_id
	from public.memberships as m
	where m.user_id = (select auth.uid()) and m.role = any (roles)
$$;
revoke execute on function private.my_area_ids(public.member_role[]) from public, anon;
grant execute on function private.my_area_ids(public.member_role[]) to authenticated, service_role;

alter table public.memberships enable row level security;
revoke all on public.memberships from anon, authenticated;
grant select, insert, delete on public.memberships to authenticated;
grant update (role) on public.memberships to authenticated;
grant all on public.memberships to service_role;

create policy "memberships: own, and the team of my areas" on public.memberships
	for select to authenticated
	using (
		user_id = (select auth.uid())
		or area_id in (select private.my_area_ids('{coordinator,planner,admin}'))
	);
create policy "memberships: admins add to their areas" on public.memberships
	for insert to authenticated
	with check (area_id in (select private.my_area_ids('{admin}')));
create policy "memberships: admins change roles in their areas" on public.memberships
	for update to authenticated
	using (area_id in (select private.my_area_ids('{admin}')))
	with check (area_id in (select private.my_area_ids('{admin}')));
create policy "memberships: admins remove from their areas" on public.memberships
	for delete to authenticated
	using (area_id in (select private.my_area_ids('{admin}')));
