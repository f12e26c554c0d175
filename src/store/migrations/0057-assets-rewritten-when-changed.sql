-- Issue 24: nothing to do on SQLite, which updates a row in place: writing a
-- machine's carried statuses, risk counts or OS rank unchanged costs it a
-- page write, not a copy of the row and an entry in each of its indexes.
SELECT 1;
