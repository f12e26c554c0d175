-- PostgreSQL only; ../0060-search-pending-lists.sql is empty. Issue 24.
--
-- A trigram index (GIN: 0042's titles and hostnames, 0055's version names)
-- takes new entries into a pending list, unsorted, merged into the index when
-- vacuumed or once the list passes gin_pending_list_limit: 4 MB by default.
-- Pages a merge empties stay in the index for the next list, so each of these
-- indexes carried up to 4 MB beside its own entries: at 5,000 assets the
-- versions' names 5.6 MB where the names alone take about 2, the alert titles
-- 4.7 MB for 0.8 MB of titles. With a 256 kB list each merge is smaller and
-- more frequent, the same work in all, and a search reads a shorter list.
ALTER INDEX software_name_search SET (gin_pending_list_limit = 256);
ALTER INDEX alert_title_search_title SET (gin_pending_list_limit = 256);
ALTER INDEX asset_search_hostname SET (gin_pending_list_limit = 256);
