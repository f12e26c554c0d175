-- Issue 24: nothing to do on SQLite. PostgreSQL's 0053 keeps each trust's
-- machines counted by OS, OS patch state and carried statuses, so the
-- summary's machine counts read a few rows; SQLite counts them off the
-- assets_organisation_os index (0043) within the summary's 100 ms at 100,000
-- assets.
SELECT 1;
