-- Issue 24: nothing to do on SQLite, whose row trigger adds a new alert's
-- title in the hub's own process.
SELECT 1;
