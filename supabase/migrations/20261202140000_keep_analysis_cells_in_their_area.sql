-- Analysis cells in another area. The summaries of a saved analysis were kept to the analysed
-- area's neighbourhoods (20261201090200), its overlay cells were not: any polygon in Belgium was
-- stored. The app now saves the overlay (the cells of the origins of the municipality saved for),
-- so a cell must touch the analysed area's boundary, whoever writes it (save_analysis, the service
-- role): refused otherwise with 23514 and {"kind": "outside_area", "field": "cells"}, and with it
-- the whole save (save_analysis is one transaction).

create function private.analysis_cell_in_area()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not exists (
		select 1 from public.saved_analyses as a
		join public.areas as ar on ar.id = a.area_id
		where a.id = new.analysis_id and extensions.st_intersects(ar.boundary, new.cell)
	) then
		raise exception 'analysis cell %: the cell lies outside the analysed area', new.cell_index
			using errcode = '23514', detail = '{"kind": "outside_area", "field": "cells"}';
	end if;
	return new;
end;
$$;
revoke execute on function private.analysis_cell_in_area() from public, anon, authenticated;
create trigger analysis_cells_in_area before insert or update on public.analysis_cells
	for each row execute function private.analysis_cell_in_area();
