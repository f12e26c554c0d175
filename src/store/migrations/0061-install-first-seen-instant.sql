-- Issue 24: nothing to do on SQLite, which stores an install's first-seen
-- time as the text it is given, in as many bytes as it has.
SELECT 1;
