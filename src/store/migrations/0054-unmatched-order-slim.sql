-- Issue 24: nothing to do on SQLite, which keeps no unmatched programs' sums
-- (PostgreSQL's 0052).
SELECT 1;
