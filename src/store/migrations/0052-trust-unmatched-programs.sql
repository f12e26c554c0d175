-- Issue 24: nothing to do on SQLite. PostgreSQL's 0052 keeps each trust's
-- installs of unmatched versions summed by program, so the unmatched queue's
-- page reads its own rows; SQLite sums the version counts
-- (store/estate-queries.ts listUnmatched) within the page's 100 ms at 100,000
-- assets.
SELECT 1;
