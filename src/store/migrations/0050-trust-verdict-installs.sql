-- Issue 24: nothing to do on SQLite. PostgreSQL's 0050 keeps each trust's
-- installs of versions with a verdict of their own summed by verdict, so the
-- summary's unknown installs by reason and its patch counts read a few dozen
-- rows; SQLite reads them off the version counts (store/estate-queries.ts,
-- store/patch-queries.ts) within the summary's 100 ms at 100,000 assets.
SELECT 1;
