-- Issue 24: the hub-wide count of assets carrying each version (0011) lived on
-- the version's own row, beside its name, vendor and lifecycle reason. A new
-- host's report moved the count of each of its 300 versions: 300 wide rows
-- rewritten, on pages spread over the whole table, to change one integer. On
-- PostgreSQL each settled commit left a dead copy of every such row until
-- autovacuum, and the pages that read `software` whole (a trust's software
-- list and summary) read those copies too (130-145 ms right after a load, 47-65
-- ms once vacuumed). The count now has a narrow table of its own, shaped as a
-- trust's (software_trust_installs, 0040): one row per version carried.

-- How many assets carry each version. Kept exact by store/installs.ts changeInstalls.
CREATE TABLE software_installs (
  software_id INTEGER NOT NULL PRIMARY KEY REFERENCES software(id),
  installs INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO software_installs (software_id, installs) SELECT id, installs FROM software WHERE installs <> 0;

ALTER TABLE software DROP COLUMN installs;
