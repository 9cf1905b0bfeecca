-- Clients write only the columns that are theirs to write: never who created a row or when (the
-- trail and the monitoring over time rely on them), never a row's id after the fact.
revoke insert, update on public.curated_places from authenticated;
grant insert (id, area_id, name, description, categories, target_groups, care_functions, address, phone,
	email, website, opening_hours, wheelchair, location, source, verified_at, visibility)
	on public.curated_places to authenticated;
grant update (area_id, name, description, categories, target_groups, care_functions, address, phone,
	email, website, opening_hours, wheelchair, location, source, verified_at, visibility)
	on public.curated_places to authenticated;

revoke insert on public.saved_analyses from authenticated;
grant insert (id, area_id, name, description, parameters, engine_version, data_version, visibility, created_by)
	on public.saved_analyses to authenticated;

revoke insert on public.memberships from authenticated;
grant insert (area_id, user_id, role) on public.memberships to authenticated;
