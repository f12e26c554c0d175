-- Issue 24: nothing to do on SQLite, whose installs table is WITHOUT ROWID:
-- installs_software already holds each entry's asset_id (the table's key).
SELECT 1;
