-- Issue 22: lifecycle data refreshed on a hub without a release. An update's
-- generated rule files live here, not in one process's folder, so every hub
-- process on one database judges with the same data, and a backup carries it.
-- The shipped rules stay the fallback for any product an update lacks.
CREATE TABLE lifecycle_data_files (
  file TEXT PRIMARY KEY,
  text TEXT NOT NULL
);

-- One row per applied update: where it came from, the data's own date, and
-- the verdict diff shown before it was applied (JSON), for the data page.
CREATE TABLE lifecycle_data_updates (
  id INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL,
  applied_by TEXT NOT NULL,
  origin TEXT NOT NULL,
  format TEXT NOT NULL,
  taken_on TEXT NOT NULL,
  digest TEXT NOT NULL,
  files INTEGER NOT NULL,
  diff TEXT NOT NULL
);

-- Each verdict names the data it came from and that data's date.
ALTER TABLE os_versions ADD COLUMN data_source TEXT NOT NULL DEFAULT '';
ALTER TABLE os_versions ADD COLUMN data_date TEXT;
ALTER TABLE software ADD COLUMN data_source TEXT NOT NULL DEFAULT '';
ALTER TABLE software ADD COLUMN data_date TEXT;
-- Verdicts stored before this name no data: judge everything again at start.
DELETE FROM hub_state WHERE key = 'verdicts-basis';
