-- Issue 24: nothing to do on SQLite. PostgreSQL's 0045 settles a transaction's
-- changes to the version counts (0011, 0020, 0040) once, at its commit, because
-- PostgreSQL writes a new copy of a row at each update and a count common to
-- every machine was updated once per report. SQLite updates a row in place:
-- store/installs.ts moves its counts report by report, as before.
SELECT 1;
