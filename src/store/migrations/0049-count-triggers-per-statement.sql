-- Issue 24: nothing to do on SQLite, whose triggers run once per row (it has
-- no other kind). PostgreSQL's 0049 runs the triggers that keep counts on
-- asset_item_counts (0012, 0044, 0046) and the alerts' counts (0039) once per
-- statement, over the rows it changed.
SELECT 1;
