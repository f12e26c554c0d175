-- PostgreSQL form of ../0010-posture-evidence-lists.sql (see README.md here for the mapping).

-- A posture snapshot's evidence, one gzipped JSON document per list, so a
-- report or an evidence page reads only the lists it needs and no document
-- has to hold every list at once (at 100,000 assets the alerts alone would
-- not fit in one JavaScript string). See src/report/evidence-codec.ts.
-- posture_snapshots.evidence_hash is, from here on, the sha256 of the lists'
-- documents in order (evidence-codec.ts hashEvidence).

CREATE TABLE posture_evidence (
  day text NOT NULL REFERENCES posture_snapshots(day) ON DELETE CASCADE,
  -- assets, items, alerts, actions, exceptions or devices; 'all' for a snapshot
  -- taken before this migration, whose six lists stay in their one document
  list text NOT NULL,
  -- gzipped JSON; a day's rows are deleted together when its evidence is pruned
  body bytea NOT NULL,
  PRIMARY KEY (day, list)
);

-- Earlier snapshots keep their document byte for byte: their reports must still
-- regenerate identically, and their evidence hash is the hash of that document.
INSERT INTO posture_evidence (day, list, body)
  SELECT day, 'all', evidence FROM posture_snapshots WHERE evidence IS NOT NULL;

ALTER TABLE posture_snapshots DROP COLUMN evidence;
