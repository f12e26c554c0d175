-- Issue 24: an alert run audits what it raised (or cleared) in one entry per
-- run and action (entity 'alert-run'), not one per alert: 2 million entries,
-- each hashed over the one before, made a first run over 100,000 assets take
-- ten minutes. Each alert the hub raised or cleared links to its run's entry,
-- which the alert's trail reads. NULL: raised before this migration (its own
-- entry, entity 'alert'), or not by the hub. No foreign key: audit_log rows
-- are never deleted (its triggers refuse it), and a key would cost a lookup
-- per alert raised.
ALTER TABLE alerts ADD COLUMN raised_audit_id bigint;
ALTER TABLE alerts ADD COLUMN resolved_audit_id bigint;
