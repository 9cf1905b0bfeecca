-- Deleting an area (service role) cascades to its curated places; their audit rows would point at
-- the deleted area and fail its foreign key. When the area itself is gone, there is no trail to
-- keep: the area's audit events are removed with it (on delete cascade).
create or replace function private.audit_curated_place()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'DELETE' and not exists (select 1 from public.areas as a where a.id = old.area_id) then
		return null;
	end if;
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
