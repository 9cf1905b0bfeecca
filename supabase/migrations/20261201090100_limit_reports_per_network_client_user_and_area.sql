-- Rate limits that the caller cannot choose. "20 reports per hour per device" counted a device id
-- the client makes up, and concurrent requests raced past the count. Now every report counts
-- against four keys, each checked under its own transaction-scoped advisory lock (so concurrent
-- reports with the same key are serialised and the limit holds exactly):
--   device          the client's device id (outbox id)              20 per hour
--   network client  the forwarded client address set by the API gateway (first entry of
--                   X-Forwarded-For, which the gateway overwrites)    60 per hour
--   user            the signed-in user                                30 per hour
--   area            every report in the area (areas.report_ceiling_per_hour, default 500), a
--                   ceiling planners see through public.area_report_load()
-- Submissions are logged in private.report_submissions with salted hashes of the keys (no raw
-- network addresses are stored), kept one day (private.apply_retention()). Erasing a report does
-- not give its submission back. Limits apply to API callers (anon, authenticated), not to the
-- service role.

alter table public.areas add column report_ceiling_per_hour integer not null default 500;
alter table public.areas add constraint areas_report_ceiling_range check (report_ceiling_per_hour between 0 and 100000);
comment on column public.areas.report_ceiling_per_hour is
	'Most barrier reports the area accepts in one hour, from everyone together (set by the service role).';

create table private.settings (
	key text primary key,
	value text not null
);
revoke all on private.settings from public, anon, authenticated;
insert into private.settings (key, value) values ('rate_key_salt', md5(gen_random_uuid()::text || clock_timestamp()::text));

create table private.report_submissions (
	scope text not null,
	key_hash text not null,
	submitted_at timestamptz not null default now(),
	constraint report_submissions_scope_known check (scope in ('device', 'network', 'user', 'area'))
);
comment on table private.report_submissions is
	'One row per barrier report and rate-limit key (salted hash), for the rate limits; kept one day.';
create index report_submissions_key_idx on private.report_submissions (key_hash, submitted_at);
create index report_submissions_submitted_at_idx on private.report_submissions (submitted_at);
revoke all on private.report_submissions from public, anon, authenticated;

-- The network client of the current API request: the first address of X-Forwarded-For, which the
-- gateway sets (Supabase's API gateway; scripts/lib/stack/proxy.ts locally). 'unknown' when an API
-- request carries none or an invalid one (they share one limit); null outside API requests.
create function private.client_address()
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
	headers text := current_setting('request.headers', true);
	first text;
begin
	if headers is null or headers = '' then
		return null;
	end if;
	first := btrim(split_part(coalesce(headers::jsonb ->> 'x-forwarded-for', ''), ',', 1));
	begin
		return host(first::inet);
	exception when others then
		return 'unknown';
	end;
end;
$$;
revoke execute on function private.client_address() from public, anon;
grant execute on function private.client_address() to authenticated, service_role;

-- The salted hash under which a rate-limit key is logged.
create function private.rate_key_hash(p_scope text, p_key text)
returns text
language sql
stable
security definer
set search_path = ''
as $$
	select md5(s.value || p_scope || ':' || p_key) from private.settings as s where s.key = 'rate_key_salt'
$$;
revoke execute on function private.rate_key_hash(text, text) from public, anon, authenticated;

-- Takes the lock of one rate-limit key, counts its submissions of the last hour and refuses the
-- report (PT429, HTTP 429) when `max_per_hour` are reached; otherwise logs this submission.
create function private.take_report_slot(p_scope text, p_key text, p_max_per_hour integer)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	v_hash text := private.rate_key_hash(p_scope, p_key);
	recent integer;
begin
	perform pg_advisory_xact_lock(hashtextextended('buurtkaart.report_slot:' || v_hash, 0));
	select count(*) into recent
	from private.report_submissions as r
	where r.key_hash = v_hash and r.submitted_at > now() - interval '1 hour';
	if recent >= p_max_per_hour then
		raise exception 'barrier report: rate limit reached (% reports per hour per %)', p_max_per_hour, p_scope
			using errcode = 'PT429', hint = 'Try again later.',
			detail = jsonb_build_object('kind', 'rate_limited', 'scope', p_scope, 'limit', p_max_per_hour,
				'window', '1 hour')::text;
	end if;
	insert into private.report_submissions (scope, key_hash) values (p_scope, v_hash);
end;
$$;
revoke execute on function private.take_report_slot(text, text, integer) from public, anon, authenticated;

-- Before insert: the geometry is parsed from the GeoJSON; the area is the one the report lies in;
-- status and timestamps start fresh; the rate limits above. Security definer: counts what the
-- caller cannot see.
create or replace function private.barrier_report_before_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	caller text := coalesce((select auth.role()), '');
	ceiling integer;
	address text;
begin
	if new.location is not null then
		new.geom := private.geometry_from_geojson(new.location, 'location');
	end if;
	if new.geom is null then
		raise exception 'barrier report: a location is required'
			using errcode = '23502', detail = '{"kind": "no_location", "field": "location"}';
	end if;
	new.location := extensions.st_asgeojson(new.geom)::jsonb;

	select a.id, a.report_ceiling_per_hour into new.area_id, ceiling
	from public.areas as a
	where extensions.st_intersects(a.boundary, new.geom)
	order by a.slug
	limit 1;
	if new.area_id is null then
		raise exception 'barrier report: the location lies outside every area that Buurtkaart serves'
			using errcode = '23514', detail = '{"kind": "outside_area", "field": "location"}';
	end if;

	if caller in ('anon', 'authenticated') then
		-- one fixed order of keys (area, network, user, device): no two reports wait for each other in a cycle
		perform private.take_report_slot('area', new.area_id::text, ceiling);
		address := private.client_address();
		if address is not null then
			perform private.take_report_slot('network', address, 60);
		end if;
		if (select auth.uid()) is not null then
			perform private.take_report_slot('user', (select auth.uid())::text, 30);
		end if;
		perform private.take_report_slot('device', new.client_id::text, 20);
	end if;

	new.status := 'new';
	new.planner_note := null;
	new.status_changed_by := null;
	new.created_at := now();
	new.acknowledged_at := null;
	new.resolved_at := null;
	new.rejected_at := null;
	new.withdrawn_at := null;
	return new;
end;
$$;
revoke execute on function private.barrier_report_before_insert() from public, anon, authenticated;

-- How busy an area is: its ceiling and the reports of the last hour. For the area's planners,
-- coordinators and admins (others: 42501).
create function private.area_report_load(p_area_id uuid)
returns table (ceiling_per_hour integer, reports_last_hour integer, ceiling_reached boolean)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if p_area_id not in (select private.my_area_ids('{planner,coordinator,admin}')) then
		raise exception 'area_report_load: only members of the area see its report load'
			using errcode = '42501', detail = '{"kind": "denied"}';
	end if;
	return query
	select a.report_ceiling_per_hour, n.recent, n.recent >= a.report_ceiling_per_hour
	from public.areas as a
	cross join lateral (
		select count(*)::integer as recent from private.report_submissions as r
		where r.key_hash = private.rate_key_hash('area', a.id::text) and r.submitted_at > now() - interval '1 hour'
	) as n
	where a.id = p_area_id;
end;
$$;
revoke execute on function private.area_report_load(uuid) from public, anon;
grant execute on function private.area_report_load(uuid) to authenticated, service_role;

create function public.area_report_load(p_area_id uuid)
returns table (ceiling_per_hour integer, reports_last_hour integer, ceiling_reached boolean)
language sql
stable
security invoker
set search_path = ''
as $$
	select * from private.area_report_load(p_area_id)
$$;
revoke execute on function public.area_report_load(uuid) from public, anon;
grant execute on function public.area_report_load(uuid) to authenticated, service_role;
