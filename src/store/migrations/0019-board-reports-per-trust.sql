-- Board reports per trust (issue 10). Each trust's board reads its own
-- monthly report, built on its own daily snapshots; an ICS hub with several
-- trusts also keeps snapshots and reports of the whole hub, the ICS board's
-- report, which sets the trusts side by side. organisation_id is the trust's
-- id, or 0 for the whole hub (no organisation has id 0). The snapshots and
-- reports stored so far were the one trust's: they become organisation 1's.
--
-- SQLite cannot change a primary key in place, so the three tables are
-- rebuilt; the rows move unchanged. Old tables are dropped referrers first,
-- so no foreign key is broken (or cascaded) on the way.

CREATE TABLE new_posture_snapshots (
  -- the trust's local day (ESTATEWATCH_TIMEZONE), YYYY-MM-DD; today's may be re-taken, past days never change
  day TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  -- the key figures (src/report/posture-figures.ts), kept for ever: trends read these
  figures TEXT NOT NULL,
  -- sha256 of the evidence lists' documents, kept when the evidence itself is pruned
  evidence_hash TEXT NOT NULL,
  -- the audit chain's head when the snapshot was taken: which triage, sign-offs and decisions the figures reflect
  audit_head_id INTEGER,
  audit_head_hash TEXT,
  -- the trust, or 0: the whole hub
  organisation_id INTEGER NOT NULL,
  PRIMARY KEY (organisation_id, day)
);
INSERT INTO new_posture_snapshots (day, taken_at, figures, evidence_hash, audit_head_id, audit_head_hash, organisation_id)
  SELECT day, taken_at, figures, evidence_hash, audit_head_id, audit_head_hash, 1 FROM posture_snapshots;

CREATE TABLE new_posture_evidence (
  day TEXT NOT NULL,
  -- assets, items, alerts, actions, exceptions or devices; 'all' for a snapshot taken before 0010
  list TEXT NOT NULL,
  -- gzipped JSON; a day's rows are deleted together when its evidence is pruned
  body BLOB NOT NULL,
  organisation_id INTEGER NOT NULL,
  PRIMARY KEY (organisation_id, day, list),
  FOREIGN KEY (organisation_id, day) REFERENCES new_posture_snapshots (organisation_id, day) ON DELETE CASCADE
);
INSERT INTO new_posture_evidence (day, list, body, organisation_id) SELECT day, list, body, 1 FROM posture_evidence;

CREATE TABLE new_board_reports (
  month TEXT NOT NULL,
  snapshot_day TEXT NOT NULL,
  data_hash TEXT NOT NULL,
  json TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  generated_by TEXT NOT NULL,
  audit_head_id INTEGER,
  audit_head_hash TEXT,
  organisation_id INTEGER NOT NULL,
  PRIMARY KEY (organisation_id, month),
  FOREIGN KEY (organisation_id, snapshot_day) REFERENCES new_posture_snapshots (organisation_id, day)
);
INSERT INTO new_board_reports (month, snapshot_day, data_hash, json, generated_at, generated_by, audit_head_id, audit_head_hash, organisation_id)
  SELECT month, snapshot_day, data_hash, json, generated_at, generated_by, audit_head_id, audit_head_hash, 1 FROM board_reports;

DROP TABLE board_reports;
DROP TABLE posture_evidence;
DROP TABLE posture_snapshots;
ALTER TABLE new_posture_snapshots RENAME TO posture_snapshots;
ALTER TABLE new_posture_evidence RENAME TO posture_evidence;
ALTER TABLE new_board_reports RENAME TO board_reports;
