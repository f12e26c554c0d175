-- Issue 24: nothing to do on SQLite, whose FTS5 tables (0042) merge their
-- segments as they grow.
SELECT 1;
