-- Issue 24: nothing to do on SQLite. PostgreSQL's 0051 indexes the version
-- counts by how many machines carry each version, so the software list's
-- first pages are read from the most widespread versions alone
-- (store/leading-versions.ts). SQLite builds the whole list within the
-- page's 100 ms at 100,000 assets, and an index on a count every report moves
-- would be written at each of a new host's 300 installs.
SELECT 1;
