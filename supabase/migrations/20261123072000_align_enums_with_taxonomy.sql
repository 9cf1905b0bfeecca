-- The category and care-function ids are defined once in code (src/analysis/taxonomy.ts); three of
-- ours were spelled differently. Renaming keeps every stored value (PostgreSQL renames in place).
alter type public.place_category rename value 'supermarket' to 'grocery';
alter type public.place_category rename value 'daily_shop' to 'daily_shops';
alter type public.care_function rename value 'detecting_care_needs' to 'detecting_needs';
