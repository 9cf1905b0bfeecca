-- places_near scanned the whole table: its predicate cast the column to geography, which the
-- geometry GiST index cannot serve. An expression index on the geography cast makes
-- st_dwithin(location::geography, ...) index-usable; the function is otherwise unchanged.
create index curated_places_location_geog_idx on public.curated_places
	using gist ((location::extensions.geography));
