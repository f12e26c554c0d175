-- Issue 22: a posture snapshot records the day the lifecycle data it was judged
-- with was taken, and the age past which that data counts as possibly out of
-- date, so a board report says how old its dates were and warns, and a
-- report rebuilt later (report --verify) says the same. NULL before this.
ALTER TABLE posture_snapshots ADD COLUMN lifecycle_data_on text;
ALTER TABLE posture_snapshots ADD COLUMN data_stale_days bigint;
