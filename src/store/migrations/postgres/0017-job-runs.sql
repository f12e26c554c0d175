-- PostgreSQL form of ../0017-job-runs.sql (see README.md here for the mapping).

-- Each run of a scheduled job, one row per occasion ("slot": the time it was
-- due, or the month a board report covers). Several hub processes may share a
-- database; each one's scheduler fires, and only the one whose row goes in
-- runs the job. A run that never finishes (its hub died) can be taken over
-- once its lease has passed; a finished one is never run again.
CREATE TABLE job_runs (
  job text NOT NULL,
  slot text NOT NULL,
  hub text NOT NULL,
  started_at text NOT NULL,
  lease_until text NOT NULL,
  finished_at text,
  outcome text CHECK (outcome IN ('ok', 'failed')),
  PRIMARY KEY (job, slot)
);
