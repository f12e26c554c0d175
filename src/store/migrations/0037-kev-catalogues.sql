-- Issue 23: a newer CISA Known Exploited Vulnerabilities catalogue brought in
-- with `estatewatch data update` on a hub that cannot reach the internet. The
-- catalogue lives here, not in one process's folder, so every hub process on
-- one database marks the same CVEs known exploited, and a backup carries it.
-- One row per catalogue applied; the newest row is the stored one in force
-- (unless ESTATEWATCH_KEV_FILE names a newer version).
CREATE TABLE kev_catalogues (
  id INTEGER PRIMARY KEY,
  -- CISA's catalogVersion ("2025.08.25") and dateReleased, as the file gives them.
  version TEXT NOT NULL,
  released TEXT NOT NULL,
  entries INTEGER NOT NULL,
  -- The file, unchanged (about 1.3 MB): read again by each hub that loads it.
  catalogue TEXT NOT NULL,
  origin TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  applied_by TEXT NOT NULL
);
