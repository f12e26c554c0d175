-- PostgreSQL only; ../0055-software-name-search.sql is empty. Issue 24.
--
-- A search of the software list by part of a name (`/software?q=java`) read
-- every version's name, twice (the versions judged on their own and those
-- tied to their OS): at 20,000 assets two scans of 49,466 names, about 35 ms
-- each, and the page 86–121 ms. Trigrams of each name (pg_trgm, as 0013's
-- alert search) let ILIKE '%java%' seek the few names holding it, beside
-- software_product for the products the search names: the statement 88 → 11
-- ms there. A new version adds its name's trigrams; 2.2 MB for 49,466 names.
CREATE INDEX software_name_search ON software USING gin (name gin_trgm_ops);
