-- Issue 24: a record's audit trail (an alert's, a hazard's, a cyber alert's)
-- is read by entity and id on every page that shows it; without an index each
-- read scanned the whole append-only log, which only grows.
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
