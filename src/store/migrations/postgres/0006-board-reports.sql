-- PostgreSQL form of ../0006-board-reports.sql (see README.md here for the mapping).

-- The board's monthly cyber-posture report. A daily snapshot freezes the
-- figures' evidence (the rows behind every figure, as of that day), so trends
-- survive later changes to the estate and a past month's report regenerates
-- to the same figures. See src/report/.

CREATE TABLE posture_snapshots (
  -- the trust's local day (ESTATEWATCH_TIMEZONE), YYYY-MM-DD; today's may be re-taken, past days never change
  day text PRIMARY KEY,
  taken_at text NOT NULL,
  -- the key figures (src/report/posture-figures.ts), kept for ever: trends read these
  figures text NOT NULL,
  -- gzipped JSON of the evidence rows; dropped after the retention period except on each month's last snapshot
  evidence bytea,
  -- sha256 of the evidence JSON, kept when the evidence itself is pruned
  evidence_hash text NOT NULL,
  -- the audit chain's head when the snapshot was taken: which triage, sign-offs and decisions the figures reflect
  audit_head_id bigint,
  audit_head_hash text
);

-- Each generated report: the JSON is a pure function of the snapshots; who
-- generated it, when, and the audit chain head then are kept beside it.
CREATE TABLE board_reports (
  month text PRIMARY KEY,
  snapshot_day text NOT NULL REFERENCES posture_snapshots(day),
  data_hash text NOT NULL,
  json text NOT NULL,
  generated_at text NOT NULL,
  generated_by text NOT NULL,
  audit_head_id bigint,
  audit_head_hash text
);
