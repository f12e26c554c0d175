-- Issue 24: nothing to do on SQLite. PostgreSQL's 0048 settles the version
-- counts (0045) by looking each version up by its id instead of hashing the
-- whole catalogue; SQLite moves its counts report by report (store/installs.ts).
SELECT 1;
