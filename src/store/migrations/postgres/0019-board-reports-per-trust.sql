-- PostgreSQL form of ../0019-board-reports-per-trust.sql (see README.md here for the mapping).

-- Board reports per trust (issue 10). Each trust's board reads its own
-- monthly report, built on its own daily snapshots; an ICS hub with several
-- trusts also keeps snapshots and reports of the whole hub, the ICS board's
-- report, which sets the trusts side by side. organisation_id is the trust's
-- id, or 0 for the whole hub (no organisation has id 0). The snapshots and
-- reports stored so far were the one trust's: they become organisation 1's.
--
-- SQLite rebuilds the tables; PostgreSQL changes their keys in place, with the
-- same columns, keys and foreign keys as the result.

ALTER TABLE board_reports DROP CONSTRAINT board_reports_snapshot_day_fkey;
ALTER TABLE posture_evidence DROP CONSTRAINT posture_evidence_day_fkey;

ALTER TABLE posture_snapshots ADD COLUMN organisation_id bigint NOT NULL DEFAULT 1;
ALTER TABLE posture_snapshots ALTER COLUMN organisation_id DROP DEFAULT;
ALTER TABLE posture_snapshots DROP CONSTRAINT posture_snapshots_pkey;
ALTER TABLE posture_snapshots ADD PRIMARY KEY (organisation_id, day);

ALTER TABLE posture_evidence ADD COLUMN organisation_id bigint NOT NULL DEFAULT 1;
ALTER TABLE posture_evidence ALTER COLUMN organisation_id DROP DEFAULT;
ALTER TABLE posture_evidence DROP CONSTRAINT posture_evidence_pkey;
ALTER TABLE posture_evidence ADD PRIMARY KEY (organisation_id, day, list);
ALTER TABLE posture_evidence ADD FOREIGN KEY (organisation_id, day) REFERENCES posture_snapshots (organisation_id, day) ON DELETE CASCADE;

ALTER TABLE board_reports ADD COLUMN organisation_id bigint NOT NULL DEFAULT 1;
ALTER TABLE board_reports ALTER COLUMN organisation_id DROP DEFAULT;
ALTER TABLE board_reports DROP CONSTRAINT board_reports_pkey;
ALTER TABLE board_reports ADD PRIMARY KEY (organisation_id, month);
ALTER TABLE board_reports ADD FOREIGN KEY (organisation_id, snapshot_day) REFERENCES posture_snapshots (organisation_id, day);
