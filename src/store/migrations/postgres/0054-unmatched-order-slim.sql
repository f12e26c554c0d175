-- PostgreSQL only; ../0054-unmatched-order-slim.sql is empty. Issue 24.
--
-- 0052 indexed each trust's unmatched programs in the queue's whole order,
-- names included. Each commit that moves a program's sum writes a new entry
-- in that index, so during a load it held a copy of the names for every
-- commit: 15.3 MB at 2,000 assets and 40 MB at 20,000 for 1,747 programs of
-- the largest trust. Indexed by the count alone, the names of a page's ties
-- are sorted as it is read (an incremental sort: the largest trust's first
-- page 0.09 ms before, 0.5 ms after; at offset 1,000, 3.3 and 3.6 ms).
DROP INDEX trust_unmatched_programs_order;
CREATE INDEX trust_unmatched_programs_order ON trust_unmatched_programs (organisation_id, installs DESC);
