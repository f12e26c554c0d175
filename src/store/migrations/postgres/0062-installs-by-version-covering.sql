-- PostgreSQL only; ../0062-installs-by-version-covering.sql is empty. Issue 24.
--
-- installs_software, an install's version, now carries the machine too
-- (INCLUDE), as SQLite's index on a WITHOUT ROWID table carries the table's
-- key: the machines carrying a version are read from the index alone, not
-- from a row each scattered over the installs (the machines carrying every
-- version of Chrome at 20,000 assets: 9,538 pages read, 30 ms; from the index,
-- 10 ms). An entry is 16 bytes either way (an integer is padded to 8). The
-- index is built again once: at 100,000 assets (30 million installs) expect a
-- minute, with ingest waiting on it.
DROP INDEX installs_software;
CREATE INDEX installs_software ON installs (software_id) INCLUDE (asset_id);
