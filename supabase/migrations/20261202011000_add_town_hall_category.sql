-- Town halls are places residents go to for help (issue 11): the taxonomy has them as 'town_hall'
-- (OSM amenity=townhall), so coordinators can store and curate them like every other category.
-- A new enum value is appended; stored values are unchanged.
alter type public.place_category add value if not exists 'town_hall';
